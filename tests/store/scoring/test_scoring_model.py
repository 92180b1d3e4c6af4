"""A workspace's scoring model: the default a new workspace gets in its language, the
model's settings, criteria added, changed and removed under their rules, the list of
roles with their weights, and criteria limited to roles of that list."""

import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import CriterionCreate, RoleWeightCreate, ScoringModelUpdate
from planner.store.scoring.scoring_model import (
    add_criterion,
    load_scoring_setup,
    remove_criterion,
    set_criterion_roles,
    set_role_weights,
    update_criterion,
    update_scoring_model,
)
from tests.factories import join, make_journey, vote_all

pytestmark = pytest.mark.storage


@pytest.fixture(name="workspace_id")
def workspace_id_fixture(db) -> int:
    return make_journey(db, name="Model").workspace.id


def names(db, workspace_id) -> list[tuple[str, str]]:
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    return [(c.name, c.dimension) for c in setup.criteria]


@pytest.mark.parametrize(
    ("language", "criteria"),
    [
        ("en", [("Customer value", "value"), ("Business value", "value"), ("Effort", "effort")]),
        ("nl", [("Klantwaarde", "value"), ("Bedrijfswaarde", "value"), ("Inspanning", "effort")]),
    ],
)
def test_a_new_workspace_has_the_default_model_in_its_language(db, language, criteria):
    journey = make_journey(db, name=f"New {language}", language=language)
    assert names(db, journey.workspace.id) == criteria
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    assert setup.role_weights_named == {}
    assert setup.criterion_roles == {}


def test_an_unknown_workspace_has_no_model(db):
    with pytest.raises(NotFound):
        load_scoring_setup(db=db, workspace_id=10**6)


def test_the_model_changes_only_the_settings_given(db, workspace_id):
    before = load_scoring_setup(db=db, workspace_id=workspace_id).model
    scale, method = before.scale, before.consensus_method
    update_scoring_model(db=db, workspace_id=workspace_id, model_in=ScoringModelUpdate(min_votes=4))
    after = load_scoring_setup(db=db, workspace_id=workspace_id).model
    assert (after.min_votes, after.scale, after.consensus_method) == (4, scale, method)


def test_a_criterion_is_added_last_and_its_name_is_free_in_any_case(db, workspace_id):
    added = add_criterion(
        db=db,
        workspace_id=workspace_id,
        criterion_in=CriterionCreate(name="Risk", dimension="effort", weight=2),
    )
    assert names(db, workspace_id)[-1] == ("Risk", "effort")
    assert added.weight == 2
    with pytest.raises(Conflict) as taken:
        add_criterion(
            db=db,
            workspace_id=workspace_id,
            criterion_in=CriterionCreate(name="effort", dimension="effort"),
        )
    assert "Effort" in taken.value.message("en")


def test_the_last_criterion_of_a_dimension_can_neither_move_nor_go(db, workspace_id):
    (effort,) = load_scoring_setup(db=db, workspace_id=workspace_id).criteria_of("effort")
    with pytest.raises(Conflict):
        update_criterion(
            db=db,
            criterion_id=effort.id,
            criterion_in=CriterionCreate(name="Effort", dimension="value"),
        )
    with pytest.raises(Conflict):
        remove_criterion(db=db, criterion_id=effort.id)
    assert ("Effort", "effort") in names(db, workspace_id)


def test_a_criterion_is_renamed_and_reweighed_in_place(db, workspace_id):
    first = load_scoring_setup(db=db, workspace_id=workspace_id).criteria[0]
    update_criterion(
        db=db,
        criterion_id=first.id,
        criterion_in=CriterionCreate(name="Value for customers", dimension="value", weight=3),
    )
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    assert (setup.criteria[0].name, setup.criteria[0].weight) == ("Value for customers", 3)
    with pytest.raises(NotFound):
        update_criterion(
            db=db, criterion_id=10**6, criterion_in=CriterionCreate(name="X", dimension="value")
        )


def test_a_criterion_voted_on_cannot_be_removed_one_without_votes_can(db, workshop):
    journey, ideas, scoring, setup = workshop
    customer, business = setup.criteria_of("value")
    vote_all(db, scoring, join(db, scoring, "Ann"), ideas[0].id, setup, criteria=[customer])
    with pytest.raises(Conflict) as voted:
        remove_criterion(db=db, criterion_id=customer.id)
    assert "1" in voted.value.message("en")
    remove_criterion(db=db, criterion_id=business.id)
    assert [
        c.id for c in load_scoring_setup(db=db, workspace_id=journey.workspace.id).criteria
    ] == [
        customer.id,
        setup.criteria_of("effort")[0].id,
    ]


def test_role_weights_replace_the_list_and_refuse_a_role_twice(db, workspace_id):
    weights = [RoleWeightCreate(role="IT", weight=2), RoleWeightCreate(role="Sales", weight=1)]
    set_role_weights(db=db, workspace_id=workspace_id, weights_in=weights)
    assert load_scoring_setup(db=db, workspace_id=workspace_id).role_weights_named == {
        "IT": 2,
        "Sales": 1,
    }
    twice = [RoleWeightCreate(role="IT", weight=2), RoleWeightCreate(role="it", weight=1)]
    with pytest.raises(Conflict):
        set_role_weights(db=db, workspace_id=workspace_id, weights_in=twice)
    set_role_weights(db=db, workspace_id=workspace_id, weights_in=weights[1:])
    assert load_scoring_setup(db=db, workspace_id=workspace_id).role_weights_named == {"Sales": 1}


def test_a_criterion_is_limited_to_listed_roles_spelled_as_the_list_spells_them(db, workspace_id):
    set_role_weights(
        db=db,
        workspace_id=workspace_id,
        weights_in=[
            RoleWeightCreate(role="IT", weight=1),
            RoleWeightCreate(role="Sales", weight=1),
        ],
    )
    (effort,) = load_scoring_setup(db=db, workspace_id=workspace_id).criteria_of("effort")
    set_criterion_roles(db=db, criterion_id=effort.id, roles=["it", "IT"])
    assert load_scoring_setup(db=db, workspace_id=workspace_id).criterion_roles == {
        effort.id: ("IT",)
    }
    with pytest.raises(InvalidInput) as unknown:
        set_criterion_roles(db=db, criterion_id=effort.id, roles=["Legal"])
    assert "Legal" in unknown.value.message("en")
    assert "IT, Sales" in unknown.value.message("en")
    # a role limiting a criterion stays in the list until the criterion no longer is limited
    with pytest.raises(Conflict):
        set_role_weights(
            db=db, workspace_id=workspace_id, weights_in=[RoleWeightCreate(role="Sales", weight=1)]
        )
    set_criterion_roles(db=db, criterion_id=effort.id, roles=[])
    set_role_weights(
        db=db, workspace_id=workspace_id, weights_in=[RoleWeightCreate(role="Sales", weight=1)]
    )
    assert load_scoring_setup(db=db, workspace_id=workspace_id).criterion_roles == {}
