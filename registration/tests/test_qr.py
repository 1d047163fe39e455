"""Ticket secrets and their QR codes: long, random, unrelated to ids, and the code
carries the secret and nothing else, as a real decoder (Debian's zbar) reads it."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timedelta
from os.path import commonprefix
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from freezegun import freeze_time

from registration import services
from registration.models import PassType, Registration, new_ticket_secret
from registration.qr import qr_png, qr_svg
from registration.services import Attendee

URLSAFE = re.compile(r"^[A-Za-z0-9_-]+$")
# secrets.token_urlsafe(32): 32 random bytes, 43 base64url characters (6 bits each).
SECRET_LENGTH = 43
SVG = "{http://www.w3.org/2000/svg}"
ZBARIMG = shutil.which("zbarimg")


@pytest.fixture
def pass_type(edition):
    return PassType.objects.create(
        edition=edition,
        slug="pro",
        kind=PassType.Kind.PROFESSIONAL,
        name_fr="Professionnel",
        capacity=500,
        opens_at=datetime(2022, 1, 1, tzinfo=ZoneInfo("Africa/Casablanca")),
        closes_at=timezone.now() + timedelta(days=30),
    )


def register(pass_type, n, **answers):
    attendee = Attendee(
        first_name=answers.pop("first_name", f"Prénom{n}"),
        last_name=answers.pop("last_name", f"Nom{n}"),
        email=answers.pop("email", f"person{n}@example.org"),
        language="fr",
        **answers,
    )
    return services.register(pass_type, attendee=attendee)[0]


def decode(png: bytes, tmp_path) -> list[str]:
    """Every symbol zbar finds in the image, as raw text. No zbar is a failure, not a
    skip: a decoder that never runs proves nothing (.ci/run installs zbar-tools)."""
    assert ZBARIMG, "zbarimg is missing: apt-get install zbar-tools"
    image = tmp_path / "ticket.png"
    image.write_bytes(png)
    result = subprocess.run(  # noqa: S603 - a fixed binary and our own file
        [ZBARIMG, "--raw", "-q", str(image)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().splitlines()


# --- the secret -----------------------------------------------------------------------------


def test_secret_has_at_least_128_bits(pass_type):
    secret = register(pass_type, 1).secret

    assert len(secret) == SECRET_LENGTH
    assert URLSAFE.match(secret)
    assert len(secret) * 6 >= 256 > 128


def test_secrets_are_not_derived_from_ids(pass_type):
    registrations = [register(pass_type, n) for n in range(60)]
    secrets_ = [registration.secret for registration in registrations]

    assert len(set(secrets_)) == len(secrets_)
    # Consecutive registrations' secrets are unrelated: no shared prefix or suffix
    # (a chance one of 4 characters is 1 in 64⁴ per pair).
    for earlier, later in zip(secrets_, secrets_[1:], strict=False):
        assert len(commonprefix([earlier, later])) < 4
        assert len(commonprefix([earlier[::-1], later[::-1]])) < 4
    # Every position takes many values across registrations: none is fixed or counts up.
    for position in range(SECRET_LENGTH - 1):  # the last character carries only 4 bits
        assert len(Counter(secret[position] for secret in secrets_)) >= 20


@freeze_time("2022-05-01 09:00:00+00:00")
def test_same_id_same_person_same_moment_gives_another_secret(pass_type):
    """Nothing about the row decides the secret: recreate the very same row (same
    id, same data, same clock) and the secret is new; it never contains the id."""
    fields = {
        "pk": 987654321,
        "edition": pass_type.edition,
        "pass_type": pass_type,
        "status": Registration.Status.CONFIRMED,
        "first_name": "Karim",
        "last_name": "Berrada",
        "email": "karim@example.org",
    }
    first = Registration.objects.create(**fields).secret
    Registration.objects.filter(pk=987654321).delete()
    second = Registration.objects.create(**fields).secret

    assert first != second
    assert len(commonprefix([first, second])) < 4
    for secret in (first, second):
        assert "987654321" not in secret
        assert "karim" not in secret.lower()


def test_secret_factory_gives_fresh_randomness_each_time():
    drawn = {new_ticket_secret() for _ in range(1000)}

    assert len(drawn) == 1000
    characters = Counter("".join(drawn))
    assert len(characters) == 64  # the whole base64url alphabet shows up


def test_transfer_draws_a_new_unrelated_secret(pass_type):
    registration = register(pass_type, 1)
    before = registration.secret

    after = services.transfer(
        registration, first_name="Ali", last_name="Tazi", email="ali@example.org", language="fr"
    ).secret

    assert after != before and len(after) == SECRET_LENGTH
    assert len(commonprefix([before, after])) < 4


# --- the QR code ------------------------------------------------------------------------------


def test_qr_png_decodes_to_exactly_the_secret(pass_type, tmp_path):
    registration = register(
        pass_type,
        1,
        first_name="Fatima Zahra",
        last_name="El Amrani",
        email="fz.elamrani@example.org",
        organisation="Commune de Casablanca",
    )

    symbols = decode(qr_png(registration.secret), tmp_path)

    assert symbols == [registration.secret]


def test_qr_png_carries_no_personal_data(pass_type, tmp_path):
    registration = register(
        pass_type,
        1,
        first_name="يوسف",
        last_name="بنعلي",
        email="youssef@example.org",
        phone="+212600000000",
    )
    png = qr_png(registration.secret)

    (decoded,) = decode(png, tmp_path)

    assert decoded == registration.secret
    for personal in ("يوسف", "بنعلي", "youssef", "example.org", "+212600000000", "Prof"):
        assert personal not in decoded
        assert personal.encode() not in png


@pytest.mark.parametrize("scale", [3, 8])
def test_qr_png_decodes_at_print_and_screen_sizes(tmp_path, scale):
    secret = new_ticket_secret()

    assert decode(qr_png(secret, scale=scale), tmp_path) == [secret]


def test_qr_svg_is_valid_xml_with_only_the_code(pass_type):
    registration = register(pass_type, 1, first_name="Salma", last_name="Bennani")

    svg = qr_svg(registration.secret)

    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert not svg.startswith("<?xml")  # inline in HTML pages and badges
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0
    assert root.find(f"{SVG}path") is not None
    for personal in ("Salma", "Bennani", "person1", registration.secret):
        assert personal not in svg


def test_qr_svg_draws_the_same_code_as_the_png(tmp_path):
    """The SVG's module path, rasterised by hand, decodes to the secret as well."""
    from PIL import Image, ImageDraw

    secret = new_ticket_secret()
    root = ET.fromstring(qr_svg(secret, scale=1))
    size = int(float(root.get("width")))
    path = root.find(f"{SVG}path").get("d")
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    # segno writes the dark modules as horizontal strokes: "M x y h n" (and relative "m").
    for command, a, b in re.findall(r"([MmHhVv])\s*(-?[\d.]+)(?:[ ,]+(-?[\d.]+))?", path):
        if command in "Mm":
            x, y = (float(a), float(b)) if command == "M" else (x + float(a), y + float(b))
        elif command in "Hh":
            end = float(a) if command == "H" else x + float(a)
            draw.rectangle([min(x, end), y - 0.5, max(x, end) - 1, y - 0.5], fill=0)
            x = end
    image = image.resize((size * 8, size * 8), Image.NEAREST)
    target = tmp_path / "from-svg.png"
    image.save(target)

    assert decode(target.read_bytes(), tmp_path) == [secret]
