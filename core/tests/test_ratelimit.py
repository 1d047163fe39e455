import pytest
from django.test import RequestFactory
from freezegun import freeze_time

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
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 41.250.1.2"
    )
    assert ratelimit.client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "41.250.1.2"


def test_every_limit_is_counted_by_some_form():
    """LIMITS is the one place the limits are documented: none of it may be dead."""
    from pathlib import Path

    from django.conf import settings

    code = "\n".join(
        path.read_text()
        for path in Path(settings.BASE_DIR).glob("*/**/*.py")
        if ".venv" not in path.parts and "tests" not in path.parts and path.name != "ratelimit.py"
    )
    for name in ratelimit.LIMITS:
        kind, _by = name.split(":")
        assert f'"{name}"' in code or f'"{kind}"' in code, name


@freeze_time("2026-03-02 10:00:00", tick=True)  # all in one 10-minute window
def test_a_flood_of_new_agendas_from_one_address_is_refused(client, session, settings):
    from programme.services import AGENDA_COOKIE

    allowed, _seconds = ratelimit.LIMITS["new_agenda:ip"]
    settings.RATE_LIMIT_FACTOR = 1
    star = "/fr/programme/agenda/star/"
    assert client.post(star, {"session": session.pk}).status_code == 302
    kept = client.cookies[AGENDA_COOKIE].value
    for _ in range(allowed - 1):
        client.cookies.clear()  # a bot that never keeps its cookie
        assert client.post(star, {"session": session.pk}).status_code == 302
    client.cookies.clear()
    refused = client.post(star, {"session": session.pk})
    assert refused.status_code == 429
    assert "Trop de tentatives" in refused.content.decode()
    # A browser that kept its agenda goes on starring from the same address.
    client.cookies[AGENDA_COOKIE] = kept
    assert client.post(star, {"session": session.pk}).status_code == 302
