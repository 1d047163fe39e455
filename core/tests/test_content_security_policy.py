"""The strict Content-Security-Policy holds everywhere: no template carries inline
script, an event handler or a `javascript:` link (the policy would block them and
the page would break), and every kind of page is served with the policy.

The browser audit (test_accessibility) loads the public pages in Chromium and fails
on any violation the browser reports; these tests cover every template, staff and
e-mail ones included, without a browser."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path for path in ROOT.glob("*/templates/**/*.html") if not path.is_relative_to(ROOT / ".venv")
)
# E-mails are read in mail clients, where a style attribute is the only styling
# that survives; they never run script either.
PAGES = [path for path in TEMPLATES if "/email/" not in path.as_posix()]

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
SCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
# A <style> element is allowed only with the per-response nonce.
STYLE_ELEMENT = re.compile(r"<style(?![^>]*nonce=)[^>]*>", re.IGNORECASE)


def test_the_project_has_templates_to_check():
    assert len(PAGES) > 100


@pytest.mark.parametrize(
    "pattern",
    [INLINE_SCRIPT, EVENT_HANDLER, SCRIPT_URL],
    ids=["inline script", "event handler", "javascript: URL"],
)
def test_no_template_holds_script_the_policy_would_block(pattern):
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)[:80]}"
        for path in TEMPLATES
        for match in pattern.finditer(path.read_text())
    ]
    assert not found


@pytest.mark.parametrize(
    "pattern",
    [STYLE_ATTRIBUTE, STYLE_ELEMENT],
    ids=["style attribute", "style element without nonce"],
)
def test_no_page_template_holds_style_the_policy_would_block(pattern):
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)[:80]}"
        for path in PAGES
        for match in pattern.finditer(path.read_text())
    ]
    assert not found


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize(
    "path",
    [
        "/fr/programme/",
        "/ar/register/",
        "/en/activities/",
        "/fr/ideas/",
        "/fr/account/sign-in/",
        "/fr/privacy/",
        "/fr/admin/login/",
        "/api/openapi.json",
        "/fr/no-such-page/",
    ],
)
def test_every_kind_of_page_is_served_with_the_strict_policy(client, edition, path):
    response = client.get(path)
    assert response.status_code == (404 if "no-such" in path else 200)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_style_nonces_differ_from_response_to_response(client, edition):
    nonces = {directives(client.get("/fr/programme/"))["style-src"][-1] for _ in range(3)}
    assert len(nonces) == 3
