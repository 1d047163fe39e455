"""Finding a visitor's booking at the entrance when the code is lost: by the phone
number or e-mail they booked with, or by first name.

Only today's bookings of the one activity are searched, and at most a screenful
is shown, so the page cannot be used to browse the visitors of the whole event.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.utils import timezone

from activities.models import Activity, Booking
from activities.phones import normalised_phone
from core.text import searchable

MOST_SHOWN = 20
SHORTEST_NAME = 2
LONGEST_QUERY = 120


def _contact_filter(query: str) -> dict | None:
    phone = normalised_phone(query)
    if phone:
        return {"phone": phone}
    try:
        validate_email(query)
    except ValidationError:
        return None
    return {"email": query.lower()}


def find_bookings(activity: Activity, query: str, now=None) -> QuerySet[Booking] | None:
    """Today's bookings of `activity` matching a phone, an e-mail or a first name.

    None when the query is too short to search (a single letter would list everybody)."""
    query = searchable(query, limit=LONGEST_QUERY)
    now = now or timezone.now()
    day = timezone.localdate(now, timezone=activity.edition.tz)
    start, end = activity.edition.day_bounds(day)
    today = Booking.objects.filter(
        slot__activity=activity, slot__starts_at__gte=start, slot__starts_at__lt=end
    ).select_related("slot")
    contact = _contact_filter(query)
    if contact:
        found = today.filter(**contact)
    elif len(query) >= SHORTEST_NAME:
        found = today.filter(first_name__istartswith=query)
    else:
        return None
    return found.order_by("slot__starts_at", "first_name", "id")[:MOST_SHOWN]


def masked_contact(booking: Booking) -> str:
    """Enough of the phone or e-mail for the visitor to recognise it, not to copy it."""
    if booking.phone:
        return "•••• " + booking.phone[-2:]
    name, _at, domain = booking.email.partition("@")
    return f"{name[:1]}•••@{domain}"
