"""Merging duplicate candidates and undoing it, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import select

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import (
    BallotComment,
    Candidate,
    CandidateMerge,
    CandidateUpdate,
    Commitment,
    CommitmentCreate,
    Dependency,
    PlanItem,
    RoadmapVersionItem,
    RoundCandidate,
    Vote,
)
from planner.store.delivery.commitments import commit
from planner.store.journey.candidates import candidate_frame, update_candidate
from planner.store.journey.merges import (
    RULES,
    candidate_references,
    merge_candidates,
    recent_merges,
    undo_merge,
)
from planner.store.roadmap.dependencies import add_dependencies
from planner.store.roadmap.roadmap_plan import set_plan_item
from planner.store.scoring.sessions import current_round
from planner.store.scoring.votes import set_comment
from tests.factories import add_candidate, join, make_journey, saved_version, vote_all

pytestmark = pytest.mark.storage


def test_every_table_that_refers_to_candidates_has_a_merge_rule():
    assert {table.name for table, _, _ in candidate_references()} == set(RULES)


def state(db, workspace_id) -> dict:
    """What a merge changes, by title: candidates, votes, comments, rounds, dependencies,
    pins, commitments."""
    frame = candidate_frame(db=db, workspace_id=workspace_id)
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    by_id = {i: titles.get(i) for i in titles}

    def rows(query):
        return sorted(
            tuple(by_id.get(v, v) if n == 0 else v for n, v in enumerate(r))
            for r in db.execute(query)
        )

    return {
        "candidates": sorted(
            (row.title, row.description, tuple(row.channels), tuple(row.tags))
            for row in frame.itertuples()
        ),
        "votes": rows(
            select(Vote.candidate_id, Vote.stakeholder_id, Vote.criterion_id, Vote.score)
        ),
        "comments": rows(select(BallotComment.candidate_id, BallotComment.comment)),
        "rounds": rows(select(RoundCandidate.candidate_id, RoundCandidate.round_id)),
        "needs": sorted(
            (by_id[c], by_id[n])
            for c, n in db.execute(select(Dependency.candidate_id, Dependency.needs_id))
        ),
        "pins": rows(select(PlanItem.candidate_id, PlanItem.pinned_period)),
        "commitments": rows(select(Commitment.candidate_id, Commitment.owner)),
    }


@pytest.fixture(name="duplicates")
def duplicates_fixture(workshop, db):
    """The workshop's Idea 0 and Idea 1 as the same idea in the app and on the website,
    scored and commented on, with a dependency, a pin and a commitment."""
    journey, ideas, scoring, setup = workshop
    kept, gone, _ = ideas
    for candidate, channel, text in (
        (kept, "Mobile app", "In the app."),
        (gone, "Website", "On the site."),
    ):
        update_candidate(
            db=db,
            candidate_id=candidate.id,
            candidate_in=CandidateUpdate(
                description=text, channel_ids=[journey.channel_id(channel)]
            ),
        )
    ann, bob = join(db, scoring, "Ann"), join(db, scoring, "Bob")
    vote_all(db, scoring, ann, kept.id, setup, label="3")
    vote_all(db, scoring, ann, gone.id, setup, label="5")  # clashes: Ann's 3 stays
    vote_all(db, scoring, bob, gone.id, setup, label="4")  # Bob has none on kept: moves
    round_id = current_round(db=db, session_id=scoring.id).id
    for person, candidate, text in (
        (ann, kept.id, "Cheap"),
        (ann, gone.id, "Loved"),
        (bob, gone.id, "Risky"),
    ):
        set_comment(
            db=db, round_id=round_id, stakeholder_id=person.id, candidate_id=candidate, comment=text
        )
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(ideas[2].id, gone.id)])
    set_plan_item(db=db, candidate_id=gone.id, pinned_period=2, excluded=False)
    version = saved_version(db, journey.workspace.id)
    position = next(
        item.position for item in version_items(db, version.id) if item.candidate_id == gone.id
    )
    commit(
        db=db,
        version_id=version.id,
        position=position,
        commitment_in=CommitmentCreate(owner="Pim", committed_by="Eva", due=date(2027, 3, 31)),
    )
    db.flush()
    return journey, kept, gone, ideas[2], ann, bob


def version_items(db, version_id):
    return db.scalars(select(RoadmapVersionItem).where(RoadmapVersionItem.version_id == version_id))


def merge(db, journey, kept, gone):
    return merge_candidates(
        db=db, workspace_id=journey.workspace.id, kept_id=kept.id, merged_ids=[gone.id], actor="Eva"
    )


def test_a_merge_keeps_one_candidate_on_both_channels_with_both_descriptions(duplicates, db):
    journey, kept, gone, *_ = duplicates
    record = merge(db, journey, kept, gone)
    after = state(db, journey.workspace.id)
    assert ("Idea 0", "In the app.\n\nOn the site.", ("Website", "Mobile app"), ()) in after[
        "candidates"
    ]
    assert "Idea 1" not in {row[0] for row in after["candidates"]}
    assert (record.kept_title, record.merged_titles, record.actor) == ("Idea 0", ["Idea 1"], "Eva")


def test_votes_are_kept_where_they_do_not_clash(duplicates, db):
    journey, kept, gone, _, ann, bob = duplicates
    merge(db, journey, kept, gone)
    scores = {
        (stakeholder, score)
        for candidate, stakeholder, _, score in state(db, journey.workspace.id)["votes"]
        if candidate == "Idea 0"
    }
    assert {stakeholder for stakeholder, _ in scores} == {ann.id, bob.id}
    ann_scores = {score for stakeholder, score in scores if stakeholder == ann.id}
    bob_scores = {score for stakeholder, score in scores if stakeholder == bob.id}
    assert len(ann_scores) == 1 and len(bob_scores) == 1
    assert ann_scores != bob_scores  # Ann's own on Idea 0 (3), Bob's from Idea 1 (4)


def test_comments_dependencies_pins_and_commitments_move_to_the_kept_candidate(duplicates, db):
    journey, kept, gone, *_ = duplicates
    merge(db, journey, kept, gone)
    after = state(db, journey.workspace.id)
    assert ("Idea 0", "Cheap\nLoved") in after["comments"]
    assert ("Idea 0", "Risky") in after["comments"]
    assert after["needs"] == [("Idea 2", "Idea 0")]
    assert after["pins"] == [("Idea 0", 2)]
    assert after["commitments"] == [("Idea 0", "Pim")]


def test_an_undo_puts_everything_back(duplicates, db):
    journey, kept, gone, *_ = duplicates
    before = state(db, journey.workspace.id)
    record = merge(db, journey, kept, gone)
    assert state(db, journey.workspace.id) != before
    undo_merge(db=db, workspace_id=journey.workspace.id, merge_id=record.id, actor="Eva")
    assert state(db, journey.workspace.id) == before
    assert db.get(Candidate, gone.id).title == "Idea 1"  # under its own id again
    assert recent_merges(db=db, workspace_id=journey.workspace.id) == []
    assert db.get(CandidateMerge, record.id).undone_by == "Eva"


def test_an_undo_is_refused_once_the_kept_candidate_was_scored_again(duplicates, workshop, db):
    journey, kept, gone, *_ = duplicates
    _, _, scoring, setup = workshop
    record = merge(db, journey, kept, gone)
    vote_all(db, scoring, join(db, scoring, "Cy"), kept.id, setup, label="1")
    with pytest.raises(Conflict):
        undo_merge(db=db, workspace_id=journey.workspace.id, merge_id=record.id, actor="Eva")


def test_an_undo_is_refused_twice(duplicates, db):
    journey, kept, gone, *_ = duplicates
    record = merge(db, journey, kept, gone)
    undo_merge(db=db, workspace_id=journey.workspace.id, merge_id=record.id, actor="Eva")
    with pytest.raises(NotFound):
        undo_merge(db=db, workspace_id=journey.workspace.id, merge_id=record.id, actor="Eva")


def test_candidates_of_two_phases_do_not_merge(workshop, db):
    journey, ideas, *_ = workshop
    elsewhere = add_candidate(db, journey, "Idea", phase=journey.phase_names[1])
    with pytest.raises(InvalidInput):
        merge(db, journey, ideas[0], elsewhere)


def test_a_merge_that_would_make_a_dependency_circle_is_refused(workshop, db):
    journey, (first, second, third), *_ = workshop
    add_dependencies(
        db=db,
        workspace_id=journey.workspace.id,
        pairs=[(first.id, second.id), (second.id, third.id)],
    )
    with pytest.raises(Conflict):
        merge(db, journey, first, third)  # first needs second, second needs first


def test_a_candidate_of_another_workspace_is_not_found(workshop, db):
    journey, ideas, *_ = workshop
    other = make_journey(db, name="Other")
    stranger = add_candidate(db, other, "Idea 0")
    with pytest.raises(NotFound):
        merge(db, journey, ideas[0], stranger)


def test_three_merged_at_once_and_put_back(duplicates, db):
    """Two candidates merged into a third: the need between them goes; undo restores all."""
    journey, kept, gone, other, *_ = duplicates
    before = state(db, journey.workspace.id)
    record = merge_candidates(
        db=db,
        workspace_id=journey.workspace.id,
        kept_id=kept.id,
        merged_ids=[gone.id, other.id],
        actor="Eva",
    )
    after = state(db, journey.workspace.id)
    assert [row[0] for row in after["candidates"]] == ["Idea 0"]
    assert after["needs"] == []  # Idea 2 needed Idea 1: both are Idea 0 now
    assert record.merged_titles == ["Idea 1", "Idea 2"]
    undo_merge(db=db, workspace_id=journey.workspace.id, merge_id=record.id, actor="Eva")
    assert state(db, journey.workspace.id) == before
