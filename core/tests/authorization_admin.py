"""The administration's model pages for the authorisation matrix: for every registered
model its changelist, add, change, delete and history pages, expected for each staff
role from its model permissions (accounts/roles.py), and each app's index."""

from types import SimpleNamespace

from django.contrib import admin
from django.contrib.auth.models import Permission

from accounts.roles import ROLES, permissions_of
from core.testing import ROLE_CODES
from core.tests.authorization_world import LOGIN, everyone

# The administration's model pages, as a group

ADMIN_PAGES = ("changelist", "add", "change", "delete", "history")
# Which permission opens each page (Django's ModelAdmin rules).
ADMIN_NEEDS = {
    "changelist": ("view", "change"),
    "add": ("add",),
    "change": ("view", "change"),
    "delete": ("delete",),
    "history": ("view", "change"),
}
# Admin classes that refuse more than the model permissions say (model label, page).
# Histories and records written by the services are read-only; registrations are made
# through the registration services (the desk's own form), never the admin's add page.
ADMIN_REFUSES = {
    **dict.fromkeys(
        [
            ("programme.agenda", "add"),
            ("registration.registration", "add"),
            ("registration.consent", "add"),
            ("registration.checkin", "add"),
            ("registration.scan", "add"),
            ("startups.application", "add"),
            ("startups.review", "add"),
            ("startups.conflict", "add"),
            ("matchmaking.profile", "add"),
            ("matchmaking.challenge", "add"),
            ("matchmaking.meetingrequest", "add"),
            ("matchmaking.meeting", "add"),
            ("matchmaking.schedulerrun", "add"),
            ("activities.booking", "add"),
            ("activities.entryscan", "add"),
            ("community.question", "add"),
            ("community.poll", "add"),
            ("community.idea", "add"),
            ("community.ideacomment", "add"),
            ("community.feedback", "add"),
            ("community.report", "add"),
            ("api.apitoken", "add"),
            ("core.personaldataaccess", "add"),
            ("registration.registration", "delete"),
            ("startups.application", "delete"),
            ("matchmaking.profile", "delete"),
            ("matchmaking.challenge", "delete"),
            ("matchmaking.meetingrequest", "delete"),
            ("matchmaking.meeting", "delete"),
            ("matchmaking.schedulerrun", "delete"),
            ("activities.booking", "delete"),
            ("community.question", "delete"),
            ("community.poll", "delete"),
            ("community.idea", "delete"),
            ("community.ideacomment", "delete"),
        ],
        403,
    ),
}
# The app index (admin:app_list): 200 with any permission in the app, else 404.


def role_permissions(code: str) -> set[str]:
    found, _missing = permissions_of(
        ROLES[code], all_permissions=Permission.objects.select_related("content_type")
    )
    return {f"{p.content_type.app_label}.{p.codename}" for p in found}


def admin_model_rows(w) -> dict:
    """admin:<app>_<model>_<page> for every registered model, with its expectations."""
    rows = {}
    held = {code: role_permissions(code) for code in ROLE_CODES}
    for model, _model_admin in admin.site._registry.items():
        meta = model._meta
        instance = model._default_manager.order_by("pk").first()
        for page in ADMIN_PAGES:
            name = f"admin:{meta.app_label}_{meta.model_name}_{page}"
            if page == "history":
                # Django's own page, behind the very check of the change page: named, not asked.
                rows[name] = None
                continue
            if page in ("change", "delete"):
                if instance is None:
                    rows[name] = None  # covered, nothing to open
                    continue
                args = [instance.pk]
            else:
                args = []
            # Not staff: the admin's one gate (admin_view) sends them to its login page;
            # asked on the changelists, not again on every page behind the same gate.
            expected = {**everyone(LOGIN)} if page == "changelist" else {}
            for code in ROLE_CODES:
                needs = {
                    f"{meta.app_label}.{action}_{meta.model_name}" for action in ADMIN_NEEDS[page]
                }
                expected[code] = 200 if needs & held[code] else 403
                refused = ADMIN_REFUSES.get((meta.label_lower, page))
                if refused is not None and expected[code] == 200:
                    expected[code] = refused
            rows[name] = SimpleNamespace(
                args=lambda _w, a=args: a, get=expected, post=None, query="", token=False
            )
    for app_label in sorted({m._meta.app_label for m in admin.site._registry}):
        expected = {**everyone(LOGIN)}
        for code in ROLE_CODES:
            # Only model permissions show an app there (not e.g. startups.review_application).
            in_app = any(
                name.startswith(f"{app_label}.")
                and name.split(".")[1].startswith(
                    tuple(f"{action}_" for action in ("add", "change", "delete", "view"))
                )
                for name in held[code]
            )
            expected[code] = 200 if in_app else 404
        rows[f"admin:app_list[{app_label}]"] = SimpleNamespace(
            args=lambda _w, a=app_label: [a],
            get=expected,
            post=None,
            query="",
            token=False,
            name="admin:app_list",
        )
    return rows


def admin_model_names() -> set[str]:
    return {
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}"
        for model in admin.site._registry
        for page in ADMIN_PAGES
    } | {"admin:app_list"}
