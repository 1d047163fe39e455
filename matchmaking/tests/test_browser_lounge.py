"""From an application to a meeting at a numbered table, in a real browser (issue 4, point 9).

A startup applies (signed in by the e-mailed link), a juror scores it, staff
select it; a corporate with a confirmed pass joins the lounge and publishes a
challenge; the startup asks for a meeting, the corporate accepts; staff run
the scheduler and publish; both agendas show the same table and time.
Five people, each in their own browser context, against one live server.
"""

import re
from datetime import datetime, time, timedelta
from time import monotonic, sleep

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from accounts.models import User
from accounts.roles import assign_role
from core.tests.browser import new_context
from editions.tests.factories import EditionFactory, PivotFactory
from matchmaking.models import LoungeSlot, LoungeTable, Meeting, MeetingRequest
from matchmaking.tests.factories import LoungeFactory
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from startups.models import Application
from startups.tests.factories import CallFactory, CriterionFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-staff-password-for-tests"  # noqa: S105
STARTUP_EMAIL = "founder@qatra.example.ma"
CORPORATE_EMAIL = "innovation@casa-eau.example.ma"


@pytest.fixture
def symposium(db):
    """An edition next month with an open call (two criteria) and a lounge taking requests."""
    first_day = (timezone.now() + timedelta(days=30)).date()
    edition = EditionFactory(
        slug="scc-next", is_current=True, starts_on=first_day, ends_on=first_day + timedelta(1)
    )
    PivotFactory(edition=edition, slug="low-tech", name_en="Low-tech technologies")
    call = CallFactory(edition=edition)
    CriterionFactory(call=call, name_en="Impact on the city", weight=3)
    CriterionFactory(call=call, name_en="Frugality", weight=1)
    lounge = LoungeFactory(edition=edition)
    opens = datetime.combine(first_day, time(14, 0), tzinfo=edition.tz)
    for k in range(4):
        start = opens + timedelta(minutes=20 * k)
        LoungeSlot.objects.create(
            lounge=lounge, starts_at=start, ends_at=start + timedelta(minutes=20)
        )
    for number in (1, 2, 3):
        LoungeTable.objects.create(lounge=lounge, number=number)
    pro = PassTypeFactory(edition=edition)
    RegistrationFactory(
        pass_type=pro,
        edition=edition,
        email=CORPORATE_EMAIL,
        first_name="Nadia",
        last_name="Berrada",
        organisation="Casa Eau (fictive)",
        language="en",
    )
    return edition


def staff_member(username: str, role: str) -> User:
    person = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    assign_role(person, role)
    return person


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def people(request, browser, live_server, symposium):
    """Four people in their own browsers, with JavaScript on, then all of them with it off:
    every step of the story is a plain link or form."""
    staff_member("juror", "jury_member")
    staff_member("organiser", "admin")
    contexts = {
        who: new_context(browser, locale="en-GB", java_script_enabled=request.param)
        for who in ("startup", "juror", "organiser", "corporate")
    }
    yield {who: context.new_page() for who, context in contexts.items()}
    for context in contexts.values():
        context.close()


def follow_emailed_link(page: Page, live_server, email: str):
    message = last_email_to(email)
    link = re.search(re.escape(settings.SITE_URL) + r"(\S+)", message.body).group(1)
    page.goto(live_server.url + link)


def last_email_to(email: str, *, within: float = 10.0):
    """A sign-in link leaves once its response has gone (core.outbox), from the live
    server's thread: it may land a moment after the page shows."""
    deadline = monotonic() + within
    while not any(m.to == [email] for m in mail.outbox):
        assert monotonic() < deadline, f"no e-mail to {email}"
        sleep(0.05)
    return next(m for m in reversed(mail.outbox) if m.to == [email])


