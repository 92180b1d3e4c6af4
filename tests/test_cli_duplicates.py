"""`python -m planner duplicates` and `merge`: the suggestions, a merge and its undo."""

import json

import pytest

from planner.cli import main
from planner.core.db import reading, writing
from planner.store.audit import audit_log
from planner.store.journey.candidates import candidate_frame
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage


@pytest.fixture(name="cli")
def cli_fixture(database_url, capsys):
    def run(*args: str):
        code = main([*args, "--db", database_url])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(name="retail")
def retail_fixture(engine):
    """Workspace "Retail": the order status in the app and on the website, and gift wrap."""
    with writing(engine) as db:
        journey = make_journey(db)
        service = journey.phase_names[4]
        ids = [
            add_candidate(db, journey, title, service, [channel]).id
            for title, channel in (
                ("Order status in the app", "Mobile app"),
                ("Order status on the website", "Website"),
                ("Gift wrapping at checkout", "Store"),
            )
        ]
        return journey.workspace.id, ids


def test_duplicates_lists_the_pair_with_its_reason(cli, retail):
    _, (app, site, _) = retail
    code, out, _ = cli("duplicates", "--workspace", "retail", "--format", "json")
    assert code == 0
    [pair] = json.loads(out)
    assert (pair["first_id"], pair["second_id"], pair["score"]) == (app, site, 100.0)
    assert pair["reason"] == "same words apart from the channel"
    code, out, _ = cli("duplicates", "--workspace", "Retail", "--lang", "nl")
    assert "dezelfde woorden, op het kanaal na" in out and "100,0" in out


def test_duplicates_says_when_there_are_none(cli, retail):
    code, out, _ = cli("duplicates", "--workspace", "Retail", "--phase", "Buying")
    assert (code, out) == (0, "No likely duplicates.\n")


def test_a_threshold_outside_0_to_100_is_refused_naming_the_field(cli, retail):
    code, _, err = cli("duplicates", "--workspace", "Retail", "--threshold", "120")
    assert code == 1 and err == "Threshold may be at most 100.\n"


def test_merge_then_undo_audited_under_by(cli, retail, engine):
    workspace_id, (app, site, _) = retail
    code, out, _ = cli(
        "merge", "--workspace", "Retail", "--keep", str(app), "--merge", str(site), "--by", "Eva"
    )
    assert code == 0
    assert out.startswith("“Order status on the website” merged into “Order status in the app”")
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=workspace_id)
        assert frame["channels"].tolist() == [["Website", "Mobile app"], ["Store"]]
    merge_id = out.split("--undo ")[1].split(")")[0]
    code, out, _ = cli("merge", "--workspace", "Retail", "--undo", merge_id, "--by", "Eva")
    assert code == 0 and "is back" in out
    with reading(engine) as db:
        assert len(candidate_frame(db=db, workspace_id=workspace_id)) == 3
        log = audit_log(db=db, workspace_id=workspace_id)
    assert log["actor"].tolist()[:2] == ["Eva", "Eva"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "The candidate to keep (--keep) is required.\n"),
        (["--keep", "1"], "Choose at least two different candidates to merge.\n"),
        (["--keep", "1", "--merge", "1"], "Choose at least two different candidates to merge.\n"),
        (["--keep", "1", "--merge", "999"], "Candidate 999 no longer exists.\n"),
        (
            ["--undo", "77"],
            "This merge cannot be undone: it was undone already or no longer exists.\n",
        ),
    ],
)
def test_merge_refuses_in_one_line(cli, retail, args, message):
    _, (app, *_) = retail
    args = [str(app) if a == "1" else a for a in args]
    code, _, err = cli("merge", "--workspace", "Retail", *args)
    assert (code, err) == (1, message)


def test_a_merge_that_would_make_a_circle_is_refused_in_the_language_asked(cli, retail, engine):
    from planner.store.roadmap.dependencies import add_dependencies

    workspace_id, (app, site, gift) = retail
    with writing(engine) as db:  # app needs gift, gift needs site: merged, app needs itself
        add_dependencies(db=db, workspace_id=workspace_id, pairs=[(app, gift), (gift, site)])
    args = ("merge", "--workspace", "Retail", "--keep", str(app), "--merge", str(site))
    code, _, err = cli(*args, "--by", "Eva", "--lang", "nl")
    assert code == 1 and err.startswith("Deze kandidaten zouden elkaar in een cirkel"), err
    with reading(engine) as db:
        assert len(candidate_frame(db=db, workspace_id=workspace_id)) == 3  # nothing merged
