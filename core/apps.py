from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib import admin
        from django.urls import register_converter

        from core.converters import SecretConverter
        from core.staff_sign_in import guarded

        admin.site.login = guarded(admin.site.login)
        # Before any URLconf is read: the apps' addresses use <secret:…>.
        register_converter(SecretConverter, "secret")
