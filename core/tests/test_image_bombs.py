"""Pictures that would exhaust memory: refused from their header before a pixel is
decoded, and the largest picture accepted costs one upload less than 100 MB."""

import io
import json
import struct
import subprocess
import sys
import textwrap
from functools import partial

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.forms import modelform_factory
from django.urls import resolve, reverse
from PIL import Image

from community.forms import IdeaForm
from community.models import Idea
from core.images import PictureField
from core.logos import clean_logo
from core.photos import clean_photo
from core.testing import client_for
from editions.models import Partner
from startups.forms import ApplicationForm

pytestmark = pytest.mark.usefixtures("in_english")

MEGABYTE = 1024 * 1024


def encoded(fmt: str, size, mode="RGB", **save) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, 0).save(output, fmt, **save)
    return output.getvalue()


def upload(data: bytes, name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def refusal(clean, data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        clean(upload(data))
    return refused.value


def gif_claiming(width: int, height: int) -> bytes:
    """A GIF of a few bytes whose screen and first frame claim width × height."""
    data = bytearray(encoded("GIF", (1, 1), "P"))
    data[6:10] = struct.pack("<HH", width, height)  # the logical screen
    descriptor = data.index(b",")  # the first image descriptor
    data[descriptor + 5 : descriptor + 9] = struct.pack("<HH", width, height)
    return bytes(data)


def webp_canvas_claiming(width: int, height: int) -> bytes:
    """An animated WebP of two 16-pixel frames on a canvas of width × height."""
    frames = [Image.new("RGB", (16, 16), c) for c in [(255, 0, 0), (0, 255, 0)]]
    output = io.BytesIO()
    frames[0].save(output, "WEBP", save_all=True, append_images=frames[1:])
    data = bytearray(output.getvalue())
    vp8x = data.index(b"VP8X") + 8  # flags (4 bytes), then the canvas' sides less one
    data[vp8x + 4 : vp8x + 10] = (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(
        3, "little"
    )
    return bytes(data)


def test_the_reported_8000_by_8000_png_is_refused_as_an_idea_photo(client, edition):
    bomb = encoded("PNG", (8000, 8000), "L")
    assert len(bomb) < 300 * 1024  # it weighs nothing, it would decode to 256 MB and more
    post = {
        "title": "Des fontaines",
        "description": "De l’eau potable.",
        "pivot": edition.pivots.first().pk,
        "arrondissement": "sidi-moumen",
        "photo": upload(bomb),
    }
    client.get(reverse("community:propose"))  # a visitor opens the form before posting
    response = client.post(reverse("community:propose"), post)
    assert response.status_code == 400
    assert "The photo has too many pixels to be read" in response.content.decode()
    assert "at most 8 million pixels" in response.content.decode()
    assert not Idea.objects.exists()


def test_an_ordinary_phone_photo_still_goes_through(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = clean_photo(upload(encoded("JPEG", (4032, 3024)), name="IMG_0001.jpg"))
    photo.seek(0)
    assert Image.open(photo).size == (1200, 900)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (encoded("PNG", (2900, 2900), "RGBA"), "too_large"),  # just over 8 million pixels
        (encoded("WEBP", (1900, 1900)), "too_large"),  # a WebP decodes at 20 bytes a pixel
        (webp_canvas_claiming(16000, 16000), "too_large"),  # a 1 GB canvas, two tiny frames
        (gif_claiming(60000, 60000), "not_an_image"),  # not even read past its header
        (gif_claiming(9000, 9000), "not_an_image"),
    ],
    ids=["png-8.4MP", "webp-3.6MP", "webp-canvas", "gif-60000", "gif-9000"],
)
@pytest.mark.parametrize("clean", [clean_photo, clean_logo], ids=["photo", "logo"])
def test_bombs_are_refused_from_their_header_with_a_clear_message(clean, data, code):
    refused = refusal(clean, data)
    assert refused.code == code
    message = refused.messages[0]
    assert "%(" not in message
    if code == "too_large":
        assert "too many pixels" in message and "million pixels" in message


@pytest.mark.parametrize("clean", [clean_photo, clean_logo], ids=["photo", "logo"])
def test_an_animation_of_many_frames_keeps_its_first_frame(clean):
    frames = [Image.new("RGB", (64, 64), (n, 0, 0)) for n in range(200)]
    for fmt in ("PNG", "WEBP"):
        output = io.BytesIO()
        frames[0].save(output, fmt, save_all=True, append_images=frames[1:])
        cleaned = clean(upload(output.getvalue()))
        cleaned.seek(0)
        assert getattr(Image.open(cleaned), "n_frames", 1) == 1


# The memory one upload costs, measured in a fresh interpreter (Pillow's pixels are
# not Python objects, tracemalloc misses them: the process' peak resident memory sees them).

MEASURE = textwrap.dedent(
    """
    import json, sys
    import django
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from community.forms import IdeaForm
    from startups.forms import ApplicationForm

    def kilobytes(name):  # VmHWM: this process' peak (ru_maxrss would count pytest's)
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(name))

    field = {"photo": IdeaForm, "logo": ApplicationForm}[sys.argv[1]].base_fields[sys.argv[1]]
    data = open(sys.argv[2], "rb").read()
    upload = SimpleUploadedFile("upload", data, content_type="image/png")
    before = kilobytes("VmRSS:")
    cleaned = field.clean(upload)
    print(json.dumps({"megabytes": (kilobytes("VmHWM:") - before) / 1024, "name": cleaned.name}))
    """
)


def largest(fmt: str, size, mode: str, weight: int) -> bytes:
    """A picture of `size` padded with trailing bytes to `weight`: as heavy as accepted."""
    data = encoded(fmt, size, mode)
    return data + b"\0" * (weight - len(data))


@pytest.mark.parametrize(
    ("kind", "weight"), [("photo", 8 * MEGABYTE), ("logo", 2 * MEGABYTE)], ids=["photo", "logo"]
)
@pytest.mark.parametrize(
    ("fmt", "size", "mode"),
    [
        ("PNG", (2896, 2896), "RGBA"),  # 8.39 million pixels: the most a PNG may have
        ("WEBP", (1831, 1832), "RGBA"),  # 3.35 million: the most a WebP may have
        ("JPEG", (9000, 9000), "RGB"),  # 81 million, decoded at a quarter of each side
    ],
    ids=["png", "webp", "jpeg"],
)
def test_the_largest_accepted_picture_costs_less_than_100_mb(
    tmp_path, kind, weight, fmt, size, mode
):
    path = tmp_path / "largest"
    path.write_bytes(largest(fmt, size, mode, weight))
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE, kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(measured.stdout)
    assert result["name"].endswith(".webp")
    assert result["megabytes"] < 100, (fmt, kind, measured.stdout)


def test_the_public_forms_re_encode_their_pictures():
    assert IdeaForm.base_fields["photo"].clean_upload is clean_photo
    assert ApplicationForm.base_fields["logo"].clean_upload is clean_logo


def test_every_picture_of_the_administration_is_re_encoded(rf, cast):
    """A picture field an admin forgets to name in `pictures` fails here, not in production."""
    request = rf.get(reverse("admin:index"))
    request.user = cast["admin"]
    request.resolver_match = resolve(request.path)
    checked = []
    for model_admin in admin.site._registry.values():
        for each in [model_admin, *model_admin.get_inline_instances(request)]:
            every_field = modelform_factory(  # as a page builds it when no fields are named
                each.model,
                form=each.form,
                fields="__all__",
                formfield_callback=partial(each.formfield_for_dbfield, request=request),
            )
            for field in each.model._meta.get_fields():
                if isinstance(field, models.ImageField) and field.editable:
                    formfield = every_field.base_fields[field.name]
                    assert isinstance(formfield, PictureField), (each, field.name)
                    checked.append(f"{each.model._meta.label}.{field.name}")
    assert {"editions.Partner.logo", "programme.Speaker.photo", "activities.Activity.photo"} <= set(
        checked
    )


def test_a_partner_logo_bomb_is_refused_in_the_administration(
    client, cast, edition, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    staff = client_for(client, cast, "admin")
    fields = {"edition": edition.pk, "name": "UM6P", "role": Partner.Role.ACADEMIC, "position": 1}
    url = reverse("admin:editions_partner_add")
    refused = staff.post(url, {**fields, "logo": upload(encoded("PNG", (8000, 8000), "L"))})
    assert "The logo has too many pixels to be read" in refused.content.decode()
    assert not Partner.objects.exists()
    staff.post(url, {**fields, "logo": upload(encoded("PNG", (1600, 800)))})
    partner = Partner.objects.get()
    assert partner.logo.name.endswith(".webp")
    assert Image.open(partner.logo).size == (400, 400)
