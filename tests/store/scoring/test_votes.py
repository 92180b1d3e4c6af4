"""Ballot comments: kept under the one text rule, so the backup that holds them restores."""

import json

import pytest

from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_workspace
from planner.core.errors import InvalidInput
from planner.models import COMMENT_MAX
from planner.store.scoring.sessions import current_round, reveal_round
from planner.store.scoring.votes import my_ballot, set_comment
from tests.factories import join

pytestmark = pytest.mark.storage


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("\u0000 \u001b \u0007", ""),  # the comment that made every later backup unrestorable
        ("Too \x1b[31mcostly\x07", "Too [31mcostly"),
        ("first line\r\nsecond\u2028third", "first line\nsecond\nthird"),
        ("  مرحبا 👩‍👩‍👧 e\u0301  ", "مرحبا 👩‍👩‍👧 \u00e9"),
        ("x" * COMMENT_MAX, "x" * COMMENT_MAX),
    ],
)
def test_a_comment_is_kept_clean_and_its_backup_restores(db, workshop, typed, kept):
    journey, ideas, scoring, _ = workshop
    ann = join(db, scoring, "Ann")
    round_id = current_round(db=db, session_id=scoring.id).id
    set_comment(
        db=db, round_id=round_id, stakeholder_id=ann.id, candidate_id=ideas[0].id, comment=typed
    )
    assert my_ballot(db=db, round_id=round_id, stakeholder_id=ann.id).comments == {
        ideas[0].id: kept
    }
    reveal_round(db=db, session_id=scoring.id)
    backup = json.dumps(dump_workspace(db=db, workspace_id=journey.workspace.id))
    copy = restore_workspace(db=db, document=read_document(backup.encode()), name="Copy")
    rounds = dump_workspace(db=db, workspace_id=copy.id)["sessions"][0]["rounds"]
    assert [c["comment"] for c in rounds[0]["comments"]] == [kept]


def test_a_comment_over_the_limit_is_refused_by_name(db, workshop):
    _, ideas, scoring, _ = workshop
    ann = join(db, scoring, "Ann")
    round_id = current_round(db=db, session_id=scoring.id).id
    with pytest.raises(InvalidInput) as refused:
        set_comment(
            db=db,
            round_id=round_id,
            stakeholder_id=ann.id,
            candidate_id=ideas[0].id,
            comment="x" * (COMMENT_MAX + 1),
        )
    assert refused.value.message("en") == f"Comment may have at most {COMMENT_MAX} characters."
    assert refused.value.message("nl").startswith("Opmerking ")
