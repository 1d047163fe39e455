"""Record each time staff take personal data out: see core.models.PersonalDataAccess."""

import ipaddress

from core.models import PersonalDataAccess
from core.ratelimit import client_ip
from core.text import searchable


def record_access(request, what: str, *, records: int, query: str = "") -> None:
    PersonalDataAccess.objects.create(
        user=request.user,
        what=what,
        query=searchable(query, limit=300),
        records=records,
        ip=_valid_ip(client_ip(request)),
    )


def _valid_ip(address: str) -> str | None:
    # A forged X-Forwarded-For must not break the log (PostgreSQL stores inet).
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
