"""The lounge in public and a participant's own pages."""

from django.http import HttpResponse


def lounge_home(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def challenge(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def join(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def my_profile(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def availability(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def challenge_new(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def challenge_edit(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def suggestions(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def person(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def request_meeting(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def requests(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)


def answer(request, *args, **kwargs):  # placeholder, replaced by the real view
    return HttpResponse(status=501)
