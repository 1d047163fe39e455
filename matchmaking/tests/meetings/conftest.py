"""The meeting tests' lounge: time stands still on 20 May 2022, before the symposium
(25–26 May), so the lounge takes requests and every slot lies ahead. It replaces
the participant tests' lounge of matchmaking/tests/conftest.py."""

import pytest
from freezegun import freeze_time

from matchmaking.tests.factories import LoungeFactory
from matchmaking.tests.meeting_helpers import BEFORE_THE_EVENT


@pytest.fixture
def before_the_event():
    with freeze_time(BEFORE_THE_EVENT) as frozen:
        yield frozen


@pytest.fixture
def lounge(edition, before_the_event):
    return LoungeFactory(edition=edition, max_meetings=8)
