"""What every export shares: which edition, which language, which sessions."""

import re
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header

from core import query
from core.i18n import LANGUAGE_CODES
from editions.models import Edition
from programme.models import Session, SessionSpeaker

# Turns a site path into an absolute URL: `request.build_absolute_uri`.
Absolute = Callable[[str], str]


def export_edition(request: HttpRequest, *, include_unpublished: bool = False) -> Edition:
    """The current edition, or the one named by `?edition=<slug>`.

    Past editions stay exportable as archives, but only once published: an
    edition still being prepared is for staff eyes, even while marked current.
    """
    editions = Edition.objects.all() if include_unpublished else Edition.objects.published()
    slug = query.slug(request.GET, "edition")
    if not slug:
        return get_object_or_404(editions, is_current=True)
    return get_object_or_404(editions, slug=slug)


def export_language(request: HttpRequest) -> str:
    """The language prefix when there is one, else `?lang=`, else French.

    Calendar clients and conference apps fetch the unprefixed addresses and
    send whatever Accept-Language they like; the export must not depend on it.
    """
    prefix = translation.get_language_from_path(request.path_info)
    if prefix:
        return prefix
    requested = request.GET.get("lang", "")
    return requested if requested in LANGUAGE_CODES else settings.LANGUAGE_CODE


def with_details(sessions: QuerySet[Session]) -> QuerySet[Session]:
    """Everything an export reads about a session, in a fixed number of queries."""
    appearances = SessionSpeaker.objects.select_related("speaker").order_by("position", "id")
    return sessions.select_related("edition", "pivot", "space").prefetch_related(
        Prefetch("appearances", queryset=appearances)
    )


def public_sessions(edition: Edition) -> QuerySet[Session]:
    return with_details(edition.sessions.public())


def session_url(session: Session, *, absolute: Absolute) -> str:
    return absolute(reverse("programme:session", kwargs={"pk": session.pk}))


def speaker_url(appearance: SessionSpeaker, *, absolute: Absolute) -> str:
    return absolute(reverse("programme:speaker", kwargs={"pk": appearance.speaker_id}))


def local_iso(moment: datetime, edition: Edition) -> str:
    """ISO 8601 in the edition's time zone, with its offset, to the second."""
    return moment.astimezone(edition.tz).replace(microsecond=0).isoformat()


# Characters XML 1.0 forbids; a title pasted from a word processor may carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: str | None) -> str:
    return _NOT_XML.sub("", value or "")


def export_response(
    body: bytes | str,
    *,
    content_type: str,
    language: str,
    filename: str | None = None,
    as_attachment: bool = False,
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    # Say the language the export was built in, not the one LocaleMiddleware guessed.
    response["Content-Language"] = language
    if filename:
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response
