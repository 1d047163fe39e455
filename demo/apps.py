from django.apps import AppConfig


class DemoConfig(AppConfig):
    # No models and no admin pages: the label is never shown, so it needs no
    # translation (and adds no catalogue entry).
    name = "demo"
