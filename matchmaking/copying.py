"""The lounge's part of preparing the next edition (editions.copying): its rules,
tables and meeting slots, never a profile, request or meeting."""

from editions.copying import Copier, EditionCopy, clone
from editions.models import Space
from matchmaking.models import Lounge, LoungeSlot, LoungeTable


def copy_lounge(copy: EditionCopy) -> int:
    """The lounge with its texts and rules; its slots made again at the same hours of
    the new edition's days; its tables, closed at the same slots as before."""
    lounge = Lounge.objects.filter(edition=copy.source).first()
    if lounge is None:
        return 0
    new_lounge = clone(
        lounge,
        edition=copy.edition,
        space=copy.new(Space, lounge.space_id),
        requests_open_until=copy.shift(lounge.requests_open_until),
    )
    copy.save_all([(lounge, new_lounge)])
    slots = copy.save_all(
        (
            slot,
            clone(
                slot,
                lounge=new_lounge,
                starts_at=copy.shift(slot.starts_at),
                ends_at=copy.shift(slot.ends_at),
            ),
        )
        for slot in lounge.slots.order_by("pk")
    )
    tables = lounge.tables.order_by("pk").prefetch_related("closed_slots")
    copy.save_all((table, clone(table, lounge=new_lounge)) for table in tables)
    closed = [
        LoungeTable.closed_slots.through(
            loungetable_id=copy.new(LoungeTable, table.pk).pk,
            loungeslot_id=copy.new(LoungeSlot, slot.pk).pk,
        )
        for table in tables
        for slot in table.closed_slots.all()
    ]
    LoungeTable.closed_slots.through.objects.bulk_create(closed)
    return 1 + len(slots) + len(tables) + len(closed)


LOUNGE = Copier(
    models=(
        "matchmaking.Lounge",
        "matchmaking.LoungeSlot",
        "matchmaking.LoungeTable",
        "matchmaking.LoungeTable_closed_slots",
    ),
    copy=copy_lounge,
)
