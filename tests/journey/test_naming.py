"""Typed names matched in any case and in either language of the templates."""

import pytest

from planner.journey.naming import AmbiguousName, NameIndex, workspace_key

SIX_EN = ["Inspiration", "Information", "Planning", "Buying", "Service", "Sharing"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Information", "Information"),
        ("information", "Information"),
        ("  INFORMATION ", "Information"),
        ("Informatie", "Information"),
        ("aankoop", "Buying"),
        ("Delen", "Sharing"),
        ("Onbekend", None),
    ],
)
def test_resolve_english_workspace(typed, expected):
    assert NameIndex(SIX_EN).resolve(typed) == expected


def test_resolve_dutch_workspace_from_english():
    assert NameIndex(["Informatie", "Winkel"]).resolve("Store") == "Winkel"


def test_exact_name_wins_over_translation():
    assert NameIndex(["Service", "Buying"]).resolve("service") == "Service"


def test_ambiguous_translation_is_reported():
    # "Aankoop" is the Dutch of both "Buying" and "Purchase".
    with pytest.raises(AmbiguousName, match="Buying, Purchase"):
        NameIndex(["Buying", "Purchase"]).resolve("Aankoop")


@pytest.mark.parametrize(
    ("typed", "stored", "same"),
    [
        ("Demo - Van Dijk", "Demo – Van Dijk", True),
        ("demo — van  dijk", "Demo – Van Dijk", True),
        ("Demo \u2212 Van Dijk", "Demo \u2011 Van Dijk", True),
        ("Demo Van Dijk", "Demo – Van Dijk", False),
        ("Demo _ Van Dijk", "Demo – Van Dijk", False),
    ],
)
def test_workspace_names_compare_with_any_dash(typed, stored, same):
    assert (workspace_key(typed) == workspace_key(stored)) is same
