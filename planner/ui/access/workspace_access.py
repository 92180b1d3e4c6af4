"""Getting into a workspace as facilitator, and a facilitator handing out its links."""

from datetime import UTC, datetime

import streamlit as st

from planner.access.links import app_link
from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX, PASSPHRASE_MAX
from planner.models import PassphraseSet, SignIn, Workspace
from planner.store.access.grants import get_access, renew_links, set_passphrase, sign_in
from planner.ui.access.grants import client, give
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.workspace import open_workspace
from planner.ui.widget_state import clear_widgets


def sign_in_form() -> None:
    """Name, passphrase and who you are; a wrong name and a wrong passphrase look alike."""
    with st.form("sign_in"):
        st.caption(t("access.sign_in_help"))
        workspace = st.text_input(
            t("field.workspace_name"), key="sign_in_workspace", max_chars=NAME_MAX
        )
        passphrase = st.text_input(
            t("field.passphrase"),
            key="sign_in_passphrase",
            type="password",
            max_chars=PASSPHRASE_MAX,
        )
        actor = st.text_input(t("field.actor"), key="sign_in_actor", max_chars=NAME_MAX)
        submitted = st.form_submit_button(t("access.sign_in"), type="primary")
    if not submitted:
        return
    done = run_change(
        lambda s: sign_in(
            db=s,
            sign_in_in=validated(SignIn, workspace=workspace, passphrase=passphrase, actor=actor),
            now=datetime.now(UTC),
            client=client(),
        ),
        needs=None,
    )
    if not done.ok:
        return
    if done.value is None:
        st.error(t("access.wrong"), icon=":material/lock:")
        return
    give(done.value, actor.strip())
    clear_widgets("sign_in_")
    open_workspace(done.value.workspace_id)
    st.rerun()


def links_panel(workspace: Workspace) -> None:
    """The managers' and product owners' links, a new pair, and a new passphrase."""
    with reading(engine()) as db:
        access = get_access(db=db, workspace_id=workspace.id)
    st.caption(t("access.links_help"))
    left, right = st.columns(2)
    left.markdown(f"**{t('access.viewer_link')}**")
    left.code(app_link(st.context.url, view=access.viewer_token), language=None)
    right.markdown(f"**{t('access.owner_link')}**")
    right.code(app_link(st.context.url, owner=access.owner_token), language=None)
    if st.button(t("access.renew_links"), key="renew_links", help=t("access.renew_help")):
        run_change(
            lambda s: renew_links(db=s, workspace_id=workspace.id),
            success=t("access.links_renewed"),
            rerun=True,
        )
    with st.form("new_passphrase"):
        passphrase = st.text_input(
            t("access.new_passphrase"),
            key="change_passphrase",
            type="password",
            max_chars=PASSPHRASE_MAX,
        )
        if st.form_submit_button(t("access.change_passphrase")):
            run_change(
                lambda s: set_passphrase(
                    db=s,
                    workspace_id=workspace.id,
                    passphrase_in=validated(PassphraseSet, passphrase=passphrase),
                ),
                success=t("access.passphrase_changed"),
                rerun=True,
            )
