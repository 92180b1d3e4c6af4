"""Role-limited criteria on the pages: set on the scoring model, a ballot with only the
criteria of one's role, the matrix as one role sees it."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import CriterionCreate, RoleWeightCreate, ScoringModelUpdate, StakeholderJoin
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    set_role_weights,
    update_criterion,
    update_scoring_model,
)
from planner.store.scoring.stakeholders import join_session
from tests.conftest import APP
from tests.factories import demo_session
from tests.ui.conftest import labelled, texts, widget_key


@pytest.fixture(name="roles")
def roles_fixture(engine, demo):
    with writing(engine) as db:
        set_role_weights(
            db=db,
            workspace_id=demo.id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Marketing", "IT", "Sales")],
        )
    return demo


def ballot_of(engine, workspace_id: int, who: StakeholderJoin) -> AppTest:
    """`who` joins a session on candidates 1 and 2 and opens their personal link."""
    scoring = demo_session(engine, workspace_id, candidate_ids=(1, 2))
    with writing(engine) as db:
        joined = join_session(db=db, code=scoring.code, join_in=who)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    return at


def limit_effort_to_it(engine, workspace_id):
    with writing(engine) as db:
        effort = load_scoring_setup(db=db, workspace_id=workspace_id).criteria_of("effort")[0]
        update_criterion(
            db=db,
            criterion_id=effort.id,
            criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["IT"]),
        )


def test_the_facilitator_limits_a_criterion_to_roles(open_page, roles, engine):
    with reading(engine) as db:
        effort = load_scoring_setup(db=db, workspace_id=roles.id).criteria_of("effort")[0]
    at = open_page("scoring_model")
    rated_by = at.multiselect(key=f"rated_by_{effort.id}")
    assert rated_by.label == "Effort" and rated_by.options == ["Marketing", "IT", "Sales"]
    rated_by.select("IT").select("Sales").run()
    assert not at.exception
    with reading(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=roles.id)
    assert setup.roles_of(effort.id) == ("IT", "Sales")
    at.session_state[widget_key(at, "criteria")] = {  # a new weight keeps the roles
        "edited_rows": {2: {"weight": 2.0}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    with reading(engine) as db:
        assert load_scoring_setup(db=db, workspace_id=roles.id).roles_of(effort.id) == (
            "IT",
            "Sales",
        )


@pytest.mark.parametrize(
    ("role", "dimensions"), [("IT", {"value", "effort"}), ("Marketing", {"value"})]
)
def test_a_ballot_shows_the_criteria_of_ones_role(roles, engine, role, dimensions):
    limit_effort_to_it(engine, roles.id)
    at = ballot_of(engine, roles.id, StakeholderJoin(name="Ann", role=role))
    assert not at.exception
    data = json.loads(at.get("bidi_component")[0].proto.json)
    assert {c["dimension"] for c in data["criteria"]} == dimensions


def test_the_matrix_shows_one_roles_view(open_page, roles):
    at = open_page("matrix")
    seen_by = labelled(at.selectbox, "Seen by")
    assert seen_by.options == ["Marketing", "IT", "Sales"]
    seen_by.set_value("IT").run()
    assert not at.exception
    assert "matrix.nothing" not in texts(at)


def test_a_role_that_rates_nothing_is_told_so(roles, engine):
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=roles.id)
        for criterion in setup.criteria:
            update_criterion(
                db=db,
                criterion_id=criterion.id,
                criterion_in=CriterionCreate(
                    name=criterion.name, dimension=criterion.dimension, roles=["IT"]
                ),
            )
    at = ballot_of(engine, roles.id, StakeholderJoin(name="Sam", role="Sales"))
    assert not at.exception
    assert "nothing for your role (Sales) to score" in texts(at)


def test_a_first_limit_on_the_page_makes_the_consensus_per_criterion(open_page, roles, engine):
    """Nobody voted yet: limiting effort to roles switches the default method, and the
    form shows the switch at once."""
    with reading(engine) as db:
        effort = load_scoring_setup(db=db, workspace_id=roles.id).criteria_of("effort")[0]
    at = open_page("scoring_model")
    assert labelled(at.radio, "Consensus").value == "median"
    at.multiselect(key=f"rated_by_{effort.id}").select("IT").run()
    assert not at.exception
    with reading(engine) as db:
        assert load_scoring_setup(db=db, workspace_id=roles.id).model.consensus_method == (
            "per_criterion"
        )
    assert labelled(at.radio, "Consensus").value == "per_criterion"


def test_the_facilitator_chooses_the_per_criterion_consensus(open_page, roles, engine):
    """Criteria limited to roles under the median: the page suggests per criterion, and
    the facilitator chooses it."""
    limit_effort_to_it(engine, roles.id)
    with writing(engine) as db:
        update_scoring_model(
            db=db, workspace_id=roles.id, model_in=ScoringModelUpdate(consensus_method="median")
        )
    at = open_page("scoring_model")
    assert "“Per criterion” takes each criterion's median" in texts(at)
    method = labelled(at.radio, "Consensus")
    assert method.value == "median"
    method.set_value("per_criterion")
    at.button(key="FormSubmitter:scoring_rules-Save").click().run()
    assert not at.exception
    with reading(engine) as db:
        assert load_scoring_setup(db=db, workspace_id=roles.id).model.consensus_method == (
            "per_criterion"
        )
    assert "“Per criterion” takes" not in texts(at)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("en", "Per criterion (each criterion's median, then the criteria's weights)"),
        ("nl", "Per criterium (mediaan per criterium, dan de gewichten van de criteria)"),
    ],
)
def test_the_per_criterion_method_is_offered_in_each_language(open_page, demo, lang, label):
    at = open_page("scoring_model", lang=lang)
    assert label in labelled(at.radio, "Consensus").options
