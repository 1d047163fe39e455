"""The public programme in a real browser: a visitor's journey, without JavaScript,
on a phone, with the keyboard.

Runs Debian's Chromium through Playwright against a live server (see
core/tests/browser.py); fails, never skips, when Chromium is missing.
"""

import re
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Page, expect

from core.tests.browser import new_context
from programme.models import Session
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

pytestmark = pytest.mark.browser

GOVERNANCE_TITLE = {"fr": "Gouverner par le bas", "ar": "الحكامة من القاعدة"}


@pytest.fixture
def programme(edition, session):
    """25 May: the `session` panel (low-tech, Salle Atlas, 10:00), a governance talk
    beside it in Salle Anfa, and a low-tech workshop at 11:30."""
    governance = SessionFactory(
        edition=edition,
        kind=Session.Kind.TALK,
        pivot=edition.pivots.get(slug="governance"),
        space=edition.spaces.get(slug="anfa"),
        starts_at=at(25, 10),
        ends_at=at(25, 11),
        title_fr=GOVERNANCE_TITLE["fr"],
        title_ar=GOVERNANCE_TITLE["ar"],
        title_en="Governing from below",
    )
    SessionSpeakerFactory(session=governance, speaker=SpeakerFactory(name="Youssef Alaoui"))
    workshop = SessionFactory(
        edition=edition,
        kind=Session.Kind.WORKSHOP,
        pivot=edition.pivots.get(slug="low-tech"),
        space=edition.spaces.get(slug="atlas"),
        starts_at=at(25, 11, 30),
        ends_at=at(25, 12, 30),
        title_fr="Réparer plutôt que jeter",
    )
    return {"panel": session, "governance": governance, "workshop": workshop}


@pytest.fixture
def page(browser, live_server):
    context = new_context(browser)
    page = context.new_page()
    yield page
    context.close()


def box(page: Page, selector: str) -> dict:
    bounding_box = page.locator(selector).first.bounding_box()
    assert bounding_box is not None, f"{selector} is not displayed"
    return bounding_box


def test_visitor_finds_stars_and_downloads_a_session_in_arabic(page, live_server, programme):
    governance = programme["governance"]
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/fr/"))
    if not page.url.endswith("/fr/programme/"):  # `/` lands on the edition's home page
        page.locator("nav.main-nav").get_by_role("link", name="Programme", exact=True).click()
    expect(page).to_have_url(re.compile(r"/fr/programme/$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".grid")).to_contain_text(GOVERNANCE_TITLE["fr"])
    width = page.viewport_size["width"]
    assert box(page, "header.site .brand")["x"] < width / 2, "the brand starts on the left"

    page.locator("nav.langs").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/programme/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert box(page, "header.site .brand")["x"] > width / 2, "the brand sits on the right"
    time_column = box(page, ".grid thead th:first-child")
    last_space = box(page, ".grid thead th:last-child")
    assert time_column["x"] > last_space["x"], "the time column is the rightmost one in Arabic"

    page.locator(".filters select[name=pivot]").select_option("governance")
    page.locator(".filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]pivot=governance"))
    expect(page.locator(".grid td.s")).to_have_count(1)

    page.get_by_role("link", name=GOVERNANCE_TITLE["ar"]).click()
    expect(page).to_have_url(re.compile(rf"/ar/programme/sessions/{governance.pk}/"))
    star = page.locator("form.actions button[name=session]")
    expect(star).to_have_attribute("aria-pressed", "false")
    star.click()
    expect(star).to_have_attribute("aria-pressed", "true")

    page.locator("nav.main-nav a[href$='/programme/agenda/']").click()
    expect(page).to_have_url(re.compile(r"/ar/programme/agenda/[^/]+/$"))
    expect(page.locator("main .cards")).to_contain_text(GOVERNANCE_TITLE["ar"])
    with page.expect_download() as download:
        page.locator("main a[href$='/agenda.ics']").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == 1, summaries
    assert GOVERNANCE_TITLE["ar"] in summaries[0]


def test_programme_filters_and_stars_work_without_javascript(browser, live_server, programme):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    panel, workshop = programme["panel"], programme["workshop"]

    page.goto(live_server.url + "/fr/programme/")
    expect(page.locator(".grid td.s")).to_have_count(3)
    page.locator(".filters select[name=pivot]").select_option("low-tech")
    page.locator(".filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]pivot=low-tech"))
    expect(page.locator(".grid td.s")).to_have_count(2)
    expect(page.locator(".grid")).not_to_contain_text(GOVERNANCE_TITLE["fr"])

    page.locator(f"#s{workshop.pk} button.star").click()
    expect(page).to_have_url(re.compile(rf"[?&]pivot=low-tech.*#s{workshop.pk}$"))
    expect(page.locator(f"#s{workshop.pk}")).to_have_class(re.compile(r"\bstarred\b"))
    expect(page.locator(f"#s{workshop.pk} button.star")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f"#s{panel.pk} button.star")).to_have_attribute("aria-pressed", "false")

    page.goto(live_server.url + "/fr/programme/agenda/")
    expect(page).to_have_url(re.compile(r"/fr/programme/agenda/[^/]+/$"))
    expect(page.locator("main .cards > li")).to_have_count(1)
    expect(page.locator("main .cards")).to_contain_text("Réparer plutôt que jeter")
    context.close()


def test_phone_shows_the_timetable_as_a_chronological_list(browser, live_server, programme):
    context = new_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/fr/programme/")

    expect(page.locator(".grid thead tr")).to_be_hidden()
    cells = page.locator(".grid td.s")
    expect(cells).to_have_count(3)
    boxes = [cells.nth(i).bounding_box() for i in range(3)]
    assert len({round(b["x"]) for b in boxes}) == 1, f"cells are not stacked: {boxes}"
    assert [b["y"] for b in boxes] == sorted({b["y"] for b in boxes}), boxes
    assert all(b["width"] > 300 for b in boxes), f"cells do not use the phone's width: {boxes}"
    times = cells.locator(".meta time:first-child").all_inner_texts()
    assert times == ["10:00", "10:00", "11:30"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    context.close()


def test_keyboard_reaches_the_skip_link_first_and_stars_a_session(page, live_server, programme):
    workshop = programme["workshop"]
    page.goto(live_server.url + "/fr/programme/")

    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    skip_box = skip.bounding_box()
    assert skip_box is not None and skip_box["y"] >= 0, "the focused skip link is on screen"

    star = page.locator(f"#s{workshop.pk} button.star")
    for _ in range(60):
        if star.evaluate("button => button === document.activeElement"):
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the star button of the 11:30 workshop")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"#s{workshop.pk}$"))
    expect(star).to_have_attribute("aria-pressed", "true")
