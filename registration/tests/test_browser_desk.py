"""The check-in desk in a real browser: a desk agent signs in, picks a gate, scans
a ticket with a keyboard-wedge scanner (typed secret + Enter), scans it again;
the same without JavaScript; offline, then back online with a conflict.

Runs Debian's Chromium through Playwright against a live server (see
core/tests/browser.py); fails, never skips, when Chromium is missing.
"""

import re
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect

from accounts.models import User
from accounts.roles import assign_role
from core.tests.browser import axe_source, new_context
from registration.checkin import check_in
from registration.models import CheckIn
from registration.tests.factories import PassTypeFactory, RegistrationFactory

pytestmark = pytest.mark.browser

PASSWORD = "door-of-the-hyatt-2022"


@pytest.fixture
def tickets(edition):
    professional = PassTypeFactory(edition=edition, name_fr="Professionnel", colour="#1565c0")
    return {
        "amina": RegistrationFactory(
            pass_type=professional,
            first_name="Amina",
            last_name="Benjelloun",
            accessibility_needs="Fauteuil roulant",
        ),
        "salma": RegistrationFactory(
            pass_type=professional, first_name="Salma", last_name="Idrissi"
        ),
    }


@pytest.fixture
def agent(db):
    person = User.objects.create_user("porte", password=PASSWORD)
    assign_role(person, "registration_desk")
    return person


def open_desk(page: Page, live_server, *, language="fr", gate="Porte 2"):
    """Sign in through the admin login page, land on the desk, choose the gate."""
    desk = f"{live_server.url}/{language}/register/desk/"
    page.goto(f"{live_server.url}/{language}/admin/login/?next=/{language}/register/desk/")
    page.fill("#id_username", "porte")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(desk)
    page.fill("#desk-gate-name", gate)
    page.locator("form.desk-gate-other button[type=submit]").click()
    expect(page.locator(".desk-current-gate")).to_contain_text(gate)


def scan(page: Page, secret: str):
    """What a keyboard-wedge scanner does: type the code into the focused field, then Enter."""
    expect(page.locator("#desk-secret")).to_be_focused()
    page.keyboard.type(secret)
    page.keyboard.press("Enter")


def test_desk_admits_then_flags_the_second_scan(browser, live_server, agent, tickets):
    context = new_context(browser)  # the real CSP applies
    page = context.new_page()
    errors = []  # CSP refusals and script errors show in the console; failed requests here
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and errors.append(message.text)
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and errors.append(response.url)
        ),
    )
    open_desk(page, live_server)
    page.evaluate("window.stillTheSamePage = true")

    scan(page, tickets["amina"].secret)

    answer = page.locator(".desk-result .desk-answer")
    expect(answer).to_have_attribute("data-code", "admitted")
    expect(answer).to_contain_text("Amina Benjelloun")
    expect(answer).to_contain_text("Professionnel")
    expect(answer).to_contain_text("Fauteuil roulant")
    expect(page.locator("#desk-secret")).to_have_value("")
    expect(page.locator(".desk-total strong")).to_have_text("1")  # counts refreshed

    scan(page, tickets["amina"].secret)

    expect(answer).to_have_attribute("data-code", "already_admitted")
    expect(answer).to_contain_text("Porte 2")
    expect(answer).to_contain_text(re.compile(r"\d\d:\d\d"))
    assert page.evaluate("window.stillTheSamePage") is True, "the answers came without a reload"
    assert CheckIn.objects.filter(registration=tickets["amina"]).count() == 1
    if not page.evaluate("'BarcodeDetector' in window"):
        expect(page.locator("[data-desk-camera]")).to_be_hidden()
    context.close()
    assert not errors, errors


def test_desk_works_without_javascript(browser, live_server, agent, tickets):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    open_desk(page, live_server, gate="Entrée principale")

    scan(page, tickets["salma"].secret)

    answer = page.locator(".desk-result .desk-answer")
    expect(answer).to_have_attribute("data-code", "admitted")
    expect(answer).to_contain_text("Salma Idrissi")

    page.fill("#desk-q", "idrissi")
    page.locator("#desk-q").press("Enter")
    expect(page.locator(".desk-matches li")).to_have_count(1)
    expect(page.locator(".desk-matches li")).to_contain_text("Entrée principale")
    scan(page, tickets["salma"].secret)
    expect(answer).to_have_attribute("data-code", "already_admitted")
    context.close()


