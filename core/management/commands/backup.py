"""`manage.py backup [path]`: a consistent copy of the database, taken while it runs
(default: var/backups/jemaa-<date-time>.sqlite3 or .pgdump)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from core.backups import backup


class Command(BaseCommand):
    help = "Back up the database while it is in use."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?")

    def handle(self, *args, path=None, **options):
        suffix = "sqlite3" if connection.vendor == "sqlite" else "pgdump"
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = Path(path or settings.BASE_DIR / "var" / "backups" / f"jemaa-{stamp}.{suffix}")
        written = backup(target)
        self.stdout.write(f"Backup written: {written} ({written.stat().st_size} bytes)")
