"""What the public programme holds about a person, for accounts' privacy pages
(see core.personal_data)."""

from activities import services
from activities.models import Booking
from core.personal_data import ERASED, PersonalData


def _bookings_of(user):
    if not user.email:
        return Booking.objects.none()
    return Booking.objects.filter(email__iexact=user.email).order_by("-created_at", "-pk")


def export(user) -> list[dict]:
    return [_exported(b) for b in _bookings_of(user).select_related("slot__activity")]


def _exported(b: Booking) -> dict:
    return {
        "activity": str(b.slot.activity.title),
        "starts_at": b.slot.starts_at.isoformat(),
        "status": b.status,
        "first_name": b.first_name,
        "phone": b.phone,
        "email": b.email,
        "group_size": b.group_size,
        "notice_accepted": b.consent_version,
        "booked_at": b.created_at.isoformat(),
    }


def erase(user, *, now) -> None:
    """A place in a slot still to come goes back; every booking is then anonymised,
    its slot, status and group size kept."""
    for booking in _bookings_of(user).select_related("slot"):
        if booking.status != Booking.Status.CANCELLED and booking.slot.starts_at > now:
            try:
                services.cancel(booking)
            except services.BookingError:
                pass  # already used at the entrance or cancelled: nothing to give back
        _anonymised(Booking.objects.filter(pk=booking.pk))


def forget(editions) -> int:
    return _anonymised(Booking.objects.filter(edition__in=editions).exclude(first_name=ERASED))


def _anonymised(bookings) -> int:
    # The table asks for a phone or an e-mail: a dash that is neither keeps it whole.
    return bookings.update(first_name=ERASED, phone=ERASED, email="")


BOOKINGS = PersonalData("bookings", export=export, erase=erase, forget=forget)
