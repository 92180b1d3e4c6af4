"""A stakeholder's ballot: one candidate at a time, every answer saved at once."""

import pandas as pd
import streamlit as st

from planner.store.scoring_model import ScoringSetup
from planner.store.votes import Ballot, cast_vote, set_comment
from planner.ui.context import run_change
from planner.ui.lang import t
from planner.ui.text import plain

DONT_KNOW = "?"
CURRENT = "ballot_current"  # the candidate shown
PICKER = "ballot_candidate"  # the widget that picks it


def _save_vote(
    round_id: int, me: int, candidate_id: int, criterion_id: int, key: str, previous: str | None
) -> None:
    label = st.session_state[key]
    if label is None:  # a pill cannot be unset: an answer is changed, not taken back
        st.session_state[key] = previous
        return
    run_change(
        lambda s: cast_vote(
            session=s,
            round_id=round_id,
            stakeholder_id=me,
            candidate_id=candidate_id,
            criterion_id=criterion_id,
            label=None if label == DONT_KNOW else label,
        ),
        needs=None,  # the join code let this stakeholder in
    )


def _save_comment(round_id: int, me: int, candidate_id: int, key: str) -> None:
    run_change(
        lambda s: set_comment(
            session=s,
            round_id=round_id,
            stakeholder_id=me,
            candidate_id=candidate_id,
            comment=st.session_state[key],
        ),
        needs=None,
    )


def _go(candidate_id: int, picker: str) -> None:
    st.session_state[CURRENT] = st.session_state[picker] = candidate_id


def ballot_form(
    round_id: int, me: int, setup: ScoringSetup, ballot: Ballot, candidates: pd.DataFrame
) -> None:
    """Progress, a way to the unscored candidates, and the current candidate's questions."""
    criterion_ids = [c.id for c in setup.criteria]
    ids = candidates["id"].tolist()
    done = [c for c in ids if ballot.answered(c, criterion_ids)]
    st.progress(len(done) / len(ids), text=t("vote.progress", done=len(done), total=len(ids)))
    if len(done) == len(ids):
        st.success(t("vote.all_done"))
    todo = [c for c in ids if c not in done]
    # The current candidate is kept apart from the picker, and the picker gets a new key
    # when a candidate is finished: its labels change then (○ -> ✓), and a browser keeps
    # a picker's choice by label, so it would jump to another candidate.
    if st.session_state.get(CURRENT) not in ids:
        st.session_state[CURRENT] = (todo or ids)[0]
    current = st.session_state[CURRENT]
    picker = f"{PICKER}_{len(done)}"
    titles = dict(zip(candidates["id"], candidates["title"], strict=True))
    st.selectbox(
        t("vote.candidate"),
        ids,
        index=ids.index(current),
        key=picker,
        format_func={c: ("✓ " if c in done else "○ ") + titles[c] for c in ids}.get,
        on_change=lambda: _go(st.session_state[picker], picker),
    )
    later = [c for c in todo if c != current]
    st.button(
        t("vote.next_unscored"),
        key="next_unscored",
        disabled=not later,
        on_click=_go,
        args=(later[0] if later else current, picker),
    )

    row = candidates.set_index("id").loc[current]
    with st.container(border=True):
        st.subheader(plain(row["title"]))
        st.caption(plain(f"{row['phase']} · {', '.join(row['channels'])}"))
        if row["description"]:
            st.markdown(plain(row["description"]))
        scale = setup.scale
        options = [*scale.labels, DONT_KNOW]
        names = {label: label for label in scale.labels} | {DONT_KNOW: t("vote.dont_know")}
        for dimension in ("value", "effort"):
            st.caption(t(f"vote.{dimension}_help"))
            for criterion in setup.criteria_of(dimension):
                key = f"vote_{round_id}_{current}_{criterion.id}"
                answer = ballot.answers.get((current, criterion.id), "missing")
                previous = None if answer == "missing" else (answer or DONT_KNOW)
                st.pills(
                    criterion.name,
                    options,
                    default=previous,
                    key=key,
                    format_func=names.get,
                    on_change=_save_vote,
                    args=(round_id, me, current, criterion.id, key, previous),
                )
        key = f"comment_{round_id}_{current}"
        st.text_area(
            t("field.comment"),
            ballot.comments.get(current, ""),
            key=key,
            max_chars=1000,
            on_change=_save_comment,
            args=(round_id, me, current, key),
            placeholder=t("vote.comment_hint"),
        )
