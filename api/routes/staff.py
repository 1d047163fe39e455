"""Staff endpoints, with a token of the current edition: check-in and lookup."""

from django.db.models import Q
from django.utils.translation import gettext as _
from ninja import Query, Router

from api.auth import StaffToken
from api.errors import ApiError, refuse_unknown_parameters
from api.schemas import CheckInIn, CheckInOut, Error, RegistrationOut
from core.access_log import record_access
from core.text import searchable
from editions.services import current_edition
from registration.checkin import check_in as admit
from registration.models import Registration

router = Router(tags=["staff"])
ERRORS = {400: Error, 401: Error, 403: Error}


@router.post(
    "/check-in",
    response={200: CheckInOut, **ERRORS},
    auth=StaffToken("registration.check_in_registration"),
)
def check_in(request, scan: CheckInIn):
    """Admit a ticket (same rules as the desk); the same nonce again gives the same answer."""
    gate = searchable(scan.gate, limit=50)
    if not gate:
        raise ApiError(400, "invalid", _("Give the name of the gate."))
    result = admit(
        scan.secret, edition=current_edition(), gate=gate, nonce=scan.nonce, by=request.auth.user
    )
    registration = result.registration
    return {
        "result": result.code,
        "admitted": result.admitted,
        "message": result.message,
        "name": registration.full_name if registration else None,
        "pass_name": str(registration.pass_type.name) if registration else None,
    }


@router.get(
    "/registrations",
    response={200: list[RegistrationOut], **ERRORS},
    auth=StaffToken("registration.view_registration"),
)
def registrations(request, q: str = Query(..., min_length=2, max_length=100)):
    """At most 20 registrations of the current edition whose name, e-mail or organisation
    matches."""
    refuse_unknown_parameters(request, "q")
    words = searchable(q).split()
    if not words:
        raise ApiError(400, "invalid", _("Type at least two letters."))
    found = Registration.objects.filter(edition=current_edition()).select_related(
        "pass_type", "check_in"
    )
    for word in words[:5]:
        found = found.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(organisation__icontains=word)
        )
    found = list(found.order_by("last_name", "first_name", "pk")[:20])
    record_access(request, "api registrations", records=len(found), query=q)
    return [
        {
            "id": r.pk,
            "first_name": r.first_name,
            "last_name": r.last_name,
            "organisation": r.organisation,
            "pass_name": str(r.pass_type.name),
            "status": r.status,
            "checked_in": hasattr(r, "check_in"),
        }
        for r in found
    ]
