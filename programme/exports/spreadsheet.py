"""Every session of an edition as CSV, for the organisers' spreadsheets."""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from editions.models import Edition
from programme.models import Session

from .common import local_iso, with_details


def rows(edition: Edition) -> Iterator[list[object]]:
    sessions = with_details(edition.sessions.all()).order_by("starts_at", "space__position", "id")
    return (row(session) for session in sessions)


def header() -> list[str]:
    return [
        _("id"),
        _("title (French)"),
        _("title (Arabic)"),
        _("title (English)"),
        _("kind"),
        _("pivot"),
        _("space"),
        _("starts at"),
        _("ends at"),
        _("spoken languages"),
        _("speakers"),
        _("published"),
        _("livestream link"),
        _("replay link"),
    ]


def row(session: Session) -> list[object]:
    edition = session.edition
    return [
        session.pk,
        session.title_fr,
        session.title_ar,
        session.title_en,
        session.get_kind_display(),
        session.pivot.name if session.pivot else "",
        session.space.name if session.space else "",
        local_iso(session.starts_at, edition),
        local_iso(session.ends_at, edition),
        ",".join(session.language_codes),
        "; ".join(
            f"{appearance.speaker.name} ({appearance.get_role_display()})"
            for appearance in session.appearances.all()
        ),
        _("yes") if session.is_published else _("no"),
        session.livestream_url,
        session.replay_url,
    ]
