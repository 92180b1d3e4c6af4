"""Who rates which criterion, in SQL: with criteria limited to roles only the entitled
votes count and each stakeholder needs only their own criteria; without limits every
vote counts and everyone needs every criterion."""

import pytest
from sqlalchemy import select

from planner.models import CriterionCreate, RoleWeightCreate, Stakeholder, Vote
from planner.store.scoring.entitlement import counted, needed, round_setup
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    set_role_weights,
    update_criterion,
)
from planner.store.scoring.sessions import current_round
from tests.factories import join, vote_all

pytestmark = pytest.mark.storage


@pytest.fixture(name="voted")
def voted_fixture(workshop, db):
    """Mia (Marketing), Ivo (IT) and Sam (Sales) answered every criterion of the first
    idea, before any limit; the round's id."""
    journey, ideas, scoring, setup = workshop
    set_role_weights(
        db=db,
        workspace_id=journey.workspace.id,
        weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Marketing", "IT", "Sales")],
    )
    for name, role in (("Mia", "Marketing"), ("Ivo", "IT"), ("Sam", "Sales")):
        vote_all(db, scoring, join(db, scoring, name, role), ideas[0].id, setup)
    return journey, current_round(db=db, session_id=scoring.id).id


def limit_roles(db, workspace_id):
    """Marketing rates the value criteria, IT the effort one; Sales nothing."""
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    for criterion in setup.criteria:
        update_criterion(
            db=db,
            criterion_id=criterion.id,
            criterion_in=CriterionCreate(
                name=criterion.name,
                dimension=criterion.dimension,
                roles=["Marketing" if criterion.dimension == "value" else "IT"],
            ),
        )
    return load_scoring_setup(db=db, workspace_id=workspace_id)


def counted_votes(db, round_id, setup) -> dict[str, list[int]]:
    rows = db.execute(
        select(Stakeholder.name, Vote.criterion_id)
        .join(Stakeholder, Stakeholder.id == Vote.stakeholder_id)
        .where(Vote.round_id == round_id, counted(setup))
        .order_by(Stakeholder.name, Vote.criterion_id)
    )
    found: dict[str, list[int]] = {}
    for name, criterion_id in rows:
        found.setdefault(name, []).append(criterion_id)
    return found


def needed_by(db, setup) -> dict[str, int]:
    rows = db.execute(select(Stakeholder.name, needed(setup)).order_by(Stakeholder.name))
    return dict(rows.all())


def test_round_setup_is_the_setup_of_the_rounds_workspace(voted, db):
    journey, round_id = voted
    found = round_setup(db, round_id)
    expected = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    assert [c.id for c in found.criteria] == [c.id for c in expected.criteria]
    assert found.criterion_roles == expected.criterion_roles == {}


def test_without_limits_every_vote_counts_and_everyone_needs_every_criterion(voted, db):
    _, round_id = voted
    setup = round_setup(db, round_id)
    every = sorted(c.id for c in setup.criteria)
    assert counted_votes(db, round_id, setup) == {"Ivo": every, "Mia": every, "Sam": every}
    assert needed_by(db, setup) == {"Ivo": 3, "Mia": 3, "Sam": 3}


def test_with_limits_only_the_entitled_votes_count(voted, db):
    journey, round_id = voted
    setup = limit_roles(db, journey.workspace.id)
    value_ids = sorted(c.id for c in setup.criteria_of("value"))
    effort_ids = [c.id for c in setup.criteria_of("effort")]
    # votes given before the limit stay stored, but count only when entitled
    assert counted_votes(db, round_id, setup) == {"Ivo": effort_ids, "Mia": value_ids}
    assert needed_by(db, setup) == {"Ivo": 1, "Mia": 2, "Sam": 0}


def test_a_limit_on_one_criterion_leaves_the_others_open_to_everyone(voted, db):
    journey, round_id = voted
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    effort = setup.criteria_of("effort")[0]
    update_criterion(
        db=db,
        criterion_id=effort.id,
        criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["IT"]),
    )
    setup = round_setup(db, round_id)
    value_ids = sorted(c.id for c in setup.criteria_of("value"))
    assert counted_votes(db, round_id, setup) == {
        "Ivo": sorted([*value_ids, effort.id]),
        "Mia": value_ids,
        "Sam": value_ids,
    }
    assert needed_by(db, setup) == {"Ivo": 3, "Mia": 2, "Sam": 2}


def test_roles_match_whatever_their_case(voted, db):
    journey, round_id = voted
    setup = limit_roles(db, journey.workspace.id)
    db.execute(
        Stakeholder.__table__.update().where(Stakeholder.name == "Mia").values(role="MARKETING")
    )
    assert needed_by(db, setup)["Mia"] == 2
    assert len(counted_votes(db, round_id, setup)["Mia"]) == 2
