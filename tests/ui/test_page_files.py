"""Every page once: each key's script exists, each page script is listed once, and each
page is titled in every language of the catalog."""

import pytest

from planner.core import i18n
from planner.ui.page_files import PAGE_FILES, PAGES
from tests.conftest import ROOT


def test_each_listed_script_exists_and_each_page_script_is_listed_once():
    listed = [script for script, _ in PAGE_FILES.values()]
    on_disk = sorted(p.stem for p in (ROOT / PAGES).glob("*.py") if p.name != "__init__.py")
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_page_has_a_title_in_every_language(lang):
    titles = {key: i18n.t(f"nav.{key}", lang) for key in PAGE_FILES}
    assert all(title and title != f"nav.{key}" for key, title in titles.items())
    assert len(set(titles.values())) == len(titles)  # no two pages read the same


def test_a_link_to_a_page_has_its_title_in_the_users_language_and_its_icon(open_page, demo):
    """`page(key)` as the guard links to Workspaces (a product owner on a facilitator's page)."""
    at = open_page("journey_setup", lang="nl", role="owner")
    [link] = at.get("page_link")
    assert (link.proto.page, link.proto.label) == ("workspaces", "Werkruimtes")
    assert link.proto.icon == ":material/folder_open:"
