"""`python -m planner`: workspaces, demo, import, init."""

import getpass
import io
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from planner.cli import main
from planner.core.db import reading, writing
from planner.importing.example import example_csv
from planner.models import CommitmentCreate, SignIn, StatusChange
from planner.store.access import get_access, sign_in
from planner.store.commitments import change_status, commit, get_commitment
from planner.store.consensus import effort_estimates
from planner.store.workspaces import find_workspace
from tests.conftest import ROOT
from tests.factories import saved_version
from tests.importing.helpers import csv_bytes

pytestmark = pytest.mark.storage

DEMO = "Demo – Van Dijk Wonen online & in store"


@pytest.fixture(name="cli")
def cli_fixture(database_url, capsys):
    """Run the CLI against this test's database; returns (exit code, stdout, stderr)."""

    def run(*args: str):
        code = main([*args, "--db", database_url])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_init_loads_the_demo_once(cli):
    assert cli("init")[1] == "Database ready. Demo workspace loaded.\n"
    assert cli("init")[1] == "Database ready.\n"
    code, out, _ = cli("workspaces")
    assert code == 0 and out == f"{DEMO}\ten\t42 candidates\n"


def test_demo_recreates(cli):
    cli("demo")
    code, out, _ = cli("demo")
    assert code == 0 and DEMO in out
    assert cli("workspaces")[1].count(DEMO) == 1


def test_import_into_a_workspace(cli, tmp_path):
    cli("demo")
    path = tmp_path / "ideas.csv"
    path.write_bytes(
        csv_bytes(
            [
                {"titel": "Nieuw idee", "fase": "Aankoop", "kanaal": "Winkel"},
                {"titel": "Tweede", "fase": "Delen", "kanaal": "Chat|E-mail"},
            ],
            sep=";",
            encoding="cp1252",
        )
    )
    code, out, _ = cli("import", str(path), "--workspace", DEMO.upper())
    assert (code, out) == (0, "Imported 2 candidates\n")
    assert "44 candidates" in cli("workspaces")[1]


def test_import_with_errors_exits_1_and_writes_nothing(cli, tmp_path):
    cli("demo")
    path = tmp_path / "ideas.csv"
    path.write_bytes(
        csv_bytes(
            [
                {"title": "Fine", "phase": "Buying", "channel": "Store"},
                {"title": "Broken", "phase": "Aftercare", "channel": "Store"},
            ]
        )
    )
    code, out, err = cli("import", str(path), "--workspace", DEMO)
    assert code == 1 and out == ""
    assert "Row 3, column “phase”: Unknown phase “Aftercare”" in err
    assert "42 candidates" in cli("workspaces")[1]
    code, out, _ = cli("import", str(path), "--workspace", DEMO, "--valid-only")
    assert (code, out) == (0, "Imported 1 candidate\n")
    code, out, _ = cli("import", str(path), "--workspace", DEMO, "--add-missing")
    assert (code, out) == (0, "Imported 2 candidates\n")


def test_import_create_makes_the_workspace(cli, tmp_path):
    path = tmp_path / "bank.csv"
    path.write_bytes(
        csv_bytes(
            [
                {
                    "title": "Mortgage advice by video",
                    "phase": "Orientation",
                    "channel": "Website|Video",
                },
            ]
        )
    )
    code, out, _ = cli("import", str(path), "--workspace", "Bank", "--create")
    assert (code, out) == (0, "Imported 1 candidate\n")
    assert "Bank\ten\t1 candidate\n" in cli("workspaces")[1]


