"""The cookies this browser sent when it opened the page (read-only for the script)."""

import streamlit as st

from planner.access.visit_tokens import cookie_name


def https_page() -> bool:
    """Whether the browser shows this page over HTTPS (the app's cookies are `__Host-`
    prefixed then, and only those count)."""
    url = st.context.url
    return isinstance(url, str) and url.startswith("https:")


def read(name: str) -> str | None:
    """The app's cookie `name` (its `__Host-` form over HTTPS), if the browser sent it."""
    value = st.context.cookies.get(cookie_name(name, https=https_page()))
    return value if isinstance(value, str) and value else None
