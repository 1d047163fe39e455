"""Every figure of the dashboard, its CSV files and the impact report, counted again
here from the rows themselves, one model at a time in plain Python (not through
dashboard.metrics), and compared: on the demo, and on an edition where every
application has several reviews, every pass several registrations, every meeting two
sides, every session several speakers, agendas, questions, votes and ratings. A count
taken across a join (one row per review, per side, per vote) shows up as a mismatch."""

import csv
import html
import io
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import ActivitySlot
from community.models import Feedback, Idea, IdeaVote, Question, QuestionVote
from dashboard.tables import TABLES
from editions.models import Edition
from matchmaking.models import Meeting, MeetingRequest
from programme.models import Agenda, Session, SessionSpeaker
from registration.models import CheckIn, Registration
from startups.models import Application, Review


def _local(moment, edition, pattern):
    return timezone.localtime(moment, edition.tz).strftime(pattern)


class Truth:
    """The edition's numbers, read row by row."""

    def __init__(self, edition, now):
        self.edition, self.now = edition, now
        self.registrations = list(Registration.objects.filter(edition=edition))
        self.holding = [r for r in self.registrations if r.status in Registration.HOLDING_STATUSES]
        self.check_ins = list(CheckIn.objects.filter(registration__edition=edition))
        self.sessions = [s for s in Session.objects.filter(edition=edition) if s.is_published]
        self.slots = list(ActivitySlot.objects.filter(activity__edition=edition))
        self.questions = list(Question.objects.filter(board__session__edition=edition))
        self.ideas = [i for i in Idea.objects.filter(edition=edition) if not i.is_hidden]
        self.meetings = [
            m for m in Meeting.objects.filter(lounge__edition=edition) if m.status == "published"
        ]
        self.held = [m for m in self.meetings if any(s.took_place for s in m.sides.all())]
        self.followed = [
            m
            for m in self.meetings
            if any(s.took_place and s.follow_up not in ("", "none") for s in m.sides.all())
        ]
        self.pivots = list(edition.pivots.order_by("position", "pk"))

    def entries(self, slots):
        return sum(slot.admitted + slot.walk_ins for slot in slots)

    def speakers(self, sessions):
        return len({ss.speaker_id for ss in SessionSpeaker.objects.all() if ss.session in sessions})

    def question_votes(self, questions):
        ids = {q.pk for q in questions}
        return sum(1 for vote in QuestionVote.objects.all() if vote.question_id in ids)

    def idea_votes(self, ideas):
        ids = {i.pk for i in ideas}
        return sum(1 for vote in IdeaVote.objects.all() if vote.idea_id in ids)

    def session_questions(self, session):
        return [q for q in self.questions if q.board.session_id == session.pk]

    def pivot_questions(self, pivot):
        return [q for q in self.questions if q.board.session.pivot_id == pivot.pk]

    def applications(self):
        return list(Application.objects.filter(call__edition=self.edition))

    # The CSV files, as their rows' text.

    def tables(self) -> dict:
        return {name: getattr(self, "table_" + name.replace("-", "_"))() for name in TABLES}

    def table_registrations(self):
        day = {r.pk: timezone.localtime(r.created_at, self.edition.tz).date() for r in self.holding}
        days = sorted(set(day.values()))
        return [
            [
                d.isoformat(),
                str(p.name),
                sum(1 for r in self.holding if r.pass_type_id == p.pk and day[r.pk] <= d),
            ]
            for p in self.edition.pass_types.order_by("position", "pk")
            for d in days
        ]

    def table_check_ins(self):
        per_hour = Counter(
            (_local(c.at, self.edition, "%Y-%m-%d %H:00"), c.gate) for c in self.check_ins
        )
        return [[hour, gate, n] for (hour, gate), n in per_hour.items()]

    def table_sessions(self):
        agendas = Counter(
            pk
            for agenda in Agenda.objects.all()
            for pk in agenda.sessions.values_list("pk", flat=True)
        )
        return [
            [
                s.title,
                s.pivot.name if s.pivot else "",
                _local(s.starts_at, self.edition, "%Y-%m-%d %H:%M"),
                agendas[s.pk],
                len(self.session_questions(s)),
                Feedback.objects.filter(session=s).count(),
                self.entries(slot for slot in self.slots if slot.activity.session_id == s.pk),
            ]
            for s in self.sessions
        ]

    def table_lounge(self):
        requests = list(MeetingRequest.objects.filter(lounge__edition=self.edition))
        accepted = [r for r in requests if r.status == "accepted"]
        return [
            [len(requests)],
            [len(accepted)],
            [len(self.meetings)],
            [len(self.held)],
            [len(self.followed)],
        ]

    def funnel(self):
        applications = self.applications()
        reviewed = {review.application_id for review in Review.objects.all()}
        return {
            "applied": sum(1 for a in applications if a.status != "draft"),
            "reviewed": sum(1 for a in applications if a.pk in reviewed),
            "selected": sum(1 for a in applications if a.status == "selected"),
        }

    def table_startups(self):
        return [[n] for n in self.funnel().values()]

    def table_activity_slots(self):
        rows = []
        for slot in self.slots:
            bookable = slot.capacity - slot.walk_in_places
            fill = round(100 * slot.booked / bookable) if bookable else 0
            rows.append(
                [
                    slot.activity.title,
                    _local(slot.starts_at, self.edition, "%Y-%m-%d %H:%M"),
                    slot.capacity,
                    bookable,
                    slot.booked,
                    fill,
                    slot.admitted,
                    slot.walk_ins,
                ]
            )
        return rows

    def table_community(self):
        rows = []
        for pivot in self.pivots:
            questions = self.pivot_questions(pivot)
            ideas = [i for i in self.ideas if i.pivot_id == pivot.pk]
            rows.append(
                [
                    pivot.name,
                    len(questions),
                    self.question_votes(questions),
                    len(ideas),
                    self.idea_votes(ideas),
                    sum(1 for i in ideas if i.decision == "adopted"),
                ]
            )
        return rows

    # The pages.

    def right_now(self):
        running = [s for s in self.slots if s.starts_at <= self.now < s.ends_at]
        inside = f"{self.entries(running)} / {sum(s.capacity for s in running)}"
        return [len(self.holding), len(self.check_ins), inside]

    def report_figures(self):
        funnel = self.funnel()
        adopted = sum(1 for i in self.ideas if i.decision == "adopted")
        return [
            len(self.holding),
            len(self.check_ins),
            len(self.sessions),
            self.speakers(self.sessions),
            f"{len(self.held)} / {len(self.meetings)}",
            len(self.followed),
            f"{funnel['selected']} / {funnel['applied']}",
            self.entries(self.slots),
            f"{adopted} / {len(self.ideas)}",
        ]

    def report_pivots(self):
        came = {c.registration_id for c in self.check_ins}
        rows = []
        for pivot, (name, questions, _votes, ideas, _idea_votes, adopted) in zip(
            self.pivots, self.table_community(), strict=True
        ):
            sessions = [s for s in self.sessions if s.pivot_id == pivot.pk]
            interested = [r for r in self.registrations if r.pk in came and pivot in r.pivots.all()]

            def of_pivot(meetings, pk=pivot.pk):
                return [
                    m
                    for m in meetings
                    if m.request.challenge and m.request.challenge.pivot_id == pk
                ]

            rows.append(
                [
                    name,
                    len(interested),
                    len(sessions),
                    self.speakers(sessions),
                    len(of_pivot(self.held)),
                    len(of_pivot(self.followed)),
                    self.entries(
                        s
                        for s in self.slots
                        if s.activity.session and s.activity.session.pivot_id == pivot.pk
                    ),
                    questions,
                    ideas,
                    adopted,
                ]
            )
        return rows

    def report_total(self):
        return [
            len(self.check_ins),
            len(self.sessions),
            self.speakers(self.sessions),
            len(self.held),
            len(self.followed),
            self.entries(self.slots),
            len(self.questions),
            len(self.ideas),
            sum(1 for i in self.ideas if i.decision == "adopted"),
        ]


