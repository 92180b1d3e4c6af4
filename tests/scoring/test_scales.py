"""Scales: answers onto 0-10 and back into the scale's own terms."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.scoring.scales import SCALES

NUMERIC = [scale for scale in SCALES.values() if scale.numeric]


@pytest.mark.parametrize("scale", SCALES.values(), ids=lambda s: s.key)
def test_the_lowest_answer_is_0_and_the_highest_10(scale):
    assert scale.score(scale.labels[0]) == 0
    assert scale.score(scale.labels[-1]) == 10


@pytest.mark.parametrize("scale", NUMERIC, ids=lambda s: s.key)
def test_every_answer_comes_back_as_itself(scale):
    for label, number in zip(scale.labels, scale.numbers, strict=True):
        assert scale.on_scale(scale.score(label)) == number


@given(st.sampled_from(NUMERIC), st.floats(0, 10))
def test_a_score_on_a_numeric_scale_lies_between_its_ends(scale, score):
    assert scale.numbers[0] <= scale.on_scale(score) <= scale.numbers[-1]


@given(st.floats(0, 10))
def test_a_score_on_tshirt_sizes_is_the_closest_size(score):
    tshirt = SCALES["tshirt"]
    assert tshirt.on_scale(score) == tshirt.label(score) in tshirt.labels


def test_a_0_on_one_to_ten_is_an_answer_of_1_not_0():
    """Everyone answering 1 or 2 on effort gives 0.6 of 10: on the scale, 1.5."""
    one_to_ten = SCALES["1-10"]
    mean = (one_to_ten.score("1") + one_to_ten.score("2")) / 2
    assert round(mean, 1) == 0.6 and one_to_ten.on_scale(mean) == 1.5


def test_on_the_scale_as_the_language_writes_it():
    scores = pd.Series([0.6, float("nan"), 10.0])
    assert SCALES["1-10"].on_scale_texts(scores, "nl").tolist() == ["1,5", "", "10,0"]
    assert SCALES["1-10"].on_scale_texts(scores, "en").tolist() == ["1.5", "", "10.0"]
    assert SCALES["tshirt"].on_scale_texts(pd.Series([5.0, 0.0]), "nl").tolist() == ["M", "XS"]


@given(st.sampled_from(list(SCALES.values())), st.lists(st.floats(0, 10), max_size=30))
def test_the_texts_are_on_scale_one_by_one(scale, scores):
    texts = scale.on_scale_texts(pd.Series(scores, dtype=float), "en").tolist()
    assert texts == [str(scale.on_scale(score)) for score in scores]
