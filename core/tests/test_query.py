"""core.query reads a query-string parameter into what a database query may use."""

import pytest
from django.http import Http404, QueryDict
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from core import query
from core.tests.hostile import NASTY


def _query(name: str, *values: str) -> QueryDict:
    built = QueryDict(mutable=True)
    built.setlist(name, list(values))
    return built


any_value = st.one_of(st.text(), st.sampled_from(NASTY), st.text(min_size=60, max_size=400))


@given(value=any_value)
def test_a_slug_is_a_slug_or_nothing_is_named(value):
    try:
        found = query.slug(_query("edition", value), "edition")
    except Http404:
        return
    assert found is None and value == "" or query.SLUG.fullmatch(found)


@pytest.mark.parametrize("value", ["\x00", "scc-2022\x00", "scc-2022\n", "é", "a" * 51, "a b"])
def test_what_cannot_be_a_slug_names_nothing(value):
    with pytest.raises(Http404):
        query.slug(_query("edition", value), "edition")


def test_an_absent_or_empty_slug_is_none_and_the_last_of_a_list_counts():
    assert query.slug(QueryDict(), "edition") is None
    assert query.slug(_query("edition", ""), "edition") is None
    assert query.slug(_query("edition", "\x00", "scc-2022"), "edition") == "scc-2022"


@given(value=any_value)
def test_a_number_is_plain_digits_or_none(value):
    found = query.number(_query("id", value), "id")
    assert found is None or (str(found) == value.lstrip("0") or found == 0)


@pytest.mark.parametrize("value", ["²", "١٢", "-1", "1e3", " 1", "9" * 19, "\x00"])
def test_digits_int_refuses_or_a_sign_are_no_number(value):
    assert query.number(_query("id", value), "id") is None


@given(value=any_value)
def test_a_choice_is_one_of_the_choices_or_empty(value):
    assert query.choice(_query("order", value), "order", ["recent", "votes"]) in (
        "recent",
        "votes",
        "",
    )


@given(value=any_value)
def test_search_text_has_no_control_character_and_a_limit(value):
    found = query.text(_query("q", value), "q", limit=40)
    assert len(found) <= 40
    assert not any(c < " " for c in found)


@pytest.mark.parametrize("query_string", ["q=%00", "%00=1", "status__exact=a%00b", "q=a&q=%00"])
def test_a_nul_in_the_query_string_of_an_admin_page_is_a_plain_400(admin_client, query_string):
    address = reverse("admin:programme_session_changelist")
    assert admin_client.get(f"{address}?{query_string}").status_code == 400


def test_an_encoded_percent_zero_zero_is_not_a_nul(admin_client):
    address = reverse("admin:programme_session_changelist")
    assert admin_client.get(f"{address}?q=%2500").status_code == 200


def test_a_public_page_reads_a_nul_as_any_value_it_cannot_use(client, edition):
    assert client.get("/fr/programme/?pivot=%00&day=%00").status_code == 200
    assert client.get("/fr/programme/schedule.json?edition=%00").status_code == 404
