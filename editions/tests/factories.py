from datetime import date

import factory

from editions.models import Edition, Pivot, Space


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    slug = factory.Sequence(lambda n: f"edition-{n}")
    name_fr = factory.Sequence(lambda n: f"Symposium test {n}")
    name_ar = factory.Sequence(lambda n: f"ندوة تجريبية {n}")
    name_en = factory.Sequence(lambda n: f"Test symposium {n}")
    theme_fr = "L'intelligence communautaire et l'innovation low-tech"
    theme_en = "Community intelligence and low-tech innovation"
    starts_on = date(2022, 5, 25)
    ends_on = date(2022, 5, 26)
    venue = "Hyatt Regency"
    city = "Casablanca"
    organiser = "Casablanca Events et Animations"
    is_current = False
    is_published = True


class PivotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pivot

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"pivot-{n}")
    position = factory.Sequence(lambda n: n)
    colour = "#1f6f5c"
    name_fr = factory.Sequence(lambda n: f"Pivot {n}")
    name_ar = factory.Sequence(lambda n: f"محور {n}")
    name_en = factory.Sequence(lambda n: f"Pivot {n} (en)")
    description_fr = "Une description du pivot."


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"space-{n}")
    position = factory.Sequence(lambda n: n)
    name_fr = factory.Sequence(lambda n: f"Salle {n}")
    name_ar = factory.Sequence(lambda n: f"قاعة {n}")
    name_en = factory.Sequence(lambda n: f"Room {n}")
