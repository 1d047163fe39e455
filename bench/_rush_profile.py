"""gunicorn hooks that profile each worker for `bench/rush.py --profile`, loaded as
gunicorn's config (`--config python:bench._rush_profile`), and the report of the
profiles they write."""

import os
from pathlib import Path


def post_fork(server, worker):
    """Profile the worker's main thread (sync workers serve requests there)."""
    import cProfile

    worker.profiler = cProfile.Profile()
    worker.profiler.enable()


def worker_exit(server, worker):
    profiler = getattr(worker, "profiler", None)
    if profiler is not None:
        profiler.disable()
        target = Path(os.environ["JEMAA_BENCH_PROFILE_DIR"])
        target.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(target / f"worker-{os.getpid()}.prof"))


def show_profiles(profile_dir: Path, say=print):
    """The workers' profiles together, by cumulative then by own time."""
    import pstats

    files = sorted(str(p) for p in profile_dir.glob("*.prof"))
    if not files:
        say("no profiles written")
        return
    stats = pstats.Stats(*files)
    say(f"\n===== cProfile of {len(files)} worker(s), by cumulative time")
    stats.sort_stats("cumulative").print_stats(45)
    say("\n===== by own time")
    stats.sort_stats("tottime").print_stats(30)
