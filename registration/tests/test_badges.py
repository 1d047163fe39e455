"""Printable badges: who gets one, how they are laid out on A4, and, in a real
browser, that a batch prints on the expected number of pages with Arabic names
shaped right to left."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time
from playwright.sync_api import expect

from accounts.models import User
from accounts.roles import assign_role
from core.tests.browser import new_context
from registration.models import CheckIn, Registration
from registration.tests.factories import PassTypeFactory, RegistrationFactory
from registration.views.staff import BADGES_PER_SHEET, ink_on

Status = Registration.Status
CASABLANCA = ZoneInfo("Africa/Casablanca")
PASSWORD = "badges-for-the-hyatt-2022"


@pytest.fixture
def desk(client, db):
    person = User.objects.create_user("accueil", password=PASSWORD)
    assign_role(person, "registration_desk")
    client.force_login(person)
    return client


@pytest.fixture
def passes(edition):
    return {
        "pro": PassTypeFactory(
            edition=edition, slug="pro", name_en="Professional", colour="#135e4b"
        ),
        "press": PassTypeFactory(edition=edition, slug="press", name_en="Press", colour="#f2c94c"),
    }


def badges_page(client, **query) -> str:
    with translation.override("en"):
        address = reverse("registration:badges")
    response = client.get(address, query)
    assert response.status_code == 200
    return response.content.decode()


def names_on(html: str) -> list[str]:
    return re.findall(r'<p class="name[^"]*"><span dir="auto">([^<]*)</span>', html)


def test_badges_are_for_confirmed_registrations_only(desk, passes):
    for status in Status.values:
        RegistrationFactory(pass_type=passes["pro"], status=status, first_name=status.title())

    assert names_on(badges_page(desk)) == ["Confirmed"]


def test_badges_filtered_by_pass(desk, passes):
    RegistrationFactory(pass_type=passes["pro"], first_name="Amina")
    RegistrationFactory(pass_type=passes["press"], first_name="Youssef")

    assert names_on(badges_page(desk, **{"pass": "press"})) == ["Youssef"]
    assert sorted(names_on(badges_page(desk))) == ["Amina", "Youssef"]


def test_checked_in_today_means_the_edition_day_not_the_server_day(desk, passes):
    yesterday_evening = RegistrationFactory(pass_type=passes["pro"], first_name="Tuesday")
    just_after_midnight = RegistrationFactory(pass_type=passes["pro"], first_name="Wednesday")
    never = RegistrationFactory(pass_type=passes["pro"], first_name="Absent")
    # 25 May 2022 23:30 and 26 May 00:30 in Casablanca (UTC+1): both 25 May in UTC.
    CheckIn.objects.create(
        registration=yesterday_evening,
        gate="1",
        nonce="a",
        at=datetime(2022, 5, 25, 23, 30, tzinfo=CASABLANCA),
    )
    CheckIn.objects.create(
        registration=just_after_midnight,
        gate="1",
        nonce="b",
        at=datetime(2022, 5, 26, 0, 30, tzinfo=CASABLANCA),
    )

    with freeze_time(datetime(2022, 5, 26, 10, 0, tzinfo=CASABLANCA)):
        today = names_on(badges_page(desk, checked_in_today="1"))
    everyone = names_on(badges_page(desk))

    assert today == ["Wednesday"]
    assert never.first_name in everyone and len(everyone) == 3


def test_filters_combine_pass_and_checked_in_today(desk, passes):
    journalist = RegistrationFactory(pass_type=passes["press"], first_name="Youssef")
    professional = RegistrationFactory(pass_type=passes["pro"], first_name="Amina")
    with freeze_time(datetime(2022, 5, 25, 9, 0, tzinfo=CASABLANCA)):
        for registration in (journalist, professional):
            CheckIn.objects.create(registration=registration, gate="1", nonce=f"n{registration.pk}")
        html = badges_page(desk, checked_in_today="1", **{"pass": "press"})

    assert names_on(html) == ["Youssef"]


def test_a_badge_shows_name_organisation_pass_colour_qr_and_edition(desk, passes, edition):
    person = RegistrationFactory(
        pass_type=passes["press"],
        first_name="سلمى",
        last_name="بناني",
        organisation="القناة الثانية",
    )

    html = badges_page(desk)

    badge = html[html.index('<article class="badge') : html.index("</article>")]
    assert f'class="badge pass-{passes["press"].pk}"' in badge
    assert '<span dir="auto">سلمى</span> <span dir="auto">بناني</span>' in badge
    assert '<p class="org" dir="auto">القناة الثانية</p>' in badge
    assert '<p class="band">Press</p>' in badge
    assert "<svg" in badge and person.secret not in badge  # the secret only as a QR code
    assert edition.name_en in badge
    # The pass colour comes through the nonce'd style block, with a readable ink.
    assert f".pass-{passes['press'].pk}{{--pass:#f2c94c;--pass-ink:#000}}" in html
    assert f".pass-{passes['pro'].pk}{{--pass:#135e4b;--pass-ink:#fff}}" in html
    assert ' style="' not in html


@pytest.mark.parametrize(
    ("colour", "ink"),
    [("#ffffff", "#000"), ("#000000", "#fff"), ("#f2c94c", "#000"), ("#1565c0", "#fff")],
)
def test_band_ink_is_the_more_readable_of_black_and_white(colour, ink):
    assert ink_on(colour) == ink


def test_a_colour_that_is_not_hex_never_reaches_the_css(desk, passes):
    type(passes["pro"]).objects.filter(pk=passes["pro"].pk).update(colour="red}*{")
    RegistrationFactory(pass_type=passes["pro"])

    html = badges_page(desk)

    assert "red}" not in html
    assert f".pass-{passes['pro'].pk}{{--pass:#135e4b;" in html


@pytest.mark.parametrize(("people", "sheets"), [(1, 1), (BADGES_PER_SHEET, 1), (12, 2), (21, 3)])
def test_badges_are_cut_into_a4_sheets(desk, passes, people, sheets):
    RegistrationFactory.create_batch(people, pass_type=passes["pro"])

    html = badges_page(desk)

    assert html.count('<section class="sheet"') == sheets
    assert html.count('<article class="badge') == people


def test_no_badge_to_print_says_so(desk, passes):
    assert "no badge to print" in badges_page(desk)


def test_badges_query_count_does_not_grow(desk, passes):
    RegistrationFactory(pass_type=passes["pro"])
    with translation.override("en"):
        address = reverse("registration:badges")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(address).status_code == 200
        return len(captured)

    with_one = queries()
    RegistrationFactory(pass_type=passes["pro"])
    RegistrationFactory(pass_type=passes["press"])

    assert queries() == with_one


def test_print_stylesheet_sets_a4_pages_and_breaks_between_sheets():
    css = open(finders.find("registration/badges.css"), encoding="utf-8").read()

    assert re.search(r"@page\s*\{\s*size:\s*A4\b", css)
    assert re.search(r"\.sheet\{[^}]*break-after:page", css)
    assert re.search(r"\.badge\{[^}]*width:90mm;height:55mm", css)
    assert "print-color-adjust:exact" in css


# In a real browser


@pytest.fixture
def printed(browser, live_server, passes):
    """A desk agent's browser, signed in, on the badges page."""
    person = User.objects.create_user("accueil", password=PASSWORD)
    assign_role(person, "registration_desk")
    context = new_context(browser, locale="ar")
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/admin/login/?next=/ar/register/staff/badges/")
    page.fill("#id_username", "accueil")
    page.fill("#id_password", PASSWORD)
    page.locator("#login-form [type=submit]").click()
    # Tests reload at once: the sign-in's navigation must have landed first.
    page.wait_for_url("**/register/staff/badges/")
    yield page
    context.close()


