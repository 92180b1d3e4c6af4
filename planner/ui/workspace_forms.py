"""The forms of the Workspaces page: a new workspace, and managing an existing one."""

import streamlit as st

from planner.demo import load_demo
from planner.errors import validated
from planner.models import Workspace, WorkspaceCreate, WorkspaceUpdate
from planner.store.workspaces import create_workspace, delete_workspace, update_workspace
from planner.ui.context import open_workspace, run_change
from planner.ui.lang import t
from planner.ui.widget_state import clear_widgets
from planner.ui.widgets import language_radio

TEMPLATES = ("six_phase", "nine_phase", "blank")


def _open(workspace: Workspace) -> None:
    open_workspace(workspace.id)
    st.rerun()


def new_workspace_form() -> None:
    with st.form("new_workspace"):
        name = st.text_input(t("field.name"), key="new_name", max_chars=80)
        description = st.text_area(t("field.description"), key="new_description")
        language = language_radio("new_language")
        template = st.radio(
            t("field.template"),
            TEMPLATES,
            key="new_template",
            format_func={key: t(f"template.{key}") for key in TEMPLATES}.get,
        )
        submitted = st.form_submit_button(t("workspaces.create"), type="primary")
    if submitted:
        done = run_change(
            lambda s: create_workspace(
                session=s,
                workspace_in=validated(
                    WorkspaceCreate,
                    name=name,
                    description=description,
                    language=language,
                    template=template,
                ),
            ),
            success=t("workspaces.created", name=name.strip()),
        )
        if done.ok:
            clear_widgets("new_")
            _open(done.value)
    st.caption(t("workspaces.demo_hint"))
    if st.button(t("workspaces.load_demo"), key="load_demo"):
        done = run_change(lambda s: load_demo(session=s), success=t("workspaces.demo_loaded"))
        if done.ok:
            _open(done.value)


def manage_workspace_form(workspace: Workspace) -> None:
    with st.form(f"edit_workspace_{workspace.id}"):
        name = st.text_input(
            t("field.name"), workspace.name, max_chars=80, key=f"rename_{workspace.id}"
        )
        description = st.text_area(t("field.description"), workspace.description)
        language = language_radio(f"language_{workspace.id}", workspace.language)
        submitted = st.form_submit_button(t("action.save"))
    if (
        submitted
        and run_change(
            lambda s: update_workspace(
                session=s,
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
                session=s,
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
                lambda s: delete_workspace(session=s, workspace_id=workspace.id),
                success=t("workspaces.deleted", name=workspace.name),
            ).ok
        ):
            clear_widgets("delete_typed")
            st.rerun()
