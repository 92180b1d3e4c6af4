"""What every page needs: the engine, the chosen workspace, and running a change safely."""

from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlmodel import Session

from planner.core.config import database_url
from planner.core.db import make_engine, migrate, reading
from planner.core.errors import PlannerError
from planner.journey.journey import Journey
from planner.store.candidates import candidate_frame
from planner.store.changes import audited
from planner.store.consensus import workspace_consensus
from planner.store.workspaces import load_journey
from planner.ui.access.grants import actor, allowed, role_in
from planner.ui.shell.lang import error_text, t

WORKSPACE_KEY = "workspace_id"
OPEN_NEXT_KEY = "open_workspace_next"
FEEDBACK_KEY = "feedback"


@st.cache_resource(show_spinner=False)
def get_engine(url: str) -> Engine:
    """One migrated engine per database URL, shared by all sessions."""
    engine = make_engine(url)
    migrate(engine)
    return engine


def engine() -> Engine:
    return get_engine(database_url())


def open_workspace(workspace_id: int) -> None:
    """Make `workspace_id` the current workspace from the next run on.

    The sidebar's picker owns the choice; it takes this over before it is drawn.
    """
    st.session_state[OPEN_NEXT_KEY] = workspace_id


def current_workspace_id() -> int | None:
    return st.session_state.get(WORKSPACE_KEY)


def require_journey(action: str = "edit") -> Journey:
    """The chosen workspace's journey when this session may `action` there (see
    planner.access.roles), else a pointer to the Workspaces page and stop."""
    workspace_id = current_workspace_id()
    if workspace_id is not None and allowed(workspace_id, action):
        try:
            with reading(engine()) as db:
                return load_journey(db=db, workspace_id=workspace_id)
        except PlannerError:
            st.session_state.pop(WORKSPACE_KEY, None)
    st.info(t("workspace.choose_first"))
    st.page_link(
        "planner/ui/pages/workspaces.py", label=t("nav.workspaces"), icon=":material/folder_open:"
    )
    st.stop()


@st.cache_data(show_spinner=False, max_entries=64)
def _candidates(url: str, workspace_id: int, version: datetime) -> pd.DataFrame:
    with reading(get_engine(url)) as db:
        return candidate_frame(db=db, workspace_id=workspace_id)


def candidates(journey: Journey) -> pd.DataFrame:
    """The workspace's candidates, cached until the workspace changes."""
    return _candidates(database_url(), journey.workspace.id, journey.workspace.updated_at).copy()


class Outcome(NamedTuple):
    ok: bool
    value: Any = None


@st.cache_data(ttl=5, show_spinner=False, max_entries=64)
def _consensus(url: str, workspace_id: int) -> pd.DataFrame:
    with reading(get_engine(url)) as db:
        return workspace_consensus(db=db, workspace_id=workspace_id)


def consensus(journey: Journey) -> pd.DataFrame:
    """The workspace's settled consensus; recomputed after every change made in this app
    (and within 5 s of a change made by another instance of it)."""
    return _consensus(database_url(), journey.workspace.id).copy()


def run_change(
    action: Callable[[Session], Any],
    success: str | None = None,
    *,
    rerun: bool = False,
    needs: str | None = "edit",
) -> Outcome:
    """Run `action(session)` in one transaction; show the outcome, never a traceback.

    The change needs the role to `needs` (see planner.access.roles) in the current workspace;
    `None` when what the action gets (a join code, a new workspace) is the credential.
    A facilitator's change goes into the audit log, in the same transaction.
    A refused change is explained at once, where it happened; a success message is
    kept for the next run, so that it survives `st.rerun()`. With `rerun`, the page
    is drawn afresh either way, with the message on top.
    """
    workspace_id = current_workspace_id()
    if needs is not None and not allowed(workspace_id, needs):
        st.error(t("access.not_allowed"), icon=":material/lock:")
        return Outcome(ok=False)
    logged = needs is not None and role_in(workspace_id) == "facilitator"
    try:
        with audited(
            engine(),
            actor=actor() or "?",
            action=success or t("audit.change"),
            workspace_id=workspace_id if logged else None,
        ) as change:
            value = action(change.db)
    except PlannerError as error:
        if rerun:
            feedback("error", error_text(error))
            st.rerun()
        st.error(error_text(error), icon=":material/error:")
        return Outcome(ok=False)
    _consensus.clear()
    if success:
        feedback("success", success)
    if rerun:
        st.rerun()
    return Outcome(ok=True, value=value)


def feedback(kind: str, message: str) -> None:
    """Remember a message to show at the top of the next page run (works in callbacks)."""
    st.session_state.setdefault(FEEDBACK_KEY, []).append((kind, message))


def show_feedback() -> None:
    for kind, message in st.session_state.pop(FEEDBACK_KEY, []):
        {"error": st.error, "success": st.success, "warning": st.warning}[kind](message)