def sign_in_as_staff(page: Page, live_server, username: str, target: str):
    page.goto(f"{live_server.url}/en/admin/login/?next={target}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"**{target}")


def apply_as_a_startup(page: Page, live_server):
    page.goto(f"{live_server.url}/en/startups/apply/")
    page.fill("#id_email", STARTUP_EMAIL)
    page.get_by_role("button", name="Send me the link").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    follow_emailed_link(page, live_server, STARTUP_EMAIL)
    page.fill("#id_name", "Qatra")
    page.locator("input[name=structure][value=tech_startup]").check()
    page.fill("#id_pitch", "Low-cost optical water meters that find leaks in old buildings.")
    page.locator("input[name=pivot]").first.check()
    page.select_option("#id_sector", "water")
    page.select_option("#id_stage", "prototype")
    page.fill("#id_team_size", "3")
    page.fill("#id_city", "Casablanca")
    page.fill("#id_seeking", "A pilot with a water utility.")
    page.check("#id_consent")
    page.locator("button[value=submit]").click()
    expect(page.locator("main")).to_contain_text("Qatra")
    return Application.objects.get(name="Qatra")


def score_as_a_juror(page: Page, live_server, application):
    sign_in_as_staff(page, live_server, "juror", "/en/startups/jury/")
    page.get_by_role("link", name="Qatra").click()
    # .all() does not wait: without this, it can read the list page before the
    # review page has loaded and check nothing.
    criteria = page.locator("fieldset:has(input[type=radio][name^=score-])")
    expect(criteria).to_have_count(2)
    for group in criteria.all():
        group.locator("input[value='4']").check()
    page.fill("#id_comment", "Solid and frugal; a pilot is realistic this year.")
    page.get_by_role("button", name="Save my review").click()
    expect(page.locator(".messages")).to_be_visible()
    assert application.reviews.get().scores.count() == 2


def select_as_staff(page: Page, live_server, application):
    sign_in_as_staff(page, live_server, "organiser", "/en/startups/staff/")
    expect(page.locator("main")).to_contain_text("Qatra")
    page.get_by_role("link", name="Qatra").first.click()
    page.fill("#id_message", "Welcome to the village!")
    page.locator("button[value=select]").click()
    expect(page.locator(".messages")).to_be_visible()
    application.refresh_from_db()
    assert application.status == Application.Status.SELECTED
    assert any(m.to == [STARTUP_EMAIL] and "Welcome to the village!" in m.body for m in mail.outbox)


def publish_a_challenge_as_a_corporate(page: Page, live_server):
    page.goto(f"{live_server.url}/en/account/sign-in/")
    page.fill("#id_email", CORPORATE_EMAIL)
    page.locator("main form [type=submit]").click()
    follow_emailed_link(page, live_server, CORPORATE_EMAIL)
    page.goto(f"{live_server.url}/en/matchmaking/join/")
    page.locator("input[name=kind][value=corporate]").check()
    page.get_by_role("button", name="Join the lounge").click()
    page.goto(f"{live_server.url}/en/matchmaking/me/challenges/new/")
    page.fill("#id_title", "Find the leaks in our water network")
    page.fill("#id_description", "Frugal sensors to spot water leaks in the neighbourhoods.")
    page.fill("#id_keywords", "water, leaks, sensors")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Find the leaks in our water network")


def request_a_meeting_as_the_startup(page: Page, live_server):
    page.goto(f"{live_server.url}/en/matchmaking/join/")
    page.locator("input[name=kind][value=startup]").check()
    page.get_by_role("button", name="Join the lounge").click()
    page.goto(f"{live_server.url}/en/matchmaking/suggestions/")
    suggestion = page.locator("li", has_text="Casa Eau (fictive)").first
    expect(suggestion).to_contain_text("water")  # a reason is shown
    suggestion.get_by_role("link", name="Casa Eau (fictive)").click()
    page.get_by_role("link", name="Ask for a meeting").click()
    page.fill("#id_message", "Our meters find leaks in old buildings; shall we plan a pilot?")
    page.locator("input[name=priority][value='3']").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.locator("main")).to_contain_text("Casa Eau (fictive)")


def accept_as_the_corporate(page: Page, live_server):
    page.goto(f"{live_server.url}/en/matchmaking/requests/")
    received = page.locator("li.request", has_text="Qatra")
    expect(received).to_contain_text("shall we plan a pilot?")
    received.get_by_role("button", name="Accept").click()
    expect(page.locator("main")).to_contain_text("accepted")
    assert MeetingRequest.objects.get().status == MeetingRequest.Status.ACCEPTED


def schedule_and_publish_as_staff(page: Page, live_server):
    page.goto(f"{live_server.url}/en/matchmaking/staff/")
    page.get_by_role("button", name="Run the scheduler").click()
    expect(page.locator("main")).to_contain_text("Qatra")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_be_visible()


def agenda_entry(page: Page, live_server) -> tuple[str, str]:
    page.goto(f"{live_server.url}/en/matchmaking/agenda/")
    meeting = page.locator("li.is-meeting")
    expect(meeting).to_have_count(1)
    return meeting.locator(".table-number").inner_text(), meeting.locator(".when").inner_text()


def test_from_application_to_the_same_table_and_time_in_both_agendas(
    people,
    live_server,
):
    mail.outbox.clear()
    application = apply_as_a_startup(people["startup"], live_server)
    score_as_a_juror(people["juror"], live_server, application)
    select_as_staff(people["organiser"], live_server, application)
    publish_a_challenge_as_a_corporate(people["corporate"], live_server)
    request_a_meeting_as_the_startup(people["startup"], live_server)
    accept_as_the_corporate(people["corporate"], live_server)
    schedule_and_publish_as_staff(people["organiser"], live_server)

    meeting = Meeting.objects.published().select_related("table", "slot").get()
    startup_sees = agenda_entry(people["startup"], live_server)
    corporate_sees = agenda_entry(people["corporate"], live_server)
    assert startup_sees == corporate_sees
    table, when = startup_sees
    assert table == f"Table {meeting.table.number}"
    local = timezone.localtime(meeting.slot.starts_at, meeting.lounge.edition.tz)
    assert when.startswith(local.strftime("%H:%M"))
    told = {m.to[0] for m in mail.outbox if local.strftime("%H:%M") in m.body and m.attachments}
    assert {STARTUP_EMAIL, CORPORATE_EMAIL} <= told
