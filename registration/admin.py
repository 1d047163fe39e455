"""Staff pages for passes, and a read-only view of registrations and the door.

Passes are set up here. Registrations are only looked at here: approving,
rejecting, cancelling and adding go through the staff pages
(`registration/views/staff.py`), which call the services, so capacity, the
waiting list, the e-mails and the history stay right. A raw admin edit of a
status would bypass all of them.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from editions.admin import (
    ReadOnlyInline,
    ReadOnlyMixin,
    RelationFilter,
    TranslatedAdmin,
    language_fieldsets,
    translated_column,
)
from registration import services
from registration.models import (
    CheckIn,
    Consent,
    PassType,
    Question,
    Registration,
    RegistrationEvent,
    Scan,
)

# Fields of a pass the admin writes back. `held` never: the services count it
# with conditional UPDATEs, and a form loaded a minute ago would overwrite the
# places taken meanwhile.
# Nor `invitation_token`: only the "new invitation link" action changes it.
WRITABLE_PASS_FIELDS = [
    f.name
    for f in PassType._meta.concrete_fields
    if not f.primary_key and f.name not in ("held", "invitation_token")
]


class QuestionsField(forms.MultipleChoiceField):
    """The JSON list of question codes, as one checkbox per question."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Question.choices, required=False, **kwargs)


class PassTypeForm(forms.ModelForm):
    questions = QuestionsField(label=_("questions asked"))
    required_questions = QuestionsField(
        label=_("questions that must be answered"),
        help_text=_("Each must also be among the questions asked."),
    )

    class Meta:
        model = PassType
        fields = "__all__"  # noqa: DJ007 — PassTypeAdmin's fieldsets choose; this form validates

    def clean(self):
        cleaned = super().clean()
        asked = set(cleaned.get("questions") or [])
        not_asked = [q for q in cleaned.get("required_questions") or [] if q not in asked]
        if not_asked:
            labels = ", ".join(str(Question(q).label) for q in not_asked)
            self.add_error(
                "required_questions",
                _("Required but not asked: %(questions)s. Tick them among the questions asked too.")
                % {"questions": labels},
            )
        self._check_capacity(cleaned.get("capacity"))
        return cleaned

    def _check_capacity(self, capacity):
        if capacity is None or self.instance.pk is None:
            return
        held = PassType.objects.filter(pk=self.instance.pk).values_list("held", flat=True).get()
        if capacity < held:
            self.add_error(
                "capacity",
                _("%(held)d places are already taken: the capacity cannot be lower.")
                % {"held": held},
            )