def test_import_maps_names_and_keeps_them_as_aliases(cli, tmp_path):
    """--map reads a file's name as a known one; the next import (and `aliases`) know it."""
    cli("demo")
    path = tmp_path / "ideas.csv"
    path.write_bytes(b"title,phase,channel\nCall back,Aftercare,Callcenter\n")
    code, _, err = cli("import", str(path), "--workspace", DEMO)
    assert code == 1 and "Unknown channel “Callcenter”" in err
    mapping = ["--map", "channel:Callcenter=contact centre", "--map", "phase:Aftercare=Service"]
    code, out, _ = cli("import", str(path), "--workspace", DEMO, *mapping)
    assert (code, out) == (0, "Imported 1 candidate\n")
    path.write_bytes(b"title,phase,channel\nCall back again,aftercare,CALLCENTER\n")
    assert cli("import", str(path), "--workspace", DEMO)[:2] == (0, "Imported 1 candidate\n")
    code, out, _ = cli("aliases", "--workspace", DEMO)
    assert out == "phase\tAftercare\tService\nchannel\tCallcenter\tContact centre\n"
    assert "44 candidates" in cli("workspaces")[1]


def test_aliases_are_added_changed_and_removed(cli):
    cli("demo")
    add = ["--add", "persona:Gezin=Young family", "--add", "channel:Callcenter=Chat"]
    code, out, _ = cli("aliases", "--workspace", DEMO, *add, "--lang", "nl")
    assert code == 0 and out == "kanaal\tCallcenter\tChat\npersona\tGezin\tYoung family\n"
    code, out, _ = cli(
        "aliases",
        "--workspace",
        DEMO,
        "--remove",
        "persona:gezin",
        "--add",
        "channel:callcenter=Contact centre",
    )
    assert out == "channel\tcallcenter\tContact centre\n"
    code, _, err = cli("aliases", "--workspace", DEMO, "--add", "channel:Callcenter")
    assert code == 1 and "is not of the form KIND:NAME=KNOWN" in err
    code, _, err = cli("aliases", "--workspace", DEMO, "--add", "aisle:X=Store")
    assert code == 1 and "where KIND is phase, channel or persona" in err
    code, _, err = cli("aliases", "--workspace", DEMO, "--add", "channel:Fax=Telex")
    assert code == 1 and "Not found: channel Telex" in err
    code, _, err = cli("aliases", "--workspace", DEMO, "--remove", "channel:Fax")
    assert code == 1 and "Not found: channel Fax" in err
    assert cli("aliases", "--workspace", DEMO)[1] == "channel\tcallcenter\tContact centre\n"


def test_import_into_an_unknown_workspace(cli, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"title,phase,channel\nA,Buying,Store\n")
    code, _, err = cli("import", str(path), "--workspace", "Nope", "--lang", "nl")
    assert code == 1 and "Er is geen werkruimte “Nope”" in err


def test_python_dash_m_planner_runs(database_url):
    result = subprocess.run(
        [sys.executable, "-m", "planner", "workspaces", "--db", database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_roadmap_prints_and_saves_a_version(cli):
    cli("demo")
    code, out, err = cli(
        "roadmap",
        "--workspace",
        DEMO,
        "--strategy",
        "wsjf",
        "--periods",
        "2",
        "--capacity",
        "15,20",
        "--start",
        "2027-01-01",
        "--save",
        "Plan A",
        "--format",
        "json",
    )
    assert code == 0 and "Saved as version “Plan A”." in err
    rows = json.loads(out)
    assert rows[0]["period"] == "Q1 2027" and rows[0]["rank"] == 1
    assert {row["note"] for row in rows if row["period"] is None} >= {
        "No room in any period after what it needs"
    }
    code, _, err = cli("roadmap", "--workspace", DEMO, "--save", "plan a")
    assert code == 1 and "already exists" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--capacity", "ten"], "Capacity must be a number"),
        (["--periods", "3", "--capacity", "1,2"], "2 capacities for 3 periods"),
        (["--periods", "0"], "must be at least 1"),
    ],
)
def test_roadmap_bad_settings(cli, args, message):
    cli("demo")
    code, _, err = cli("roadmap", "--workspace", DEMO, *args)
    assert code == 1 and message in err


