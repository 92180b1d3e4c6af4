"""Scoring sessions and votes: join codes, ballots, progress, reveal, re-vote, close."""

import pytest
from sqlmodel import select

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import RoleWeightCreate, SessionCreate, Stakeholder, StakeholderJoin, Vote
from planner.store.scoring.scoring_model import set_role_weights
from planner.store.scoring.sessions import (
    close_session,
    current_round,
    find_session,
    open_revote,
    open_session,
    participants,
    reveal_round,
)
from planner.store.scoring.stakeholders import (
    join_info,
    join_session,
    link_hash,
    rejoin,
    renew_link,
    stakeholder_by_link,
)
from planner.store.scoring.votes import (
    cast_vote,
    my_ballot,
    progress,
    set_comment,
    votes_per_candidate,
)
from tests.factories import add_candidate, join, make_journey, vote_all

pytestmark = pytest.mark.storage


def test_codes_are_short_and_typable(workshop, db):
    _, _, scoring, _ = workshop
    assert len(scoring.code) == 6 and not set(scoring.code) & set("01OIL")
    typed = f" {scoring.code[:3].lower()}-{scoring.code[3:]} "
    assert find_session(db=db, code=typed).id == scoring.id


def test_unknown_code(db):
    with pytest.raises(NotFound):
        find_session(db=db, code="ZZZZZZ")


@pytest.mark.parametrize("typed", ["Anna de Vries", "  anna DE vries "])
def test_a_taken_name_is_refused_never_resumed(workshop, db, typed):
    _, _, scoring, _ = workshop
    join(db, scoring, "Anna de Vries", "Marketing")
    with pytest.raises(Conflict, match="If that is you, open your personal link"):
        join(db, scoring, typed, "Sales")
    [anna] = db.exec(select(Stakeholder)).all()
    assert anna.role == "Marketing"
    assert [p.name for p in participants(db=db, session_id=scoring.id)] == ["Anna de Vries"]


def test_a_personal_link_is_random_and_stored_hashed(workshop, db):
    _, _, scoring, _ = workshop
    joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    other = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Bo"))
    assert len(joined.token) >= 32 and joined.token != other.token  # 192 random bits
    assert joined.stakeholder.link_hash == link_hash(joined.token) != joined.token
    assert stakeholder_by_link(db=db, token=joined.token).name == "Anna"
    assert stakeholder_by_link(db=db, token=joined.stakeholder.link_hash) is None


def test_the_personal_link_rejoins_any_open_session_of_its_workspace(workshop, db):
    journey, ideas, scoring, _ = workshop
    joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    later = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Later"),
        candidate_ids=[ideas[2].id],
    )
    assert rejoin(db=db, token=joined.token).scoring.id == scoring.id
    again = rejoin(db=db, token=joined.token, code=later.code)
    assert again.scoring.id == later.id and again.stakeholder.id == joined.stakeholder.id
    assert [p.name for p in participants(db=db, session_id=later.id)] == ["Anna"]
    with pytest.raises(NotFound):
        rejoin(db=db, token="not-a-link")


def test_a_new_personal_link_ends_the_old_one(workshop, db):
    journey, _, scoring, _ = workshop
    joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    new = renew_link(db=db, workspace_id=journey.workspace.id, stakeholder_id=joined.stakeholder.id)
    assert stakeholder_by_link(db=db, token=joined.token) is None
    assert stakeholder_by_link(db=db, token=new).id == joined.stakeholder.id
    with pytest.raises(NotFound):
        renew_link(db=db, workspace_id=999, stakeholder_id=joined.stakeholder.id)


def test_votes_are_saved_and_changed_in_place(workshop, db):
    _, ideas, scoring, setup = workshop
    anna = join(db, scoring, "Anna")
    round_id = current_round(db=db, session_id=scoring.id).id
    criterion = setup.criteria[0]
    for label in ("2", "5", None):
        cast_vote(
            db=db,
            round_id=round_id,
            stakeholder_id=anna.id,
            candidate_id=ideas[0].id,
            criterion_id=criterion.id,
            label=label,
        )
    [vote] = db.exec(select(Vote)).all()
    assert (vote.score, vote.label) == (None, "")  # "don't know" after changing twice
    ballot = my_ballot(db=db, round_id=round_id, stakeholder_id=anna.id)
    assert ballot.answers == {(ideas[0].id, criterion.id): None}


def test_scores_are_stored_on_zero_to_ten(workshop, db):
    _, ideas, scoring, setup = workshop
    anna = join(db, scoring, "Anna")
    vote_all(db, scoring, anna, ideas[0].id, setup, label="5")
    assert {v.score for v in db.exec(select(Vote))} == {10.0}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"label": "6"}, InvalidInput),  # not on the 1-5 scale
        ({"candidate": 2}, InvalidInput),  # not in this session
        ({"stakeholder": "stranger"}, InvalidInput),  # never joined
    ],
)
def test_votes_outside_the_ballot_are_refused(workshop, db, change, error):
    _journey, ideas, scoring, setup = workshop
    anna = join(db, scoring, "Anna")
    other = make_journey(db, "Other")
    stranger = Stakeholder(workspace_id=other.workspace.id, name="S", name_key="s")
    db.add(stranger)
    db.flush()
    with pytest.raises(error):
        cast_vote(
            db=db,
            round_id=current_round(db=db, session_id=scoring.id).id,
            stakeholder_id=(stranger if change.get("stakeholder") else anna).id,
            candidate_id=ideas[change.get("candidate", 0)].id,
            criterion_id=setup.criteria[0].id,
            label=change.get("label", "3"),
        )


