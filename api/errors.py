"""Errors as JSON with a stable code, for every failure of the API."""

from django.utils.translation import gettext as _


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing is found at this address."))


def forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


def refuse_unknown_parameters(request, *known: str) -> None:
    """A misspelt filter must not silently return everything."""
    unknown = sorted(set(request.GET) - set(known))
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            _("Unknown parameters: %(names)s.") % {"names": ", ".join(unknown)[:200]},
        )
