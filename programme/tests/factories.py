from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory

from editions.tests.factories import EditionFactory
from programme.models import Session, SessionSpeaker, Speaker

CASABLANCA = ZoneInfo("Africa/Casablanca")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of the 2022 symposium (25 or 26 May), Casablanca time."""
    return datetime(2022, 5, day, hour, minute, tzinfo=CASABLANCA)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    organisation = "Université Hassan II"
    position_fr = "Chercheuse"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    edition = factory.SubFactory(EditionFactory)
    kind = Session.Kind.PANEL
    starts_at = at(25, 10)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=1))
    title_fr = factory.Sequence(lambda n: f"Session {n}")
    title_ar = factory.Sequence(lambda n: f"جلسة {n}")
    title_en = factory.Sequence(lambda n: f"Session {n} (en)")
    abstract_fr = "Résumé de la session."
    languages = "fr"


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = SessionSpeaker.Role.PANELIST
