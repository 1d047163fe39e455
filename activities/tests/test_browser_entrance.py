"""An activity's entrance in a real browser: staff type (or scan) a code and count
walk-ins; the answer shows without a reload and the counts follow, on this phone
and on the overview another staff member watches. Debian's Chromium through
Playwright against a live server in this process (core/tests/browser.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.models import User
from accounts.roles import assign_role
from activities import services
from activities.models import Activity, ActivitySlot
from core.tests.browser import new_context
from editions.tests.factories import EditionFactory

pytestmark = pytest.mark.browser

PASSWORD = "entrance-of-the-dome-2022"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def booking(transactional_db):
    """A group of 3 booked into the dome's slot that started five minutes ago."""
    now = timezone.now()
    today = timezone.localdate()
    edition = EditionFactory(
        slug="scc-now",
        is_current=True,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    dome = Activity.objects.create(
        edition=edition,
        slug="dome",
        kind=Activity.Kind.IMMERSIVE,
        title_fr="Dôme des données",
        title_en="Data dome",
    )
    slot = ActivitySlot.objects.create(
        activity=dome,
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=55),
        capacity=10,
        walk_in_places=4,
    )
    visitor = services.Visitor(
        first_name="Amina", language="fr", phone="+212612345678", group_size=3
    )
    staff = User.objects.create_user("dome", password=PASSWORD)
    assign_role(staff, "registration_desk")
    return services.book(slot, visitor=visitor, now=now - timedelta(hours=1))[0]


def signed_in(browser, live_server, path):
    page = new_context(browser, locale="en-GB", **PHONE).new_page()
    page.goto(f"{live_server.url}/en/admin/login/?next=/en/activities/entrance/{path}")
    page.fill("#id_username", "dome")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/en/activities/entrance/{path}")
    page.evaluate("window.sameDocument = true")  # gone if the page reloads
    return page


def fact(page: Page, name: str):
    return page.locator(f"[data-entrance-counts] dt:text-is('{name}') + dd")


def test_codes_and_walk_ins_answer_without_reload_and_the_overview_follows(
    browser,
    live_server,
    booking,
):
    door = signed_in(browser, live_server, "dome/")
    overview = signed_in(browser, live_server, "")
    expect(overview.locator("table.occupancy tbody tr").first).to_contain_text("Data dome")

    expect(door.locator("#code")).to_be_focused()
    expect(door.locator("[data-entrance-camera]")).to_be_hidden()  # this Chromium reads no QR
    door.keyboard.type(booking.display_code.lower())  # what a keyboard-wedge scanner does
    door.keyboard.press("Enter")
    expect(door.locator("[data-entrance-answer]")).to_contain_text("Admitted: Amina, group of 3.")
    expect(fact(door, "admitted with a booking")).to_have_text("3")
    expect(door.locator("#code")).to_have_value("")

    door.locator("button[name=people][value='2']").click()
    expect(door.locator("[data-entrance-answer]")).to_contain_text("2 walk-ins counted.")
    expect(fact(door, "walk-ins")).to_have_text("2")

    other_phone = signed_in(browser, live_server, "dome/")
    other_phone.fill("#code", booking.code)
    other_phone.keyboard.press("Enter")
    expect(other_phone.locator("[data-entrance-answer] .error")).to_contain_text("Already admitted")

    walk_ins = overview.locator("table.occupancy tbody tr").first.locator("td").nth(4)
    expect(walk_ins).to_have_text("2", timeout=12000)  # refreshed by itself (every 5 s)
    for page in (door, overview, other_phone):
        assert page.evaluate("window.sameDocument === true")


def test_without_javascript_the_forms_post_and_the_page_says_the_answer(
    browser,
    live_server,
    booking,
):
    context = new_context(browser, locale="en-GB", java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/admin/login/?next=/en/activities/entrance/dome/")
    page.fill("#id_username", "dome")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.fill("#code", booking.display_code)
    page.locator("form[action$='/scan/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Admitted: Amina, group of 3.")
    expect(fact(page, "admitted with a booking")).to_have_text("3")
