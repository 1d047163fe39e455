"""Why a request was not placed, or a published meeting not kept, in words.

A scheduler run stores stable codes (`matchmaking.scheduler`'s, and the few the
web adds below) with the profiles they are about; pages and e-mails read them
here in the reader's language.
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from core.i18n import list_separator
from matchmaking import scheduler

# Codes the web adds to the solver's.
INACTIVE = "inactive"  # a side no longer takes part in the lounge
AFRESH = "afresh"  # staff started afresh: published meetings were free to move
TABLE_CLOSED = "table_closed"  # kept at its time, but its table is closed then
CAP_LOWERED = "cap_lowered"  # a kept meeting is over someone's (lowered) limit

# "%(people)s" is one or two organisations' names; the verb agrees with how many.
TEXTS = {
    scheduler.CAP_ZERO: ngettext_lazy(
        "%(people)s takes no meetings (their limit is zero).",
        "%(people)s take no meetings (their limit is zero).",
        "count",
    ),
    scheduler.NO_TABLE: gettext_lazy("The lounge has no table open in any slot."),
    scheduler.UNAVAILABLE: ngettext_lazy(
        "%(people)s is unavailable in every slot with a table.",
        "%(people)s are unavailable in every slot with a table.",
        "count",
    ),
    scheduler.NO_COMMON_SLOT: gettext_lazy(
        "The two are never free at the same time while a table is open."
    ),
    scheduler.CAP_REACHED: ngettext_lazy(
        "%(people)s already has as many meetings as they accept.",
        "%(people)s already have as many meetings as they accept.",
        "count",
    ),
    scheduler.TAKEN_BY_KEPT: gettext_lazy(
        "Every slot they share is taken by meetings already published."
    ),
    scheduler.LOWER_VALUE: gettext_lazy(
        "Not enough tables or time: other meetings were worth more in the slots they share."
    ),
    scheduler.NO_REQUEST: gettext_lazy("The request was withdrawn or declined."),
    scheduler.PAIR_TWICE: gettext_lazy("The two already meet at another time."),
    scheduler.SLOT_GONE: gettext_lazy("Its slot no longer exists."),
    scheduler.UNAVAILABLE_IN_SLOT: ngettext_lazy(
        "%(people)s is no longer available at that time.",
        "%(people)s are no longer available at that time.",
        "count",
    ),
    scheduler.BUSY: ngettext_lazy(
        "%(people)s has another meeting at that time.",
        "%(people)s have other meetings at that time.",
        "count",
    ),
    CAP_LOWERED: ngettext_lazy(
        "%(people)s lowered their meeting limit.",
        "%(people)s lowered their meeting limits.",
        "count",
    ),
    scheduler.NO_TABLE_LEFT: gettext_lazy("No table is open at that time any more."),
    INACTIVE: ngettext_lazy(
        "%(people)s no longer takes part in the lounge.",
        "%(people)s no longer take part in the lounge.",
        "count",
    ),
    AFRESH: gettext_lazy("The schedule was made afresh."),
    TABLE_CLOSED: gettext_lazy("Its table is closed at that time; another table was found."),
}
UNKNOWN = gettext_lazy("No reason recorded.")


def names(people: Sequence[str]) -> str:
    if not people:
        return _("One of them")
    if len(people) == 2:
        return _("%(first)s and %(second)s") % {"first": people[0], "second": people[1]}
    return list_separator().join(people)


def explain(code: str, people: Sequence[str] = ()) -> str:
    """The reason in the active language; `people` are the names it is about."""
    text = TEXTS.get(code, UNKNOWN)
    return text % {"people": names(people), "count": max(1, len(people))}
