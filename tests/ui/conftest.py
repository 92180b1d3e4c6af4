"""AppTest fixtures: the app against this test's own database."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP


@pytest.fixture(name="open_page")
def open_page_fixture(database_url):
    """Open a page of the app (path relative to app.py) in a fresh AppTest session."""

    def open_page(page: str, lang: str = "en") -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=30)
        at.session_state["lang"] = lang
        at.run()
        at.switch_page(f"planner/ui/pages/{page}.py").run()
        assert not at.exception
        return at

    return open_page


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
