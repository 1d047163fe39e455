"""`manage.py send_outbox`: send the e-mails owed by changes whose request could not
send them (its worker died after the commit, or the mail server refused). Run it
from a timer every minute; requests send their own mail, this only catches up."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from core.outbox import GRACE, send_owed


class Command(BaseCommand):
    help = "Send the confirmation e-mails that requests owe and could not send."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=int(GRACE.total_seconds()),
            metavar="SECONDS",
            help="only rows at least this old: younger ones are their request's to send "
            "(0 when no web server runs, e.g. after a crash)",
        )

    def handle(self, *args, older_than, **options):
        sent = send_owed(grace=timedelta(seconds=older_than))
        self.stdout.write(f"{sent} owed e-mail(s) sent.")
