"""Who the demo opens for, and as what, at one click on the Workspaces page.

Whoever sits at the machine that runs the app opens it as its facilitator: they started
the app and can read its passphrase in the code anyway. A visitor from elsewhere gets a
read-only tour (viewer), so a shared installation's demo is not everyone's to change.
`PLANNER_DEMO` sets it otherwise: `open` lets everyone in as facilitator (a training
server), `tour` gives everyone the tour, this machine too.
"""

from collections.abc import Mapping

from planner.access.roles import Role

DEMO_SETTING = "PLANNER_DEMO"
SETTINGS = ("local", "open", "tour")


def demo_setting(environ: Mapping[str, str]) -> str:
    """`PLANNER_DEMO`, `local` when unset; a value that is not a setting is refused.

    >>> demo_setting({"PLANNER_DEMO": " Open "})
    'open'
    """
    setting = environ.get(DEMO_SETTING, "").strip().lower() or "local"
    if setting not in SETTINGS:
        raise ValueError(f"{DEMO_SETTING}: {setting!r} is not one of {', '.join(SETTINGS)}")
    return setting


def demo_role(setting: str, *, on_this_machine: bool) -> Role:
    """The role the demo opens with: facilitator or viewer (the tour)."""
    if setting == "open" or (setting == "local" and on_this_machine):
        return Role.FACILITATOR
    return Role.VIEWER
