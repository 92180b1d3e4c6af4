"""Small widgets used on several pages."""

import streamlit as st

from planner.core.i18n import LANGUAGE_NAMES, LANGUAGES
from planner.ui.shell.lang import current_lang, t


def language_radio(key: str, value: str = "en") -> str:
    """Choose a workspace's language: English or Nederlands."""
    return st.radio(
        t("field.language"),
        LANGUAGES,
        index=LANGUAGES.index(value),
        format_func=LANGUAGE_NAMES.get,
        horizontal=True,
        key=key,
    )


def multiselect(container, label: str, options, **kwargs):
    """`container.multiselect` with its placeholder in the user's language (Streamlit's
    own is English: "Choose options"). Streamlit's "Select all" option (and "Select 3
    matches" while filtering) has no text to set: it is offered in English only."""
    kwargs.setdefault("placeholder", t("widget.choose_options"))
    if current_lang() != "en":
        kwargs.setdefault("select_all", False)
    return container.multiselect(label, options, **kwargs)
