"""Public programme pages: an edition's home, timetable, sessions, speakers, pivots,
personal agenda."""

from itertools import groupby

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import query, ratelimit
from core.http import local_path
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition, published_edition
from programme import services, session_page, versions
from programme.models import Session, SessionSpeaker, Speaker
from programme.services import AGENDA_COOKIE, AGENDA_COOKIE_AGE
from programme.timetable import (
    Filters,
    build_grid,
    default_day,
    parse_day,
    running_and_upcoming,
    sessions_of_day,
)


def _visitor_agenda(request):
    return services.find_agenda(request.COOKIES.get(AGENDA_COOKIE))


def _starred_ids(request) -> set[int]:
    agenda = _visitor_agenda(request)
    return set(agenda.sessions.values_list("id", flat=True)) if agenda else set()


@require_GET
def timetable(request, edition: Edition | None = None):
    edition = edition or current_edition()
    filters = Filters.from_query(request.GET, edition)
    day = parse_day(request.GET.get("day"), edition) or default_day(edition)
    sessions = filters.apply(sessions_of_day(edition, day))
    running, upcoming = running_and_upcoming(edition)
    context = {
        "day": day,
        "day_links": _day_links(request, edition, filters, day),
        "filters": filters,
        "pivots": edition.pivots.all(),
        "kinds": Session.Kind.choices,
        "languages": Session.Language.choices,
        "grid": build_grid(sessions, list(edition.spaces.all())),
        "running": running,
        "upcoming": upcoming,
        "live_ids": {session.pk for session in running},
        "starred": _starred_ids(request),
        "nav": "programme",
    }
    return render_for_edition(request, "programme/timetable.html", context, edition)


@require_GET
def edition_home(request):
    return _edition_page(request, current_edition(), is_home=True)


@require_GET
def edition_detail(request, slug: str):
    return _edition_page(request, published_edition(slug))


@require_GET
def edition_timetable(request, slug: str):
    """The timetable of any published edition, an archived one included."""
    return timetable(request, edition=published_edition(slug))


def _edition_page(request, edition: Edition, *, is_home: bool = False):
    """The home page shows the current edition (or, until one is marked current, the
    latest published one): it is never labelled an archive there."""
    running, upcoming = running_and_upcoming(edition)
    context = {
        "is_home": is_home,
        "pivots": edition.pivots.all(),
        "spaces": edition.spaces.all(),
        "partners": edition.partners.all(),
        "session_count": edition.sessions.public().count(),
        "running": running,
        "upcoming": upcoming,
        "other_editions": Edition.objects.published().exclude(pk=edition.pk),
    }
    return render_for_edition(request, "editions/edition.html", context, edition)


def _day_links(request, edition, filters, selected):
    links = []
    for day in edition.days:
        query = filters.as_query()
        query["day"] = day.isoformat()
        links.append({"day": day, "query": query.urlencode(), "selected": day == selected})
    return links


@require_GET
def changelog(request):
    """What changed in the published schedule, version by version."""
    archived = query.slug(request.GET, "edition")
    edition = published_edition(archived) if archived else current_edition()
    context = {"log": versions.changelog(edition), "nav": "programme"}
    return render_for_edition(request, "programme/changes.html", context, edition)


@require_GET
def now_and_next(request):
    edition = current_edition()
    running, upcoming = running_and_upcoming(edition)
    context = {
        "running": running,
        "upcoming": upcoming,
        "live_ids": {session.pk for session in running},
        "pivots": edition.pivots.all(),
        "starred": _starred_ids(request),
        "nav": "now",
    }
    return render_for_edition(request, "programme/now.html", context, edition)


@require_GET
def session_detail(request, pk: int):
    session = get_object_or_404(
        Session.objects.public().select_related("edition", "pivot", "space"), pk=pk
    )
    appearances = session.appearances.select_related("speaker")
    context = {
        "session": session,
        "appearances": appearances,
        "is_running": session.is_running(),
        "is_over": session.ends_at <= timezone.now(),
        "starred": _starred_ids(request),
        "notes": session_page.notes_for(request, session),
        "coloured_pivots": [session.pivot] if session.pivot else [],
    }
    return render_for_edition(request, "programme/session.html", context, session.edition)


