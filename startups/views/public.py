"""Public pages of the Startup Village: the call, applying, the directory."""

from django.http import HttpResponse


def directory(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def apply(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def application(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def withdraw(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def startup(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
