"""Mark the meeting requests left unanswered past their date as expired, telling
each requester. Safe to run as often as wished (e.g. hourly from cron)."""

from django.core.management.base import BaseCommand, CommandError

from matchmaking.models import Lounge
from matchmaking.requests import expire_requests


class Command(BaseCommand):
    help = "Expire unanswered meeting requests past their date and e-mail the requesters."

    def add_arguments(self, parser):
        parser.add_argument(
            "--edition", help="Only the lounge of this edition (its short name); default: all."
        )

    def handle(self, *args, edition=None, **options):
        lounge = None
        if edition:
            lounge = Lounge.objects.filter(edition__slug=edition).first()
            if lounge is None:
                raise CommandError(f"No lounge for the edition {edition!r}.")
        expired = expire_requests(lounge)
        self.stdout.write(f"{expired} meeting request(s) expired.")
