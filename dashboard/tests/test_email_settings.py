"""EMAIL_URL (jemaa/settings.py): one variable for the mail relay the mailings and every
other e-mail go through; a wrong value stops the start-up with a clear message."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from jemaa.settings import BASE_DIR, email_url

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_an_smtp_url_with_starttls_gives_every_setting():
    assert email_url(
        "smtp://jemaa%40example.org:p%40ss%2Fw0rd@Mail.example.org/?tls=1&timeout=10"
    ) == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "jemaa@example.org",
        "EMAIL_HOST_PASSWORD": "p@ss/w0rd",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


@pytest.mark.parametrize(
    ("url", "port", "tls", "ssl"),
    [
        ("smtp://relay", 25, False, False),
        ("smtp://relay:2525", 2525, False, False),
        ("smtps://relay", 465, False, True),
        ("smtp://relay?tls=off", 25, False, False),
    ],
)
def test_smtp_ports_and_encryption(url, port, tls, ssl):
    found = email_url(url)
    assert (found["EMAIL_PORT"], found["EMAIL_USE_TLS"], found["EMAIL_USE_SSL"]) == (port, tls, ssl)
    assert found["EMAIL_HOST_USER"] == found["EMAIL_HOST_PASSWORD"] == ""


def test_local_backends_for_rehearsals():
    assert email_url("console:")["EMAIL_BACKEND"].endswith(".console.EmailBackend")
    assert email_url("file:///var/spool/jemaa")["EMAIL_FILE_PATH"] == "/var/spool/jemaa"
    assert email_url("locmem:")["EMAIL_BACKEND"].endswith(".locmem.EmailBackend")


@pytest.mark.parametrize(
    "url",
    [
        "mail.example.org",
        "http://mail.example.org",
        "smtp://",
        "smtp://relay:port",
        "smtp://relay:99999",
        "smtps://relay?tls=1",
        "smtp://relay?tls=perhaps",
        "smtp://relay?timeout=soon",
        "smtp://relay?ssl=1",
        "file://relative/folder",
        "smtp://[::1",
    ],
)
def test_a_wrong_url_fails_loudly(url):
    with pytest.raises(ImproperlyConfigured):
        email_url(url)


@given(st.text(max_size=80))
def test_any_value_is_read_or_refused_with_a_message(raw):
    try:
        found = email_url(raw)
    except ImproperlyConfigured as refused:
        assert str(refused)
    else:
        assert found["EMAIL_BACKEND"].startswith("django.core.mail.backends.")


def test_the_settings_read_email_url_from_the_environment():
    env = {
        **os.environ,
        "EMAIL_URL": "smtps://jemaa:secret@smtp.example.org",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "jemaa.example.org",
        "DEBUG": "0",
        "EMAIL_HOST": "ignored.example.org",
    }
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from jemaa import settings as s; "
            "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_SSL, "
            "s.EMAIL_HOST_USER)",
        ],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert printed == [SMTP, "smtp.example.org", "465", "True", "jemaa"]
