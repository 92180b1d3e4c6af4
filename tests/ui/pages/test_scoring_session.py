"""Scoring session page (the facilitator's): opening a session (on a filtered set, with
the results sent back for re-scoring), the reveal and the re-vote."""

import pytest

from planner.core.db import reading, writing
from planner.models import ResultRecord, StakeholderJoin
from planner.store.delivery.commitments import record_result
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round
from planner.store.scoring.stakeholders import join_session
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
