"""The demo on the Workspaces page: named, explained, one click into it as facilitator on
the machine that runs the app, a marked read-only tour from elsewhere."""

import pytest

from planner.core.db import reading
from planner.core.i18n import t
from planner.demo import DEMO_NAME, find_demo
from planner.store.audit import audit_log
from planner.store.journey.workspaces import list_workspaces
from planner.ui.access import grants
from tests.ui.conftest import texts

HERE, ELSEWHERE = "127.0.0.1", "203.0.113.9"


@pytest.fixture(name="visitor_at")
def visitor_at_fixture(monkeypatch):
    """Set where the visitor's browser connects from (as the server would see it)."""

    def visitor_at(address: str | None) -> None:
        monkeypatch.setattr(grants, "peer", lambda: address)

    return visitor_at


def open_demo(at, name: str = ""):
    if name:
        at.text_input(key="demo_actor").input(name)
    at.button(key="open_demo").click().run()
    assert not at.exception
    return at


def log_of(engine, workspace_id: int) -> list[list[str]]:
    with reading(engine) as db:
        return audit_log(db=db, workspace_id=workspace_id)[["actor", "action"]].values.tolist()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_first_page_names_the_demo_and_says_what_next(open_page, demo, visitor_at, lang):
    visitor_at(HERE)
    shown = texts(open_page("workspaces", lang=lang, role=None))
    assert t("demo.title", lang) in shown
    assert DEMO_NAME in shown
    assert t("demo.as_here", lang) in shown
    assert t("demo.next_facilitator", lang) in shown
    assert t("workspaces.none", lang) in shown
    assert "No workspaces yet" not in shown


def test_on_this_machine_one_click_opens_the_matrix_as_facilitator(
    open_page, demo, engine, visitor_at
):
    visitor_at(HERE)
    at = open_demo(open_page("workspaces", role=None))
    assert at.session_state["grants"] == {demo.id: "facilitator"}
    assert at.session_state["workspace_id"] == demo.id
    assert at.title[0].value == t("matrix.title")
    assert t("demo.welcome_facilitator") in texts(at)
    assert log_of(engine, demo.id) == [[t("demo.someone"), t("demo.opened_here")]]
    at.switch_page("planner/ui/pages/scoring_session.py").run()  # a facilitator's page
    assert not at.exception
    assert t("workspace.sign_in_first") not in texts(at)


def test_the_name_given_goes_into_the_log(open_page, demo, engine, visitor_at):
    visitor_at(HERE)
    at = open_demo(open_page("workspaces", role=None), name="  Ann\x07 ")
    assert at.session_state["actor"] == "Ann"
    assert log_of(engine, demo.id) == [["Ann", t("demo.opened_here")]]


@pytest.mark.parametrize("address", [ELSEWHERE, "10.0.0.7", None])
def test_from_elsewhere_it_is_a_marked_read_only_tour(open_page, demo, engine, visitor_at, address):
    visitor_at(address)
    at = open_page("workspaces", role=None)
    assert t("demo.as_tour") in texts(at)
    assert "demo_actor" not in [field.key for field in at.text_input]  # no name to ask
    open_demo(at)
    assert at.session_state["grants"] == {demo.id: "viewer"}
    assert at.title[0].value == t("matrix.title")
    assert t("demo.tour_note") in texts(at)  # in the sidebar, on every page
    assert log_of(engine, demo.id) == []  # a look around changes nothing
    at.switch_page("planner/ui/pages/candidates.py").run()
    assert t("workspace.not_for_role", role=t("role.viewer")) in texts(at)


@pytest.mark.parametrize(
    ("setting", "address", "role", "reason"),
    [
        ("open", ELSEWHERE, "facilitator", "demo.opened_open"),
        ("open", HERE, "facilitator", "demo.opened_open"),
        ("tour", HERE, "viewer", None),
        ("local", ELSEWHERE, "viewer", None),
        ("", HERE, "facilitator", "demo.opened_here"),
    ],
)
def test_the_installation_may_open_it_to_all_or_to_none(
    open_page, demo, engine, visitor_at, monkeypatch, setting, address, role, reason
):
    monkeypatch.setenv("PLANNER_DEMO", setting)
    visitor_at(address)
    at = open_demo(open_page("workspaces", role=None))
    assert at.session_state["grants"] == {demo.id: role}
    assert log_of(engine, demo.id) == ([[t("demo.someone"), t(reason)]] if reason else [])


@pytest.mark.parametrize(("address", "role"), [(HERE, "facilitator"), (ELSEWHERE, "viewer")])
def test_a_deleted_demo_is_loaded_and_opened_the_same_way(
    open_page, engine, visitor_at, address, role
):
    visitor_at(address)
    at = open_page("workspaces", role=None)
    assert t("demo.missing") in texts(at)
    open_demo(at)
    with reading(engine) as db:
        [demo] = list_workspaces(db=db)
    assert demo.name == DEMO_NAME
    assert at.session_state["grants"] == {demo.id: role}
    assert at.title[0].value == t("matrix.title")


def test_only_its_facilitator_may_make_the_demo_afresh(open_page, demo, engine, visitor_at):
    visitor_at(ELSEWHERE)
    assert "load_demo" not in [b.key for b in open_page("workspaces", role=None).button]
    at = open_page("workspaces")  # signed in as its facilitator
    at.button(key="load_demo").click().run()
    assert t("demo.remade") in texts(at)
    with reading(engine) as db:
        remade = find_demo(db=db)
    assert remade.created_at > demo.created_at  # made anew
    assert at.session_state["grants"] == {remade.id: "facilitator"}


def test_for_someone_in_a_workspace_the_demo_is_folded_away(open_page, demo, visitor_at):
    visitor_at(HERE)
    at = open_page("workspaces")
    assert [e.label for e in at.expander if e.label == t("demo.title")] == [t("demo.title")]
    open_demo(at)
    assert at.session_state["grants"] == {demo.id: "facilitator"}
