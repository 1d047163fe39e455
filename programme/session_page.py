"""What apps above programme add to a session's page, without programme knowing them.

An app with something to say about a session (the public programme books a
debate's seats) registers a note in its AppConfig.ready(); the page shows every
note that has something to say.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

from programme.models import Session

# A note renders its own HTML for the session, or "" when it has nothing to add.
SessionNote = Callable[[HttpRequest, Session], SafeString | str]

_notes: list[SessionNote] = []


def add_note(note: SessionNote) -> None:
    if note not in _notes:
        _notes.append(note)


def notes_for(request: HttpRequest, session: Session) -> list[SafeString | str]:
    return [html for note in _notes if (html := note(request, session))]
