"""Backup and restore on the Workspaces page."""

import hmac

import streamlit as st

from planner.core.config import admin_passphrase
from planner.core.errors import PlannerError
from planner.models import Workspace
from planner.store.backup import read_document
from planner.store.restore import restore_workspace
from planner.ui.access.grants import buckets, limited
from planner.ui.roadmap.downloads import database_copy_button, workspace_backup_button
from planner.ui.shell.changes import feedback, run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import error_text, t
from planner.ui.widget_state import renew_key, versioned_key
from planner.ui.workspaces.forms import create_with_passphrase, enter, passphrase_fields


def backup_panel(workspace: Workspace | None) -> None:
    if workspace is not None:
        st.caption(t("backup.intro"))
        workspace_backup_button(workspace.id, workspace.name)
    st.subheader(t("backup.restore"))
    upload = st.file_uploader(t("backup.file"), type=["json"], key=versioned_key("restore_file"))
    name = st.text_input(t("backup.as"), key="restore_as", max_chars=80, help=t("backup.as_help"))
    passphrase, who = passphrase_fields("restore_")
    if st.button(t("backup.restore_button"), key="restore", disabled=upload is None):
        try:
            document = read_document(upload.getvalue())
        except PlannerError as error:
            st.error(error_text(error))
            return
        if not who.strip():
            st.error(t("error.required", field=t("field.actor")))
            return
        done = run_change(
            lambda s: create_with_passphrase(
                s,
                passphrase,
                lambda s: restore_workspace(
                    db=s,
                    document=document,
                    name=name.strip() or None,
                    suffix=t("backup.suffix"),
                ),
            ),
            needs=None,
        )
        if done.ok:
            renew_key("restore_file")
            feedback("success", t("backup.restored", name=done.value.name))
            enter(done.value, who.strip())
    with st.expander(t("backup.database"), icon=":material/database:"):
        st.caption(t("backup.database_help"))
        admin_database_copy()


def admin_database_copy() -> None:
    """The whole database holds every workspace: only the administrator may copy it."""
    expected = admin_passphrase()
    if not expected:
        st.info(t("backup.admin_not_set"))
        return
    typed = st.text_input(
        t("backup.admin_passphrase"), key="admin_passphrase", type="password", max_chars=200
    )
    if not typed:
        return
    ok = limited(
        engine(),
        buckets("admin"),
        lambda: hmac.compare_digest(typed.encode(), expected.encode()),
    )
    if ok:
        database_copy_button()
    elif ok is not None:
        st.error(t("access.wrong"), icon=":material/lock:")
