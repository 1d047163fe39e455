"""The JSON API: the public programme and activity availability for anyone, and for
staff with a token, check-in and registration lookup. OpenAPI at /api/openapi.json.
Every error is JSON with a stable `code`; no CORS header is sent (browsers on other
sites cannot read it), no interactive docs page (it would load scripts from a CDN)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from api.errors import ApiError
from api.routes import programme, staff

api = NinjaAPI(
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
    return api.create_response(request, {"code": code, "message": str(message), **extra},
                               status=status)


@api.exception_handler(ApiError)
def api_error(request, error: ApiError):
    return _error(request, error.status, error.code, error.message)


@api.exception_handler(NinjaValidationError)
def invalid(request, error: NinjaValidationError):
    fields = [".".join(str(part) for part in e.get("loc", ())[1:]) for e in error.errors]
    return _error(request, 400, "invalid",
                  _("Some parameters are missing or malformed: %(fields)s.")
                  % {"fields": ", ".join(f for f in fields if f) or "?"})


@api.exception_handler(AuthenticationError)
def unauthorised(request, error):
    return _error(request, 401, "unauthorized",
                  _("Send a staff token: Authorization: Bearer <token>."))


@api.exception_handler(Http404)
def not_found(request, error):
    return _error(request, 404, "not_found", _("Nothing is found at this address."))


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    return _error(request, error.status_code, "error", str(error))
