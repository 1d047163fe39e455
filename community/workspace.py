"""Community's links on the organiser's home (editions.workspace)."""

from django.utils.translation import gettext_lazy as _

from community.models import Question
from editions.workspace import StaffLink, admin_list, register_links

LINKS = [
    StaffLink(
        "community",
        _("Moderate the ideas"),
        "community:ideas_moderation",
        "community.moderate_ideas",
    ),
    StaffLink(
        "community",
        _("Feedback on sessions"),
        "community:feedback_results",
        "community.view_feedback",
    ),
    admin_list("community", Question),
]


def register() -> None:
    register_links(*LINKS)
