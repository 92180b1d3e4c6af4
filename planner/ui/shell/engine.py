"""The engine every session shares: one per database URL, migrated once."""

import streamlit as st
from sqlalchemy import Engine

from planner.backup.staging import remove_stale
from planner.core.config import database_url
from planner.core.db import make_engine, migrate, writing
from planner.store.access.server_secrets import server_secret


@st.cache_resource(show_spinner=False)
def get_engine(url: str) -> Engine:
    """One migrated engine per database URL, shared by all sessions; what a killed restore
    or import left goes at this start (planner.backup.staging)."""
    engine = make_engine(url)
    migrate(engine)
    remove_stale(engine)
    return engine


def engine() -> Engine:
    return get_engine(database_url())


@st.cache_resource(show_spinner=False)
def get_secret(url: str, name: str) -> str:
    """A server secret (planner.store.access.server_secrets), read once per process."""
    with writing(get_engine(url)) as db:
        return server_secret(db=db, name=name)


def app_secret(name: str) -> str:
    return get_secret(database_url(), name)
