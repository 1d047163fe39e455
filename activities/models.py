"""Smart City Connect: the free public programme, its timed slots and bookings.

Places are counted on the slot itself (`booked`, `waiting`, `walk_ins`,
`admitted`). Only the services change those counters, with conditional
UPDATEs that the database serialises per slot; the CHECK constraints below make
overbooking impossible even for code that forgets to.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language
from editions.models import Edition, Space

# Entry codes are typed by staff at a noisy entrance: no 0/O, 1/I/L, 5/S, 8/B.
CODE_ALPHABET = "2345679ACDEFGHJKMNPQRTUVWXYZ"
CODE_LENGTH = 8  # 28**8 ≈ 3.8e11 codes (38 bits): never guessed by typing


def new_entry_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# Words of the public programme's own addresses that sit where an activity's short
# name goes (activities/urls.py): an activity named so would be hidden. A test
# keeps this set in step with the URLs.
RESERVED_SLUGS = frozenset({"availability", "booking", "entrance", "occupancy"})


def validate_not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is an address of the public programme: choose another short name."),
            code="reserved",
            params={"slug": slug},
        )


def new_booking_secret() -> str:
    # 256 random bits, not derived from any id: the cancel link cannot be guessed.
    return secrets.token_urlsafe(32)


class PublicProgramme(models.Model):
    """An edition's public programme: its name and the rules every booking follows."""

    edition = models.OneToOneField(
        Edition,
        on_delete=models.CASCADE,
        related_name="public_programme",
        verbose_name=_("edition"),
    )
    name_fr, name_ar, name_en = per_language(
        models.CharField,
        _("name"),
        max_length=200,
        help_text=_("What the public sees, e.g. Smart City Connect."),
    )
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    bookings_open_at = models.DateTimeField(
        _("bookings open"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    bookings_per_day = models.PositiveSmallIntegerField(
        _("bookings a person may hold per day"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    closes_minutes_before = models.PositiveSmallIntegerField(
        _("bookings close this many minutes before a slot"), default=0
    )

    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = _("public programme")
        verbose_name_plural = _("public programmes")

    def __str__(self):
        return self.name


class ActivityQuerySet(models.QuerySet):
    def public(self):
        """What the public may see and book: published activities of published editions."""
        return self.filter(is_published=True, edition__is_published=True)


class Activity(models.Model):
    class Kind(models.TextChoices):
        INSTALLATION = "installation", _("interactive installation")
        IMMERSIVE = "immersive", _("immersive experience")
        VIDEO_MAPPING = "video_mapping", _("video mapping")
        VR_AR = "vr_ar", _("virtual or augmented reality")
        DEBATE = "debate", _("debate")
        WORKSHOP = "workshop", _("workshop")
        CHILDREN_WORKSHOP = "children_workshop", _("children's workshop")
        SHOW = "show", _("show")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="activities", verbose_name=_("edition")
    )
    slug = models.SlugField(_("short name"), validators=[validate_not_reserved])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)
    space = models.ForeignKey(
        Space,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("space"),
    )
    # A debate of the programme that the public books here: it shows in both places.
    session = models.OneToOneField(
        "programme.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="public_activity",
        verbose_name=_("programme session"),
    )
    title_fr, title_ar, title_en = per_language(models.CharField, _("title"), max_length=200)
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    accessibility_fr, accessibility_ar, accessibility_en = per_language(
        models.CharField, _("accessibility"), max_length=300, blank=True
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=True)
    photo = models.ImageField(_("photo"), upload_to="activities/", blank=True)
    # Recorded when the photo is saved (activities/photos.py), so pages give every
    # picture its size before it loads, and the list loads the small copy.
    photo_width = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    thumbnail = models.ImageField(upload_to="activities/thumbnails/", blank=True, editable=False)
    thumbnail_width = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    photo_alt_fr, photo_alt_ar, photo_alt_en = per_language(
        models.CharField, _("description of the photo"), max_length=200, blank=True
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), default=0, validators=[MaxValueValidator(99)], help_text=_("0: all ages.")
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
        help_text=_("For children's workshops; empty: no upper limit."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("a slot starts every (minutes)"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    slot_capacity = models.PositiveIntegerField(
        _("places per slot"),
        default=30,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Given, with the walk-in share, to each slot when it is made. Slots already "
            "made change when you apply the action “Apply places and walk-in share to "
            "upcoming slots” in the list of activities."
        ),
    )
    walk_in_percent = models.PositiveSmallIntegerField(
        _("share held back for walk-ins (%)"),
        default=20,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Places of each slot that cannot be booked online: they go to people at the door."
        ),
    )
    max_group_size = models.PositiveSmallIntegerField(
        _("largest group per booking"), default=6, validators=[MinValueValidator(1)]
    )
    waiting_list_places = models.PositiveIntegerField(
        _("places on the waiting list of a slot"),
        default=20,
        help_text=_("0: no waiting list."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    # Part of the live availability's ETag: an edited title shows at once.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    title = TranslatedText("title")
    description = TranslatedText("description")
    accessibility = TranslatedText("accessibility")
    photo_alt = TranslatedText("photo_alt")

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("public activity")
        verbose_name_plural = _("public activities")
        ordering = ["edition", "position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "slug"],
                name="unique_activity_slug",
                violation_error_message=_(
                    "This edition already has an activity with this short name."
                ),
            ),
        ]
        permissions = [("admit_visitor", _("Can admit visitors at the entrance of activities"))]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        """ActivityQuerySet.public's rule, for an activity already loaded with its edition."""
        return self.is_published and self.edition.is_published

    def walk_in_places_of(self, capacity: int) -> int:
        return capacity * self.walk_in_percent // 100


class ActivitySlot(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="slots", verbose_name=_("activity")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(pgettext_lazy("number of seats", "places"))
    walk_in_places = models.PositiveIntegerField(_("places held back for walk-ins"), default=0)
    # People (not bookings) holding a confirmed place, waiting, let in without a
    # booking, and let in with one.
    booked = models.PositiveIntegerField(_("places booked"), default=0, editable=False)
    waiting = models.PositiveIntegerField(_("people waiting"), default=0, editable=False)
    walk_ins = models.PositiveIntegerField(_("walk-ins"), default=0, editable=False)
    admitted = models.PositiveIntegerField(_("admitted with a booking"), default=0, editable=False)
    # Bumped by every change of the counters: the live availability's ETag.
    version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["starts_at", "activity_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "starts_at"],
                name="one_slot_per_activity_start",
                violation_error_message=_("This activity already has a slot starting then."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="activity_slot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(walk_in_places__lte=F("capacity")),
                name="walk_in_share_within_capacity",
                violation_error_message=_("The walk-in share cannot exceed the capacity."),
            ),
            # Online bookings never take the places held back for walk-ins…
            models.CheckConstraint(
                condition=Q(booked__lte=F("capacity") - F("walk_in_places")),
                name="slot_never_overbooked",
                violation_error_message=_(
                    "The capacity cannot be below the places already booked."
                ),
            ),
            # …and nobody, booked or not, gets in beyond the capacity.
            models.CheckConstraint(
                condition=Q(walk_ins__lte=F("capacity") - F("booked")),
                name="slot_never_overfilled",
                violation_error_message=_("The capacity cannot be below the people already in."),
            ),
        ]
        indexes = [models.Index(fields=["activity", "starts_at"], name="slot_by_activity_time")]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.activity} — {local:%Y-%m-%d %H:%M}"

    @property
    def bookable(self) -> int:
        return self.capacity - self.walk_in_places

    @property
    def places_left(self) -> int:
        return max(0, self.bookable - self.booked)

    @property
    def walk_in_left(self) -> int:
        return max(0, self.walk_in_places - self.walk_ins)

    def free_for_walk_ins(self, *, started: bool) -> int:
        """Before the start, the held-back share; after it, every place nobody holds."""
        if started:
            return max(0, self.capacity - self.booked - self.walk_ins)
        return self.walk_in_left

    @property
    def occupancy(self) -> int:
        return self.admitted + self.walk_ins


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=(Booking.Status.CONFIRMED, Booking.Status.WAITLISTED))

    def waiting(self):
        return self.filter(status=Booking.Status.WAITLISTED).order_by("created_at", "id")


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("edition")
    )
    slot = models.ForeignKey(
        ActivitySlot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("slot")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    group_size = models.PositiveSmallIntegerField(
        _("number of people"), default=1, validators=[MinValueValidator(1)]
    )
    first_name = models.CharField(_("first name"), max_length=100)
    # Normalised: E.164 for phones (+212612345678), lower case for e-mails. At
    # least one of the two, so a person's bookings can be counted and found.
    phone = models.CharField(_("phone number"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    code = models.CharField(
        _("entry code"), max_length=CODE_LENGTH, unique=True, default=new_entry_code, editable=False
    )
    secret = models.CharField(
        max_length=64, unique=True, default=new_booking_secret, editable=False
    )
    # One per submitted form: a double submit finds the booking it made, but only
    # with the slot and contacts it was sent with (see the constraint below).
    submission_key = models.CharField(  # noqa: DJ001 — unique allows many NULLs, not many ""
        max_length=64, null=True, editable=False
    )
    consent_version = models.CharField(_("version of the notice accepted"), max_length=40)
    created_at = models.DateTimeField(_("booked at"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    admitted_at = models.DateTimeField(_("admitted at"), null=True, blank=True)
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("admitted by"),
    )
    # Empty when the visitor cancelled from their own link.
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["slot", "status", "created_at"], name="booking_queue")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="", email=""),
                name="booking_has_a_contact",
                violation_error_message=_("Give a phone number or an e-mail address."),
            ),
            # A key is bound to its form: replayed on another slot or with other
            # contacts, it is a fresh booking, never the one it first made.
            models.UniqueConstraint(
                fields=["submission_key", "slot", "phone", "email"],
                name="one_booking_per_submit",
            ),
        ]

    def __str__(self):
        return f"{self.first_name} × {self.group_size} — {self.slot}"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.WAITLISTED)

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"


class EntryScan(models.Model):
    """Every code typed or scanned and every walk-in counted at an entrance."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="scans", verbose_name=_("activity")
    )
    # The booking's slot, or the slot a walk-in entered; none for an unknown code.
    slot = models.ForeignKey(
        ActivitySlot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scans",
        verbose_name=_("slot"),
    )
    booking = models.ForeignKey(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="scans"
    )
    result = models.CharField(_("result"), max_length=30)
    people = models.SmallIntegerField(_("people"), default=0)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("entrance scan")
        verbose_name_plural = _("entrance scans")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.result} ({self.people}) @ {self.activity}"
