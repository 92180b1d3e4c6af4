"""A session setting as a toggle that saves itself (auto-advance, automatic reveals,
named comments): one way for all of them."""

import streamlit as st

from planner.models import ScoringSession, SessionSettings
from planner.store.scoring.sessions import change_settings
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t


def _save(session_id: int, setting: str, key: str, label: str) -> None:
    on = st.session_state[key]
    run_change(
        lambda s: change_settings(
            db=s, session_id=session_id, settings=SessionSettings(**{setting: on})
        ),
        success=t("session.setting_saved", setting=label),
    )


def setting_toggle(scoring: ScoringSession, setting: str, label: str, **options) -> None:
    """A toggle for `setting` of SessionSettings, saved (and audited) when it changes."""
    key = f"{setting}_{scoring.id}"
    st.toggle(
        label,
        value=getattr(scoring, setting),
        key=key,
        on_change=_save,
        args=(scoring.id, setting, key, label),
        **options,
    )
