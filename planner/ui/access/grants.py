"""What this browser session may reach: its grants per workspace, kept in session state.

A facilitator gets a grant by signing in with the passphrase, a manager or product owner
by opening their link (`?view=...`, `?owner=...`), a stakeholder by joining with a code.
"""

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, NamedTuple

import streamlit as st
from sqlmodel import Session
from streamlit import runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from planner.access import clients
from planner.access.clients import client_address, trusted_proxies
from planner.access.rate_limit import Buckets
from planner.access.roles import Role
from planner.core.db import reading, writing
from planner.core.errors import PlannerError
from planner.store.access import attempts
from planner.store.access.attempts import TooManyAttempts
from planner.store.access.grants import Grant, current_proofs, grant_for_link
from planner.store.scoring.stakeholders import Joined, rejoin
from planner.ui.access import cookies
from planner.ui.shell.lang import error_text, t
from planner.ui.shell.session_roles import ACTOR_KEY, grants

PROOFS_KEY = "grant_proofs"  # workspace id -> the proof of the credential (see Grant)
STAKEHOLDER_KEY = "ballot_me"  # the Me of a joined stakeholder
ADMIN_KEY = "administrator"  # the administrator's passphrase was given in this session
LINK_ROLES = {"view": Role.VIEWER, "owner": Role.OWNER}
PERSONAL_LINK = "me"  # ?me=TOKEN: a stakeholder's personal link
FROM_LINK = "link"  # ?link=1: the server moved ?me= into the cookie (key_in_address)
PERSONAL_COOKIE = "planner_me"  # set by the ballot's /api/ballot/remember route
BALLOT_OFF_KEY = "ballot_off"  # the stakeholder left the ballot on this browser
RESUME_TRIED_KEY = "ballot_resume_tried"


class Me(NamedTuple):
    """The stakeholder this browser session answers as, and the token that proves it."""

    session_id: int
    stakeholder_id: int
    name: str
    token: str


def me() -> Me | None:
    return st.session_state.get(STAKEHOLDER_KEY)


def become(joined: Joined) -> None:
    """Answer as this stakeholder from now on; the address keeps the code, not the name."""
    st.session_state[STAKEHOLDER_KEY] = Me(
        joined.scoring.id, joined.stakeholder.id, joined.stakeholder.name, joined.token
    )
    st.query_params.clear()
    st.query_params["join"] = joined.scoring.code


def resume_stakeholder(engine) -> None:
    """Who this visitor is, from their personal link (`?me=`), or else from its cookie:
    when they open a join link again, or come back without a link and hold no other
    role (unless they left the ballot on this browser). Names never say who someone is."""
    token = st.query_params.get(PERSONAL_LINK)
    if not token and FROM_LINK in st.query_params:  # the server moved ?me= to the cookie
        st.query_params.pop(FROM_LINK)
        token = cookies.read(PERSONAL_COOKIE)
    if token:
        st.session_state.pop(BALLOT_OFF_KEY, None)
    elif me() is None and _cookie_may_resume():
        st.session_state[RESUME_TRIED_KEY] = True
        token = cookies.read(PERSONAL_COOKIE)
    if not isinstance(token, str) or not token or (me() is not None and me().token == token):
        return
    try:
        with writing(engine) as db:
            joined = rejoin(db=db, token=token, code=st.query_params.get("join"))
    except PlannerError as error:
        if PERSONAL_LINK in st.query_params:
            st.query_params.pop(PERSONAL_LINK)
            st.error(error_text(error), icon=":material/link_off:")
        return
    become(joined)


def _cookie_may_resume() -> bool:
    if "join" in st.query_params:
        return True
    other_link = any(param in st.query_params for param in LINK_ROLES)
    tried = st.session_state.get(RESUME_TRIED_KEY)
    return not (other_link or tried or grants() or st.session_state.get(BALLOT_OFF_KEY))


def leave_ballot(code: str) -> None:
    """Stop answering as this stakeholder on this browser; back to the join form of
    `code`. Their personal link still brings them back."""
    st.session_state.pop(STAKEHOLDER_KEY, None)
    st.session_state[BALLOT_OFF_KEY] = True
    st.query_params.clear()
    st.query_params["join"] = code


