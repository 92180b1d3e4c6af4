"""A ballot answer in its three forms (Python, wire, vote table): one mapping."""

import pytest

from planner.core.errors import InvalidInput
from planner.scoring.answers import DONT_KNOW, Answer
from planner.scoring.scales import SCALES, ScaleKey

FIVE = SCALES[ScaleKey.ONE_TO_FIVE]


@pytest.mark.parametrize(
    ("wire", "label", "stored"),
    [
        ("?", None, ("", None)),  # don't know: no score
        ("1", "1", ("1", 0.0)),
        ("3", "3", ("3", 5.0)),
        ("5", "5", ("5", 10.0)),
    ],
)
def test_an_answer_maps_between_wire_python_and_table(wire, label, stored):
    answer = Answer.from_wire(wire)
    assert answer.label == label
    assert answer.dont_know is (label is None)
    assert answer.wire == wire
    assert answer.stored(FIVE) == stored
    assert Answer.from_stored(*stored) == answer


def test_dont_know_is_the_question_mark_on_the_wire():
    assert DONT_KNOW == "?"
    assert Answer().dont_know and Answer().wire == DONT_KNOW


@pytest.mark.parametrize(
    ("label", "score", "read"),
    [("", None, None), ("4", None, None), ("4", 7.5, "4"), ("M", 5.0, "M")],
)
def test_a_stored_vote_without_score_reads_as_dont_know(label, score, read):
    assert Answer.from_stored(label, score).label == read


@pytest.mark.parametrize(("scale", "label"), [(ScaleKey.ONE_TO_FIVE, "6"), (ScaleKey.TSHIRT, "3")])
def test_a_label_off_the_scale_is_refused_by_name(scale, label):
    with pytest.raises(InvalidInput, match=f"“{label}” is not an answer on this scale") as refused:
        Answer(label).stored(SCALES[scale])
    assert refused.value.key == "error.not_on_scale"


@pytest.mark.parametrize("scale", list(ScaleKey))
def test_every_label_of_every_scale_round_trips(scale):
    for label in SCALES[scale].labels:
        answer = Answer.from_wire(label)
        assert Answer.from_stored(*answer.stored(SCALES[scale])) == answer
        assert DONT_KNOW not in SCALES[scale].labels
