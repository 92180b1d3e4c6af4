"""Staying signed in: this browser session's grants, name, language and workspace kept in
its sign-in record (planner.store.sign_ins), and brought back after a reload.

`restore` runs on a browser session's first run, `keep` on every run (it writes only
when something changed), `sign_out` ends the record and this session's grants.
"""

import os
from datetime import UTC, datetime

import streamlit as st

from planner.access.sign_ins import lifetime_from
from planner.core.db import writing
from planner.store.access import Grant
from planner.store.sign_ins import TOKEN_SIZES, Remembered, forget, recall, remember
from planner.ui.access import cookies
from planner.ui.access.grants import (
    ACTOR_KEY,
    BALLOT_OFF_KEY,
    GRANTS_KEY,
    PROOFS_KEY,
    STAKEHOLDER_KEY,
    actor,
    grants,
)
from planner.ui.access.visit_cookie import COOKIE
from planner.ui.shell.lang import LANG_KEY, current_lang
from planner.ui.shell.workspace import WORKSPACE_KEY, current_workspace_id, open_workspace

RESTORED_KEY = "sign_in_restored"
KEPT_KEY = "sign_in_kept"


def cookie_token() -> str | None:
    """This browser's sign-in token (see planner.ui.access.visit_cookie), if it has one."""
    token = cookies.read(COOKIE)
    return token if token and len(token) in TOKEN_SIZES else None


def _now_held() -> Remembered:
    proofs = st.session_state.get(PROOFS_KEY, {})
    lang = current_lang()
    return Remembered(
        grants=tuple(Grant(w, role, proofs.get(w, "")) for w, role in sorted(grants().items())),
        actor=actor(),
        lang="" if lang == "en" else lang,
        workspace_id=current_workspace_id() if grants() else None,
        ballot_off=bool(st.session_state.get(BALLOT_OFF_KEY)),
    )


def restore(engine) -> None:
    """On a browser session's first run: what its sign-in record holds, back in place."""
    if st.session_state.get(RESTORED_KEY):
        return
    st.session_state[RESTORED_KEY] = True
    token = cookie_token()
    if not token:
        return
    with writing(engine) as db:
        kept = recall(db=db, token=token, now=datetime.now(UTC), lifetime=lifetime_from(os.environ))
    if kept.empty:
        return
    held, proofs = grants(), st.session_state.setdefault(PROOFS_KEY, {})
    for grant in kept.grants:
        if grant.workspace_id not in held:
            held[grant.workspace_id] = grant.role
            proofs[grant.workspace_id] = grant.proof
    if kept.actor and not actor():
        st.session_state[ACTOR_KEY] = kept.actor
    if kept.lang:
        st.session_state[LANG_KEY] = kept.lang
    if kept.workspace_id is not None:
        open_workspace(kept.workspace_id)
    if kept.ballot_off:
        st.session_state[BALLOT_OFF_KEY] = True
    st.session_state[KEPT_KEY] = kept


def keep(engine) -> None:
    """Write down what this session holds now, when it changed since last written."""
    token = cookie_token()
    now_held = _now_held()
    if not token or st.session_state.get(KEPT_KEY, Remembered()) == now_held:
        return
    with writing(engine) as db:
        remember(
            db=db,
            token=token,
            kept=now_held,
            now=datetime.now(UTC),
            lifetime=lifetime_from(os.environ),
        )
    st.session_state[KEPT_KEY] = now_held


def sign_out(engine) -> None:
    """End this browser's sign-in: its record, and every grant of this session."""
    with writing(engine) as db:
        forget(db=db, token=cookie_token())
    for key in (GRANTS_KEY, PROOFS_KEY, ACTOR_KEY, WORKSPACE_KEY, STAKEHOLDER_KEY, KEPT_KEY):
        st.session_state.pop(key, None)
