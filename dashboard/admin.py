"""Mailings in the administration: write (one version per language), preview with the
number of recipients, send a test to oneself, queue for sending. The queue is sent
by `manage.py send_mailings`."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dashboard import mailings
from dashboard.models import Delivery, Mailing
from dashboard.segments import recipients
from editions.admin import StaffAdmin

LANGUAGES = ("fr", "ar", "en")


@admin.register(Mailing)
class MailingAdmin(StaffAdmin):
    list_display = ["subject_fr", "segment", "status", "queued_at", "sent_count", "preview_link"]
    list_filter = ["status", "segment", "edition"]
    fieldsets = [
        (None, {"fields": ["edition", "segment", "pass_type", "pivot"]}),
        ("Français", {"fields": ["subject_fr", "body_fr"]}),
        ("العربية", {"fields": ["subject_ar", "body_ar"]}),
        ("English", {"fields": ["subject_en", "body_en"]}),
    ]

    def has_change_permission(self, request, obj=None):
        # Once queued, a mailing is history: what was sent stays what it was.
        if obj is not None and obj.status != Mailing.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=_("sent"))
    def sent_count(self, mailing):
        return mailing.deliveries.filter(status=Delivery.Status.SENT).count()

    @admin.display(description=_("preview"))
    def preview_link(self, mailing):
        url = reverse("admin:dashboard_mailing_preview", args=[mailing.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview and send"))

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:pk>/preview/", preview, name="dashboard_mailing_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk: int):
        mailing = get_object_or_404(Mailing.objects.select_related("edition"), pk=pk)
        if not self.has_view_permission(request, mailing):
            raise PermissionDenied
        if request.method == "POST":
            return self._act(request, mailing, request.POST.get("do"))
        chosen = recipients(mailing)
        samples = [
            (
                code,
                mailings.sample(
                    mailing, to=request.user.email or "staff@example.org", language=code
                ),
            )
            for code in LANGUAGES
        ]
        versions = [(code, message.subject, message.body) for code, message in samples]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Preview: %(subject)s") % {"subject": mailing.subject_fr},
            "mailing": mailing,
            "count": len(chosen),
            "by_language": {c: sum(r.language == c for r in chosen) for c in LANGUAGES},
            "versions": versions,
        }
        return TemplateResponse(request, "admin/dashboard/mailing_preview.html", context)

    def _act(self, request, mailing, action):
        back = reverse("admin:dashboard_mailing_preview", args=[mailing.pk])
        if action == "test" and request.user.email:
            language = request.POST.get("language", "fr")
            mailings.send_test(
                mailing, to=request.user.email, language=language if language in LANGUAGES else "fr"
            )
            self.message_user(
                request, _("A test was sent to %(email)s.") % {"email": request.user.email}
            )
        elif action == "test":
            self.message_user(
                request, _("Your account has no e-mail address for the test."), messages.ERROR
            )
        elif action == "queue" and self.has_change_permission(request, mailing):
            try:
                count = mailings.queue(mailing, by=request.user)
            except mailings.MailingError as refused:
                self.message_user(request, refused.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "Queued for %(count)s recipient.",
                        "Queued for %(count)s recipients.",
                        count,
                    )
                    % {"count": count},
                )
        return redirect(back)
