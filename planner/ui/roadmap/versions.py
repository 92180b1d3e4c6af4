"""Roadmap versions: save the current roadmap, open an old one as saved, compare two."""

import pandas as pd
import streamlit as st

from planner.core import dates
from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX
from planner.journey.journey import Journey
from planner.models import RoadmapVersion, VersionCreate
from planner.roadmap.build import Roadmap, compare
from planner.store.delivery.signoff import approvals
from planner.store.roadmap.versions import (
    delete_version,
    list_versions,
    save_version,
    update_version,
)
from planner.ui import tables
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.view import roadmap_view
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import saved_version, saved_version_key


def version_actions(version: RoadmapVersion, current: Roadmap) -> None:
    """Replace a version with the current roadmap, or delete it, while it is not frozen."""
    if version.signoff_requested_at is not None:
        st.caption(t("roadmap.version_frozen"))
        return
    left, right = st.columns(2)
    if left.button(t("roadmap.replace_version"), key=f"replace_version_{version.id}"):
        run_change(
            lambda s: update_version(db=s, version_id=version.id, roadmap=current),
            success=t("roadmap.version_replaced", name=version.name),
            rerun=True,
        )
    if right.button(t("action.delete"), key=f"delete_version_{version.id}"):
        run_change(
            lambda s: delete_version(db=s, version_id=version.id),
            success=t("roadmap.version_deleted", name=version.name),
            rerun=True,
        )


def save_version_form(journey: Journey, roadmap: Roadmap) -> None:
    with st.form("save_version"):
        left, right = st.columns(2)
        name = left.text_input(t("field.name"), key="version_name", max_chars=NAME_MAX)
        by = right.text_input(t("field.created_by"), key="version_by", max_chars=NAME_MAX)
        if st.form_submit_button(t("roadmap.save_version"), type="primary"):
            run_change(
                lambda s: save_version(
                    db=s,
                    workspace_id=journey.workspace.id,
                    roadmap=roadmap,
                    version_in=validated(VersionCreate, name=name, created_by=by),
                ),
                success=t("roadmap.version_saved", name=name.strip()),
                rerun=True,
            )


def signoff_label(version: RoadmapVersion, approved: dict[int, int], total: int) -> str:
    if version.signoff_requested_at is None:
        return "—"
    return t("signoff.approved", approved=approved.get(version.id, 0), total=total)


def versions_panel(journey: Journey, current: Roadmap, *, editing: bool) -> None:
    with reading(engine()) as db:
        versions = list_versions(db=db, workspace_id=journey.workspace.id)
        approved, stakeholders = approvals(db=db, workspace_id=journey.workspace.id)
    if not versions:
        st.info(t("roadmap.no_versions"))
        return
    tables.show(
        pd.DataFrame(
            {
                t("field.name"): [v.name for v in versions],
                t("field.created_by"): [v.created_by for v in versions],
                t("roadmap.saved_at"): [v.created_at for v in versions],
                t("field.strategy"): [t(f"strategy.{v.settings['strategy']}") for v in versions],
                t("nav.signoff"): [signoff_label(v, approved, stakeholders) for v in versions],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    names = {v.id: f"{v.name} · {dates.moment(v.created_at, current_lang())}" for v in versions}
    opened = st.selectbox(
        t("roadmap.open_version"), list(names), format_func=names.get, key="open_version"
    )
    by_id = {v.id: v for v in versions}
    roadmap_view(
        saved_version(by_id[opened]),
        key=f"version_{opened}",
        version=saved_version_key(by_id[opened]),
    )
    roadmap_downloads(journey, version_id=opened, version_name=by_id[opened].name)
    if editing:
        version_actions(next(v for v in versions if v.id == opened), current)

    st.header(t("roadmap.compare"))
    left, right = st.columns(2)
    older = left.selectbox(
        t("roadmap.compare_from"),
        list(names),
        format_func=names.get,
        index=min(1, len(names) - 1),
        key="compare_from",
    )
    newer = right.selectbox(
        t("roadmap.compare_to"), list(names), format_func=names.get, key="compare_to"
    )
    before, after = saved_version(by_id[older]), saved_version(by_id[newer])
    changes = compare(before.items, after.items)
    if changes.empty:
        st.caption(t("roadmap.no_changes"))
        return
    labels = {p.index: p.label_in(current_lang()) for p in before.periods}
    after_labels = {p.index: p.label_in(current_lang()) for p in after.periods}
    tables.show(
        pd.DataFrame(
            {
                t("field.title"): changes["title"],
                t("roadmap.change"): changes["change"].map(lambda c: t(f"change.{c}")),
                t("roadmap.before"): changes["before"].map(
                    lambda p: labels.get(p, "") if p == p else ""
                ),
                t("roadmap.after"): changes["after"].map(
                    lambda p: after_labels.get(p, "") if p == p else ""
                ),
            }
        ),
        hide_index=True,
        width="stretch",
    )
