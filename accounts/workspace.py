"""Accounts' links on the organiser's home (editions.workspace): people and roles."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from editions.workspace import admin_list, register_links


def register() -> None:
    register_links(
        admin_list("administration", User, _("People")),
        admin_list("administration", Group, _("Staff roles")),
    )
