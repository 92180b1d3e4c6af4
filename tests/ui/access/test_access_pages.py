"""Roles in the app: links for managers and product owners, stakeholders' sign-off, and
nothing of one workspace reachable from another's link."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import (
    CommitmentCreate,
    PassphraseSet,
    SessionCreate,
    SignoffRequest,
    StakeholderJoin,
)
from planner.store.access.grants import get_access, renew_links, set_passphrase
from planner.store.delivery.commitments import commit
from planner.store.delivery.signoff import request_signoff, signoff_status
from planner.store.journey.workspaces import delete_workspace, list_workspaces
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.conftest import APP
from tests.factories import make_journey, saved_version
from tests.ui.conftest import download_links, texts


def visit(**params) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


@pytest.fixture(name="version")
def version_fixture(engine, demo):
    with writing(engine) as db:
        version = saved_version(db, demo.id)
        commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(owner="Team Web", committed_by="Paula", period=0),
        )
        return version


def link(engine, workspace_id, kind):
    with reading(engine) as db:
        access = get_access(db=db, workspace_id=workspace_id)
    return access.viewer_token if kind == "view" else access.owner_token


def test_managers_link_shows_the_roadmap_side_read_only(engine, demo, version):
    at = visit(view=link(engine, demo.id, "view"))
    assert at.session_state["grants"] == {demo.id: "viewer"}
    at.switch_page("planner/ui/pages/roadmap.py").run()
    assert [tab.label for tab in at.tabs] == ["Roadmap", "Table", "Versions"]
    assert not [b for b in at.button if b.key and b.key.startswith("FormSubmitter:save")]
    assert "Excel" in download_links(at)  # managers download
    at.switch_page("planner/ui/pages/commitments.py").run()
    assert "Team Web" in texts(at)
    assert not [f for f in at.button if "status_" in (f.key or "")]  # no status changes
    at.switch_page("planner/ui/pages/signoff.py").run()
    assert not [b for b in at.button if "signoff_request" in (b.key or "")]
    at.switch_page("planner/ui/pages/candidates.py").run()  # hidden: says why, shows nothing
    assert "As manager (read-only) you cannot open this page" in texts(at)
    assert not at.dataframe and not at.get("data_editor")


def test_product_owners_link_changes_commitments_only(engine, demo, version):
    at = visit(owner=link(engine, demo.id, "owner"))
    at.switch_page("planner/ui/pages/commitments.py").run()
    at.selectbox(key="status_to").set_value("in_progress")
    at.text_input(key="status_by").input("Paula")
    at.button(key="FormSubmitter:status_1-Change status").click().run()
    assert "is now in progress" in texts(at)
    at.switch_page("planner/ui/pages/roadmap.py").run()
    assert [tab.label for tab in at.tabs] == ["Roadmap", "Table", "Versions"]
    at.switch_page("planner/ui/pages/signoff.py").run()
    assert not [b for b in at.button if "signoff_request" in (b.key or "")]


def test_a_bad_link_says_so_and_gives_nothing(demo):
    at = visit(view="made-up-token")
    assert "This link does not work" in texts(at)
    assert not at.session_state["grants"]


def test_workspace_b_link_reaches_nothing_of_workspace_a(engine, demo):
    with writing(engine) as db:
        other = make_journey(db, name="Other shop").workspace
    at = visit(view=link(engine, other.id, "view"))
    assert at.session_state["grants"] == {other.id: "viewer"}
    assert at.selectbox(key="workspace_id").options == ["Other shop · manager (read-only)"]
    assert at.session_state["workspace_id"] == other.id
    at.switch_page("planner/ui/pages/matrix.py").run()
    assert demo.name not in texts(at)
    assert "Stock per store on the product page" not in str([d.value for d in at.dataframe])


def forced_rename(role: str) -> None:
    """A page that tries to rename workspace 1 whatever its role (run by AppTest)."""
    import streamlit as st

    from planner.models import WorkspaceUpdate
    from planner.store.journey.workspaces import update_workspace
    from planner.ui.shell.changes import run_change
    from planner.ui.shell.workspace import WORKSPACE_KEY

    st.session_state["grants"] = {1: role}
    st.session_state[WORKSPACE_KEY] = 1
    run_change(
        lambda s: update_workspace(
            db=s, workspace_id=1, workspace_in=WorkspaceUpdate(name="Hijacked")
        ),
        success="renamed",
    )


@pytest.mark.parametrize(
    ("role", "renamed"), [("viewer", False), ("owner", False), ("facilitator", True)]
)
def test_a_change_without_the_role_is_refused_even_if_forced(engine, demo, role, renamed):
    at = AppTest.from_function(forced_rename, args=(role,), default_timeout=30).run()
    assert not at.exception
    with reading(engine) as db:
        names = [w.name for w in list_workspaces(db=db)]
    assert (names == ["Hijacked"]) is renamed
    if not renamed:
        assert "You may not make this change here" in at.error[0].value


def test_stakeholders_sign_off_as_themselves_through_their_personal_link(engine, demo, version):
    with writing(engine) as db:
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[1],
        )
        join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Bert"))
        ann = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    at = visit(me=ann.token)  # the personal link, on any device
    at.switch_page("planner/ui/pages/signoff.py").run()
    assert at.selectbox(key="signoff_who").options == ["Ann"]  # not Bert
    at.button(key="FormSubmitter:signoff_answer-Send my answer").click().run()
    assert "Thank you, Ann" in texts(at)
    with reading(engine) as db:
        status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.total) == (1, 2)
    assert not at.session_state.get("grants")  # a stakeholder holds no workspace grant


@pytest.mark.parametrize(
    ("role", "page", "revoke"),
    [
        ("owner", "commitments", "links"),
        ("viewer", "roadmap", "links"),
        ("facilitator", "candidates", "passphrase"),
        ("facilitator", "candidates", "delete"),
    ],
)
def test_revocation_ends_open_sessions_at_their_next_click(
    open_page, demo, engine, version, role, page, revoke
):
    """New links, a new passphrase or a deleted workspace: the next run of an open
    session finds its grant gone, says so, and can no longer act."""
    at = open_page(page, role=role)
    assert at.session_state["grants"] == {demo.id: role}
    if page == "commitments":  # a saved version: the product owner could commit to it
        assert [b for b in at.button if b.key and "commit_form" in b.key]
    with writing(engine) as db:
        if revoke == "links":
            renew_links(db=db, workspace_id=demo.id)
        elif revoke == "passphrase":
            set_passphrase(
                db=db,
                workspace_id=demo.id,
                passphrase_in=PassphraseSet(passphrase="a new one, long"),
            )
        else:
            delete_workspace(db=db, workspace_id=demo.id)
    at.run()
    assert not at.exception
    assert not at.session_state["grants"]
    assert "You were signed out of a workspace" in texts(at)
    assert not [b for b in at.button if b.key and "commit_form" in b.key]  # nothing to act on
