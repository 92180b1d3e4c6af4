"""The status workflow of a commitment: which changes are allowed and what they need.

proposed -> committed -> in_progress -> done
any open status -> blocked or dropped (a reason is mandatory)
blocked -> committed or in_progress again; dropped -> proposed (revived)
an open commitment's due date can be moved, with a reason; done and dropped keep theirs
"""

from datetime import date
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


class EventKind(StrEnum):
    """What a line of a commitment's history records."""

    STATUS = "status"  # a status change
    RESULT = "result"  # a KPI result or actual effort recorded
    DUE = "due"  # its due date moved


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


def check_due_move(status: str, current: date, wanted: date | None, reason: str) -> None:
    """Raise `InvalidInput` unless a commitment in `status`, due `current`, may be moved to
    `wanted` for `reason`: it is open (a done one was delivered by its date, a dropped one
    is revived first), the day is given and differs, and the reason says why (3
    characters or more)."""
    if wanted is None:
        raise InvalidInput("error.required", field=FieldName("due"))
    if status not in OPEN:
        raise InvalidInput("error.due_move_closed", status=StatusName(status))
    if wanted == current:
        raise InvalidInput("error.due_move_same", field=FieldName("due"))
    if len(reason.strip()) < REASON_MIN:
        raise InvalidInput("error.due_move_reason", field=FieldName("reason"))
