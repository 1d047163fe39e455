"""Uploaded logos (of a startup, of a partner): judged by what the bytes are, then
drawn again from scratch.

A logo is accepted when it is a PNG, JPEG or WebP of at most 2 MB whose pixels fit
in memory (judged as core/images.py says). It is then re-encoded as a square WebP
of at most 400 × 400 pixels (padded with transparency), with a random file name:
metadata, colour profiles, extra frames and anything appended to the file are left
behind. Being square, every logo can be laid out with the same width and height
attributes before it loads.
"""

from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.images import Limits, Refusals, read_upload, saved_webp

# As for photos: a PNG of 8 million pixels, a WebP of 3 million.
LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_decoded_bytes=64 * 1024 * 1024)
OUTPUT_SIDE = 400

REFUSALS = Refusals(
    not_an_image=_("Upload the logo as a PNG, JPEG or WebP image."),
    too_heavy=_("The logo weighs more than 2 MB: upload a lighter file."),
    too_large=_(
        "The logo has too many pixels to be read: upload an image of at most "
        "%(megapixels)s million pixels."
    ),
    damaged=_("This image could not be read: it may be damaged. Try saving it again."),
)


def clean_logo(upload):
    """The uploaded file re-encoded, or ValidationError with a message saying why not."""
    box = (OUTPUT_SIDE, OUTPUT_SIDE)
    return saved_webp(_square, read_upload(upload, LIMITS, REFUSALS, box=box), REFUSALS)


def _square(picture: Image.Image) -> Image.Image:
    picture = picture.convert("RGBA")
    picture.thumbnail((OUTPUT_SIDE, OUTPUT_SIDE), Image.Resampling.LANCZOS)
    side = max(picture.size)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    square.paste(picture, ((side - picture.width) // 2, (side - picture.height) // 2))
    return square
