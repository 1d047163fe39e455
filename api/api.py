"""The JSON API: the public programme and activity availability for anyone, and for
staff with a token, check-in and registration lookup. OpenAPI at /api/openapi.json.
Every answer is JSON, errors with a stable `code` (unknown addresses and refused
methods too); no CORS header is sent (browsers on other sites cannot read it), no
interactive docs page (it would load scripts from a CDN)."""

import logging
from functools import wraps

from django.http import Http404
from django.urls import URLPattern, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from api.errors import ApiError
from api.routes import programme, staff

logger = logging.getLogger(__name__)


class JsonOnlyApi(NinjaAPI):
    """Ninja answers a wrong method with text and leaves unknown paths to Django's HTML
    404 page: both become JSON errors here."""

    def _get_urls(self):
        urls = [
            _json_405(url) if isinstance(url, URLPattern) else url for url in super()._get_urls()
        ]
        return [*urls, re_path(r"^.*$", unknown_address)]


api = JsonOnlyApi(
    title="Jemaa API",
    version="1",
    description="The programme, the public activities' availability, and staff check-in.",
    docs_url=None,
    openapi_url="/openapi.json",
    urls_namespace="api",
)
api.add_router("/", programme.router)
api.add_router("/staff/", staff.router)


def _error(request, status: int, code: str, message: str, **extra):
    return api.create_response(
        request, {"code": code, "message": str(message), **extra}, status=status
    )


def _json_405(url: URLPattern) -> URLPattern:
    view = url.callback

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        refused = _error(
            request,
            405,
            "method_not_allowed",
            _("This address does not accept %(method)s requests.")
            % {"method": request.method[:10]},
        )
        refused["Allow"] = response["Allow"]
        return refused

    url.callback = answer
    return url


@csrf_exempt
def unknown_address(request, *args, **kwargs):
    return _error(request, 404, "not_found", _("Nothing is found at this address."))


@api.exception_handler(ApiError)
def api_error(request, error: ApiError):
    return _error(request, error.status, error.code, error.message)


@api.exception_handler(NinjaValidationError)
def invalid(request, error: NinjaValidationError):
    fields = [".".join(str(part) for part in e.get("loc", ())[1:]) for e in error.errors]
    return _error(
        request,
        400,
        "invalid",
        _("Some parameters are missing or malformed: %(fields)s.")
        % {"fields": ", ".join(f for f in fields if f) or "?"},
    )


@api.exception_handler(AuthenticationError)
def unauthorised(request, error):
    return _error(
        request, 401, "unauthorized", _("Send a staff token: Authorization: Bearer <token>.")
    )


@api.exception_handler(Http404)
def not_found(request, error):
    return _error(request, 404, "not_found", _("Nothing is found at this address."))


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    if error.status_code == 400:  # ninja could not read the body
        return _error(request, 400, "malformed_body", _("The request body is not valid JSON."))
    return _error(request, error.status_code, "error", str(error))


@api.exception_handler(Exception)
def server_error(request, error: Exception):
    """A bug still answers JSON (and is logged with its traceback)."""
    logger.exception("API error on %s %s", request.method, request.path)
    return _error(
        request, 500, "server_error", _("Something went wrong on our side; it has been logged.")
    )
