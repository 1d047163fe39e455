"""The timetable: filters from the URL, and the spaces × time grid of one day.

The grid is an HTML table: one column per space, one row per slice of time
between two consecutive session boundaries, each session a cell spanning its
rows. Read row by row it is the chronological list, which is what phones show.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils import timezone

from editions.models import Edition, Space
from programme.models import Session, SessionSpeaker

# What a session card shows; abstracts and biographies stay in the database.
CARD_APPEARANCES = Prefetch(
    "appearances",
    queryset=SessionSpeaker.objects.select_related("speaker").only(
        "session_id", "position", "role", "speaker__name"
    ),
)
CARD_DEFERRED = ("abstract_fr", "abstract_ar", "abstract_en", "livestream_url", "replay_url")


@dataclass(frozen=True)
class Filters:
    """What the visitor filtered on; unknown or malformed values are dropped."""

    pivots: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryDict, edition: Edition) -> "Filters":
        known_pivots = {pivot.slug for pivot in edition.pivots.all()}
        return cls(
            pivots=_known(query.getlist("pivot"), known_pivots),
            kinds=_known(query.getlist("kind"), set(Session.Kind.values)),
            languages=_known(query.getlist("lang"), set(Session.Language.values)),
        )

    def __bool__(self) -> bool:
        return bool(self.pivots or self.kinds or self.languages)

    def apply(self, sessions: list[Session]) -> list[Session]:
        return [session for session in sessions if self.matches(session)]

    def matches(self, session: Session) -> bool:
        if self.pivots and (session.pivot is None or session.pivot.slug not in self.pivots):
            return False
        if self.kinds and session.kind not in self.kinds:
            return False
        if self.languages and not set(self.languages) & set(session.language_codes):
            return False
        return True

    def as_query(self) -> QueryDict:
        query = QueryDict(mutable=True)
        query.setlist("pivot", self.pivots)
        query.setlist("kind", self.kinds)
        query.setlist("lang", self.languages)
        return query


def _known(values: list[str], allowed: set[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value in allowed))


def parse_day(raw: str | None, edition: Edition) -> date | None:
    try:
        day = date.fromisoformat(raw or "")
    except ValueError:
        return None
    return day if day in edition.days else None


def default_day(edition: Edition, now: datetime | None = None) -> date:
    """Today while the edition runs, else its first day."""
    today = timezone.localtime(now or timezone.now(), edition.tz).date()
    return today if today in edition.days else edition.starts_on


@dataclass
class Cell:
    session: Session | None = None
    rowspan: int = 1
    # The column's space (None: "elsewhere"); the schedule editor drops sessions on it.
    space: Space | None = None


@dataclass
class Row:
    starts_at: datetime
    minutes: int
    cells: list[Cell] = field(default_factory=list)

    @property
    def has_sessions(self) -> bool:
        return any(cell.session for cell in self.cells)


@dataclass
class Grid:
    spaces: list[Space | None]
    rows: list[Row]
    # Sessions that could not be placed because their space was already taken
    # at that time: a double-booking for staff to fix; still shown, below.
    unplaced: list[Session]

    def __bool__(self) -> bool:
        return bool(self.rows or self.unplaced)


def build_grid(
    sessions: list[Session],
    spaces: list[Space],
    *,
    every_space: bool = False,
    marks: Iterable[datetime] = (),
) -> Grid:
    """Lay out one day's sessions (sorted by start) over the spaces they use (or all
    of them), with rows cut at each session boundary and at the extra `marks`."""
    used = {session.space_id for session in sessions}
    columns: list[Space | None] = [space for space in spaces if every_space or space.pk in used]
    if None in used:
        columns.append(None)  # "elsewhere": sessions without a space
    boundaries = sorted(
        {s.starts_at for s in sessions} | {s.ends_at for s in sessions} | set(marks)
    )
    index = {moment: position for position, moment in enumerate(boundaries)}
    rows = [
        Row(starts_at=start, minutes=int((end - start).total_seconds() // 60))
        for start, end in zip(boundaries, boundaries[1:], strict=False)
    ]
    column_of = {(space.pk if space else None): n for n, space in enumerate(columns)}
    # occupied[row][column]: None = free, a Cell = starts here, False = covered.
    occupied: list[list] = [[None] * len(columns) for _ in rows]
    unplaced = []
    for session in sessions:
        first, last = index[session.starts_at], index[session.ends_at]
        column = column_of[session.space_id]
        if any(occupied[row][column] is not None for row in range(first, last)):
            unplaced.append(session)
            continue
        occupied[first][column] = Cell(session, last - first, columns[column])
        for row in range(first + 1, last):
            occupied[row][column] = False
    for row, slots in zip(rows, occupied, strict=True):
        row.cells = [
            Cell(space=space) if slot is None else slot
            for slot, space in zip(slots, columns, strict=True)
            if slot is not False
        ]
    return Grid(spaces=columns, rows=rows, unplaced=unplaced)


def sessions_of_day(edition: Edition, day: date):
    start, end = edition.day_bounds(day)
    return (
        Session.objects.public()
        .filter(edition=edition, starts_at__gte=start, starts_at__lt=end)
        .select_related("pivot", "space")
        .defer(*CARD_DEFERRED)
        .prefetch_related(CARD_APPEARANCES)
        .order_by("starts_at", "space__position", "id")
    )


def running_and_upcoming(edition: Edition, now: datetime | None = None, horizon_minutes: int = 90):
    """Sessions running at `now`, and those starting within the horizon."""
    now = now or timezone.now()
    if not edition.covers(now):
        return [], []
    sessions = (
        Session.objects.public()
        .filter(edition=edition, ends_at__gt=now)
        .filter(starts_at__lt=now + timedelta(minutes=horizon_minutes))
        .select_related("pivot", "space")
        .defer(*CARD_DEFERRED)
        .prefetch_related(CARD_APPEARANCES)
        .order_by("starts_at", "space__position")
    )
    running = [s for s in sessions if s.starts_at <= now]
    upcoming = [s for s in sessions if s.starts_at > now]
    return running, upcoming
