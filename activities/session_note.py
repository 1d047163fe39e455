"""The note a programme session's page carries when the public can book it."""

from django.template.loader import render_to_string

from activities.models import Activity
from programme.models import Session


def public_booking_note(request, session: Session) -> str:
    """A debate of the public programme is booked here: its session's page says where."""
    activity = Activity.objects.public().filter(session=session).first()
    if activity is None:
        return ""
    context = {"activity": activity, "edition": session.edition}
    return render_to_string("activities/public/_session_note.html", context, request)
