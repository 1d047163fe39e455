"""Booking a free slot of the public programme in a real browser, on a phone.

A visitor books the last place of a slot in Arabic and sees her QR entry code; a
second visitor, in English, gets on the waiting list; the first cancels from her
secret link, and the second visitor's page now shows a confirmed place and a QR
code of her own. Debian's Chromium through Playwright against a live server in
this process (core/tests/browser.py); fails, never skips, without Chromium.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from activities.models import Activity, Booking
from activities.slots import generate_slots
from core.tests.browser import new_context
from editions.tests.factories import EditionFactory, SpaceFactory

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def workshop(transactional_db):
    """A workshop with one bookable place per slot, in an edition three weeks ahead."""
    first_day = timezone.localdate() + timedelta(days=21)
    edition = EditionFactory(
        slug="scc-next", is_current=True, starts_on=first_day, ends_on=first_day + timedelta(days=1)
    )
    square = SpaceFactory(
        edition=edition,
        slug="square",
        kind="public_square",
        name_fr="Place publique",
        name_ar="الساحة العمومية",
    )
    activity = Activity.objects.create(
        edition=edition,
        slug="four-solaire",
        kind=Activity.Kind.WORKSHOP,
        space=square,
        title_fr="Atelier four solaire",
        title_ar="ورشة الفرن الشمسي",
        title_en="Solar oven workshop",
        duration_minutes=60,
        slot_minutes=60,
        slot_capacity=1,
        walk_in_percent=0,
        max_group_size=2,
        waiting_list_places=5,
    )
    generate_slots(activity, day=first_day, opens=time(10), closes=time(12))
    return activity


def visitor(browser, locale):
    return new_context(browser, locale=locale, **PHONE).new_page()


def no_sideways_scroll(page: Page):
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (
        "the page scrolls sideways"
    )


def book(page: Page, url: str, *, first_name: str, phone: str) -> None:
    page.goto(url)
    page.fill("[name=first_name]", first_name)
    page.fill("[name=phone]", phone)
    page.check("[name=consent]")
    no_sideways_scroll(page)
    page.locator("form:has([name=first_name]) [type=submit]").click()
    page.wait_for_url("**/activities/booking/**")


def test_book_in_arabic_cancel_and_the_waiting_visitor_gets_the_place(
    browser,
    live_server,
    workshop,
):
    slot = workshop.slots.order_by("starts_at").first()
    amina = visitor(browser, "ar-MA")
    amina.goto(f"{live_server.url}/ar/activities/{workshop.slug}/")
    expect(amina.locator("html")).to_have_attribute("dir", "rtl")
    expect(amina.locator("main")).to_contain_text("ورشة الفرن الشمسي")
    no_sideways_scroll(amina)

    book(
        amina,
        f"{live_server.url}/ar/activities/{workshop.slug}/book/{slot.pk}/",
        first_name="أمينة",
        phone="06 12 34 56 78",
    )
    booking = Booking.objects.get(phone="+212612345678")
    assert booking.status == Booking.Status.CONFIRMED and booking.language == "ar"
    expect(amina.locator("html")).to_have_attribute("dir", "rtl")
    expect(amina.locator("main svg").first).to_be_visible()  # the QR code
    expect(amina.locator("main")).to_contain_text(booking.display_code)
    no_sideways_scroll(amina)
    amina_page = amina.url

    sara = visitor(browser, "en-GB")
    book(
        sara,
        f"{live_server.url}/en/activities/{workshop.slug}/book/{slot.pk}/",
        first_name="Sara",
        phone="+33 6 12 34 56 78",
    )
    waiting = Booking.objects.get(phone="+33612345678")
    assert waiting.status == Booking.Status.WAITLISTED
    expect(sara.locator("main svg")).to_have_count(0)  # no entry code while waiting
    sara_page = sara.url

    amina.goto(amina_page)
    amina.locator(f"a[href$='/activities/booking/{booking.secret}/cancel/']").click()
    amina.locator("form[method=post] [type=submit]").last.click()
    amina.wait_for_url(amina_page)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    expect(amina.locator("main svg")).to_have_count(0)

    sara.goto(sara_page)
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.CONFIRMED
    expect(sara.locator("main svg").first).to_be_visible()
    expect(sara.locator("main")).to_contain_text(waiting.display_code)
    slot.refresh_from_db()
    assert (slot.booked, slot.waiting) == (1, 0)
