"""Sign-off: stakeholders approve a saved roadmap version or object to it (with a reason)."""

from enum import StrEnum


class Decision(StrEnum):
    APPROVE = "approve"
    OBJECT = "object"  # needs a comment saying why
