"""Scoring scales, and how their answers map onto 0–10.

Votes are stored as 0–10 so that changing a workspace's scale keeps the matrix
comparable: the lowest answer of any scale is 0, the highest 10.

>>> SCALES["fibonacci"].score("5")
3.333...
>>> SCALES["1-10"].on_scale(0.0), SCALES["tshirt"].on_scale(5.0)
(1.0, 'M')
"""

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from planner.core.numbers import one_decimal


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

    @property
    def span(self) -> str:
        """'1–10', 'XS–XL': the scale by its ends."""
        return f"{self.labels[0]}–{self.labels[-1]}"

    @property
    def numeric(self) -> bool:
        return all(label.isdigit() for label in self.labels)

    def on_scale(self, score: float) -> float | str:
        """A 0–10 score in the scale's own terms: a number from the scale's lowest to its
        highest answer (1–10: a 0 is "1.0", everyone rating 1 or 2), or the closest
        answer of a scale of words (T-shirt: "M")."""
        if not self.numeric:
            return self.label(score)
        low, high = self.numbers[0], self.numbers[-1]
        return round(low + score / 10 * (high - low), 1)

    def on_scale_texts(self, scores: pd.Series, lang: str) -> pd.Series:
        """`on_scale` of each score as the language writes it ("1,5" in Dutch, "M"; ""
        for no score). Each distinct answer is formatted once: 2,000 scores one by one
        through Babel took 50 ms a rerun."""
        if self.numeric:
            low, high = self.numbers[0], self.numbers[-1]
            found = (low + scores / 10 * (high - low)).round(1)
            texts = {value: one_decimal(value, lang) for value in found.dropna().unique()}
        else:
            found = scores
            texts = {score: self.label(score) for score in scores.dropna().unique()}
        return found.map(texts).fillna("")


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
