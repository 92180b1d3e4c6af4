"""Candidates: search, filter, edit inline or in a form, delete with confirmation."""

import streamlit as st

from planner.journey.search import all_tags, filter_candidates
from planner.store.journey.candidates import delete_candidates
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.journey.candidate_form import candidate_form, change_candidate
from planner.ui.journey.candidate_table import candidate_table
from planner.ui.journey.duplicates_panel import duplicates_panel
from planner.ui.page_files import page
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates
from planner.ui.widgets import multiselect

journey = require_journey()
frame = candidates(journey)
tags = all_tags(frame)
st.title(t("candidates.title"))

text = st.text_input(t("candidates.search"), key="search", placeholder=t("candidates.search_hint"))
columns = st.columns(4)
phases = multiselect(columns[0], t("field.phase"), journey.phase_names, key="filter_phase")
channels = multiselect(columns[1], t("field.channel"), journey.channel_names, key="filter_channel")
personas = multiselect(columns[2], t("field.persona"), journey.persona_names, key="filter_persona")
chosen_tags = multiselect(columns[3], t("field.tags"), tags, key="filter_tag")
shown = filter_candidates(
    frame, text=text, phases=phases, channels=channels, personas=personas, tags=chosen_tags
)
st.caption(t("candidates.count", shown=len(shown), total=len(frame)))

if frame.empty:
    st.info(t("candidates.none"))
    st.page_link(page("grid"))
    st.page_link(page("import"))
    st.stop()

ticked = candidate_table(journey, shown, tags)


PENDING = "pending_delete"


def cancel_delete() -> None:
    st.session_state.pop(PENDING, None)


@st.dialog(t("candidates.delete_title"), on_dismiss=cancel_delete)
def confirm_delete(ids: list[int]) -> None:
    st.write(t("candidates.delete_confirm", count=len(ids)))
    st.dataframe(
        frame.set_index("id").loc[ids, "title"].rename(t("field.title")),
        hide_index=True,
        placeholder=tables.MISSING,
    )
    left, right = st.columns(2)
    if left.button(t("action.delete"), type="primary", key="confirm_delete"):
        cancel_delete()
        run_change(
            lambda s: delete_candidates(db=s, workspace_id=journey.workspace.id, candidate_ids=ids),
            success=t("candidates.deleted", count=len(ids)),
            rerun=True,
        )
    if right.button(t("candidates.cancel"), key="cancel_delete", on_click=cancel_delete):
        st.rerun()


if st.button(
    t("candidates.delete_selected", count=len(ticked)), disabled=not ticked, key="delete_selected"
):
    st.session_state[PENDING] = ticked
if st.session_state.get(PENDING):
    confirm_delete(st.session_state[PENDING])

duplicates_panel(journey, frame)

st.header(t("candidates.edit_form"))
if not shown.empty:
    by_id = shown.set_index("id")
    titles = dict(zip(shown["id"], shown["title"], strict=True))  # one look-up per option
    chosen = st.selectbox(
        t("candidates.which"), list(titles), format_func=titles.get, key="edit_which"
    )
    current = by_id.loc[chosen].to_dict()
    values = candidate_form(
        f"edit_candidate_{chosen}",
        journey,
        tags=tags,
        current=current,
        submit_label=t("action.save"),
    )
    if values is not None:
        change_candidate(chosen, values)
