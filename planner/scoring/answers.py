"""A ballot answer: a label of the workspace's scale, or "don't know".

It has one form per place, mapped here and nowhere else:

- in Python, `Answer.label`: the label, or None for don't know;
- on the wire (the ballot's JSON and ballot.js): the label, or `DONT_KNOW` ("?");
- in the vote table: the label with its 0–10 score, or "" with no score.

>>> Answer.from_wire("?").label is None
True
>>> from planner.scoring.scales import SCALES
>>> Answer("4").stored(SCALES["1-5"])
('4', 7.5)
>>> Answer.from_stored("", None).wire
'?'
"""

from dataclasses import dataclass
from typing import Self

from planner.core.errors import InvalidInput
from planner.scoring.scales import Scale

DONT_KNOW = "?"  # "don't know" on the wire: ballot.js writes it, tests check it agrees


@dataclass(frozen=True)
class Answer:
    """One answer on one criterion: `label` of the scale, None for don't know."""

    label: str | None = None

    @property
    def dont_know(self) -> bool:
        return self.label is None

    @classmethod
    def from_wire(cls, text: str) -> Self:
        """The answer the ballot sent: a label, or "?"."""
        return cls(None if text == DONT_KNOW else text)

    @property
    def wire(self) -> str:
        """The answer as the ballot shows it: its label, or "?"."""
        return DONT_KNOW if self.label is None else self.label

    @classmethod
    def from_stored(cls, label: str, score: float | None) -> Self:
        """The answer a vote row holds: no score is don't know."""
        return cls(None if score is None else label)

    def stored(self, scale: Scale) -> tuple[str, float | None]:
        """(label, score) as the vote table keeps them; `InvalidInput` for a label that
        is not on the scale."""
        if self.label is None:
            return "", None
        if self.label not in scale.labels:
            raise InvalidInput(
                "error.not_on_scale", label=self.label, allowed=", ".join(scale.labels)
            )
        return self.label, scale.score(self.label)
