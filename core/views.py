from django.shortcuts import render


def not_found(request, exception=None):
    """404 in the visitor's language, with the site's layout."""
    return render(request, "404.html", status=404)
