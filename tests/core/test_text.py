"""The one text rule: what it cleans, that it holds for every text field of the app."""

import inspect
import unicodedata
from types import UnionType
from typing import Annotated, Union, get_args, get_origin

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from planner import models
from planner.backup import schema as document
from planner.core.text import CONTROL, LINE_BREAK, clean_text, text_field
from planner.importing.preview import RowText
from planner.roadmap.settings import RoadmapSettings

# Not user text: secrets compared as typed, answers and codes checked against fixed lists.
NOT_CLEANED = {
    "PassphraseSet.passphrase",
    "SignIn.passphrase",
    "VoteCast.answer",
    "ReferenceSet.label",
    "SessionDoc.code",
    "MailDoc.kind",  # a code (letters, digits, hyphens): its pattern refuses control characters
}
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n\t\x85\u2028 "))


@pytest.mark.parametrize(
    ("typed", "lines", "kept"),
    [
        ("\x00 \x1b \x07", False, ""),
        ("\x00 \x1b \x07", True, ""),
        ("Ann\x1b[31m", False, "Ann[31m"),
        ("  Ann  ", False, "Ann"),
        ("one\r\ntwo\rthree\u2028four", False, "one two three four"),
        ("one\r\ntwo\rthree\u2028four", True, "one\ntwo\nthree\nfour"),
        ("a\tb", False, "a b"),
        ("a\tb", True, "a\tb"),
        ("C1\x85NEL\x9b", True, "C1\nNEL"),
        ("lone \ud800 half", False, "lone  half"),
        ("e\u0301", False, "\u00e9"),  # composed (NFC)
        ("\u0958", False, "\u0958"),  # NFC would make it two characters: kept as typed
        ("שלום 👩‍👩‍👧 مرحبا", False, "שלום 👩‍👩‍👧 مرحبا"),  # right-to-left and emoji as typed
    ],
)
def test_clean_text_keeps_what_people_mean(typed, lines, kept):
    assert clean_text(typed, lines=lines) == kept


@given(typed=ANY_TEXT, lines=st.booleans())
def test_clean_text_is_idempotent_never_longer_and_leaves_no_control(typed, lines):
    kept = clean_text(typed, lines=lines)
    assert clean_text(kept, lines=lines) == kept
    assert len(kept) <= len(typed)
    assert not CONTROL.search(kept) and kept == kept.strip()
    assert lines or not (LINE_BREAK.search(kept) or "\t" in kept)
    assert (
        lines
        or unicodedata.is_normalized("NFC", kept)
        or len(kept) < len(unicodedata.normalize("NFC", kept))
    )


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("\x00\x07", "string_too_short"), ("abcdef", "string_too_long"), (7, "string_type")],
)
def test_limits_are_checked_on_the_cleaned_text(typed, problem):
    with pytest.raises(ValidationError) as refused:
        TypeAdapter(text_field(5, min_length=1)).validate_python(typed)
    assert refused.value.errors()[0]["type"] == problem


def schemas() -> list[type[BaseModel]]:
    """Every schema that takes text from people: the forms', the ballot's, the CLI's,
    the import's and the backup document's."""
    found = [RowText, RoadmapSettings]
    for module in (models, document):
        found += [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, BaseModel)
            and not getattr(value, "model_config", {}).get("table")
        ]
    return list(dict.fromkeys(found))


def holds_text(shape: object) -> bool:
    """`shape` is str, or a str that may be None, or a list of them."""
    if shape is str:
        return True
    origin = get_origin(shape)
    if origin is Annotated:
        return holds_text(get_args(shape)[0])
    return origin in (Union, UnionType, list) and any(map(holds_text, get_args(shape)))


def text_fields() -> list[tuple[str, object]]:
    fields = []
    for schema in schemas():
        for name, info in schema.model_fields.items():
            field = f"{schema.__name__}.{name}"
            if holds_text(info.annotation) and field not in NOT_CLEANED:
                shape = info.annotation
                fields.append((field, Annotated[shape, *info.metadata] if info.metadata else shape))
    return fields


@pytest.mark.parametrize(("field", "shape"), text_fields(), ids=[f for f, _ in text_fields()])
def test_every_text_field_follows_the_rule(field, shape):
    listed = get_origin(shape) is list or "list[" in repr(shape)
    typed = "T\x00a g\n"
    kept = TypeAdapter(shape).validate_python([typed] if listed else typed)
    assert kept == (["Ta g"] if listed else "Ta g")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Ali\u200bce", "Alice"),
        ("Bob\ufeff", "Bob"),
        ("Eve\u202egnp.exe", "Evegnp.exe"),
        ("\u2067Ann\u2069", "Ann"),
        ("\u200b\u200c\u200d", ""),
        ("\u200b Ann", "Ann"),
        ("A\u200dnn", "Ann"),  # a joiner between Latin letters spells nothing
        ("👩\u200d👩\u200d👧 team", "👩\u200d👩\u200d👧 team"),  # an emoji sequence stays
        (
            "\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645",
            "\u0646\u06cc\u06a9\u200c\u0646\u0627\u0645",
        ),
    ],
)
def test_names_lose_their_format_characters(typed, kept):
    assert clean_text(typed, name=True) == kept
    assert TypeAdapter(text_field(80, name=True)).validate_python(typed) == kept


def test_titles_and_comments_keep_format_characters():
    typed = "👩\u200d👧 \u2067שלום\u2069 A\u200bB"
    assert clean_text(typed) == typed and clean_text(typed, lines=True) == typed


@given(typed=ANY_TEXT)
def test_a_name_is_idempotent_never_longer_and_holds_no_format_character(typed):
    kept = clean_text(typed, name=True)
    assert clean_text(kept, name=True) == kept and len(kept) <= len(typed)
    assert all(unicodedata.category(c) != "Cf" or c in "\u200c\u200d" for c in kept), ascii(kept)
