"""The candidate form: quick-add on the journey grid, full edit on the candidates page."""

import streamlit as st

from planner.core.errors import validated
from planner.core.limits import TITLE_MAX
from planner.journey.journey import Journey
from planner.models import CandidateCreate, CandidateUpdate
from planner.store.journey.candidates import create_candidate, update_candidate
from planner.ui.journey.duplicates_panel import duplicate_notice
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key
from planner.ui.widgets import multiselect


def candidate_form(
    key: str,
    journey: Journey,
    *,
    tags: list[str],
    current: dict | None = None,
    phase: str | None = None,
    channel: str | None = None,
    submit_label: str,
) -> dict | None:
    """Draw the form, pre-filled from `current` (or a phase/channel); the values on submit."""
    current = current or {}
    phase = current.get("phase", phase)
    channels = list(current.get("channels", [channel] if channel else []))
    personas = [None, *journey.persona_names]
    with st.form(key):
        title = st.text_input(
            t("field.title"), current.get("title", ""), max_chars=TITLE_MAX, key=f"{key}_title"
        )
        description = st.text_area(
            t("field.description"), current.get("description", ""), key=f"{key}_description"
        )
        left, right = st.columns(2)
        phase = left.selectbox(
            t("field.phase"),
            journey.phase_names,
            index=journey.phase_names.index(phase) if phase in journey.phase_names else 0,
        )
        channels = multiselect(right, t("field.channels"), journey.channel_names, default=channels)
        persona = left.selectbox(
            t("field.persona"),
            personas,
            index=personas.index(current.get("persona")),
            format_func={
                None: t("candidates.no_persona"),
                **{p: p for p in journey.persona_names},
            }.get,
        )
        proposer = right.text_input(t("field.proposer"), current.get("proposer", ""))
        chosen_tags = multiselect(
            left,
            t("field.tags"),
            sorted(set(tags) | set(current.get("tags", []))),
            default=list(current.get("tags", [])),
            accept_new_options=True,
        )
        touchpoint = right.text_input(t("field.touchpoint"), current.get("touchpoint", ""))
        channel_switch = st.checkbox(
            t("field.channel_switch"),
            bool(current.get("channel_switch", False)),
            help=t("candidates.channel_switch_help"),
        )
        if not st.form_submit_button(submit_label, type="primary"):
            return None
    return {
        "title": title,
        "description": description,
        "phase_id": journey.phase_id(phase),
        "channel_ids": [journey.channel_id(name) for name in channels],
        "persona_id": journey.persona_id(persona) if persona else None,
        "proposer": proposer,
        "tags": chosen_tags,
        "touchpoint": touchpoint,
        "channel_switch": channel_switch,
    }


def add_candidate(form_name: str, journey: Journey, values: dict) -> bool:
    """Store a new candidate; on success a fresh, empty form (a new version of the form's
    key: forgetting the old widgets' state would leave the browser showing what was typed)
    and the page afresh."""
    done = run_change(
        lambda s: create_candidate(
            db=s,
            workspace_id=journey.workspace.id,
            candidate_in=validated(CandidateCreate, **values),
        ),
        success=t("candidates.added", title=values["title"].strip()),
    )
    if done.ok:
        duplicate_notice(journey, done.value.id)
        renew_key(form_name)
        st.rerun()
    return done.ok


def change_candidate(candidate_id: int, values: dict) -> bool:
    values = {**values, "clear_persona": values["persona_id"] is None}
    done = run_change(
        lambda s: update_candidate(
            db=s,
            candidate_id=candidate_id,
            candidate_in=validated(CandidateUpdate, **values),
        ),
        success=t("action.saved"),
    )
    if done.ok:
        st.rerun()
    return done.ok
