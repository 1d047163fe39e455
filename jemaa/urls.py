from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from api.api import api
from programme.urls import export_patterns

handler404 = "core.views.not_found"

urlpatterns = [
    # Exports are read by calendar clients and conference apps: no language prefix.
    path("programme/", include((export_patterns, "exports"))),
    # Other software reads JSON, whatever its language: /api/…, /api/openapi.json.
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", include("editions.urls")),
    # Before programme/: the questions, polls and feedback of a session live under its address.
    path("", include("community.urls")),
    path("programme/", include("programme.urls")),
    path("register/", include("registration.urls")),
    path("startups/", include("startups.urls")),
    path("matchmaking/", include("matchmaking.urls")),
    path("activities/", include("activities.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("mailings/", include("dashboard.mailing_urls")),
    path("account/", include("accounts.urls")),
    path("", include("core.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
