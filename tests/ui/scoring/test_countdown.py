"""The countdown component: drawn with the seconds left and its texts (the ticking itself
runs in the browser: tests/e2e)."""

import json

from streamlit.testing.v1 import AppTest


def clock():
    from planner.ui.scoring.countdown import countdown

    countdown(95, left="{time} left", up="Time is up", key="round_clock")


def test_the_component_gets_the_seconds_and_both_texts():
    at = AppTest.from_function(clock).run()
    assert not at.exception
    [component] = at.get("bidi_component")
    assert json.loads(component.proto.json) == {
        "seconds": 95,
        "left": "{time} left",
        "up": "Time is up",
        "size": "1.6rem",
    }
