"""Programme exports: iCalendar, frab schedule XML/JSON, staff CSV."""

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar
import jsonschema
import pytest
import xmlschema
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from editions.models import Edition
from editions.tests.factories import EditionFactory, PivotFactory, SpaceFactory
from programme.models import Agenda, Session, SessionSpeaker
from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at

CASABLANCA = ZoneInfo("Africa/Casablanca")
TRICKY_TITLE = 'Eau & ville : <low-tech> "frugale" l\'été'


@pytest.fixture(autouse=True)
def french_by_default():
    """LocaleMiddleware leaves the last request's language active in the thread;
    start every test in French so `reverse()` gives `/fr/...` addresses."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(scope="session")
def schemas_dir():
    """`shared/schemas/` beside the clone, as in CI. Missing is a broken set-up,
    not a reason to skip: the exports would go unchecked."""
    directory = Path(settings.BASE_DIR).parent / "shared" / "schemas"
    if not (directory / "schedule.xml.xsd").is_file():
        pytest.fail(f"schedule schemas not found in {directory}: check out shared/ beside the repo")
    return directory


@pytest.fixture(scope="session")
def xml_schema(schemas_dir):
    return xmlschema.XMLSchema(schemas_dir / "schedule.xml.xsd")


@pytest.fixture(scope="session")
def json_validator(schemas_dir):
    schema = json.loads((schemas_dir / "schedule.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    # Every format jsonschema knows (uuid, date, …), not only draft 6's short list.
    return validator_class(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def programme(edition, session):
    """Four published sessions over both days, one unpublished, in two rooms and
    one without a room yet; speakers with roles; awkward characters."""
    atlas, anfa = edition.spaces.get(slug="atlas"), edition.spaces.get(slug="anfa")
    debate = SessionFactory(
        edition=edition,
        kind=Session.Kind.DEBATE,
        pivot=edition.pivots.get(slug="governance"),
        space=anfa,
        starts_at=at(25, 14),
        ends_at=at(25, 15, 30),
        title_fr=TRICKY_TITLE,
        title_ar="الماء والمدينة: تقنيات بسيطة",
        abstract_fr="Qui décide ? <b>Tous</b> & chacun.",
        languages="ar,fr",
        livestream_url="https://live.example.org/anfa",
    )
    SessionSpeakerFactory(
        session=debate,
        speaker=SpeakerFactory(name="Yousra El Idrissi"),
        role=SessionSpeaker.Role.MODERATOR,
        position=0,
    )
    SessionSpeakerFactory(
        session=debate, speaker=SpeakerFactory(name="عبد الله الفاسي"), position=1
    )
    keynote = SessionFactory(
        edition=edition,
        kind=Session.Kind.KEYNOTE,
        space=atlas,
        starts_at=at(26, 9, 30),
        ends_at=at(26, 10),
        title_fr="Ouverture du second jour",
        title_ar="",
    )
    workshop = SessionFactory(
        edition=edition,
        kind=Session.Kind.WORKSHOP,
        pivot=edition.pivots.get(slug="low-tech"),
        space=None,
        starts_at=at(26, 11),
        ends_at=at(26, 13, 15),
        title_fr="Atelier de réparation",
        replay_url="https://replay.example.org/atelier",
    )
    hidden = SessionFactory(
        edition=edition,
        space=anfa,
        starts_at=at(26, 15),
        title_fr="Brouillon confidentiel",
        is_published=False,
    )
    return {
        "panel": session,
        "debate": debate,
        "keynote": keynote,
        "workshop": workshop,
        "hidden": hidden,
    }


def parse_calendar(response) -> icalendar.Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 — our own export, not untrusted input


def summaries(calendar) -> set[str]:
    return {str(event["SUMMARY"]) for event in calendar.events}


# --- iCalendar --------------------------------------------------------------


def test_programme_ics_has_one_event_per_published_session(client, programme):
    response = client.get(reverse("programme:programme_ics"))

    assert response.status_code == 200
    calendar = parse_calendar(response)
    assert len(calendar.events) == 4
    assert "Brouillon confidentiel" not in summaries(calendar)
    assert str(calendar.calendar_name) == programme["panel"].edition.name_fr
    assert 'filename="scc-2022.ics"' in response["Content-Disposition"]
    assert response["Cache-Control"] in {"public, max-age=300", "max-age=300, public"}


def test_programme_ics_event_times_are_casablanca_local(client, programme):
    calendar = parse_calendar(client.get(reverse("programme:programme_ics")))
    panel = programme["panel"]

    event = next(event for event in calendar.events if str(event["UID"]) == str(panel.guid))
    assert event.start == datetime(2022, 5, 25, 10, tzinfo=CASABLANCA)
    assert event.start.astimezone(CASABLANCA).strftime("%d %H:%M") == "25 10:00"
    assert event.end.astimezone(CASABLANCA).strftime("%d %H:%M") == "25 11:00"
    # UTC instants: no client has to know Morocco's time-zone rules.
    assert event.start.utcoffset().total_seconds() == 0
    assert calendar.get_missing_tzids() == set()


def test_programme_ics_during_ramadan_keeps_the_local_hour(client, db):
    # On 20 March 2023 Casablanca was on UTC+0 (Ramadan), not its usual UTC+1.
    edition = EditionFactory(
        slug="ramadan-2023", is_current=True, starts_on=date(2023, 3, 20), ends_on=date(2023, 3, 20)
    )
    SessionFactory(
        edition=edition, starts_at=datetime(2023, 3, 20, 10, tzinfo=CASABLANCA), title_fr="Ftour"
    )

    (event,) = parse_calendar(client.get(reverse("programme:programme_ics"))).events

    assert event.start.astimezone(CASABLANCA).hour == 10
    assert event.start.astimezone(UTC).hour == 10


def test_programme_ics_event_carries_details(client, programme):
    calendar = parse_calendar(client.get(reverse("programme:programme_ics")))
    debate = programme["debate"]

    event = next(event for event in calendar.events if str(event["UID"]) == str(debate.guid))
    assert str(event["SUMMARY"]) == TRICKY_TITLE
    assert "Yousra El Idrissi" in event["DESCRIPTION"]
    assert "عبد الله الفاسي" in event["DESCRIPTION"]
    assert "https://live.example.org/anfa" in event["DESCRIPTION"]
    assert str(event["LOCATION"]) == "Salle Anfa, Hyatt Regency, Casablanca"
    assert str(event["URL"]) == f"http://testserver/fr/programme/sessions/{debate.pk}/"
    assert "Gouvernance bottom-up" in event.categories


def test_programme_ics_in_arabic_with_prefix(client, programme):
    with translation.override("ar"):
        url = reverse("programme:programme_ics")

    calendar = parse_calendar(client.get(url))

    assert "إعادة تدوير المدينة" in summaries(calendar)
    # No Arabic title: French fallback.
    assert "Ouverture du second jour" in summaries(calendar)


def test_programme_ics_pivot_filter(client, programme):
    response = client.get(reverse("programme:programme_ics"), {"pivot": "low-tech"})

    assert response.status_code == 200
    assert summaries(parse_calendar(response)) == {"Recycler la ville", "Atelier de réparation"}
    assert 'filename="scc-2022-low-tech.ics"' in response["Content-Disposition"]


def test_programme_ics_unknown_pivot_is_404(client, programme):
    response = client.get(reverse("programme:programme_ics"), {"pivot": "astrology"})

    assert response.status_code == 404


def test_programme_ics_pivot_of_another_edition_is_404(client, programme):
    PivotFactory(slug="elsewhere")

    response = client.get(reverse("programme:programme_ics"), {"pivot": "elsewhere"})

    assert response.status_code == 404


def test_agenda_ics_has_exactly_the_starred_published_sessions(client, programme):
    agenda = Agenda.objects.create()
    agenda.sessions.add(programme["debate"], programme["workshop"], programme["hidden"])
    Agenda.objects.create().sessions.add(programme["keynote"])

    response = client.get(reverse("programme:agenda_ics", kwargs={"secret": agenda.secret}))

    assert response.status_code == 200
    assert summaries(parse_calendar(response)) == {TRICKY_TITLE, "Atelier de réparation"}
    assert "private" in response["Cache-Control"]


def test_agenda_ics_unknown_secret_is_404(client, programme):
    response = client.get(reverse("programme:agenda_ics", kwargs={"secret": "not-a-secret"}))

    assert response.status_code == 404


def test_agenda_ics_without_prefix(client, programme):
    agenda = Agenda.objects.create()
    agenda.sessions.add(programme["panel"])

    response = client.get(f"/programme/agenda/{agenda.secret}/agenda.ics", {"lang": "en"})

    assert summaries(parse_calendar(response)) == {"Recycling the city"}


def test_programme_ics_without_prefix_defaults_to_french(client, programme):
    response = client.get("/programme/programme.ics", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Recycler la ville" in summaries(parse_calendar(response))
    assert response["Content-Language"] == "fr"


def test_programme_ics_without_prefix_lang_parameter(client, programme):
    response = client.get("/programme/programme.ics", {"lang": "ar"})

    calendar = parse_calendar(response)
    assert "إعادة تدوير المدينة" in summaries(calendar)
    panel = programme["panel"]
    urls = {str(event["URL"]) for event in calendar.events}
    assert f"http://testserver/ar/programme/sessions/{panel.pk}/" in urls


def test_programme_ics_empty_programme_is_a_valid_calendar(client, edition):
    calendar = parse_calendar(client.get("/programme/programme.ics"))

    assert calendar.events == []


# --- frab schedule XML and JSON ---------------------------------------------


def test_schedule_xml_validates_against_xsd(client, programme, xml_schema):
    response = client.get(reverse("programme:schedule_xml"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    xml_schema.validate(parse_xml(response.content))


def test_schedule_xml_lists_sessions_by_day_and_room(client, programme):
    root = parse_xml(client.get(reverse("programme:schedule_xml")).content)

    days = root.findall("day")
    assert [day.get("date") for day in days] == ["2022-05-25", "2022-05-26"]
    assert days[0].get("start") == "2022-05-25T00:00:00+01:00"
    first_day = {
        room.get("name"): [event.findtext("title") for event in room.findall("event")]
        for room in days[0].findall("room")
    }
    assert first_day["Salle Atlas"] == ["Recycler la ville"]
    assert first_day["Salle Anfa"] == [TRICKY_TITLE]
    assert len(root.findall("day/room/event")) == 4
    assert root.findtext("conference/acronym") == "scc_2022"
    assert root.find("conference/track[@name='Technologies low-tech']").get("color") == "#2e7d32"


def test_schedule_xml_event_fields(client, programme):
    root = parse_xml(client.get(reverse("programme:schedule_xml")).content)
    debate = programme["debate"]

    event = root.find(f"day/room/event[@guid='{debate.guid}']")
    assert event.get("id") == str(debate.pk)
    assert event.findtext("start") == "14:00"
    assert event.findtext("duration") == "01:30"
    assert event.findtext("date") == "2022-05-25T14:00:00+01:00"
    assert event.findtext("language") == "ar"
    assert event.findtext("type") == "debate"
    assert event.findtext("track") == "Gouvernance bottom-up"
    assert [person.text for person in event.findall("persons/person")] == [
        "Yousra El Idrissi",
        "عبد الله الفاسي",
    ]
    assert event.find("links/link").get("href") == "https://live.example.org/anfa"


def test_schedule_json_validates_against_schema(client, programme, json_validator):
    response = client.get(reverse("programme:schedule_json"))

    assert response.status_code == 200
    document = response.json()
    errors = [error.message for error in json_validator.iter_errors(document)]
    assert errors == []


def test_schedule_of_an_empty_programme_is_valid(client, edition, xml_schema, json_validator):
    xml_schema.validate(parse_xml(client.get(reverse("programme:schedule_xml")).content))
    json_validator.validate(client.get(reverse("programme:schedule_json")).json())


def test_schedule_with_awkward_slugs_is_valid(client, db, xml_schema, json_validator):
    # Django slugs may hold capitals and underscores, which the schemas refuse
    # in acronyms, tracks and rooms; a French title may slugify to nothing.
    edition = EditionFactory(slug="SCC", is_current=True)
    pivot = PivotFactory(edition=edition, slug="2030_Goals")
    space = SpaceFactory(edition=edition, slug="Main_Hall-")
    SessionFactory(edition=edition, pivot=pivot, space=space, title_fr="؟؟؟")

    xml_schema.validate(parse_xml(client.get(reverse("programme:schedule_xml")).content))
    document = client.get(reverse("programme:schedule_json")).json()
    json_validator.validate(document)
    assert document["schedule"]["conference"]["acronym"] == "scc_"


def test_schedule_json_matches_the_xml(client, programme):
    document = client.get(reverse("programme:schedule_json")).json()
    root = parse_xml(client.get(reverse("programme:schedule_xml")).content)

    conference = document["schedule"]["conference"]
    assert conference["daysCount"] == 2
    assert conference["time_zone_name"] == "Africa/Casablanca"
    assert document["schedule"]["version"] == root.findtext("version")
    json_guids = {
        event["guid"]
        for day in conference["days"]
        for events in day["rooms"].values()
        for event in events
    }
    assert json_guids == {event.get("guid") for event in root.findall("day/room/event")}
    assert str(programme["hidden"].guid) not in json_guids


def test_schedule_json_rooms_have_stable_guids(client, programme):
    first = client.get(reverse("programme:schedule_json")).json()
    second = client.get("/programme/schedule.json").json()

    rooms = first["schedule"]["conference"]["rooms"]
    unassigned = gettext("Place to be announced")
    assert [room["name"] for room in rooms] == ["Salle Atlas", "Salle Anfa", unassigned]
    assert rooms == second["schedule"]["conference"]["rooms"]
    assert len({room["guid"] for room in rooms}) == 3


def test_schedule_json_session_without_room_is_kept(client, programme):
    document = client.get(reverse("programme:schedule_json")).json()

    second_day = document["schedule"]["conference"]["days"][1]
    unassigned = gettext("Place to be announced")
    assert [event["title"] for event in second_day["rooms"][unassigned]] == [
        "Atelier de réparation"
    ]


def test_schedule_exports_work_without_prefix(client, programme, xml_schema, json_validator):
    xml_response = client.get("/programme/schedule.xml", {"lang": "en"})
    json_response = client.get("/programme/schedule.json", {"lang": "ar"})

    xml_schema.validate(parse_xml(xml_response.content))
    root = parse_xml(xml_response.content)
    assert "Recycling the city" in [event.findtext("title") for event in root.iter("event")]
    document = json_response.json()
    json_validator.validate(document)
    titles = [
        event["title"]
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]
    assert "الماء والمدينة: تقنيات بسيطة" in titles
    assert json_response["Cache-Control"] in {"public, max-age=300", "max-age=300, public"}


def test_schedule_of_a_published_past_edition(client, programme, xml_schema):
    past = EditionFactory(slug="scc-2019", name_fr="SCC 2019")
    space = SpaceFactory(edition=past, slug="main", name_fr="Grande salle")
    SessionFactory(edition=past, space=space, starts_at=at(25, 9), title_fr="Archive 2019")

    response = client.get("/programme/schedule.xml", {"edition": "scc-2019"})

    root = parse_xml(response.content)
    xml_schema.validate(root)
    assert [event.findtext("title") for event in root.iter("event")] == ["Archive 2019"]


def test_exports_of_an_unpublished_edition_are_404(client, programme):
    EditionFactory(slug="scc-2030", is_published=False)

    for name in ("schedule_xml", "schedule_json", "programme_ics"):
        response = client.get(reverse(f"programme:{name}"), {"edition": "scc-2030"})
        assert response.status_code == 404, name


def test_exports_of_the_current_edition_once_unpublished_are_404(client, programme):
    # An organiser may untick "published" and leave "current" ticked.
    Edition.objects.filter(slug="scc-2022").update(is_published=False)

    for name in ("schedule_xml", "schedule_json", "programme_ics"):
        assert client.get(reverse(f"programme:{name}")).status_code == 404, name


def test_exports_without_current_edition_are_404(client, db):
    EditionFactory(slug="scc-2019")

    assert client.get(reverse("programme:schedule_json")).status_code == 404


def test_unprefixed_export_404_ends_in_404(client, programme):
    # LocaleMiddleware answers an unprefixed 404 with a redirect to the
    # prefixed address, which then says 404 itself.
    response = client.get("/programme/programme.ics", {"pivot": "astrology"}, follow=True)

    assert response.status_code == 404


def test_exports_refuse_post(client, programme):
    assert client.post("/programme/schedule.xml").status_code == 405


@pytest.mark.parametrize("url", ["/programme/schedule.json", "/programme/programme.ics"])
def test_export_query_count_does_not_grow_with_sessions(
    client, edition, url, django_assert_max_num_queries
):
    def add_sessions(count):
        for hour in range(count):
            panel = SessionFactory(
                edition=edition,
                pivot=edition.pivots.first(),
                space=edition.spaces.first(),
                starts_at=at(25, 9 + hour),
            )
            SessionSpeakerFactory(session=panel)

    add_sessions(1)
    with django_assert_max_num_queries(6) as one:
        client.get(url)
    add_sessions(2)
    with django_assert_max_num_queries(6) as three:
        client.get(url)
    assert len(three.captured_queries) == len(one.captured_queries)


# --- staff CSV --------------------------------------------------------------


@pytest.fixture
def staff_with_permission(db):
    user = get_user_model().objects.create_user("programmer", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_session", content_type__app_label="programme")
    )
    return user


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_sessions_csv_anonymous_is_sent_to_login(client, programme):
    url = reverse("programme:sessions_csv")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_sessions_csv_without_permission_is_403(client, programme):
    client.force_login(get_user_model().objects.create_user("attendee"))

    assert client.get(reverse("programme:sessions_csv")).status_code == 403


def test_sessions_csv_lists_every_session_for_staff(client, programme, staff_with_permission):
    client.force_login(staff_with_permission)

    response = client.get(reverse("programme:sessions_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="scc-2022-sessions.csv"' in response["Content-Disposition"]
    assert "public" not in response.get("Cache-Control", "")
    header, *rows = csv_rows(response)
    assert len(header) == 14
    by_id = {int(row[0]): row for row in rows}
    assert set(by_id) == {item.pk for item in programme.values()}
    panel = by_id[programme["panel"].pk]
    assert panel[1:4] == ["Recycler la ville", "إعادة تدوير المدينة", "Recycling the city"]
    assert panel[7:10] == ["2022-05-25T10:00:00+01:00", "2022-05-25T11:00:00+01:00", "fr,ar"]
    debate = by_id[programme["debate"].pk]
    assert debate[1] == TRICKY_TITLE
    assert "عبد الله الفاسي" in debate[10]
    assert by_id[programme["hidden"].pk][11] == gettext("no")


def test_sessions_csv_neutralises_formulas(client, edition, staff_with_permission):
    SessionFactory(edition=edition, title_fr='=HYPERLINK("http://evil")')
    client.force_login(staff_with_permission)

    _header, row = csv_rows(client.get(reverse("programme:sessions_csv")))

    assert row[1] == '\'=HYPERLINK("http://evil")'
