"""The one gate of every staff page outside the admin."""

from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
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
