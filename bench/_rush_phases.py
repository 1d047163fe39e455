"""Where a registration's time goes, for `bench/rush.py`: one visitor after another
through Django's test client, in a subprocess with the server's environment, each
phase of the form page, the POST and the ticket page timed (CPU, wall, queries)."""

import sys
import time
from pathlib import Path

import _common as common
from rush import FORM_PATH, FormFields, filled, first_error, pass_code

HOST, ROOT, manage, say = common.HOST, common.ROOT, common.manage, common.say

# Timed where the code under test looks them up: (module, attribute path, label).
REQUESTS = ("GET form", "POST form", "GET ticket page")
PHASE_TARGETS = (
    ("registration.views.public", "register", "  the view (no middleware)"),
    ("registration.views.public", "ticket", "  the view (no middleware)"),
    ("registration.views.public", "current_edition", "    current_edition()"),
    ("registration.forms", "RegistrationForm.__init__", "    build the form"),
    ("core.ratelimit", "check", "    rate limits (upserts)"),
    ("registration.forms", "RegistrationForm.is_valid", "    validate the form"),
    ("registration.services", "register", "    services.register (transaction + commit)"),
    ("registration.services", "_create", "      INSERT registration, pivots, consent, event"),
    ("registration.emails", "notify", "      e-mail on commit (compose + send)"),
    ("registration.emails", "waiting_position", "        waiting_position() COUNT"),
    ("registration.emails", "_attach_ticket", "        QR PNG + .ics attachments"),
    ("registration.emails", "send_logged", "        EmailBackend.send (file write)"),
    ("registration.views.public", "render_for_edition", "    render the page (templates)"),
    ("registration.views.public", "qr_svg", "      QR code SVG"),
)
WARM_UP = 5  # visitors not counted: first requests compile templates, resolve URLs…


class PhaseClock:
    """Inclusive CPU time (this process), wall time and queries per request and phase."""

    def __init__(self):
        from django.db import connection

        self.connection = connection
        self.request = None
        self.rows = {}  # (request, label) -> [calls, cpu, wall, queries]

    def measure(self, label):
        import contextlib

        from django.test.utils import CaptureQueriesContext

        @contextlib.contextmanager
        def timing():
            queries = CaptureQueriesContext(self.connection)
            cpu, wall = time.process_time(), time.perf_counter()
            with queries:
                yield
            row = self.rows.setdefault((self.request, label), [0, 0.0, 0.0, 0])
            row[0] += 1
            row[1] += time.process_time() - cpu
            row[2] += time.perf_counter() - wall
            row[3] += len(queries)

        return timing()

    def wrap(self, owner, attribute, label):
        import functools

        original = getattr(owner, attribute)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            with self.measure(label):
                return original(*args, **kwargs)

        setattr(owner, attribute, timed)

    def table(self, visitors):
        lines = [f"{'per visitor':<54} {'calls':>5} {'cpu ms':>7} {'wall ms':>8} {'queries':>7}"]
        labels = dict.fromkeys(label for _module, _path, label in PHASE_TARGETS)
        for request in REQUESTS:
            for label in (request, *labels):
                row = self.rows.get((request, label))
                if row:
                    calls, cpu, wall, queries = row
                    lines.append(
                        f"{label:<54} {calls / visitors:>5.1f} {cpu / visitors * 1000:>7.1f} "
                        f"{wall / visitors * 1000:>8.1f} {queries / visitors:>7.1f}"
                    )
        return "\n".join(lines)


def phases_in_process(visitors: int) -> None:
    """Run in a subprocess with the server's environment: Django's test client plays
    visitors one after another against the bench database, CSRF enforced."""
    import importlib

    import django

    sys.path.insert(0, str(ROOT))  # the project, for django.setup()
    django.setup()
    from django.test import Client

    clock = PhaseClock()
    for module_name, path, label in PHASE_TARGETS:
        owner = importlib.import_module(module_name)
        *owners, attribute = path.split(".")
        for name in owners:
            owner = getattr(owner, name)
        clock.wrap(owner, attribute, label)
    # One client (a new one loads the middleware again, which gunicorn does once per
    # worker), its cookies dropped between visitors: each is a new browser.
    client = Client(enforce_csrf_checks=True, HTTP_HOST=HOST)
    for n in range(WARM_UP + visitors):
        if n == WARM_UP:
            clock.rows.clear()
        client.cookies.clear()
        clock.request = REQUESTS[0]
        with clock.measure(REQUESTS[0]):
            page = client.get(FORM_PATH)
        form = FormFields()
        form.feed(page.content.decode())
        clock.request = REQUESTS[1]
        with clock.measure(REQUESTS[1]):
            posted = client.post(FORM_PATH, filled(form, 900_000 + n))
        assert posted.status_code == 303, (posted.status_code, first_error(posted.content))
        clock.request = REQUESTS[2]
        with clock.measure(REQUESTS[2]):
            ticket = client.get(posted["Location"])
        assert ticket.status_code == 200
    print(clock.table(visitors))


def phase_report(env, visitors: int) -> None:
    """The per-phase table for `visitors` sequential visitors, on a pass of their own."""
    manage(env, "shell", "-v", "0", "-c", pass_code((WARM_UP + visitors) // 2))
    phase_env = {**env, "ALLOWED_HOSTS": HOST}
    result = common.subprocess.run(
        [
            common.PYTHON,
            str(Path(__file__).resolve().parent / "rush.py"),
            "--phases-in-process",
            str(visitors),
        ],
        cwd=ROOT,
        env=phase_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"phase timing failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    say(
        f"\n----- where the time goes: {visitors} visitors one after another, in process "
        "(Django test client, CSRF enforced; half confirmed, half waitlisted)"
    )
    say("cpu = this Python process only (PostgreSQL's own work is in wall); times inclusive;")
    say("a view's time is inside its request's, a phase's inside the one above it")
    say(result.stdout.rstrip())
