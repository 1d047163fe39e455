from django.http import Http404


def _placeholder(*args, **kwargs):
    raise Http404("being written")
pass_list = _placeholder
register = _placeholder
resend_link = _placeholder
ticket = _placeholder
cancel = _placeholder
transfer = _placeholder
