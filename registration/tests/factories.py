"""Factories for registration tests. Other apps' tests import them too.

`PassTypeFactory()` is a pass of a new edition, open now (opened 30 days ago,
closes in 30 days), 100 places, no approval, with a waiting list.
`RegistrationFactory()` is a confirmed registration on such a pass; like the
services, it counts the place it holds in `pass_type.held` (so the database
refuses a factory that would oversell a pass).
"""

from datetime import timedelta

import factory
from django.db.models import F
from django.utils import timezone

from editions.tests.factories import EditionFactory
from registration.models import PassType, Registration


class PassTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PassType

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"pass-{n}")
    kind = PassType.Kind.PROFESSIONAL
    position = factory.Sequence(lambda n: n)
    name_fr = factory.Sequence(lambda n: f"Pass professionnel {n}")
    name_ar = factory.Sequence(lambda n: f"بطاقة مهنية {n}")
    name_en = factory.Sequence(lambda n: f"Professional pass {n}")
    description_fr = "Accès aux deux journées, aux panels et au Village."
    colour = "#135e4b"
    capacity = 100
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    needs_approval = False
    has_waiting_list = True
    allows_transfer = True
    questions = factory.LazyFunction(lambda: ["organisation", "role", "city"])
    required_questions = factory.LazyFunction(list)
    is_public = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    pass_type = factory.SubFactory(PassTypeFactory)
    edition = factory.LazyAttribute(lambda o: o.pass_type.edition)
    status = Registration.Status.CONFIRMED
    first_name = factory.Sequence(lambda n: f"Amina{n}")
    last_name = "Benjelloun"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    organisation = "Casablanca Smart Lab"
    language = "fr"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        registration = super()._create(model_class, *args, **kwargs)
        if registration.status in Registration.HOLDING_STATUSES:
            # As the services do: the database's CHECK refuses overselling.
            PassType.objects.filter(pk=registration.pass_type_id).update(held=F("held") + 1)
            registration.pass_type.held += 1
        return registration
