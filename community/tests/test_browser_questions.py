"""Live Q&A in real browsers: a visitor asks on her phone, a moderator approves it,
another visitor upvotes from his, the moderator marks the question answered, and the
room's screen follows each step without a reload. Debian's Chromium through
Playwright (core/tests/browser.py)."""

import pytest
from playwright.sync_api import expect

from core.tests.browser import new_context

pytestmark = pytest.mark.browser

PASSWORD = "moderate-the-room-2022"
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def moderator(cast):
    person = cast["moderator"]
    person.set_password(PASSWORD)
    person.save()
    return person


def test_ask_upvote_answer_and_the_screen_follows_without_reload(
    browser,
    live_server,
    session,
    moderator,
):
    questions = f"{live_server.url}/fr/programme/sessions/{session.pk}/questions/"
    screen = new_context(browser, viewport={"width": 1280, "height": 720}).new_page()
    screen.goto(questions + "screen/")
    screen.evaluate("window.sameDocument = true")
    expect(screen.locator(".screen-questions")).to_contain_text("Aucune question")
    expect(screen.locator(".join svg.qr")).to_be_visible()  # the room scans it to join

    amina = new_context(browser, **PHONE).new_page()
    amina.goto(questions)
    amina.fill("[name=text]", "Qui finance les fours solaires des quartiers ?")
    amina.locator("form:has([name=text]) button[type=submit]").click()
    expect(amina.locator(".messages")).to_contain_text("une fois approuvée")
    expect(amina.locator(".waiting")).to_contain_text("fours solaires")

    staff = new_context(browser).new_page()
    staff.goto(
        f"{live_server.url}/fr/admin/login/?next=/fr/programme/sessions/{session.pk}"
        "/questions/moderate/"
    )
    staff.fill("#id_username", moderator.username)
    staff.fill("#id_password", PASSWORD)
    staff.locator("#login-form [type=submit]").click()
    staff.locator("button[value=approve]").click()
    expect(screen.locator(".screen-questions")).to_contain_text("fours solaires", timeout=10000)

    karim = new_context(browser, **PHONE).new_page()
    karim.goto(questions)
    karim.evaluate("window.sameDocument = true")
    karim.locator(".questions .vote button").first.click()
    expect(karim.locator(".questions .vote button[aria-pressed=true] .count")).to_have_text("1")
    assert karim.evaluate("window.sameDocument === true")  # the vote went without a reload
    expect(screen.locator(".screen-questions .count").first).to_have_text("1", timeout=10000)
    expect(amina.locator(".questions .count").first).to_have_text("1", timeout=10000)

    staff.locator("button[value=answered]").click()
    expect(staff.locator(".questions .meta .done")).to_have_text("répondu")

    expect(screen.locator(".screen-questions")).not_to_contain_text("fours solaires", timeout=10000)
    assert screen.evaluate("window.sameDocument === true")
    expect(amina.locator(".questions .answered")).to_contain_text("répondu", timeout=10000)


def test_without_javascript_asking_and_voting_post_and_reload(
    browser,
    live_server,
    session,
    open_board,
):
    questions = f"{live_server.url}/ar/programme/sessions/{session.pk}/questions/"
    first = new_context(browser, java_script_enabled=False, locale="ar-MA", **PHONE).new_page()
    first.goto(questions)
    expect(first.locator("html")).to_have_attribute("dir", "rtl")
    first.fill("[name=text]", "ما هي ميزانية المشروع؟")
    first.locator("form:has([name=text]) button[type=submit]").click()
    expect(first.locator(".questions")).to_contain_text("ما هي ميزانية المشروع؟")
    other = new_context(browser, java_script_enabled=False, locale="ar-MA", **PHONE).new_page()
    other.goto(questions)
    other.locator(".questions .vote button").first.click()
    expect(other.locator(".questions .vote button[aria-pressed=true] .count")).to_have_text("1")
    width = other.viewport_size["width"]
    assert other.evaluate("document.documentElement.scrollWidth") <= width
