"""Organiser pages of the lounge: the overview and scheduler runs, publication, one sheet
per table, and the outcomes of the meetings.

Every page needs `matchmaking.run_scheduler` (the admin role has it): anonymous
visitors go to the staff sign-in, others get a 403. A run happens inside the
request, with a time limit of at most 25 seconds; it changes nothing published.
Publishing goes through `planning.publish`, which refuses a stale proposal (409).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.csv import csv_response
from core.http import see_other
from core.permissions import staff_only
from editions.rendering import render_for_edition
from editions.services import staff_edition
from matchmaking import planning, staff_reports
from matchmaking.forms_staff import RunForm
from matchmaking.models import Lounge, SchedulerRun

RUN_SCHEDULER = "matchmaking.run_scheduler"


def staff_lounge(request) -> Lounge:
    """The current edition's lounge, or that of the edition named by `?edition=`."""
    edition = staff_edition(request)
    lounge = Lounge.objects.select_related("edition").filter(edition=edition).first()
    if lounge is None:
        raise Http404("This edition has no lounge.")
    return lounge


def _render(request, template, context, lounge, **kwargs):
    context = {"nav": "staff", "lounge": lounge, **context}
    return render_for_edition(request, template, context, lounge.edition, **kwargs)


def _run_of(pk: int) -> SchedulerRun:
    return get_object_or_404(SchedulerRun.objects.select_related("lounge__edition", "by"), pk=pk)


@require_GET
@staff_only(RUN_SCHEDULER)
def overview(request):
    lounge = staff_lounge(request)
    context = {**staff_reports.overview(lounge), "form": RunForm(), "staff_nav": "overview"}
    return _render(request, "matchmaking/staff/overview.html", context, lounge)


@require_POST
@staff_only(RUN_SCHEDULER)
def run(request):
    lounge = staff_lounge(request)
    form = RunForm(request.POST)
    if not form.is_valid():
        context = {**staff_reports.overview(lounge), "form": form, "staff_nav": "overview"}
        return _render(request, "matchmaking/staff/overview.html", context, lounge)
    made = planning.run_scheduler(lounge, by=request.user, **form.cleaned_data)
    return see_other(reverse("matchmaking:run_detail", args=[made.pk]))


@require_GET
@staff_only(RUN_SCHEDULER)
def run_detail(request, pk: int):
    run = _run_of(pk)
    context = {"report": staff_reports.run_report(run), "run": run}
    return _render(request, "matchmaking/staff/run.html", context, run.lounge)


@require_POST
@staff_only(RUN_SCHEDULER)
def publish(request, pk: int):
    run = _run_of(pk)
    try:
        done = planning.publish(run, by=request.user)
    except planning.PublishError as refused:
        context = {"run": run, "refused": refused.message, "code": refused.code}
        return _render(request, "matchmaking/staff/refused.html", context, run.lounge, status=409)
    messages.success(
        request,
        _(
            "Published (new: %(added)s, moved: %(moved)s, cancelled: %(cancelled)s, "
            "kept: %(kept)s). Both sides of each are being told by e-mail."
        )
        % {k: len(getattr(done, k)) for k in ("added", "moved", "cancelled", "kept")},
    )
    return see_other(reverse("matchmaking:run_detail", args=[run.pk]))


@require_GET
@staff_only(RUN_SCHEDULER)
def table_sheets(request):
    lounge = staff_lounge(request)
    context = {"sheets": staff_reports.table_sheets(lounge), "staff_nav": "tables"}
    return _render(request, "matchmaking/staff/table_sheets.html", context, lounge)


@require_GET
@staff_only(RUN_SCHEDULER)
def outcomes(request):
    lounge = staff_lounge(request)
    if request.GET.get("format") == "csv":
        return csv_response(
            staff_reports.OUTCOME_COLUMNS,
            staff_reports.outcome_rows(lounge),
            filename=f"{lounge.edition.slug}-lounge-outcomes.csv",
        )
    context = {"outcomes": staff_reports.outcomes(lounge), "staff_nav": "outcomes"}
    return _render(request, "matchmaking/staff/outcomes.html", context, lounge)
