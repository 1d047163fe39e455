"""Mailings' part of preparing the next edition (editions.copying): every mailing
becomes a draft to reuse, never a delivery (those are people's addresses)."""

from dashboard.models import Mailing
from editions.copying import Copier, EditionCopy, clone
from editions.models import Pivot
from registration.models import PassType


def copy_mailings(copy: EditionCopy) -> int:
    """Each mailing's texts and audience, as a draft nobody has queued yet."""
    mailings = Mailing.objects.filter(edition=copy.source).order_by("pk")
    drafts = (
        (
            mailing,
            clone(
                mailing,
                edition=copy.edition,
                pass_type=copy.new(PassType, mailing.pass_type_id),
                pivot=copy.new(Pivot, mailing.pivot_id),
                status=Mailing.Status.DRAFT,
                queued_at=None,
                queued_by=None,
            ),
        )
        for mailing in mailings
    )
    return len(copy.save_all(drafts))


MAILINGS = Copier(models=("dashboard.Mailing",), copy=copy_mailings)
