"""What registration holds about a person, for accounts' privacy pages (see core.personal_data)."""

from django.utils import timezone

from core.personal_data import ERASED, PersonalData
from registration import services
from registration.models import Registration


def _registrations_of(user):
    return Registration.objects.of_email(user.email).select_related("edition", "pass_type")


def export(user) -> list[dict]:
    registrations = _registrations_of(user).prefetch_related("pivots", "consents", "events")
    return [_exported(r) for r in registrations]


def _exported(r: Registration) -> dict:
    return {
        "edition": r.edition.slug,
        "pass": str(r.pass_type.name),
        "status": r.status,
        "first_name": r.first_name,
        "last_name": r.last_name,
        "email": r.email,
        "phone": r.phone,
        "organisation": r.organisation,
        "role": r.role,
        "sector": r.sector,
        "city": r.city,
        "pivots": [str(p.name) for p in r.pivots.all()],
        "accessibility_needs": r.accessibility_needs,
        "language": r.language,
        "registered_at": r.created_at.isoformat(),
        "consents": [
            {
                "purpose": c.purpose,
                "text_version": c.text_version,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in r.consents.all()
        ],
        "history": [{"action": e.action, "at": e.at.isoformat()} for e in r.events.all()],
    }


def erase(user, *, now) -> None:
    """A place for an edition still to come goes back (the waiting list moves up);
    every registration is then anonymised, its pass, status and check-in kept."""
    for registration in _registrations_of(user):
        if registration.holds_a_place and registration.edition.ends_on >= now.date():
            try:
                services.cancel(registration)
            except services.RegistrationError:
                pass  # already used at the door or cancelled: nothing to give back
        _anonymise(registration)


def forget(editions) -> int:
    old = Registration.objects.filter(edition__in=editions).exclude(first_name=ERASED)
    count = 0
    for registration in old:
        _anonymise(registration)
        count += 1
    return count


def _anonymise(registration: Registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(
        first_name=ERASED,
        last_name="",
        email="",
        phone="",
        organisation="",
        role="",
        city="",
        accessibility_needs="",
        updated_at=timezone.now(),
    )
    registration.events.update(note="")


REGISTRATIONS = PersonalData("registrations", export=export, erase=erase, forget=forget)
