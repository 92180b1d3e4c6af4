"""What the ballot component is drawn from: the stakeholder's round, key, criteria and
candidates, the scale's options with "don't know", the time left, and every text in the
stakeholder's language; a follower gets only what it follows."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.core import i18n
from planner.core.db import reading
from planner.scoring.answers import DONT_KNOW
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.store.scoring.ballot import RoundState
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.ui.scoring.ballot_data import TEXT_KEYS, StakeholderBallot, ballot_data, follow_data

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
STATE = RoundState(
    round_id=7,
    number=2,
    round_status=RoundStatus.VOTING,
    session_status=SessionStatus.OPEN,
    auto_advance=False,
    deadline=NOW + timedelta(seconds=89, milliseconds=200),
)


@pytest.fixture(name="ballot")
def ballot_fixture(engine, demo) -> StakeholderBallot:
    with reading(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
    return StakeholderBallot(
        session_id=3,
        state=STATE,
        stakeholder_id=11,
        token="KEY",
        setup=setup,
        criteria=setup.criteria_for(""),
        candidates=[(4, "Click & collect"), (2, "Returns <online>")],
        done=[2],
    )


def test_the_ballot_carries_the_round_the_person_and_what_they_rate(ballot):
    data = ballot_data(ballot, lang="en", now=NOW)
    assert (data["session"], data["round"], data["stakeholder"], data["key"]) == (3, 7, 11, "KEY")
    assert (data["round_status"], data["status"], data["auto_advance"]) == (
        "voting",
        "open",
        False,
    )
    assert data["seconds_left"] == 90  # whole seconds, rounded up
    assert data["candidates"] == [[4, "Click & collect"], [2, "Returns <online>"]]
    assert data["done"] == [2] and data["joined"] is False
    criteria = ballot.criteria
    assert [c["id"] for c in data["criteria"]] == [c.id for c in criteria]
    assert {c["dimension"] for c in data["criteria"]} == {"value", "effort"}
    assert data["options"] == [*ballot.setup.scale.labels, DONT_KNOW]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_text_is_in_the_stakeholders_language(ballot, lang):
    data = ballot_data(ballot, lang=lang, now=NOW)
    assert data["lang"] == lang
    assert data["text"] == {name: i18n.t(key, lang) for name, key in TEXT_KEYS.items()}
    assert data["names"] == {DONT_KNOW: i18n.t("vote.dont_know", lang)}


def test_without_a_time_box_there_is_no_time_left(ballot):
    untimed = StakeholderBallot(**{**ballot.__dict__, "state": STATE._replace(deadline=None)})
    assert ballot_data(untimed, lang="en", now=NOW)["seconds_left"] is None


def test_a_follower_gets_the_round_it_follows_and_nothing_to_rate():
    assert follow_data(session_id=3, state=STATE, token="KEY") == {
        "follow_only": True,
        "key": "KEY",
        "session": 3,
        "round": 7,
        "round_status": "voting",
        "status": "open",
    }
