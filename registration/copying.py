"""Registration's part of preparing the next edition (editions.copying): the passes."""

from editions.copying import Copier, EditionCopy, clone
from registration.models import PassType, new_invitation_token


def copy_passes(copy: EditionCopy) -> int:
    """Each pass with its capacity, questions and colour, its registration dates moved
    by the gap between the editions, no place held and a new invitation link (the
    old one, maybe passed around, must not open next year's pass)."""
    passes = PassType.objects.filter(edition=copy.source).order_by("pk")
    copies = (
        (
            pass_type,
            clone(
                pass_type,
                edition=copy.edition,
                held=0,
                invitation_token=new_invitation_token() if pass_type.invitation_token else "",
                opens_at=copy.shift(pass_type.opens_at),
                closes_at=copy.shift(pass_type.closes_at),
            ),
        )
        for pass_type in passes
    )
    return len(copy.save_all(copies))


PASSES = Copier(models=("registration.PassType",), copy=copy_passes)
