"""The commit form: committing to an item of a saved version, a missing field named."""

from datetime import date

from planner.core.db import reading
from planner.store.delivery.commitments import commitment_frame
from tests.ui.conftest import texts
from tests.ui.pages.test_commitments import (
    submit,
    version_fixture,  # noqa: F401 (a fixture)
)


def test_commit_to_an_item_from_a_version(open_page, engine, demo, version):
    at = open_page("commitments")
    at.text_input(key="commit_owner").input("Team Web")
    at.text_input(key="commit_by").input("Paula")
    at.text_input(key="commit_kpi").input("Online conversion (%)")
    at.number_input(key="commit_target").set_value(3.5)
    submit(at, "commit_form", "Commit")
    assert "Committed to" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert (row["owner"], row["status"], row["kpi_target"]) == ("Team Web", "committed", 3.5)
    assert row["period"] is not None and row["due"] > date.today()
    assert "Team Web" in texts(at)  # its card on the board


def test_commit_form_names_the_missing_field(open_page, version):
    at = open_page("commitments", lang="nl")
    at.text_input(key="commit_by").input("Paula")
    submit(at, "commit_form", "Toezeggen")
    assert "Eigenaar is verplicht" in texts(at)
