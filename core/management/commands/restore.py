"""`manage.py restore <path> --yes`: replace the database by a backup. Stop the web
workers first: everything written since the backup is lost."""

from django.core.management.base import BaseCommand, CommandError

from core.backups import restore


class Command(BaseCommand):
    help = "Replace the database by a backup made with `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--yes", action="store_true", help="yes, replace the database")

    def handle(self, *args, path, yes=False, **options):
        if not yes:
            raise CommandError("This replaces the whole database: run again with --yes.")
        restore(path)
        self.stdout.write(f"Database restored from {path}.")
