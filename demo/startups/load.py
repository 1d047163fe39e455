"""Write the demo Startup Village of 2022 (demo/startups/data.py), identically on every run.

The call, its criteria, the jurors' accounts (staff, with no usable password:
nobody signs in as them), the applicants' accounts, the applications with their
history, every juror's review and the declared conflict. Rows are found again
by stable keys (call by edition, criterion by position, application by slug,
review by application and juror), so a second run changes nothing.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from accounts.roles import assign_role
from demo.records import per_language
from demo.startups.data import (
    APPLICATIONS,
    CALL_INTRODUCTION,
    CALL_TITLE,
    CLOSES,
    CRITERIA,
    JURORS,
    OPENS,
    DemoApplication,
)
from editions.models import Edition
from startups.models import Application, ApplicationEvent, Call, Conflict, Criterion, Review, Score

EDITION_SLUG = "scc-2022"
CASABLANCA = ZoneInfo("Africa/Casablanca")
Action = ApplicationEvent.Action
Status = Application.Status


def at(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=CASABLANCA)


def demo_slug(record: DemoApplication) -> str:
    return slugify(record.name) or slugify(record.key)


def person(email: str, first_name: str, last_name: str = "", *, language: str = "fr") -> User:
    user, _created = User.objects.update_or_create(
        username=email,
        defaults={
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "language": language,
            "password": make_password(None),
        },
    )
    return user


def load_demo_startups() -> Call:
    edition = Edition.objects.get(slug=EDITION_SLUG)
    with transaction.atomic():
        call = save_call(edition)
        criteria = [save_criterion(call, position) for position in range(len(CRITERIA))]
        call.criteria.exclude(pk__in=[c.pk for c in criteria]).delete()
        jurors = [save_juror(record) for record in JURORS]
        slugs = [save_application(call, record, criteria, jurors).slug for record in APPLICATIONS]
        call.applications.exclude(slug__in=slugs).delete()
    return call


def save_call(edition: Edition) -> Call:
    call, _created = Call.objects.update_or_create(
        edition=edition,
        defaults={
            **per_language("title", CALL_TITLE),
            **per_language("introduction", CALL_INTRODUCTION),
            "opens_at": at(OPENS),
            "closes_at": at(CLOSES),
            "village": edition.spaces.filter(slug="startup-village").first(),
            "reviews_wanted": len(JURORS),
        },
    )
    return call


def save_criterion(call: Call, position: int) -> Criterion:
    record = CRITERIA[position]
    criterion, _created = Criterion.objects.update_or_create(
        call=call,
        position=position,
        defaults={
            **per_language("name", record.name),
            **per_language("description", record.description),
            "weight": record.weight,
        },
    )
    return criterion


def save_juror(record) -> User:
    juror = person(record.email, record.first_name, record.last_name, language=record.language)
    assign_role(juror, "jury_member")
    return juror


def save_application(call, record: DemoApplication, criteria, jurors) -> Application:
    applicant = person(record.email, record.contact, language=record.language)
    decided = at(record.decided) if record.decided else None
    application, _created = Application.objects.update_or_create(
        call=call,
        slug=demo_slug(record),
        defaults={
            "applicant": applicant,
            "status": record.status,
            "name": record.name,
            "structure": record.structure,
            "pitch": record.pitch,
            "pivot": call.edition.pivots.get(slug=record.pivot),
            "sector": record.sector,
            "stage": record.stage,
            "team_size": record.team_size,
            "city": record.city,
            "website": record.website,
            "is_open_source": record.open_source,
            "is_low_tech": record.low_tech,
            "seeking": record.seeking,
            "contact_name": record.contact,
            "language": record.language,
            "booth": record.booth,
            "decision_message": record.message,
            "created_at": at(record.submitted),
            "submitted_at": at(record.submitted),
            "decided_at": decided,
        },
    )
    save_history(application, record, decided)
    save_reviews(application, record, criteria, jurors)
    return application


def save_history(application: Application, record: DemoApplication, decided) -> None:
    application.events.all().delete()
    submitted = at(record.submitted)
    events = [(Action.CREATED, submitted, ""), (Action.SUBMITTED, submitted, "")]
    if record.status == Status.WITHDRAWN:
        events.append((Action.WITHDRAWN, at("2022-04-20 09:00"), ""))
    if record.status in (Status.SELECTED, Status.REJECTED):
        events.append((record.status, decided, ""))
    if record.booth:
        events.append((Action.BOOTH, at("2022-05-02 10:00"), record.booth))
    by_applicant = {Action.CREATED, Action.SUBMITTED, Action.WITHDRAWN}
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(
            application=application,
            action=action,
            at=moment,
            note=note,
            actor=application.applicant if action in by_applicant else None,  # staff: demo
        )
        for action, moment, note in events
    )


def save_reviews(application: Application, record: DemoApplication, criteria, jurors) -> None:
    application.reviews.all().delete()
    application.conflicts.all().delete()
    for juror, scores in zip(jurors, record.scores, strict=False):
        if scores is None:
            Conflict.objects.create(
                application=application,
                juror=juror,
                reason="Ancienne collègue d'une des fondatrices.",
                declared_at=at(record.submitted),
            )
            continue
        review = Review.objects.create(
            application=application,
            juror=juror,
            comment=review_comment(scores),
            created_at=at("2022-04-22 15:00"),
        )
        Score.objects.bulk_create(
            Score(review=review, criterion=criterion, value=value)
            for criterion, value in zip(criteria, scores, strict=True)
        )


def review_comment(scores) -> str:
    mean = sum(scores) / len(scores)
    if mean >= 4:
        return "Projet solide et ancré dans les quartiers ; un pilote est réaliste cette année."
    if mean >= 3:
        return "Intéressant, mais la maturité reste à démontrer."
    return "Loin de la thématique low-tech de l'édition."
