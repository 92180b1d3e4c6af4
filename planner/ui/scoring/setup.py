"""Opening a scoring session on all candidates or a filtered set."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX
from planner.core.numbers import Count
from planner.journey.journey import Journey
from planner.journey.search import all_tags, filter_candidates
from planner.models import OwnPaceCreate, SessionCreate
from planner.scoring.setup import ScoringSetup
from planner.scoring.workload import SECONDS_PER_ANSWER, criteria_per_stakeholder, workload
from planner.store.delivery.commitments import rescore_requests
from planner.store.scoring.own_pace import open_own_pace
from planner.store.scoring.sessions import open_session
from planner.ui.scoring.own_pace import REFUSED, own_pace_choice
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.widgets import multiselect

SESSION_KEY = "scoring_session_id"


def workload_line(setup: ScoringSetup, candidates: int) -> str:
    """'42 candidates × 3 criteria = 126 answers per stakeholder, about 21 minutes.'"""
    load = workload(candidates, criteria_per_stakeholder(setup))
    lang = current_lang()
    return t(
        "session.workload",
        candidates=t("session.workload_candidates", count=Count(load.candidates, lang)),
        criteria=t("session.workload_criteria", count=Count(load.criteria, lang)),
        answers=t("session.workload_answers", count=Count(load.answers, lang)),
        minutes=t("session.workload_minutes", count=Count(load.minutes, lang)),
    )


def open_session_form(journey: Journey, frame: pd.DataFrame, setup: ScoringSetup) -> None:
    name = st.text_input(
        t("field.name"), key="session_name", max_chars=NAME_MAX, placeholder=t("session.name_hint")
    )
    st.caption(t("session.filter_help"))
    columns = st.columns(4)
    chosen = filter_candidates(
        frame,
        phases=multiselect(columns[0], t("field.phase"), journey.phase_names, key="session_phase"),
        channels=multiselect(
            columns[1], t("field.channel"), journey.channel_names, key="session_channel"
        ),
        personas=multiselect(
            columns[2], t("field.persona"), journey.persona_names, key="session_persona"
        ),
        tags=multiselect(columns[3], t("field.tags"), all_tags(frame), key="session_tag"),
    )
    with reading(engine()) as db:
        sent_back = rescore_requests(db=db, workspace_id=journey.workspace.id)
    if sent_back and st.checkbox(
        t("session.rescore_only", count=len(sent_back)),
        key="session_rescore",
        help=t("session.rescore_help"),
    ):
        chosen = chosen[chosen["id"].isin(sent_back)]
    st.write(t("session.will_score", count=len(chosen), total=len(frame)))
    if not chosen.empty:
        st.write(workload_line(setup, len(chosen)))
        limited = (
            "session.workload_help_roles" if setup.criterion_roles else "session.workload_help"
        )
        st.caption(t(limited, seconds=SECONDS_PER_ANSWER))
    pace = own_pace_choice()
    focus = pace is None and st.toggle(
        t("session.focus"), key="session_focus", help=t("session.focus_help")
    )
    refused = pace is REFUSED  # its fields' errors are shown: open nothing, not a live round
    if (
        st.button(t("session.open"), type="primary", key="open_session", disabled=chosen.empty)
        and not refused
    ):
        if isinstance(pace, OwnPaceCreate):  # open until a due date (planner.ui.scoring.own_pace)
            done = run_change(
                lambda s: open_own_pace(
                    db=s,
                    workspace_id=journey.workspace.id,
                    session_in=validated(SessionCreate, name=name),
                    candidate_ids=chosen["id"].tolist(),
                    pace_in=pace,
                    app_url=st.context.url or "",
                ),
                success=t("session.opened"),
            )
        else:
            done = run_change(
                lambda s: open_session(
                    db=s,
                    workspace_id=journey.workspace.id,
                    session_in=validated(SessionCreate, name=name, focus=focus),
                    candidate_ids=chosen["id"].tolist(),
                ),
                success=t("session.opened"),
            )
        if done.ok:
            st.session_state[SESSION_KEY] = done.value.id
            st.rerun()
