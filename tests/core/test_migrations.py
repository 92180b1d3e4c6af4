"""Upgrading a database made by the first schema version, with data in it: nothing lost."""

from datetime import date

import pytest
from sqlalchemy import text

from planner.core.db import make_engine, migrate, reading, writing
from planner.models import CommitmentCreate
from planner.store.candidates import candidate_frame
from planner.store.commitments import commit
from planner.store.consensus import workspace_consensus
from planner.store.scoring_model import load_scoring_setup
from planner.store.workspaces import load_journey
from tests.factories import saved_version

pytestmark = pytest.mark.storage

NOW = "2026-01-05 10:00:00.000000"
FIRST_SCHEMA_ROWS = [
    "INSERT INTO workspace (id, name, description, language, archived, created_at, updated_at)"
    " VALUES (1, 'Our shop', 'Ons plan', 'nl', 0, :now, :now)",
    "INSERT INTO phase VALUES (1, 1, 'Oriëntatie', 0)",
    "INSERT INTO phase VALUES (2, 1, 'Kopen', 1)",
    "INSERT INTO channel VALUES (1, 1, 'Website', 0)",
    "INSERT INTO channel VALUES (2, 1, 'Winkel', 1)",
    "INSERT INTO persona VALUES (1, 1, 'Gezin', 0)",
]


def first_schema_database(url: str) -> None:
    """A database at revision 0001 with a workspace, its journey and two candidates."""
    engine = make_engine(url)
    migrate(engine, "0001")
    with engine.begin() as connection:
        for statement in FIRST_SCHEMA_ROWS:
            connection.execute(text(statement), {"now": NOW})
        for cid, title, phase, value in (
            (1, "Stock per store", 1, 7.5),
            (2, "Pay by app", 2, None),
        ):
            connection.execute(
                text(
                    "INSERT INTO candidate (id, workspace_id, title, description, phase_id,"
                    " persona_id, proposer, touchpoint, channel_switch, tags, pre_value,"
                    " pre_effort, created_at, updated_at) VALUES (:id, 1, :title, 'Zie notitie',"
                    " :phase, 1, 'Eva', '', 0, '[\"web\"]', :value, 3, :now, :now)"
                ),
                {"id": cid, "title": title, "phase": phase, "value": value, "now": NOW},
            )
            connection.execute(
                text("INSERT INTO candidate_channel VALUES (:id, :channel)"),
                {"id": cid, "channel": cid},
            )
    engine.dispose()


@pytest.mark.sqlite_only
def test_upgrade_from_the_first_schema_keeps_everything(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    first_schema_database(url)
    engine = make_engine(url)
    migrate(engine)
    with reading(engine) as db:
        journey = load_journey(db=db, workspace_id=1)
        frame = candidate_frame(db=db, workspace_id=1).set_index("id")
        setup = load_scoring_setup(db=db, workspace_id=1)
        consensus = workspace_consensus(db=db, workspace_id=1)
    assert journey.workspace.name == "Our shop" and journey.workspace.language == "nl"
    assert journey.phase_names == ["Oriëntatie", "Kopen"]
    assert journey.channel_names == ["Website", "Winkel"]
    assert frame.loc[1, "title"] == "Stock per store" and frame.loc[1, "channels"] == ["Website"]
    assert frame.loc[2, "phase"] == "Kopen" and frame.loc[2, "tags"] == ["web"]
    assert frame.loc[1, "pre_value"] == 7.5 and frame.loc[1, "persona"] == "Gezin"
    # 0002 gave the old workspace a scoring model with one value and one effort criterion.
    assert {c.dimension for c in setup.criteria} == {"value", "effort"}
    assert consensus.loc[1, "value"] == 7.5  # the pre-score counts until votes replace it
    # The newest tables work on the old data.
    with writing(engine) as db:
        version = saved_version(db, 1, today=date(2026, 11, 23))
        commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(owner="Team", committed_by="Eva", period=0),
        )
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    engine.dispose()
