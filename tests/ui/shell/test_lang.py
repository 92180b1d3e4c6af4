"""The user's language and `t()` bound to it: English until chosen, typed text in a
message shown as typed, a domain error in the user's words."""

from streamlit.testing.v1 import AppTest

from planner.core import i18n
from planner.core.safe_text import markdown_literal
from planner.ui.shell.lang import LANG_KEY


def speak():
    import streamlit as st

    from planner.core.errors import PlannerError
    from planner.ui.shell.lang import current_lang, error_text, t

    st.text(current_lang())
    st.text(t("workspace.not_for_role", role="**owner**"))
    st.text(error_text(PlannerError("audit.revealed_time_up", number=2, session="**Q1**")))


def test_english_until_a_language_is_chosen():
    at = AppTest.from_function(speak).run()
    assert not at.exception
    assert at.text[0].value == "en"


def test_typed_text_in_a_message_is_escaped_and_the_message_in_the_language():
    at = AppTest.from_function(speak)
    at.session_state[LANG_KEY] = "nl"
    at.run()
    assert at.text[0].value == "nl"
    assert at.text[1].value == i18n.t("workspace.not_for_role", "nl", role=r"\*\*owner\*\*")
    expected = i18n.t("audit.revealed_time_up", "nl", number=2, session="**Q1**")
    assert at.text[2].value == markdown_literal(expected)  # all of it, typed or not
