from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_registrations, name="home"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("login/", views.login_with_link, name="login"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("my-data.json", views.my_data, name="my_data"),
    path("delete/", views.delete_my_data, name="delete_my_data"),
    path("news/", views.news_consent, name="news"),
]

# The notice sits at the site's root (/fr/privacy/), not under account/; its name,
# core:privacy, predates its move here and is what every page's footer links to.
notice_patterns = [
    path("privacy/", views.privacy_notice, name="privacy"),
]
