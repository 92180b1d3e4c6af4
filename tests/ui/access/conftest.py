"""The simulated browser of the access tests: its cookie jar, and reloads as new sessions."""

import pytest
import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from planner.core.db import reading
from planner.models import SignInRecord
from planner.ui import nav
from planner.ui.access import cookies
from planner.ui.access.remembered import HANDOVER_KEY
from tests.conftest import APP

TOKEN = "b" * 43  # this browser's planner_visit cookie before anyone signs in
OTHER_BROWSER = "c" * 43


@pytest.fixture(name="browser")
def browser_fixture(monkeypatch):
    """The cookies the (simulated) browser sends; change them between visits. A new
    sign-in's token reaches them as the page's request to /api/sign-in/cookie would."""
    jar = {"planner_visit": TOKEN}

    def hand_over() -> None:
        if HANDOVER_KEY in st.session_state:
            jar["planner_visit"] = st.session_state.pop(HANDOVER_KEY)

    monkeypatch.setattr(cookies, "read", jar.get)
    monkeypatch.setattr(nav, "hand_over", hand_over)
    return jar


def visit(page: str | None = None, **params) -> AppTest:
    """Open the app as a reload would: a new browser session, at `page` if given."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(f"planner/ui/pages/{page}.py").run()
    assert not at.exception
    return at


def records(engine) -> list[SignInRecord]:
    with reading(engine) as db:
        return list(db.scalars(select(SignInRecord)))