def give(grant: Grant, actor: str | None = None) -> None:
    """Add a grant; a stronger role for the same workspace is kept."""
    order = (Role.VIEWER, Role.OWNER, Role.FACILITATOR)
    held = grants().get(grant.workspace_id)
    if held is None or order.index(grant.role) > order.index(held):
        grants()[grant.workspace_id] = grant.role
        st.session_state.setdefault(PROOFS_KEY, {})[grant.workspace_id] = grant.proof
    if actor:
        st.session_state[ACTOR_KEY] = actor


def recheck_grants(engine) -> None:
    """End every grant whose credential changed since (new links, a new passphrase) or
    whose workspace is gone: checked against the database on every run, one query."""
    held = grants()
    if not held:
        return
    proofs = st.session_state.setdefault(PROOFS_KEY, {})
    with reading(engine) as db:
        now = current_proofs(db=db, roles=held)
    ended = [w for w in held if not proofs.get(w) or proofs.get(w) != now.get(w)]
    for workspace_id in ended:
        held.pop(workspace_id)
        proofs.pop(workspace_id, None)
    if ended:
        st.warning(t("access.revoked"), icon=":material/lock_reset:")


def may_make_large_workspaces() -> bool:
    """Restore a backup or import into a new workspace: facilitators signed in here
    (a stranger first makes a workspace, which is rate-limited) and the administrator."""
    return Role.FACILITATOR in grants().values() or bool(st.session_state.get(ADMIN_KEY))


def stakeholder_mode() -> bool:
    """A stakeholder's visit: they came by a join link (and hold no workspace grant)."""
    by_link = "join" in st.query_params or PERSONAL_LINK in st.query_params
    return by_link or (STAKEHOLDER_KEY in st.session_state and not grants())


def apply_link(engine) -> int | None:
    """Grant what a `?view=` or `?owner=` link in the address gives; its workspace id."""
    for param in LINK_ROLES:
        token = st.query_params.get(param)
        if not token:
            continue
        with reading(engine) as db:
            grant = grant_for_link(db=db, token=token)
        if grant is None:
            st.error(t("access.bad_link"), icon=":material/link_off:")
            return None
        give(grant)
        return grant.workspace_id
    return None


def limited(
    engine,
    buckets: Buckets,
    action: Callable[[Session], Any],
    succeeded: Callable[[Any], bool] = bool,
) -> Any:
    """`planner.store.access.attempts.limited`, a refusal to wait shown here (and None returned).
    A try that changes something: `run_change(..., limit=...)`."""
    try:
        return attempts.limited(
            engine, buckets=buckets, now=datetime.now(UTC), action=action, succeeded=succeeded
        )
    except TooManyAttempts as error:
        st.error(error_text(error), icon=":material/timer:")
        return None


def client() -> str:
    """This visitor's address: the peer's, or behind a trusted proxy the one it names
    (see planner.access.clients)."""
    peer, forwarded = st.context.ip_address, st.context.headers.get("X-Forwarded-For")
    return client_address(
        peer if isinstance(peer, str) else None,
        forwarded if isinstance(forwarded, str) else None,
        trusted_proxies(os.environ),
    )


def peer() -> str | None:
    """The address this session's connection comes from, as the server took it
    (`st.context.ip_address` hides a loopback peer: None, as when there is no peer)."""
    ctx = get_script_run_ctx()
    if ctx is None or not runtime.exists():
        return None
    session = runtime.get_instance().get_client(ctx.session_id)
    context = getattr(session, "client_context", None)
    address = getattr(context, "remote_ip", None)
    return address if isinstance(address, str) else None


def on_this_machine() -> bool:
    """This visitor's browser runs on the machine that serves the app (planner.access.clients)."""
    return clients.on_this_machine(peer(), st.context.headers)


def buckets(kind: str, target: str = "*") -> Buckets:
    """Where this visitor's try at `target` counts (see planner.access.rate_limit)."""
    return Buckets.of(kind, target, client())
