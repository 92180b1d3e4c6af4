"""Roles and what each may do.

- facilitator: everything in their workspace (passphrase);
- owner (product owner): see the roadmap side, download, and change commitments (link);
- viewer (manager): see the roadmap side and download, change nothing (link);
- stakeholder: score in a session and answer a sign-off, as themselves (join code).
"""

from enum import StrEnum


class Role(StrEnum):
    FACILITATOR = "facilitator"
    OWNER = "owner"
    VIEWER = "viewer"
    STAKEHOLDER = "stakeholder"


ROLES = tuple(Role)
ACTIONS: dict[str, frozenset[Role]] = {
    "edit": frozenset({Role.FACILITATOR}),  # journey, candidates, sessions, roadmap, versions
    "commit": frozenset({Role.FACILITATOR, Role.OWNER}),  # commitments and their status
    "sign": frozenset({Role.FACILITATOR, Role.STAKEHOLDER}),  # answer a sign-off request
    "view": frozenset({Role.FACILITATOR, Role.OWNER, Role.VIEWER}),  # matrix, roadmap, delivery
    "download": frozenset({Role.FACILITATOR, Role.OWNER, Role.VIEWER}),
}

# Which pages each visitor's navigation lists, by section: section (the catalog's
# nav.section_KEY) -> pages (keys of planner.ui.page_files.PAGE_FILES). Every other page
# is in the navigation too, hidden: it says why it cannot show. A facilitator does not
# see the Vote page: to vote, they join as a stakeholder.
ROADMAP_SIDE = {
    "roadmap": ("matrix", "roadmap"),
    "delivery": ("signoff", "commitments", "progress"),
}
MENUS: dict[Role | None, dict[str, tuple[str, ...]]] = {
    None: {"workspace": ("workspaces", "import")},  # not signed in to this workspace
    Role.FACILITATOR: {
        "journey": ("workspaces", "grid", "candidates", "import", "setup", "audit"),
        "scoring": ("session", "consensus", "scoring_model"),
        **ROADMAP_SIDE,
    },
    Role.OWNER: {"workspace": ("workspaces", "import"), **ROADMAP_SIDE},
    Role.VIEWER: {"workspace": ("workspaces", "import"), **ROADMAP_SIDE},
}
STAKEHOLDER_PAGES = ("vote", "signoff")  # in the top bar, nothing else


def menu(role: str | None) -> dict[str, tuple[str, ...]]:
    """The sections and pages the navigation lists for `role` (None: a visitor)."""
    return MENUS[None if role is None else Role(role)]


def can(role: str | None, action: str) -> bool:
    return role in ACTIONS[action]
