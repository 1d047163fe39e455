"""`manage.py send_mailings`: send the queued deliveries, one transaction each.

Stopping it (Ctrl-C, SIGTERM from systemd) lets the delivery in hand finish, then
stops; started again, it sends what is left. Run it from a timer every minute, or
with --watch to keep polling the queue.
"""

import signal
import time

from django.core.management.base import BaseCommand

from dashboard.mailings import send_queued


class Command(BaseCommand):
    help = (
        "Send the mailings' queued e-mails: once each across stops; a crash in the middle "
        "of one SMTP exchange may send that one twice, with the same Message-ID."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, help="send at most this many, then stop")
        parser.add_argument("--watch", action="store_true", help="keep polling the queue")

    def handle(self, *args, limit=None, watch=False, **options):
        stopping = []
        for name in ("SIGTERM", "SIGINT"):
            signal.signal(getattr(signal, name), lambda *_: stopping.append(True))
        total = 0
        while True:
            total += send_queued(
                limit=None if limit is None else limit - total, should_stop=lambda: bool(stopping)
            )
            if not watch or stopping or (limit is not None and total >= limit):
                break
            time.sleep(5)
        self.stdout.write(f"{total} e-mails sent.")
