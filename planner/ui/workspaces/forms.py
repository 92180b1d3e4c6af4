"""The forms of the Workspaces page: a new workspace, and managing an existing one."""

import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX, PASSPHRASE_MAX
from planner.journey.templates import Template
from planner.models import PassphraseSet, Workspace, WorkspaceCreate, WorkspaceUpdate
from planner.store.access.grants import facilitator_grant, set_passphrase
from planner.store.audit import audited
from planner.store.journey.workspaces import (
    create_workspace,
    delete_workspace,
    update_workspace,
)
from planner.ui.access.grants import buckets, give
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.workspace import open_workspace
from planner.ui.widget_state import clear_widgets
from planner.ui.widgets import language_radio


def enter(workspace: Workspace, actor: str) -> None:
    """Enter a workspace this session just made, as its facilitator."""
    with reading(engine()) as db:
        give(facilitator_grant(db=db, workspace_id=workspace.id), actor)
    with audited(
        engine(),
        actor=actor,
        action=t("workspaces.created", name=workspace.name),
        workspace_id=workspace.id,
    ):
        pass  # the creation is logged by whoever made it
    open_workspace(workspace.id)
    st.rerun()


def create_with_passphrase(db, passphrase: str, make) -> Workspace:
    """`make(session)` (a new workspace) with its facilitator passphrase, in one go."""
    checked = validated(PassphraseSet, passphrase=passphrase)
    workspace = make(db)
    db.flush()
    set_passphrase(db=db, workspace_id=workspace.id, passphrase_in=checked)
    return workspace


def passphrase_fields(prefix: str) -> tuple[str, str]:
    """Passphrase and the facilitator's name for a workspace about to be made."""
    left, right = st.columns(2)
    passphrase = left.text_input(
        t("field.passphrase"),
        key=f"{prefix}passphrase",
        type="password",
        max_chars=PASSPHRASE_MAX,
        help=t("access.passphrase_help"),
    )
    actor = right.text_input(t("field.actor"), key=f"{prefix}actor", max_chars=NAME_MAX)
    return passphrase, actor


def new_workspace_form() -> None:
    with st.form("new_workspace"):
        name = st.text_input(t("field.name"), key="new_name", max_chars=NAME_MAX)
        description = st.text_area(t("field.description"), key="new_description")
        language = language_radio("new_language")
        template = st.radio(
            t("field.template"),
            list(Template),
            key="new_template",
            format_func={key: t(f"template.{key}") for key in Template}.get,
        )
        passphrase, who = passphrase_fields("new_")
        submitted = st.form_submit_button(t("workspaces.create"), type="primary")
    if submitted:
        if not who.strip():
            st.error(t("error.required", field=t("field.actor")))
            return
        # Every creation counts against this client (see planner.access.rate_limit): a
        # few at once are free, then each waits longer; it also slows down probing names.
        done = run_change(
            lambda s: create_with_passphrase(
                s,
                passphrase,
                lambda s: create_workspace(
                    db=s,
                    workspace_in=validated(
                        WorkspaceCreate,
                        name=name,
                        description=description,
                        language=language,
                        template=template,
                    ),
                ),
            ),
            success=t("workspaces.created", name=name.strip()),
            needs=None,
            limit=buckets("create"),
            succeeded=lambda _: False,
        )
        if done.ok:
            clear_widgets("new_")
            enter(done.value, who.strip())


def manage_workspace_form(workspace: Workspace) -> None:
    with st.form(f"edit_workspace_{workspace.id}"):
        name = st.text_input(
            t("field.name"), workspace.name, max_chars=NAME_MAX, key=f"rename_{workspace.id}"
        )
        description = st.text_area(t("field.description"), workspace.description)
        language = language_radio(f"language_{workspace.id}", workspace.language)
        submitted = st.form_submit_button(t("action.save"))
    if (
        submitted
        and run_change(
            lambda s: update_workspace(
                db=s,
                workspace_id=workspace.id,
                workspace_in=validated(
                    WorkspaceUpdate,
                    name=name,
                    description=description,
                    language=language,
                ),
            ),
            success=t("action.saved"),
        ).ok
    ):
        st.rerun()

    archive = "workspaces.restore" if workspace.archived else "workspaces.archive"
    if (
        st.button(t(archive), key="archive")
        and run_change(
            lambda s: update_workspace(
                db=s,
                workspace_id=workspace.id,
                workspace_in=WorkspaceUpdate(archived=not workspace.archived),
            ),
            success=t("action.saved"),
        ).ok
    ):
        st.rerun()

    with st.expander(t("workspaces.delete"), icon=":material/delete:"):
        st.warning(t("workspaces.delete_warning", name=workspace.name))
        typed = st.text_input(
            t("workspaces.delete_confirm", name=workspace.name), key="delete_typed"
        )
        if (
            st.button(
                t("workspaces.delete"),
                type="primary",
                key="delete_workspace",
                disabled=typed.strip() != workspace.name,
            )
            and run_change(
                lambda s: delete_workspace(db=s, workspace_id=workspace.id),
                success=t("workspaces.deleted", name=workspace.name),
            ).ok
        ):
            clear_widgets("delete_typed")
            st.rerun()
