from django.http import Http404


def _placeholder(*args, **kwargs):
    raise Http404("being written")
desk = _placeholder
scan = _placeholder
admit = _placeholder
offline_list = _placeholder
sync = _placeholder
counts = _placeholder
