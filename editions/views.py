"""The edition's home page and the archive of past editions."""

from django.views.decorators.http import require_GET

from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition, published_edition
from programme import views as programme_views
from programme.timetable import running_and_upcoming


def _edition_page(request, edition: Edition):
    running, upcoming = running_and_upcoming(edition)
    context = {
        "pivots": edition.pivots.all(),
        "spaces": edition.spaces.all(),
        "partners": edition.partners.all(),
        "session_count": edition.sessions.published().count(),
        "running": running,
        "upcoming": upcoming,
        "other_editions": Edition.objects.published().exclude(pk=edition.pk),
    }
    return render_for_edition(request, "editions/edition.html", context, edition)


@require_GET
def home(request):
    return _edition_page(request, current_edition())


@require_GET
def edition_detail(request, slug: str):
    return _edition_page(request, published_edition(slug))


@require_GET
def edition_list(request):
    editions = Edition.objects.published()
    return render_for_edition(
        request,
        "editions/edition_list.html",
        {"editions": editions, "nav": "editions"},
        current_edition(),
    )


@require_GET
def edition_programme(request, slug: str):
    return programme_views.timetable(request, edition=published_edition(slug))
