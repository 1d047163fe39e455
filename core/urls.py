from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("privacy/", views.privacy_notice, name="privacy"),
]
