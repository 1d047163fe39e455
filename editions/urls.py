from django.urls import path

from editions import views

app_name = "editions"

urlpatterns = [
    path("", views.home, name="home"),
    path("editions/", views.edition_list, name="list"),
    path("editions/<slug:slug>/", views.edition_detail, name="detail"),
    path("editions/<slug:slug>/programme/", views.edition_programme, name="programme"),
]
