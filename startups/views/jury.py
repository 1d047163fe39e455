"""Jurors' pages: applications to review, scores, conflicts of interest.

Everything needs `startups.review_application`. A juror never opens their own
application nor one they declared a conflict on (404, as for an id that does
not exist), and never sees another juror's scores: they would anchor theirs.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import see_other
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import staff_edition
from startups import review as jury
from startups.forms_review import ConflictForm, ReviewForm
from startups.models import Application, Call

REVIEW = "startups.review_application"


def safe_url(url: str) -> str:
    """The address if it is a web link (http or https), so a typed `javascript:` never
    becomes a link on a staff page."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _render(request, template, context, edition, **kwargs):
    context = {"nav": "startups", "staff_nav": "jury", **context}
    return render_for_edition(request, template, context, edition, **kwargs)


def _application(request, pk: int) -> Application:
    applications = jury.reviewable(request.user).select_related("call__edition", "pivot")
    return get_object_or_404(applications, pk=pk)


@require_GET
@staff_only(REVIEW)
def queue(request):
    edition = staff_edition(request)
    call = Call.objects.filter(edition=edition).first()
    context = {"call": call, "to_review": [], "decided": []}
    if call is not None:
        context["to_review"] = jury.applications_to_review(call, juror=request.user)
        context["decided"] = jury.decided_for_juror(call, juror=request.user)
        context["reviewed"] = sum(1 for a in context["to_review"] if a.reviewed_by_me)
    return _render(request, "startups/jury/queue.html", context, edition)


@require_http_methods(["GET", "POST"])
@staff_only(REVIEW)
def review(request, pk: int):
    application = _application(request, pk)
    criteria = list(application.call.criteria.all())
    mine = jury.review_of(application, juror=request.user)
    form = ReviewForm(request.POST or None, criteria=criteria, review=mine)
    if request.method == "POST":
        if application.status != Application.Status.SUBMITTED:
            return _decided_page(request, application, criteria, mine)
        if form.is_valid():
            try:
                jury.save_review(
                    application,
                    juror=request.user,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                )
            except jury.ReviewError as error:
                if error.code == "decided":  # decided while the juror was scoring
                    application.refresh_from_db(fields=["status"])
                    return _decided_page(request, application, criteria, mine)
                if error.code == "not_reviewable":  # a conflict declared in another tab
                    raise Http404 from None
                form.add_error(None, error.message)
            else:
                name = {"name": application.name}
                messages.success(request, _("Your review of %(name)s is saved.") % name)
                return see_other(reverse("startups:jury"))
    return _review_page(request, application, form, mine)


def _decided_page(request, application, criteria, mine):
    """409: the review as saved, read-only (never the refused scores just posted)."""
    form = ReviewForm(criteria=criteria, review=mine)
    return _review_page(request, application, form, mine, status=409)


def _review_page(request, application, form, mine, *, status=200):
    context = {
        "application": application,
        "form": form,
        "review": mine,
        "website": safe_url(application.website),
        "is_decided": application.status != Application.Status.SUBMITTED,
    }
    edition = application.call.edition
    return _render(request, "startups/jury/review.html", context, edition, status=status)


@require_http_methods(["GET", "POST"])
@staff_only(REVIEW)
def conflict(request, pk: int):
    application = _application(request, pk)
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            jury.declare_conflict(
                application, juror=request.user, reason=form.cleaned_data["reason"]
            )
        except jury.ReviewError:  # declared a moment ago in another tab
            raise Http404 from None
        messages.success(
            request,
            _("Conflict of interest declared: %(name)s is no longer in your list.")
            % {"name": application.name},
        )
        return see_other(reverse("startups:jury"))
    context = {
        "application": application,
        "form": form,
        "has_review": jury.review_of(application, juror=request.user) is not None,
    }
    return _render(request, "startups/jury/conflict.html", context, application.call.edition)
