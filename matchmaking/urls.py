from django.urls import path

from matchmaking.views import meetings, participant, requests, staff

app_name = "matchmaking"

urlpatterns = [
    # The lounge in public, and a participant's own pages.
    path("", participant.lounge_home, name="home"),
    path("challenges/<int:pk>/", participant.challenge, name="challenge"),
    path("join/", participant.join, name="join"),
    path("me/", participant.my_profile, name="profile"),
    path("me/availability/", participant.availability, name="availability"),
    path("me/challenges/new/", participant.challenge_new, name="challenge_new"),
    path("me/challenges/<int:pk>/", participant.challenge_edit, name="challenge_edit"),
    path("suggestions/", requests.suggestions, name="suggestions"),
    path("people/<int:pk>/", requests.person, name="person"),
    path("people/<int:pk>/request/", requests.request_meeting, name="request"),
    path("requests/", requests.requests, name="requests"),
    path("requests/<int:pk>/", requests.answer, name="answer"),
    # Meetings: the participant's agenda, its calendar feed, what came of them.
    path("agenda/", meetings.agenda, name="agenda"),
    path("agenda/<secret:secret>/meetings.ics", meetings.agenda_ics, name="agenda_ics"),
    path("meetings/<int:pk>/feedback/", meetings.feedback, name="feedback"),
    # Staff: run the scheduler, publish, print table sheets, read the outcomes.
    path("staff/", staff.overview, name="staff"),
    path("staff/run/", staff.run, name="run"),
    path("staff/runs/<int:pk>/", staff.run_detail, name="run_detail"),
    path("staff/runs/<int:pk>/publish/", staff.publish, name="publish"),
    path("staff/tables/", staff.table_sheets, name="table_sheets"),
    path("staff/outcomes/", staff.outcomes, name="outcomes"),
]
