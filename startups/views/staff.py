"""Organiser pages: the ranking, decisions, booths, the CSV export.

Everything needs `startups.decide_application` (the admin role). Anonymous
visitors go to the staff sign-in page, signed-in people without the permission
get a 403. Changes go through `startups.decisions`, which checks the status,
records who did what and e-mails the applicant in their language.
"""

import re

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from core.access_log import record_access
from core.csv import csv_response
from core.http import see_other
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import staff_edition
from programme.exports.common import local_iso
from startups import decisions
from startups import review as jury
from startups.forms_review import BoothForm, BoothsForm, DecisionForm, RankingFilters
from startups.models import Application, Call, Score
from startups.views.jury import safe_url

DECIDE = "startups.decide_application"
Status = Application.Status
RANKED = (Status.SUBMITTED, Status.SELECTED, Status.REJECTED)


def _render(request, template, context, edition, **kwargs):
    context = {"nav": "startups", **context}
    return render_for_edition(request, template, context, edition, **kwargs)


def _call(edition) -> Call | None:
    return Call.objects.filter(edition=edition).select_related("village").first()


def _query(request, **changes) -> str:
    """The current query string with `changes` made; an empty value removes the key."""
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return query.urlencode()


# The ranking


@require_GET
@staff_only(DECIDE)
def ranking(request):
    edition = staff_edition(request)
    call = _call(edition)
    filters = RankingFilters(request.GET, edition=edition)
    context = {
        "call": call,
        "filters": filters,
        "sort": filters.value("sort"),
        "staff_nav": "ranking",
        "standings": [],
    }
    if call is not None:
        counts = dict(call.applications.order_by().values_list("status").annotate(n=Count("id")))
        context.update(
            standings=_filtered(jury.ranking(call), filters),
            status_counts=_status_counts(request, counts, filters),
            all_query=_query(request, status=""),
            total=sum(counts.get(value, 0) for value in RANKED),
            by_score_query=_query(request, sort=""),
            by_spread_query=_query(request, sort="spread"),
        )
    return _render(request, "startups/staff/ranking.html", context, edition)


def _filtered(standings: list[jury.Standing], filters: RankingFilters) -> list[jury.Standing]:
    """The standings matching the filters; ranks stay those of the whole call."""
    status, pivot = filters.value("status"), filters.value("pivot")
    found = [
        s
        for s in standings
        if (not status or s.application.status == status)
        and (not pivot or (s.application.pivot and s.application.pivot.slug == pivot))
    ]
    if filters.value("sort") == "spread":
        found.sort(key=lambda s: (s.spread is None, -(s.spread or 0)))
    return found


def _status_counts(request, counts: dict, filters: RankingFilters) -> list[dict]:
    """How many of the call's applications have each status; the ranked ones link to
    the ranking filtered by it."""
    return [
        {
            "status": value,
            "label": label,
            "count": counts.get(value, 0),
            "current": filters.value("status") == value,
            "query": _query(request, status=value) if value in RANKED else None,
        }
        for value, label in Status.choices
    ]


# One application, and the decisions on it


@require_http_methods(["GET", "POST"])
@staff_only(DECIDE)
def decide(request, pk: int):
    application = get_object_or_404(
        Application.objects.select_related("call__edition", "call__village", "pivot", "applicant"),
        pk=pk,
    )
    if request.method == "GET":
        return _decide_page(request, application)
    action = request.POST.get("action")
    if action not in ACTIONS:
        return HttpResponseBadRequest(_("Unknown action."))
    return ACTIONS[action](request, application)


def _decision(service, done: str):
    def act(request, application):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return _decide_page(request, application, decision_form=form)
        try:
            service(application, by=request.user, message=form.cleaned_data["message"])
        except decisions.DecisionError as error:
            return _refused(request, application, error)
        messages.success(request, done % {"name": application.name})
        return see_other(reverse("startups:decide", args=[application.pk]))

    return act


def _reopen(request, application):
    try:
        decisions.reopen(application, by=request.user)
    except decisions.DecisionError as error:
        return _refused(request, application, error)
    messages.success(
        request,
        _("The decision is taken back: %(name)s awaits a decision again.")
        % {"name": application.name},
    )
    return see_other(reverse("startups:decide", args=[application.pk]))


def _booth(request, application):
    form = BoothForm(request.POST)
    if not form.is_valid():
        return _decide_page(request, application, booth_form=form)
    try:
        decisions.assign_booth(application, booth=form.cleaned_data["booth"], by=request.user)
    except decisions.DecisionError as error:
        form.add_error("booth", error.message)
        return _decide_page(request, application, booth_form=form, status=409)
    messages.success(request, _("Booth saved."))
    return see_other(reverse("startups:decide", args=[application.pk]))


def _refused(request, application, error: decisions.DecisionError):
    application.refresh_from_db()
    return _decide_page(request, application, refused=error.message, status=409)


ACTIONS = {
    "select": _decision(
        decisions.select, gettext_lazy("%(name)s is selected; the applicant is told by e-mail.")
    ),
    "reject": _decision(
        decisions.reject,
        gettext_lazy("%(name)s is not selected; the applicant is told by e-mail."),
    ),
    "reopen": _reopen,
    "booth": _booth,
}


