"""Resetting widgets: emptying a form after success, redrawing an editor from the database."""

import streamlit as st


def clear_widgets(prefix: str) -> None:
    """Forget the values of the widgets whose key starts with `prefix`."""
    for key in [key for key in st.session_state if str(key).startswith(prefix)]:
        del st.session_state[key]


def versioned_key(name: str) -> str:
    """A widget key that `renew_key` changes, so the widget starts afresh."""
    return f"{name}_{st.session_state.get(f'{name}__version', 0)}"


def renew_key(name: str) -> None:
    st.session_state[f"{name}__version"] = st.session_state.get(f"{name}__version", 0) + 1
