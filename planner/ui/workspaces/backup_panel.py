"""Backup and restore on the Workspaces page."""

import hmac

import streamlit as st

from planner.backup.export import read_document
from planner.backup.restore import restore_in_batches
from planner.core.config import admin_passphrase
from planner.core.errors import PlannerError, validated
from planner.core.limits import NAME_MAX, PASSPHRASE_MAX
from planner.core.uploads import check_size
from planner.models import PassphraseSet, Workspace
from planner.store.access.grants import set_passphrase
from planner.ui.access.grants import ADMIN_KEY, buckets, limited, may_make_large_workspaces
from planner.ui.roadmap.downloads import database_copy_button, workspace_backup_button
from planner.ui.shell.changes import feedback
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import error_text, t
from planner.ui.upload import file_uploader
from planner.ui.widget_state import renew_key, versioned_key
from planner.ui.workspaces.forms import enter, passphrase_fields


def backup_panel(workspace: Workspace | None) -> None:
    if workspace is not None:
        st.caption(t("backup.intro"))
        workspace_backup_button(workspace.id, workspace.name)
    st.header(t("backup.restore"))
    if may_make_large_workspaces():
        restore_form()
    else:
        st.info(t("backup.sign_in_to_restore"), icon=":material/lock:")
    with st.expander(t("backup.database"), icon=":material/database:"):
        st.caption(t("backup.database_help"))
        admin_database_copy()


def restore_form() -> None:
    upload = file_uploader(t("backup.file"), ["json"], key=versioned_key("restore_file"))
    name = st.text_input(
        t("backup.as"), key="restore_as", max_chars=NAME_MAX, help=t("backup.as_help")
    )
    passphrase, who = passphrase_fields("restore_")
    if not st.button(t("backup.restore_button"), key="restore", disabled=upload is None):
        return
    if not who.strip():
        st.error(t("error.required", field=t("field.actor")))
        return
    try:
        checked = validated(PassphraseSet, passphrase=passphrase)
        check_size(upload.size, upload.name)  # the one rule (planner.core.uploads)
        document = read_document(upload.getvalue())
        with st.spinner(t("backup.restoring")):
            workspace = restore_in_batches(
                engine=engine(),
                document=document,
                name=name.strip() or None,
                suffix=t("backup.suffix"),
                on_publish=lambda db, wid: set_passphrase(
                    db=db, workspace_id=wid, passphrase_in=checked
                ),
            )
    except PlannerError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    renew_key("restore_file")
    feedback("success", t("backup.restored", name=workspace.name))
    enter(workspace, who.strip())


def admin_database_copy() -> None:
    """The whole database holds every workspace: only the administrator may copy it."""
    expected = admin_passphrase()
    if not expected:
        st.info(t("backup.admin_not_set"))
        return
    typed = st.text_input(
        t("backup.admin_passphrase"),
        key="admin_passphrase",
        type="password",
        max_chars=PASSPHRASE_MAX,
    )
    if not typed:
        return
    ok = limited(
        engine(),
        buckets("admin"),
        lambda _db: hmac.compare_digest(typed.encode(), expected.encode()),
    )
    if ok:
        st.session_state[ADMIN_KEY] = True  # may also restore (see may_make_large_workspaces)
        database_copy_button()
    elif ok is not None:
        st.error(t("access.wrong"), icon=":material/lock:")
