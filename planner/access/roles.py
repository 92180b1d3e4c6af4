"""Roles and what each may do.

- facilitator: everything in their workspace (passphrase);
- owner (product owner): see the roadmap side, download, and change commitments (link);
- viewer (manager): see the roadmap side and download, change nothing (link);
- stakeholder: score in a session and answer a sign-off, as themselves (join code).
"""

ROLES = ("facilitator", "owner", "viewer", "stakeholder")
ACTIONS: dict[str, frozenset[str]] = {
    "edit": frozenset({"facilitator"}),  # journey, candidates, sessions, roadmap, versions
    "commit": frozenset({"facilitator", "owner"}),  # commitments and their status
    "sign": frozenset({"facilitator", "stakeholder"}),  # answer a sign-off request
    "view": frozenset({"facilitator", "owner", "viewer"}),  # matrix, roadmap, delivery
    "download": frozenset({"facilitator", "owner", "viewer"}),
}


def can(role: str | None, action: str) -> bool:
    return role in ACTIONS[action]
