"""Published versions of the schedule, and what changed from one to the next.

A version keeps the public sessions as published (titles and space names in
every language, times), so its changelog reads the same whatever is edited later.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateformat import format as format_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext

from core import outbox
from core.errors import RuleError
from editions.models import Edition
from programme.models import ScheduleVersion, Session

NEW, MOVED, CANCELLED = "new", "moved", "cancelled"
LANGUAGES = ("fr", "ar", "en")
MOVED_TASK = "programme.session_moved"


def snapshot(edition: Edition) -> dict:
    sessions = edition.sessions.published().select_related("space")
    return {str(session.guid): snapshot_of(session) for session in sessions}


def _placement(entry: dict) -> tuple:
    return entry["space"]["fr"], entry["starts_at"], entry["ends_at"]


@dataclass(frozen=True)
class Change:
    kind: str
    guid: str
    entry: dict
    edition: Edition

    @property
    def title(self) -> str:
        titles = self.entry["title"]
        return titles.get(translation.get_language() or "fr") or titles["fr"]

    @property
    def where(self) -> str:
        spaces = self.entry["space"]
        starts = datetime.fromisoformat(self.entry["starts_at"]).astimezone(self.edition.tz)
        ends = datetime.fromisoformat(self.entry["ends_at"]).astimezone(self.edition.tz)
        return gettext("%(space)s, %(day)s, %(start)s–%(end)s") % {
            "space": spaces.get(translation.get_language() or "fr") or spaces["fr"],
            "day": date_format(starts.date(), "DATE_FORMAT"),
            "start": format_datetime(starts, "H:i"),
            "end": format_datetime(ends, "H:i"),
        }


def changes(edition: Edition, before: dict, after: dict) -> list[Change]:
    found = [Change(NEW, guid, after[guid], edition) for guid in after if guid not in before]
    found += [
        Change(MOVED, guid, after[guid], edition)
        for guid in after
        if guid in before and _placement(before[guid]) != _placement(after[guid])
    ]
    found += [
        Change(CANCELLED, guid, before[guid], edition) for guid in before if guid not in after
    ]
    return sorted(found, key=lambda change: change.entry["starts_at"])


def changelog(edition: Edition) -> list[tuple[ScheduleVersion, list[Change]]]:
    """Each published version, newest first, with its changes since the one before."""
    versions = list(edition.schedule_versions.order_by("number"))
    log, before = [], {}
    for version in versions:
        log.append((version, changes(edition, before, version.sessions)))
        before = version.sessions
    return log[::-1]


def version_string(edition: Edition) -> str:
    latest = edition.schedule_versions.first()
    return str(latest.number) if latest else ""


def publish_version(edition: Edition) -> ScheduleVersion:
    """A new version of the edition's schedule, if it changed since the last one;
    the speakers of each moved session are told by e-mail."""
    with transaction.atomic():
        Edition.objects.select_for_update().get(pk=edition.pk)
        latest = edition.schedule_versions.first()
        current = snapshot(edition)
        if latest is not None and latest.sessions == current:
            raise RuleError(
                gettext("Nothing changed since version %(number)d.") % {"number": latest.number},
                "unchanged",
            )
        version = ScheduleVersion.objects.create(
            edition=edition, number=latest.number + 1 if latest else 1, sessions=current
        )
        if latest is not None:
            for change in changes(edition, latest.sessions, current):
                if change.kind == MOVED:
                    outbox.owe(MOVED_TASK, change.guid)
    return version


def tell_speakers_of_move(guid: str) -> bool:
    """The e-mail to each speaker of a moved session who left an address."""
    session = Session.objects.select_related("space", "edition").filter(guid=guid).first()
    if session is None:
        return True
    edition = session.edition
    with translation.override(settings.LANGUAGE_CODE), timezone.override(edition.tz):
        subject = gettext("Your session has moved: %(title)s") % {"title": session.title}
        body = gettext(
            "Hello,\n\nThe session “%(title)s” of %(edition)s now takes place in %(where)s.\n"
        ) % {
            "title": session.title,
            "edition": edition.name,
            "where": Change(MOVED, guid, snapshot_of(session), edition).where,
        }
    for speaker in session.speakers.exclude(email=""):
        send_mail(subject, body, None, [speaker.email])  # one each: addresses stay private
    return True


def snapshot_of(session: Session) -> dict:
    return {
        "title": {lang: getattr(session, f"title_{lang}") for lang in LANGUAGES},
        "space": {lang: getattr(session.space, f"name_{lang}", "") for lang in LANGUAGES},
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
    }
