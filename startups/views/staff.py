"""Organiser pages: the ranking, decisions, booths."""

from django.http import HttpResponse


def ranking(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def applications_csv(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def booths(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def decide(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
