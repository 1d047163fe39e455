"""Staff roles: the groups exist after migrate and hold exactly their definitions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from accounts.roles import ROLES, Role, assign_role, role_label, sync_roles

pytestmark = pytest.mark.django_db


def permission_names(group: Group) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_every_role_group_exists_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "admin",
        "programme_manager",
        "registration_desk",
        "jury_member",
        "moderator",
    }


def test_every_permission_named_in_a_role_exists():
    existing = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }
    named = {name for role in ROLES.values() for name in role.permissions if not name.endswith("*")}
    assert named - existing == set()


def test_admin_holds_every_permission_of_the_project_apps_and_of_groups():
    names = permission_names(Group.objects.get(name="admin"))

    for app in ("accounts", "editions", "programme", "registration", "startups", "matchmaking"):
        app_permissions = Permission.objects.filter(content_type__app_label=app)
        assert app_permissions.exists()
        assert {f"{app}.{p.codename}" for p in app_permissions} <= names
    assert {"accounts.change_user", "auth.change_group", "auth.view_permission"} <= names
    assert {"registration.approve_registration", "registration.check_in_registration"} <= names
    assert not any(name.startswith(("sessions.", "contenttypes.", "admin.")) for name in names)


def test_programme_manager_manages_the_programme_and_only_views_editions():
    names = permission_names(Group.objects.get(name="programme_manager"))

    for model in (
        "editions.pivot",
        "editions.space",
        "editions.partner",
        "programme.session",
        "programme.sessionspeaker",
        "programme.speaker",
    ):
        app, name = model.split(".")
        assert {f"{app}.{action}_{name}" for action in ("add", "change", "delete", "view")} <= names
    assert "editions.view_edition" in names
    assert not {"editions.change_edition", "editions.add_edition", "accounts.view_user"} & names
    # Registrations are personal data the programme does not need (law 09-08).
    assert not any(name.startswith("registration.") for name in names)


def test_registration_desk_looks_up_registers_and_admits_but_does_not_decide():
    # The desk also works the entrances of the public programme: codes and walk-ins.
    names = permission_names(Group.objects.get(name="registration_desk"))

    assert names == {
        "programme.view_session",
        "programme.view_speaker",
        "registration.view_registration",
        "registration.add_registration",
        "registration.check_in_registration",
        "activities.view_activity",
        "activities.admit_visitor",
    }
    # Approving, rejecting and cancelling stay with the admin role.
    assert not {"registration.approve_registration", "registration.change_registration"} & names


MODERATOR = {
    "programme.view_session",
    "programme.view_speaker",
    "community.moderate_questions",
    "community.moderate_ideas",
    "community.view_feedback",
    "community.view_idea",
    "community.view_question",
}


def test_moderators_moderate_the_audience_and_see_no_registration():
    names = permission_names(Group.objects.get(name="moderator"))

    assert names == MODERATOR


def test_jurors_review_applications_but_neither_decide_nor_see_registrations():
    names = permission_names(Group.objects.get(name="jury_member"))

    assert names == {
        "programme.view_session",
        "programme.view_speaker",
        "startups.review_application",
    }


def test_syncing_twice_changes_nothing():
    sync_roles()
    before = {group.name: permission_names(group) for group in Group.objects.all()}

    sync_roles()

    assert {group.name: permission_names(group) for group in Group.objects.all()} == before
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)


def test_syncing_puts_a_hand_edited_role_back_to_its_definition():
    moderator = Group.objects.get(name="moderator")
    programme = Permission.objects.filter(content_type__app_label="programme")
    moderator.permissions.add(programme.get(codename="delete_session"))
    moderator.permissions.remove(programme.get(codename="view_speaker"))

    sync_roles()

    assert permission_names(moderator) == MODERATOR


def test_syncing_recreates_a_deleted_role_group():
    Group.objects.filter(name="jury_member").delete()

    sync_roles()

    assert permission_names(Group.objects.get(name="jury_member")) == {
        "programme.view_session",
        "programme.view_speaker",
        "startups.review_application",
    }


def test_a_role_defined_later_gets_its_group_on_the_next_sync(monkeypatch):
    # How a later part extends the definitions, e.g. a door-scanning role.
    door_agent = Role("door_agent", "door agent", ["programme.view_session"])
    monkeypatch.setitem(ROLES, "door_agent", door_agent)

    sync_roles()

    assert permission_names(Group.objects.get(name="door_agent")) == {"programme.view_session"}


def test_assigning_a_role_makes_a_staff_member():
    person = User.objects.create_user("amina", "amina@example.org")

    assign_role(person, "programme_manager")

    person = User.objects.get(pk=person.pk)
    assert person.is_staff
    assert person.has_perm("programme.change_session")
    assert not person.has_perm("editions.change_edition")


def test_roles_are_named_in_the_reader_language_but_stored_by_code():
    with translation.override("en"):
        assert role_label("programme_manager") == "programme manager"
        assert role_label("registration_desk") == "registration desk"
    assert role_label("volunteers") == "volunteers"
    assert Group.objects.filter(name="programme_manager").exists()


# The people and roles pages


@pytest.fixture
def admin_client(client):
    person = User.objects.create_user("nadia")
    assign_role(person, "admin")
    client.force_login(person)
    return client


def test_people_list_shows_each_person_roles_in_the_reader_language(admin_client):
    desk = User.objects.create_user("karim")
    assign_role(desk, "registration_desk")
    with translation.override("en"):
        address = reverse("admin:accounts_user_changelist")

    page = admin_client.get(address).content.decode()

    assert "karim" in page
    assert "registration desk" in page


def test_the_admin_role_cannot_make_a_superuser(admin_client):
    person = User.objects.create_user("karim")
    address = reverse("admin:accounts_user_change", args=[person.pk])

    page = admin_client.get(address).content.decode()

    assert 'name="is_staff"' in page
    assert 'name="is_superuser"' not in page


def test_role_groups_are_listed_by_translated_name_and_keep_their_code(admin_client):
    moderator = Group.objects.get(name="moderator")
    with translation.override("en"):
        listing = admin_client.get(reverse("admin:auth_group_changelist")).content.decode()
        change = admin_client.get(reverse("admin:auth_group_change", args=[moderator.pk]))

    assert "programme manager" in listing
    assert 'name="name"' not in change.content.decode()
