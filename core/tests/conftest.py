"""Fixtures of core's cross-app tests."""

import pytest
from django.db import transaction
from freezegun import freeze_time

from core.tests.authorization_world import BEFORE_THE_EVENT, CAST, build_world, sign_in


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The authorisation tests' world (see authorization_world), built once for the
    module in a transaction rolled back after its last test."""
    with django_db_blocker.unblock(), freeze_time(BEFORE_THE_EVENT), transaction.atomic():
        w = build_world()
        w.clients = {who: sign_in(w, who) for who in CAST}
        yield w
        transaction.set_rollback(True)
