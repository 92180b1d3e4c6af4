"""AppTest fixtures: the app against this test's own database."""

import html
import re
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from planner.core import i18n
from planner.core.db import make_engine, reading
from planner.store.access.grants import current_proofs
from planner.store.journey.workspaces import list_workspaces
from planner.ui.access.grants import PROOFS_KEY
from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY
from tests.conftest import APP


def workspace_ids(database_url: str) -> list[int]:
    engine = make_engine(database_url)
    with reading(engine) as db:
        ids = [w.id for w in list_workspaces(db=db, include_archived=True)]
    engine.dispose()
    return ids


def proofs(database_url: str, held: dict[int, str]) -> dict[int, str]:
    """The proofs the grants would carry had they been given by signing in or a link."""
    engine = make_engine(database_url)
    with reading(engine) as db:
        now = current_proofs(db=db, roles=held)
    engine.dispose()
    return now


@pytest.fixture(name="open_page")
def open_page_fixture(database_url):
    """Open a page of the app (path relative to app.py) in a fresh AppTest session.

    The session holds `role` in every workspace that exists by then (as if signed in or
    come by link); `role=None` is a visitor who came in with nothing.
    """

    def open_page(page: str, lang: str = "en", role: str | None = "facilitator") -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=30)
        at.session_state["lang"] = lang
        if role is not None:
            held = {i: role for i in workspace_ids(database_url)}
            at.session_state[GRANTS_KEY] = held
            at.session_state[PROOFS_KEY] = proofs(database_url, held)
            at.session_state[ACTOR_KEY] = "Eva"
        at.run()
        at.switch_page(f"planner/ui/pages/{page}.py").run()
        assert not at.exception
        return at

    return open_page


def open_tab(at: AppTest, key: str, label: str) -> AppTest:
    """Select the tab `label` of the tabs keyed `key` (as a click on it does) and rerun:
    a page runs only its open tab."""
    at.session_state[key] = label
    at.run()
    assert not at.exception
    return at


# Pages whose tabs run only while open: the tabs' key and each tab's catalog key.
LAZY_TABS = {
    "matrix": ("matrix_tab", ["matrix.tab_chart", "matrix.per_quadrant", "matrix.value_map"]),
    "roadmap": (
        "roadmap_tab",
        ["roadmap.tab_plan", "roadmap.tab_table", "roadmap.tab_edit", "roadmap.tab_versions"],
    ),
}


def every_tab(at: AppTest, page: str, lang: str = "en") -> Iterator[AppTest]:
    """The page as it opens, then with each of its other lazy tabs open in turn."""
    yield at
    key, labels = LAZY_TABS.get(page, ("", []))
    for label in labels[1:]:
        yield open_tab(at, key, i18n.t(label, lang))


def texts(at: AppTest) -> str:
    """Every text the page shows in markdown, captions, alerts and headings, joined."""
    parts = [
        e.value
        for kind in (
            "markdown",
            "caption",
            "error",
            "success",
            "info",
            "warning",
            "title",
            "subheader",
            "header",
        )
        for e in getattr(at, kind)
    ]
    # Markdown shows an escaped character as the character itself.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def widget_key(at: AppTest, name: str) -> str:
    """The current key of a widget drawn with `versioned_key(name)`."""
    return f"{name}_{at.session_state.get(f'{name}__version', 0)}"


def labelled(widgets, label: str):
    """The one widget of this kind labelled `label` (widgets without a key of their own:
    found by what the user reads, never by position)."""
    [widget] = [w for w in widgets if w.label == label]
    return widget


def download_links(at: AppTest) -> dict[str, str]:
    """The page's download links (planner.ui.downloads): label -> address."""
    found = {}
    for element in at.get("html"):
        for anchor in re.finditer(
            r'<a href="([^"]+)"[^>]*>.*?</span>([^<]*)</a>', element.proto.body
        ):
            found[html.unescape(anchor[2])] = html.unescape(anchor[1])
    return found


def follow(address: str):
    """What the download route answers to a link (as the browser following it gets)."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from planner.ui.downloads.route import ROUTES

    with TestClient(Starlette(routes=ROUTES)) as client:
        return client.get(address)
