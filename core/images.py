"""Uploaded pictures: judged by what the bytes are, then drawn again from scratch.

A picture is accepted when Pillow reads it as PNG, JPEG or WebP (never from its
file name or the browser's content type), within a weight and a size checked
from the header before any pixel is decoded (a small file can claim a huge
picture: a decompression bomb). Callers re-encode the decoded picture, so
metadata, colour profiles, extra frames and anything appended are left behind.
Each kind of upload (a logo, a photo) words its own refusals.
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

if TYPE_CHECKING:  # django-stubs' name for "a str or a lazy translation", for mypy only
    from django_stubs_ext import StrOrPromise

ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
OUTPUT_FORMAT = "WEBP"
OUTPUT_EXTENSION = "webp"


@dataclass(frozen=True)
class Refusals:
    """The messages shown to the person who uploaded, in their language (lazy strings)."""

    not_an_image: "StrOrPromise"
    too_heavy: "StrOrPromise"
    too_large: "StrOrPromise"
    damaged: "StrOrPromise"


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_side: int


def read_upload(upload, limits: Limits, refusals: Refusals) -> Image.Image:
    """The upload's first frame, upright, or ValidationError saying why not."""
    if upload.size is not None and upload.size > limits.max_bytes:
        raise ValidationError(refusals.too_heavy, code="too_heavy")
    upload.seek(0)
    data = upload.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise ValidationError(refusals.too_heavy, code="too_heavy")
    with warnings.catch_warnings():
        # Pillow only warns below twice its own pixel limit: a refusal here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(io.BytesIO(data), formats=sorted(ACCEPTED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(refusals.too_large, code="too_large") from None
        except (UnidentifiedImageError, ValueError, OSError):
            raise ValidationError(refusals.not_an_image, code="not_an_image") from None
        if picture.format not in ACCEPTED_FORMATS:
            raise ValidationError(refusals.not_an_image, code="not_an_image")
        width, height = picture.size
        if width > limits.max_side or height > limits.max_side:
            raise ValidationError(refusals.too_large, code="too_large")
        if width < 1 or height < 1:
            raise ValidationError(refusals.damaged, code="damaged")
        try:
            picture.seek(0)  # the first frame of an animation
            picture.load()
            return ImageOps.exif_transpose(picture)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(refusals.too_large, code="too_large") from None
        except Exception:  # truncated data, broken EXIF, bad chunks: Pillow raises many kinds
            raise ValidationError(refusals.damaged, code="damaged") from None


def saved_webp(draw, picture: Image.Image, refusals: Refusals, quality: int = 85) -> ContentFile:
    """`draw(picture)` encoded as WebP under a random name; a failure is a refusal, never a 500."""
    try:
        output = io.BytesIO()
        draw(picture).save(output, OUTPUT_FORMAT, quality=quality, method=4)
    except Exception:  # a hostile file's last trick
        raise ValidationError(refusals.damaged, code="damaged") from None
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.{OUTPUT_EXTENSION}")
