"""Uploaded pictures: judged by what the bytes are, then drawn again from scratch.

A picture is accepted when Pillow reads it as PNG, JPEG or WebP (never from its
file name or the browser's content type), within a weight checked before reading
and a number of pixels checked from the header before any pixel is decoded (a
small file can claim a huge picture: a decompression bomb). A JPEG is decoded at
the smallest scale that still covers the box the caller draws in; any other
picture is reduced by a whole factor as soon as it is decoded, so what follows
works on a small picture. Callers re-encode it, so metadata, colour profiles,
extra frames and anything appended are left behind. Each kind of upload (a logo,
a photo) words its own refusals.
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps, UnidentifiedImageError

if TYPE_CHECKING:  # django-stubs' name for "a str or a lazy translation", for mypy only
    from django_stubs_ext import StrOrPromise

ACCEPTED_FORMATS = frozenset({"PNG", "JPEG", "WEBP"})
OUTPUT_FORMAT = "WEBP"
OUTPUT_EXTENSION = "webp"

# What one decoded pixel costs while a picture is read and reduced (measured with
# ru_maxrss): Pillow holds it in 4 bytes, and reducing a picture with transparency
# premultiplies it into a second copy; libwebp's decoder keeps canvases of its own.
BYTES_PER_PIXEL = {"PNG": 8, "JPEG": 8, "WEBP": 20}


@dataclass(frozen=True)
class Refusals:
    """The messages shown to the person who uploaded, in their language (lazy strings).

    `too_large` is formatted with the `megapixels` (millions of pixels) accepted
    for the picture's format."""

    not_an_image: "StrOrPromise"
    too_heavy: "StrOrPromise"
    too_large: "StrOrPromise"
    damaged: "StrOrPromise"


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_decoded_bytes: int  # the memory one upload's pixels may take, whatever its format

    def max_pixels(self, picture_format: str) -> int:
        return self.max_decoded_bytes // BYTES_PER_PIXEL[picture_format]


def read_upload(upload, limits: Limits, refusals: Refusals, *, box: tuple[int, int]) -> Image.Image:
    """The upload's first frame, upright, decoded no larger than needed to draw it
    within `box` (never smaller), or ValidationError saying why not."""
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
            raise _too_large(limits, refusals, "PNG") from None  # too large for any format
        except (UnidentifiedImageError, ValueError, OSError):
            raise ValidationError(refusals.not_an_image, code="not_an_image") from None
        if picture.format not in ACCEPTED_FORMATS:
            raise ValidationError(refusals.not_an_image, code="not_an_image")
        _check_pixels(picture, limits, refusals, box)
        try:
            picture.seek(0)  # the first frame of an animation
            picture.load()
            reduced = _reduced(picture, box)
            ImageOps.exif_transpose(reduced, in_place=True)
            return reduced
        except Exception:  # truncated data, broken EXIF, bad chunks: Pillow raises many kinds
            raise ValidationError(refusals.damaged, code="damaged") from None


def _check_pixels(picture: Image.Image, limits: Limits, refusals: Refusals, box) -> None:
    """Refuse, from the header alone, a picture whose decoded pixels would not fit."""
    if picture.width < 1 or picture.height < 1:
        raise ValidationError(refusals.damaged, code="damaged")
    picture.draft(None, box)  # a JPEG is then decoded at 1/2, 1/4 or 1/8 of its size
    picture_format = picture.format or ""
    if picture.width * picture.height > limits.max_pixels(picture_format):
        raise _too_large(limits, refusals, picture_format)


def _too_large(limits: Limits, refusals: Refusals, picture_format: str) -> ValidationError:
    megapixels = limits.max_pixels(picture_format) // 1_000_000
    return ValidationError(refusals.too_large, code="too_large", params={"megapixels": megapixels})


def _reduced(picture: Image.Image, box: tuple[int, int]) -> Image.Image:
    """The picture shrunk by the largest whole factor that still covers `box`: cheap,
    and it leaves only a small picture for the careful resampling that follows."""
    factor = min(picture.width // box[0], picture.height // box[1])
    if factor < 2:
        return picture
    if picture.mode not in ("L", "LA", "RGB", "RGBA", "I", "F"):
        picture = picture.convert("RGBA")  # a palette, 1-bit or 16-bit picture
    return picture.reduce(factor)


def saved_webp(draw, picture: Image.Image, refusals: Refusals, quality: int = 85) -> ContentFile:
    """`draw(picture)` encoded as WebP under a random name; a failure is a refusal, never a 500."""
    try:
        output = io.BytesIO()
        draw(picture).save(output, OUTPUT_FORMAT, quality=quality, method=4)
    except Exception:  # a hostile file's last trick
        raise ValidationError(refusals.damaged, code="damaged") from None
    return ContentFile(output.getvalue(), name=f"{secrets.token_hex(16)}.{OUTPUT_EXTENSION}")


class PictureField(forms.FileField):
    """An upload field whose new file comes out re-encoded by `clean_upload`
    (core.photos.clean_photo, core.logos.clean_logo): no picture is stored as it came."""

    def __init__(self, *, clean_upload, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})
        )
        super().__init__(**kwargs)
        self.clean_upload = clean_upload

    def clean(self, data, initial=None):
        return replaced(super().clean(data, initial), self.clean_upload)


def replaced(upload, clean):
    """What a form stores for an upload field: `clean(upload)` for a new file; the
    stored file, a clearing (False) or nothing (None) left as they are."""
    if not upload or isinstance(upload, FieldFile):
        return upload
    return clean(upload)
