from django.urls import path

from programme import staff, views
from programme.exports import views as export_views

app_name = "programme"

export_patterns = [
    path("schedule.xml", export_views.schedule_xml, name="schedule_xml"),
    path("schedule.json", export_views.schedule_json, name="schedule_json"),
    path("programme.ics", export_views.programme_ics, name="programme_ics"),
    path("agenda/<secret:secret>/agenda.ics", export_views.agenda_ics, name="agenda_ics"),
]

# Under the editions namespace (see jemaa/urls.py): the addresses of an edition.
edition_patterns = [
    path("", views.edition_home, name="home"),
    path("editions/<slug:slug>/", views.edition_detail, name="detail"),
    path("editions/<slug:slug>/programme/", views.edition_timetable, name="programme"),
]

# Under /<lang>/staff/schedule/ (see jemaa/urls.py), namespace "schedule".
schedule_patterns = [
    path("", staff.editor, name="editor"),
    path("sessions/<int:pk>/move/", staff.move, name="move"),
    path("publish/", staff.publish, name="publish"),
]

urlpatterns = [
    path("", views.timetable, name="timetable"),
    path("now/", views.now_and_next, name="now"),
    path("changes/", views.changelog, name="changes"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("speakers/", views.speaker_list, name="speakers"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker"),
    path("pivots/<slug:slug>/", views.pivot_detail, name="pivot"),
    path("agenda/", views.agenda_home, name="agenda_home"),
    path("agenda/star/", views.toggle_star, name="toggle_star"),
    path("agenda/<secret:secret>/", views.agenda_detail, name="agenda"),
    path("staff/sessions.csv", export_views.sessions_csv, name="sessions_csv"),
    *export_patterns,
]
