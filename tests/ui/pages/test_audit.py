"""Audit log page: each change a facilitator made, newest first, with who made it; an
empty log says so; the page is for facilitators only."""

from planner.core import i18n
from planner.core.db import writing
from planner.store.audit import record
from tests.ui.conftest import texts


def test_the_log_lists_each_change_newest_first_with_who_made_it(open_page, demo, engine):
    with writing(engine) as db:
        record(db=db, workspace_id=demo.id, actor="Eva", action="Renamed the phase Buying")
        record(db=db, workspace_id=demo.id, actor="Piet", action="Added “Gift wrap”")
    at = open_page("audit", lang="nl")
    [table] = at.dataframe
    log = table.value
    assert list(log.columns) == ["Wanneer", "Wie", "Wat"]
    assert log["Wat"].tolist() == ["Added “Gift wrap”", "Renamed the phase Buying"]
    assert log["Wie"].tolist() == ["Piet", "Eva"]
    assert i18n.t("audit.intro", "nl") in texts(at)


def test_an_empty_log_says_so(open_page, demo):
    at = open_page("audit")
    assert i18n.t("audit.empty", "en") in texts(at)
    assert not at.dataframe


def test_a_manager_sees_no_log(open_page, demo, engine):
    with writing(engine) as db:
        record(db=db, workspace_id=demo.id, actor="Eva", action="Renamed the phase Buying")
    at = open_page("audit", role="viewer")
    assert not at.dataframe and "Renamed the phase Buying" not in texts(at)
    assert "As manager (read-only) you cannot open this page here" in texts(at)
