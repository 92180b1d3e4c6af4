import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import SignoffCreate, SignoffRequest
from planner.store.signoff import approvals, request_signoff, sign, signoff_status
from planner.store.versions import delete_version, open_version, update_version
from tests.factories import add_stakeholders, make_journey, saved_version

pytestmark = pytest.mark.storage


@pytest.fixture(name="version")
def version_fixture(session, demo):
    return saved_version(session, demo.id)


@pytest.fixture(name="people")
def people_fixture(session, demo):
    return add_stakeholders(session, demo.id, "Ann", "Bert", "Cor")


def answer(session, version, person, decision, comment=""):
    return sign(
        session=session,
        version_id=version.id,
        stakeholder_id=person.id,
        signoff_in=SignoffCreate(decision=decision, comment=comment),
    )


def test_k_of_n_approved_and_the_objections(session, version, people):
    request_signoff(session=session, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    ann, bert, _ = people
    answer(session, version, ann, "approve")
    answer(session, version, bert, "object", "Store items come too late")
    status = signoff_status(session=session, version_id=version.id)
    assert (status.approved, status.total, status.complete) == (1, 3, False)
    assert status.objections[["name", "comment"]].values.tolist() == [
        ["Bert", "Store items come too late"]
    ]
    assert status.answers["decision"].isna().sum() == 1  # Cor has not answered


def test_a_new_answer_replaces_the_old_one(session, version, people):
    request_signoff(session=session, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    for person in people:
        answer(session, version, person, "object", "Not yet")
        answer(session, version, person, "approve", "Fine now")
    status = signoff_status(session=session, version_id=version.id)
    assert (status.approved, status.total, status.complete) == (3, 3, True)
    assert status.objections.empty


def test_answers_need_a_request_a_stakeholder_of_the_workspace_and_a_reason_to_object(
    session, version, people
):
    with pytest.raises(Conflict, match="not up for sign-off"):
        answer(session, version, people[0], "approve")
    request_signoff(session=session, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(Conflict, match="already requested"):
        request_signoff(session=session, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(InvalidInput, match="Comment is required with an objection"):
        answer(session, version, people[0], "object", "  ")
    other = make_journey(session, name="Other")
    [stranger] = add_stakeholders(session, other.workspace.id, "Zed")
    with pytest.raises(NotFound):
        answer(session, version, stranger, "approve")


def test_a_version_up_for_sign_off_is_frozen(session, version):
    roadmap = open_version(session=session, version_id=version.id)
    request_signoff(session=session, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    with pytest.raises(Conflict, match="save a new version instead"):
        update_version(session=session, version_id=version.id, roadmap=roadmap)
    with pytest.raises(Conflict, match="save a new version instead"):
        delete_version(session=session, version_id=version.id)


def test_an_open_version_can_be_replaced_and_deleted(session, demo, version):
    roadmap = open_version(session=session, version_id=version.id)
    replaced = update_version(session=session, version_id=version.id, roadmap=roadmap)
    assert open_version(session=session, version_id=replaced.id).items["title"].tolist() == (
        roadmap.items["title"].tolist()
    )
    delete_version(session=session, version_id=version.id)
    with pytest.raises(NotFound):
        open_version(session=session, version_id=version.id)


def test_approvals_per_version_in_one_go(session, demo, version, people):
    other = saved_version(session, demo.id, name="Q2 plan")
    for v in (version, other):
        request_signoff(session=session, version_id=v.id, request_in=SignoffRequest(by="Eva"))
    answer(session, version, people[0], "approve")
    answer(session, version, people[1], "approve")
    answer(session, other, people[2], "object", "No")
    assert approvals(session=session, workspace_id=demo.id) == ({version.id: 2}, 3)
