"""Workspaces: create one from a template, rename, archive, delete, load the demo."""

import pandas as pd
import streamlit as st

from planner.db import read_session
from planner.demo import load_demo
from planner.errors import validated
from planner.models import WorkspaceCreate, WorkspaceUpdate
from planner.store.candidates import candidate_counts
from planner.store.workspaces import (
    create_workspace,
    delete_workspace,
    list_workspaces,
    update_workspace,
)
from planner.ui.context import WORKSPACE_KEY, engine, run_change
from planner.ui.lang import t

TEMPLATES = ("six_phase", "nine_phase", "blank")
LANGUAGES = {"en": "English", "nl": "Nederlands"}

st.title(t("workspaces.title"))
st.caption(t("workspaces.intro"))

show_archived = st.toggle(t("workspaces.show_archived"), key="show_archived")
with read_session(engine()) as session:
    workspaces = list_workspaces(session=session, include_archived=show_archived)
    counts = candidate_counts(session=session)

if workspaces:
    st.dataframe(
        pd.DataFrame(
            {
                t("field.name"): [w.name for w in workspaces],
                t("field.language"): [LANGUAGES[w.language] for w in workspaces],
                t("field.candidates"): [counts.get(w.id, 0) for w in workspaces],
                t("workspace.archived"): [w.archived for w in workspaces],
                t("field.description"): [w.description for w in workspaces],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(t("workspaces.none"))


def _select(workspace) -> None:
    if workspace is not None:
        st.session_state[WORKSPACE_KEY] = workspace.id


new_tab, manage_tab = st.tabs([t("workspaces.new"), t("workspaces.manage")])

with new_tab, st.form("new_workspace", clear_on_submit=True):
    name = st.text_input(t("field.name"), key="new_name", max_chars=80)
    description = st.text_area(t("field.description"), key="new_description")
    language = st.radio(
        t("field.language"),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        horizontal=True,
        key="new_language",
    )
    template = st.radio(
        t("field.template"),
        TEMPLATES,
        format_func={key: t(f"template.{key}") for key in TEMPLATES}.get,
        key="new_template",
    )
    if st.form_submit_button(t("workspaces.create"), type="primary"):
        _select(
            run_change(
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
        )
        st.rerun()

with new_tab:
    st.caption(t("workspaces.demo_hint"))
    if st.button(t("workspaces.load_demo"), key="load_demo"):
        _select(run_change(lambda s: load_demo(session=s), success=t("workspaces.demo_loaded")))
        st.rerun()

with manage_tab:
    if not workspaces:
        st.caption(t("workspaces.none"))
    else:
        by_id = {w.id: w for w in workspaces}
        chosen_id = st.selectbox(
            t("workspaces.which"),
            list(by_id),
            format_func=lambda i: by_id[i].name,
            index=list(by_id).index(st.session_state.get(WORKSPACE_KEY))
            if st.session_state.get(WORKSPACE_KEY) in by_id
            else 0,
            key="manage_workspace",
        )
        chosen = by_id[chosen_id]
        with st.form(f"edit_workspace_{chosen.id}"):
            new_name = st.text_input(t("field.name"), chosen.name, max_chars=80)
            new_description = st.text_area(t("field.description"), chosen.description)
            new_language = st.radio(
                t("field.language"),
                list(LANGUAGES),
                index=list(LANGUAGES).index(chosen.language),
                format_func=LANGUAGES.get,
                horizontal=True,
            )
            if st.form_submit_button(t("action.save")):
                run_change(
                    lambda s: update_workspace(
                        session=s,
                        workspace_id=chosen.id,
                        workspace_in=validated(
                            WorkspaceUpdate,
                            name=new_name,
                            description=new_description,
                            language=new_language,
                        ),
                    ),
                    success=t("action.saved"),
                )
                st.rerun()
        archive_label = t("workspaces.restore" if chosen.archived else "workspaces.archive")
        if st.button(archive_label, key="archive"):
            run_change(
                lambda s: update_workspace(
                    session=s,
                    workspace_id=chosen.id,
                    workspace_in=WorkspaceUpdate(archived=not chosen.archived),
                ),
                success=t("action.saved"),
            )
            st.rerun()
        with st.expander(t("workspaces.delete"), icon="🗑️"):
            st.warning(t("workspaces.delete_warning", name=chosen.name))
            typed = st.text_input(
                t("workspaces.delete_confirm", name=chosen.name), key="delete_typed"
            )
            if st.button(
                t("workspaces.delete"),
                type="primary",
                key="delete_workspace",
                disabled=typed.strip() != chosen.name,
            ):
                run_change(
                    lambda s: delete_workspace(session=s, workspace_id=chosen.id),
                    success=t("workspaces.deleted", name=chosen.name),
                )
                st.rerun()
