"""The organiser's home: where staff land, their areas, and the readiness checklist."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Activity
from activities.tests.factories import ActivityFactory, ActivitySlotFactory
from core.testing import client_for, english, queries_of_get
from editions.models import Pivot, Space
from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from matchmaking.models import Lounge
from matchmaking.tests.factories import LoungeFactory, with_slots
from programme.models import Session, Speaker
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at
from registration.models import PassType
from registration.tests.factories import PassTypeFactory
from startups.models import Call
from startups.tests.factories import CallFactory, CriterionFactory

HOME = "editions:staff_home"


def missing(obj, *fields) -> bool:
    """Read field by field, as an organiser would: a French text without its Arabic or English."""
    return any(
        getattr(obj, f"{name}_fr")
        and not (getattr(obj, f"{name}_ar") and getattr(obj, f"{name}_en"))
        for name in fields
    )


def expected_counts(edition) -> dict[str, int]:
    """Every check of the checklist, counted from the database object by object."""
    first, _end = edition.day_bounds(edition.starts_on)
    _start, last = edition.day_bounds(edition.ends_on)
    sessions = list(Session.objects.filter(edition=edition).prefetch_related("appearances"))
    speakers = set(Speaker.objects.filter(appearances__session__edition=edition))
    passes = list(PassType.objects.filter(edition=edition))
    lounges = list(Lounge.objects.filter(edition=edition))
    activities = list(Activity.objects.filter(edition=edition))
    counts = {
        "Pivots missing Arabic or English": sum(
            missing(p, "name", "description", "keywords")
            for p in Pivot.objects.filter(edition=edition)
        ),
        "Spaces missing Arabic or English": sum(
            missing(s, "name", "description") for s in Space.objects.filter(edition=edition)
        ),
        "Sessions missing Arabic or English": sum(
            missing(s, "title", "abstract") for s in sessions
        ),
        "Sessions without a space": sum(s.space_id is None for s in sessions),
        "Sessions without a time within the edition's days": sum(
            s.starts_at is None or not (first <= s.starts_at and s.ends_at <= last)
            for s in sessions
        ),
        "Sessions without a speaker": sum(not s.appearances.all() for s in sessions),
        "Speakers without a biography": sum(
            not (s.biography_fr or s.biography_ar or s.biography_en) for s in speakers
        ),
        "Speakers without a photo": sum(not s.photo for s in speakers),
        "Speakers without an e-mail address": sum(not s.email for s in speakers),
        "Passes missing Arabic or English": sum(missing(p, "name", "description") for p in passes),
        "Passes whose registration is not open yet": sum(
            p.opens_at > timezone.now() for p in passes
        ),
        "Passes with no places": sum(p.capacity == 0 for p in passes),
        "Call for startups without criteria": sum(
            not c.criteria.exists() for c in Call.objects.filter(edition=edition)
        ),
        "Lounge without tables": sum(not lounge.tables.exists() for lounge in lounges),
        "Lounge without meeting slots": sum(not lounge.slots.exists() for lounge in lounges),
        "Public activities missing Arabic or English": sum(
            missing(a, "title", "description") for a in activities
        ),
        "Public activities without slots": sum(not a.slots.exists() for a in activities),
    }
    return {label: count for label, count in counts.items() if count}


def shown_counts(client, edition=None) -> dict[str, int]:
    """The checklist as the page shows it, in English: label → number."""
    url = english(HOME) + (f"?edition={edition.slug}" if edition else "")
    page = client.get(url).content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in page else ""
    counts = {}
    for row in rows.split("<tr")[1:]:
        label = row.split('<th scope="row">')[1].split("</th>")[0]
        counts[label.replace("&#x27;", "'")] = int(row.split("<td>")[1].split("</td>")[0])
    return counts


@pytest.fixture
def admin_client(client, cast):
    return client_for(client, cast, "admin")


@pytest.fixture
def unready(edition):
    """The current edition with one defect of every kind, and one sound object of each."""
    atlas = edition.spaces.get(slug="atlas")
    PivotFactory(edition=edition, name_ar="", description_fr="", name_en="Water")
    SpaceFactory(edition=edition, name_en="")
    sound = SessionFactory(edition=edition, space=atlas, abstract_ar="ا", abstract_en="a")
    SessionSpeakerFactory(
        session=sound,
        speaker=SpeakerFactory(biography_en="Bio", email="s@example.org", photo="speakers/p.jpg"),
    )
    SessionFactory(edition=edition, space=None, title_en="")  # no space, no speaker, no English
    SessionFactory(edition=edition, space=atlas, starts_at=at(27, 10))  # the day after
    SessionSpeakerFactory(session=SessionFactory(edition=edition, space=atlas))  # speaker: no bio…
    PassTypeFactory(edition=edition, capacity=0, name_ar="")
    PassTypeFactory(edition=edition, opens_at=timezone.now() + timedelta(days=3))
    PassTypeFactory(edition=edition, description_ar="ا", description_en="a")
    CallFactory(edition=edition)
    LoungeFactory(edition=edition)
    ActivitySlotFactory(activity=ActivityFactory(edition=edition))
    ActivityFactory(edition=edition, title_en="")
    return edition


def test_checklist_counts_each_defect_of_a_generated_edition(admin_client, unready):
    expected = expected_counts(unready)
    assert expected == {
        "Pivots missing Arabic or English": 3,  # the fixture's two lack their description's
        "Spaces missing Arabic or English": 1,
        "Sessions missing Arabic or English": 3,
        "Sessions without a space": 1,
        "Sessions without a time within the edition's days": 1,
        "Sessions without a speaker": 2,
        "Speakers without a biography": 1,
        "Speakers without a photo": 1,
        "Speakers without an e-mail address": 1,
        "Passes missing Arabic or English": 2,
        "Passes whose registration is not open yet": 1,
        "Passes with no places": 1,
        "Call for startups without criteria": 1,
        "Lounge without tables": 1,
        "Lounge without meeting slots": 1,
        "Public activities missing Arabic or English": 1,
        "Public activities without slots": 1,
    }
    assert shown_counts(admin_client) == expected


def test_checklist_forgets_what_was_fixed(admin_client, edition):
    call = CallFactory(edition=edition)
    lounge = LoungeFactory(edition=edition)
    assert "Call for startups without criteria" in shown_counts(admin_client)

    CriterionFactory(call=call)
    with_slots(lounge)

    shown = shown_counts(admin_client)
    assert "Call for startups without criteria" not in shown
    assert "Lounge without tables" not in shown and "Lounge without meeting slots" not in shown


def test_checklist_follows_the_edition_being_prepared(admin_client, edition):
    prepared = EditionFactory(slug="scc-2027", is_published=False)
    SessionFactory(edition=prepared, space=None, title_fr="Brouillon 2027")

    assert "Sessions without a space" not in shown_counts(admin_client)
    assert shown_counts(admin_client, prepared)["Sessions without a space"] == 1
    page = admin_client.get(english(HOME) + "?edition=scc-2027").content.decode()
    assert prepared.name_en in page and edition.name_en in page and "Not published" in page


def fix_link(client, label: str) -> str:
    page = client.get(english(HOME)).content.decode()
    row = next(r for r in page.split("<tr")[1:] if label in r)
    return row.split('<a href="')[1].split('"')[0].replace("&amp;", "&")


def test_fix_link_lists_exactly_the_objects_to_fix(admin_client, edition):
    atlas = edition.spaces.get(slug="atlas")
    SessionFactory(edition=edition, space=None, title_en="No room A")
    SessionFactory(edition=edition, space=None, title_en="No room B")
    SessionFactory(edition=edition, space=atlas, title_en="Well placed")

    listed = admin_client.get(fix_link(admin_client, "Sessions without a space"))

    assert listed.status_code == 200
    text = listed.content.decode()
    assert "No room A" in text and "No room B" in text and "Well placed" not in text


def test_fix_link_of_one_object_opens_its_form(admin_client, edition):
    call = CallFactory(edition=edition)

    url = fix_link(admin_client, "Call for startups without criteria")

    assert url == reverse("admin:startups_call_change", args=[call.pk])
    assert admin_client.get(url).status_code == 200


# Who sees what: an area's links and a check need the permissions of its pages.
SEES = {
    "admin": {
        "Sessions",
        "Registrations",
        "Jury",
        "Applications",
        "Lounge scheduler",
        "Activity entrances",
        "Moderate the ideas",
        "Dashboard",
        "People",
        "Symposium administration",
    },
    "programme_manager": {"Sessions", "Speakers", "Pivots", "Spaces", "Symposium administration"},
    "registration_desk": {"Registrations", "Check-in desk", "Badges", "Activity entrances"},
    "jury_member": {"Jury"},
    "moderator": {"Moderate the ideas", "Feedback on sessions"},
}
NOT_SEEN = {
    "programme_manager": {"Registrations", "Jury", "Dashboard", "People", "Lounge scheduler"},
    "registration_desk": {"Jury", "Dashboard", "Moderate the ideas", "Pivots", "People"},
    "jury_member": {"Registrations", "Applications", "Dashboard", "Moderate the ideas"},
    "moderator": {"Registrations", "Jury", "Dashboard", "Pivots", "Lounge scheduler"},
}
CHECKS_SEEN = {
    "admin": {"Sessions without a space", "Passes with no places", "Lounge without tables"},
    "programme_manager": {"Sessions without a space"},
    "registration_desk": set(),
    "jury_member": set(),
    "moderator": set(),
}


def link_labels(page: str) -> set[str]:
    areas = page.split('id="areas-heading"')[1]
    return {part.split(">", 1)[1].split("<")[0] for part in areas.split("<li><a ")[1:]}


@pytest.mark.parametrize("role", list(SEES))
def test_each_role_sees_the_areas_and_checks_it_may(client, cast, edition, role):
    SessionFactory(edition=edition, space=None)
    PassTypeFactory(edition=edition, capacity=0)
    LoungeFactory(edition=edition)
    CallFactory(edition=edition)  # the village's staff pages need a call

    client = client_for(client, cast, role)
    page = client.get(english(HOME)).content.decode()

    links = link_labels(page)
    assert SEES[role] <= links
    assert not NOT_SEEN.get(role, set()) & links
    assert set(shown_counts(client)) >= CHECKS_SEEN[role]
    if not CHECKS_SEEN[role]:
        assert shown_counts(client) == {}
    for url in page.split('id="areas-heading"')[1].split('href="')[1:]:
        assert client.get(url.split('"')[0]).status_code == 200, url


def test_strangers_are_sent_to_sign_in_and_attendees_refused(client, cast, edition):
    response = client.get(reverse(HOME))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))

    assert client_for(client, cast, "attendee").get(reverse(HOME)).status_code == 403


def test_staff_land_on_the_home_after_signing_in(client, cast, edition):
    cast["moderator"].set_password("a long passphrase")
    cast["moderator"].save()

    form = client.get(reverse("admin:login"))
    response = client.post(
        reverse("admin:login"),
        {"username": "moderator", "password": "a long passphrase", "next": form.context["next"]},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(HOME)


def test_staff_keep_the_page_they_asked_for_when_signing_in(client, cast, edition):
    cast["admin"].set_password("a long passphrase")
    cast["admin"].save()
    wanted = reverse("dashboard:home")

    response = client.post(
        reverse("admin:login") + f"?next={wanted}",
        {"username": "admin", "password": "a long passphrase", "next": wanted},
    )

    assert response["Location"] == wanted


def test_staff_header_has_one_organiser_link(client, cast, edition):
    page = client_for(client, cast, "admin").get(english("programme:timetable")).content.decode()

    assert page.count('class="staff"') == 1
    assert f'href="{english(HOME)}"' in page
    client.logout()
    visitor_page = client.get(english("programme:timetable")).content.decode()
    assert 'class="staff"' not in visitor_page


def test_home_in_arabic_is_right_to_left_and_translated(client, cast, unready):
    client = client_for(client, cast, "admin")

    with translation.override("ar"):
        page = client.get(reverse(HOME)).content.decode()

    assert 'dir="rtl"' in page
    assert "Sessions without a space" not in page and "Readiness checklist" not in page


def test_home_query_count_does_not_grow_with_the_edition(admin_client, edition):
    def grow(count):
        for _ in range(count):
            session = SessionFactory(edition=edition, space=None, title_en="")
            SessionSpeakerFactory(session=session)
            PassTypeFactory(edition=edition, capacity=0)
            ActivityFactory(edition=edition)
            PivotFactory(edition=edition, name_ar="")

    grow(1)
    few, page = queries_of_get(admin_client, english(HOME))
    assert "Sessions without a space" in page
    grow(29)
    many, page = queries_of_get(admin_client, english(HOME))
    assert shown_counts(admin_client)["Sessions without a space"] == 30
    assert many == few
