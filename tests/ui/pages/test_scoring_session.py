"""Scoring session page (the facilitator's): opening a session, the reveal and the re-vote,
personal links and automatic advance."""

import pytest

from planner.core.db import reading, writing
from planner.models import ResultRecord, StakeholderJoin
from planner.store.audit import audit_log
from planner.store.delivery.commitments import record_result
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, get_session, reveal_round
from planner.store.scoring.stakeholders import join_session, stakeholder_by_link
from tests.factories import demo_session, vote_all
from tests.ui.conftest import texts
from tests.ui.pages.test_commitments import (
    move,
    promise,
    version_fixture,  # noqa: F401 (a fixture)
)


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """A session on the demo's first three candidates."""
    return demo_session(engine, demo.id, "Workshop", [1, 2, 3])


def test_facilitator_opens_a_session_on_a_filtered_set(open_page, demo):
    at = open_page("scoring_session")
    at.text_input(key="session_name").input("Buying workshop")
    at.multiselect(key="session_phase").select("Buying").run()
    assert "7 of 42 candidates will be scored." in texts(at)
    at.button(key="open_session").click().run()
    assert not at.exception
    assert "Session opened" in texts(at)
    assert at.metric[0].label == "Join code" and len(at.metric[0].value) == 6


def test_reveal_shows_results_and_offers_a_revote(open_page, scoring, engine):
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, label in (("A", "1"), ("B", "5"), ("C", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            vote_all(db, scoring, person, 1, setup, label)
    at = open_page("scoring_session")
    assert [m.value for m in at.metric[1:3]] == ["3", "0"]
    assert at.button(key="reveal").disabled  # 3 of 3 have not finished: confirm first
    at.checkbox(key=f"reveal_anyway_{current_round_id(engine, scoring)}").check().run()
    assert "3 not finished yet: reveal anyway" in at.checkbox[0].label
    at.button(key="reveal").click().run()
    assert not at.exception and "Scores revealed." in texts(at)
    table = at.dataframe[0].value
    assert table.loc[0, "value"] == 10.0 and table.loc[0, "value_n"] == 3
    at.button(key="revote").click().run()
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).number == 2


def current_round_id(engine, scoring) -> int:
    with reading(engine) as db:
        return current_round(db=db, session_id=scoring.id).id


def test_reveal_needs_votes(open_page, scoring):
    at = open_page("scoring_session")
    assert at.button(key="reveal").disabled and "nothing to reveal" in texts(at)


def test_no_revote_round_of_nothing(open_page, scoring, engine):
    with writing(engine) as db:  # everyone finishes, all in agreement: nothing flagged
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name in ("A", "B", "C"):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            for candidate in (1, 2, 3):
                vote_all(db, scoring, person, candidate, setup, "3")
    at = open_page("scoring_session")
    assert not at.checkbox and not at.button(key="reveal").disabled  # all finished
    at.button(key="reveal").click().run()
    assert not [b for b in at.button if b.key == "revote"]  # no round of nothing
    assert "Nothing is flagged for discussion" in texts(at)


def test_facilitator_issues_a_new_personal_link_and_the_old_one_stops(open_page, scoring, engine):
    with writing(engine) as db:
        anna = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    at = open_page("scoring_session")
    at.selectbox(key="new_link_who").set_value(anna.stakeholder.id)
    at.button(key=f"FormSubmitter:new_link_{scoring.id}-New personal link").click().run()
    assert not at.exception
    link = next(c.value for c in at.code if "?me=" in c.value)
    new_token = link.split("?me=")[1]
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=anna.token) is None
        assert stakeholder_by_link(db=db, token=new_token).name == "Anna"
        log = audit_log(db=db, workspace_id=scoring.workspace_id)
    assert log["action"].str.startswith("New personal link for Anna").any()


def test_facilitator_turns_auto_advance_off(open_page, scoring, engine):
    at = open_page("scoring_session")
    at.toggle(key=f"auto_advance_{scoring.id}").set_value(False).run()
    assert not at.exception
    with reading(engine) as db:
        assert get_session(db=db, session_id=scoring.id).auto_advance is False


def test_the_reveal_lists_flagged_candidates_first(open_page, scoring, engine):
    """Candidate 3 divides the room (1 against 5), 1 and 2 do not: 3 comes first."""
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, divided in (("A", "1"), ("B", "5"), ("C", "1"), ("D", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            for candidate in (1, 2):
                vote_all(db, scoring, person, candidate, setup, "3")
            vote_all(db, scoring, person, 3, setup, divided)
        reveal_round(db=db, session_id=scoring.id)
    at = open_page("scoring_session")
    table = at.dataframe[0].value
    assert table["flag"].str.startswith("⚑").tolist() == [True, False, False]
    with reading(engine) as db:
        titles = {c: get_candidate(db=db, candidate_id=c).title for c in (1, 2, 3)}
    assert table["title"].tolist() == [titles[3], titles[1], titles[2]]


def test_a_result_sent_back_is_offered_for_the_next_session(open_page, engine, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    with writing(engine) as db:
        record_result(
            db=db,
            commitment_id=commitment,
            result=ResultRecord(kpi_result=1, by="Paula", rescore=True),
        )
    at = open_page("scoring_session")
    at.checkbox(key="session_rescore").check().run()
    assert "1 of 42 candidates will be scored." in texts(at)
