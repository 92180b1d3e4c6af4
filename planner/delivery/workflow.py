"""The status workflow of a commitment: which changes are allowed and what they need.

proposed -> committed -> in_progress -> done
any open status -> blocked or dropped (a reason is mandatory)
blocked -> committed or in_progress again; dropped -> proposed (revived)
"""

from enum import StrEnum

from planner.core.errors import FieldName, InvalidInput, StatusName


class Status(StrEnum):
    """A commitment's status, in the order boards and lists show them."""

    PROPOSED = "proposed"
    COMMITTED = "committed"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    DROPPED = "dropped"


STATUSES = tuple(Status)
INITIAL = (Status.COMMITTED, Status.PROPOSED)  # what a new commitment may start as
NOT_STARTED = frozenset({Status.PROPOSED, Status.COMMITTED})
OPEN = frozenset({Status.PROPOSED, Status.COMMITTED, Status.IN_PROGRESS, Status.BLOCKED})
NEEDS_REASON = frozenset({Status.BLOCKED, Status.DROPPED})
TRANSITIONS: dict[str, tuple[Status, ...]] = {
    Status.PROPOSED: (Status.COMMITTED, Status.BLOCKED, Status.DROPPED),
    Status.COMMITTED: (Status.IN_PROGRESS, Status.BLOCKED, Status.DROPPED),
    Status.IN_PROGRESS: (Status.DONE, Status.BLOCKED, Status.DROPPED),
    Status.BLOCKED: (Status.COMMITTED, Status.IN_PROGRESS, Status.DROPPED),
    Status.DONE: (),
    Status.DROPPED: (Status.PROPOSED,),
}
REASON_MIN = 3


def allowed(status: str) -> tuple[str, ...]:
    """The statuses a commitment in `status` may move to, in the order they are offered."""
    return TRANSITIONS[status]


def check_transition(current: str, wanted: str, comment: str) -> None:
    """Raise `InvalidInput` when `current` -> `wanted` is not allowed or lacks its reason."""
    if wanted not in allowed(current):
        raise InvalidInput(
            "error.transition_refused",
            current=StatusName(current),
            wanted=StatusName(wanted),
            allowed=tuple(StatusName(s) for s in allowed(current)),
        )
    if wanted in NEEDS_REASON and len(comment.strip()) < REASON_MIN:
        raise InvalidInput(
            "error.reason_required", field=FieldName("reason"), status=StatusName(wanted)
        )
