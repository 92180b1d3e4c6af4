"""The status workflow of a commitment: which changes are allowed and what they need.

proposed -> committed -> in_progress -> done
any open status -> blocked or dropped (a reason is mandatory)
blocked -> committed or in_progress again; dropped -> proposed (revived)
"""

from planner.core.errors import FieldName, InvalidInput, StatusName

STATUSES = ("proposed", "committed", "in_progress", "blocked", "done", "dropped")
OPEN = frozenset({"proposed", "committed", "in_progress", "blocked"})
NEEDS_REASON = frozenset({"blocked", "dropped"})
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "proposed": ("committed", "blocked", "dropped"),
    "committed": ("in_progress", "blocked", "dropped"),
    "in_progress": ("done", "blocked", "dropped"),
    "blocked": ("committed", "in_progress", "dropped"),
    "done": (),
    "dropped": ("proposed",),
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
