"""The roles this browser session holds, as the shell reads them: its grants per
workspace and the facilitator's name (planner.ui.access gives and ends them)."""

import streamlit as st

from planner.access.roles import can

GRANTS_KEY = "grants"  # workspace id -> role
ACTOR_KEY = "actor"  # the facilitator's name, for the audit log


def grants() -> dict[int, str]:
    return st.session_state.setdefault(GRANTS_KEY, {})


def role_in(workspace_id: int | None) -> str | None:
    return grants().get(workspace_id) if workspace_id is not None else None


def allowed(workspace_id: int | None, action: str) -> bool:
    return can(role_in(workspace_id), action)


def actor() -> str:
    return st.session_state.get(ACTOR_KEY, "")