def _text(rows):
    """Rows as the CSV holds them: every value as text; order aside (slots of two
    activities may start together)."""
    return sorted([str(value) for value in row] for row in rows)


def _cells(fragment, tag="td"):
    return [
        html.unescape(cell) for cell in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", fragment, re.S)
    ]


def _csv(client, name, query):
    response = client.get(reverse("dashboard:csv", args=[name]) + query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


def _compare_every_figure(client, edition):
    query = f"?edition={edition.slug}"
    with translation.override("fr"):
        home = client.get(reverse("dashboard:home") + query).content.decode()
        report = client.get(reverse("dashboard:report") + query).content.decode()
        truth = Truth(edition, timezone.now())
        expected = truth.tables()
        for name, rows in expected.items():
            downloaded = _csv(client, name, query)
            if name in ("lounge", "startups"):  # stage name, count: the counts in order
                downloaded = [row[1:] for row in downloaded]
            assert _text(downloaded) == _text(rows), name

            section = home.split(f'id="t-{name}"', 1)[1].split("</section>", 1)[0]
            body = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
            shown = [_cells(row) for row in body.split("<tr>")[1:]] if rows else []
            if name in ("lounge", "startups"):
                shown = [row[1:] for row in shown]
            assert _text(shown) == _text(rows), name

    now = home.split('id="now"', 1)[1].split("</section>", 1)[0]
    assert _cells(now, "dd") == [str(n) for n in truth.right_now()]

    figures = report.split('class="figures"', 1)[1].split("</dl>", 1)[0]
    assert _cells(figures, "dd") == [str(n) for n in truth.report_figures()]
    table = report.split('class="numbers by-pivot"', 1)[1].split("</table>", 1)[0]
    body, total = table.split("<tfoot>")
    rows = [
        [_cells(row, "th")[0], *_cells(row)] for row in body.split("<tbody>")[1].split("<tr>")[1:]
    ]
    assert rows == [[str(n) for n in row] for row in truth.report_pivots()]
    assert _cells(total) == [str(n) for n in truth.report_total()]
    return truth


@pytest.fixture
def organiser(client, cast):
    client.force_login(cast["admin"])
    return client


@pytest.mark.usefixtures("demo_loaded")
def test_every_figure_of_the_demo_is_counted_once(organiser):
    edition = Edition.objects.get(is_current=True)

    truth = _compare_every_figure(organiser, edition)

    assert truth.funnel() == {"applied": 14, "reviewed": 13, "selected": 10}
    with translation.override("fr"):  # each stage agrees with what it counts
        startups = [row[0] for row in _csv(organiser, "startups", "")]
        lounge = [row[0] for row in _csv(organiser, "lounge", "")]
    assert startups == ["candidatures déposées", "évaluées", "sélectionnées"]
    assert lounge[:3] == ["demandés", "acceptés", "planifiés"]


@pytest.mark.usefixtures("demo_loaded")
def test_the_per_session_chart_draws_the_demo_sessions_people_took_part_in(organiser):
    with translation.override("fr"):
        page = organiser.get(reverse("dashboard:home")).content.decode()
        truth = Truth(Edition.objects.get(is_current=True), timezone.now())
        legend = {str(column) for column in TABLES["sessions"].columns[3:7]}
    chart = page.split('id="t-sessions"', 1)[1].split("</figure>", 1)[0]
    drawn = re.findall(r"\u2068(.*?)\u2069: (\d+)</text>", html.unescape(chart))

    totals = sorted((sum(row[3:7]) for row in truth.table_sessions()), reverse=True)
    assert [int(n) for _title, n in drawn] == [n for n in totals[:10] if n]
    assert drawn, "nobody keeps an agenda in the demo, but its sessions were rated"
    parts = re.findall(r"<title>(.*?): (\d+)</title>", html.unescape(chart))
    assert {part for part, _n in parts} <= legend
    assert sum(int(n) for _part, n in parts) == sum(int(n) for _title, n in drawn)


def _busy_edition():
    """An edition where every count could be taken across a join: three pivots, two
    passes of several registrations (some cancelled, some checked in, each interested
    in two pivots), sessions with shared speakers, agendas, questions and votes,
    ratings, one session without a pivot; applications with up to three reviews;
    meetings with two sides; public activities, one slot running now; ideas with votes."""
    from activities.tests.factories import (
        ActivityFactory,
        ActivitySlotFactory,
        PublicProgrammeFactory,
    )
    from community import ideas, questions
    from community.tests.factories import IdeaFactory
    from editions.tests.factories import EditionFactory, PivotFactory
    from matchmaking.models import MeetingSide
    from matchmaking.tests.factories import (
        ChallengeFactory,
        LoungeFactory,
        ProfileFactory,
        with_slots,
    )
    from programme.tests.factories import SessionFactory, SessionSpeakerFactory, SpeakerFactory, at
    from registration.tests.factories import PassTypeFactory, RegistrationFactory
    from startups.tests.factories import ApplicationFactory, CallFactory, UserFactory

    edition = EditionFactory(is_published=True)
    pivots = [PivotFactory(edition=edition) for _ in range(3)]

    for p, pass_type in enumerate(PassTypeFactory(edition=edition) for _ in range(2)):
        for n, status in enumerate(["confirmed", "confirmed", "pending", "cancelled", "confirmed"]):
            person = RegistrationFactory(pass_type=pass_type, status=status)
            Registration.objects.filter(pk=person.pk).update(created_at=at(20 + n % 3, 9))
            person.pivots.add(pivots[n % 3], pivots[(n + 1) % 3])
            if status == "confirmed":
                gate = ["Nord", "Sud"][n % 2]
                CheckIn.objects.create(
                    registration=person, gate=gate, nonce=f"{p}-{n}", at=at(25, 9 + n % 2)
                )

    speakers = [SpeakerFactory() for _ in range(4)]
    sessions = [
        SessionFactory(edition=edition, pivot=pivots[0], is_published=True, starts_at=at(25, 10)),
        SessionFactory(edition=edition, pivot=pivots[0], is_published=True, starts_at=at(25, 11)),
        SessionFactory(edition=edition, pivot=pivots[1], is_published=True, starts_at=at(25, 12)),
        SessionFactory(edition=edition, pivot=None, is_published=True, starts_at=at(26, 9)),
        SessionFactory(edition=edition, pivot=pivots[1], is_published=False, starts_at=at(26, 10)),
    ]
    for session, speaking in zip(
        sessions, [speakers[:3], speakers[1:], speakers[:1], speakers[2:], speakers], strict=True
    ):
        for speaker in speaking:
            SessionSpeakerFactory(session=session, speaker=speaker)
    for n in range(3):
        Agenda.objects.create().sessions.add(*sessions[: n + 2])
    for s, session in enumerate(sessions[:4]):
        board = questions.board_of(session)
        board.premoderated = False
        board.save()
        for q in range(3 - s % 2):
            asked = questions.ask(board, text=f"Question {q}?", author_name="", voter=f"d:asker{q}")
            for v in range(q + 1):
                questions.upvote(asked, voter=f"d:voter{v}")
        for v in range(s + 2):
            Feedback.objects.create(session=session, voter=f"d:rater{v}", rating=1 + v % 5)

    call = CallFactory(edition=edition)
    jurors = [UserFactory() for _ in range(3)]
    for status, reviews in [
        ("submitted", 3),
        ("selected", 2),
        ("selected", 3),
        ("rejected", 1),
        ("draft", 0),
        ("withdrawn", 0),
    ]:
        application = ApplicationFactory(call=call, status=status)
        for juror in jurors[:reviews]:
            Review.objects.create(application=application, juror=juror)

    PublicProgrammeFactory(edition=edition)
    debate = ActivityFactory(edition=edition, session=sessions[0])
    ActivitySlotFactory(activity=debate, starts_at=at(25, 10), booked=6, admitted=5, walk_ins=2)
    ActivitySlotFactory(activity=debate, starts_at=at(25, 11), booked=8, admitted=7, walk_ins=1)
    now = timezone.now()
    ActivitySlotFactory(
        activity__edition=edition,
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(minutes=20),
        booked=4,
        admitted=3,
        walk_ins=1,
    )

    lounge = LoungeFactory(edition=edition)
    slots = with_slots(lounge, count=4, tables=1)
    tables = list(lounge.tables.all())
    corporate = ProfileFactory(lounge=lounge)
    challenge = ChallengeFactory(profile=corporate, pivot=pivots[2])
    outcomes = [
        (True, "pilot", True, "talks"),
        (True, "none", False, ""),
        (None, "", None, ""),
        (True, "", True, ""),
    ]
    for n, sides in enumerate(outcomes):
        startup = ProfileFactory(lounge=lounge, kind="startup")
        request = MeetingRequest.objects.create(
            lounge=lounge,
            requester=startup,
            target=corporate,
            challenge=challenge if n % 2 == 0 else None,
            status="accepted",
            expires_at=now + timedelta(days=5),
        )
        meeting = Meeting.objects.create(
            lounge=lounge,
            request=request,
            slot=slots[n],
            table=tables[0],
            status="cancelled" if n == 3 else "published",
        )
        for profile, took_place, follow_up in [(startup, *sides[:2]), (corporate, *sides[2:])]:
            MeetingSide.objects.create(
                meeting=meeting,
                profile=profile,
                slot=meeting.slot,
                took_place=took_place,
                follow_up=follow_up,
            )
    MeetingRequest.objects.create(
        lounge=lounge,
        requester=ProfileFactory(lounge=lounge, kind="startup"),
        target=corporate,
        expires_at=now + timedelta(days=5),
    )

    for n in range(5):
        idea = IdeaFactory(
            edition=edition, pivot=pivots[n % 2], decision="adopted" if n < 2 else "proposed"
        )
        for v in range(n + 1):
            ideas.support(idea, voter=f"d:supporter{v}")
    IdeaFactory(edition=edition, pivot=pivots[0], is_hidden=True)
    return edition


def test_every_figure_is_counted_once_where_rows_repeat_across_joins(organiser):
    edition = _busy_edition()

    truth = _compare_every_figure(organiser, edition)

    assert truth.funnel() == {"applied": 5, "reviewed": 4, "selected": 2}
    assert len(truth.held) == 2 and len(truth.followed) == 1
    assert len(truth.questions) > sum(len(truth.pivot_questions(p)) for p in truth.pivots)