def pdf_pages(pdf: bytes) -> int:
    # The page tree's root holds the total: the largest /Count in the file.
    return max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))


@pytest.mark.browser
def test_a_batch_prints_on_one_a4_page_per_ten_badges(printed, passes):
    RegistrationFactory.create_batch(21, pass_type=passes["pro"])
    printed.reload()
    expect(printed.locator(".badge")).to_have_count(21)

    pdf = printed.pdf(format="A4", print_background=True, prefer_css_page_size=True)

    assert pdf_pages(pdf) == 3


@pytest.mark.browser
def test_a_single_sheet_prints_on_a_single_page(printed, passes):
    RegistrationFactory.create_batch(BADGES_PER_SHEET, pass_type=passes["press"])
    printed.reload()

    assert pdf_pages(printed.pdf(format="A4", prefer_css_page_size=True)) == 1


@pytest.mark.browser
def test_arabic_names_run_right_to_left_and_are_joined(printed, passes):
    RegistrationFactory(pass_type=passes["pro"], first_name="عبد الرحمن", last_name="Bennani")
    printed.reload()
    first, last = printed.locator(".badge .name span").all()

    assert first.evaluate("e => e.matches(':dir(rtl)')")
    assert last.evaluate("e => e.matches(':dir(ltr)')")
    # Shaped Arabic joins its letters; the same letters kept apart by zero-width
    # non-joiners take their isolated forms, which are wider.
    widths = first.evaluate("""e => {
        const measure = text => {
            const probe = e.cloneNode();
            probe.textContent = text;
            probe.style.display = 'inline';
            e.parentNode.appendChild(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return width;
        };
        const text = e.textContent;
        return [measure(text), measure([...text].join('\\u200c'))];
    }""")
    joined, apart = widths
    assert joined < apart * 0.95
    box = first.bounding_box()
    badge = printed.locator(".badge").first.bounding_box()
    assert box["x"] + box["width"] <= badge["x"] + badge["width"] + 1  # inside its badge


@pytest.mark.browser
def test_badges_page_works_under_the_content_security_policy(printed, passes):
    RegistrationFactory(pass_type=passes["press"])
    violations = []
    printed.on("console", lambda message: violations.append(message.text))
    printed.reload()

    band = printed.locator(".badge .band").first
    colour = band.evaluate("e => getComputedStyle(e).backgroundColor")

    assert colour == "rgb(242, 201, 76)"  # the pass colour, set by the nonce'd style block
    assert not [v for v in violations if "Content Security Policy" in v]
