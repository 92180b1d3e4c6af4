"""The user's language (sidebar switch) and `t()` bound to it."""

import streamlit as st

from planner.core import i18n
from planner.core.errors import PlannerError
from planner.ui.text import plain

LANG_KEY = "lang"
LANG_CHOSEN_KEY = "lang_chosen"  # the user switched language in this session


def current_lang() -> str:
    return st.session_state.get(LANG_KEY, "en")


def t(key: str, **params: object) -> str:
    """The text for `key` in the user's language; typed text in `params` shows as typed.

    Streamlit reads labels and messages as Markdown, so text that users typed (names,
    titles) is escaped here, once, for every page.
    """
    safe = {
        name: plain(value) if isinstance(value, str) else value for name, value in params.items()
    }
    return i18n.t(key, current_lang(), **safe)


def error_text(error: PlannerError) -> str:
    """A domain error's message in the user's language, safe to show as Markdown."""
    return plain(error.message(current_lang()))
