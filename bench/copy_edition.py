"""Benchmark: preparing the next edition from the demo edition (`copy_edition`).

In a fresh SQLite file under var/bench/: migrate and load the demo, then time
`editions.copying.copy_edition` on the 2022 edition, sessions included (the
largest copy), inside a process that has already started Django, so the figure
is the copy's own. Budget (DESIGN.md): under 5 s. Ends with one line:
  bench copy_edition: seconds= objects=
(exits 1 when over budget)

Run: .venv/bin/python bench/copy_edition.py
"""

import json
import sys

from _common import manage, production_env, say, sqlite_database, summary

BUDGET_SECONDS = 5.0
SOURCE = "scc-2022"

# Run by `manage.py shell -c`: one copy, timed, reported as JSON on the last line.
TIMED_COPY = f"""
import json, time
from editions.copying import copy_edition
from editions.models import Edition
source = Edition.objects.get(slug={SOURCE!r})
started = time.perf_counter()
result = copy_edition(source, slug="bench-next", start="2027-05-25", with_sessions=True)
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "objects": result.objects}}))
"""


def main():
    env = production_env(sqlite_database("copy_edition"))
    say("migrating and loading the demo…")
    manage(env, "migrate", "--no-input", "-v", "0", timeout=300)
    manage(env, "load_demo", timeout=300)
    say(f"copying {SOURCE} with its sessions…")
    output = manage(env, "shell", "-c", TIMED_COPY, timeout=120)
    measured = json.loads(output.strip().splitlines()[-1])
    seconds, objects = measured["seconds"], measured["objects"]
    say(f"{objects} objects in {seconds:.2f} s (budget {BUDGET_SECONDS:.0f} s)")
    say("")
    say(summary("copy_edition", seconds=f"{seconds:.3f}", objects=objects))
    return 0 if seconds < BUDGET_SECONDS else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:  # a step of the set-up failed: say which, plainly
        sys.exit(f"bench copy_edition: FAILED: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
