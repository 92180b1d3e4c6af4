"""`python -m planner`: workspaces, demo, import, init."""

import getpass
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from planner.cli import main
from planner.core.db import reading, writing
from planner.core.uploads import MAX_BYTES
from planner.importing.example import example_csv
from planner.models import CommitmentCreate, SignIn, StatusChange
from planner.store.access.grants import get_access, sign_in
from planner.store.delivery.commitments import change_status, commit, due_moves, get_commitment
from planner.store.journey.workspaces import find_workspace
from planner.store.scoring.consensus import effort_estimates
from tests.conftest import ROOT
from tests.factories import saved_version
from tests.importing.helpers import csv_bytes

pytestmark = pytest.mark.storage

DEMO = "Demo – Van Dijk Wonen online & in store"
PIPE_BUFFER = 64 * 1024  # Linux's default


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


# Run as `python -m planner ARGS`, then list which of these modules it imported.
IMPORTED = """
import runpy, sys
sys.argv = ["planner", *sys.argv[1:]]
try:
    runpy.run_module("planner", run_name="__main__")
except SystemExit:
    pass
heavy = ("altair", "fpdf", "vl_convert", "openpyxl", "xlsxwriter", "icalendar", "highspy")
print(" ".join(name for name in heavy if name in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["init"], ["workspaces"]])
def test_help_and_init_import_no_chart_pdf_or_spreadsheet_library(database_url, args):
    """Each command imports what it needs when it runs: these need none of them."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            IMPORTED,
            *args,
            *(["--db", database_url] if args[0] != "--help" else []),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == ""  # none of them imported


