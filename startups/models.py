"""The Startup Village: the call for applications, applications, jury reviews.

An edition has at most one call. Tech startups, cooperatives, social
enterprises and micro-enterprises apply to it alike (the seed's social-
entrepreneurship pivot). Jurors score applications on the call's weighted
criteria; staff select or reject them and assign booths; selected ones make
the public directory. Only the services change an application's status, and
each change is written to its history (who and when).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import TranslatedText, per_language
from core.models import HistoryEvent
from editions.models import Edition, Pivot, Space

# Every criterion is scored from 0 (absent) to SCORE_MAX (outstanding).
SCORE_MAX = 5


class Sector(models.TextChoices):
    """Fields of activity, shared by startups and the lounge's corporates."""

    ENERGY = "energy", _("energy")
    WATER = "water", _("water")
    WASTE = "waste", _("waste and recycling")
    MOBILITY = "mobility", _("mobility")
    BUILDINGS = "buildings", _("buildings and housing")
    AGRICULTURE = "agriculture", _("urban agriculture and food")
    DATA = "data", _("data and digital services")
    GOVERNANCE = "governance", _("civic tech and governance")
    HEALTH = "health", _("health")
    EDUCATION = "education", _("education")
    CULTURE = "culture", _("culture and tourism")
    FINANCE = "finance", _("finance and insurance")
    CRAFTS = "crafts", _("crafts and local production")
    OTHER = "other", pgettext_lazy("sector", "other")


class Call(models.Model):
    """An edition's call for applications to its Startup Village."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="startup_call", verbose_name=_("edition")
    )
    title_fr, title_ar, title_en = per_language(
        models.CharField,
        _("title"),
        max_length=200,
        help_text=_("What the public sees, e.g. Startup Village."),
    )
    introduction_fr, introduction_ar, introduction_en = per_language(
        models.TextField, _("introduction"), blank=True
    )
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    village = models.ForeignKey(
        Space,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("village space"),
        help_text=_("Where the selected startups have their booths."),
    )
    reviews_wanted = models.PositiveSmallIntegerField(
        _("reviews wanted per application"), default=3, validators=[MinValueValidator(1)]
    )

    title = TranslatedText("title")
    introduction = TranslatedText("introduction")

    class Meta:
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="call_closes_after_opening",
                violation_error_message=_("Applications must close after they open."),
            ),
        ]

    def __str__(self):
        return f"{self.title} — {self.edition}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class Criterion(models.Model):
    """What jurors score, with its weight in the total."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name_fr, name_ar, name_en = per_language(models.CharField, _("name"), max_length=200)
    description_fr, description_ar, description_en = per_language(
        models.TextField, _("description"), blank=True
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("sort order", "position"), default=0)

    name = TranslatedText("name")
    description = TranslatedText("description")

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return self.name


class ApplicationQuerySet(models.QuerySet):
    def selected(self):
        return self.filter(status=Application.Status.SELECTED)

    def submitted(self):
        """Sent to the jury: submitted, or already decided."""
        return self.exclude(status__in=[Application.Status.DRAFT, Application.Status.WITHDRAWN])


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        SELECTED = "selected", _("selected")
        REJECTED = "rejected", pgettext_lazy("application", "not selected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Structure(models.TextChoices):
        TECH_STARTUP = "tech_startup", _("tech startup")
        COOPERATIVE = "cooperative", _("cooperative")
        SOCIAL_ENTERPRISE = "social_enterprise", _("social enterprise")
        MICRO_ENTERPRISE = "micro_enterprise", _("micro-enterprise")
        ASSOCIATION = "association", _("association")

    class Stage(models.TextChoices):
        IDEA = "idea", _("idea")
        PROTOTYPE = "prototype", _("prototype")
        FIRST_CUSTOMERS = "first_customers", _("first customers")
        GROWTH = "growth", _("growing")

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="applications", verbose_name=_("call")
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="startup_applications",
        verbose_name=_("applicant"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # The public page's address once selected; unique within the call.
    slug = models.SlugField(_("short name"), max_length=80)
    name = models.CharField(_("name of the startup"), max_length=120)
    logo = models.ImageField(_("logo"), upload_to="startups/logos/", blank=True)
    structure = models.CharField(
        _("kind of organisation"),
        max_length=30,
        choices=Structure.choices,
        default=Structure.TECH_STARTUP,
    )
    pitch = models.TextField(_("pitch"), max_length=1500, blank=True)
    pivot = models.ForeignKey(
        Pivot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="startup_applications",
        verbose_name=_("pivot"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, blank=True)
    team_size = models.PositiveSmallIntegerField(_("team size"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_open_source = models.BooleanField(_("open source"), default=False)
    is_low_tech = models.BooleanField(_("low-tech"), default=False)
    seeking = models.TextField(
        _("what we seek from corporates and institutions"), max_length=1000, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    booth = models.CharField(_("booth"), max_length=20, blank=True)
    decision_message = models.TextField(_("message with the decision"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "slug"],
                name="unique_application_slug",
                violation_error_message=_("Another application already has this short name."),
            ),
            # One application per applicant and call (a withdrawn one lets them start
            # again): a double-submitted form cannot make a second one.
            models.UniqueConstraint(
                fields=["call", "applicant"],
                condition=~Q(status="withdrawn"),
                name="one_application_per_applicant",
                violation_error_message=_("You have already applied to this call."),
            ),
            models.UniqueConstraint(
                fields=["call", "booth"],
                condition=~Q(booth=""),
                name="one_startup_per_booth",
                violation_error_message=_("This booth is already assigned."),
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]
        permissions = [
            ("review_application", _("Can review applications as a juror")),
            ("decide_application", _("Can select and reject applications")),
        ]

    def __str__(self):
        return self.name

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class ApplicationEvent(HistoryEvent):
    """The history of an application: every change, who made it and when."""

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("application history", "created")
        SUBMITTED = "submitted", pgettext_lazy("application history", "submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("application history", "withdrawn")
        REOPENED = "reopened", pgettext_lazy("application history", "reopened as a draft")
        SELECTED = "selected", pgettext_lazy("application history", "selected")
        REJECTED = "rejected", pgettext_lazy("application history", "not selected")
        BOOTH = "booth", pgettext_lazy("application history", "booth assigned")
        # Staff take back a selection or rejection made by mistake: submitted again.
        DECISION_REOPENED = (
            "decision_reopened",
            pgettext_lazy("application history", "decision reopened"),
        )

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("application event")
        verbose_name_plural = _("application events")


class Review(models.Model):
    """One juror's review of one application: a score per criterion and a comment."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("application")
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="startup_reviews",
        verbose_name=_("juror"),
    )
    comment = models.TextField(_("comment"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "juror"],
                name="one_review_per_juror",
                violation_error_message=_("This juror has already reviewed this application."),
            ),
        ]

    def __str__(self):
        return f"{self.application} — {self.juror}"


class Score(models.Model):
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(SCORE_MAX)])

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(value__lte=SCORE_MAX), name="score_within_scale"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Conflict(models.Model):
    """A juror's declared conflict of interest: the application is hidden from them."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="conflicts",
        verbose_name=_("application"),
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="startup_conflicts",
        verbose_name=_("juror"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["application", "juror"], name="one_conflict_per_juror"),
        ]

    def __str__(self):
        return f"{self.juror} ✕ {self.application}"
