"""Uploaded logos: judged by what the bytes are, then drawn again from scratch.

A logo is accepted when Pillow reads it as PNG, JPEG or WebP (never from its file
name or the browser's content type), it weighs at most 2 MB and measures at most
4000 × 4000 pixels, checked from the header before any pixel is decoded (a small
file can claim a huge picture: a decompression bomb). It is then re-encoded as a
square WebP of at most 400 × 400 pixels (padded with transparency), with a random
file name: metadata, colour profiles, extra frames and anything appended to the
file are left behind. Being square, every logo can be laid out with the same
width and height attributes before it loads.
"""

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
OUTPUT_SIDE = 400
ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
OUTPUT_FORMAT = "WEBP"
OUTPUT_EXTENSION = "webp"

NOT_AN_IMAGE = _("Upload the logo as a PNG, JPEG or WebP image.")
TOO_HEAVY = _("The logo weighs more than 2 MB: upload a lighter file.")
TOO_LARGE = _("The logo measures more than 4000 × 4000 pixels: upload a smaller image.")
DAMAGED = _("This image could not be read: it may be damaged. Try saving it again.")


def clean_logo(upload) -> ContentFile:
    """The uploaded file re-encoded, or ValidationError with a message saying why not."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(TOO_HEAVY, code="too_heavy")
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(TOO_HEAVY, code="too_heavy")
    picture = _decoded(data)
    try:
        encoded = _encoded(picture)
    except Exception:  # a hostile file's last trick: still a refusal, never a 500
        raise ValidationError(DAMAGED, code="damaged") from None
    return ContentFile(encoded, name=f"{secrets.token_hex(16)}.{OUTPUT_EXTENSION}")


def _decoded(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        # Pillow only warns below twice its own pixel limit: a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(TOO_LARGE, code="too_large") from None
        except (UnidentifiedImageError, ValueError, OSError):
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
        if picture.format not in ACCEPTED_FORMATS:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
        width, height = picture.size
        if width > MAX_SIDE or height > MAX_SIDE:
            raise ValidationError(TOO_LARGE, code="too_large")
        if width < 1 or height < 1:
            raise ValidationError(DAMAGED, code="damaged")
        try:
            picture.seek(0)  # the first frame of an animation
            picture.load()
            return ImageOps.exif_transpose(picture)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(TOO_LARGE, code="too_large") from None
        except Exception:  # truncated data, broken EXIF, bad chunks: Pillow raises many kinds
            raise ValidationError(DAMAGED, code="damaged") from None


def _encoded(picture: Image.Image) -> bytes:
    picture = picture.convert("RGBA")
    picture.thumbnail((OUTPUT_SIDE, OUTPUT_SIDE), Image.Resampling.LANCZOS)
    side = max(picture.size)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    square.paste(picture, ((side - picture.width) // 2, (side - picture.height) // 2))
    output = io.BytesIO()
    square.save(output, OUTPUT_FORMAT, quality=85, method=4)
    return output.getvalue()
