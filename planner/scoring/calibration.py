"""Calibration references: one to three candidates per dimension with an agreed score,
shown beside the scale on every ballot ("effort 3 = like *Welcome mail*"), so that a 3
means the same to everyone in the room.

>>> check_references([(1, "3"), (2, "5")], ("1", "2", "3", "4", "5"))
>>> check_references([(1, "3"), (1, "4")], ("1", "2", "3", "4", "5"))
Traceback (most recent call last):
...
planner.core.errors.InvalidInput: A candidate can be a reference once per dimension.
"""

from collections.abc import Sequence

from planner.core.errors import InvalidInput

MAX_REFERENCES = 3


def check_references(references: Sequence[tuple[int, str]], labels: Sequence[str]) -> None:
    """Raise unless these (candidate, label) pairs are at most three different candidates,
    each with an answer of the scale (not "don't know")."""
    if len(references) > MAX_REFERENCES:
        raise InvalidInput("error.too_many_references", limit=MAX_REFERENCES)
    candidates = [candidate for candidate, _ in references]
    if len(set(candidates)) < len(candidates):
        raise InvalidInput("error.reference_twice")
    for _, label in references:
        if label not in labels:
            raise InvalidInput("error.not_on_scale", label=label, allowed=", ".join(labels))
