"""Jurors' pages: applications to review, scores, conflicts of interest."""

from django.http import HttpResponse


def queue(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def review(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def conflict(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
