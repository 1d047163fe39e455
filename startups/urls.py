from django.urls import path

from startups.views import jury, public, staff

app_name = "startups"

urlpatterns = [
    path("", public.directory, name="directory"),
    path("apply/", public.apply, name="apply"),
    path("applications/<int:pk>/", public.application, name="application"),
    path("applications/<int:pk>/withdraw/", public.withdraw, name="withdraw"),
    path("jury/", jury.queue, name="jury"),
    path("jury/<int:pk>/", jury.review, name="review"),
    path("jury/<int:pk>/conflict/", jury.conflict, name="conflict"),
    path("staff/", staff.ranking, name="ranking"),
    path("staff/applications.csv", staff.applications_csv, name="applications_csv"),
    path("staff/booths/", staff.booths, name="booths"),
    path("staff/<int:pk>/", staff.decide, name="decide"),
    # Last: a startup's public page by its short name (never one of the words above).
    path("<slug:slug>/", public.startup, name="startup"),
]
