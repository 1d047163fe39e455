"""Uploaded logos: judged by their bytes, refused with a clear message, re-encoded."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core import logos

pytestmark = pytest.mark.usefixtures("in_english")


def picture(fmt: str, size=(640, 320), mode="RGB", colour=(200, 30, 30), **save) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, colour).save(output, fmt, **save)
    return output.getvalue()


def upload(data: bytes, name="logo.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def reopened(content) -> Image.Image:
    content.seek(0)
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


def refusal(data: bytes, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        logos.clean_logo(upload(data, **kwargs))
    return refused.value


@pytest.mark.parametrize(
    ("fmt", "mode", "colour"),
    [
        ("PNG", "RGBA", (10, 120, 60, 128)),
        ("JPEG", "RGB", (200, 30, 30)),
        ("WEBP", "RGB", (0, 0, 255)),
    ],
)
def test_png_jpeg_and_webp_are_re_encoded_square_and_at_most_400_pixels(fmt, mode, colour):
    cleaned = logos.clean_logo(upload(picture(fmt, (1200, 600), mode, colour)))
    image = reopened(cleaned)
    assert image.format in ("PNG", "WEBP")
    assert image.size == (400, 400)  # 1200 × 600 → 400 × 200, centred on a square
    assert image.getpixel((200, 10))[3] == 0  # the padding is transparent
    assert image.getpixel((200, 200))[3] > 0


def test_small_logo_is_not_enlarged():
    image = reopened(logos.clean_logo(upload(picture("PNG", (120, 90)))))
    assert image.size == (120, 120)


def test_file_name_is_random_and_not_the_uploaded_one():
    first = logos.clean_logo(upload(picture("PNG"), name="../../etc/passwd.png"))
    second = logos.clean_logo(upload(picture("PNG"), name="../../etc/passwd.png"))
    assert first.name != second.name
    assert "passwd" not in first.name and "/" not in first.name
    assert first.name.endswith((".webp", ".png"))


def test_metadata_and_appended_bytes_are_stripped():
    exif = Image.Exif()
    exif[0x010E] = "secret GPS note"  # ImageDescription
    data = picture("JPEG", exif=exif.tobytes()) + b"<?php system($_GET['x']); ?>"
    cleaned = logos.clean_logo(upload(data, name="logo.jpg", content_type="image/jpeg"))
    cleaned.seek(0)
    raw = cleaned.read()
    assert b"secret GPS note" not in raw
    assert b"<?php" not in raw
    assert not reopened(cleaned).getexif()


def test_type_is_judged_by_the_bytes_not_the_name_or_content_type():
    cleaned = logos.clean_logo(upload(picture("PNG"), name="logo.txt", content_type="text/plain"))
    assert reopened(cleaned).size == (400, 400)


def test_gif_is_refused_with_a_clear_message():
    refused = refusal(picture("GIF", mode="P", colour=1), name="logo.png", content_type="image/png")
    assert refused.code == "not_an_image"
    assert "PNG, JPEG or WebP" in refused.messages[0]


def test_text_file_named_png_is_refused():
    refused = refusal(b"<svg onload=alert(1)>not an image</svg>", name="logo.png")
    assert refused.code == "not_an_image"


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'
    assert refusal(svg, name="logo.svg", content_type="image/svg+xml").code == "not_an_image"


def test_file_over_two_megabytes_is_refused_before_decoding():
    data = picture("PNG") + b"\0" * (2 * 1024 * 1024)
    refused = refusal(data)
    assert refused.code == "too_heavy"
    assert "2 MB" in refused.messages[0]


def test_image_over_8_million_pixels_is_refused():
    refused = refusal(picture("PNG", (4001, 2100), mode="L", colour=0))
    assert refused.code == "too_large"
    assert "8 million pixels" in refused.messages[0]


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = zlib.compress(b"\0" * 1000, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(("width", "height"), [(60000, 60000), (20000, 20000), (4000, 4001)])
def test_decompression_bomb_is_refused_from_its_header(width, height):
    data = png_claiming(width, height)
    assert len(data) < 2000
    refused = refusal(data)
    assert refused.code == "too_large"
    assert "at most 8 million pixels" in refused.messages[0]


def test_truncated_image_is_refused_as_damaged():
    data = picture("PNG", (800, 800), colour=(1, 2, 3))
    refused = refusal(data[: len(data) // 2])
    assert refused.code == "damaged"
    assert "could not be read" in refused.messages[0]


def test_animated_webp_keeps_only_its_first_frame():
    frames = [Image.new("RGB", (50, 50), c) for c in [(255, 0, 0), (0, 255, 0)]]
    output = io.BytesIO()
    frames[0].save(output, "WEBP", save_all=True, append_images=frames[1:])
    image = reopened(logos.clean_logo(upload(output.getvalue(), name="a.webp")))
    assert getattr(image, "n_frames", 1) == 1
