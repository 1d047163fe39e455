"""Backups of the whole database, and restoring one.

SQLite: the online backup API copies the database page by page while others keep
writing; the copy is one consistent moment. PostgreSQL: pg_dump in its custom
format, also one consistent snapshot (a single transaction), restored with
pg_restore. Both run beside a live server: nobody has to stop.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

PAGES_PER_STEP = 256  # SQLite copies in steps, so writers are never held for long


def _settings(alias="default") -> dict:
    return connections[alias].settings_dict


def _pg_env(config: dict) -> dict:
    env = {
        **os.environ,
        "PGHOST": config.get("HOST") or "127.0.0.1",
        "PGPORT": str(config.get("PORT") or 5432),
        "PGUSER": config.get("USER") or "postgres",
    }
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = config["PASSWORD"]
    return env


def _sqlite_copy(source: str, target: str) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=PAGES_PER_STEP)
    src.close()
    dst.close()


def backup(path: Path, alias="default") -> Path:
    """Write a consistent copy of the database to `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    config = _settings(alias)
    if connections[alias].vendor == "sqlite":
        path.unlink(missing_ok=True)
        _sqlite_copy(str(config["NAME"]), str(path))
    else:
        # The operator's own PostgreSQL client from PATH; the arguments come from settings.
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={path}",
                config["NAME"],
            ],
            env=_pg_env(config),
            check=True,
            capture_output=True,
            timeout=3600,
        )
    return path


def restore(path: Path, *, into: str | None = None, alias="default") -> None:
    """Replace the database (or the database named `into`) by the backup at `path`."""
    config = _settings(alias)
    connections[alias].close()
    if connections[alias].vendor == "sqlite":
        _sqlite_copy(str(path), into or str(config["NAME"]))
    else:
        # The operator's own PostgreSQL client from PATH; the arguments come from settings
        # and the operator's command line.
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={into or config['NAME']}",
                str(path),
            ],
            env=_pg_env(config),
            check=True,
            capture_output=True,
            timeout=3600,
        )
