"""Registration in the admin: passes are set up there; registrations, consents and the
door's records are only looked at (changes go through the services)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.testing import CAST, english
from editions.tests.factories import EditionFactory
from registration.models import CheckIn, PassType, Registration, RegistrationEvent, Scan
from registration.tests.factories import PassTypeFactory, RegistrationFactory

Status = Registration.Status


@pytest.fixture
def staff(client, cast):
    client.force_login(cast["admin"])
    return client


@pytest.fixture
def pro(edition) -> PassType:
    return PassTypeFactory(edition=edition, slug="pro", name_fr="Professionnel", capacity=3)


@pytest.fixture
def amina(pro, cast) -> Registration:
    registration = RegistrationFactory(pass_type=pro, first_name="Amina", email="amina@example.ma")
    registration.events.create(
        action=RegistrationEvent.Action.APPROVED,
        actor=cast["admin"],
        note="carte de presse vérifiée",
    )
    registration.consents.create(purpose="registration", text_version="v-test", language="fr")
    CheckIn.objects.create(registration=registration, gate="Nord", nonce="n1")
    Scan.objects.create(
        edition=pro.edition, registration=registration, gate="Nord", nonce="n1", result="admitted"
    )
    return registration


# Who may do what


def expected(who: str, model: str, page: str) -> str:
    """ "login", "forbidden", "view" (no save button) or "edit"."""
    if who in ("anonymous", "attendee"):
        return "login"
    if who == "admin":
        if model == "passtype":
            return "edit"
        return "forbidden" if page == "add" else "view"
    if who == "registration_desk" and model == "registration" and page != "add":
        return "view"
    return "forbidden"


def address(model, page, amina):
    if page == "change":
        obj = {
            "passtype": amina.pass_type,
            "registration": amina,
            "consent": amina.consents.get(),
            "checkin": amina.check_in,
            "scan": amina.scans.get(),
        }[model]
        return reverse(f"admin:registration_{model}_change", args=[obj.pk])
    return reverse(f"admin:registration_{model}_{page}")


@pytest.mark.parametrize("who", CAST)
@pytest.mark.parametrize("model", ["passtype", "registration", "consent", "checkin", "scan"])
@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_admin_pages_open_to_each_role_as_far_as_it_should(client, cast, amina, who, model, page):
    if cast[who] is not None:
        client.force_login(cast[who])

    response = client.get(address(model, page, amina))

    outcome = expected(who, model, page)
    if outcome == "login":
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    elif outcome == "forbidden":
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        if page == "change":
            assert ('name="_save"' in response.content.decode()) == (outcome == "edit")


def test_no_one_changes_a_registration_status_through_the_admin(staff, amina):
    change = reverse("admin:registration_registration_change", args=[amina.pk])
    delete = reverse("admin:registration_registration_delete", args=[amina.pk])

    changed = staff.post(change, {"status": "cancelled"})
    deleted = staff.post(delete, {"post": "yes"})

    assert changed.status_code == 403
    assert deleted.status_code == 403
    amina.refresh_from_db()
    assert amina.status == Status.CONFIRMED


# Passes


def pass_form(edition, **changes) -> dict:
    data = {
        "edition": edition.pk,
        "slug": "presse",
        "kind": "press",
        "position": 2,
        "is_public": "on",
        "colour": "#f2c94c",
        "name_fr": "Presse",
        "name_ar": "صحافة",
        "name_en": "Press",
        "description_fr": "",
        "description_ar": "",
        "description_en": "",
        "capacity": 40,
        "opens_at_0": "2022-03-01",
        "opens_at_1": "09:00:00",
        "closes_at_0": "2022-05-24",
        "closes_at_1": "23:59:00",
        "needs_approval": "on",
        "has_waiting_list": "on",
        "questions": ["organisation", "role"],
        "required_questions": ["organisation"],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_pass_form_asks_questions_with_checkboxes(staff):
    html = staff.get(english("admin:registration_passtype_add")).content.decode()

    assert 'type="checkbox" name="questions" value="organisation"' in html
    assert 'type="checkbox" name="required_questions" value="accessibility"' in html
    assert 'type="color"' in html
    for language in ("Français", "العربية", "English"):
        assert language in html


def test_a_pass_is_added_with_its_questions(staff, edition):
    response = staff.post(english("admin:registration_passtype_add"), pass_form(edition))

    assert response.status_code == 302
    press = PassType.objects.get(slug="presse")
    assert press.questions == ["organisation", "role"]
    assert press.required_questions == ["organisation"]
    assert press.needs_approval and press.held == 0


def test_a_required_question_must_be_asked(staff, edition):
    response = staff.post(
        english("admin:registration_passtype_add"),
        pass_form(edition, questions=["role"], required_questions=["organisation", "city"]),
    )

    assert response.status_code == 200
    assert "Required but not asked: organisation, city." in response.content.decode()
    assert not PassType.objects.filter(slug="presse").exists()


def test_the_admin_says_how_each_pass_is_reached_and_renews_an_invitation_link(staff, pro):
    def page():
        url = english("admin:registration_passtype_change", pro.pk)
        return staff.get(url).content.decode()

    assert "The list of passes on the registration page." in page()
    PassType.objects.filter(pk=pro.pk).update(is_public=False)
    old = pro.invitation_token
    assert "Its invitation link only" in page() and f"/invitation/{old}/" in page()
    staff.post(
        english("admin:registration_passtype_changelist"),
        {"action": "new_invitation_links", "_selected_action": [pro.pk]},
    )
    pro.refresh_from_db()
    assert pro.invitation_token != old and f"/invitation/{pro.invitation_token}/" in page()


def test_an_unlisted_pass_saved_in_the_admin_keeps_its_invitation_link(staff, pro):
    token = pro.invitation_token
    url = english("admin:registration_passtype_change", pro.pk)
    form = pass_form(pro.edition, slug=pro.slug, is_public=None, needs_approval=None)
    assert staff.post(url, form).status_code == 302
    pro.refresh_from_db()
    assert not pro.is_public and pro.invitation_token == token


def test_closing_before_opening_is_refused(staff, edition):
    response = staff.post(
        english("admin:registration_passtype_add"), pass_form(edition, closes_at_0="2022-02-01")
    )

    assert response.status_code == 200
    assert "Registration must close after it opens." in response.content.decode()


def test_capacity_cannot_go_below_the_places_taken(staff, pro):
    RegistrationFactory.create_batch(2, pass_type=pro)

    response = staff.post(
        english("admin:registration_passtype_change", pro.pk),
        pass_form(pro.edition, slug="pro", capacity=1),
    )

    assert response.status_code == 200
    assert "2 places are already taken" in response.content.decode()
    pro.refresh_from_db()
    assert pro.capacity == 3


def test_saving_a_pass_never_overwrites_the_places_taken_meanwhile(staff, pro):
    change = english("admin:registration_passtype_change", pro.pk)
    staff.get(change)  # the organiser opens the form…
    RegistrationFactory.create_batch(2, pass_type=pro)  # …people register meanwhile…

    staff.post(change, pass_form(pro.edition, slug="pro", capacity=3, name_fr="Pro"))  # …save

    pro.refresh_from_db()
    assert pro.name_fr == "Pro"
    assert pro.held == 2


def test_raising_the_capacity_gives_places_to_those_waiting(staff, pro, cast):
    RegistrationFactory.create_batch(3, pass_type=pro)
    first = RegistrationFactory(pass_type=pro, status=Status.WAITLISTED)
    second = RegistrationFactory(pass_type=pro, status=Status.WAITLISTED)
    change = english("admin:registration_passtype_change", pro.pk)

    form = pass_form(pro.edition, slug="pro", capacity=4, needs_approval=None)
    response = staff.post(change, form, follow=True)

    first.refresh_from_db()
    second.refresh_from_db()
    pro.refresh_from_db()
    assert (first.status, second.status) == (Status.CONFIRMED, Status.WAITLISTED)
    assert pro.held == 4
    assert first.events.get(action="promoted").actor == cast["admin"]
    assert "1 person moved from the waiting list" in response.content.decode()


def test_a_pass_with_registrations_stays_in_its_edition(staff, pro, amina):
    html = staff.get(english("admin:registration_passtype_change", pro.pk)).content.decode()

    assert 'name="edition"' not in html


def test_pass_list_shows_capacity_places_taken_and_left_and_filters_by_edition(staff, pro):
    RegistrationFactory.create_batch(2, pass_type=pro)
    PassTypeFactory(edition=EditionFactory(slug="scc-2021"), name_en="Ancien pass")
    changelist = english("admin:registration_passtype_changelist")

    html = staff.get(changelist).content.decode()
    filtered = staff.get(changelist, {"edition__id__exact": pro.edition_id}).content.decode()

    assert '<td class="field-capacity">3</td>' in html
    assert '<td class="field-held">2</td>' in html
    assert '<td class="field-places_left">1</td>' in html
    assert "Ancien pass" in html and "Ancien pass" not in filtered


# Registrations, seen only


def test_registration_page_shows_history_consent_and_door_but_not_the_secret(staff, amina):
    html = staff.get(english("admin:registration_registration_change", amina.pk)).content.decode()

    assert "carte de presse vérifiée" in html  # the history inline
    assert "v-test" in html  # the consent
    assert "Nord" in html  # the check-in
    assert reverse("registration:staff_detail", args=[amina.pk]) in html
    assert amina.secret not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"q": "amina@example"}, "Amina", "Karim"),
        ({"status__exact": "waitlisted"}, "Karim", "Amina"),
        ({"checked_in": "yes"}, "Amina", "Karim"),
        ({"checked_in": "no"}, "Karim", "Amina"),
    ],
)
def test_registration_list_searches_and_filters(staff, pro, amina, query, shown, hidden):
    RegistrationFactory(pass_type=pro, first_name="Karim", status=Status.WAITLISTED)

    html = staff.get(english("admin:registration_registration_changelist"), query)

    page = html.content.decode()
    assert shown in page and hidden not in page


def test_registration_list_query_count_does_not_grow(staff, pro, amina):
    changelist = english("admin:registration_registration_changelist")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(changelist).status_code == 200
        return len(captured)

    with_one = queries()
    RegistrationFactory.create_batch(2, pass_type=pro)

    assert queries() == with_one