def test_roadmap_best_plan_says_how_good_it_is_on_stderr(cli):
    cli("demo")
    code, out, err = cli(
        "roadmap",
        "--workspace",
        DEMO,
        "--strategy",
        "optimal",
        "--time-limit",
        "20",
        "--periods",
        "3",
        "--capacity",
        "12",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)  # stdout: only the table (the solver's banner too
    assert "Running HiGHS" not in out  # goes to stderr)
    assert "Proven optimal" in err or "of the best possible plan" in err
    assert "Compared with Value / effort (WSJF)" in err


def test_roadmap_csv(cli):
    cli("demo")
    code, out, _ = cli("roadmap", "--workspace", DEMO, "--format", "csv", "--lang", "nl")
    assert code == 0 and out.splitlines()[0].startswith("period,start,end,rank,title")


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "png", "svg", "csv", "md", "json"])
def test_export_every_format(cli, tmp_path, fmt):
    cli("demo")
    out = tmp_path / f"roadmap.{fmt}"
    code, stdout, _ = cli("export", "--workspace", DEMO, "--format", fmt, "--output", str(out))
    assert code == 0 and out.stat().st_size > 1000 and str(out) in stdout


def test_export_a_version_and_restore(cli, tmp_path):
    cli("demo")
    cli("roadmap", "--workspace", DEMO, "--save", "Plan A")
    out = tmp_path / "plan.csv"
    assert (
        cli(
            "export",
            "--workspace",
            DEMO,
            "--format",
            "csv",
            "--version",
            "plan a",
            "--output",
            str(out),
        )[0]
        == 0
    )
    code, _, err = cli(
        "export", "--workspace", DEMO, "--format", "csv", "--version", "nope", "--output", str(out)
    )
    assert code == 1 and "does not exist" in err
    backup = tmp_path / "backup.json"
    cli("export", "--workspace", DEMO, "--format", "json", "--output", str(backup))
    code, out_text, _ = cli("restore", str(backup), "--as", "Copy")
    assert code == 0 and "Restored as workspace “Copy”." in out_text
    assert "Copy\ten\t42 candidates" in cli("workspaces")[1]


@pytest.fixture(name="promised")
def promised_fixture(cli, engine):
    """The demo with a version, and three commitments: Web (late), App (done), Web (open)."""
    cli("demo")
    with writing(engine) as db:
        workspace = find_workspace(db=db, name=DEMO)
        version = saved_version(db, workspace.id)
        for position, owner, due in (
            (0, "Team Web", date(2027, 2, 1)),
            (1, "Team App", date(2027, 3, 1)),
            (2, "team web", date(2027, 9, 1)),
        ):
            commit(
                db=db,
                version_id=version.id,
                position=position,
                commitment_in=CommitmentCreate(owner=owner, committed_by="Paula", due=due),
            )
        for status in ("in_progress", "done"):
            change_status(
                db=db,
                commitment_id=2,
                change=StatusChange(status=status, by="Paula"),
                today=date(2027, 2, 20),
            )


def test_export_hand_off_files(cli, promised, tmp_path):
    """Jira and Azure DevOps CSV and the iCalendar file of due dates, one owner's too."""
    jira, azure, ics = (tmp_path / name for name in ("jira.csv", "azure.csv", "due.ics"))
    for fmt, out in (("jira", jira), ("azure", azure)):
        assert cli("export", "--workspace", DEMO, "--format", fmt, "--output", str(out))[0] == 0
    assert pd.read_csv(jira)["Assignee"].tolist() == ["Team Web", "team web"]  # not done
    assert pd.read_csv(azure)["Target Date"].tolist() == ["2027-02-01", "2027-09-01"]
    code, _, _ = cli(
        "export",
        "--workspace",
        DEMO,
        "--format",
        "ics",
        "--owner",
        "team app",
        "--output",
        str(ics),
    )
    assert code == 0 and "BEGIN:VEVENT" not in ics.read_text()  # Team App's one is done
    cli("export", "--workspace", DEMO, "--format", "ics", "--output", str(ics))
    assert ics.read_text().count("BEGIN:VEVENT") == 2
    jira.unlink()
    code, _, err = cli(
        "export", "--workspace", DEMO, "--format", "jira", "--owner", "x", "--output", str(jira)
    )
    assert code == 1 and "--owner is for the calendar" in err and not jira.exists()


