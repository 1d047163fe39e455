from django.urls import path

from dashboard import mailing_views, views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("report/", views.impact_report, name="report"),
    path("unsubscribe/<str:token>/", mailing_views.unsubscribe, name="unsubscribe"),
    path("<slug:name>.csv", views.table_csv, name="csv"),
]
