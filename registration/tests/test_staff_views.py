"""Staff pages of registration: who may open them, and what staff find and do there."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import assign_role
from core.testing import CAST, client_for, english
from editions.tests.factories import EditionFactory
from registration.models import CheckIn, PassType, Registration, RegistrationEvent
from registration.tests.factories import PassTypeFactory, RegistrationFactory

Status = Registration.Status
Action = RegistrationEvent.Action
# Who sees registrations: the admin and the registration desk (accounts/roles.py).
VIEWERS = {"admin", "registration_desk"}
ADDERS = {"admin", "registration_desk"}
DECIDERS = {"admin"}


@pytest.fixture
def pro(edition) -> PassType:
    return PassTypeFactory(
        edition=edition, slug="pro", name_fr="Professionnel", name_en="Professional", capacity=100
    )


@pytest.fixture
def press(edition) -> PassType:
    return PassTypeFactory(
        edition=edition,
        slug="press",
        kind=PassType.Kind.PRESS,
        name_fr="Presse",
        name_en="Press",
        needs_approval=True,
        capacity=5,
    )


@pytest.fixture
def amina(pro) -> Registration:
    registration = RegistrationFactory(
        pass_type=pro,
        first_name="Amina",
        last_name="Benjelloun",
        email="amina@example.ma",
        organisation="Casablanca Smart Lab",
    )
    registration.events.create(action=Action.REGISTERED, note="confirmed")
    return registration


@pytest.fixture
def journalist(press) -> Registration:
    return RegistrationFactory(
        pass_type=press,
        status=Status.PENDING,
        first_name="Youssef",
        last_name="Alaoui",
        email="youssef@lematin.ma",
        organisation="Le Matin",
    )


@pytest.fixture
def admin(client, cast):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def desk(client, cast):
    client.force_login(cast["registration_desk"])
    return client


def page(client, address, data=None) -> str:
    response = client.get(address, data or {})
    assert response.status_code == 200
    return response.content.decode()


# Who may open what


def page_addresses(registration):
    return {
        "list": reverse("registration:staff_list"),
        "add": reverse("registration:staff_add"),
        "detail": reverse("registration:staff_detail", args=[registration.pk]),
        "waiting_list": reverse("registration:waiting_list"),
        "csv": reverse("registration:registrations_csv"),
        "badges": reverse("registration:badges"),
    }


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("name", ["list", "add", "detail", "waiting_list", "csv", "badges"])
def test_staff_pages_open_to_each_role_as_far_as_it_should(client, cast, amina, who, name):
    response = client_for(client, cast, who).get(page_addresses(amina)[name])

    allowed = ADDERS if name == "add" else VIEWERS
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif who in allowed:
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("max-age=0")
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("action", ["approve", "reject", "cancel"])
def test_decisions_need_the_admin_role(client, cast, journalist, who, action):
    address = reverse("registration:staff_detail", args=[journalist.pk])

    response = client_for(client, cast, who).post(address, {"action": action, "reason": "x"})

    journalist.refresh_from_db()
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif who in DECIDERS:
        assert response.status_code == 302
        assert journalist.status != Status.PENDING
    else:
        assert response.status_code == 403
    if who not in DECIDERS:
        assert journalist.status == Status.PENDING


@pytest.mark.parametrize("who", CAST)
def test_only_the_admin_and_desk_may_add_someone(client, cast, pro, who):
    address = reverse("registration:staff_add") + "?pass=pro"

    response = client_for(client, cast, who).post(address, new_person())

    created = Registration.objects.filter(email="leila@example.ma").exists()
    assert created == (who in ADDERS)
    if who not in ADDERS:
        assert response.status_code in (302, 403)


def test_desk_sees_no_decision_buttons_admin_does(client, cast, journalist):
    address = english("registration:staff_detail", journalist.pk)
    client.force_login(cast["registration_desk"])
    at_desk = page(client, address)
    client.force_login(cast["admin"])
    for_admin = page(client, address)

    assert 'value="approve"' not in at_desk
    assert 'value="approve"' in for_admin
    assert 'value="reject"' in for_admin
    assert 'value="cancel"' in for_admin


# The list: search, filters, counts, pages


@pytest.fixture
def crowd(pro, press):
    """Four people on two passes, one admitted at the door, one cancelled."""
    people = {
        "amina": RegistrationFactory(
            pass_type=pro,
            first_name="Amina",
            last_name="Benjelloun",
            email="amina@example.ma",
            organisation="Casablanca Smart Lab",
        ),
        "karim": RegistrationFactory(
            pass_type=pro,
            first_name="Karim",
            last_name="Tazi",
            email="k.tazi@um6p.ma",
            organisation="UM6P",
        ),
        "salma": RegistrationFactory(
            pass_type=press,
            first_name="سلمى",
            last_name="بناني",
            email="salma@2m.ma",
            organisation="القناة الثانية",
            status=Status.PENDING,
        ),
        "omar": RegistrationFactory(
            pass_type=pro,
            first_name="Omar",
            last_name="Idrissi",
            email="omar@example.ma",
            organisation="Lydec",
            status=Status.CANCELLED,
        ),
    }
    CheckIn.objects.create(registration=people["karim"], gate="1", nonce="n-karim")
    return people


def listed(client, **query) -> str:
    return page(client, english("registration:staff_list"), query)


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("benjelloun", ["Amina"], ["Karim", "Omar"]),
        ("UM6P", ["Karim"], ["Amina"]),
        ("k.tazi@", ["Karim"], ["Amina"]),
        ("amina benjelloun", ["Amina"], ["Karim"]),
        ("القناة", ["سلمى"], ["Amina"]),
        ("nobody-like-this", [], ["Amina", "Karim"]),
    ],
)
def test_search_finds_by_name_email_or_organisation(desk, crowd, query, found, not_found):
    html = listed(desk, q=query)

    for name in found:
        assert name in html
    for name in not_found:
        assert name not in html


def test_filters_combine_in_the_address(desk, crowd):
    pro_only = listed(desk, **{"pass": "pro"})
    confirmed_pro = listed(desk, **{"pass": "pro", "status": "confirmed"})
    admitted = listed(desk, checked_in="yes")
    not_admitted_pro = listed(desk, **{"pass": "pro", "checked_in": "no", "status": "confirmed"})

    assert "Omar" in pro_only and "سلمى" not in pro_only
    assert "Amina" in confirmed_pro and "Karim" in confirmed_pro and "Omar" not in confirmed_pro
    assert "Karim" in admitted and "Amina" not in admitted
    assert "Amina" in not_admitted_pro and "Karim" not in not_admitted_pro


def test_counts_per_status_follow_the_other_filters(desk, crowd):
    html = listed(desk, **{"pass": "pro", "status": "confirmed"})

    # Two confirmed and one cancelled on the professional pass; the status tabs keep the pass.
    assert (
        'href="?pass=pro&amp;status=confirmed" aria-current="true">Confirmed '
        '<span class="count">2</span>'
    ) in html
    assert 'href="?pass=pro&amp;status=cancelled">Cancelled <span class="count">1</span>' in html
    assert 'href="?pass=pro">All <span class="count">3</span>' in html
    assert "2 registrations found." in html


def test_nonsense_filters_are_ignored(desk, crowd):
    html = listed(desk, status="bogus", **{"pass": "another-edition", "checked_in": "maybe"})

    assert "4 registrations found." in html


def test_list_shows_only_the_chosen_edition(desk, crowd):
    other = PassTypeFactory(edition=EditionFactory(slug="scc-2021"), slug="pro")
    RegistrationFactory(pass_type=other, first_name="Archived")

    current = listed(desk)
    archived = listed(desk, edition="scc-2021")

    assert "Archived" not in current and "Amina" in current
    assert "Archived" in archived and "Amina" not in archived


def test_list_pages_by_fifty_and_links_keep_the_filters(desk, pro):
    for n in range(51):
        RegistrationFactory(pass_type=pro, first_name=f"Person{n:02d}", organisation="Lydec")

    first = listed(desk, q="lydec")
    second = listed(desk, q="lydec", page="2")

    assert "51 registrations found." in first
    assert first.count('class="status st-confirmed"') == 50
    assert 'href="?q=lydec&amp;page=2" rel="next"' in first
    assert second.count('class="status st-confirmed"') == 1
    assert 'href="?q=lydec&amp;page=1" rel="prev"' in second


def test_list_query_count_does_not_grow_with_registrations(desk, pro, crowd):
    address = english("registration:staff_list")
    Registration.objects.exclude(pk=crowd["amina"].pk).delete()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(address).status_code == 200
        return len(captured)

    with_one = queries()
    for n in range(2):
        registration = RegistrationFactory(pass_type=pro)
        CheckIn.objects.create(registration=registration, gate="2", nonce=f"n{n}")
    assert Registration.objects.count() == 3

    assert queries() == with_one


# One registration: what staff see, and the decisions


def test_detail_shows_the_registration_its_consent_and_history(
    admin, cast, pro, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(english("registration:staff_add") + "?pass=pro", new_person())
    registration = Registration.objects.get(email="leila@example.ma")
    CheckIn.objects.create(registration=registration, gate="Nord", nonce="n1", by=cast["admin"])

    html = page(admin, english("registration:staff_detail", registration.pk))

    assert "Leila Chraibi" in html
    assert "Professional" in html
    assert "2022-03-registration-v1" in html  # the consent text's version
    assert "Registered" in html and "Admin" in html  # the history names who added her
    assert "on a signed paper form" in html
    assert "at gate Nord" in html
    assert registration.secret not in html


def test_approving_confirms_records_who_and_emails(
    admin, cast, journalist, mailoutbox, django_capture_on_commit_callbacks
):
    address = english("registration:staff_detail", journalist.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(address, {"action": "approve"})

    journalist.refresh_from_db()
    assert journalist.status == Status.CONFIRMED
    assert journalist.events.get(action=Action.APPROVED).actor == cast["admin"]
    assert [m.to for m in mailoutbox] == [["youssef@lematin.ma"]]
    assert journalist.secret in mailoutbox[0].body  # the ticket link
    assert "Registration approved" in page(admin, response["Location"])


def test_rejecting_keeps_the_reason_frees_the_place_and_emails(
    admin, journalist, press, mailoutbox, django_capture_on_commit_callbacks
):
    address = english("registration:staff_detail", journalist.pk)

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(address, {"action": "reject", "reason": "Pas de carte de presse"})

    journalist.refresh_from_db()
    press.refresh_from_db()
    assert journalist.status == Status.REJECTED
    assert journalist.events.get(action=Action.REJECTED).note == "Pas de carte de presse"
    assert press.held == 0
    assert len(mailoutbox) == 1


def test_a_too_long_reason_is_refused_and_nothing_changes(admin, journalist):
    response = admin.post(
        english("registration:staff_detail", journalist.pk),
        {"action": "reject", "reason": "x" * 301},
    )

    assert response.status_code == 400
    assert "at most 300 characters" in response.content.decode()
    journalist.refresh_from_db()
    assert journalist.status == Status.PENDING


def test_cancelling_gives_the_place_to_the_next_person_waiting(
    admin, pro, amina, mailoutbox, django_capture_on_commit_callbacks
):
    PassType.objects.filter(pk=pro.pk).update(capacity=1)
    waiting = RegistrationFactory(pass_type=pro, status=Status.WAITLISTED, email="next@example.ma")

    with django_capture_on_commit_callbacks(execute=True):
        admin.post(english("registration:staff_detail", amina.pk), {"action": "cancel"})

    amina.refresh_from_db()
    waiting.refresh_from_db()
    assert amina.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED
    assert sorted(m.to[0] for m in mailoutbox) == ["amina@example.ma", "next@example.ma"]


def test_a_refused_decision_shows_the_service_message_in_the_staff_language(admin, amina):
    response = admin.post(
        english("registration:staff_detail", amina.pk), {"action": "approve"}, follow=True
    )

    assert "Only a pending registration can be approved." in response.content.decode()
    amina.refresh_from_db()
    assert amina.status == Status.CONFIRMED


def test_cancelling_an_admitted_ticket_is_refused_with_a_message(admin, amina):
    CheckIn.objects.create(registration=amina, gate="1", nonce="n-amina")

    response = admin.post(
        english("registration:staff_detail", amina.pk), {"action": "cancel"}, follow=True
    )

    assert "This ticket has already been used at the door." in response.content.decode()
    amina.refresh_from_db()
    assert amina.status == Status.CONFIRMED


def test_an_unknown_action_is_a_bad_request(admin, amina):
    response = admin.post(english("registration:staff_detail", amina.pk), {"action": "delete"})

    assert response.status_code == 400


# Adding someone


def new_person(**changes) -> dict:
    data = {
        "first_name": "Leila",
        "last_name": "Chraibi",
        "email": "leila@example.ma",
        "language": "ar",
        "organisation": "Lydec",
        "consent_channel": "paper",
        "submission_key": "staff-key-0123456789abcdef",
    }
    data.update(changes)
    return data


def add(client, pass_slug="pro", **changes):
    address = english("registration:staff_add") + f"?pass={pass_slug}"
    return client.post(address, new_person(**changes))


def test_add_page_offers_the_passes_then_the_pass_form(desk, pro, press):
    choice = page(desk, english("registration:staff_add"))
    form = page(desk, english("registration:staff_add"), {"pass": "pro"})

    assert "?pass=pro" in choice and "?pass=press" in choice
    assert 'name="first_name"' in form and 'name="organisation"' in form
    assert 'name="consent_channel"' in form
    assert 'name="consent"' not in form


def test_desk_adds_someone_with_the_service_and_history_says_who_and_how(
    desk, cast, pro, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add(desk, consent_channel="phone")

    registration = Registration.objects.get(email="leila@example.ma")
    assert response["Location"] == reverse("registration:staff_detail", args=[registration.pk])
    assert registration.status == Status.CONFIRMED
    assert registration.language == "ar"
    assert registration.consents.count() == 1
    event = registration.events.get(action=Action.REGISTERED)
    assert event.actor == cast["registration_desk"]
    assert "by phone" in event.note
    assert [m.to for m in mailoutbox] == [["leila@example.ma"]]
    pro.refresh_from_db()
    assert pro.held == 1


def test_staff_may_add_after_the_pass_closes(desk, pro):
    PassType.objects.filter(pk=pro.pk).update(
        opens_at=timezone.now() - timedelta(days=60), closes_at=timezone.now() - timedelta(days=1)
    )

    add(desk)

    assert Registration.objects.get(email="leila@example.ma").status == Status.CONFIRMED


def test_staff_may_add_before_the_pass_opens(desk, pro):
    PassType.objects.filter(pk=pro.pk).update(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=9)
    )

    add(desk)

    assert Registration.objects.get(email="leila@example.ma").status == Status.CONFIRMED


def test_staff_never_add_beyond_capacity_the_person_waits(desk, pro, amina):
    PassType.objects.filter(pk=pro.pk).update(capacity=1)

    add(desk)

    assert Registration.objects.get(email="leila@example.ma").status == Status.WAITLISTED
    pro.refresh_from_db()
    assert pro.held == 1


def test_a_full_pass_without_waiting_list_refuses_with_a_message(desk, pro, amina):
    PassType.objects.filter(pk=pro.pk).update(capacity=1, has_waiting_list=False)

    response = add(desk)

    assert response.status_code == 400
    assert "This pass is full." in response.content.decode()
    assert not Registration.objects.filter(email="leila@example.ma").exists()


def test_a_double_submit_adds_one_registration(
    desk, pro, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = add(desk)
        second = add(desk)

    assert first["Location"] == second["Location"]
    assert Registration.objects.filter(email="leila@example.ma").count() == 1
    assert len(mailoutbox) == 1


def test_add_form_asks_for_how_consent_was_given_and_the_pass_required_answers(desk, pro):
    PassType.objects.filter(pk=pro.pk).update(required_questions=["organisation"])

    response = add(desk, consent_channel="", organisation="")

    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("This field is required.") == 2
    assert not Registration.objects.exists()


def test_add_form_refuses_hidden_direction_characters_in_names(desk, pro):
    response = add(desk, last_name="Chra\u202eibi")

    assert response.status_code == 400
    assert not Registration.objects.exists()


# The waiting list


def test_waiting_list_shows_each_pass_in_order_with_positions(desk, pro, press):
    start = timezone.now() - timedelta(hours=3)
    for n, name in enumerate(["Second", "First", "Third"]):
        RegistrationFactory(
            pass_type=pro,
            status=Status.WAITLISTED,
            first_name=name,
            created_at=start + timedelta(minutes=[10, 0, 20][n]),
        )
    RegistrationFactory(pass_type=press, status=Status.WAITLISTED, first_name="Journalist")

    html = page(desk, english("registration:waiting_list"))

    pro_part = html[html.index("Professional") : html.index("Press")]
    assert pro_part.index("First") < pro_part.index("Second") < pro_part.index("Third")
    assert '<td class="position">3</td>' in pro_part
    assert "Journalist" in html[html.index("Press") :]
    assert "3 people waiting." in html


def test_free_places_go_to_those_waiting_on_request(admin, pro, amina):
    PassType.objects.filter(pk=pro.pk).update(capacity=1)
    waiting = RegistrationFactory(pass_type=pro, status=Status.WAITLISTED)
    PassType.objects.filter(pk=pro.pk).update(capacity=2)  # raised outside the admin

    response = admin.post(english("registration:waiting_list"), {"pass_type": pro.pk})

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert "1 person moved" in page(admin, response["Location"])


def test_the_desk_cannot_hand_out_places(desk, pro):
    response = desk.post(english("registration:waiting_list"), {"pass_type": pro.pk})

    assert response.status_code == 403


def test_waiting_list_query_count_does_not_grow(desk, pro, press):
    address = english("registration:waiting_list")
    RegistrationFactory(pass_type=pro, status=Status.WAITLISTED)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(address).status_code == 200
        return len(captured)

    with_one = queries()
    RegistrationFactory(pass_type=pro, status=Status.WAITLISTED)
    RegistrationFactory(pass_type=press, status=Status.WAITLISTED)

    assert queries() == with_one


# The CSV export


def exported(client, **query) -> tuple[str, list[list[str]]]:
    response = client.get(english("registration:registrations_csv"), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8")
    return text, list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_starts_with_a_bom_and_keeps_arabic(desk, crowd):
    text, rows = exported(desk)

    assert text.startswith("\ufeff")
    assert rows[0][:3] == ["number", "last name", "first name"]
    assert ["بناني", "سلمى", "salma@2m.ma"] in [row[1:4] for row in rows]


def test_csv_turns_formulas_into_text(desk, pro):
    RegistrationFactory(
        pass_type=pro,
        organisation='=HYPERLINK("http://evil.example","x")',
        first_name="+212600000000",
        last_name="@SUM(A1)",
    )

    _text, rows = exported(desk)

    row = rows[1]
    assert row[1] == "'@SUM(A1)"
    assert row[2] == "'+212600000000"
    assert row[5] == '\'=HYPERLINK("http://evil.example","x")'


def test_csv_follows_the_list_filters(desk, crowd):
    _text, by_pass = exported(desk, **{"pass": "press"})
    _text, searched = exported(desk, q="tazi", checked_in="yes")

    assert [row[2] for row in by_pass[1:]] == ["سلمى"]
    assert [row[2] for row in searched[1:]] == ["Karim"]
    assert searched[1][-1] == "1"  # the gate


def test_csv_never_carries_ticket_secrets(desk, crowd):
    text, _rows = exported(desk)

    for registration in crowd.values():
        assert registration.secret not in text


def test_csv_query_count_does_not_grow(desk, pro):
    RegistrationFactory(pass_type=pro)
    address = english("registration:registrations_csv")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(address).status_code == 200
        return len(captured)

    with_one = queries()
    RegistrationFactory.create_batch(2, pass_type=pro)

    assert queries() == with_one


def test_without_the_permission_even_an_invalid_decision_is_forbidden(desk, journalist):
    response = desk.post(
        english("registration:staff_detail", journalist.pk),
        {"action": "reject", "reason": "x" * 301},
    )

    assert response.status_code == 403


def test_after_adding_staff_read_what_happened(desk, pro, press, amina):
    PassType.objects.filter(pk=pro.pk).update(capacity=1)

    confirmed = desk.post(
        english("registration:staff_add") + "?pass=press",
        new_person(submission_key="k-press-0123456789abc"),
        follow=True,
    )
    waiting = add(desk, email="w@example.ma", submission_key="k-wait-0123456789abcd")

    assert "awaits approval" in confirmed.content.decode()
    assert "is on the waiting list" in page(desk, waiting["Location"])


def test_staff_find_their_pages_from_the_organisers_home(client, django_user_model, edition):
    """The header links staff to their home; the home lists the desk's pages."""
    desk = django_user_model.objects.create_user("desk", "desk@example.ma", "pw-Desk-2022!")
    assign_role(desk, "registration_desk")
    client.force_login(desk)
    assert 'href="/fr/staff/"' in client.get("/fr/programme/speakers/").content.decode()
    home = client.get("/fr/staff/").content.decode()
    assert 'href="/fr/register/desk/"' in home
    assert 'href="/fr/register/staff/"' in home
    client.logout()
    assert 'href="/fr/staff/"' not in client.get("/fr/programme/speakers/").content.decode()
