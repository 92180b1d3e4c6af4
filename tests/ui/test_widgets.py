"""Small widgets of several pages: the workspace's language choice, and a multiselect that
speaks the user's language."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.ui.shell.lang import LANG_KEY


def language_choice():
    from planner.ui.widgets import language_radio

    language_radio("workspace_lang", value="nl")


def test_the_language_radio_offers_each_language_by_its_own_name():
    at = AppTest.from_function(language_choice).run()
    radio = at.radio(key="workspace_lang")
    assert radio.label == "Language"
    assert radio.options == ["English", "Nederlands"] and radio.value == "nl"


def filters():
    import streamlit as st

    from planner.ui.widgets import multiselect

    multiselect(st, "Phase", ["Buying", "Service"], key="phase")


@pytest.mark.parametrize(("lang", "placeholder"), [("en", "Choose options"), ("nl", "Kies opties")])
def test_the_multiselect_says_choose_in_the_users_language(lang, placeholder):
    at = AppTest.from_function(filters)
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception
    chosen = at.multiselect(key="phase")
    assert chosen.placeholder == placeholder
    assert chosen.options == ["Buying", "Service"]
    chosen.select("Service").run()
    assert at.multiselect(key="phase").value == ["Service"]
