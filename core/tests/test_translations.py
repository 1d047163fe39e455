"""Every interface string is translated in French, Arabic and English.

The catalogues are regenerated from the source in a copy of the project (so a
string added without its translations is caught even if nobody ran
makemessages), then checked with GNU msgfmt.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP = shutil.ignore_patterns(".venv", "var", "node_modules", ".git", "__pycache__", "*.mo")


@pytest.fixture(scope="module")
def regenerated_catalogues(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("project") / "jemaa"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "-l",
            "ar",
            "-l",
            "en",
            "--no-obsolete",
            "--ignore=node_modules",
            "--ignore=var",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "1", "HTTPS": "off"},
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_catalogue_is_complete(regenerated_catalogues, language):
    po = regenerated_catalogues / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_arabic_has_six_plural_forms():
    header = (ROOT / "locale/ar/LC_MESSAGES/django.po").read_text()
    assert "nplurals=6;" in header
