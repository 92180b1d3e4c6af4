"""The scoring model's tables lose no row: a new row weighs 1, a row being typed stays on
screen until it has a name, and who rates a criterion is chosen outside the grid."""

from types import SimpleNamespace

import pytest

from planner.core.db import reading, writing
from planner.models import RoleWeightCreate
from planner.store.scoring.scoring_model import load_scoring_setup, set_role_weights
from planner.ui.scoring.model_editors import role_weights_after, unnamed_row
from tests.ui.conftest import texts, widget_key


def edits(edited=None, added=None, deleted=None) -> dict:
    return {"edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}


@pytest.fixture(name="listed")
def listed_fixture(engine, demo):
    """The demo with two roles listed: Marketing 2, IT 1."""
    with writing(engine) as db:
        set_role_weights(
            db=db,
            workspace_id=demo.id,
            weights_in=[
                RoleWeightCreate(role="Marketing", weight=2),
                RoleWeightCreate(role="IT", weight=1),
            ],
        )
    return demo


def role_weights(engine, workspace_id) -> dict[str, float]:
    with reading(engine) as db:
        return load_scoring_setup(db=db, workspace_id=workspace_id).role_weights_named


def test_a_new_role_row_is_saved_with_weight_1(open_page, engine, listed):
    at = open_page("scoring_model")
    at.session_state[widget_key(at, "role_weights")] = edits(added=[{"role": "Sales"}])
    at.run()
    assert not at.exception
    assert role_weights(engine, listed.id) == {"Marketing": 2.0, "IT": 1.0, "Sales": 1.0}
    assert "Saved." in texts(at)


def test_a_role_row_without_a_name_stays_unsaved_and_is_named(open_page, engine, listed):
    at = open_page("scoring_model", lang="nl")
    key = widget_key(at, "role_weights")
    at.session_state[key] = edits(edited={1: {"weight": 3.0}}, added=[{"weight": 1.0}])
    at.run()
    assert not at.exception
    assert "Rij 3 heeft nog geen rolnaam" in texts(at)
    assert widget_key(at, "role_weights") == key  # the table keeps what was typed
    assert role_weights(engine, listed.id) == {"Marketing": 2.0, "IT": 1.0}
    at.session_state[key] = edits(
        edited={1: {"weight": 3.0}}, added=[{"weight": 1.0, "role": "Sales"}]
    )
    at.run()
    assert role_weights(engine, listed.id) == {"Marketing": 2.0, "IT": 3.0, "Sales": 1.0}
    assert "heeft nog geen rolnaam" not in texts(at)


def test_a_role_name_cleared_in_the_table_is_named_not_saved(open_page, engine, listed):
    at = open_page("scoring_model")
    at.session_state[widget_key(at, "role_weights")] = edits(edited={0: {"role": None}})
    at.run()
    assert "Row 1 has no role name yet" in texts(at)
    assert role_weights(engine, listed.id) == {"Marketing": 2.0, "IT": 1.0}


def test_a_refused_role_list_says_why(open_page, engine, listed):
    at = open_page("scoring_model")
    at.session_state[widget_key(at, "role_weights")] = edits(added=[{"role": "it"}])
    at.run()
    assert not at.exception
    assert "This journey already has a role named “IT”." in texts(at)
    assert role_weights(engine, listed.id) == {"Marketing": 2.0, "IT": 1.0}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (edits(added=[{"role": "Sales"}]), [("Marketing", 2.0), ("IT", 1.0), ("Sales", 1.0)]),
        (
            edits(added=[{"role": "Sales", "weight": None}]),
            [("Marketing", 2.0), ("IT", 1.0), ("Sales", 1.0)],
        ),
        (edits(edited={0: {"weight": None}}), [("Marketing", 1.0), ("IT", 1.0)]),
        (edits(edited={1: {"role": "Ops"}}, deleted=[0]), [("Ops", 1.0)]),
    ],
)
def test_role_weights_after_the_edits_never_hold_an_empty_weight(change, expected):
    setup = SimpleNamespace(role_weights_named={"Marketing": 2.0, "IT": 1.0})
    rows = role_weights_after(setup, change)  # type: ignore[arg-type]
    assert [(r.role, r.weight) for r in rows] == expected


@pytest.mark.parametrize(
    ("change", "row"),
    [
        (edits(), None),
        (edits(added=[{"role": "Sales"}]), None),
        (edits(added=[{"weight": 1.0}]), 3),
        (edits(added=[{"role": "  "}]), 3),
        (edits(edited={1: {"role": ""}}), 2),
        (edits(edited={1: {"role": ""}}, deleted=[0]), 1),  # row 2 moved up to row 1
        (edits(added=[{"weight": 1.0}], deleted=[0]), 2),
        (edits(edited={0: {"weight": 3.0}}), None),
    ],
)
def test_the_unnamed_row_is_numbered_as_the_table_shows_it(change, row):
    assert unnamed_row(change, 2, "role") == row


def test_a_new_criterion_needs_only_its_name(open_page, engine, demo):
    at = open_page("scoring_model")
    at.session_state[widget_key(at, "criteria")] = edits(added=[{"name": "Reach"}])
    at.run()
    assert not at.exception
    with reading(engine) as db:
        reach = load_scoring_setup(db=db, workspace_id=demo.id).criteria[-1]
    assert (reach.name, reach.dimension, reach.weight) == ("Reach", "value", 1.0)


def test_a_criterion_row_without_a_name_stays_unsaved(open_page, engine, demo):
    at = open_page("scoring_model")
    key = widget_key(at, "criteria")
    at.session_state[key] = edits(added=[{"dimension": "effort", "weight": 2.0}])
    at.run()
    assert "Row 4 has no name yet" in texts(at)
    assert widget_key(at, "criteria") == key
    with reading(engine) as db:
        assert len(load_scoring_setup(db=db, workspace_id=demo.id).criteria) == 3


def test_rated_by_is_chosen_per_criterion_and_cleared_for_everyone(open_page, engine, listed):
    with reading(engine) as db:
        first = load_scoring_setup(db=db, workspace_id=listed.id).criteria[0]
    at = open_page("scoring_model")
    box = at.multiselect(key=f"rated_by_{first.id}")
    assert box.placeholder == "Everyone"
    box.select("Marketing").run()
    with reading(engine) as db:
        assert load_scoring_setup(db=db, workspace_id=listed.id).roles_of(first.id) == (
            "Marketing",
        )
    assert at.multiselect(key=f"rated_by_{first.id}").value == ["Marketing"]
    at.multiselect(key=f"rated_by_{first.id}").unselect("Marketing").run()
    with reading(engine) as db:
        assert load_scoring_setup(db=db, workspace_id=listed.id).roles_of(first.id) == ()


def test_without_a_role_list_the_page_says_how_to_limit_a_criterion(open_page, demo):
    at = open_page("scoring_model", lang="nl")
    assert "zet de rollen dan eerst onder Rolgewichten" in texts(at)
    assert not [m for m in at.multiselect if m.key.startswith("rated_by_")]
