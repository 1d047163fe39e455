from django.http import Http404
from django.utils.functional import SimpleLazyObject

from core import query
from editions.models import Edition
from editions.services import STAFF_EDITION_KEY


def staff_workspace(request):
    """For staff, the editions their pages may follow and the one they follow now,
    read (one query) only when a page shows the header's choice."""
    user = getattr(request, "user", None)
    if user is None or not user.is_staff:
        return {}
    return {"staff_workspace": SimpleLazyObject(lambda: _workspace(request))}


def _workspace(request) -> dict:
    editions = list(
        Edition.objects.order_by("-starts_on").only(
            "slug", "name_fr", "name_ar", "name_en", "starts_on", "is_current", "is_published"
        )
    )
    slug = _named_slug(request)
    chosen = request.session.get(STAFF_EDITION_KEY)
    followed = (
        next((e for e in editions if e.slug == slug), None)
        or next((e for e in editions if e.pk == chosen), None)
        or next((e for e in editions if e.is_current), None)
        or next((e for e in editions if e.is_published), None)
    )
    return {"editions": editions, "followed": followed}


def _named_slug(request) -> str | None:
    try:
        return query.slug(request.GET, "edition")
    except Http404:  # not a slug: it names no edition
        return None
