"""Helpers shared by the benchmarks in bench/: a project to serve, a server, a load.

Everything runs on 127.0.0.1; every wait and every loop is bounded in time and
count; only the processes started here are stopped, by their pid.
"""

import contextlib
import gzip
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# What /proc says of processes: imported as bench._proc, or beside a script run from bench/.
if __package__ == "bench":
    from bench._proc import (  # noqa: F401 — the benches take these from _common
        CpuShare,
        RssSampler,
        children,
        machine_busy_seconds,
        memory_kb,
        process_cpu_seconds,
        start_time,
    )
else:
    from _proc import (  # noqa: F401
        CpuShare,
        RssSampler,
        children,
        machine_busy_seconds,
        memory_kb,
        process_cpu_seconds,
        start_time,
    )

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn")
WORK_DIR = ROOT / "var" / "bench"
HOST = "127.0.0.1"
PG_ADMIN = {"host": HOST, "port": 5432, "user": "postgres", "dbname": "postgres"}

# Settings variables a caller's shell may have set; a benchmark decides them all.
SETTINGS_VARIABLES = (
    "DEBUG",
    "HTTPS",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "SECURE_HSTS_SECONDS",
    "LOG_LEVEL",
    "STATIC_MANIFEST",
)


def say(*parts):
    print(*parts, flush=True)


# --- the project under test -------------------------------------------------


def production_env(database_url, **extra):
    """Production settings on plain loopback HTTP: DEBUG off, HTTPS off."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="jemaa.settings",
        DEBUG="0",
        HTTPS="off",
        SECRET_KEY="bench-" + secrets.token_urlsafe(48),
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env, *args, timeout=300):
    """Run `manage.py <args>`; raise with its output if it fails."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return result.stdout


def prepare_database(env, *, demo=True):
    """Migrate, load the demo edition, collect static files; return seconds taken."""
    started = time.monotonic()
    manage(env, "migrate", "--no-input", "-v", "0")
    if demo:
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    return time.monotonic() - started


