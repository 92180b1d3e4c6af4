"""Commitments page: what to do first without a version, late items, my commitments and the
filters."""

from datetime import date, timedelta

import pytest

from planner.core.db import writing
from planner.models import CommitmentCreate, StatusChange
from planner.store.delivery.commitments import change_status, commit
from tests.factories import add_stakeholders, saved_version
from tests.ui.conftest import texts


@pytest.fixture(name="version")
def version_fixture(engine, demo):
    with writing(engine) as db:
        version = saved_version(db, demo.id)
        add_stakeholders(db, demo.id, "Ann", "Bert")
        return version


def promise(engine, version, position=0, **fields):
    values = {"owner": "Team Web", "committed_by": "Paula", "period": 0} | fields
    with writing(engine) as db:
        return commit(
            db=db,
            version_id=version.id,
            position=position,
            commitment_in=CommitmentCreate(**values),
        ).id


def move(engine, commitment_id, *statuses):
    with writing(engine) as db:
        for status in statuses:
            change_status(
                db=db,
                commitment_id=commitment_id,
                change=StatusChange(status=status, by="Paula", comment="on our way"),
                today=date.today(),
            )


def submit(at, form, label):
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()
    assert not at.exception


def test_without_a_version_the_pages_say_what_to_do_first(open_page, demo):
    for page in ("commitments", "signoff", "progress"):
        at = open_page(page)
        assert "No commitments yet" in texts(at) or "Save a roadmap version first" in texts(at)


def test_overdue_items_show_how_late_they_are(open_page, engine, version):
    promise(engine, version, period=None, due=date.today() - timedelta(days=9), owner="Team Late")
    promise(engine, version, position=1, period=None, due=date.today() + timedelta(days=5))
    at = open_page("commitments")
    assert "9 days late" in texts(at)
    assert "due soon, not started" in texts(at)
    assert [m.value for m in at.metric][1:3] == ["1", "1"]
    at.toggle(key="commitments_overdue").set_value(True).run()
    assert "Showing 1 of 2 commitments." in texts(at)
    at.segmented_control(key="commitments_view").set_value("table").run()
    table = at.dataframe[0].value
    assert table["Owner"].tolist() == ["Team Late"]
    assert table["Days late"].tolist() == [9]


def test_my_commitments_and_filters(open_page, engine, version):
    promise(engine, version, owner="Team Web")
    promise(engine, version, position=1, owner="Team App")
    at = open_page("commitments", lang="nl")
    at.selectbox(key="commitments_mine").set_value("Team App").run()
    assert "1 van 2 toezeggingen getoond." in texts(at)
    at.selectbox(key="commitments_mine").set_value("").run()
    at.multiselect(key="commitments_status").select("done").run()
    assert "Geen toezegging past bij deze filters." in texts(at)
