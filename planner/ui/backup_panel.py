"""Backup and restore on the Workspaces page."""

import streamlit as st

from planner.errors import PlannerError
from planner.models import Workspace
from planner.store.backup import read_document, restore_workspace
from planner.ui.context import feedback, open_workspace, run_change
from planner.ui.downloads import database_copy_button, workspace_backup_button
from planner.ui.lang import error_text, t
from planner.ui.widget_state import renew_key, versioned_key


def backup_panel(workspace: Workspace | None) -> None:
    if workspace is not None:
        st.caption(t("backup.intro"))
        workspace_backup_button(workspace.id, workspace.name)
    st.subheader(t("backup.restore"))
    upload = st.file_uploader(t("backup.file"), type=["json"], key=versioned_key("restore_file"))
    name = st.text_input(t("backup.as"), key="restore_as", max_chars=80, help=t("backup.as_help"))
    if st.button(t("backup.restore_button"), key="restore", disabled=upload is None):
        try:
            document = read_document(upload.getvalue())
        except PlannerError as error:
            st.error(error_text(error))
            return
        done = run_change(
            lambda s: restore_workspace(
                session=s,
                document=document,
                name=name.strip() or None,
                suffix=t("backup.suffix"),
            )
        )
        if done.ok:
            open_workspace(done.value.id)
            renew_key("restore_file")
            feedback("success", t("backup.restored", name=done.value.name))
            st.rerun()
    with st.expander(t("backup.database"), icon=":material/database:"):
        st.caption(t("backup.database_help"))
        database_copy_button()
