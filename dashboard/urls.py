from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("report/", views.impact_report, name="report"),
    path("<slug:name>.csv", views.table_csv, name="csv"),
]
