"""Organiser pages of the lounge: scheduler runs, publication, table sheets, outcomes."""

from django.http import HttpResponse


def overview(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def run(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def run_detail(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def publish(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def table_sheets(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def outcomes(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