def test_progress_counts_fully_answered_candidates(workshop, db):
    _, ideas, scoring, setup = workshop
    anna, bob = join(db, scoring, "Anna"), join(db, scoring, "Bob", "IT")
    vote_all(db, scoring, anna, ideas[0].id, setup)
    vote_all(db, scoring, anna, ideas[1].id, setup)
    round_id = current_round(db=db, session_id=scoring.id).id
    cast_vote(
        db=db,
        round_id=round_id,
        stakeholder_id=bob.id,
        candidate_id=ideas[0].id,
        criterion_id=setup.criteria[0].id,
        label="1",
    )
    table = progress(db=db, round_id=round_id)
    assert table[["name", "role", "scored"]].values.tolist() == [["Anna", "", 2], ["Bob", "IT", 0]]
    assert votes_per_candidate(db=db, round_id=round_id) == {
        ideas[0].id: 1,
        ideas[1].id: 1,
    }


def test_reveal_stops_voting_and_revote_keeps_the_record(workshop, db):
    _, ideas, scoring, setup = workshop
    anna = join(db, scoring, "Anna")
    vote_all(db, scoring, anna, ideas[0].id, setup)
    first = reveal_round(db=db, session_id=scoring.id)
    with pytest.raises(Conflict):
        vote_all(db, scoring, anna, ideas[0].id, setup)
    second = open_revote(db=db, session_id=scoring.id, candidate_ids=[ideas[0].id])
    assert second.number == 2 and second.id != first.id
    vote_all(db, scoring, anna, ideas[0].id, setup, label="1")
    assert sorted(v.label for v in db.exec(select(Vote))) == ["1"] * 3 + ["3"] * 3


def test_revote_needs_a_revealed_round(workshop, db):
    _, ideas, scoring, _ = workshop
    with pytest.raises(Conflict):
        open_revote(db=db, session_id=scoring.id, candidate_ids=[ideas[0].id])


def test_closed_session_takes_no_one(workshop, db):
    _, ideas, scoring, _setup = workshop
    anna = join(db, scoring, "Anna")
    close_session(db=db, session_id=scoring.id)
    assert current_round(db=db, session_id=scoring.id).status == "revealed"
    with pytest.raises(Conflict):
        join(db, scoring, "Bob")
    with pytest.raises(Conflict):
        set_comment(
            db=db,
            round_id=current_round(db=db, session_id=scoring.id).id,
            stakeholder_id=anna.id,
            candidate_id=ideas[0].id,
            comment="late",
        )


def test_a_session_needs_candidates_of_its_workspace(db):
    mine, theirs = make_journey(db, "Mine"), make_journey(db, "Theirs")
    foreign = add_candidate(db, theirs)
    with pytest.raises(InvalidInput):
        open_session(
            db=db,
            workspace_id=mine.workspace.id,
            session_in=SessionCreate(name="S"),
            candidate_ids=[],
        )
    with pytest.raises(NotFound):
        open_session(
            db=db,
            workspace_id=mine.workspace.id,
            session_in=SessionCreate(name="S"),
            candidate_ids=[foreign.id],
        )


def test_the_join_page_learns_where_a_code_leads(workshop, db):
    journey, _, scoring, _ = workshop
    set_role_weights(
        db=db,
        workspace_id=journey.workspace.id,
        weights_in=[
            RoleWeightCreate(role="IT", weight=1),
            RoleWeightCreate(role="Marketing", weight=2),
        ],
    )
    info = join_info(db=db, code=scoring.code.lower())
    assert (info.session, info.workspace, info.language) == (
        "Workshop",
        journey.workspace.name,
        journey.workspace.language,
    )
    assert info.roles == ["IT", "Marketing"] and info.open
    with pytest.raises(NotFound):
        join_info(db=db, code="ZZZZZZ")


def test_a_role_is_one_of_the_workspaces_roles_when_it_lists_them(workshop, db):
    journey, _, scoring, _ = workshop
    assert join(db, scoring, "Free", "Anything goes").role == "Anything goes"  # no list
    set_role_weights(
        db=db, workspace_id=journey.workspace.id, weights_in=[RoleWeightCreate(role="IT", weight=1)]
    )
    assert join(db, scoring, "Ida", " it ").role == "IT"  # as the list spells it
    with pytest.raises(InvalidInput, match="Choose one of: IT"):
        join(db, scoring, "Mo", "Marketing")
    with pytest.raises(InvalidInput, match="Choose your role: one of IT"):
        join(db, scoring, "Nobody", "")  # no role where the workspace lists them
    assert not db.exec(select(Stakeholder).where(Stakeholder.name.in_(["Mo", "Nobody"]))).all()
