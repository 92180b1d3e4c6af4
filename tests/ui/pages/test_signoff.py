"""Sign-off page: a request, answers and objections; in Dutch, user text not read as
Markdown."""

from planner.core.db import reading, writing
from planner.models import SignoffRequest
from planner.store.delivery.signoff import request_signoff, signoff_status
from tests.ui.conftest import texts
from tests.ui.pages.test_commitments import (
    submit,
    version_fixture,  # noqa: F401 (a fixture)
)


def test_signoff_request_answers_and_objections(open_page, engine, version):
    at = open_page("signoff")
    assert "not up for sign-off yet" in texts(at)
    at.text_input(key="signoff_request_by").input("Eva")
    submit(at, "signoff_request", "Request sign-off")
    assert "Sign-off of “Q1 plan” requested." in texts(at)
    assert at.selectbox(key="signoff_who").options == ["Ann", "Bert"]
    with reading(engine) as db:
        ann, bert = signoff_status(db=db, version_id=version.id).answers["stakeholder_id"]
    at.selectbox(key="signoff_who").set_value(ann)
    submit(at, "signoff_answer", "Record the answer")
    assert "Answer of Ann recorded by Eva, as given in the room." in texts(at)
    at.selectbox(key="signoff_who").set_value(bert)
    at.radio(key="signoff_decision").set_value("object")
    submit(at, "signoff_answer", "Record the answer")
    assert "Comment is required with an objection" in texts(at)
    at.text_area(key="signoff_comment").input("Store items come too late")
    submit(at, "signoff_answer", "Record the answer")
    assert at.get("progress")[0].proto.text == "1 of 2 approved"
    assert "Bert objects (recorded by Eva in the room): Store items come too late" in texts(at)
    with reading(engine) as db:
        status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.total) == (1, 2)


def test_signoff_in_dutch_and_user_text_is_not_markdown(open_page, engine, version):
    with writing(engine) as db:
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="**Eva**"))
    at = open_page("signoff", lang="nl")
    assert "Goedkeuring gevraagd door **Eva**" in texts(at)
    assert at.get("progress")[0].proto.text == "0 van 2 akkoord"
