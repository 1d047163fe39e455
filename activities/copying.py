"""The public programme's part of preparing the next edition (editions.copying): its
rules, activities and slots, never a booking or an entrance scan."""

from activities.models import Activity, ActivitySlot, PublicProgramme
from editions.copying import Copier, EditionCopy, clone
from editions.models import Space
from programme.models import Session


def copy_public_programme(copy: EditionCopy) -> int:
    made = 0
    programme = PublicProgramme.objects.filter(edition=copy.source).first()
    if programme is not None:
        opens = copy.shift(programme.bookings_open_at)
        rules = clone(programme, edition=copy.edition, bookings_open_at=opens)
        made += len(copy.save_all([(programme, rules)]))
    return made + copy_activities(copy)


def copy_activities(copy: EditionCopy) -> int:
    """Each activity with its texts, photo and capacities; its slots made again at the
    same hours of the new edition's days, with their places and nobody in them. An
    activity showing a programme session shows its draft, when sessions are copied."""
    activities = Activity.objects.filter(edition=copy.source).order_by("pk")
    made = copy.save_all(
        (
            activity,
            clone(
                activity,
                edition=copy.edition,
                space=copy.new(Space, activity.space_id),
                session=copy.new(Session, activity.session_id),
            ),
        )
        for activity in activities
    )
    slots = ActivitySlot.objects.filter(activity__edition=copy.source).order_by("pk")
    made_slots = copy.save_all((slot, _fresh_slot(copy, slot)) for slot in slots)
    return len(made) + len(made_slots)


def _fresh_slot(copy: EditionCopy, slot: ActivitySlot) -> ActivitySlot:
    return clone(
        slot,
        activity=copy.new(Activity, slot.activity_id),
        starts_at=copy.shift(slot.starts_at),
        ends_at=copy.shift(slot.ends_at),
        booked=0,
        waiting=0,
        walk_ins=0,
        admitted=0,
        version=0,
    )


PUBLIC_PROGRAMME = Copier(
    models=("activities.PublicProgramme", "activities.Activity", "activities.ActivitySlot"),
    copy=copy_public_programme,
)
