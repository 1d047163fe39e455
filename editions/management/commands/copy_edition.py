"""`manage.py copy_edition SOURCE NEW --start YYYY-MM-DD`: prepare the next edition."""

from django.core.management.base import BaseCommand, CommandError

from editions.copying import EditionCopyError, copy_edition
from editions.models import Edition


class Command(BaseCommand):
    # Console text for staff at a terminal, like Django's own commands; the
    # refusals come translated from the service.
    help = (
        "Copy an edition's structure (pivots, spaces, partners, passes, the village's "
        "call, the lounge, the public programme, mailings) into a new, unpublished "
        "edition starting on --start. Nobody's data is copied."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="short name of the edition to copy")
        parser.add_argument("slug", help="short name of the new edition")
        parser.add_argument("--start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--name", help="name of the new edition (in French)")
        parser.add_argument(
            "--with-sessions",
            action="store_true",
            help="also copy the sessions and their speakers, as unscheduled drafts",
        )

    def handle(self, *args, **options):
        source = Edition.objects.filter(slug=options["source"]).first()
        if source is None:
            raise CommandError(f"No edition has the short name “{options['source']}”.")
        try:
            result = copy_edition(
                source,
                slug=options["slug"],
                start=options["start"],
                name=options["name"],
                with_sessions=options["with_sessions"],
            )
        except EditionCopyError as refused:
            raise CommandError(refused.message) from refused
        edition = result.edition
        self.stdout.write(
            f"{edition.slug}: “{edition.name_fr}”, {edition.starts_on}–{edition.ends_on}, "
            f"{result.objects} objects copied from {source.slug}; unpublished and not current."
        )
