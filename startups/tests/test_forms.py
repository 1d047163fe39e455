"""Hostile text in every field of the village's public forms (hypothesis): very long
text, Arabic with bidi overrides, NUL and control characters, HTML and script.

Whatever comes in: never a server error, nothing stored that the form would not
accept, and everything escaped on the way out (status page, directory, the
startup's page, the e-mail)."""

import re
import unicodedata

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from hypothesis import event, given
from hypothesis import strategies as st

from core.tests.hostile import assert_clean_text, examples
from core.tests.hostile import hostile_text as hostile_text_of
from editions.tests.factories import PivotFactory
from startups.forms import ApplicationForm, ApplyEmailForm, DirectoryFilters
from startups.models import Application
from startups.tests.factories import CallFactory, UserFactory

pytestmark = pytest.mark.django_db

hostile_text = hostile_text_of(longest=1700)
MARKUP = st.sampled_from(
    ["<script>alert('x')</script>", "<b onmouseover=alert(1)>Lab</b>", "A & B"]
)
ordinary = {
    "name": st.sampled_from(["Dar Lma", "تعاونية الماء", "Zoé & Co", "ⵜⴰⴼⵓⴽⵜ", "O'Neil 🇲🇦"]),
    "pitch": st.one_of(st.just("Des capteurs.\nDeux lignes."), MARKUP),
    "city": st.sampled_from(["Casablanca", "الدار البيضاء", "Fès"]),
    "website": st.sampled_from(["https://darlma.ma", "darlma.ma", "http://مثال.ma/x?a=1&b=2"]),
    "seeking": st.one_of(st.just("Un pilote."), MARKUP),
    "contact_name": st.sampled_from(["Amina Benjelloun", "أمينة بنجلون\u200f"]),
    "team_size": st.sampled_from(["1", "5", "40"]),
    "sector": st.sampled_from(["water", "data"]),
    "stage": st.sampled_from(["idea", "growth"]),
    "structure": st.sampled_from(["cooperative", "association", "tech_startup"]),
    "language": st.sampled_from(["fr", "ar", "en"]),
}
TEXT_LIMITS = {"name": 120, "pitch": 1500, "city": 100, "seeking": 1000, "contact_name": 200}
MULTILINE = {"pitch", "seeking"}
NO_MARKUP = {"name", "city", "contact_name"}
HYPOTHESIS = examples(60)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def call(edition):
    return CallFactory(edition=edition)


@pytest.fixture
def no_rate_limits(settings):
    settings.RATE_LIMIT_FACTOR = 10**6


@st.composite
def field_values(draw):
    """Ordinary values with hostile text in up to three fields (or in all of them)."""
    names = list(ordinary)
    everywhere = draw(st.integers(0, 9)) == 0
    hostile = set(names) if everywhere else draw(st.sets(st.sampled_from(names), max_size=3))
    return {n: draw(hostile_text) if n in hostile else draw(ordinary[n]) for n in names}


def assert_clean_application(application: Application):
    application.full_clean(exclude=["logo"])
    for name, limit in TEXT_LIMITS.items():
        assert_clean_text(
            getattr(application, name),
            limit=limit,
            multiline=name in MULTILINE,
            markup=name not in NO_MARKUP,
        )
    assert application.website == "" or application.website.startswith(("http://", "https://"))
    assert re.fullmatch(r"[-a-z0-9_]{1,80}", application.slug)
    assert application.slug not in ("apply", "applications", "jury", "staff")


def assert_escaped(page: str, values: dict):
    """No markup that a visitor typed comes back as markup."""
    for value in values.values():
        for tag in re.findall(r"<[a-z][^<>]*>", str(value), re.IGNORECASE):
            assert tag not in page, tag


@HYPOTHESIS
@given(values=field_values())
def test_application_form_accepts_only_clean_text(call, values):
    form = ApplicationForm({**values, "consent": "on"}, call=call, submitting=True)
    if not form.is_valid():
        assert form.errors
        return
    data = form.cleaned_data
    for name, limit in TEXT_LIMITS.items():
        assert_clean_text(
            data[name], limit=limit, multiline=name in MULTILINE, markup=name not in NO_MARKUP
        )


@pytest.mark.parametrize(
    "name",
    ["Dar\u202eLma", "\u2066Dar\u2069", "Dar\x00", "Dar\nLma", "A\u2028B", "<b>Dar</b>", "Dar>"],
)
def test_names_refuse_hidden_characters_and_markup(call, name):
    form = ApplicationForm({"name": name}, call=call)
    assert not form.is_valid()
    assert "name" in form.errors


