"""`manage.py load_demo`: the Smart City Casablanca Symposium 2022, ready to browse."""

from django.core.management.base import BaseCommand, CommandError

from demo.activities import load_demo_activities
from demo.community import load_demo_community
from demo.editions.load import DemoDataError, load_demo
from demo.matchmaking.load import load_demo_lounge
from demo.registration import load_demo_registrations
from demo.startups.load import load_demo_startups


class Command(BaseCommand):
    # Console text for developers, like Django's own commands: commands run with
    # translation deactivated, so gettext here would only add catalogue entries.
    help = (
        "Load the demo editions: Smart City Casablanca Symposium 2022 (current) and 2021 "
        "(archive). Running it again leaves exactly the same data."
    )

    def handle(self, *args, **options):
        try:
            summary = load_demo()
            load_demo_registrations()
            call = load_demo_startups()
            lounge = load_demo_lounge()
            public = load_demo_activities()
            ideas = load_demo_community()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Demo loaded: {summary.editions} editions, {summary.speakers} speakers, "
            f"{summary.sessions} sessions ({summary.current_sessions} in the current edition, "
            f"{summary.current.name_fr}); {call.applications.selected().count()} startups in the "
            f"village, {lounge.meetings.published().count()} meetings in the lounge, "
            f"{public.edition.activities.count()} public activities, {ideas} ideas."
        )
