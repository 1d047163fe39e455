"""Run the lounge scheduler of an edition from the command line, as staff do on its page.

    python manage.py run_scheduler [--edition SLUG] [--time-limit S] [--afresh]
                                   [--include-unanswered] [--publish]

Without --publish it only stores the proposal (see it on the run's staff page);
with it, the proposal is published and both sides of each change get an e-mail.
"""

from django.core.management.base import BaseCommand, CommandError

from editions.models import Edition
from matchmaking import planning
from matchmaking.models import Lounge


class Command(BaseCommand):
    help = "Run the lounge scheduler of an edition (the current one by default)."

    def add_arguments(self, parser):
        parser.add_argument("--edition", help="edition slug (default: the current edition)")
        parser.add_argument("--time-limit", type=float, default=20.0, help="seconds (≤ 25)")
        parser.add_argument(
            "--afresh", action="store_true", help="let published meetings move or go"
        )
        parser.add_argument("--include-unanswered", action="store_true")
        parser.add_argument("--publish", action="store_true", help="publish the proposal")

    def handle(self, *args, edition, time_limit, afresh, include_unanswered, publish, **options):
        lounge = self.lounge(edition)
        run = planning.run_scheduler(
            lounge,
            by=None,
            time_limit=time_limit,
            keep_published=not afresh,
            include_unanswered=include_unanswered,
        )
        self.stdout.write(
            f"run {run.pk}: {len(run.proposal)} meetings, value {run.value}, bound {run.bound}, "
            f"{run.status}; {len(run.unplaced)} requests not placed"
        )
        if publish:
            try:
                done = planning.publish(run, by=None)
            except planning.PublishError as refused:
                raise CommandError(f"{refused.code}: {refused.message}") from refused
            self.stdout.write(
                f"published: {len(done.added)} new, {len(done.moved)} moved, "
                f"{len(done.cancelled)} cancelled, {len(done.kept)} kept"
            )

    def lounge(self, slug: str | None) -> Lounge:
        editions = Edition.objects.all()
        edition = (
            editions.filter(slug=slug).first() if slug else editions.filter(is_current=True).first()
        )
        if edition is None:
            raise CommandError(f"no edition {slug!r}" if slug else "no current edition")
        lounge = Lounge.objects.filter(edition=edition).first()
        if lounge is None:
            raise CommandError(f"edition {edition.slug!r} has no lounge")
        return lounge
