"""The Startup Village's part of preparing the next edition (editions.copying): the
call for applications and its criteria, never an application or a review."""

from editions.copying import Copier, EditionCopy, clone
from editions.models import Space
from startups.models import Call


def copy_call(copy: EditionCopy) -> int:
    """The call with its texts, its dates moved by the gap between the editions and
    its village space; the criteria with their weights."""
    call = Call.objects.filter(edition=copy.source).first()
    if call is None:
        return 0
    new_call = clone(
        call,
        edition=copy.edition,
        opens_at=copy.shift(call.opens_at),
        closes_at=copy.shift(call.closes_at),
        village=copy.new(Space, call.village_id),
    )
    copy.save_all([(call, new_call)])
    criteria = call.criteria.order_by("pk")
    made = copy.save_all((row, clone(row, call=new_call)) for row in criteria)
    return 1 + len(made)


CALL = Copier(models=("startups.Call", "startups.Criterion"), copy=copy_call)
