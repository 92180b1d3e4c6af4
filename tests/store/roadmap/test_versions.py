"""Saved roadmap versions: opened as saved whatever changed since, names unique in any
case, listed newest first, found by name, replaced or deleted while not frozen."""

import pytest

from planner.core.errors import Conflict, NotFound
from planner.models import OverrideCreate, VersionCreate
from planner.roadmap.build import compare
from planner.store.roadmap.versions import (
    delete_version,
    find_version,
    get_version,
    list_versions,
    open_version,
    save_version,
    update_version,
    version_items,
)
from planner.store.scoring.consensus import add_override
from tests.store.roadmap.working import plan, roadmap

pytestmark = pytest.mark.storage


def test_a_version_opens_as_saved_after_scores_change(db, demo):
    plan(db, demo)
    saved = roadmap(db, demo)
    version = save_version(
        db=db,
        workspace_id=demo.id,
        roadmap=saved,
        version_in=VersionCreate(name="Q1 plan", created_by="Eva"),
    )
    first = saved.items.iloc[0]
    add_override(
        db=db,
        candidate_id=int(first["candidate_id"]),
        override_in=OverrideCreate(value=0, effort=10, reason="Changed our mind", decided_by="Eva"),
    )
    assert roadmap(db, demo).items.set_index("candidate_id").at[first["candidate_id"], "value"] == 0
    reopened = open_version(db=db, version_id=version.id)
    cols = ["candidate_id", "rank", "title", "value", "effort", "quadrant", "start_period"]
    assert reopened.items[cols].equals(saved.items[cols].astype(reopened.items[cols].dtypes))
    assert reopened.load == pytest.approx(saved.load)
    assert reopened.settings == saved.settings
    [listed] = list_versions(db=db, workspace_id=demo.id)
    assert (listed.name, listed.created_by) == ("Q1 plan", "Eva")
    with pytest.raises(Conflict):
        save_version(
            db=db,
            workspace_id=demo.id,
            roadmap=saved,
            version_in=VersionCreate(name="q1 PLAN", created_by="Eva"),
        )


def test_compare_versions(db, demo):
    plan(db, demo, capacities=[10.0])
    small = roadmap(db, demo).items
    plan(db, demo, capacities=[40.0])
    large = roadmap(db, demo).items
    changes = compare(small, large)
    assert {"added", "earlier"} >= set(changes["change"])
    assert len(changes[changes["change"] == "added"]) == large["start_period"].notna().sum() - (
        small["start_period"].notna().sum()
    )


def test_versions_are_listed_newest_first_and_found_by_name_in_any_case(db, demo):
    plan(db, demo)
    saved = roadmap(db, demo)
    for name in ("Q1 plan", "Q2 plan"):
        save_version(
            db=db,
            workspace_id=demo.id,
            roadmap=saved,
            version_in=VersionCreate(name=name, created_by="Eva"),
        )
    assert [v.name for v in list_versions(db=db, workspace_id=demo.id)] == ["Q2 plan", "Q1 plan"]
    assert find_version(db=db, workspace_id=demo.id, name="q1 PLAN").name == "Q1 plan"
    with pytest.raises(NotFound):
        find_version(db=db, workspace_id=demo.id, name="Q3 plan")
    with pytest.raises(NotFound):
        get_version(db=db, version_id=10**6)


def test_a_version_is_replaced_under_its_name_or_deleted(db, demo):
    plan(db, demo, capacities=[10.0])
    small = roadmap(db, demo)
    version = save_version(
        db=db,
        workspace_id=demo.id,
        roadmap=small,
        version_in=VersionCreate(name="Q1 plan", created_by="Eva"),
    )
    plan(db, demo, capacities=[40.0])
    large = roadmap(db, demo)
    replaced = update_version(db=db, version_id=version.id, roadmap=large)
    assert (replaced.id, replaced.name) == (version.id, "Q1 plan")
    items = version_items(db=db, version_id=version.id)
    assert items["start_period"].notna().sum() == large.items["start_period"].notna().sum()
    assert open_version(db=db, version_id=version.id).settings == large.settings
    delete_version(db=db, version_id=version.id)
    assert list_versions(db=db, workspace_id=demo.id) == []
    with pytest.raises(NotFound):
        open_version(db=db, version_id=version.id)
