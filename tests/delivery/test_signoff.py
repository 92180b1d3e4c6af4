"""Sign-off rules: who an answer says entered it, when on someone's behalf is refused."""

from datetime import datetime

import pandas as pd
import pytest

from planner.core.errors import Conflict, InvalidInput
from planner.delivery.signoff import (
    Tally,
    check_answer,
    entered,
    objections,
    recorder,
    signed_off,
    signoff_table,
    tally,
)


@pytest.mark.parametrize(
    ("actor", "on_behalf_allowed", "own_answer", "expected"),
    [
        (None, True, False, None),  # the stakeholder through their own link
        (None, False, False, None),  # ... whatever the workspace allows others
        (None, True, True, None),  # ... and over their own earlier answer
        ("Eva", True, False, "Eva"),  # a facilitator in the room, named
        (" Eva ", True, False, "Eva"),
        ("Eva", False, False, Conflict),  # the workspace forbids it
        ("Eva", True, True, Conflict),  # the stakeholder answered themselves
        ("Eva", False, True, Conflict),
        ("", True, False, InvalidInput),  # nobody to name
        ("   ", True, False, InvalidInput),
    ],
)
def test_who_an_answer_says_entered_it(actor, on_behalf_allowed, own_answer, expected):
    def who():
        return recorder(
            actor=actor, on_behalf_allowed=on_behalf_allowed, own_answer=own_answer, name="Ann"
        )

    if isinstance(expected, type):
        with pytest.raises(expected):
            who()
    else:
        assert who() == expected


@pytest.mark.parametrize(
    ("actor", "on_behalf_allowed", "message"),
    [
        ("Eva", False, "This workspace does not allow answers on someone's behalf"),
        ("", True, "Your name is required to record an answer given in the room"),
    ],
)
def test_a_refusal_says_why(actor, on_behalf_allowed, message):
    with pytest.raises((Conflict, InvalidInput), match=message):
        recorder(actor=actor, on_behalf_allowed=on_behalf_allowed, own_answer=False, name="Ann")


def test_the_own_answer_stands_names_the_stakeholder():
    with pytest.raises(Conflict) as refused:
        recorder(actor="Eva", on_behalf_allowed=True, own_answer=True, name="Ann")
    assert refused.value.message("nl") == (
        "Ann heeft via de eigen link geantwoord: alleen Ann kan dat antwoord wijzigen."
    )


@pytest.mark.parametrize(
    ("decision", "comment", "refused"),
    [("approve", "", False), ("object", "Too late", False), ("object", "  ", True)],
)
def test_an_objection_needs_a_comment(decision, comment, refused):
    if refused:
        with pytest.raises(InvalidInput, match="required with an objection"):
            check_answer(decision, comment)
    else:
        check_answer(decision, comment)


@pytest.mark.parametrize(
    ("recorded_by", "lang", "text"),
    [
        (None, "en", "own answer"),
        (None, "nl", "eigen antwoord"),
        ("Eva", "en", "recorded by Eva in the room"),
        ("Eva", "nl", "vastgelegd door Eva in de zaal"),
    ],
)
def test_how_an_answer_was_entered_reads(recorded_by, lang, text):
    assert entered(recorded_by, lang) == text


def test_the_table_says_who_entered_each_answer():
    at = datetime(2027, 1, 4, 10, 0)
    answers = pd.DataFrame(
        {
            "stakeholder_id": [1, 2, 3],
            "name": ["Ann", "Bert", "Cor"],
            "role": ["Sales", "IT", ""],
            "decision": ["approve", "object", None],
            "comment": ["", "Too late", None],
            "at": [at, at, None],
            "recorded_by": [None, "Eva", None],
        }
    )
    table = signoff_table(answers, "nl")
    assert list(table.columns) == [
        "Stakeholder",
        "Rol of afdeling",
        "Besluit",
        "Ingevoerd",
        "Opmerking",
        "Wanneer",
    ]
    assert table["Besluit"].tolist() == ["Akkoord geven", "Bezwaar", "nog geen antwoord"]
    assert table["Ingevoerd"].tolist() == ["eigen antwoord", "vastgelegd door Eva in de zaal", ""]


def answers_of(*given: tuple[str | None, str | None]) -> pd.DataFrame:
    """Per stakeholder: (decision, recorded_by), as planner.store.delivery.signoff reads them."""
    return pd.DataFrame(
        {
            "name": [f"S{i}" for i in range(len(given))],
            "decision": pd.Series([d for d, _ in given], dtype=object),
            "comment": ["why" if d == "object" else "" for d, _ in given],
            "recorded_by": pd.Series([by for _, by in given], dtype=object),
        }
    )


@pytest.mark.parametrize(
    ("given", "counted"),
    [
        ((), Tally(total=0, approved=0, objected=0, in_the_room=0)),
        (((None, None),), Tally(total=1, approved=0, objected=0, in_the_room=0)),
        ((("approve", None), ("approve", "Eva")), Tally(2, approved=2, objected=0, in_the_room=1)),
        ((("approve", None), ("object", None), (None, None)), Tally(3, 1, 1, 0)),
        ((("object", "Eva"), ("object", "Eva")), Tally(2, approved=0, objected=2, in_the_room=2)),
    ],
)
def test_the_tally_counts_each_stakeholder_once(given, counted):
    assert tally(answers_of(*given)) == counted


@pytest.mark.parametrize(
    ("requested", "counted", "done"),
    [
        (True, Tally(3, approved=3, objected=0, in_the_room=0), True),
        (True, Tally(3, approved=3, objected=0, in_the_room=3), True),  # all in the room
        (False, Tally(3, approved=3, objected=0, in_the_room=0), False),  # never put up
        (True, Tally(3, approved=2, objected=1, in_the_room=0), False),  # an objection
        (True, Tally(3, approved=2, objected=0, in_the_room=0), False),  # one still to answer
        (True, Tally(0, approved=0, objected=0, in_the_room=0), False),  # nobody to ask
    ],
)
def test_a_version_is_signed_off_when_everyone_approved(requested, counted, done):
    assert signed_off(requested=requested, counted=counted) is done


def test_the_objections_are_the_answers_that_object():
    found = objections(answers_of(("approve", None), ("object", "Eva"), (None, None)))
    assert found["name"].tolist() == ["S1"] and found["comment"].tolist() == ["why"]
