"""Settings come from the environment: production is safe, bad values fail loudly.

Each case runs in a fresh interpreter, because Django reads its settings once per
process and the test process has its own (jemaa/test_environment.py).
"""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# Variables the settings read; every case starts without them.
SETTINGS_VARIABLES = (
    "DEBUG",
    "HTTPS",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "SECURE_HSTS_SECONDS",
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "MEDIA_ROOT",
    "LOG_LEVEL",
    "STATIC_MANIFEST",
)

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: str(getattr(settings, name)) for name in %r}))
"""


def production_env(**overrides):
    """The environment of a production web machine, as docs/deploy.md describes it."""
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "jemaa.settings"
    env["SECRET_KEY"] = secrets.token_urlsafe(64)
    env["ALLOWED_HOSTS"] = "jemaa.example.org"
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def run(args, env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_in(env, *names):
    result = run(["-c", PRINT_SETTINGS % (names,)], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_passes_with_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_turn_https_protections_on():
    values = settings_in(
        production_env(),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SECURE_HSTS_SECONDS",
        "STORAGES",
    )
    storages = values.pop("STORAGES")

    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in storages
    assert values == {
        "DEBUG": "False",
        "SECURE_SSL_REDIRECT": "True",
        "SESSION_COOKIE_SECURE": "True",
        "CSRF_COOKIE_SECURE": "True",
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "SECURE_HSTS_SECONDS": "31536000",
    }


PRINT_COOKIES = """
import json, django
django.setup()
from core.messages import HostCookieStorage
from community.voters import DEVICE_COOKIE
from programme.services import AGENDA_COOKIE
from django.conf import settings
print(json.dumps([settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, AGENDA_COOKIE,
                  DEVICE_COOKIE, HostCookieStorage.cookie_name]))
"""


def test_every_cookie_of_the_site_is_host_only_in_production():
    result = run(["-c", PRINT_COOKIES], production_env())
    assert result.returncode == 0, result.stderr
    names = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(names) == 5 and all(name.startswith("__Host-") for name in names), names
    # And the code sets no cookie but those two of its own.
    import re
    from pathlib import Path

    set_by_code = {
        name
        for path in Path(settings.BASE_DIR).glob("*/**/*.py")
        if not {".venv", "tests", "bench"} & set(path.parts)
        for name in re.findall(r"set(?:_signed)?_cookie\(\s*([^,\s]+)", path.read_text())
    }
    assert set_by_code == {"DEVICE_COOKIE", "AGENDA_COOKIE"}


def test_demo_settings_run_without_secret_key():
    values = settings_in(production_env(DEBUG="1", SECRET_KEY=None, ALLOWED_HOSTS=None), "DEBUG")

    assert values == {"DEBUG": "True"}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("HTTPS", "perhaps"),
        ("DB_CONN_MAX_AGE", "forever"),
        ("EMAIL_PORT", "smtp"),
        ("SECURE_HSTS_SECONDS", "1y"),
    ],
)
def test_settings_bad_value_fails_loudly(variable, value):
    result = run(["-c", "import django; django.setup()"], production_env(**{variable: value}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr
    assert repr(value) in result.stderr


def test_settings_secret_key_missing_in_production_fails_loudly():
    result = run(["-c", "import django; django.setup()"], production_env(SECRET_KEY=None))

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off." in result.stderr
