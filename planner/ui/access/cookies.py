"""The cookies this browser sent when it opened the page (read-only for the script)."""

import streamlit as st


def read(name: str) -> str | None:
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and value else None
