from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from accounts.urls import notice_patterns
from api.api import api
from editions.urls import urlpatterns as edition_list_patterns
from programme.urls import edition_patterns, export_patterns, schedule_patterns

handler404 = "core.views.not_found"

urlpatterns = [
    # Exports are read by calendar clients and conference apps: no language prefix.
    path("programme/", include((export_patterns, "exports"))),
    # Other software reads JSON, whatever its language: /api/…, /api/openapi.json.
    path("api/", api.urls),
]

urlpatterns += i18n_patterns(
    # An edition's pages show its programme, so programme serves them; the list of
    # editions is the editions app's own. One namespace: editions:home, :detail, :list…
    path("", include((edition_list_patterns + edition_patterns, "editions"))),
    # Before programme/: the questions, polls and feedback of a session live under its address.
    path("", include("community.urls")),
    path("programme/", include("programme.urls")),
    path("staff/schedule/", include((schedule_patterns, "schedule"))),
    path("register/", include("registration.urls")),
    path("startups/", include("startups.urls")),
    path("matchmaking/", include("matchmaking.urls")),
    path("activities/", include("activities.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("mailings/", include("dashboard.mailing_urls")),
    path("account/", include("accounts.urls")),
    path("", include((notice_patterns, "core"))),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
