"""The user's language (sidebar switch) and `t()` bound to it."""

import streamlit as st

from planner import i18n

LANG_KEY = "lang"


def current_lang() -> str:
    return st.session_state.get(LANG_KEY, "en")


def t(key: str, **params: object) -> str:
    return i18n.t(key, current_lang(), **params)
