import pandas as pd
import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import SignoffCreate, SignoffRequest
from planner.store.delivery.signoff import (
    allow_on_behalf,
    approvals,
    on_behalf_allowed,
    request_signoff,
    sign,
    signoff_status,
)
from planner.store.roadmap.versions import delete_version, open_version, update_version
from tests.factories import add_stakeholders, make_journey, saved_version

pytestmark = pytest.mark.storage


@pytest.fixture(name="version")
def version_fixture(db, demo):
    return saved_version(db, demo.id)


@pytest.fixture(name="people")
def people_fixture(db, demo):
    return add_stakeholders(db, demo.id, "Ann", "Bert", "Cor")


def answer(db, version, person, decision, comment="", actor=None):
    """`person`'s answer: their own (through their link), or recorded by facilitator `actor`."""
    return sign(
        db=db,
        version_id=version.id,
        stakeholder_id=person.id,
        signoff_in=SignoffCreate(decision=decision, comment=comment),
        actor=actor,
    )


@pytest.fixture(name="requested")
def requested_fixture(db, version):
    return request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))


def test_k_of_n_approved_and_the_objections(db, version, people):
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    ann, bert, _ = people
    answer(db, version, ann, "approve")
    answer(db, version, bert, "object", "Store items come too late")
    status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.total, status.complete) == (1, 3, False)
    assert status.objections[["name", "comment"]].values.tolist() == [
        ["Bert", "Store items come too late"]
    ]
    assert status.answers["decision"].isna().sum() == 1  # Cor has not answered


def test_a_new_answer_replaces_the_old_one(db, version, people):
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    for person in people:
        answer(db, version, person, "object", "Not yet")
        answer(db, version, person, "approve", "Fine now")
    status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.total, status.complete) == (3, 3, True)
    assert status.objections.empty


def test_answers_need_a_request_a_stakeholder_of_the_workspace_and_a_reason_to_object(
    db, version, people
):
    with pytest.raises(Conflict, match="not up for sign-off"):
        answer(db, version, people[0], "approve")
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(Conflict, match="already requested"):
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(InvalidInput, match="Comment is required with an objection"):
        answer(db, version, people[0], "object", "  ")
    other = make_journey(db, name="Other")
    [stranger] = add_stakeholders(db, other.workspace.id, "Zed")
    with pytest.raises(NotFound):
        answer(db, version, stranger, "approve")


def test_a_version_up_for_sign_off_is_frozen(db, version):
    roadmap = open_version(db=db, version_id=version.id)
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(Conflict, match="save a new version instead"):
        update_version(db=db, version_id=version.id, roadmap=roadmap)
    with pytest.raises(Conflict, match="save a new version instead"):
        delete_version(db=db, version_id=version.id)


def test_an_open_version_can_be_replaced_and_deleted(db, demo, version):
    roadmap = open_version(db=db, version_id=version.id)
    replaced = update_version(db=db, version_id=version.id, roadmap=roadmap)
    assert open_version(db=db, version_id=replaced.id).items["title"].tolist() == (
        roadmap.items["title"].tolist()
    )
    delete_version(db=db, version_id=version.id)
    with pytest.raises(NotFound):
        open_version(db=db, version_id=version.id)


def test_approvals_per_version_in_one_go(db, demo, version, people):
    other = saved_version(db, demo.id, name="Q2 plan")
    for v in (version, other):
        request_signoff(db=db, version_id=v.id, request_in=SignoffRequest(by="Eva"))
    answer(db, version, people[0], "approve")
    answer(db, version, people[1], "approve")
    answer(db, other, people[2], "object", "No")
    assert approvals(db=db, workspace_id=demo.id) == ({version.id: 2}, 3)


def recorded(db, version):
    """stakeholder name -> (decision, recorded_by) of the answers given."""
    answers = signoff_status(db=db, version_id=version.id).answers.dropna(subset=["decision"])
    return {
        name: (decision, by if pd.notna(by) else None)
        for name, decision, by in answers[["name", "decision", "recorded_by"]].itertuples(
            index=False
        )
    }


def test_an_answer_says_who_entered_it(db, version, people, requested):
    ann, bert, _ = people
    answer(db, version, ann, "approve")
    answer(db, version, bert, "object", "Too late", actor="Eva")
    assert recorded(db, version) == {"Ann": ("approve", None), "Bert": ("object", "Eva")}
    status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.in_the_room) == (1, 1)


def test_the_stakeholder_replaces_what_was_recorded_for_them(db, version, people, requested):
    ann = people[0]
    answer(db, version, ann, "approve", actor="Eva")
    answer(db, version, ann, "object", "Not what I said")
    assert recorded(db, version) == {"Ann": ("object", None)}
    assert signoff_status(db=db, version_id=version.id).in_the_room == 0


def test_a_facilitator_may_replace_a_recorded_answer_but_not_an_own_one(
    db, version, people, requested
):
    ann, bert, _ = people
    answer(db, version, ann, "object", "Too late", actor="Eva")
    answer(db, version, ann, "approve", actor="Rob")
    answer(db, version, bert, "object", "Too late")
    with pytest.raises(Conflict, match="Bert answered through their own link"):
        answer(db, version, bert, "approve", actor="Eva")
    assert recorded(db, version) == {"Ann": ("approve", "Rob"), "Bert": ("object", None)}


def test_a_workspace_can_forbid_answers_on_someones_behalf(db, demo, version, people, requested):
    ann, bert, _ = people
    assert on_behalf_allowed(db=db, workspace_id=demo.id)  # allowed until switched off
    answer(db, version, ann, "approve", actor="Eva")
    allow_on_behalf(db=db, workspace_id=demo.id, allowed=False)
    assert not on_behalf_allowed(db=db, workspace_id=demo.id)
    with pytest.raises(Conflict, match="does not allow answers on someone's behalf"):
        answer(db, version, bert, "approve", actor="Eva")
    answer(db, version, bert, "approve")  # their own answers still count
    assert recorded(db, version) == {"Ann": ("approve", "Eva"), "Bert": ("approve", None)}


def test_an_answer_in_the_room_needs_the_recorders_name(db, version, people, requested):
    with pytest.raises(InvalidInput, match="Your name is required"):
        answer(db, version, people[0], "approve", actor="  ")
    assert recorded(db, version) == {}
