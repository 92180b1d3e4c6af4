"""The scoring input schemas: the model's settings within their bounds, criteria and
role weights, joining, sessions, one ballot click, comments and a facilitator's decision;
each refused naming the field."""

import pytest

from planner.core.ids import ID_MAX
from planner.core.limits import COMMENT_MAX
from planner.models import (
    CommentSet,
    CriterionCreate,
    OverrideCreate,
    ReferenceSet,
    RoleWeightCreate,
    ScoringModelUpdate,
    SessionCreate,
    SessionSettings,
    StakeholderJoin,
    VoteCast,
)
from tests.models.helpers import dutch_refusal, refusals


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"disagreement": 0.01}, "at least 0.05"),
        ({"disagreement": 1.5}, "at most 1"),
        ({"min_votes": 0}, "at least 1"),
        ({"min_votes": 101}, "at most 100"),
        ({"scale": "one_to_a_hundred"}, "must be one of"),
        ({"consensus_method": "vote"}, "must be one of"),
    ],
)
def test_the_models_settings_stay_within_their_bounds(fields, message):
    found = refusals(ScoringModelUpdate, **fields)
    assert len(found) == 1 and message in found[0]


def test_a_model_update_changes_only_what_is_given():
    assert ScoringModelUpdate(min_votes=3).model_dump(exclude_none=True) == {"min_votes": 3}


def test_a_criterion_weighs_one_and_everyone_rates_it_unless_said():
    criterion = CriterionCreate(name=" Risk ", dimension="effort")
    assert (criterion.name, criterion.weight, criterion.roles) == ("Risk", 1.0, [])
    assert "must be one of" in refusals(CriterionCreate, name="Risk", dimension="cost")[0]
    assert refusals(CriterionCreate, name="Risk", dimension="value", weight=0) != []
    assert refusals(CriterionCreate, name="Risk", dimension="value", weight=101) != []


@pytest.mark.parametrize(("weight", "ok"), [(0, False), (0.5, True), (100, True), (100.5, False)])
def test_a_role_weight_is_above_zero_and_at_most_a_hundred(weight, ok):
    assert (refusals(RoleWeightCreate, role="IT", weight=weight) == []) is ok


def test_joining_takes_a_name_and_an_optional_role():
    joined = StakeholderJoin(name="  Ann  ")
    assert (joined.name, joined.role) == ("Ann", "")
    assert refusals(StakeholderJoin, name="") == ["Name is required."]
    assert dutch_refusal(StakeholderJoin, name="") == "Naam is verplicht."


def test_a_session_is_not_in_focus_mode_unless_asked():
    assert SessionCreate(name="Workshop").focus is False
    assert SessionSettings().model_dump(exclude_none=True) == {}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"round": 0}, "Round must be at least 1."),
        ({"candidate": ID_MAX + 1}, f"Candidate may be at most {ID_MAX}."),
        ({"criterion": "3"}, "Criterion has a value that is not allowed."),  # strict: no text
        ({"answer": ""}, "Answer is required."),
        ({"answer": "x" * 13}, "Answer may have at most 12 characters."),
    ],
)
def test_a_ballot_click_is_refused_naming_the_field(fields, message):
    click = {"round": 1, "candidate": 2, "criterion": 3, "answer": "4"}
    assert refusals(VoteCast, **(click | fields)) == [message]


def test_a_comment_keeps_its_lines_up_to_its_limit():
    comment = CommentSet(round=1, candidate=2, comment="First line\r\nSecond line")
    assert comment.comment == "First line\nSecond line"
    assert refusals(CommentSet, round=1, candidate=2, comment="x" * (COMMENT_MAX + 1)) != []


def test_a_decision_needs_a_reason_and_scores_on_zero_to_ten():
    decided = OverrideCreate(value=7.5, reason="Agreed in the room", decided_by="Eva")
    assert (decided.value, decided.effort) == (7.5, None)
    assert refusals(OverrideCreate, value=11, reason="Agreed", decided_by="Eva") == [
        "Value may be at most 10."
    ]
    assert "at least 3" in refusals(OverrideCreate, reason="ok", decided_by="Eva")[0]


def test_a_reference_names_a_candidate_and_a_label():
    assert ReferenceSet(candidate_id=4, label="3").label == "3"
    assert refusals(ReferenceSet, candidate_id="4", label="3") != []
    assert refusals(ReferenceSet, candidate_id=4, label="") != []