def _decide_page(
    request, application, *, decision_form=None, booth_form=None, refused="", status=200
):
    criteria = list(application.call.criteria.all())
    standing = jury.standing_of(application)
    context = {
        "application": application,
        "website": safe_url(application.website),
        "criteria": criteria,
        "standing": standing,
        "means": [standing.criterion_means.get(c.pk) for c in criteria],
        "reviews": _reviews(application, criteria),
        "conflicts": application.conflicts.select_related("juror").order_by("declared_at"),
        "events": application.events.select_related("actor"),
        "decision_form": decision_form or DecisionForm(),
        "booth_form": booth_form or BoothForm(initial={"booth": application.booth}),
        "refused": refused,
        "staff_nav": "ranking",
    }
    edition = application.call.edition
    return _render(request, "startups/staff/decide.html", context, edition, status=status)


def _reviews(application, criteria) -> list[dict]:
    """Every review with its juror, its scores in the criteria's order and its total."""
    weights = {c.pk: c.weight for c in criteria}
    reviews = application.reviews.select_related("juror").prefetch_related(
        Prefetch("scores", queryset=Score.objects.only("review_id", "criterion_id", "value"))
    )
    found = []
    for review in reviews.order_by("created_at", "id"):
        values = {s.criterion_id: s.value for s in review.scores.all()}
        found.append(
            {
                "review": review,
                "scores": [values.get(c.pk) for c in criteria],
                "total": jury.weighted_total(values, weights),
            }
        )
    return found


# Booths


@require_http_methods(["GET", "POST"])
@staff_only(DECIDE)
def booths(request):
    edition = staff_edition(request)
    call = _call(edition)
    if call is None:
        raise Http404("No call for applications in this edition.")
    selected = sorted(call.applications.selected(), key=_by_booth)
    form = BoothsForm(request.POST or None, applications=selected)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            changed = decisions.assign_booths(call, booths=form.booths(), by=request.user)
        except decisions.DecisionError as error:
            form.add_error(None, error.message)
            status = 409
        else:
            count = len(changed)
            messages.success(
                request,
                ngettext("%(count)d booth changed.", "%(count)d booths changed.", count)
                % {"count": count},
            )
            return see_other(request.get_full_path())
    context = {"call": call, "form": form, "staff_nav": "booths"}
    return _render(request, "startups/staff/booths.html", context, edition, status=status)


def _by_booth(application: Application):
    """Booths in their natural order (A2 before A10), startups without one last."""
    parts = re.split(r"(\d+)", application.booth.casefold())
    key = [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p]
    return (not application.booth, key, application.name.casefold())


# The CSV export


@require_GET
@staff_only(DECIDE)
def applications_csv(request):
    edition = staff_edition(request)
    call = _call(edition)
    if call is None:
        raise Http404("No call for applications in this edition.")
    record_access(request, "startup-applications.csv", records=call.applications.count())
    criteria = list(call.criteria.all())
    applications = Application.objects.filter(call=call).select_related("applicant")
    return csv_response(
        _csv_header(criteria),
        (_csv_row(standing, criteria, call) for standing in jury.ranking(call, applications)),
        filename=f"{edition.slug}-startup-applications.csv",
    )


def _csv_header(criteria) -> list[str]:
    return [
        _("rank"),
        _("id"),
        _("name"),
        _("kind of organisation"),
        _("pivot"),
        _("sector"),
        _("stage"),
        _("team size"),
        _("city"),
        _("website"),
        _("open source"),
        _("low-tech"),
        _("contact person"),
        _("e-mail"),
        _("language"),
        _("status"),
        _("booth"),
        _("submitted at"),
        _("decided at"),
        _("score (0–5)"),
        _("score (%)"),
        _("reviews"),
        _("reviews wanted"),
        _("lowest total"),
        _("highest total"),
        _("spread"),
        *[_("mean: %(criterion)s") % {"criterion": c.name} for c in criteria],
    ]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _csv_row(standing: jury.Standing, criteria, call: Call) -> list[object]:
    a, edition = standing.application, call.edition
    yes_no = {True: _("yes"), False: _("no")}
    return [
        standing.rank or "",
        a.pk,
        a.name,
        a.get_structure_display(),
        a.pivot.name if a.pivot else "",
        a.get_sector_display(),
        a.get_stage_display(),
        a.team_size or "",
        a.city,
        a.website,
        yes_no[a.is_open_source],
        yes_no[a.is_low_tech],
        a.contact_name,
        a.applicant.email,
        a.language,
        a.get_status_display(),
        a.booth,
        local_iso(a.submitted_at, edition) if a.submitted_at else "",
        local_iso(a.decided_at, edition) if a.decided_at else "",
        _number(standing.score),
        _number(standing.percent),
        standing.review_count,
        standing.reviews_wanted,
        _number(standing.minimum),
        _number(standing.maximum),
        _number(standing.spread),
        *[_number(standing.criterion_means.get(c.pk)) for c in criteria],
    ]
