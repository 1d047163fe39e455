"""Small HTTP answers every app's views share."""

from django.http import HttpResponseRedirect


def see_other(url: str) -> HttpResponseRedirect:
    """303 after a POST: the browser GETs the next page, so a reload never re-posts."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
