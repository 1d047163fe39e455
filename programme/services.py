"""Personal agendas: starring sessions without an account."""

from django.conf import settings
from django.db import transaction

from programme.models import Agenda, Session

# The cookie that keeps a visitor's agenda secret on their device, for a year.
AGENDA_COOKIE = "__Host-jemaa-agenda" if settings.HTTPS else "jemaa_agenda"
AGENDA_COOKIE_AGE = 60 * 60 * 24 * 365


def find_agenda(secret: str | None) -> Agenda | None:
    if not secret:
        return None
    return Agenda.objects.filter(secret=secret).first()


@transaction.atomic
def toggle_star(agenda: Agenda | None, *, session: Session) -> tuple[Agenda, bool]:
    """Star the session, or unstar it if it was starred. Creates the agenda on the
    first star. Returns the agenda and whether the session is now starred."""
    if agenda is None:
        agenda = Agenda.objects.create()
    if agenda.sessions.filter(pk=session.pk).exists():
        agenda.sessions.remove(session)
        starred = False
    else:
        agenda.sessions.add(session)
        starred = True
    agenda.save(update_fields=["updated_at"])
    return agenda, starred


def starred_sessions(agenda: Agenda):
    return (
        agenda.sessions.public()
        .select_related("edition", "pivot", "space")
        .prefetch_related("appearances__speaker")
        .order_by("starts_at", "space__position")
    )


def clashing_ids(sessions) -> set[int]:
    """Ids of sessions that overlap another one of the list in time."""
    ordered = sorted(sessions, key=lambda session: session.starts_at)
    clashing: set[int] = set()
    latest = None  # of the sessions seen so far, the one that ends last
    for session in ordered:
        if latest is not None and session.starts_at < latest.ends_at:
            clashing.update({session.pk, latest.pk})
        if latest is None or session.ends_at > latest.ends_at:
            latest = session
    return clashing
