import pytest
from django.test import RequestFactory

from core import ratelimit

pytestmark = pytest.mark.django_db


def test_a_limit_allows_its_number_of_hits_then_refuses():
    allowed, _seconds = ratelimit.LIMITS["resend:email"]
    results = [ratelimit.hit("resend:email", "salma@example.ma") for _ in range(allowed + 2)]
    assert results == [True] * allowed + [False, False]


def test_limits_count_each_value_separately():
    allowed, _seconds = ratelimit.LIMITS["resend:email"]
    for _ in range(allowed):
        ratelimit.hit("resend:email", "a@example.ma")
    assert ratelimit.hit("resend:email", "b@example.ma")
    assert ratelimit.hit("resend:email", "A@EXAMPLE.MA") is False  # case does not matter


def test_check_raises_with_a_translated_message():
    request = RequestFactory().post("/")
    allowed, _seconds = ratelimit.LIMITS["sign_in:email"]
    for _ in range(allowed):
        ratelimit.check(request, ("sign_in:email", "x@example.ma"))
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.check(request, ("sign_in:email", "x@example.ma"))
    assert "Trop de tentatives" in str(refused.value.message)


def test_nothing_personal_is_stored():
    from core.models import RateLimitCounter

    ratelimit.hit("register:email", "secret.person@example.ma")
    assert "secret.person" not in RateLimitCounter.objects.get().name


def test_client_ip_trusts_only_the_configured_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1",
                                   HTTP_X_FORWARDED_FOR="6.6.6.6, 41.250.1.2")
    assert ratelimit.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "41.250.1.2"
