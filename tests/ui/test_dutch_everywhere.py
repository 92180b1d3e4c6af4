"""Dutch everywhere: every page of a used Dutch workspace, for each role that can reach it,
with its lazy tabs, panels and the presenter's boards, says nothing in the English of our
catalog and writes no number with a decimal point.

What is read: every string of every element the page sends (labels, values, help,
placeholders, options, tabs, expanders, metrics; the strings of a chart's spec and of a
component's data), the texts of every table, the values of text fields, and the download
links' labels and file names. Streamlit's own words that the app cannot set are listed,
with why, in KNOWN_EXCEPTIONS (the browser test reads the page as drawn, chrome and all).
"""

import json
import re
from collections.abc import Iterator

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from planner.ui.tables import MISSING
from tests.conftest import APP
from tests.dutch import problems, strings, typed_texts, used_dutch_workspace
from tests.ui.conftest import download_links, open_tab
from tests.ui.test_pages_smoke import FACILITATOR_PAGES, SHARED_PAGES


def titles(spec: object) -> Iterator[str]:
    """The titles of a Vega-Lite spec: axes, legends, tooltips, headers, the chart."""
    if isinstance(spec, dict):
        for name, item in spec.items():
            if name == "title" and isinstance(item, str):
                yield item
            elif name not in ("datasets", "config"):
                yield from titles(item)
    elif isinstance(spec, list):
        for item in spec:
            yield from titles(item)


def table_texts(table) -> list[str]:
    """A table's headings and text cells as shown: a column's label from its config (else
    its name), a choice cell by its option's label."""
    config = json.loads(table.proto.columns or "{}")
    frame = table.value if isinstance(table.value, pd.DataFrame) else pd.DataFrame()
    found = []
    for column in frame.columns:
        typed = config.get(str(column)) or {}
        found.append(typed.get("label") or str(column))
        options = (typed.get("type_config") or {}).get("options") or []
        named = {o["value"]: o.get("label", o["value"]) for o in options if isinstance(o, dict)}
        found += [named.get(v, v) for v in frame[column].tolist() if isinstance(v, str)]
    return found


def elements(node) -> Iterator:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from elements(child)


def shown(at: AppTest) -> list[str]:
    """What a person reads on the page (see the module); Markdown's escapes undone."""
    found: list[str] = []
    for element in elements(at._tree):
        proto = getattr(element, "proto", None)
        kind = getattr(element, "type", "")
        if proto is None or kind == "html":  # styles and scripts; links read below
            continue
        found += strings(proto)
    for table in at.dataframe:
        found += table_texts(table)
    for chart in at.get("vega_lite_chart"):
        found += titles(json.loads(chart.proto.spec))
    found += [w.value for w in (*at.text_input, *at.text_area) if isinstance(w.value, str)]
    for label, address in download_links(at).items():
        found += [label, *re.findall(r"name=([^&]+)", address)]
    return [re.sub(r"\\(.)", r"\1", text) for text in found if text]


def charts_in_dutch(at: AppTest) -> list[str]:
    """The charts of the page not drawn in the Dutch locale (decimal comma)."""
    wrong = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if spec.get("config", {}).get("locale", {}).get("number", {}).get("decimal") != ",":
            wrong.append(chart.proto.spec[:80])
    return wrong


def read_only_gaps_named(table) -> bool:
    """A table (not an editor) shows its empty cells as the app says, not Streamlit's
    English "None"."""
    return table.proto.editing_mode != table.proto.READ_ONLY or table.proto.placeholder == MISSING


class Reader:
    """Opens pages in Dutch as one role, and keeps what each showed."""

    def __init__(self, open_page, role: str, typed: set[str]) -> None:
        self.open_page, self.role, self.typed = open_page, role, typed
        self.texts: dict[str, list[str]] = {}
        self.charts: list[str] = []
        self.nones: list[str] = []  # pages with a table that would write "None"
        self.pickers: list[str] = []  # multiselects with Streamlit's English in them

    def read(self, name: str, at: AppTest) -> AppTest:
        assert not at.exception, (name, at.exception)
        self.texts.setdefault(name, []).extend(shown(at))
        self.charts += charts_in_dutch(at)
        self.nones += [name for table in at.dataframe if not read_only_gaps_named(table)]
        # Streamlit's own "Choose options" and "Select all": ours in their place, or none
        self.pickers += [f"{name}: {box.label}" for box in at.multiselect if box.proto.select_all]
        self.pickers += [
            f"{name}: {box.label}" for box in at.multiselect if not box.proto.placeholder
        ]
        return at

    def page(self, page: str, **session) -> AppTest:
        at = self.open_page(page, lang="nl", role=self.role)
        if session:
            for key, value in session.items():
                at.session_state[key] = value
            at.run()
        return self.read(page, at)

    def report(self) -> list[tuple[str, str, str]]:
        return [
            (page, what, text)
            for page, texts in self.texts.items()
            for what, text in problems(texts, self.typed)
        ]


def every_tab(reader: Reader, page: str, key: str, **session) -> None:
    """The page, and each of its lazy tabs open in turn."""
    at = reader.page(page, **session)
    for label in [tab.label for tab in at.tabs][1:]:
        reader.read(page, open_tab(at, key, label))


def facilitator(reader: Reader, used) -> None:
    for page in FACILITATOR_PAGES + SHARED_PAGES:
        if page in ("matrix", "roadmap"):
            continue
        reader.page(page)
    every_tab(reader, "matrix", "matrix_tab")
    every_tab(reader, "roadmap", "roadmap_tab")
    at = reader.page("roadmap", roadmap_settings=True, compare_open=True)
    reader.read("roadmap", at)
    reader.page("scoring_session", scoring_session_id=used.revealed)
    reader.page("commitments", commitment_open=used.done_id)
    for session in (used.revealed, used.voting):
        at = reader.open_page("workspaces", lang="nl", role="facilitator")
        at.query_params["session"] = str(session)
        at.switch_page("planner/ui/pages/presenter.py").run()
        reader.read("presenter", at)


def link_holder(reader: Reader, used) -> None:
    reader.page("workspaces")
    for page in SHARED_PAGES:
        if page in ("matrix", "roadmap"):
            continue
        reader.page(page)
    every_tab(reader, "matrix", "matrix_tab")
    every_tab(reader, "roadmap", "roadmap_tab")
    reader.page("commitments", commitment_open=used.done_id)


def stakeholder(reader: Reader, used) -> None:
    """A stakeholder by their personal link (the revealed round), and one joining the
    round that votes by its link."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = used.stakeholder_token
    reader.read("vote", at.run())
    reader.read("signoff", at.switch_page("planner/ui/pages/signoff.py").run())
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = used.voting_code
    reader.read("vote", at.run())
    at.text_input(key="join_name").input("Fleur")
    at.text_input(key="join_role").input("Winkel")
    at.button(key="FormSubmitter:join-Meedoen").click().run()
    reader.read("vote", at)


ROLES = {
    "facilitator": facilitator,
    "viewer": link_holder,
    "owner": link_holder,
    "stakeholder": stakeholder,
}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_speaks_dutch(open_page, engine, demo, role):
    """Each page this role reaches, in a used Dutch workspace: no English of the catalog,
    no decimal point, every chart in the Dutch locale."""
    used = used_dutch_workspace(engine, demo.id)
    reader = Reader(open_page, role, typed_texts(engine, demo.id))
    ROLES[role](reader, used)
    assert sum(len(texts) for texts in reader.texts.values()) > 200  # the reader sees
    assert reader.report() == []
    assert reader.charts == []
    assert reader.nones == []
    assert reader.pickers == []
