"""Shared pieces of the browser tests: Debian's Chromium through Playwright, a live server.

The root conftest.py loads this module as a pytest plugin, so a test names
`browser` and `live_server` as arguments (never imports them) and marks itself
`@pytest.mark.browser`. Without Chromium the tests fail rather than skip: CI
must know the browser suite did not run.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Long enough for a slow CI machine, short enough that a broken page fails fast.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    """pytest-django's live server, listening on 127.0.0.1 only, on a free port.

    Same name as pytest-django's fixture, so its helper still gives each test
    `transactional_db`: the data a test writes is committed, and the server's
    threads (their own connections to the same SQLite file or PostgreSQL
    database) see it.
    """
    server = LiveServer("127.0.0.1:0")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); "
            "the browser tests cannot run without it.",
            pytrace=False,
        )
    with _orm_allowed_beside_playwright(), sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def _orm_allowed_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an asyncio loop running in the test thread, so
    Django takes the test's own ORM calls (factories, assertions) for calls made
    from async code and raises SynchronousOnlyOperation. No coroutine of ours
    shares a database connection here: the check is switched off while
    Playwright runs, and only then."""
    name = "DJANGO_ALLOW_ASYNC_UNSAFE"
    previous = os.environ.get(name)
    os.environ[name] = "true"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def new_context(browser: Browser, **options) -> BrowserContext:
    """A fresh visitor (no cookies), French by default, failing fast."""
    options.setdefault("locale", "fr-FR")
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root.", pytrace=False)
    return AXE.read_text(encoding="utf-8")
