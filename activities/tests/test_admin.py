"""The public programme in the admin: every list page opens for the admin role."""

import pytest
from django.urls import reverse

MODELS = ["publicprogramme", "activity", "activityslot", "booking", "entryscan"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_open_for_the_admin_role(client, cast, edition, model):
    client.force_login(cast["admin"])
    response = client.get(reverse(f"admin:activities_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["booking", "entryscan"])
def test_bookings_and_scans_cannot_be_added_in_the_admin(client, cast, edition, model):
    client.force_login(cast["admin"])
    response = client.get(reverse(f"admin:activities_{model}_add"))
    assert response.status_code == 403
