"""What /proc says about the benchmarks' processes: parents, children and start
times (to find gunicorn's workers), memory (peak RSS of the workers), and CPU
seconds of the machine and of processes (how much of the machine a run had)."""

import contextlib
import os
import threading
import time
from pathlib import Path


def _stat_fields(pid):
    """Fields of /proc/<pid>/stat after the command name (field 3 onwards), or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces: split after the last ')'.
    return stat.rsplit(")", 1)[1].split()


def parent_of(pid):
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def start_time(pid):
    fields = _stat_fields(pid)
    return int(fields[19]) if fields else None


def children(pid):
    """Pids whose parent is `pid` (from /proc)."""
    return sorted(
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and parent_of(int(entry.name)) == pid
    )


def memory_kb(pid):
    """{'VmRSS': kB, 'VmHWM': kB} of a process, empty if it is gone."""
    values = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


class RssSampler:
    """Polls the workers' VmRSS/VmHWM in a thread; `.peak_mb` is the largest seen."""

    def __init__(self, server, interval=0.25):
        self.server = server
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self):
        for pid in self.server.worker_pids():
            memory = memory_kb(pid)
            self.peak_kb = max(self.peak_kb, memory.get("VmHWM", 0), memory.get("VmRSS", 0))

    def _run(self):
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self):
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample()

    @property
    def peak_mb(self):
        return self.peak_kb / 1024


CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds():
    """CPU seconds the whole machine has been busy (all cores, all users), from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / CLOCK_TICK  # minus idle and iowait


def process_cpu_seconds(pid):
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICK if fields else 0.0


class CpuShare:
    """CPU seconds over a block: the machine, the server's workers, this process (the
    clients) and the rest (PostgreSQL, and whatever else runs on a shared machine).

    with CpuShare(server) as cpu: ...; say(cpu.line())"""

    def __init__(self, server):
        self.server = server

    def _now(self):
        workers = sum(process_cpu_seconds(pid) for pid in self.server.worker_pids())
        times = os.times()
        return time.monotonic(), machine_busy_seconds(), workers, times.user + times.system

    def __enter__(self):
        self.start = self._now()
        return self

    def __exit__(self, *exc):
        self.end = self._now()

    def line(self):
        wall, machine, workers, clients = (b - a for a, b in zip(self.start, self.end, strict=True))
        cores = os.cpu_count() or 1
        return (
            f"CPU s: machine busy {machine:.1f} of {cores * wall:.1f} available, "
            f"workers {workers:.1f}, clients {clients:.1f}, "
            f"rest (PostgreSQL, other jobs) {machine - workers - clients:.1f}"
        )