def test_pitch_keeps_line_breaks_and_markup_as_typed(call):
    form = ApplicationForm({"name": "X", "pitch": " <b>Un</b>\r\nDeux "}, call=call)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pitch"] == "<b>Un</b>\r\nDeux"


@pytest.mark.parametrize("pivot", [str(2**63), "-1", "1e3", "١", " 1", "0x1", "\x00"])
def test_implausible_pivot_ids_are_refused_before_any_query(call, pivot):
    form = ApplicationForm({"name": "X", "pivot": pivot}, call=call)
    assert not form.is_valid()
    assert "pivot" in form.errors


def test_pivot_of_another_edition_is_refused(call):
    other = CallFactory()
    foreign = PivotFactory(edition=other.edition)
    form = ApplicationForm({"name": "X", "pivot": str(foreign.pk)}, call=call)
    assert not form.is_valid()
    assert "pivot" in form.errors


@pytest.mark.parametrize(
    "website", ["javascript:alert(1)", "ftp://darlma.ma", "https://dar\u202elma.ma", "http://"]
)
def test_only_web_addresses_are_accepted(call, website):
    form = ApplicationForm({"name": "X", "website": website}, call=call)
    assert not form.is_valid()
    assert "website" in form.errors


@pytest.mark.parametrize("team_size", ["0", "-3", "10001", "9" * 5000, "1.5", "١٢"])
def test_team_size_must_be_a_plausible_count(call, team_size):
    form = ApplicationForm({"name": "X", "team_size": team_size}, call=call)
    assert not form.is_valid() or 1 <= form.cleaned_data["team_size"] <= 10000


@HYPOTHESIS
@given(values=field_values(), action=st.sampled_from(["draft", "submit", "", "<x>"]))
def test_hostile_applications_never_break_the_site_nor_the_data(
    client, django_capture_on_commit_callbacks, call, values, action
):
    client.force_login(UserFactory())
    data = {**values, "pivot": str(call.edition.pivots.first().pk), "consent": "on"}
    data["action"] = action
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("startups:apply"), data)
    assert response.status_code in (200, 303)
    event(f"application: HTTP {response.status_code}")
    if response.status_code == 200:
        assert_escaped(response.content.decode(), values)
        return
    application = Application.objects.get(pk=response["Location"].split("/")[-2])
    assert_clean_application(application)
    page = client.get(response["Location"]).content.decode()
    assert escape(application.name) in page
    assert_escaped(page, values)
    if application.status == Application.Status.SUBMITTED:
        html = mail.outbox[-1].alternatives[0][0]
        assert escape(application.name) in html
        assert_escaped(html, values)
    # Selected, it shows in the directory and on its own page.
    Application.objects.filter(pk=application.pk).update(status=Application.Status.SELECTED)
    client.logout()
    for url in (
        reverse("startups:directory"),
        reverse("startups:startup", args=[application.slug]),
    ):
        public = client.get(url)
        assert public.status_code == 200
        assert escape(application.name) in public.content.decode()
        assert_escaped(public.content.decode(), values)


@HYPOTHESIS
@given(email=st.one_of(st.emails(), hostile_text), trap=st.one_of(st.just(""), hostile_text))
def test_hostile_emails_on_the_first_step_never_break_the_site(
    client, no_rate_limits, call, email, trap
):
    response = client.post(reverse("startups:apply"), {"email": email, "leave_empty": trap})
    assert response.status_code in (200, 303)
    assert_escaped(response.content.decode(), {"email": email, "trap": trap})
    form = ApplyEmailForm({"email": email})
    if form.is_valid():
        value = form.cleaned_data["email"]
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Zs") for c in value)


@HYPOTHESIS
@given(
    query=st.dictionaries(
        st.sampled_from(["pivot", "sector", "stage", "structure", "open_source", "low_tech"]),
        hostile_text,
    )
)
def test_hostile_directory_filters_never_break_the_page(client, call, query):
    response = client.get(reverse("startups:directory"), query)
    assert response.status_code == 200
    assert_escaped(response.content.decode(), query)
    filters = DirectoryFilters(query, pivots=list(call.edition.pivots.all()))
    filters.filter(Application.objects.all())  # no error, whatever came in
