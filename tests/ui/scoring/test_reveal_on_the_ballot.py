"""The stakeholder's view of the reveal: the results as wide as the page allows, and no
promise that answers can still be changed (the Vote page and the light page /b/CODE)."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from planner.core.db import writing
from planner.models import StakeholderJoin
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.conftest import APP
from tests.factories import demo_session, vote_all
from tests.ui.light.test_routes import client_fixture, join  # noqa: F401 (a fixture)

CHANGEABLE = "can be changed until the reveal"


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """A session on the demo's first three candidates."""
    return demo_session(engine, demo.id, "Workshop", [1, 2, 3])


def vote_page(engine, scoring, *, revealed: bool) -> AppTest:
    """Anna's Vote page after she scored two candidates, the round revealed or not."""
    with writing(engine) as db:
        joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for candidate_id in (1, 2):
            vote_all(db, scoring, joined.stakeholder, candidate_id, setup, "4")
        if revealed:
            reveal_round(db=db, session_id=scoring.id)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    assert not at.exception
    return at


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


@pytest.fixture(name="drawn")
def drawn_fixture(monkeypatch) -> list[dict]:
    """What the page passes to st.vega_lite_chart (spec and options), in order: AppTest
    keeps a chart's spec but not its width."""
    calls: list[dict] = []
    real = st.vega_lite_chart

    def recording(*args, **options):
        calls.append(options)
        return real(*args, **options)

    monkeypatch.setattr(st, "vega_lite_chart", recording)
    return calls


def test_while_the_round_votes_the_ballot_says_answers_can_be_changed(engine, scoring):
    at = vote_page(engine, scoring, revealed=False)
    assert next(c for c in captions(at) if c.startswith("You are Anna")).endswith(
        "Every answer is saved at once and can be changed until the reveal."
    )


def test_after_the_reveal_the_vote_page_no_longer_says_answers_can_be_changed(engine, scoring):
    at = vote_page(engine, scoring, revealed=True)
    assert "You are Anna · round 1." in captions(at)
    assert not [c for c in captions(at) if CHANGEABLE in c]


def test_the_stakeholders_results_use_the_width_of_the_page(engine, scoring, drawn):
    """Value, then effort, each drawn as wide as the column: no 170 px facet on a
    desktop, and the phone's column is the limit on a phone."""
    at = vote_page(engine, scoring, revealed=True)
    assert [e.type for e in at.get("vega_lite_chart")] == ["vega_lite_chart"] * 2
    assert [call["width"] for call in drawn] == ["stretch", "stretch"]
    specs = [call["spec"] for call in drawn]
    assert [spec["title"] for spec in specs] == ["Value", "Effort"]
    assert all(spec["width"] == "container" and "facet" not in spec for spec in specs)


@pytest.mark.parametrize(("revealed", "changeable"), [(False, True), (True, False)])
def test_the_light_page_says_answers_can_be_changed_only_before_the_reveal(
    client, engine, scoring, revealed, changeable
):
    key = join(client, scoring.code).json()["key"]
    if revealed:
        with writing(engine) as db:
            reveal_round(db=db, session_id=scoring.id)
    view = client.get(
        "/api/light/ballot", params={"code": scoring.code}, headers={"X-Ballot-Key": key}
    ).json()
    assert view["who"].startswith("You are Ann · round 1.")
    assert (CHANGEABLE in view["who"]) is changeable
