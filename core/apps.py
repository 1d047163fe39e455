from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib import admin
        from django.core.signals import request_finished, request_started
        from django.urls import register_converter

        from core import outbox
        from core.converters import SecretConverter
        from core.staff_sign_in import guarded, lands_on_organiser_home

        # The e-mails that must wait for their request's response (core.outbox).
        request_started.connect(outbox.request_started, dispatch_uid="core.outbox.started")
        request_finished.connect(outbox.request_finished, dispatch_uid="core.outbox.finished")

        admin.site.login = lands_on_organiser_home(guarded(admin.site.login))
        # Before any URLconf is read: the apps' addresses use <secret:…>.
        register_converter(SecretConverter, "secret")
