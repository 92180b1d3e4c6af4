"""Browser tokens: only what the server signed counts; `__Host-` cookies over HTTPS."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.access.visit_tokens import cookie_name, https_request, issue, issued

SECRET = "the server's secret"


def test_issued_tokens_are_random_signed_and_fit_a_cookie():
    tokens = {issue(SECRET) for _ in range(50)}
    assert len(tokens) == 50
    assert all(issued(SECRET, token) and len(token) <= 100 for token in tokens)
    assert not any(issued("another secret", token) for token in tokens)


@given(st.text(max_size=200))
def test_no_typed_value_passes_for_an_issued_token(value):
    assert not issued(SECRET, value)


def test_a_changed_character_breaks_the_signature():
    token = issue(SECRET)
    flipped = ("A" if token[0] != "A" else "B") + token[1:]
    assert not issued(SECRET, flipped) and not issued(SECRET, token + "x")


@pytest.mark.parametrize(
    "scheme, headers, https",
    [
        ("http", {}, False),
        ("https", {}, True),
        ("wss", {}, True),
        ("http", {"x-forwarded-proto": "https"}, True),
        ("http", {"x-forwarded-proto": "https, http"}, True),
        ("http", {"x-forwarded-proto": "http"}, False),
    ],
)
def test_https_is_the_scheme_or_what_the_proxy_says(scheme, headers, https):
    assert https_request(scheme, headers) is https
    assert cookie_name("planner_visit", https=https) == (
        "__Host-planner_visit" if https else "planner_visit"
    )
