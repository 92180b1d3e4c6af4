"""Who the demo opens for: facilitator on the machine that runs the app, a tour elsewhere,
unless the installation says otherwise."""

import pytest

from planner.access.demo_access import demo_role, demo_setting


@pytest.mark.parametrize(
    ("setting", "here", "role"),
    [
        ("local", True, "facilitator"),
        ("local", False, "viewer"),
        ("open", True, "facilitator"),
        ("open", False, "facilitator"),
        ("tour", True, "viewer"),
        ("tour", False, "viewer"),
    ],
)
def test_the_role_the_demo_opens_with(setting, here, role):
    assert demo_role(setting, on_this_machine=here) == role


@pytest.mark.parametrize(
    ("environ", "setting"),
    [({}, "local"), ({"PLANNER_DEMO": ""}, "local"), ({"PLANNER_DEMO": " TOUR "}, "tour")],
)
def test_the_setting_defaults_to_local(environ, setting):
    assert demo_setting(environ) == setting


def test_a_bad_setting_is_refused_by_name():
    with pytest.raises(ValueError, match=r"PLANNER_DEMO: 'yes' is not one of local, open, tour"):
        demo_setting({"PLANNER_DEMO": "yes"})
