"""Joining: the page names the session and the workspace, speaks the workspace's language,
offers its roles to choose from; the facilitator shows the join link as a QR code."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import RoleWeightCreate, WorkspaceUpdate
from planner.store.journey.workspaces import update_workspace
from planner.store.scoring.scoring_model import set_role_weights
from planner.store.scoring.sessions import participants
from tests.conftest import APP
from tests.factories import demo_session
from tests.ui.conftest import texts


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    return demo_session(engine, demo.id, "Buying workshop", [1, 2, 3])


def by_link(code: str) -> AppTest:
    """A stakeholder opening the join link: no language chosen yet."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = code
    at.run()
    assert not at.exception
    return at


def test_the_join_page_names_the_session_and_the_workspace(scoring, demo):
    at = by_link(scoring.code)
    assert f"You are joining “Buying workshop” of {demo.name}." in texts(at)
    assert at.session_state["lang"] == "en"


def test_a_dutch_workspace_greets_its_stakeholders_in_dutch(scoring, demo, engine):
    with writing(engine) as db:
        update_workspace(db=db, workspace_id=demo.id, workspace_in=WorkspaceUpdate(language="nl"))
    at = by_link(scoring.code)
    assert at.title[0].value == "Meedoen aan een scoresessie"
    assert f"Je doet mee aan “Buying workshop” van {demo.name}." in texts(at)
    at.selectbox[0].set_value("en").run()  # their own choice wins from then on
    assert at.title[0].value == "Join a scoring session"


def test_an_unknown_code_names_nothing(scoring):
    at = by_link("ZZZZZZ")
    assert "You are joining" not in texts(at)
    assert at.text_input(key="join_code").value == "ZZZZZZ"


def test_stakeholders_choose_their_role_from_the_workspaces_list(scoring, demo, engine):
    with writing(engine) as db:
        set_role_weights(
            db=db,
            workspace_id=demo.id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("IT", "Marketing")],
        )
    at = by_link(scoring.code)
    assert not [w for w in at.text_input if w.key == "join_role"]  # no free text
    at.text_input(key="join_name").input("Anna")
    at.button(key="FormSubmitter:join-Join").click().run()
    assert "Choose your role: one of IT, Marketing." in texts(at)
    assert at.selectbox(key="join_role_choice").options == ["IT", "Marketing"]
    at.selectbox(key="join_role_choice").set_value("Marketing")
    at.button(key="FormSubmitter:join-Join").click().run()
    assert not at.exception
    with reading(engine) as db:
        [anna] = participants(db=db, session_id=scoring.id)
    assert (anna.name, anna.role) == ("Anna", "Marketing")


def test_a_name_taken_again_and_again_is_no_guess_at_the_code(scoring, engine):
    """Only wrong codes are slowed down: seven tries of a taken name are each told so."""
    at = by_link(scoring.code)
    at.text_input(key="join_name").input("Anna")
    at.button(key="FormSubmitter:join-Join").click().run()
    at = by_link(scoring.code)  # another browser, the same address
    at.text_input(key="join_name").input("anna")
    for _ in range(7):
        at.button(key="FormSubmitter:join-Join").click().run()
        [error] = [e.value for e in at.error]
        assert "already joined" in error and "Too many tries" not in error
    at.text_input(key="join_name").input("Anna B.")
    at.button(key="FormSubmitter:join-Join").click().run()
    with reading(engine) as db:
        names = {p.name for p in participants(db=db, session_id=scoring.id)}
    assert names == {"Anna", "Anna B."}


def test_the_facilitator_shows_the_join_link_as_a_qr_code(open_page, scoring):
    at = open_page("scoring_session")
    [image] = at.get("image")  # read back in Chromium: tests/e2e/test_join_qr.py
    assert image.proto.imgs[0].caption == "Scan to join"


def dutch(engine, workspace_id: int) -> None:
    with writing(engine) as db:
        update_workspace(
            db=db, workspace_id=workspace_id, workspace_in=WorkspaceUpdate(language="nl")
        )


def menu(at: AppTest) -> list[str]:
    """The titles of the navigation's pages (AppTest keeps them, privately)."""
    return [page["page_name"] for page in at._registered_pages.values()]


def test_the_menu_from_a_join_link_speaks_the_workspaces_language(scoring, demo, engine):
    """The very first page: the menu is drawn after the language is known."""
    dutch(engine, demo.id)
    assert menu(by_link(scoring.code)) == ["Stemmen", "Goedkeuring"]


def with_typed_code(code: str, choose: str | None = None) -> AppTest:
    """A visitor who opens the app, maybe chooses a language, and joins on the Vote page
    with the code typed (no join link)."""
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    if choose is not None:
        at.selectbox(key="lang").set_value(choose).run()
    at.switch_page("planner/ui/pages/vote.py").run()
    at.text_input(key="join_code").input(code)
    at.text_input(key="join_name").input("Anna")
    at.text_input(key="join_role").input("Sales")
    next(b for b in at.button if b.key.startswith("FormSubmitter:join")).click().run()
    assert not at.exception
    return at


def test_a_typed_code_gives_the_ballot_the_workspaces_language(scoring, demo, engine):
    dutch(engine, demo.id)
    at = with_typed_code(scoring.code)
    assert at.session_state["lang"] == "nl"
    assert "Je bent Anna" in texts(at)
    assert menu(at) == ["Stemmen", "Goedkeuring"]


def test_a_language_chosen_before_joining_stays(scoring, demo):
    """The workspace is English; the visitor chose Dutch before joining."""
    at = with_typed_code(scoring.code, choose="nl")
    assert at.session_state["lang"] == "nl"
