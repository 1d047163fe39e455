"""The list of editions, past and present, and the organiser's home. An edition's
own pages show its programme, so they live in programme.views."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import query
from core.http import local_path
from core.permissions import staff_member
from editions import workspace
from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import choose_staff_edition, current_edition, staff_edition


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


@require_POST
@staff_member_required
def choose_for_staff(request):
    """The header's "edition for staff pages" form: back to the same page, now
    showing the chosen edition."""
    edition = get_object_or_404(Edition, slug=query.slug(request.POST, "edition") or "")
    choose_staff_edition(request, edition)
    messages.success(request, _("Staff pages now show “%(edition)s”.") % {"edition": edition})
    return redirect(_without_edition(local_path(request, request.POST.get("next", "")) or "/"))


def _without_edition(path: str) -> str:
    """`path` without its `?edition=`, which would outrank the choice just made."""
    parts = urlsplit(path)
    kept = QueryDict(parts.query, mutable=True)
    kept.pop("edition", None)
    return f"{parts.path}?{kept.urlencode()}" if kept else parts.path
