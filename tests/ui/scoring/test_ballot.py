"""The ballot on the Vote page: the component mounted once per round with the ballot's
data in the user's language, and a follower that only follows the facilitator."""

import json

from streamlit.testing.v1 import AppTest

from planner.core import i18n
from planner.ui.shell.lang import LANG_KEY
from tests.ui.scoring.test_ballot_data import (
    STATE,
    ballot_fixture,  # noqa: F401 (a fixture)
)


def mount(of):
    from planner.ui.scoring.ballot import ballot

    ballot(of)


def follow(state):
    from planner.ui.scoring.ballot import follow_facilitator

    follow_facilitator(session_id=3, state=state, token="KEY")


def mounted(at: AppTest) -> dict:
    [component] = at.get("bidi_component")
    assert component.proto.component_name == "planner.ballot"
    return json.loads(component.proto.json)


def test_the_ballot_is_mounted_with_its_data_in_the_users_language(ballot):
    at = AppTest.from_function(mount, args=(ballot,))
    at.session_state[LANG_KEY] = "nl"
    at.run()
    assert not at.exception
    data = mounted(at)
    assert (data["lang"], data["round"], data["key"]) == ("nl", STATE.round_id, "KEY")
    assert data["text"]["next"] == i18n.t("vote.next_unscored", "nl")
    assert "ballot_7" in at.session_state  # one component per round: a new round, a new one


def test_the_follower_only_follows():
    at = AppTest.from_function(follow, args=(STATE,)).run()
    assert not at.exception
    data = mounted(at)
    assert data["follow_only"] is True and "candidates" not in data
    assert "follow_7" in at.session_state
