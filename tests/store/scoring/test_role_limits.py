"""Criteria limited to roles: IT rates effort only, Marketing value only. The rule table
of docs/tour/workshop.md (Role-limited criteria), one test per rule."""

import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import CriterionCreate, RoleWeightCreate, ScoringModelUpdate
from planner.scoring.setup import aggregate_votes
from planner.store.scoring.ballot import answered_ids, my_criteria
from planner.store.scoring.consensus import latest_votes, workspace_consensus
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    set_criterion_roles,
    set_role_weights,
    update_criterion,
    update_scoring_model,
)
from planner.store.scoring.sessions import current_round, reveal_round
from planner.store.scoring.votes import progress
from tests.factories import join, vote_all

pytestmark = pytest.mark.storage


@pytest.fixture(name="limited")
def limited_fixture(workshop, db):
    """Marketing rates the two value criteria, IT the effort one; Sales is listed too."""
    journey, ideas, scoring, _ = workshop
    set_role_weights(
        db=db,
        workspace_id=journey.workspace.id,
        weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Marketing", "IT", "Sales")],
    )
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    for criterion in setup.criteria:
        role = "Marketing" if criterion.dimension == "value" else "IT"
        update_criterion(
            db=db,
            criterion_id=criterion.id,
            criterion_in=CriterionCreate(
                name=criterion.name, dimension=criterion.dimension, roles=[role]
            ),
        )
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    round_id = current_round(db=db, session_id=scoring.id).id
    return journey, ideas, scoring, setup, round_id


def test_each_role_rates_its_own_criteria(limited, db):
    _, _, scoring, setup, round_id = limited
    mia, ivo = join(db, scoring, "Mia", "Marketing"), join(db, scoring, "Ivo", "IT")
    value_ids = [c.id for c in setup.criteria_of("value")]
    assert my_criteria(db=db, round_id=round_id, stakeholder_id=mia.id) == value_ids
    assert my_criteria(db=db, round_id=round_id, stakeholder_id=ivo.id) == [
        setup.criteria_of("effort")[0].id
    ]


def test_a_vote_on_another_roles_criterion_is_refused(limited, db):
    _, ideas, scoring, setup, _ = limited
    mia = join(db, scoring, "Mia", "Marketing")
    with pytest.raises(InvalidInput, match="rated by other roles than yours"):
        vote_all(db, scoring, mia, ideas[0].id, setup, "4", criteria=setup.criteria_of("effort"))


def test_a_candidate_is_done_when_my_criteria_are_answered(limited, db):
    _, ideas, scoring, setup, round_id = limited
    mia, ivo = join(db, scoring, "Mia", "Marketing"), join(db, scoring, "Ivo", "IT")
    vote_all(db, scoring, mia, ideas[0].id, setup, "4", criteria=setup.criteria_of("value"))
    vote_all(db, scoring, ivo, ideas[0].id, setup, "4", criteria=setup.criteria_of("effort"))
    vote_all(db, scoring, ivo, ideas[1].id, setup, "4", criteria=setup.criteria_of("effort"))
    assert answered_ids(db=db, round_id=round_id, stakeholder_id=mia.id) == [ideas[0].id]
    assert answered_ids(db=db, round_id=round_id, stakeholder_id=ivo.id) == [
        ideas[0].id,
        ideas[1].id,
    ]
    people = progress(db=db, round_id=round_id).set_index("name")
    assert people.loc["Mia", "scored"] == 1 and people.loc["Ivo", "scored"] == 2


def test_a_role_that_rates_nothing_has_nothing_left_to_do(limited, db):
    _, _, scoring, _, round_id = limited
    sam = join(db, scoring, "Sam", "Sales")
    assert my_criteria(db=db, round_id=round_id, stakeholder_id=sam.id) == []
    assert progress(db=db, round_id=round_id).set_index("name").loc["Sam", "scored"] == 2


def test_consensus_per_criterion_counts_only_those_entitled(workshop, db):
    """Votes given before the limit: Sales' effort no longer counts once IT rates it."""
    journey, ideas, scoring, setup = workshop
    set_role_weights(
        db=db,
        workspace_id=journey.workspace.id,
        weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("IT", "Sales")],
    )
    for name, role, effort in (("Ivo", "IT", "1"), ("Ida", "IT", "1"), ("Sam", "Sales", "5")):
        person = join(db, scoring, name, role)
        vote_all(
            db, scoring, person, ideas[0].id, setup, effort, criteria=setup.criteria_of("effort")
        )
    reveal_round(db=db, session_id=scoring.id)
    votes = latest_votes(db=db, workspace_id=journey.workspace.id)
    assert aggregate_votes(setup, votes).loc[ideas[0].id, "effort_n"] == 3
    effort = setup.criteria_of("effort")[0]
    update_criterion(
        db=db,
        criterion_id=effort.id,
        criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["it"]),
    )
    limited = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    assert limited.roles_of(effort.id) == ("IT",)  # as the list spells it
    assert aggregate_votes(limited, votes).loc[ideas[0].id, "effort_n"] == 2


