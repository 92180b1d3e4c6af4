"""Switching language keeps every choice made, shown in the new words."""

import pytest

from planner.core.i18n import catalog
from tests.ui.conftest import open_tab, texts
from tests.ui.test_pages_smoke import ENGLISH_ONLY, FACILITATOR_PAGES, SHARED_PAGES, shown_strings


def switch(at, lang: str):
    at.selectbox(key="lang").select(lang).run()
    assert not at.exception
    return at


@pytest.mark.parametrize("page", FACILITATOR_PAGES + SHARED_PAGES)
def test_switching_language_on_any_page(open_page, demo, page):
    """The switch sets every choice again; no widget on any page refuses that."""
    at = switch(open_page(page), "nl")
    assert not sorted(shown_strings(at._tree) & ENGLISH_ONLY)


def test_a_choice_is_sent_again_in_the_new_words(open_page, demo):
    """The browser knows a radio's choice by its label: it gets the Dutch one."""
    at = open_page("import_candidates")
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_name").input("Uit een bestand").run()
    switch(at, "nl")
    target = at.radio(key="import_target")
    assert target.value == "new"
    assert target.proto.set_value
    assert target.proto.raw_value == "een nieuwe werkruimte op basis van het bestand"
    assert at.text_input(key="import_new_name").value == "Uit een bestand"
    switch(at, "en")
    assert at.radio(key="import_target").proto.raw_value == "a new workspace made from the file"


def test_the_open_tab_stays_open(open_page, demo):
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Versions")
    switch(at, "nl")
    assert at.session_state["roadmap_tab"] == "Versies"
    assert catalog("nl")["roadmap.no_versions"] in texts(at)  # the versions tab ran


def test_without_streamlits_widget_metadata_a_switch_still_works(open_page, demo, monkeypatch):
    """The choices are found through Streamlit's private state: should that move in a
    later Streamlit, switching language must not break (it just keeps less)."""
    from planner.ui.shell import keep_choices

    monkeypatch.setattr(keep_choices, "get_script_run_ctx", lambda: None)
    at = switch(open_page("import_candidates"), "nl")
    assert at.radio(key="import_target").label == "Importeren in"
