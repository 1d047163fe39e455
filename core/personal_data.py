"""Who holds what about a person: the registry behind the privacy pages.

Accounts offers "download my data", "delete my data" and the retention command,
but most of the data lives in apps above it (registrations, bookings, startup
applications, lounge profiles). Each of those registers what it holds in its
AppConfig.ready(); accounts walks the registry, so no app imports a higher one.
Holders come in the order their apps are installed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# What an erased name becomes: the row stays, as a count, pointing to nobody.
ERASED = "—"


@dataclass(frozen=True)
class PersonalData:
    # The person's data under `key` in their export ("registrations", "bookings"…).
    key: str
    export: Callable[[Any], list[dict]]
    # Gives back what the person still holds (places to come), then anonymises: (user, now=).
    erase: Callable[..., None]
    # Anonymises everyone's data of the given editions; returns how many rows it changed.
    forget: Callable[[QuerySet], int] | None = None


_holders: dict[str, PersonalData] = {}


def register(holder: PersonalData) -> None:
    _holders[holder.key] = holder


def holders() -> list[PersonalData]:
    return list(_holders.values())
