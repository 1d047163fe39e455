"""Factories for the community's tests. Questions, votes and polls are made through
the services, which keep the counters."""

import factory

from community.models import Idea
from editions.tests.factories import EditionFactory, PivotFactory


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    edition = factory.SubFactory(EditionFactory)
    pivot = factory.SubFactory(PivotFactory, edition=factory.SelfAttribute("..edition"))
    title = factory.Sequence(lambda n: f"Des bancs à l’ombre {n}")
    description = "Des arbres et des bancs le long du boulevard."
    arrondissement = "anfa"
    proposed_by = factory.Sequence(lambda n: f"d:author{n}")
