"""Which file column holds which field: headers in English or Dutch, any case, `_` and
`-` as spaces; and multi-value cells split on the separators the file leaves free."""

import pytest

from planner.importing.columns import HEADERS, REQUIRED, header_key, map_headers, split_list


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Title", "title"),
        ("titel", "title"),
        ("OMSCHRIJVING", "description"),
        ("Fase", "phase"),
        ("kanalen", "channels"),
        ("channel_switch", "channel_switch"),
        ("Channel-Switch", "channel_switch"),
        ("depends on", "depends_on"),
        ("Afhankelijk van", "depends_on"),
        ("Needs", "depends_on"),
        ("waarde", "value"),
        ("Inspanning", "effort"),
    ],
)
def test_map_headers_knows_english_and_dutch_headers_in_any_case(header, field):
    fields, ignored = map_headers([header])
    assert fields == {field: header}
    assert ignored == []


def test_a_second_header_for_the_same_field_and_unknown_headers_are_ignored():
    fields, ignored = map_headers(["Titel", "Title", "Notes", "Fase"])
    assert fields == {"title": "Titel", "phase": "Fase"}
    assert ignored == ["Title", "Notes"]


def test_every_required_field_has_headers_and_no_header_means_two_fields():
    assert set(REQUIRED) <= set(HEADERS)
    keys = [header_key(alias) for aliases in HEADERS.values() for alias in aliases]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("cell", "delimiter", "parts"),
    [
        ("email|app", ",", ["email", "app"]),
        ("email; app", ",", ["email", "app"]),
        ("email, app", ";", ["email", "app"]),
        ("email, app", ",", ["email, app"]),  # the file's own delimiter is not split on
        ("email; app", ";", ["email; app"]),
        (" email | email |app ", None, ["email", "app"]),  # trimmed, each once, in order
        ("a|b;c,d", None, ["a", "b", "c", "d"]),
        ("", ",", []),
        (" | ;", None, []),
    ],
)
def test_split_list(cell, delimiter, parts):
    assert split_list(cell, delimiter) == parts
