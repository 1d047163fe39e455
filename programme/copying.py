"""The programme's part of preparing the next edition (editions.copying): on
request, its sessions as unscheduled drafts, with their speakers."""

import uuid

from editions.copying import Copier, EditionCopy, clone
from editions.models import Pivot
from programme.models import Session, SessionSpeaker


def copy_sessions(copy: EditionCopy) -> int:
    """Each session as a draft: unpublished, in no space (so, unscheduled), its times
    moved by the gap between the editions as a starting point, its links to this
    year's stream and replay dropped.

    Speakers are not per edition: the drafts name the same speakers, so nothing of
    theirs (e-mail address included) is duplicated."""
    if not copy.with_sessions:
        return 0
    sessions = Session.objects.filter(edition=copy.source).order_by("pk")
    drafts = copy.save_all((session, _draft(copy, session)) for session in sessions)
    appearances = SessionSpeaker.objects.filter(session__edition=copy.source).order_by("pk")
    copied = copy.save_all(
        (row, clone(row, session=copy.new(Session, row.session_id))) for row in appearances
    )
    return len(drafts) + len(copied)


def _draft(copy: EditionCopy, session: Session) -> Session:
    return clone(
        session,
        guid=uuid.uuid4(),
        edition=copy.edition,
        pivot=copy.new(Pivot, session.pivot_id),
        space=None,
        starts_at=copy.shift(session.starts_at),
        ends_at=copy.shift(session.ends_at),
        livestream_url="",
        replay_url="",
        is_published=False,
    )


SESSIONS = Copier(models=("programme.Session", "programme.SessionSpeaker"), copy=copy_sessions)