@require_GET
def speaker_list(request):
    edition = current_edition()
    sessions = Session.objects.public().filter(edition=edition)
    speakers = (
        Speaker.objects.public(edition=edition)
        .order_by("name")
        .prefetch_related(Prefetch("sessions", queryset=sessions.order_by("starts_at")))
    )
    context = {"speakers": speakers, "nav": "speakers"}
    return render_for_edition(request, "programme/speakers.html", context, edition)


@require_GET
def speaker_detail(request, pk: int):
    speaker = get_object_or_404(Speaker, pk=pk)
    appearances = list(
        SessionSpeaker.objects.filter(speaker=speaker, session__in=Session.objects.public())
        .select_related("session__edition", "session__pivot", "session__space")
        .order_by("-session__edition__starts_on", "session__starts_at")
    )
    if not appearances:
        raise Http404
    by_edition = [
        (edition, list(items))
        for edition, items in groupby(appearances, key=lambda a: a.session.edition)
    ]
    context = {"speaker": speaker, "by_edition": by_edition}
    return render_for_edition(request, "programme/speaker.html", context, current_edition())


@require_GET
def pivot_detail(request, slug: str):
    archived = query.slug(request.GET, "edition")
    edition = published_edition(archived) if archived else current_edition()
    pivot = get_object_or_404(edition.pivots, slug=slug)
    sessions = (
        pivot.sessions.public()
        .select_related("space")
        .prefetch_related("appearances__speaker")
        .order_by("starts_at")
    )
    with timezone.override(edition.tz):
        days = [(day, list(items)) for day, items in groupby(sessions, key=_local_day)]
    context = {
        "pivot": pivot,
        "coloured_pivots": [pivot],
        "days": days,
        "starred": _starred_ids(request),
    }
    return render_for_edition(request, "programme/pivot.html", context, edition)


def _local_day(session):
    return timezone.localtime(session.starts_at).date()


@require_GET
def agenda_home(request):
    agenda = _visitor_agenda(request)
    if agenda is not None:
        return redirect("programme:agenda", secret=agenda.secret)
    context = {"nav": "agenda"}
    return render_for_edition(request, "programme/agenda_empty.html", context, current_edition())


@require_POST
def toggle_star(request):
    try:
        session = Session.objects.public().get(pk=int(request.POST.get("session", "")))
    except (ValueError, Session.DoesNotExist):
        return HttpResponseBadRequest(_("This session does not exist."))
    agenda = _visitor_agenda(request)
    if agenda is None:
        try:
            ratelimit.check(request, ("new_agenda:ip", ratelimit.client_ip(request)))
        except ratelimit.RateLimited as refused:
            return HttpResponse(
                refused.message, status=429, content_type="text/plain; charset=utf-8"
            )
    agenda, _starred = services.toggle_star(agenda, session=session)
    response = redirect(_back_to(request, session))
    _remember_agenda(response, agenda)
    return response


def _back_to(request, session) -> str:
    target = local_path(request, request.POST.get("next", ""))
    return f"{target or reverse('programme:session', args=[session.pk])}#s{session.pk}"


def _remember_agenda(response, agenda):
    response.set_cookie(
        AGENDA_COOKIE,
        agenda.secret,
        max_age=AGENDA_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


@require_http_methods(["GET", "POST"])
def agenda_detail(request, secret: str):
    agenda = services.find_agenda(secret)
    if agenda is None:
        raise Http404
    if request.method == "POST":
        # "Use this agenda on this device": the link was opened elsewhere.
        response = redirect("programme:agenda", secret=agenda.secret)
        _remember_agenda(response, agenda)
        return response
    sessions = list(services.starred_sessions(agenda))
    context = {
        "agenda": agenda,
        "sessions": sessions,
        "clashes": services.clashing_ids(sessions),
        "coloured_pivots": list({s.pivot_id: s.pivot for s in sessions if s.pivot}.values()),
        "starred": {session.pk for session in sessions},
        "on_this_device": request.COOKIES.get(AGENDA_COOKIE) == agenda.secret,
        "private_url": request.build_absolute_uri(),
        "nav": "agenda",
    }
    edition = sessions[0].edition if sessions else current_edition()
    response = render_for_edition(request, "programme/agenda.html", context, edition)
    response["Referrer-Policy"] = "no-referrer"  # keep the secret link out of referrers
    return response
