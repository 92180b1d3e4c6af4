"""Every limit on what people type, written once: each is the length the models check,
and a column's limit is its length in the schema."""

import pytest
from pydantic import ValidationError

from planner.core import limits
from planner.models import CandidateCreate, SQLModel


def test_every_limit_is_a_positive_number():
    found = {name: value for name, value in vars(limits).items() if name.endswith("_MAX")}
    assert len(found) >= 12
    assert all(isinstance(value, int | float) and value > 0 for value in found.values())


def test_a_name_is_shorter_than_a_title_and_a_title_than_a_description():
    assert limits.NAME_MAX < limits.TITLE_MAX < limits.DESCRIPTION_MAX
    assert limits.COMMENT_MAX <= limits.DESCRIPTION_MAX


@pytest.mark.parametrize(
    ("field", "limit"), [("title", limits.TITLE_MAX), ("description", limits.DESCRIPTION_MAX)]
)
def test_a_candidate_takes_its_field_up_to_the_limit_and_not_one_more(field, limit):
    fields = {"title": "Welcome mail", "phase_id": 1, "channel_ids": [1]}
    assert len(getattr(CandidateCreate(**(fields | {field: "x" * limit})), field)) == limit
    with pytest.raises(ValidationError):
        CandidateCreate(**(fields | {field: "x" * (limit + 1)}))


@pytest.mark.parametrize(
    ("table", "column", "limit"),
    [
        ("workspace", "name", limits.NAME_MAX),
        ("stakeholder", "name", limits.NAME_MAX),
        ("candidate", "title", limits.TITLE_MAX),
        ("candidate", "description", limits.DESCRIPTION_MAX),
        ("commitment", "kpi_name", limits.KPI_NAME_MAX),
        ("commitment", "learnings", limits.LEARNINGS_MAX),
        ("signoff", "comment", limits.COMMENT_MAX),
        ("ballot_comment", "comment", limits.COMMENT_MAX),
        ("consensus_override", "reason", limits.REASON_MAX),
        ("scoring_session", "code", limits.JOIN_CODE_MAX),
    ],
)
def test_a_columns_length_in_the_schema_is_its_limit(table, column, limit):
    assert SQLModel.metadata.tables[table].columns[column].type.length == limit
