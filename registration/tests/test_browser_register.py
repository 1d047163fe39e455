"""Registering in a real browser: in Arabic, on a phone, the e-mail in the test
outbox, the ticket opened from the e-mail's link, its QR code, cancelling.

Runs Debian's Chromium through Playwright against a live server in this process
(see core/tests/browser.py), so the e-mails the server sends land in
`django.core.mail.outbox`; fails, never skips, when Chromium is missing.
"""

import re

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import Page, expect

from core.tests.browser import axe_source, new_context
from registration.models import Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def pro_pass(edition):
    return PassTypeFactory(
        edition=edition,
        slug="pro",
        name_fr="Pass professionnel",
        name_ar="البطاقة المهنية",
        colour="#1565c0",
        capacity=1,
        questions=["organisation", "pivots", "phone"],
        required_questions=["organisation"],
    )


@pytest.fixture
def phone(browser, live_server):
    context = new_context(browser, locale="ar-MA", **PHONE)
    page = context.new_page()
    yield page
    context.close()


def no_sideways_scroll(page: Page):
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (
        "the page scrolls sideways"
    )


def ticket_link_in(email) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/ar/register/ticket/[\w-]+/)", email.body)
    assert match, email.body
    return match.group(1)


def test_register_in_arabic_on_a_phone_then_cancel_from_the_emailed_link(
    phone,
    browser,
    live_server,
    edition,
    pro_pass,
):
    waiting = RegistrationFactory(
        pass_type=pro_pass, status=Registration.Status.WAITLISTED, email="next@example.ma"
    )
    pro_pass.held = 0  # the waiting person holds no place: Amina gets the last one
    mail.outbox.clear()

    phone.goto(f"{live_server.url}/ar/register/")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".passes")).to_contain_text("البطاقة المهنية")
    no_sideways_scroll(phone)
    phone.locator("a[href$='/ar/register/pass/pro/']").click()

    expect(phone.locator("#id_language")).to_have_value("ar")
    phone.fill("#id_first_name", "أمينة")
    phone.fill("#id_last_name", "بنجلون")
    phone.fill("#id_email", "amina@example.ma")
    phone.fill("#id_organisation", "جامعة الحسن الثاني")
    phone.locator("#id_pivots input[type=checkbox]").first.check()
    phone.check("#id_consent")
    no_sideways_scroll(phone)
    phone.locator("form.register-form button[type=submit]").click()

    expect(phone).to_have_url(re.compile(r"/ar/register/ticket/[\w-]+/$"))
    expect(phone.locator(".ticket h1")).to_have_text("أمينة بنجلون")
    expect(phone.locator(".status-confirmed")).to_be_visible()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["amina@example.ma"]
    assert edition.name_ar in email.subject
    kinds = {part.get_content_type() for part in email.message().walk()}
    assert {"image/png", "text/calendar"} <= kinds

    # Later, on another device: the link from the e-mail.
    context = new_context(browser, locale="ar-MA", **PHONE)
    later = context.new_page()
    later.goto(live_server.url + ticket_link_in(email))
    qr = later.locator("figure.qr svg")
    expect(qr).to_be_visible()
    size = qr.bounding_box()
    assert size["width"] >= 250 and abs(size["width"] - size["height"]) < 1, size
    no_sideways_scroll(later)

    later.locator("a.danger-link").click()
    expect(later).to_have_url(re.compile(r"/cancel/$"))
    later.locator("button.danger").click()
    expect(later.locator(".status-cancelled")).to_be_visible()
    expect(later.locator("figure.qr")).to_have_count(0)
    context.close()

    amina = Registration.objects.get(email="amina@example.ma")
    waiting.refresh_from_db()
    assert amina.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED, "the next in line got the place"
    assert sorted(message.to[0] for message in mail.outbox[1:]) == [
        "amina@example.ma",
        "next@example.ma",
    ]


def test_ticket_prints_alone(browser, live_server, edition):
    registration = RegistrationFactory(pass_type=PassTypeFactory(edition=edition))
    context = new_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/register/ticket/{registration.secret}/")
    page.emulate_media(media="print")
    expect(page.locator(".ticket")).to_be_visible()
    expect(page.locator("figure.qr svg")).to_be_visible()
    for elsewhere in ("header.site", "footer.site", ".ticket-actions"):
        expect(page.locator(elsewhere)).to_be_hidden()
    context.close()


def test_registration_works_without_javascript(browser, live_server, edition, pro_pass):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/register/pass/pro/")
    page.fill("#id_first_name", "Karim")
    page.fill("#id_last_name", "Tazi")
    page.fill("#id_email", "karim@example.ma")
    page.fill("#id_organisation", "Casa Lab")
    page.check("#id_consent")
    page.locator("form.register-form button[type=submit]").click()
    expect(page.locator("figure.qr svg")).to_be_visible()
    context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_registration_pages_have_no_serious_accessibility_violation(
    browser,
    live_server,
    edition,
    pro_pass,
    language,
):
    registration = RegistrationFactory(pass_type=pro_pass)
    paths = [
        "register/",
        "register/pass/pro/",
        "register/resend/",
        f"register/ticket/{registration.secret}/",
        f"register/ticket/{registration.secret}/cancel/",
        f"register/ticket/{registration.secret}/transfer/",
    ]
    context = new_context(browser, bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in paths:
        url = f"{live_server.url}/{language}/{path}"
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.add_script_tag(content=axe_source())
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        problems += [
            f"{url}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']]}"
            for v in results["violations"]
            if v["impact"] in BLOCKING_IMPACTS
        ]
    context.close()
    assert not problems, "\n".join(problems)
