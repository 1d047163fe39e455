from django.urls import path

from dashboard import mailing_views

app_name = "mailings"

urlpatterns = [
    path("unsubscribe/<str:token>/", mailing_views.unsubscribe, name="unsubscribe"),
]
