"""Staff roles: what each member of the organiser's team may do.

A role is a Django group whose name is a stable code (`programme_manager`);
the label people read is translated. Staff members are `is_staff` users in
one or more of these groups.

The definitions below are the single source of truth: after every `migrate`
the groups are created if missing and their permissions reset to exactly
these lists (see `sync_roles`, wired in `AccountsConfig.ready`). A later part
of the platform gives a role more rights by adding permission names here, e.g.
`ROLES["registration_desk"].permissions` gains `"registration.change_ticket"`;
a hand-edited role group is put back on the next migrate, so a one-off need
gets its own group instead.

Why post_migrate rather than a data migration: inside migrations the
permissions of new models do not exist yet (Django creates them after
migrating), and every extension of a role would need one more migration.
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

logger = logging.getLogger(__name__)

# Apps whose every permission the admin role holds.
PROJECT_APPS = (
    "accounts",
    "editions",
    "programme",
    "registration",
    "startups",
    "matchmaking",
    "activities",
    "community",
    "dashboard",
    "api",
    "core",
)
ACTIONS = ("add", "change", "delete", "view")
# What every staff member may at least read, until their own parts give them more.
VIEW_PROGRAMME = ("programme.view_session", "programme.view_speaker")
# The registration desk works the door and the welcome counter: it looks people
# up, registers walk-ins (within capacity, through the services) and admits
# ticket holders. Approving, rejecting and cancelling decide who gets a scarce
# place and cannot be undone, so they stay with the admin role (all registration
# permissions); an organiser who wants a desk lead to approve press passes gives
# that person a group of their own with `registration.approve_registration`.
# Programme managers, jurors and moderators see no registrations: law 09-08
# asks that personal data reach only those whose task needs it.
# Jurors score the applications to the Startup Village and declare their conflicts
# of interest; selecting and rejecting stay with the admin role, who sees every score.
JURY = ("startups.review_application",)
# Moderators keep the audience's voice readable: questions, polls and ideas, and
# the organiser's public answers to ideas; they read the feedback on sessions.
MODERATOR = (
    "community.moderate_questions",
    "community.moderate_ideas",
    "community.view_feedback",
    "community.view_idea",
    "community.view_question",
)
REGISTRATION_DESK = (
    "registration.view_registration",
    "registration.add_registration",
    "registration.check_in_registration",
    # The entrances of the public programme: admit booked visitors, count walk-ins.
    "activities.view_activity",
    "activities.admit_visitor",
)


def every_action(*models: str) -> list[str]:
    """`"editions.pivot"` → the add, change, delete and view permissions of Pivot."""
    names = []
    for model in models:
        app_label, model_name = model.split(".")
        names += [f"{app_label}.{action}_{model_name}" for action in ACTIONS]
    return names


@dataclass
class Role:
    code: str
    label: Promise
    # "app_label.codename", or "app_label.*" for every permission of an app.
    permissions: list[str] = field(default_factory=list)


ROLES: dict[str, Role] = {
    role.code: role
    for role in [
        Role(
            "admin",
            pgettext_lazy("staff role", "admin"),
            [f"{app}.*" for app in PROJECT_APPS]
            + every_action("auth.group")
            + ["auth.view_permission"],
        ),
        Role(
            "programme_manager",
            _("programme manager"),
            every_action(
                "editions.pivot",
                "editions.space",
                "editions.partner",
                "programme.session",
                "programme.sessionspeaker",
                "programme.speaker",
            )
            + ["editions.view_edition"],
        ),
        Role(
            "registration_desk",
            _("registration desk"),
            [*VIEW_PROGRAMME, *REGISTRATION_DESK],
        ),
        Role(
            "jury_member",
            _("jury member"),
            [*VIEW_PROGRAMME, *JURY],
        ),
        Role(
            "moderator",
            pgettext_lazy("staff role", "moderator"),
            [*VIEW_PROGRAMME, *MODERATOR],
        ),
    ]
}


def role_label(group_name: str) -> str:
    """The translated name of a role group; other groups keep their own name."""
    role = ROLES.get(group_name)
    return str(role.label) if role else group_name


def permissions_of(role: Role, *, all_permissions):
    """The Permission rows a role should hold, and the names that match none."""
    wanted_apps = {name[:-2] for name in role.permissions if name.endswith(".*")}
    wanted = set(role.permissions)
    found, seen = [], set()
    for permission in all_permissions:
        app_label = permission.content_type.app_label
        name = f"{app_label}.{permission.codename}"
        if app_label in wanted_apps or name in wanted:
            found.append(permission)
            seen.add(name)
    missing = {name for name in wanted if not name.endswith(".*") and name not in seen}
    return found, missing


def sync_roles(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the role groups if missing and set their permissions to the definitions."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    all_permissions = list(permission_model.objects.using(using).select_related("content_type"))
    for role in ROLES.values():
        group, _created = group_model.objects.using(using).get_or_create(name=role.code)
        permissions, missing = permissions_of(role, all_permissions=all_permissions)
        if missing:
            # A model not migrated yet (partial migrate); the next migrate completes the role.
            logger.warning("Role %s: unknown permissions %s", role.code, sorted(missing))
        group.permissions.set(permissions)


def sync_roles_after_migrate(sender, *, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver. Django sends post_migrate once per app, and creates each
    app's permissions on its own turn; accounts comes before editions and programme,
    so make sure every app's permissions exist before handing them out."""
    if sender.label != "accounts":
        return
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, interactive=False, using=using, apps=apps)
    sync_roles(apps=apps, using=using)


def assign_role(user, code: str) -> None:
    """Make a person a staff member with the given role."""
    group_model = global_apps.get_model("auth", "Group")
    user.groups.add(group_model.objects.get(name=ROLES[code].code))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
