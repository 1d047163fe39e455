"""The list of editions, past and present, and the organiser's home. An edition's
own pages show its programme, so they live in programme.views."""

from django.views.decorators.http import require_GET

from core.permissions import staff_member
from editions import workspace
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition, staff_edition


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
@staff_member
def staff_home(request):
    """Where staff land: the edition they prepare, their areas, what is left to do."""
    edition = staff_edition(request)
    context = {
        "current": current_edition(),
        "areas": workspace.links_for(request.user),
        "findings": workspace.checklist(edition, request.user),
        "nav": "staff",
    }
    return render_for_edition(request, "editions/staff/home.html", context, edition)
