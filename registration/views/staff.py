from django.http import Http404


def _placeholder(*args, **kwargs):
    raise Http404("being written")
registration_list = _placeholder
add_registration = _placeholder
registration_detail = _placeholder
waiting_list = _placeholder
registrations_csv = _placeholder
badges = _placeholder
