"""Every page runs without an exception, empty and with the demo loaded, for each role."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.access.roles import MENUS, ROADMAP_SIDE, Role
from planner.core.i18n import catalog
from planner.ui.page_files import PAGE_FILES
from tests.conftest import APP
from tests.ui.conftest import every_tab, texts

# Scripts of the pages each role's menu lists (planner.access.roles); presenter opens by
# address from the Scoring session page.
FACILITATOR_PAGES = [
    PAGE_FILES[key][0]
    for section, keys in MENUS[Role.FACILITATOR].items()
    if section not in ROADMAP_SIDE
    for key in keys
] + ["presenter"]
SHARED_PAGES = [PAGE_FILES[key][0] for keys in ROADMAP_SIDE.values() for key in keys]


# English texts of our catalog that differ in Dutch: none may show on a Dutch page.
ENGLISH_ONLY = {
    text
    for key, text in catalog("en").items()
    if text != catalog("nl")[key] and "{" not in text and len(text) >= 4
}


def shown_strings(node) -> set[str]:
    """Every text an element shows: its value, label, help, placeholder and options."""
    found: set[str] = set()
    proto = getattr(node, "proto", None)
    if proto is not None:
        for name in ("body", "label", "help", "placeholder"):
            if isinstance(value := getattr(proto, name, None), str) and value:
                found.add(value)
        found.update(str(option) for option in getattr(proto, "options", ()) or ())
    for child in getattr(node, "children", {}).values():
        found |= shown_strings(child)
    return found


@pytest.mark.parametrize("page", FACILITATOR_PAGES + SHARED_PAGES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_page_runs_with_demo(open_page, demo, page, lang):
    """Each page renders the demo workspace in both languages, each of its lazy tabs
    too; in Dutch no text of our English catalog shows (a text the code forgot to
    translate, or hard-coded)."""
    shown, boxes = set(), []
    for at in every_tab(open_page(page, lang), page, lang):
        shown |= shown_strings(at._tree)
        boxes += at.multiselect
    assert len(shown) > 5  # the collector sees the page's texts
    if lang == "nl":
        assert sorted(shown & ENGLISH_ONLY) == []
        # Streamlit's own placeholder is English ("Choose options"): ours is given.
        assert all(box.proto.placeholder for box in boxes)
    else:
        assert shown & ENGLISH_ONLY  # and would see English ones


@pytest.mark.parametrize("role", ["viewer", "owner"])
@pytest.mark.parametrize("page", ["workspaces", *SHARED_PAGES])
def test_link_roles_reach_the_roadmap_side(open_page, demo, role, page):
    shown = texts(open_page(page, role=role))
    assert "you cannot open this page here" not in shown
    assert "Sign in to see this page" not in shown


@pytest.mark.parametrize("role", ["viewer", "owner", None])
@pytest.mark.parametrize("page", [p for p in FACILITATOR_PAGES[1:] if p != "import_candidates"])
def test_facilitator_pages_are_out_of_reach_without_the_passphrase(open_page, demo, role, page):
    at = open_page("workspaces", role=role)
    at.switch_page(f"planner/ui/pages/{page}.py").run()
    assert not at.exception
    shown = texts(at)
    if role is None:  # signed out: told to sign in, with the form on the page itself
        assert "Sign in to see this page" in shown
        assert at.text_input(key="sign_in_passphrase")
    else:
        assert "you cannot open this page here" in shown
    assert len(at.main) < 12  # nothing of the page itself


def test_a_visitor_sees_only_the_way_in(database_url, demo):
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert not at.exception
    assert demo.name not in str([e.value for e in at.get("dataframe")])
    assert [t.label for t in at.tabs][:2] == ["Open as facilitator", "New workspace"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_empty_database_shows_the_way_in(open_page, lang):
    """Without workspaces there is nothing else to reach: sign in or make one."""
    at = open_page("workspaces", lang)
    assert len(at.tabs) == 3 and at.info
