"""The engine every session shares: one per database URL, migrated once."""

import streamlit as st
from sqlalchemy import Engine

from planner.core.config import database_url
from planner.core.db import make_engine, migrate


@st.cache_resource(show_spinner=False)
def get_engine(url: str) -> Engine:
    """One migrated engine per database URL, shared by all sessions."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def engine() -> Engine:
    return get_engine(database_url())
