"""Resetting widgets: a form emptied by its key prefix, an editor redrawn under a new key."""

from streamlit.testing.v1 import AppTest


def forget_form():
    import streamlit as st

    from planner.ui.widget_state import clear_widgets

    if st.button("Save", key="save"):
        clear_widgets("form_")
    st.text_input("Name", key="form_name")
    st.text_input("Role", key="form_role")
    st.text_input("Search", key="search")


def test_clearing_forgets_only_the_widgets_of_the_prefix():
    at = AppTest.from_function(forget_form).run()
    at.text_input(key="form_name").input("Ann")
    at.text_input(key="form_role").input("IT")
    at.text_input(key="search").input("returns").run()
    at.button(key="save").click().run()
    assert not at.exception
    assert at.text_input(key="form_name").value == ""
    assert at.text_input(key="form_role").value == ""
    assert at.text_input(key="search").value == "returns"


def renewed_editor():
    import streamlit as st

    from planner.ui.widget_state import renew_key, versioned_key

    if st.button("Reload", key="reload"):
        renew_key("criteria")
    st.text_input("Criteria", key=versioned_key("criteria"))


def test_a_renewed_key_starts_the_widget_afresh():
    at = AppTest.from_function(renewed_editor).run()
    assert [w.key for w in at.text_input] == ["criteria_0"]
    at.text_input(key="criteria_0").input("typed, not saved").run()
    at.button(key="reload").click().run()
    assert [w.key for w in at.text_input] == ["criteria_1"]
    assert at.text_input(key="criteria_1").value == ""
    at.button(key="reload").click().run()
    assert [w.key for w in at.text_input] == ["criteria_2"]
