from django.urls import path

from editions import views

# The edition's home page and its archived pages show its programme: they are
# programme.urls.edition_patterns, joined with this list under the editions
# namespace in jemaa/urls.py.
urlpatterns = [
    path("editions/", views.edition_list, name="list"),
    path("staff/", views.staff_home, name="staff_home"),
    path("staff/edition/", views.choose_for_staff, name="choose_for_staff"),
]