@admin.register(PassType)
class PassTypeAdmin(TranslatedAdmin):
    form = PassTypeForm
    list_display = [
        translated_column("name", _("name")),
        "edition",
        "kind",
        "capacity",
        "held",
        "places_left",
        "opens_at",
        "closes_at",
        "needs_approval",
        "has_waiting_list",
    ]
    list_filter = [("edition", RelationFilter), "kind", "needs_approval", "is_public"]
    list_select_related = ["edition"]
    search_fields = ["slug", "name_fr", "name_ar", "name_en"]
    readonly_fields = ["held", "places_left", "reached_by"]
    actions = ["new_invitation_links"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "edition",
                    "slug",
                    "kind",
                    "position",
                    "is_public",
                    "reached_by",
                    "colour",
                ]
            },
        ),
        *language_fieldsets("name", "description"),
        (pgettext_lazy("seats", "Places"), {"fields": ["capacity", "held", "places_left"]}),
        (_("Dates"), {"fields": ["opens_at", "closes_at"]}),
        (
            _("Rules"),
            {"fields": ["needs_approval", "has_waiting_list", "allows_transfer"]},
        ),
        (_("Questions"), {"fields": ["questions", "required_questions"]}),
    ]

    @admin.display(description=_("places left"))
    def places_left(self, pass_type):
        return pass_type.places_left if pass_type.pk else "—"

    @admin.display(description=_("reached by"))
    def reached_by(self, pass_type):
        if pass_type.is_public:
            return _("The list of passes on the registration page.")
        if not pass_type.by_invitation:
            return _("Its address, and staff approve each registration.")
        if not pass_type.pk:
            return _("Its invitation link, shown here once the pass is saved.")
        link = settings.SITE_URL + reverse(
            "registration:invited", args=[pass_type.slug, pass_type.invitation_token]
        )
        return format_html(
            '{}<br><input type="text" readonly value="{}" size="80" aria-label="{}"><br>{}',
            _("Its invitation link only: send it to the invitees."),
            link,
            _("Invitation link"),
            _('If it leaks, the action "New invitation link" replaces it.'),
        )

    @admin.action(description=_("New invitation link"), permissions=["change"])
    def new_invitation_links(self, request, queryset):
        for pass_type in queryset:
            services.new_invitation_link(pass_type)
        self.message_user(
            request,
            _("The selected passes have a new invitation link; the old one no longer works."),
            messages.SUCCESS,
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.registrations.exists():
            # Its registrations belong to this edition; moving the pass would split them.
            readonly.append("edition")
        return readonly

    def save_model(self, request, obj, form, change):
        if not change:
            obj.save()
            return
        with transaction.atomic():
            obj.save(update_fields=WRITABLE_PASS_FIELDS)
        if "capacity" in form.changed_data:
            self._offer_new_places(request, obj)

    def _offer_new_places(self, request, pass_type):
        """More places: the people waiting longest get them, as after a cancellation."""
        promoted = services.promote_waiting(pass_type, by=request.user)
        if promoted:
            count = len(promoted)
            self.message_user(
                request,
                ngettext(
                    "%(count)d person moved from the waiting list to the pass.",
                    "%(count)d people moved from the waiting list to the pass.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )


class ConsentInline(ReadOnlyInline):
    model = Consent
    fields = ["purpose", "text_version", "language", "given_at"]
    readonly_fields = fields


class EventInline(ReadOnlyInline):
    model = RegistrationEvent
    fields = ["at", "action", "actor", "note"]
    readonly_fields = fields
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class CheckInInline(ReadOnlyInline):
    model = CheckIn
    fields = ["at", "gate", "by", "was_offline"]
    readonly_fields = fields


class CheckedInFilter(admin.SimpleListFilter):
    title = _("admitted at the door")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(check_in__isnull=self.value() == "no")
        return queryset


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "last_name",
        "first_name",
        "email",
        "organisation",
        "pass_type",
        "status",
        "created_at",
        "admitted",
    ]
    list_filter = [
        ("edition", RelationFilter),
        ("pass_type", RelationFilter),
        "status",
        CheckedInFilter,
    ]
    list_select_related = ["pass_type", "check_in"]
    search_fields = ["first_name", "last_name", "email", "organisation"]
    date_hierarchy = "created_at"
    # The ticket secret and the submission key are never shown: the secret is the ticket.
    fields = [
        "staff_page",
        "edition",
        "pass_type",
        "status",
        "first_name",
        "last_name",
        "email",
        "phone",
        "organisation",
        "role",
        "sector",
        "city",
        "pivots",
        "accessibility_needs",
        "language",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [ConsentInline, EventInline, CheckInInline]

    @admin.display(description=_("admitted at the door"), boolean=True)
    def admitted(self, registration):
        return hasattr(registration, "check_in")

    @admin.display(description=_("approve, reject or cancel"))
    def staff_page(self, registration):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("registration:staff_detail", args=[registration.pk]),
            _("Open the registration's staff page"),
        )


@admin.register(Consent)
class ConsentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["registration", "purpose", "text_version", "language", "given_at"]
    list_filter = ["purpose", "text_version", "language"]
    list_select_related = ["registration__pass_type"]
    search_fields = ["registration__last_name", "registration__email"]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["registration", "gate", "at", "by", "was_offline"]
    list_filter = [("registration__edition", RelationFilter), "gate", "was_offline"]
    list_select_related = ["registration__pass_type", "by"]
    search_fields = ["registration__last_name", "registration__email", "gate"]
    date_hierarchy = "at"


@admin.register(Scan)
class ScanAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["at", "result", "gate", "registration", "by"]
    list_filter = [("edition", RelationFilter), "result", "gate"]
    list_select_related = ["registration__pass_type", "by"]
    search_fields = ["registration__last_name", "gate"]
    date_hierarchy = "at"
    fields = ["edition", "registration", "gate", "result", "at", "by"]
