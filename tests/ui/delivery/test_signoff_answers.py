"""The Sign-off page: answers recorded in the room say who recorded them, the stakeholder
sees it on their own page and replaces it, and a workspace can switch them off."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import SessionCreate, SignoffCreate, SignoffRequest, StakeholderJoin
from planner.store.delivery.signoff import on_behalf_allowed, request_signoff, sign, signoff_status
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.conftest import APP
from tests.factories import saved_version
from tests.ui.conftest import texts

PAGE = "planner/ui/pages/signoff.py"


@pytest.fixture(name="requested")
def requested_fixture(engine, demo):
    """Q1 plan up for sign-off; Ann and Bert joined a session (personal links: tokens)."""
    with writing(engine) as db:
        version = saved_version(db, demo.id)
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[1],
        )
        people = {
            name: join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))
            for name in ("Ann", "Bert")
        }
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Paula"))
    return version, people


def answer(engine, version, joined, decision, comment="", actor=None):
    with writing(engine) as db:
        sign(
            db=db,
            version_id=version.id,
            stakeholder_id=joined.stakeholder.id,
            signoff_in=SignoffCreate(decision=decision, comment=comment),
            actor=actor,
        )


def recorded_by(engine, version) -> dict[str, str | None]:
    with reading(engine) as db:
        answers = signoff_status(db=db, version_id=version.id).answers
    return {
        name: by if isinstance(by, str) else None
        for name, by, decision in zip(
            answers["name"], answers["recorded_by"], answers["decision"], strict=True
        )
        if isinstance(decision, str)
    }


def answers_table(at: AppTest, heading: str = "Stakeholder"):
    """The sign-off table (the page also shows the version's roadmap), by stakeholder."""
    [table] = [d.value for d in at.dataframe if heading in d.value.columns]
    return table.set_index(heading)


def submit(at: AppTest, label: str) -> AppTest:
    at.button(key=f"FormSubmitter:signoff_answer-{label}").click().run()
    assert not at.exception
    return at


def as_stakeholder(joined) -> AppTest:
    """The stakeholder's own Sign-off page, opened through their personal link."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_a_facilitator_records_an_answer_that_names_them(open_page, engine, requested):
    version, people = requested
    at = open_page("signoff")
    assert "Saved as “recorded by Eva in the room”" in texts(at)
    at.selectbox(key="signoff_who").set_value(people["Ann"].stakeholder.id)
    submit(at, "Record the answer")
    assert "Answer of Ann recorded by Eva, as given in the room." in texts(at)
    assert recorded_by(engine, version) == {"Ann": "Eva"}
    table = answers_table(at)
    assert table.loc["Ann", "Entered"] == "recorded by Eva in the room"
    assert table.loc["Bert", "Entered"] == ""  # no answer yet
    assert "1 answer was recorded by a facilitator in the room" in texts(at)


def test_the_table_in_dutch(open_page, engine, requested):
    version, people = requested
    answer(engine, version, people["Ann"], "approve", actor="Eva")
    answer(engine, version, people["Bert"], "object", "Te laat", actor=None)
    at = open_page("signoff", lang="nl")
    table = answers_table(at)
    assert table.loc["Ann", "Ingevoerd"] == "vastgelegd door Eva in de zaal"
    assert table.loc["Bert", "Ingevoerd"] == "eigen antwoord"


def test_an_answer_a_stakeholder_gave_themselves_is_not_offered(open_page, engine, requested):
    version, people = requested
    answer(engine, version, people["Bert"], "approve")
    at = open_page("signoff")
    assert at.selectbox(key="signoff_who").options == ["Ann"]
    answer(engine, version, people["Ann"], "approve")
    at.run()
    assert "Every stakeholder has answered through their own link" in texts(at)
    assert not at.get("selectbox") or not [s for s in at.selectbox if s.key == "signoff_who"]


def test_the_stakeholder_sees_what_was_recorded_for_them_and_replaces_it(engine, requested):
    version, people = requested
    answer(engine, version, people["Ann"], "approve", actor="Eva")
    at = as_stakeholder(people["Ann"])
    [warning] = [w.value for w in at.warning if "for you in the room" in w.value]
    assert warning.startswith("Eva recorded “Approve” for you in the room on ")
    assert at.selectbox(key="signoff_who").options == ["Ann"]
    assert not [t for t in at.toggle if t.key == "signoff_on_behalf"]  # not theirs to change
    at.radio(key="signoff_decision").set_value("object")
    at.text_area(key="signoff_comment").input("I asked for the store items first")
    submit(at, "Send my answer")
    assert "Thank you, Ann: your answer is saved." in texts(at)
    assert recorded_by(engine, version) == {"Ann": None}
    assert not [w for w in at.warning if "for you in the room" in w.value]
    assert "Ann objects: I asked for the store items first" in texts(at)


def test_a_stakeholder_who_answered_themselves_sees_no_notice(engine, requested):
    version, people = requested
    answer(engine, version, people["Bert"], "approve", actor="Eva")  # Bert's, not Ann's
    at = as_stakeholder(people["Ann"])
    assert not [w for w in at.warning if "for you in the room" in w.value]


def test_the_facilitator_switches_answers_on_someones_behalf_off(
    open_page, engine, demo, requested
):
    version, people = requested
    answer(engine, version, people["Ann"], "approve", actor="Eva")
    at = open_page("signoff")
    at.toggle(key="signoff_on_behalf").set_value(False).run()
    assert not at.exception
    with reading(engine) as db:
        assert not on_behalf_allowed(db=db, workspace_id=demo.id)
    assert "Answers on someone's behalf are off in this workspace" in texts(at)
    assert not [b for b in at.button if b.key == "FormSubmitter:signoff_answer-Record the answer"]
    # what was recorded before stays, marked
    table = answers_table(at)
    assert table.loc["Ann", "Entered"] == "recorded by Eva in the room"
    at.toggle(key="signoff_on_behalf").set_value(True).run()
    assert [b for b in at.button if b.key == "FormSubmitter:signoff_answer-Record the answer"]
