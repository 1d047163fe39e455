"""Participants sign in with a one-time link sent by e-mail (django-sesame).

Staff never do: their accounts carry rights a leaked e-mail must not hand over,
so they sign in with their password (and whatever protects it).
"""

import hashlib
from typing import cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from sesame.utils import get_query_string, get_user

from accounts.models import User
from core import outbox
from core.mail import send_logged
from editions.services import current_edition
from registration.models import Registration

# Declared on the model, so never None.
USERNAME_MAX_LENGTH = cast(int, User._meta.get_field("username").max_length)
# Where the session keeps the address a sign-in link was just sent to, for the
# "link sent" page of accounts (every page that sends a link sets it).
SENT_TO = "accounts:sign_in_sent_to"


def normalise_email(email: str) -> str:
    """One spelling per address: registrations are matched without regard to case."""
    return email.strip().lower()


def username_for(email: str) -> str:
    """The participant's username is their address, or a digest of the rare ones too long for it."""
    email = normalise_email(email)
    if len(email) <= USERNAME_MAX_LENGTH:
        return email
    return "email-" + hashlib.sha256(email.encode()).hexdigest()


def signs_in_with_password(user: User) -> bool:
    return user.is_staff or user.is_superuser


def request_sign_in_link(
    email: str, *, language: str, next_url: str = "", create_account: bool = False
) -> None:
    """Owe `email` a sign-in link, sent if the address belongs to a participant
    (someone with a registration or an account). `create_account` makes an account
    for a new address (someone starting an application). The link leads to
    `next_url` (a path on this site) once used.

    The request does the same work for every address: it writes the owed e-mail,
    nothing else. Whether the address is known is looked up when sending, after the
    response has gone (core.outbox, after_response), so neither the answer nor its
    time tells who registered. The row keeps the address, never a link: the link is
    made when the e-mail goes, valid SESAME_MAX_AGE from then and for one use.
    """
    outbox.owe(
        "accounts.sign_in_link",
        normalise_email(email),
        language=language,
        next_url=next_url,
        create_account=create_account,
    )


def _participant_for(email: str, *, language: str, create_account: bool = False) -> User | None:
    accounts = list(
        User.objects.filter(Q(email__iexact=email) | Q(username=username_for(email))).order_by("pk")
    )
    if any(signs_in_with_password(account) or not account.is_active for account in accounts):
        return None
    if accounts:
        return next((a for a in accounts if a.username == username_for(email)), accounts[0])
    if not create_account and not Registration.objects.filter(email__iexact=email).exists():
        return None
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    user, _created = User.objects.get_or_create(
        username=username_for(email),
        defaults={"email": email, "password": make_password(None), "language": language},
    )
    return user


def send_sign_in_link(
    email: str, *, language: str, next_url: str = "", create_account: bool = False
) -> bool | None:
    """The outbox task "accounts.sign_in_link": send the link, in the person's language,
    if `email` is a participant's. None when there is nobody to send it to; False when
    the mail server refused (the outbox tries again, with a new link)."""
    with transaction.atomic():
        user = _participant_for(email, language=language, create_account=create_account)
    if user is None:
        return None
    with translation.override(user.language):
        next_url = next_url or reverse("accounts:home")
        query = get_query_string(user) + "&" + urlencode({"next": next_url})
        context = {
            "link": settings.SITE_URL + reverse("accounts:login") + query,
            "site_name": _site_name(),
            "minutes": settings.SESAME_MAX_AGE // 60,
            "language": user.language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        context["subject"] = _("Your sign-in link for %(site)s") % {"site": context["site_name"]}
        message = EmailMultiAlternatives(
            subject=context["subject"],
            body=render_to_string("accounts/email/sign_in_link.txt", context),
            to=[user.email or email],
        )
        message.attach_alternative(
            render_to_string("accounts/email/sign_in_link.html", context), "text/html"
        )
    return send_logged(message, what="sign_in_link")


def _site_name() -> str:
    try:
        return current_edition().name
    except Http404:
        return "Jemaa"


def redeem_sign_in_link(request) -> User | None:
    """The participant named by the link in `request`, its one use spent; None when
    the link is forged, expired, already used, or names a staff member."""
    user = get_user(request, update_last_login=False)
    if user is None or signs_in_with_password(user):
        return None
    # Spend the link with a conditional UPDATE: of two uses at the same instant,
    # only one finds last_login unchanged (the token is bound to its value).
    now = timezone.now()
    spent = User.objects.filter(pk=user.pk, last_login=user.last_login).update(last_login=now)
    if not spent:
        return None
    user.last_login = now
    return user


def registrations_of(user: User) -> QuerySet[Registration]:
    """Everything registered with the person's address, every edition, newest first."""
    return Registration.objects.of_email(user.email).select_related("edition", "pass_type")


def change_language(user: User, *, language: str) -> User:
    user.language = language
    user.save(update_fields=["language"])
    return user
