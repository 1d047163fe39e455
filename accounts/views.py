from django.http import Http404


def _placeholder(*args, **kwargs):
    raise Http404("being written")
my_registrations = _placeholder
sign_in = _placeholder
login_with_link = _placeholder
sign_out = _placeholder
