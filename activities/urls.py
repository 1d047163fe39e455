from django.urls import path

from activities.views import booking as public
from activities.views import entrance

app_name = "activities"

# Fixed addresses come before `<slug>/`; an activity cannot take their names
# (RESERVED_SLUGS in activities/models.py).
urlpatterns = [
    path("", public.activity_list, name="list"),
    path("availability/", public.availability, name="availability"),
    path("booking/<secret:secret>/", public.booking, name="booking"),
    path("booking/<secret:secret>/cancel/", public.cancel, name="cancel"),
    path("entrance/", entrance.choose, name="entrance"),
    path("entrance/occupancy/", entrance.occupancy, name="occupancy"),
    path("entrance/<slug:slug>/", entrance.entrance, name="entrance_activity"),
    path("entrance/<slug:slug>/counts/", entrance.counts, name="counts"),
    path("entrance/<slug:slug>/find/", entrance.find, name="find"),
    path("entrance/<slug:slug>/scan/", entrance.scan, name="scan"),
    path("entrance/<slug:slug>/walk-in/", entrance.walk_in, name="walk_in"),
    path("<slug:slug>/", public.activity_detail, name="detail"),
    path("<slug:slug>/book/<int:slot_id>/", public.book, name="book"),
]
