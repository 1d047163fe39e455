"""Unsubscribing from mailings, from the link at the bottom of each one (no account)."""

from django.http import Http404, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from dashboard.mailings import unsubscribe_address, unsubscribed_email
from dashboard.models import Unsubscribe
from editions.rendering import render_for_edition
from editions.services import current_edition


@csrf_exempt  # mail clients' one-click unsubscribe (RFC 8058) posts without a page
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    email = unsubscribed_email(token)
    if email is None:
        raise Http404
    if request.method == "POST":
        unsubscribe_address(email)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
    context = {
        "email": email,
        "done": request.method == "POST",
        "already": Unsubscribe.objects.filter(email=email).exists(),
    }
    return render_for_edition(request, "dashboard/unsubscribe.html", context, current_edition())
