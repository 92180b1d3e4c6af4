"""Dependencies between candidates: "B needs A", within one workspace; a cycle is refused
naming who is in it."""

import pytest

from planner.core.errors import Conflict, InvalidInput
from planner.store.roadmap.dependencies import (
    add_dependencies,
    dependency_frame,
    needs_of,
    remove_dependency,
)
from tests.factories import add_candidate, make_journey
from tests.store.roadmap.working import roadmap

pytestmark = pytest.mark.storage


def test_a_cycle_is_refused_naming_the_candidates(db, demo):
    titles = roadmap(db, demo).items.set_index("title")["candidate_id"]
    stock, collect = (
        titles["Stock per store on the product page"],
        titles["Click & collect within 2 hours"],
    )
    with pytest.raises(Conflict) as error:
        add_dependencies(db=db, workspace_id=demo.id, pairs=[(stock, collect)])
    assert "“Stock per store on the product page” → “Click & collect within 2 hours”" in (
        error.value.message("en")
    )
    assert len(dependency_frame(db=db, workspace_id=demo.id)) == 5
    assert collect in needs_of(db=db, workspace_id=demo.id)


@pytest.fixture(name="ideas")
def ideas_fixture(db):
    """A workspace with three candidates, A, B and C."""
    journey = make_journey(db, name="Deps")
    return journey, [add_candidate(db, journey, title) for title in ("A", "B", "C")]


def test_dependencies_are_added_once_and_read_back(db, ideas):
    journey, (a, b, c) = ideas
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(b.id, a.id), (c.id, a.id)])
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(b.id, a.id), (c.id, b.id)])
    assert needs_of(db=db, workspace_id=journey.workspace.id) == {b.id: {a.id}, c.id: {a.id, b.id}}
    frame = dependency_frame(db=db, workspace_id=journey.workspace.id)
    assert sorted(zip(frame["title"], frame["needs_title"], strict=True)) == [
        ("B", "A"),
        ("C", "A"),
        ("C", "B"),
    ]
    assert frame["title"].tolist() == sorted(frame["title"])


def test_a_cycle_through_three_is_refused_and_nothing_added(db, ideas):
    journey, (a, b, c) = ideas
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(b.id, a.id), (c.id, b.id)])
    with pytest.raises(Conflict) as refused:
        add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(a.id, c.id)])
    for title in ("“A”", "“B”", "“C”"):
        assert title in refused.value.message("en")
        assert title in refused.value.message("nl")
    assert needs_of(db=db, workspace_id=journey.workspace.id) == {b.id: {a.id}, c.id: {b.id}}


@pytest.mark.parametrize("which", ["itself", "other workspace", "unknown"])
def test_a_dependency_on_itself_or_outside_the_workspace_is_refused(db, ideas, which):
    journey, (a, _, _) = ideas
    other = make_journey(db, name="Elsewhere")
    outsider = add_candidate(db, other, "Outsider")
    needed = {"itself": a.id, "other workspace": outsider.id, "unknown": 10**6}[which]
    with pytest.raises(InvalidInput):
        add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(a.id, needed)])
    assert needs_of(db=db, workspace_id=journey.workspace.id) == {}


def test_a_removed_dependency_is_gone_and_the_others_stay(db, ideas):
    journey, (a, b, c) = ideas
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(b.id, a.id), (c.id, a.id)])
    remove_dependency(db=db, candidate_id=b.id, needs_id=a.id)
    assert needs_of(db=db, workspace_id=journey.workspace.id) == {c.id: {a.id}}


def test_another_workspaces_dependencies_are_not_read(db, ideas):
    journey, (a, b, _) = ideas
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(b.id, a.id)])
    other = make_journey(db, name="Elsewhere")
    assert needs_of(db=db, workspace_id=other.workspace.id) == {}
    assert dependency_frame(db=db, workspace_id=other.workspace.id).empty
