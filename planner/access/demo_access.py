"""Who the demo opens for, and as what, at one click on the Workspaces page.

Whoever sits at the machine that runs the app opens it as its facilitator: they started
the app and can read its passphrase in the code anyway. A visitor from elsewhere gets a
read-only tour (viewer), so a shared installation's demo is not everyone's to change.
`PLANNER_DEMO` sets it otherwise: `open` lets everyone in as facilitator (a training
server), `tour` gives everyone the tour, this machine too.
"""

from collections.abc import Mapping
from enum import StrEnum

from planner.access.roles import Role

DEMO_SETTING = "PLANNER_DEMO"


class DemoSetting(StrEnum):
    """The values of `PLANNER_DEMO`."""

    LOCAL = "local"  # this machine as facilitator, everyone else the tour (unset)
    OPEN = "open"  # everyone as facilitator: a training server
    TOUR = "tour"  # everyone the tour, this machine too


def demo_setting(environ: Mapping[str, str]) -> DemoSetting:
    """`PLANNER_DEMO`, `local` when unset; a value that is not a setting is refused.

    >>> demo_setting({"PLANNER_DEMO": " Open "})
    <DemoSetting.OPEN: 'open'>
    """
    setting = environ.get(DEMO_SETTING, "").strip().lower() or DemoSetting.LOCAL
    if setting not in tuple(DemoSetting):
        allowed = ", ".join(DemoSetting)
        raise ValueError(f"{DEMO_SETTING}: {setting!r} is not one of {allowed}")
    return DemoSetting(setting)


def demo_role(setting: DemoSetting, *, on_this_machine: bool) -> Role:
    """The role the demo opens with: facilitator or viewer (the tour)."""
    if setting == DemoSetting.OPEN or (setting == DemoSetting.LOCAL and on_this_machine):
        return Role.FACILITATOR
    return Role.VIEWER