def test_the_import_check_sees_a_library_a_command_imports(database_url, tmp_path):
    """The check above can fail: `export --format pdf` imports fpdf."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            IMPORTED,
            "export",
            "--workspace",
            "Nope",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
            "--db",
            database_url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "fpdf" in result.stderr.splitlines()[-1].split()


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
        (["--title", title, "--actual-effort", "three"], "--actual-effort"),
        (["--title", title, "--actual-effort", "nan"], "finite number"),
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


def test_a_closed_pipe_ends_quietly(cli, database_url, tmp_path):
    """`python -m planner roadmap … | head -1` on a roadmap far larger than the pipe's
    buffer: no traceback, no "Exception ignored" when head stops reading."""
    ideas = tmp_path / "ideas.csv"
    rows = [f"Idea number {n} with a longer title,Buying,Website" for n in range(1200)]
    ideas.write_text("title,phase,channel\n" + "\n".join(rows), encoding="utf-8")
    # The set-up in this process (the import's own tests are above): one interpreter less.
    assert cli("import", str(ideas), "--workspace", "Big", "--create")[0] == 0
    whole = cli("roadmap", "--workspace", "Big")[1]
    assert len(whole.encode()) > 2 * PIPE_BUFFER  # head stops long before the end
    env = {**os.environ, "DATABASE_URL": database_url}
    shell = f"{sys.executable} -m planner roadmap --workspace Big | head -1"
    done = subprocess.run(
        ["bash", "-c", shell], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip() and done.stderr == "", done.stderr


# --- bad input: one line naming the argument and what is allowed, never a traceback ---


@pytest.fixture(name="files")
def files_fixture(tmp_path):
    """A folder with a pipe (FIFO), a file over the size limit, a backup holding an
    integer of 5,000 digits and a small CSV file."""
    os.mkfifo(tmp_path / "fifo")
    with open(tmp_path / "big.csv", "wb") as big:
        big.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    huge = "9" * 5000
    (tmp_path / "huge.json").write_text(
        f'{{"format": "journey-roadmap-planner/workspace", "candidates": [{{"key": {huge}}}]}}'
    )
    (tmp_path / "ideas.csv").write_bytes(b"title,phase,channel\nA,Buying,Store\n")
    return tmp_path


STRATEGIES = "quick-wins, wsjf, value, effort, optimal"
FILE_FORMATS = "xlsx, pdf, png, svg, csv, md, json, jira, azure, ics"
STATUS_LIST = "proposed, committed, in_progress, blocked, done, dropped"
COMMANDS = "init, workspaces, demo, import, aliases, roadmap, export, commitments"


@pytest.mark.parametrize(
    ("args", "message", "status"),
    [
        (
            ["import", "{tmp}/gone.csv", "--workspace", "X"],
            "The file “{tmp}/gone.csv” does not exist.",
            1,
        ),
        (
            ["import", "{tmp}", "--workspace", "X"],
            "“{tmp}” is a folder: only an ordinary file can be read.",
            1,
        ),
        (
            ["import", "/dev/zero", "--workspace", "X"],
            "“/dev/zero” is a device: only an ordinary file",
            1,
        ),
        (
            ["import", "{tmp}/fifo", "--workspace", "X"],
            "“{tmp}/fifo” is a pipe (FIFO): only an ordinary",
            1,
        ),
        (
            ["import", "{tmp}/big.csv", "--workspace", "X"],
            "“{tmp}/big.csv” is larger than 20 MB",
            1,
        ),
        (["restore", "{tmp}/gone.json"], "The file “{tmp}/gone.json” does not exist.", 1),
        (["restore", "{tmp}"], "“{tmp}” is a folder", 1),
        (["restore", "/dev/zero"], "“/dev/zero” is a device", 1),
        (["restore", "{tmp}/fifo"], "is a pipe (FIFO)", 1),
        (
            ["restore", "{tmp}/huge.json"],
            "candidates.0.key holds a number of 5000 digits; a number has at most 20.",
            1,
        ),
        (
            ["import", "{tmp}/ideas.csv", "--workspace", "X", "--language", "fr"],
            "--language must be one of: en, nl (not “fr”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--strategy", "fastest"],
            f"--strategy must be one of: {STRATEGIES} (not “fastest”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--period", "decade"],
            "--period must be one of: sprint, month, quarter (not “decade”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--format", "yaml"],
            "--format must be one of: table, csv, json (not “yaml”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--periods", "nan"],
            "--periods must be a whole number, like 4 (not “nan”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--periods", "2.5"],
            "--periods must be a whole number",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--periods", "9" * 5000],
            "--periods must be a whole number",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--periods", "99999"],
            "Number of periods may be at most 60.",
            1,
        ),
        (
            ["roadmap", "--workspace", "X", "--time-limit", "nan"],
            "--time-limit must be a finite number, like 7 or 7.5 (not “nan”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--time-limit=-inf"],
            "--time-limit must be a finite number",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--time-limit", "1e999"],
            "--time-limit must be a finite number",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--time-limit", "-1"],
            "Time limit of the best plan (seconds) must be more than 0",
            1,
        ),
        (
            ["roadmap", "--workspace", "X", "--time-limit", "1e300"],
            "Time limit of the best plan (seconds) may be at most 600",
            1,
        ),
        (["roadmap", "--workspace", "X", "--capacity", "inf"], "Capacity must be a number", 1),
        (["roadmap", "--workspace", "X", "--capacity", "10,nan"], "Capacity must be a number", 1),
        (
            ["roadmap", "--workspace", "X", "--start", "2027-13-01"],
            "--start must be a date written as YYYY-MM-DD, like 2027-01-31 (not “2027-13-01”).",
            2,
        ),
        (
            ["roadmap", "--workspace", "X", "--start", "9999-12-01"],
            "Start date may be at most 2999-12-31.",
            1,
        ),
        (
            ["roadmap", "--workspace", "X", "--start", "0001-01-01"],
            "Start date must be at least 1900-01-01.",
            1,
        ),
        (["roadmap"], "python -m planner roadmap needs --workspace.", 2),
        (["roadmap", "--workspace"], "--workspace needs a value.", 2),
        (
            ["commitments", "--workspace", "X", "--status", "late"],
            f"--status must be one of: {STATUS_LIST} (not “late”).",
            2,
        ),
        (
            ["commitments", "--workspace", "X", "--today", "tomorrow"],
            "--today must be a date written as YYYY-MM-DD",
            2,
        ),
        (
            ["export", "--workspace", "X", "--format", "docx", "--output", "{tmp}/x"],
            f"--format must be one of: {FILE_FORMATS} (not “docx”).",
            2,
        ),
        (
            [
                "export",
                "--workspace",
                "X",
                "--format",
                "png",
                "--chart",
                "pie",
                "--output",
                "{tmp}/x",
            ],
            "--chart must be one of: matrix, timeline (not “pie”).",
            2,
        ),
        (
            ["export", "--workspace", DEMO, "--format", "csv", "--output", "{tmp}/fifo"],
            "Cannot write {tmp}/fifo: No such device or address.",
            1,
        ),
        (["workspaces", "--lang", "fr"], "--lang must be one of: en, nl (not “fr”).", 2),
        (
            ["workspaces", "--verbose"],
            "python -m planner does not take --verbose: see python -m planner --help.",
            2,
        ),
        (["teleport"], f"COMMAND must be one of: {COMMANDS}", 2),
    ],
)
def test_bad_input_is_one_line_naming_the_argument(cli, files, args, message, status):
    if DEMO in args:
        cli("init")
    code, out, err = cli(*(arg.replace("{tmp}", str(files)) for arg in args))
    assert message.replace("{tmp}", str(files)) in err
    assert (code, out, err.count("\n")) == (status, "", 1) and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["roadmap", "--workspace", "X", "--strategy", "snel"],
            f"--strategy moet een van deze zijn: {STRATEGIES} (niet “snel”).",
        ),
        (
            ["roadmap", "--workspace", "X", "--periods", "vier"],
            "--periods moet een geheel getal zijn",
        ),
        (
            ["import", "{tmp}/gone.csv", "--workspace", "X"],
            "Het bestand “{tmp}/gone.csv” bestaat niet.",
        ),
        (["import", "{tmp}", "--workspace", "X"], "“{tmp}” is een map: alleen een gewoon bestand"),
    ],
)
def test_bad_input_is_said_in_the_language_asked_for(cli, files, args, message):
    """--lang is read first, so that the message about the other arguments is in it."""
    code, _, err = cli(*(arg.replace("{tmp}", str(files)) for arg in args), "--lang", "nl")
    assert code in (1, 2) and message.replace("{tmp}", str(files)) in err


def test_no_command_says_which_there_are(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err == "python -m planner needs COMMAND.\n"


@pytest.mark.parametrize("url", ["nonsense", "foo://x", "mysql://u@h/db", "sqlite:////"])
def test_an_unusable_database_url_is_one_line(url, capsys):
    """A URL that is no URL, an unknown database, a driver not installed, a folder."""
    code = main(["workspaces", "--db", url])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("The database cannot be used") and err.count("\n") == 1


def test_a_database_in_a_missing_folder_is_refused_not_created(tmp_path, capsys):
    code = main(["init", "--db", f"sqlite:///{tmp_path / 'typo' / 'planner.db'}"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"The folder {tmp_path / 'typo'} of the database does not exist")
    assert not (tmp_path / "typo").exists()


@pytest.mark.sqlite_only
def test_a_restore_into_a_read_only_database_names_the_database(
    cli, database_url, tmp_path, capsys
):
    """Not "this is not a workspace file": the file is fine, the database cannot be written."""
    cli("init")
    backup = tmp_path / "backup.json"
    assert cli("export", "--workspace", DEMO, "--format", "json", "--output", str(backup))[0] == 0
    path = database_url.removeprefix("sqlite:///")
    code = main(["restore", str(backup), "--db", f"sqlite:///file:{path}?mode=ro&uri=true"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"The database {path} is read-only: nothing was changed.")
    assert str(backup) not in err and "workspace file" not in err


def test_a_passphrase_from_an_endless_stream_is_refused(cli, monkeypatch):
    """`passphrase < /dev/zero`: a line is read up to a bound, then refused by the rule."""
    cli("init")
    monkeypatch.setattr("sys.stdin", io.StringIO("x" * 1_000_000))
    code, _, err = cli("passphrase", "--workspace", DEMO)
    assert code == 1 and "Passphrase may have at most 200" in err


def test_move_due_replans_an_open_commitment_with_its_reason(cli, engine, promised):
    """Commitment 1 (Team Web, due 1 Feb 2027) moves, twice; the done one keeps its date."""
    with reading(engine) as db:
        title, done_title = (get_commitment(db=db, commitment_id=i).title for i in (1, 2))
    move = ("move-due", "--workspace", DEMO, "--by", "Paula")
    code, out, err = cli(
        *move, "--title", title.upper(), "--due", "2027-03-15", "--reason", "Supplier late"
    )
    assert (code, out, err) == (0, f"“{title}” is now due 15 Mar 2027 (was 1 Feb 2027).\n", "")
    code, out, _ = cli(
        *move, "--title", title, "--due", "2027-04-01", "--reason", "Tests", "--lang", "nl"
    )
    assert (code, out) == (
        0,
        f"De uiterste datum van „{title}” is nu 1 apr 2027 (was 15 mrt 2027).\n",
    )
    with reading(engine) as db:
        commitment = get_commitment(db=db, commitment_id=1)
        moves = due_moves(db=db, workspace_id=commitment.workspace_id)
    assert commitment.due == date(2027, 4, 1)
    assert moves[["by", "comment", "to_due"]].values.tolist() == [
        ["Paula", "Supplier late", date(2027, 3, 15)],
        ["Paula", "Tests", date(2027, 4, 1)],
    ]
    for args, message in (
        (["--title", done_title, "--due", "2027-05-01", "--reason", "Late"], "is open"),
        (["--title", title, "--due", "2027-04-01", "--reason", "Late"], "already due that day"),
        (["--title", title, "--due", "2027-05-01", "--reason", "no"], "Reason must have at least"),
        (["--title", title, "--due", "1 May", "--reason", "Late"], "--due"),
        (["--title", title, "--due", "2027-05-01", "--reason", "Late", "--version", "Q9"], "Q9"),
    ):
        code, out, err = cli(*move, *args)
        assert code != 0 and out == "" and message in err and "Traceback" not in err, err
        assert err.count("\n") == 1


def _id_arguments() -> list[tuple[str, str]]:
    """(command, option) of every argument of every command that takes a row's id."""
    from planner.cli import _parser

    found = []
    for action in _parser()._subparsers._group_actions:
        for command, sub in action.choices.items():
            for argument in sub._actions:
                named = f"{argument.help or ''} {argument.metavar or ''}"
                if argument.option_strings and re.search(r"\b(id|ID|MERGE)\b", named):
                    found.append((command, argument.option_strings[0]))
    return found


