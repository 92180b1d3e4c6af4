"""The record of a merge of duplicate candidates: kept so it can be undone, and kept
when the candidate it kept is deleted later."""

import pytest
from sqlalchemy import select

from planner.models import CandidateMerge, SQLModel
from tests.factories import make_journey

pytestmark = pytest.mark.storage


def test_a_merge_has_no_foreign_key_to_the_candidate_it_kept():
    table = SQLModel.metadata.tables["candidate_merge"]
    assert not table.c.kept_id.foreign_keys
    (workspace,) = table.c.workspace_id.foreign_keys
    assert workspace.ondelete == "CASCADE"


def test_a_merge_is_stored_with_its_snapshot_and_not_undone(db):
    journey = make_journey(db, name="Merges")
    merge = CandidateMerge(
        workspace_id=journey.workspace.id,
        kept_id=999,  # a candidate deleted since
        kept_title="Welcome mail",
        merged_titles=["Welcome e-mail", "Mail to welcome"],
        actor="Eva",
        snapshot={"candidate": [{"id": 1000, "title": "Welcome e-mail"}]},
    )
    db.add(merge)
    db.flush()
    db.expire_all()
    stored = db.scalar(select(CandidateMerge).where(CandidateMerge.id == merge.id))
    assert stored.merged_titles == ["Welcome e-mail", "Mail to welcome"]
    assert stored.snapshot == {"candidate": [{"id": 1000, "title": "Welcome e-mail"}]}
    assert (stored.undone_at, stored.undone_by) == (None, None)
    assert stored.merged_at is not None
