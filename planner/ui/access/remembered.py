"""Staying signed in: this browser session's grants, name, language and workspace kept in
a sign-in record (planner.store.access.sign_ins), and brought back after a reload.

`restore` runs first on every run: on a browser session's first run it brings back what
the cookie's sign-in holds; on every run after that it checks the sign-in still holds (one
indexed read), so a sign-out in another tab ends this one at its next click. `keep` runs
on every run and writes only when something changed: a new role always begins a new
sign-in under a new token (a token the browser held before, planted or not, never gains
a role), which `hand_over` puts into the browser's cookie. `sign_out` ends it all.
"""

import hashlib
import os
from datetime import UTC, datetime

import streamlit as st

from planner.access.sign_ins import lifetime_from, needs_touch
from planner.core.db import reading, writing
from planner.core.i18n import Language
from planner.store.access.grants import Grant
from planner.store.access.sign_ins import (
    Remembered,
    begin,
    forget,
    last_seen,
    recall,
    remember,
    touch,
)
from planner.ui.access import cookies
from planner.ui.access.grants import BALLOT_OFF_KEY, PROOFS_KEY, STAKEHOLDER_KEY
from planner.ui.access.visit_cookie import COOKIE, HANDOVER_HEADER
from planner.ui.shell.changes import feedback
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import LANG_CHOSEN_KEY, LANG_KEY, current_lang, t
from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY, actor, grants
from planner.ui.shell.workspace import WORKSPACE_KEY, current_workspace_id, open_workspace

RESTORED_KEY = "sign_in_restored"
KEPT_KEY = "sign_in_kept"
TOKEN_KEY = "sign_in_token"  # the token of this session's sign-in record
HANDOVER_KEY = "sign_in_handover"  # a new token the browser's cookie is still to get

_HANDOVER_JS = """
export default function (component) {
  const { data } = component;
  const done = (window.plannerHandedOver ??= new Set());
  if (done.has(data.token)) return;
  done.add(data.token);
  const send = (tries) =>
    fetch(data.path, {
      method: "POST",
      headers: { [data.header]: data.token },
      credentials: "same-origin",
      cache: "no-store",
    }).catch(() => (tries < 5 ? setTimeout(() => send(tries + 1), 500 * 2 ** tries) : null));
  send(0);
}
"""
_handover = st.components.v2.component("planner.sign_in_handover", js=_HANDOVER_JS)


def cookie_token() -> str | None:
    """The token this browser's cookie held when the page was opened, if any."""
    return cookies.read(COOKIE)


def session_token() -> str | None:
    """The token of this session's sign-in: the one its browser holds (or is being
    handed), for what must match the cookie later (download links)."""
    return st.session_state.get(TOKEN_KEY) or cookie_token()


def _now_held() -> Remembered:
    proofs = st.session_state.get(PROOFS_KEY, {})
    lang = current_lang()
    return Remembered(
        grants=tuple(Grant(w, role, proofs.get(w, "")) for w, role in sorted(grants().items())),
        actor=actor(),
        # the language chosen on this browser, English too; none: the workspace's applies
        lang=Language(lang) if st.session_state.get(LANG_CHOSEN_KEY) else None,
        workspace_id=current_workspace_id() if grants() else None,
        ballot_off=bool(st.session_state.get(BALLOT_OFF_KEY)),
    )


def restore(engine) -> None:
    """What this browser's sign-in holds, back in place on a session's first run; on
    later runs, the end of a sign-in that ended elsewhere (sign-out in another tab)."""
    if st.session_state.get(RESTORED_KEY):
        _follow(engine)
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
    if kept.lang:  # chosen on this browser before: it wins over the workspace's language
        st.session_state[LANG_KEY] = kept.lang
        st.session_state[LANG_CHOSEN_KEY] = True
    if kept.workspace_id is not None:
        open_workspace(kept.workspace_id)
    if kept.ballot_off:
        st.session_state[BALLOT_OFF_KEY] = True
    st.session_state[TOKEN_KEY] = token
    st.session_state[KEPT_KEY] = kept


def _follow(engine) -> None:
    token = st.session_state.get(TOKEN_KEY)
    if not token:
        return
    now, lifetime = datetime.now(UTC), lifetime_from(os.environ)
    with reading(engine) as db:
        seen = last_seen(db=db, token=token, now=now, lifetime=lifetime)
    if seen is None:
        _end_here()
        st.warning(t("access.ended_elsewhere"), icon=":material/logout:")
    elif needs_touch(seen=seen, now=now):
        with writing(engine) as db:
            touch(db=db, token=token, now=now)


def keep(engine) -> None:
    """Write down what this session holds now, when it changed since last written: a new
    role begins a new sign-in under a new token; the rest updates the one it has."""
    now_held = _now_held()
    before = st.session_state.get(KEPT_KEY, Remembered())
    if now_held == before:
        return
    token = st.session_state.get(TOKEN_KEY)
    if token is None and cookie_token() is None:
        return  # a browser that keeps no cookie: signed in in this tab only
    with writing(engine) as db:
        if now_held.empty or not (token is None or now_held.raised(before)):
            kept = token is not None and remember(db=db, token=token, kept=now_held)
            if not kept or now_held.empty:
                st.session_state.pop(TOKEN_KEY, None)
        else:
            fresh = begin(
                db=db,
                kept=now_held,
                now=datetime.now(UTC),
                lifetime=lifetime_from(os.environ),
                follows=token,
            )
            st.session_state[TOKEN_KEY] = st.session_state[HANDOVER_KEY] = fresh
    st.session_state[KEPT_KEY] = now_held


def hand_over() -> None:
    """Hand this session's new sign-in token to its browser's cookie: drawn once, its
    script sends one request (retried if the connection fails) and asks for no rerun, so
    a click made meanwhile is never lost. It rides in Streamlit's event container (as
    planner.ui.shell.browser_locale does): it takes no room and moves no element."""
    token = st.session_state.pop(HANDOVER_KEY, None)
    if not token:
        return
    with getattr(st, "_event", st.container()):
        _handover(
            # a token may hold "__", which a component's key must not
            key=f"sign_in_handover_{hashlib.sha256(token.encode()).hexdigest()[:16]}",
            data={"token": token, "path": "/api/sign-in/cookie", "header": HANDOVER_HEADER},
            height=0,
        )


def _end_here() -> None:
    for key in (GRANTS_KEY, PROOFS_KEY, ACTOR_KEY, WORKSPACE_KEY, STAKEHOLDER_KEY, KEPT_KEY):
        st.session_state.pop(key, None)
    st.session_state.pop(TOKEN_KEY, None)
    st.session_state.pop(HANDOVER_KEY, None)


def sign_out(engine) -> None:
    """End this browser's sign-in in every tab: its record and its lineage, and every
    grant of this session."""
    with writing(engine) as db:
        forget(db=db, token=st.session_state.get(TOKEN_KEY))
    _end_here()


def sign_out_button() -> None:
    """Sign out: ends this browser's sign-in and every role it holds."""
    if grants():
        st.sidebar.button(
            t("access.sign_out"),
            key="sign_out",
            icon=":material/logout:",
            on_click=_sign_out,
        )


def _sign_out() -> None:
    sign_out(engine())
    st.query_params.clear()
    feedback("success", t("access.signed_out"))