def test_every_id_argument_takes_the_id_rule():
    from planner.cli import _parser, record_id

    assert {("merge", "--keep"), ("merge", "--merge"), ("merge", "--undo")} <= set(_id_arguments())
    for action in _parser()._subparsers._group_actions:
        for command, sub in action.choices.items():
            for argument in sub._actions:
                if argument.option_strings and (command, argument.option_strings[0]) in set(
                    _id_arguments()
                ):
                    assert argument.type is record_id, (command, argument.option_strings)


@pytest.mark.parametrize(("command", "option"), _id_arguments())
@pytest.mark.parametrize("typed", ["99999999999999999999999", str(2**63), "0", "-1", "4.0", "x"])
def test_an_id_out_of_range_is_one_line_not_a_traceback(cli, command, option, typed):
    cli("init")
    args = [command, "--workspace", DEMO, f"{option}={typed}"]
    if option != "--keep":
        args += ["--keep", "1"] if option == "--merge" else []
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    said = f"{option} must be an id, a whole number from 1 like 42, as the app shows it"
    assert err == f"{said} (not “{typed}”).\n"


def test_a_restores_audit_entry_is_in_the_workspaces_language(cli, database_url, tmp_path):
    from planner.core.db import make_engine, reading, writing
    from planner.store.audit import audit_log

    cli("init")
    engine = make_engine(database_url)
    with writing(engine) as db:
        find_workspace(db=db, name=DEMO).language = "nl"
    backup = tmp_path / "backup.json"
    assert cli("export", "--workspace", DEMO, "--format", "json", "--output", str(backup))[0] == 0
    code, out, _ = cli("restore", str(backup), "--as", "Kopie", "--by", "Ines")
    assert code == 0 and out.startswith("Restored as workspace")  # the shell's --lang (en)
    with reading(engine) as db:
        log = audit_log(db=db, workspace_id=find_workspace(db=db, name="Kopie").id)
    engine.dispose()
    assert log["action"].tolist() == ["Hersteld als werkruimte “Kopie”."]
