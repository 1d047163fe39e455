"""A photo (of an activity, of an idea, of a speaker): accepted as core/images.py
judges it, then re-encoded as a WebP of at most 1200 pixels on its longest side (a
phone on a slow link gets a light file), keeping its proportions, under a random name."""

from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.images import Limits, Refusals, read_upload, saved_webp

# 64 MB of pixels: a PNG of 8 million pixels, a WebP of 3 million, and a JPEG as a
# phone takes it (decoded at a fraction of its size).
LIMITS = Limits(max_bytes=8 * 1024 * 1024, max_decoded_bytes=64 * 1024 * 1024)
LONGEST_SIDE = 1200

REFUSALS = Refusals(
    not_an_image=_("Upload the photo as a PNG, JPEG or WebP image."),
    too_heavy=_("The photo weighs more than 8 MB: upload a lighter file."),
    too_large=_(
        "The photo has too many pixels to be read: upload an image of at most "
        "%(megapixels)s million pixels."
    ),
    damaged=_("This image could not be read: it may be damaged. Try saving it again."),
)


def clean_photo(upload):
    """The uploaded photo re-encoded, or ValidationError with a message saying why not."""
    box = (LONGEST_SIDE, LONGEST_SIDE)
    return saved_webp(_fitted, read_upload(upload, LIMITS, REFUSALS, box=box), REFUSALS, quality=80)


def _fitted(picture: Image.Image) -> Image.Image:
    picture = picture.convert("RGB")  # photos need no transparency; WebP is smaller without
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
    return picture