def sqlite_database(name):
    """A fresh SQLite file under var/bench/, removed with its WAL files."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    path = WORK_DIR / f"{name}.sqlite3"
    for leftover in WORK_DIR.glob(f"{name}.sqlite3*"):
        leftover.unlink()
    return f"sqlite:///{path}"


def postgres_reachable():
    with contextlib.suppress(OSError), socket.create_connection((HOST, 5432), timeout=2):
        return True
    return False


@contextlib.contextmanager
def postgres_database(name):
    """A fresh PostgreSQL database `name` (dropped first if left over), dropped on exit."""
    import psycopg  # only needed when PostgreSQL is measured

    def admin(sql):
        with psycopg.connect(**PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://postgres@{HOST}:5432/{name}"
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- gunicorn ---------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Gunicorn:
    """`gunicorn jemaa.wsgi` with a few workers on a free loopback port.

    with Gunicorn(env, workers=2) as server: server.port, server.worker_pids()
    """

    def __init__(
        self, env, *, workers=2, name="bench", ready_path="/", ready_timeout=30, port=None
    ):
        self.env = env
        self.workers = workers
        # A given port: a server started again after a crash, where clients still knock.
        self.port = port or free_port()
        self.ready_path = ready_path
        self.ready_timeout = ready_timeout
        WORK_DIR.mkdir(parents=True, exist_ok=True)
        self.log_path = WORK_DIR / f"gunicorn-{name}.log"
        self.process = None
        self.seen_workers = {}  # pid -> start time, to recognise our own workers

    def __enter__(self):
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self._log = log
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "jemaa.wsgi",
                "-w",
                str(self.workers),
                "-b",
                f"{HOST}:{self.port}",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def _wait_ready(self):
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited ({self.process.returncode}): {self.log_tail()}"
                )
            with contextlib.suppress(OSError, http.client.HTTPException):
                fetch(self.port, self.ready_path, timeout=5)
                if len(self.worker_pids()) >= self.workers:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready in {self.ready_timeout}s: {self.log_tail()}")

    def worker_pids(self):
        """The master's live children: its workers."""
        pids = children(self.process.pid)
        for pid in pids:
            self.seen_workers.setdefault(pid, start_time(pid))
        return pids

    def kill_worker(self):
        """SIGKILL one worker (the master forks a new one); return its pid, or None."""
        pids = self.worker_pids()
        if not pids:
            return None
        os.kill(pids[0], signal.SIGKILL)
        return pids[0]

    def crash(self):
        """SIGKILL the master, then each of its workers at once, as a machine losing
        power would; return the pids killed. stop() afterwards only closes the log."""
        if self.process is None or self.process.poll() is not None:
            return []
        workers = self.worker_pids()
        self.process.kill()
        self.process.wait(timeout=10)
        for pid in workers:  # orphans now: still ours while their start time matches
            if start_time(pid) == self.seen_workers.get(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        return [self.process.pid, *workers]

    def log_tail(self, chars=3000):
        with contextlib.suppress(OSError):
            return self.log_path.read_text(errors="replace")[-chars:]
        return ""

    def stop(self):
        """SIGTERM to the master (it stops its workers), wait; SIGKILL only what remains."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.worker_pids()
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        # Normally the workers are gone with the master; never leave one behind.
        # A pid counts as ours only while its start time is the one we recorded.
        for pid, started in self.seen_workers.items():
            if started is not None and start_time(pid) == started:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self._log.close()
        self.process = None


# --- HTTP -------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes  # as transferred
    content: bytes  # decoded

    @property
    def compressed(self):
        return self.headers.get("content-encoding", "") in ("gzip", "br", "deflate")


def fetch(port, path, *, headers=None, timeout=10, conn=None):
    """GET `path` from 127.0.0.1:`port` and read it whole."""
    own = conn is None
    conn = conn or http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        raw = conn.getresponse()
        body = raw.read()
        got = {k.lower(): v for k, v in raw.getheaders()}
        return Response(raw.status, got, body, decode(body, got.get("content-encoding", "")))
    finally:
        if own:
            conn.close()


def decode(body, encoding):
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    return body


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6, mtime=0))


# --- load -------------------------------------------------------------------


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list = field(default_factory=list)  # seconds, successful requests
    errors: list = field(default_factory=list)  # short descriptions

    @property
    def requests(self):
        return len(self.latencies) + len(self.errors)

    @property
    def rps(self):
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def ms(self, q):
        return percentile(self.latencies, q) * 1000

    def line(self):
        return (
            f"clients={self.clients} requests={self.requests} errors={len(self.errors)} "
            f"seconds={self.seconds:.1f} rps={self.rps:.1f} "
            f"p50_ms={self.ms(50):.1f} p90_ms={self.ms(90):.1f} p99_ms={self.ms(99):.1f} "
            f"max_ms={self.ms(100):.1f}"
        )


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of `values`; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n * q / 100), at least 1
    return ordered[min(int(rank), len(ordered)) - 1]


def load(port, path, *, clients, seconds, max_requests, headers=None, expect=200):
    """`clients` threads GET `path` back to back until `seconds` pass or
    `max_requests` are sent, whichever comes first."""
    result = LoadResult(clients=clients, seconds=0.0)
    lock = threading.Lock()
    sent = [0]
    deadline = time.monotonic() + seconds

    def take_ticket():
        with lock:
            if sent[0] >= max_requests or time.monotonic() >= deadline:
                return False
            sent[0] += 1
            return True

    def client():
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        try:
            while take_ticket():
                started = time.perf_counter()
                try:
                    response = fetch(port, path, headers=headers, conn=conn)
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    with lock:
                        result.errors.append(type(exc).__name__)
                    continue
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status == expect:
                        result.latencies.append(elapsed)
                    else:
                        result.errors.append(f"HTTP {response.status}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    result.seconds = time.monotonic() - started
    return result


def summary(name, **keys):
    """The one comparable line a benchmark ends with."""
    return f"bench {name}: " + " ".join(f"{k}={v}" for k, v in keys.items())


def crowd(work, *, count, clients, seconds):
    """`clients` threads call `work(n)` for n = 1, 2, … back to back until `count`
    calls are made or `seconds` pass; returns (the results, seconds taken)."""
    results, lock, taken = [], threading.Lock(), [0]
    deadline = time.monotonic() + seconds

    def take():
        with lock:
            if taken[0] >= count or time.monotonic() >= deadline:
                return None
            taken[0] += 1
            return taken[0]

    def client():
        while (n := take()) is not None:
            done = work(n)
            with lock:
                results.append(done)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, deadline - time.monotonic()) + 90)
    return results, time.monotonic() - started


def query(database_url, sql, params=()):
    """Rows of one SQL query on a bench database (read afterwards, outside the app)."""
    import psycopg  # only needed when PostgreSQL is measured

    with psycopg.connect(database_url, connect_timeout=5) as conn:
        return conn.execute(sql, params).fetchall()
