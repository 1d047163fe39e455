"""`manage.py forget_old_editions [--months N]`: anonymise the participants of
editions that ended more than N months ago (12 by default: the privacy notice's
promise). Run it from a daily timer; running it twice changes nothing more."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.privacy import forget_editions_before, retention_cutoff


class Command(BaseCommand):
    help = "Anonymise registrations and bookings of editions older than N months."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=settings.PERSONAL_DATA_RETENTION_MONTHS)

    def handle(self, *args, months: int, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        cutoff = retention_cutoff(months)
        counts = forget_editions_before(cutoff)
        editions = counts.pop("editions")
        anonymised = " and ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(f"Editions ended before {cutoff}: {editions}; anonymised {anonymised}.")
