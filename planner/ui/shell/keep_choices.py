"""Choices that stay chosen when the user switches language.

A radio, select box or multiselect tells the browser its choice as the option's label,
and tabs their open tab by its label. Once the labels are translated the browser finds
none that matches and shows nothing chosen (or the first tab), while the page still
acts on the old choice. Setting each value again makes Streamlit send it afresh,
labelled in the new language.
"""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from planner.core.i18n import LANGUAGES, catalog
from planner.ui.shell.lang import LANG_KEY, current_lang


def keep_choices() -> None:
    """The language switch's callback: every choice and open tab, sent again."""
    for key, is_tab in _choice_keys():
        if key in st.session_state:  # the widgets of other pages are gone
            value = st.session_state[key]
            st.session_state[key] = _in_language(value, current_lang()) if is_tab else value


def _choice_keys() -> list[tuple[str, bool]]:
    """(key, is tabs) of the last run's choice widgets (those with options) and tabs.

    Streamlit has no public way to tell a widget's kind from its key; its widget
    metadata does: a choice's (de)serializer holds the options, the tabs' their default
    label. Other widgets (buttons, uploads, passwords, forms) may not be set through
    the session state at all.
    """
    try:  # private to Streamlit (pinned): should it move, a switch just keeps less
        state = get_script_run_ctx().session_state._state  # type: ignore[union-attr]
        keys = state._key_id_mapper.id_key_mapping
        metadata = state._new_widget_state.widget_metadata
    except AttributeError:
        return []
    found = []
    for widget_id, meta in metadata.items():
        serde = getattr(meta.deserializer, "__self__", None)
        if widget_id in keys and keys[widget_id] != LANG_KEY:
            if getattr(serde, "options", None) is not None:
                found.append((keys[widget_id], False))
            elif isinstance(getattr(serde, "default_label", None), str):
                found.append((keys[widget_id], True))
    return found


def _in_language(text: object, lang: str) -> object:
    """A text of the catalog (in any language) in `lang`; any other value as it is."""
    for other in LANGUAGES:
        for key, value in catalog(other).items():
            if value == text:
                return catalog(lang)[key]
    return text
