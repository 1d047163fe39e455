"""Every dashboard table once: its columns and its rows, for the page and for CSV."""

from dataclasses import dataclass
from typing import Callable

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dashboard import metrics


@dataclass(frozen=True)
class Table:
    title: str
    columns: list
    rows: Callable  # edition -> list of rows (lists of values)


def _registrations(edition):
    return [
        [day.isoformat(), series.label, total]
        for series in metrics.registrations_over_time(edition)
        for day, total in series.points
    ]


def _check_ins(edition):
    return [
        [
            timezone.localtime(r["hour"], edition.tz).strftime("%Y-%m-%d %H:00"),
            r["gate"],
            r["count"],
        ]
        for r in metrics.check_ins_by_gate_and_hour(edition)
    ]


def _sessions(edition):
    return [
        [
            s.title,
            s.pivot.name if s.pivot else "",
            formats.date_format(timezone.localtime(s.starts_at, edition.tz), "Y-m-d H:i"),
            s.stars,
            s.questions,
            s.ratings,
            s.public_entries,
        ]
        for s in metrics.sessions(edition)
    ]


def _lounge(edition):
    numbers = metrics.lounge(edition)
    labels = {
        "requested": _("requested"),
        # Its own context: elsewhere "accepted" agrees with one request, in French.
        "accepted": pgettext_lazy("dashboard stage", "accepted"),
        "scheduled": _("scheduled"),
        "held": _("held"),
        "follow_up": _("led to a follow-up"),
    }
    return [[str(label), numbers[key]] for key, label in labels.items()]


def _startups(edition):
    funnel = metrics.startup_funnel(edition)
    labels = {
        "applied": _("applied"),
        "reviewed": _("reviewed"),
        # Its own context: elsewhere "selected" agrees with one application, in French.
        "selected": pgettext_lazy("dashboard stage", "selected"),
    }
    return [[str(label), funnel[key]] for key, label in labels.items()]


def _slots(edition):
    rows = []
    for slot in metrics.activity_slots(edition):
        fill = round(100 * slot.booked / slot.bookable) if slot.bookable else 0
        rows.append(
            [
                slot.activity.title,
                timezone.localtime(slot.starts_at, edition.tz).strftime("%Y-%m-%d %H:%M"),
                slot.capacity,
                slot.bookable,
                slot.booked,
                fill,
                slot.admitted,
                slot.walk_ins,
            ]
        )
    return rows


def _community(edition):
    return [
        [p.name, p.n_questions, p.n_question_votes, p.n_ideas, p.n_idea_votes, p.n_adopted]
        for p in metrics.community_by_pivot(edition)
    ]


TABLES = {
    "registrations": Table(
        _("Registrations by pass, cumulative"),
        [_("day"), _("pass"), _("registrations")],
        _registrations,
    ),
    "check-ins": Table(
        _("Check-ins by gate and hour"), [_("hour"), _("gate"), _("check-ins")], _check_ins
    ),
    "sessions": Table(
        _("Interest and participation per session"),
        [
            _("session"),
            _("pivot"),
            _("starts"),
            _("in agendas"),
            _("questions"),
            _("ratings"),
            _("public entries"),
        ],
        _sessions,
    ),
    "lounge": Table(_("Lounge meetings"), [_("stage"), _("meetings")], _lounge),
    "startups": Table(_("Startup Village"), [_("stage"), _("applications")], _startups),
    "activity-slots": Table(
        _("Public activities, slot by slot"),
        [
            _("activity"),
            _("slot"),
            _("capacity"),
            _("bookable"),
            _("booked"),
            _("fill rate (%)"),
            _("admitted with a booking"),
            _("walk-ins"),
        ],
        _slots,
    ),
    "community": Table(
        _("Questions, votes and ideas per pivot"),
        [
            _("pivot"),
            _("questions"),
            _("votes on questions"),
            _("ideas"),
            _("votes on ideas"),
            _("ideas adopted"),
        ],
        _community,
    ),
}
