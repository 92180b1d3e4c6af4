"""Journey templates: the phases and channels a new workspace starts with, in English and
Dutch."""

import pytest

from planner.journey.templates import (
    ALL_TERMS,
    DEFAULT_CHANNELS,
    DEFAULT_CRITERIA,
    TEMPLATES,
    Template,
    Term,
    default_channels,
    template_phases,
)


@pytest.mark.parametrize(
    ("template", "lang", "first", "count"),
    [
        (Template.SIX_PHASE, "en", "Inspiration", 6),
        (Template.SIX_PHASE, "nl", "Inspiratie", 6),
        (Template.NINE_PHASE, "en", "Need", 9),
        (Template.NINE_PHASE, "nl", "Behoefte", 9),
    ],
)
def test_template_phases_in_the_language(template, lang, first, count):
    phases = template_phases(template, lang)
    assert phases[0] == first
    assert len(phases) == len(set(phases)) == count


def test_the_blank_template_has_no_phases_and_no_channels():
    assert template_phases(Template.BLANK, "en") == []
    assert default_channels(Template.BLANK, "nl") == []


@pytest.mark.parametrize("template", [Template.SIX_PHASE, Template.NINE_PHASE])
def test_a_new_workspace_gets_the_default_channels_in_its_language(template):
    assert default_channels(template, "en")[:2] == ["Website", "Mobile app"]
    assert default_channels(template, "nl")[:2] == ["Website", "Mobiele app"]
    assert len(default_channels(template, "nl")) == len(DEFAULT_CHANNELS)


@pytest.mark.parametrize("lang", ["en", "fr", ""])
def test_a_term_is_english_unless_dutch_is_asked(lang):
    assert Term("Buying", "Aankoop").name(lang) == "Buying"
    assert Term("Buying", "Aankoop").name("nl") == "Aankoop"


def test_every_template_is_listed_and_every_term_named_in_both_languages():
    assert set(TEMPLATES) == set(Template)
    assert all(term.en.strip() and term.nl.strip() for term in ALL_TERMS)


def test_the_default_criteria_are_two_of_value_and_one_of_effort():
    dimensions = [dimension for _, dimension in DEFAULT_CRITERIA]
    assert sorted(dimensions) == ["effort", "value", "value"]
    assert [term.name("nl") for term, _ in DEFAULT_CRITERIA] == [
        "Klantwaarde",
        "Bedrijfswaarde",
        "Inspanning",
    ]
