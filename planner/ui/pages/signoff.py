"""Sign-off: a saved roadmap version is put to the stakeholders, who approve or object,
through their own link or in the room (recorded by a facilitator, who is named)."""

import pandas as pd
import streamlit as st

from planner.core import dates
from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX
from planner.delivery.signoff import signoff_table
from planner.models import SignoffRequest
from planner.store.delivery.signoff import request_signoff, signoff_status
from planner.store.roadmap.versions import list_versions
from planner.store.scoring.sessions import get_session
from planner.ui import tables
from planner.ui.access import grants
from planner.ui.access.grants import stakeholder_mode
from planner.ui.delivery.signoff_answers import on_behalf_toggle, own_answer, room_answer
from planner.ui.guard import require_journey
from planner.ui.page_files import page
from planner.ui.roadmap.view import roadmap_view
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import saved_version, saved_version_key
from planner.ui.shell.session_roles import allowed

me = grants.me() if stakeholder_mode() else None
if me is not None:  # a stakeholder who joined a session: answer as themselves
    with reading(engine()) as db:
        workspace_id = get_session(db=db, session_id=me.session_id).workspace_id
        versions = [
            v
            for v in list_versions(db=db, workspace_id=workspace_id)
            if v.signoff_requested_at is not None
        ]
elif stakeholder_mode():
    st.info(t("signoff.join_first"))
    st.stop()
else:
    workspace_id = require_journey("view").workspace.id
    with reading(engine()) as db:
        versions = list_versions(db=db, workspace_id=workspace_id)
if me is not None:
    st.page_link(page("vote"))  # a phone hides the navigation
st.title(t("signoff.title"))
st.caption(t("signoff.intro"))
if not versions:
    st.info(t("signoff.nothing_requested") if me is not None else t("commitments.no_versions"))
    st.stop()

names = {v.id: v.name for v in versions}
version_id = st.selectbox(
    t("commitments.version"), list(names), format_func=names.get, key="signoff_version"
)
version = next(v for v in versions if v.id == version_id)
with reading(engine()) as db:
    status = signoff_status(db=db, version_id=version_id)
roadmap = saved_version(version)

with st.expander(t("signoff.what"), icon=":material/timeline:"):
    roadmap_view(roadmap, key=f"signoff_{version_id}", version=saved_version_key(version))

if not status.requested:
    st.info(t("signoff.not_requested"))
    if not allowed(workspace_id, "edit"):
        st.stop()
    with st.form("signoff_request"):
        by = st.text_input(t("field.by"), key="signoff_request_by", max_chars=NAME_MAX)
        st.caption(t("signoff.request_help"))
        if st.form_submit_button(t("signoff.request"), type="primary"):
            run_change(
                lambda s: request_signoff(
                    db=s,
                    version_id=version_id,
                    request_in=validated(SignoffRequest, by=by),
                ),
                success=t("signoff.requested", name=version.name),
                rerun=True,
            )
    st.stop()

st.caption(
    t(
        "signoff.requested_by",
        by=version.signoff_requested_by,
        at=dates.moment(version.signoff_requested_at, current_lang()),
    )
)
if status.total == 0:
    st.warning(t("signoff.no_stakeholders"))
    st.stop()
st.progress(
    status.approved / status.total,
    text=t("signoff.approved", approved=status.approved, total=status.total),
)
if status.complete:
    st.success(t("signoff.complete"), icon=":material/verified:")
for objection in status.objections.to_dict("records"):
    recorded_by = objection["recorded_by"]
    st.warning(
        t("signoff.objection", name=objection["name"], comment=objection["comment"])
        if pd.isna(recorded_by)
        else t(
            "signoff.objection_recorded",
            name=objection["name"],
            by=recorded_by,
            comment=objection["comment"],
        ),
        icon=":material/report:",
    )
if status.in_the_room:
    st.caption(t("signoff.in_the_room", count=status.in_the_room))
tables.show(signoff_table(status.answers, current_lang()), hide_index=True, width="stretch")

if me is not None:  # stakeholders answer for themselves only
    own_answer(version_id, me, status)
    st.stop()
if allowed(workspace_id, "edit"):
    on_behalf_toggle(workspace_id)
if allowed(workspace_id, "sign"):
    room_answer(version_id, workspace_id, status)
