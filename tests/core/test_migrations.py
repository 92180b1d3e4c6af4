"""Upgrading a database made by the first schema version, with data in it: nothing lost."""

from datetime import date

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text

from planner.core.db import MIGRATIONS, make_engine, migrate, reading, writing
from planner.core.i18n import Language
from planner.models import CommitmentCreate, SignInRecord
from planner.store.delivery.commitments import commit
from planner.store.delivery.signoff import signoff_status
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import get_workspace, load_journey
from planner.store.scoring.consensus import workspace_consensus
from planner.store.scoring.scoring_model import load_scoring_setup
from tests.conftest import DATABASE_NUMBERS, _drop
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


def signoff_database(url: str) -> None:
    """A database at revision 0016 with four answers to a sign-off request and the audit
    log of the Sign-off page: what facilitators recorded was logged, what stakeholders
    answered themselves was not."""
    engine = make_engine(url)
    migrate(engine, "0016")
    rows = [
        "INSERT INTO workspace (id, name, description, language, archived, created_at,"
        " updated_at) VALUES (1, 'Our shop', '', 'en', 0, :now, :now)",
        "INSERT INTO roadmap_version (id, workspace_id, name, created_by, created_at, settings,"
        " signoff_requested_at, signoff_requested_by) VALUES (1, 1, 'Q1', 'Eva', :now, '{}',"
        " :now, 'Eva')",
    ]
    answers = {  # name: (answered at, logged as recorded by whom, when, in which words)
        "Ann": (
            "10:05:00.100000",
            ("Eva", "10:05:00.120000", "Thank you, {}: your answer is saved."),
        ),
        "Bert": ("10:06:00.000000", None),
        "Cor": (
            "10:07:00.000000",
            ("Rob", "10:07:00.050000", "Dank je, {}: je antwoord is opgeslagen."),
        ),
        "Dee": (
            "11:30:00.000000",
            ("Eva", "10:08:00.000000", "Thank you, {}: your answer is saved."),
        ),
    }
    with engine.begin() as connection:
        for statement in rows:
            connection.execute(text(statement), {"now": NOW})
        for number, (name, (answered, logged)) in enumerate(answers.items(), start=1):
            connection.execute(
                text(
                    "INSERT INTO stakeholder (id, workspace_id, name, name_key, role, created_at)"
                    " VALUES (:id, 1, :name, :key, '', :now)"
                ),
                {"id": number, "name": name, "key": name.lower(), "now": NOW},
            )
            connection.execute(
                text(
                    "INSERT INTO signoff (version_id, stakeholder_id, decision, comment,"
                    " decided_at) VALUES (1, :id, 'approve', '', :at)"
                ),
                {"id": number, "at": f"2026-01-05 {answered}"},
            )
            if logged:
                actor, at, words = logged
                connection.execute(
                    text(
                        "INSERT INTO audit_event (workspace_id, at, actor, action)"
                        " VALUES (1, :at, :actor, :action)"
                    ),
                    {"at": f"2026-01-05 {at}", "actor": actor, "action": words.format(name)},
                )
    engine.dispose()


@pytest.mark.sqlite_only
def test_0017_finds_who_recorded_earlier_answers_in_the_audit_log(tmp_path):
    """Ann and Cor were recorded in the room (logged in English and Dutch); Bert answered
    himself; Dee answered herself after Eva had recorded an answer for her."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    signoff_database(url)
    engine = make_engine(url)
    migrate(engine)
    with reading(engine) as db:
        status = signoff_status(db=db, version_id=1)
        workspace = get_workspace(db=db, workspace_id=1)
    recorded = dict(zip(status.answers["name"], status.answers["recorded_by"], strict=True))
    assert {name: by if isinstance(by, str) else None for name, by in recorded.items()} == {
        "Ann": "Eva",
        "Bert": None,
        "Cor": "Rob",
        "Dee": None,
    }
    assert workspace.signoff_on_behalf  # allowed, as before
    engine.dispose()


@pytest.fixture(name="empty_url")
def empty_url_fixture(request, tmp_path, postgres) -> str:
    """The URL of an empty database of this test's own: a new SQLite file, or with
    --database postgresql a new database on the test server."""
    if postgres is None:
        return f"sqlite:///{tmp_path / 'old.db'}"
    server, admin = postgres
    name = f"migration_{next(DATABASE_NUMBERS)}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    request.addfinalizer(lambda: _drop(admin, name))
    return server.url(name)


def downgrade(engine, revision: str) -> None:
    """Take the schema back down to `revision` (what `migrate` does upwards)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def sign_in_languages(engine) -> dict[str, object]:
    with engine.connect() as connection:
        return dict(connection.execute(text("SELECT token_hash, lang FROM sign_in")).all())


def test_0022_keeps_a_sign_ins_language_as_a_language_or_null_and_back(empty_url):
    """'' (no language kept) becomes NULL, the app's languages stay, a code it does not
    speak becomes NULL; the downgrade writes '' for NULL again."""
    engine = make_engine(empty_url)
    migrate(engine, "0021")
    kept = {"none": "", "dutch": "nl", "english": "en", "klingon": "tlh"}
    with engine.begin() as connection:
        for number, (token, lang) in enumerate(kept.items(), start=1):
            connection.execute(
                text(
                    "INSERT INTO sign_in (id, token_hash, lineage, created_at, seen_at, grants,"
                    " actor, lang, workspace_id, ballot_off) VALUES (:id, :token, '', :now,"
                    " :now, '[]', 'Eva', :lang, NULL, :off)"
                ),
                {"id": number, "token": token, "now": NOW, "lang": lang, "off": False},
            )
    migrate(engine)
    assert sign_in_languages(engine) == {
        "none": None,
        "dutch": "nl",
        "english": "en",
        "klingon": None,
    }
    with reading(engine) as db:
        read = dict(db.execute(select(SignInRecord.token_hash, SignInRecord.lang)).all())
    assert read == {
        "none": None,
        "dutch": Language.NL,
        "english": Language.EN,
        "klingon": None,
    }
    assert all(lang is None or type(lang) is Language for lang in read.values())
    downgrade(engine, "0021")
    assert sign_in_languages(engine) == {"none": "", "dutch": "nl", "english": "en", "klingon": ""}
    column = next(c for c in inspect(engine).get_columns("sign_in") if c["name"] == "lang")
    assert column["nullable"] is False
    engine.dispose()
