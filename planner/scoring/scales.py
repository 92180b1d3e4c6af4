"""Scoring scales, and how their answers map onto 0–10.

Votes are stored as 0–10 so that changing a workspace's scale keeps the matrix
comparable: the lowest answer of any scale is 0, the highest 10.

>>> SCALES["fibonacci"].score("5")
3.333...
"""

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Scale:
    key: str
    labels: tuple[str, ...]
    numbers: tuple[float, ...]

    def score(self, label: str) -> float:
        """The 0–10 score of an answer on this scale."""
        number = self.numbers[self.labels.index(label)]
        low, high = self.numbers[0], self.numbers[-1]
        return (number - low) / (high - low) * 10

    def label(self, score: float) -> str:
        """The answer of this scale closest to a 0–10 score."""
        return min(self.labels, key=lambda label: abs(self.score(label) - score))


class ScaleKey(StrEnum):
    ONE_TO_FIVE = "1-5"
    ONE_TO_TEN = "1-10"
    FIBONACCI = "fibonacci"
    TSHIRT = "tshirt"


SCALES = {
    ScaleKey.ONE_TO_FIVE: Scale("1-5", ("1", "2", "3", "4", "5"), (1, 2, 3, 4, 5)),
    ScaleKey.ONE_TO_TEN: Scale("1-10", tuple(str(n) for n in range(1, 11)), tuple(range(1, 11))),
    ScaleKey.FIBONACCI: Scale("fibonacci", ("1", "2", "3", "5", "8", "13"), (1, 2, 3, 5, 8, 13)),
    ScaleKey.TSHIRT: Scale("tshirt", ("XS", "S", "M", "L", "XL"), (1, 2, 3, 4, 5)),
}
