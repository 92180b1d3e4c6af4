"""Running a change: authorised, in one audited transaction, its outcome shown (never a
traceback), and messages kept across `st.rerun()`."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple

import streamlit as st
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from planner.access.rate_limit import Buckets
from planner.access.roles import Role
from planner.core.errors import PlannerError
from planner.store.access import attempts
from planner.store.audit import audited
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import error_text, t
from planner.ui.shell.reads import forget_changed
from planner.ui.shell.session_roles import actor, allowed, role_in
from planner.ui.shell.workspace import current_workspace_id

FEEDBACK_KEY = "feedback"
PAGE_KEY = "feedback_page"  # the page the last run drew, where a change is being made


class Outcome(NamedTuple):
    ok: bool
    value: Any = None


def run_change(
    action: Callable[[Session], Any],
    success: str | None = None,
    *,
    rerun: bool = False,
    needs: str | None = "edit",
    limit: Buckets | None = None,
    succeeded: Callable[[Any], bool] = lambda _: True,
    guessed: Callable[[PlannerError], bool] = lambda _: True,
) -> Outcome:
    """Run `action(session)` in one transaction; show the outcome, never a traceback.

    The change needs the role to `needs` (see planner.access.roles) in the current workspace;
    `None` when what the action gets (a join code, a new workspace) is the credential.
    A facilitator's change goes into the audit log, in the same transaction.
    With `limit`, the change is a try at a credential (so `needs=None`, and nothing is
    logged) counted where `limit` says (planner.store.access.attempts.limited): refused while
    this client must wait, a failure when refused (by an error that `guessed` wrong) or
    unless `succeeded(value)`.
    A refused change is explained at once, where it happened; a success message is
    kept for the next run, so that it survives `st.rerun()`. With `rerun`, the page
    is drawn afresh either way, with the message on top.
    """
    workspace_id = current_workspace_id()
    if needs is not None and not allowed(workspace_id, needs):
        st.error(t("access.not_allowed"), icon=":material/lock:")
        return Outcome(ok=False)
    logged = needs is not None and role_in(workspace_id) == Role.FACILITATOR
    try:
        if limit is not None:
            value = attempts.limited(
                engine(),
                buckets=limit,
                now=datetime.now(UTC),
                action=action,
                succeeded=succeeded,
                guessed=guessed,
            )
        else:
            with audited(
                engine(),
                actor=actor() or "?",
                action=success or t("audit.change"),
                workspace_id=workspace_id if logged else None,
            ) as change:
                value = action(change.db)
    except (PlannerError, OperationalError) as error:  # refused, or the database is unusable
        message = (
            error_text(error)
            if isinstance(error, PlannerError)
            else t("error.database_unusable", detail=str(error.orig).splitlines()[0][:200])
        )
        if rerun:
            feedback("error", message)
            st.rerun()
        waiting = isinstance(error, attempts.TooManyAttempts)
        st.error(message, icon=":material/timer:" if waiting else ":material/error:")
        return Outcome(ok=False)
    forget_changed()
    if success:
        feedback("success", success)
    if rerun:
        st.rerun()
    return Outcome(ok=True, value=value)


def run_job(
    job: Callable[[], Any],
    success: Callable[[Any], str],
    *,
    needs: str | None = "edit",
    logged_in: Callable[[Any], int | None] = lambda _: None,
) -> Outcome:
    """`run_change` for work that opens its own transactions (a large import or restore
    in batches, see planner.backup.staging): authorised first, refusals shown, and on
    success the audit record for the workspace `logged_in(value)` names (default: the
    current one, when the change needs a role) and the message `success(value)`."""
    workspace_id = current_workspace_id()
    if needs is not None and not allowed(workspace_id, needs):
        st.error(t("access.not_allowed"), icon=":material/lock:")
        return Outcome(ok=False)
    try:
        value = job()
    except (PlannerError, OperationalError) as error:
        message = (
            error_text(error)
            if isinstance(error, PlannerError)
            else t("error.database_unusable", detail=str(error.orig).splitlines()[0][:200])
        )
        st.error(message, icon=":material/error:")
        return Outcome(ok=False)
    logged = logged_in(value) if needs is None else workspace_id
    if logged is not None and (needs is None or role_in(workspace_id) == Role.FACILITATOR):
        with audited(engine(), actor=actor() or "?", action=success(value), workspace_id=logged):
            pass
    forget_changed()
    feedback("success", success(value))
    return Outcome(ok=True, value=value)


def feedback(kind: str, message: str) -> None:
    """Remember a message to show at the top of the next run of the page where the change
    was made (works in callbacks: they run before the page, for the page last drawn)."""
    where = st.session_state.get(PAGE_KEY)
    st.session_state.setdefault(FEEDBACK_KEY, []).append((kind, message, where))


def show_feedback(page: str) -> None:
    """Show the messages of changes made on `page`, the page this run draws. A message of
    another page is dropped: it would tell of a change the user no longer sees (a run
    that draws no page, such as a fragment's, can leave one behind until the user goes
    elsewhere)."""
    st.session_state[PAGE_KEY] = page
    for kind, message, where in st.session_state.pop(FEEDBACK_KEY, []):
        if where in (page, None):
            {"error": st.error, "success": st.success, "warning": st.warning}[kind](message)
