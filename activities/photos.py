"""An activity's photo and its small copy for the list.

The upload is judged and re-encoded by core/photos.py (a WebP of at most 1200
pixels). From that clean picture a thumbnail of at most 320 pixels wide is drawn
for the list, where it shows 160 CSS pixels wide (sharp on a 2× phone screen, a
few kilobytes on a slow link). Both sizes are recorded, so the pages give every
picture its width and height and nothing jumps while it loads.
"""

from PIL import Image

from activities.models import Activity
from core.images import read_upload, saved_webp
from core.photos import LIMITS, REFUSALS

THUMBNAIL_BOX = (320, 480)  # wide, and never taller than that for a portrait photo


def record_photo(activity: Activity) -> None:
    """Size and thumbnail of the activity's (new) photo; none when it was cleared."""
    if not activity.photo:
        activity.thumbnail = ""
        activity.photo_width = activity.photo_height = None
        activity.thumbnail_width = activity.thumbnail_height = None
        return
    activity.photo_width, activity.photo_height = _size(activity.photo)
    picture = read_upload(activity.photo, LIMITS, REFUSALS, box=THUMBNAIL_BOX)
    thumbnail = saved_webp(_small, picture, REFUSALS, quality=70)
    activity.thumbnail = thumbnail
    activity.thumbnail_width, activity.thumbnail_height = _size(thumbnail)


def _small(picture: Image.Image) -> Image.Image:
    small = picture.convert("RGB")
    small.thumbnail(THUMBNAIL_BOX, Image.Resampling.LANCZOS)
    return small


def _size(content) -> tuple[int, int]:
    """The size of a picture we encoded ourselves, read from its header."""
    content.seek(0)
    with Image.open(content) as picture:
        return picture.size
