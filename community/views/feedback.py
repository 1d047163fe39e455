"""Feedback on a session once it has ended, and its results for staff, per session
and per pivot."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from community import feedback
from community.errors import CommunityError
from community.forms import FeedbackForm
from community.models import Feedback
from community.views.common import answer, poster, published_session, status_of
from community.voters import establish, voter
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import staff_edition


@require_http_methods(["GET", "POST"])
def give(request, session_id: int):
    session = published_session(session_id)
    who = voter(request)
    mine = Feedback.objects.filter(session=session, voter=who).first() if who else None
    initial = {"rating": mine.rating, "comment": mine.comment} if mine else None
    form = FeedbackForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        try:
            rated_by = poster(request, "community_post")
            if not form.is_valid():
                status = 400
            else:
                feedback.give(
                    session,
                    voter=rated_by,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
                back = reverse("programme:session", args=[session.pk])
                return answer(request, back, ok=True, message=_("Thank you for your feedback."))
        except CommunityError as refused:
            form.add_error(None, refused.message)
            status = status_of(refused)
    context = {
        "session": session,
        "form": form,
        "mine": mine,
        "nav": "programme",
        "is_over": timezone.now() >= session.ends_at,
    }
    response = render_for_edition(
        request, "community/feedback.html", context, session.edition, status=status
    )
    return establish(request, response)


@require_GET
@staff_only("community.view_feedback")
def results(request):
    """Per session (average, count, stars 1–5, comments) and per pivot, for the edition
    the staff member follows (last year's, while this year's is prepared)."""
    edition = staff_edition(request)
    context = {
        "sessions": feedback.by_session(edition),
        "pivots": feedback.by_pivot(edition),
        "overall": feedback.summary(Feedback.objects.filter(session__edition=edition)),
    }
    return render_for_edition(request, "community/feedback_results.html", context, edition)