def test_the_matrix_can_show_one_roles_view(workshop, db):
    journey, ideas, scoring, setup = workshop
    for n in range(3):  # three of each: enough votes (3) for a role on its own
        for role, label in (("IT", "5"), ("Sales", "1")):
            person = join(db, scoring, f"{role} {n}", role)
            vote_all(db, scoring, person, ideas[0].id, setup, label, criteria=setup.criteria)
    reveal_round(db=db, session_id=scoring.id)
    whole = workspace_consensus(db=db, workspace_id=journey.workspace.id)
    by_it = workspace_consensus(db=db, workspace_id=journey.workspace.id, seen_by="it")
    assert whole.loc[ideas[0].id, "value_n"] == 6 and by_it.loc[ideas[0].id, "value_n"] == 3
    assert by_it.loc[ideas[0].id, "value"] > whole.loc[ideas[0].id, "value"]


def test_limits_name_listed_roles_and_keep_them_listed(limited, db):
    journey, _, _, setup, _ = limited
    effort = setup.criteria_of("effort")[0]
    with pytest.raises(InvalidInput, match="“Finance” is not one of the workspace's roles"):
        update_criterion(
            db=db,
            criterion_id=effort.id,
            criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["Finance"]),
        )
    with pytest.raises(Conflict, match="The role “IT” rates the criterion"):
        set_role_weights(
            db=db,
            workspace_id=journey.workspace.id,
            weights_in=[RoleWeightCreate(role="Marketing", weight=1)],
        )


def test_a_first_limit_before_any_vote_makes_the_consensus_per_criterion(limited):
    """With criteria limited to roles, a median of composites lets headcount beat the
    criteria's weights; nobody voted yet, so the default method changes."""
    _, _, _, setup, _ = limited
    assert setup.model.consensus_method == "per_criterion"


def test_a_limit_after_the_first_vote_keeps_the_method(workshop, db):
    journey, ideas, scoring, setup = workshop
    set_role_weights(
        db=db, workspace_id=journey.workspace.id, weights_in=[RoleWeightCreate(role="IT", weight=1)]
    )
    vote_all(db, scoring, join(db, scoring, "Ivo", "IT"), ideas[0].id, setup, "4")
    effort = setup.criteria_of("effort")[0]
    update_criterion(
        db=db,
        criterion_id=effort.id,
        criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["IT"]),
    )
    assert load_scoring_setup(db=db, workspace_id=journey.workspace.id).model.consensus_method == (
        "median"
    )


@pytest.mark.parametrize(("method", "value"), [("median", 10.0), ("per_criterion", 2.5)])
def test_split_criteria_keep_their_weights_per_criterion(workshop, db, method, value):
    """Four Service people rate "Customer value" (weight 1) 10, two Marketing people
    "Business value" (weight 3) 0: 10 as a median of composites, 2.5 per criterion."""
    journey, ideas, scoring, _ = workshop
    workspace_id = journey.workspace.id
    set_role_weights(
        db=db,
        workspace_id=workspace_id,
        weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Service", "Marketing")],
    )
    customer, business = load_scoring_setup(db=db, workspace_id=workspace_id).criteria_of("value")
    for criterion, role, weight in ((customer, "Service", 1), (business, "Marketing", 3)):
        update_criterion(
            db=db,
            criterion_id=criterion.id,
            criterion_in=CriterionCreate(
                name=criterion.name, dimension="value", weight=weight, roles=[role]
            ),
        )
    update_scoring_model(
        db=db, workspace_id=workspace_id, model_in=ScoringModelUpdate(consensus_method=method)
    )
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    for n, (role, label) in enumerate([("Service", "5")] * 4 + [("Marketing", "1")] * 2):
        person = join(db, scoring, f"{role} {n}", role)
        vote_all(db, scoring, person, ideas[0].id, setup, label, criteria=setup.criteria_for(role))
    reveal_round(db=db, session_id=scoring.id)
    row = workspace_consensus(db=db, workspace_id=workspace_id).loc[ideas[0].id]
    assert (row["value"], row["value_n"], row["value_source"]) == (value, 6, "votes")


def test_a_criterions_roles_are_set_alone_and_cleared_for_everyone(limited, db):
    journey, _, _, setup, _ = limited
    effort = setup.criteria_of("effort")[0]
    set_criterion_roles(db=db, criterion_id=effort.id, roles=["sales", "IT"])
    after = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    assert after.roles_of(effort.id) == ("IT", "Sales")  # as the workspace lists them
    assert (effort.name, effort.weight) == (after.criteria_of("effort")[0].name, 1.0)
    set_criterion_roles(db=db, criterion_id=effort.id, roles=[])
    assert load_scoring_setup(db=db, workspace_id=journey.workspace.id).roles_of(effort.id) == ()
    with pytest.raises(InvalidInput, match="“Finance” is not one of the workspace's roles"):
        set_criterion_roles(db=db, criterion_id=effort.id, roles=["Finance"])
    with pytest.raises(NotFound):
        set_criterion_roles(db=db, criterion_id=10**6, roles=[])
