"""The tokens in own-pace mails: a personal link token the same on every mail and
different for anyone else, and an opt-out token that only this server's secret reads."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer

from planner.access.mail_tokens import (
    OPT_OUT_SALT,
    SIZE_MAX,
    opt_out_token,
    personal_token,
    read_opt_out,
)

IDS = st.integers(min_value=1, max_value=2**31)


def test_a_personal_token_is_the_same_each_time_and_url_safe():
    token = personal_token("secret", session_id=3, stakeholder_id=7)
    assert token == personal_token("secret", session_id=3, stakeholder_id=7)
    assert len(token) == 43  # 256 bits, no padding
    assert token.replace("-", "").replace("_", "").isalnum()


@pytest.mark.parametrize(
    ("secret", "session_id", "stakeholder_id"),
    [("other secret", 3, 7), ("secret", 4, 7), ("secret", 3, 8), ("secret", 7, 3)],
)
def test_a_personal_token_differs_by_secret_session_and_stakeholder(
    secret, session_id, stakeholder_id
):
    token = personal_token("secret", session_id=3, stakeholder_id=7)
    assert personal_token(secret, session_id=session_id, stakeholder_id=stakeholder_id) != token


@given(IDS, IDS)
def test_an_opt_out_token_reads_back_as_who_and_where(session_id, stakeholder_id):
    token = opt_out_token("secret", session_id=session_id, stakeholder_id=stakeholder_id)
    assert read_opt_out("secret", token) == (session_id, stakeholder_id)
    assert read_opt_out("other secret", token) is None


def made(payload) -> str:
    """A token signed with the right secret and salt, of any payload."""
    return URLSafeSerializer("secret", salt=OPT_OUT_SALT).dumps(payload)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        "x" * (SIZE_MAX + 1),
        made(["3", 7]),  # signed, but not two numbers
        made([3]),
        made({"session": 3}),
        URLSafeSerializer("secret", salt="another use").dumps([3, 7]),
    ],
)
def test_read_opt_out_refuses_what_this_server_did_not_make_as_an_opt_out(token):
    assert read_opt_out("secret", token) is None


def test_an_edited_opt_out_token_is_refused():
    token = opt_out_token("secret", session_id=3, stakeholder_id=7)
    edited = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert read_opt_out("secret", edited) is None