def test_desk_admits_offline_and_reports_conflicts_when_back(
    browser, live_server, agent, tickets, edition
):
    context = new_context(browser)
    page = context.new_page()
    open_desk(page, live_server)
    # The offline list is in (a function, not a string: the CSP forbids eval).
    page.wait_for_function("() => localStorage.getItem('jemaa-desk-list:scc-2022') !== null")
    assert (
        page.evaluate("() => JSON.parse(localStorage.getItem('jemaa-desk-list:scc-2022')).count")
        == 2
    )
    # Meanwhile, another gate admits Salma: this desk's list does not know yet.
    check_in(
        tickets["salma"].secret,
        edition=edition,
        gate="Porte 1",
        nonce="other-desk",
        at=datetime(2022, 5, 25, 9, 12, tzinfo=edition.tz),
    )

    context.set_offline(True)
    answer = page.locator(".desk-result .desk-answer")
    scan(page, tickets["amina"].secret)
    expect(answer).to_have_attribute("data-code", "admitted")
    expect(answer).to_contain_text("Amina B.")
    expect(answer.locator(".desk-offline-note")).to_be_visible()
    scan(page, tickets["amina"].secret)
    expect(answer).to_have_attribute("data-code", "already_admitted")
    expect(answer).to_contain_text("Porte 2")
    scan(page, "not-a-ticket-at-all")
    expect(answer).to_have_attribute("data-code", "unknown")
    scan(page, tickets["salma"].secret)
    expect(answer).to_have_attribute("data-code", "admitted")
    expect(page.locator("[data-desk-queue-status]")).to_contain_text("2")

    context.set_offline(False)

    conflicts = page.locator("[data-desk-conflicts] li")
    expect(conflicts).to_have_count(1)
    expect(conflicts).to_contain_text("Salma Idrissi")
    expect(conflicts).to_contain_text("Porte 1")
    expect(page.locator("[data-desk-queue-status]")).to_be_hidden()
    amina = CheckIn.objects.get(registration=tickets["amina"])
    assert amina.was_offline and amina.gate == "Porte 2"
    assert CheckIn.objects.get(registration=tickets["salma"]).gate == "Porte 1"
    context.close()


def test_desk_in_arabic_reads_right_to_left(browser, live_server, agent, tickets):
    context = new_context(browser, locale="ar-MA")
    page = context.new_page()
    open_desk(page, live_server, language="ar", gate="الباب 2")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    scan(page, tickets["amina"].secret)

    answer = page.locator(".desk-result .desk-answer")
    expect(answer).to_have_attribute("data-code", "admitted")
    symbol = answer.locator(".desk-symbol").bounding_box()
    verdict = answer.locator("[data-slot=verdict]").bounding_box()
    assert symbol["x"] > verdict["x"], "the symbol comes first, on the right, in Arabic"
    title = page.locator(".desk-head h1").bounding_box()
    assert title["x"] + title["width"] > page.viewport_size["width"] / 2
    context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_desk_has_no_serious_accessibility_violation(
    browser, live_server, agent, tickets, language
):
    context = new_context(browser, bypass_csp=True)  # only so that axe can be injected
    page = context.new_page()
    open_desk(page, live_server, language=language)
    scan(page, tickets["amina"].secret)
    expect(page.locator(".desk-result .desk-answer")).to_be_visible()
    page.fill("#desk-q", "benjelloun")
    page.locator("#desk-q").press("Enter")
    expect(page.locator(".desk-matches li")).to_have_count(1)

    page.add_script_tag(content=axe_source())
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    context.close()

    blocking = [v for v in results["violations"] if v["impact"] in {"serious", "critical"}]
    assert not blocking, [(v["id"], [n["html"] for n in v["nodes"]][:3]) for v in blocking]
