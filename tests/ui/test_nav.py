"""The navigation each visitor gets: a role's menu by section, with every other page in it
hidden (a reload or a link lands on the page, which says why it cannot show), Workspaces
the default; a stakeholder's ballot and sign-off in the top bar, nothing else."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from planner.access.roles import MENUS, STAKEHOLDER_PAGES, Role
from planner.core import i18n
from planner.ui.page_files import PAGE_FILES
from tests.conftest import APP
from tests.factories import demo_session


def key_of(page, lang: str) -> str:
    """The PAGE_FILES key of a page of the navigation, by its title in `lang`."""
    [key] = [key for key in PAGE_FILES if i18n.t(f"nav.{key}", lang) == page.title]
    return key


@pytest.fixture(name="navigations")
def navigations_fixture(monkeypatch) -> list[tuple[object, dict]]:
    """What each run handed `st.navigation` (the menu as built), the call itself kept."""
    seen: list[tuple[object, dict]] = []
    real = st.navigation

    def recording(pages, **options):
        seen.append((pages, options))
        return real(pages, **options)

    monkeypatch.setattr(st, "navigation", recording)
    return seen


def keys(pages, visibility: str, lang: str = "nl") -> list[str]:
    return [key_of(p, lang) for p in pages if p.visibility == visibility]


@pytest.mark.parametrize("role", [None, "facilitator", "owner", "viewer"])
def test_each_role_gets_its_menu_and_every_other_page_hidden(open_page, demo, navigations, role):
    open_page("workspaces", lang="nl", role=role)
    sections, options = navigations[-1]
    menu = MENUS[None if role is None else Role(role)]
    shown = {title: keys(pages, "visible") for title, pages in sections.items()}
    assert shown == {i18n.t(f"nav.section_{s}", "nl"): list(k) for s, k in menu.items()}
    hidden = [key for pages in sections.values() for key in keys(pages, "hidden")]
    listed = {key for k in menu.values() for key in k}
    assert sorted(hidden) == sorted(set(PAGE_FILES) - listed)
    pages = [p for group in sections.values() for p in group]
    assert [key_of(p, "nl") for p in pages if p.url_path == ""] == ["workspaces"]  # default
    assert options.get("position") != "top"


def test_a_stakeholder_gets_the_ballot_and_the_sign_off_in_the_top_bar(engine, demo, navigations):
    scoring = demo_session(engine, demo.id)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = scoring.code
    at.run()
    assert not at.exception
    pages, options = navigations[-1]
    assert [key_of(p, "en") for p in pages] == list(STAKEHOLDER_PAGES)
    assert options["position"] == "top"
    assert not at.sidebar.selectbox  # no workspace picker; the language on the page
