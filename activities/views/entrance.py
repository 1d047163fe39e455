"""Entrance pages for staff. PLACEHOLDER: replaced by the entrance work."""

from django.http import Http404


def _placeholder(request, *args, **kwargs):
    raise Http404


choose = occupancy = entrance = scan = walk_in = find = _placeholder
