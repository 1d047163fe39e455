from django.urls import path

from registration.views import desk, public, staff

app_name = "registration"

urlpatterns = [
    path("", public.pass_list, name="passes"),
    path("pass/<slug:slug>/", public.register, name="register"),
    path("pass/<slug:slug>/invitation/<secret:token>/", public.register, name="invited"),
    path("resend/", public.resend_link, name="resend"),
    path("ticket/<str:secret>/", public.ticket, name="ticket"),
    path("ticket/<str:secret>/cancel/", public.cancel, name="cancel"),
    path("ticket/<str:secret>/transfer/", public.transfer, name="transfer"),
    path("desk/", desk.desk, name="desk"),
    path("desk/scan/", desk.scan, name="scan"),
    path("desk/admit/<int:pk>/", desk.admit, name="admit"),
    path("desk/offline.json", desk.offline_list, name="offline_list"),
    path("desk/sync/", desk.sync, name="sync"),
    path("desk/counts/", desk.counts, name="counts"),
    path("staff/", staff.registration_list, name="staff_list"),
    path("staff/add/", staff.add_registration, name="staff_add"),
    path("staff/<int:pk>/", staff.registration_detail, name="staff_detail"),
    path("staff/waiting-list/", staff.waiting_list, name="waiting_list"),
    path("staff/registrations.csv", staff.registrations_csv, name="registrations_csv"),
    path("staff/badges/", staff.badges, name="badges"),
]