def test_commitments_table_filters_and_formats(cli, promised):
    code, out, _ = cli("commitments", "--workspace", DEMO, "--today", "2027-03-15")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["Title", "Owner", "Status"]
    assert len(out.splitlines()) == 4
    code, out, _ = cli(
        "commitments",
        "--workspace",
        DEMO,
        "--owner",
        "TEAM WEB",
        "--format",
        "json",
        "--today",
        "2027-03-15",
    )
    rows = json.loads(out)
    assert [r["owner"] for r in rows] == ["Team Web", "team web"]
    assert rows[0]["days_late"] == 42 and rows[0]["due"] == "2027-02-01"
    code, out, _ = cli(
        "commitments",
        "--workspace",
        DEMO,
        "--overdue",
        "--format",
        "csv",
        "--today",
        "2027-03-15",
        "--lang",
        "nl",
    )
    frame = pd.read_csv(io.StringIO(out))
    assert frame["Eigenaar"].tolist() == ["Team Web"]
    assert frame["Dagen te laat"].tolist() == [42]
    _, out, _ = cli("commitments", "--workspace", DEMO, "--status", "done")
    assert "Team App" in out and "Team Web" not in out
    _, out, _ = cli("commitments", "--workspace", DEMO, "--status", "blocked")
    assert "No commitment matches these filters." in out


def test_result_records_the_actual_effort_that_estimating_counts(cli, engine, promised):
    """Commitment 2 (Team App) is done: its actual effort alone is a result; a KPI
    measured later keeps it."""
    with reading(engine) as db:
        title, open_title = (get_commitment(db=db, commitment_id=i).title for i in (2, 1))
    code, out, err = cli(
        "result", "--workspace", DEMO, "--title", title.upper(), "--actual-effort", "3"
    )
    assert (code, out, err) == (0, f"Result of “{title}” saved.\n", "")
    code, out, _ = cli(
        "result", "--workspace", DEMO, "--title", title, "--kpi-result", "2.5", "--lang", "nl"
    )
    assert (code, out) == (0, f"Resultaat van „{title}” opgeslagen.\n")
    with reading(engine) as db:
        commitment = get_commitment(db=db, commitment_id=2)
        _, actuals = effort_estimates(db=db, workspace_id=commitment.workspace_id)
    assert (commitment.actual_effort, commitment.kpi_result) == (3.0, 2.5)
    assert actuals.to_dict("records") == [
        {"candidate_id": commitment.candidate_id, "actual_effort": 3.0}
    ]
    for args, message in (
        (["--title", title, "--actual-effort", "11"], "Actual effort (0-10) may be at most 10"),
        (["--title", title], "Nothing to save"),
        (["--title", open_title, "--actual-effort", "3"], f"No commitment to “{open_title}”"),
        (["--title", title, "--version", "Q9", "--actual-effort", "3"], "Q9"),
    ):
        code, out, err = cli("result", "--workspace", DEMO, *args)
        assert code != 0 and out == "" and message in err and "Traceback" not in err, err
        assert err.count("\n") == 1


def test_passphrase_and_links(cli, engine, monkeypatch, tmp_path):
    (tmp_path / "ideas.csv").write_bytes(example_csv())
    cli("import", str(tmp_path / "ideas.csv"), "--workspace", "Bank", "--create")
    monkeypatch.setattr("sys.stdin", io.StringIO("bank passphrase\n"))
    code, out, _ = cli("passphrase", "--workspace", "bank")
    assert code == 0 and "Passphrase changed." in out
    with writing(engine) as db:
        grant = sign_in(
            db=db,
            sign_in_in=SignIn(workspace="Bank", passphrase="bank passphrase", actor="cli"),
            now=datetime.now(UTC),
        )
        access = get_access(db=db, workspace_id=grant.workspace_id)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = cli("passphrase", "--workspace", "Bank")
    assert code == 1 and "Passphrase must have at least 8" in err
    code, out, _ = cli("links", "--workspace", "Bank", "--base", "http://planner.local:8501")
    assert f"http://planner.local:8501/?view={access.viewer_token}" in out
    assert f"http://planner.local:8501/?owner={access.owner_token}" in out
    _, renewed, _ = cli("links", "--workspace", "Bank", "--renew")
    assert access.viewer_token not in renewed


