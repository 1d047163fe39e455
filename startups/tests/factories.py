"""Factories for Startup Village tests. Other apps' tests import them too.

`CallFactory()` is a call of a new edition, open now (opened 10 days ago, closes
in 20 days). `ApplicationFactory()` is a submitted application to such a call,
by a new participant account.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import User
from editions.tests.factories import EditionFactory
from startups.models import Application, Call, Criterion


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"founder{n}@example.ma")
    email = factory.LazyAttribute(lambda user: user.username)
    first_name = factory.Sequence(lambda n: f"Founder {n}")
    password = factory.django.Password(None)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    edition = factory.SubFactory(EditionFactory)
    title_fr = "Village Startup"
    title_ar = "قرية الشركات الناشئة"
    title_en = "Startup Village"
    introduction_fr = "Les jeunes entreprises de la ville intelligente exposent au Village."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    reviews_wanted = 2


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    name_fr = factory.Sequence(lambda n: f"Critère {n}")
    name_ar = factory.Sequence(lambda n: f"معيار {n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1
    position = factory.Sequence(lambda n: n)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    applicant = factory.SubFactory(UserFactory)
    status = Application.Status.SUBMITTED
    name = factory.Sequence(lambda n: f"Startup {n}")
    slug = factory.Sequence(lambda n: f"startup-{n}")
    structure = Application.Structure.TECH_STARTUP
    pitch = "Des capteurs low-tech pour mesurer la qualité de l'eau dans les quartiers."
    sector = "water"
    stage = Application.Stage.PROTOTYPE
    team_size = 4
    city = "Casablanca"
    seeking = "Un pilote avec une régie de distribution d'eau."
    language = "fr"
    submitted_at = factory.LazyFunction(timezone.now)
