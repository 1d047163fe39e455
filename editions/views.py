"""The list of editions, past and present. An edition's own pages show its
programme, so they live in programme.views."""

from django.views.decorators.http import require_GET

from editions.models import Edition
from editions.rendering import render_for_edition
from editions.services import current_edition


@require_GET
def edition_list(request):
    editions = Edition.objects.published()
    return render_for_edition(
        request,
        "editions/edition_list.html",
        {"editions": editions, "nav": "editions"},
        current_edition(),
    )
