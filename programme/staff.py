"""The schedule editor: staff place and move sessions on the grid of a day."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.errors import RuleError
from core.permissions import staff_only
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import staff_edition
from programme import checks, schedule, versions
from programme.checks import find_problems
from programme.forms import MoveForm
from programme.models import Session
from programme.timetable import CARD_APPEARANCES, CARD_DEFERRED, build_grid, parse_day

# The grid offers a row every half hour of the working day, so staff can drop a
# session where nothing is yet.
GRID_STEP = timedelta(minutes=30)
GRID_HOURS = (time(8), time(20))
EDIT = "programme.change_session"


def _editor_url(edition: Edition, day) -> str:
    query = urlencode({"edition": edition.slug, "day": day.isoformat()})
    return f"{reverse('schedule:editor')}?{query}"


def _marks(edition: Edition, day) -> list[datetime]:
    moment = datetime.combine(day, GRID_HOURS[0], tzinfo=edition.tz)
    last = datetime.combine(day, GRID_HOURS[1], tzinfo=edition.tz)
    marks = []
    while moment <= last:
        marks.append(moment)
        moment += GRID_STEP
    return marks


def _cards(queryset):
    return (
        queryset.select_related("pivot", "space")
        .defer(*CARD_DEFERRED)
        .prefetch_related(CARD_APPEARANCES)
    )


@staff_only(EDIT)
@require_GET
def editor(request):
    edition = staff_edition(request)
    day = parse_day(request.GET.get("day"), edition) or edition.starts_on
    start, end = edition.day_bounds(day)
    spaces = list(edition.spaces.all())
    # The day's placed sessions and every unscheduled one, in one query.
    shown = _cards(
        edition.sessions.filter(
            Q(space__in=spaces, starts_at__gte=start, starts_at__lt=end) | Q(space__isnull=True)
        )
    ).order_by("starts_at", "space__position", "id")
    placed = [session for session in shown if session.space_id]
    unscheduled = [session for session in shown if not session.space_id]
    problems = find_problems(edition)
    context = {
        "day": day,
        "days": edition.days,
        "spaces": spaces,
        "grid": build_grid(placed, spaces, every_space=True, marks=_marks(edition, day)),
        "unscheduled": unscheduled,
        # Sessions without a space are listed beside the grid, not as problems.
        "problems": [problem for problem in problems if not _unscheduled(problem)],
        "problem_ids": {pk for problem in problems for pk in problem.session_ids},
        "version": edition.schedule_versions.first(),
    }
    return render_for_edition(request, "programme/staff/schedule.html", context, edition)


@staff_only(EDIT)
@require_POST
def move(request, pk: int):
    session = get_object_or_404(Session.objects.select_related("edition"), pk=pk)
    edition = session.edition
    form = MoveForm(edition, request.POST)
    back = _editor_url(edition, session.starts_at.astimezone(edition.tz).date())
    context = {"session": session, "form": form, "back": back}
    if not form.is_valid():
        return _answer(request, context, status=400)
    back = _editor_url(edition, form.cleaned_data["day"])
    context["back"] = back
    try:
        kept = schedule.move_session(
            session,
            placement=form.placement(),
            seen=form.cleaned_data["seen"],
            keep=form.cleaned_data["keep"],
        )
    except schedule.ScheduleError as refusal:
        context["refusal"] = refusal
        status = {"stale": 409, "refused": 422}.get(refusal.code, 200)
        return _answer(request, context, status=status)
    if kept:
        messages.warning(request, _("Moved, with conflicts kept: %s") % _join(kept))
    else:
        messages.success(request, _("“%s” was moved.") % session.title)
    return redirect(back)


@staff_only(EDIT)
@require_POST
def publish(request):
    edition = get_object_or_404(Edition, slug=request.POST.get("edition", ""))
    try:
        version = versions.publish_version(edition)
    except RuleError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("Version %(number)d is published.") % {"number": version.number}
        )
    return redirect(_editor_url(edition, edition.starts_on))


def _unscheduled(problem) -> bool:
    return problem.code == checks.UNKNOWN_SPACE and problem.subject is None


def _join(problems) -> str:
    return " ".join(problem.message for problem in problems)


def _answer(request, context, *, status):
    edition = context["session"].edition
    return render_for_edition(request, "programme/staff/move.html", context, edition, status=status)
