"""A participant's meetings: agenda, calendar feed, feedback."""

from django.http import HttpResponse


def agenda(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def agenda_ics(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def feedback(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
