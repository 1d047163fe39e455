"""The readiness checklist on the demo edition (loaded once for this module)."""

from core.testing import client_for
from editions.services import current_edition
from editions.tests.test_workspace import expected_counts, shown_counts


def test_checklist_counts_the_demo_right(demo_loaded, client, cast):
    shown = shown_counts(client_for(client, cast, "admin"))

    assert shown == expected_counts(current_edition())
    assert shown  # the demo leaves some work to do: the comparison compares something
