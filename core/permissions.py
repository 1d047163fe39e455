"""The one gate of every staff page outside the admin."""

from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache


def staff_only(permission: str):
    """Signed-in staff holding `permission`; others get the login page or a 403.
    Never cached: these pages show people's data or live counts."""

    def decorate(view):
        @wraps(view)
        @never_cache
        @login_required(login_url="admin:login")
        @permission_required(permission, raise_exception=True)
        def wrapped(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def staff_member(view):
    """Any signed-in staff member, whatever their role: pages that show each person
    only what their permissions allow. Others get the login page or a 403."""

    @wraps(view)
    @never_cache
    @login_required(login_url="admin:login")
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
