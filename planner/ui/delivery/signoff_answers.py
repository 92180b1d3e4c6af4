"""Answering a sign-off request: a stakeholder through their own link, or a facilitator
recording the answer given in the room (named, where the workspace allows it)."""

import streamlit as st

from planner.core import dates
from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import COMMENT_MAX
from planner.delivery.signoff import Decision
from planner.models import SignoffCreate
from planner.store.delivery.signoff import SignoffStatus, allow_on_behalf, on_behalf_allowed, sign
from planner.ui.access.grants import Me
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.session_roles import actor

ON_BEHALF_KEY = "signoff_on_behalf"


def decisions() -> dict[str, str]:
    return {d: t(f"signoff.{d}") for d in Decision}


def own_answer(version_id: int, me: Me, status: SignoffStatus) -> None:
    """The stakeholder's form; first, what a facilitator recorded for them, if anything:
    their own answer replaces it."""
    answers = status.answers
    mine = answers["stakeholder_id"] == me.stakeholder_id
    for recorded in answers[mine & answers["recorded_by"].notna()].to_dict("records"):
        st.warning(
            t(
                "signoff.recorded_for_you",
                by=recorded["recorded_by"],
                decision=decisions()[recorded["decision"]],
                at=dates.moment(recorded["at"], current_lang()),
            ),
            icon=":material/record_voice_over:",
        )
    st.header(t("signoff.your_answer"))
    _answer_form(version_id, {me.stakeholder_id: me.name}, None, t("signoff.send"))


def room_answer(version_id: int, workspace_id: int, status: SignoffStatus) -> None:
    """The facilitator's form for an answer given in the room, or why there is none."""
    with reading(engine()) as db:
        allowed = on_behalf_allowed(db=db, workspace_id=workspace_id)
    if not allowed:
        st.info(t("signoff.on_behalf_off"), icon=":material/person_off:")
        return
    answers = status.answers
    own = answers["decision"].notna() & answers["recorded_by"].isna()
    people = {
        int(i): name
        for i, name in zip(answers["stakeholder_id"][~own], answers["name"][~own], strict=True)
    }
    st.header(t("signoff.record_title"))
    if not people:
        st.info(t("signoff.all_answered_themselves"))
        return
    st.caption(t("signoff.record_help", name=actor() or "?"))
    _answer_form(version_id, people, actor(), t("signoff.record"))


def _answer_form(
    version_id: int, people: dict[int, str], recorder: str | None, button: str
) -> None:
    """`recorder` None: the stakeholder answers as themselves; else the facilitator's name."""
    labels = decisions()
    with st.form("signoff_answer"):
        who = st.selectbox(
            t("signoff.stakeholder"),
            list(people),
            format_func=people.get,
            key="signoff_who",
            help=None if recorder is None else t("signoff.on_behalf"),
        )
        decision = st.radio(
            t("field.decision"),
            list(labels),
            format_func=labels.get,
            horizontal=True,
            key="signoff_decision",
        )
        comment = st.text_area(
            t("field.comment"),
            key="signoff_comment",
            max_chars=COMMENT_MAX,
            help=t("signoff.comment_help"),
        )
        if st.form_submit_button(button, type="primary"):
            run_change(
                lambda s: sign(
                    db=s,
                    version_id=version_id,
                    stakeholder_id=who,
                    signoff_in=validated(SignoffCreate, decision=decision, comment=comment),
                    actor=recorder,
                ),
                success=t("signoff.sent", name=people[who])
                if recorder is None
                else t("signoff.recorded", name=people[who], by=recorder),
                rerun=True,
                needs=None if recorder is None else "sign",
            )


def on_behalf_toggle(workspace_id: int) -> None:
    """The workspace's setting: may facilitators record answers given in the room?"""
    with reading(engine()) as db:
        allowed = on_behalf_allowed(db=db, workspace_id=workspace_id)
    st.toggle(
        t("signoff.on_behalf_setting"),
        value=allowed,
        key=ON_BEHALF_KEY,
        help=t("signoff.on_behalf_setting_help"),
        on_change=_save_on_behalf,
        args=(workspace_id,),
    )


def _save_on_behalf(workspace_id: int) -> None:
    on = bool(st.session_state[ON_BEHALF_KEY])
    run_change(
        lambda s: allow_on_behalf(db=s, workspace_id=workspace_id, allowed=on),
        success=t("signoff.on_behalf_allowed" if on else "signoff.on_behalf_forbidden"),
    )