def test_the_clis_changes_are_in_the_audit_log_with_who_made_them(cli, database_url, tmp_path):
    """Import, a saved version, a passphrase, new links and a restore are logged; --by
    names who, and the operating-system user is the default."""
    from planner.core.db import make_engine, reading
    from planner.store.audit import audit_log

    cli("init")
    target = tmp_path / "ideas.csv"
    target.write_bytes(example_csv())
    assert cli("import", str(target), "--workspace", DEMO, "--valid-only", "--by", "Ines")[0] == 0
    assert cli("roadmap", "--workspace", DEMO, "--save", "Q1 plan", "--by", "Ines")[0] == 0
    assert cli("roadmap", "--workspace", DEMO)[0] == 0  # printing only: nothing logged
    assert cli("links", "--workspace", DEMO, "--renew", "--by", "Ines")[0] == 0
    sys.stdin = io.StringIO("a long new passphrase\n")
    try:
        assert cli("passphrase", "--workspace", DEMO)[0] == 0
    finally:
        sys.stdin = sys.__stdin__
    backup = tmp_path / "backup.json"
    assert cli("export", "--workspace", DEMO, "--format", "json", "--output", str(backup))[0] == 0
    assert cli("restore", str(backup), "--as", "Copy", "--by", "Ines")[0] == 0
    engine = make_engine(database_url)
    with reading(engine) as db:
        demo = find_workspace(db=db, name=DEMO)
        log = audit_log(db=db, workspace_id=demo.id)
        copy = audit_log(db=db, workspace_id=find_workspace(db=db, name="Copy").id)
    engine.dispose()
    actions = dict(zip(log["action"], log["actor"], strict=True))
    assert actions[next(a for a in actions if a.startswith("Imported"))] == "Ines"
    assert actions["Saved as version “Q1 plan”."] == "Ines"
    assert actions["New links made: the old ones no longer work."] == "Ines"
    assert actions["Passphrase changed."] == getpass.getuser()
    assert len(log) == 4
    assert copy["actor"].tolist()[0] == "Ines" and "Restored" in copy["action"].tolist()[0]


@pytest.mark.parametrize("where", ["missing/roadmap.xlsx", "."])
def test_export_that_cannot_be_written_says_so(cli, tmp_path, where):
    """Into a folder that does not exist, or onto a folder: a message, exit status 1."""
    cli("init")
    code, _, err = cli(
        "export", "--workspace", DEMO, "--format", "csv", "--output", str(tmp_path / where)
    )
    assert code == 1 and err.startswith("Cannot write") and "Traceback" not in err


def test_an_unusable_database_says_so(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["workspaces", "--db", f"sqlite:///{blocker / 'planner.db'}"])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("The database cannot be used") and "Traceback" not in err


def test_a_closed_pipe_ends_quietly(database_url, tmp_path):
    """`python -m planner roadmap … | head -1` on a roadmap far larger than the pipe's
    buffer: no traceback, no "Exception ignored" when head stops reading."""
    env = {**os.environ, "DATABASE_URL": database_url}
    ideas = tmp_path / "ideas.csv"
    rows = [f"Idea number {n} with a longer title,Buying,Website" for n in range(3000)]
    ideas.write_text("title,phase,channel\n" + "\n".join(rows), encoding="utf-8")
    planner = [sys.executable, "-m", "planner"]
    subprocess.run(
        [*planner, "import", str(ideas), "--workspace", "Big", "--create"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    shell = f"{sys.executable} -m planner roadmap --workspace Big | head -1"
    done = subprocess.run(
        ["bash", "-c", shell], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() and done.stderr == "", done.stderr
