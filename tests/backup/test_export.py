"""Workspace backup as JSON and restore: a round trip gives identical data."""

import json
from datetime import date

import pytest

from planner.backup.export import DocumentInvalid, dump_workspace, read_document
from planner.backup.restore import restore_workspace
from planner.core.errors import Conflict
from planner.models import (
    CommitmentCreate,
    CriterionCreate,
    DueMove,
    OverrideCreate,
    ResultRecord,
    RoleWeightCreate,
    SessionSettings,
    SignoffCreate,
    SignoffRequest,
    StatusChange,
    VersionCreate,
)
from planner.roadmap.settings import RoadmapSettings
from planner.store.delivery.commitments import change_status, commit, move_due, record_result
from planner.store.delivery.signoff import allow_on_behalf, request_signoff, sign
from planner.store.journey.aliases import save_aliases
from planner.store.roadmap.roadmap_plan import save_plan, set_plan_item, working_roadmap
from planner.store.roadmap.versions import save_version
from planner.store.scoring.consensus import add_override
from planner.store.scoring.scoring_model import set_role_weights, update_criterion
from planner.store.scoring.sessions import change_settings, participants, reveal_round
from tests.factories import join, vote_all

pytestmark = pytest.mark.storage


def comparable(document: dict) -> dict:
    """A document without what a restore may change: the name, join codes, candidate keys."""
    keys = {c["key"]: i for i, c in enumerate(document["candidates"])}
    text = json.dumps({**document, "workspace": {**document["workspace"], "name": None}})
    for db in document["sessions"]:
        text = text.replace(db["code"], "CODE")
    data = json.loads(text)

    def rekey(value, field):
        return keys.get(value, value) if field in ("candidate_id", "key") else value

    def walk(node):
        if isinstance(node, dict):
            return {
                k: (rekey(v, k) if not isinstance(v, (dict, list)) else walk(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    data = walk(data)
    for candidate in data["candidates"]:
        candidate["needs"] = sorted(keys[n] for n in candidate["needs"])
    for db in data["sessions"]:
        for scoring_round in db["rounds"]:
            scoring_round["candidates"] = sorted(keys[c] for c in scoring_round["candidates"])
    return data


@pytest.fixture(name="full_workspace")
def full_workspace_fixture(db, workshop):
    """A workspace with votes, a reveal, an override, a plan, a pin and a version."""
    journey, ideas, scoring, setup = workshop
    mapped = {"channel": {"Callcenter": journey.channel_names[1]}, "phase": {"Kopen": "Buying"}}
    save_aliases(db=db, workspace_id=journey.workspace.id, mapped=mapped)
    set_role_weights(
        db=db,
        workspace_id=journey.workspace.id,
        weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Sales", "IT")],
    )
    effort = setup.criteria_of("effort")[0]
    update_criterion(
        db=db,
        criterion_id=effort.id,
        criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["Sales", "IT"]),
    )
    change_settings(
        db=db,
        session_id=scoring.id,
        settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
    )
    change_settings(db=db, session_id=scoring.id, settings=SessionSettings(comments_named=True))
    for name, label in (("Ann", "2"), ("Bo", "4"), ("Cy", "5")):
        vote_all(db, scoring, join(db, scoring, name, "Sales"), ideas[0].id, setup, label)
    reveal_round(db=db, session_id=scoring.id)
    add_override(
        db=db,
        candidate_id=ideas[1].id,
        override_in=OverrideCreate(value=8, reason="Steering group", decided_by="Eva"),
    )
    save_plan(
        db=db,
        workspace_id=journey.workspace.id,
        settings=RoadmapSettings(
            strategy="wsjf", period_kind="month", periods=3, start=date(2027, 1, 1), capacities=[10]
        ),
    )
    set_plan_item(db=db, candidate_id=ideas[2].id, pinned_period=None, excluded=True)
    roadmap = working_roadmap(
        db=db, workspace_id=journey.workspace.id, today=date(2026, 11, 23)
    ).roadmap
    version = save_version(
        db=db,
        workspace_id=journey.workspace.id,
        roadmap=roadmap,
        version_in=VersionCreate(name="V1", created_by="Eva"),
    )
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
    ann, bo = participants(db=db, session_id=scoring.id)[:2]
    answers = ((ann, "approve", "", None), (bo, "object", "Too slow", "Eva"))  # Eva: in the room
    for person, decision, comment, actor in answers:
        sign(
            db=db,
            version_id=version.id,
            stakeholder_id=person.id,
            signoff_in=SignoffCreate(decision=decision, comment=comment),
            actor=actor,
        )
    allow_on_behalf(db=db, workspace_id=journey.workspace.id, allowed=False)
    promised = commit(
        db=db,
        version_id=version.id,
        position=0,
        commitment_in=CommitmentCreate(
            owner="Team Web", committed_by="Paula", period=1, kpi_name="NPS", kpi_target=40
        ),
    )
    for status in ("in_progress", "done"):
        change_status(
            db=db,
            commitment_id=promised.id,
            change=StatusChange(status=status, by="Paula"),
            today=date(2027, 2, 1),
        )
    record_result(
        db=db,
        commitment_id=promised.id,
        result=ResultRecord(kpi_result=38, learnings="Close", by="Paula", rescore=True),
    )
    later = commit(
        db=db,
        version_id=version.id,
        position=1,
        commitment_in=CommitmentCreate(
            owner="Team App", committed_by="Paula", due=date(2027, 3, 3)
        ),
    )
    move_due(
        db=db,
        commitment_id=later.id,
        move=DueMove(due=date(2027, 4, 15), reason="Supplier late", by="Paula"),
    )
    return journey.workspace


def test_round_trip_gives_identical_data(db, full_workspace):
    original = dump_workspace(db=db, workspace_id=full_workspace.id)
    text = json.dumps(original)  # what the download holds
    restored = restore_workspace(db=db, document=read_document(text.encode()))
    assert restored.name == f"{full_workspace.name} (restored)"
    again = dump_workspace(db=db, workspace_id=restored.id)
    assert comparable(again) == comparable(original)
    assert len(original["sessions"][0]["rounds"][0]["votes"]) == 9
    assert [c.get("roles") for c in original["criteria"]][-1] == ["IT", "Sales"]
    # limited before the first vote: per criterion, and restored so
    assert again["scoring_model"]["consensus_method"] == "per_criterion"
    assert original["sessions"][0]["reveal_at_zero"] and original["sessions"][0]["comments_named"]
    assert original["versions"][0]["items"]
    assert {a["recorded_by"] for a in original["versions"][0]["signoffs"]} == {None, "Eva"}
    assert original["workspace"]["signoff_on_behalf"] is False
    assert [len(c["events"]) for c in original["commitments"]] == [4, 2]
    moved = original["commitments"][1]["events"][-1]
    assert (moved["kind"], moved["from_due"], moved["to_due"]) == (
        "due",
        "2027-03-03",
        "2027-04-15",
    )
    assert original["commitments"][1]["due"] == "2027-04-15"
    assert [a["name"] for a in original["aliases"]] == ["Kopen", "Callcenter"]


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ({"kind": "channel", "name": "Bel", "target": "Telex"}, "aliases.0.target"),
        ({"kind": "channel", "name": "website", "target": "Chat"}, "aliases.0.name"),
        ({"kind": "aisle", "name": "Bel", "target": "Chat"}, "aliases.0.kind"),
    ],
)
def test_an_alias_that_does_not_fit_the_document_is_refused(db, full_workspace, alias, message):
    document = dump_workspace(db=db, workspace_id=full_workspace.id)
    with pytest.raises(DocumentInvalid) as refused:
        restore_workspace(db=db, document={**document, "aliases": [alias]}, name="Copy")
    assert message in refused.value.message("en")


def test_restore_under_a_taken_name_is_refused(db, full_workspace):
    document = dump_workspace(db=db, workspace_id=full_workspace.id)
    with pytest.raises(Conflict):
        restore_workspace(db=db, document=document, name=full_workspace.name.upper())
    assert restore_workspace(db=db, document=document, name="Copy").name == "Copy"


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"format": "something else"}',
        b'{"format": "journey-roadmap-planner/workspace", "version": 99}',
        b'{"format": "journey-roadmap-planner/workspace", "version": 2, "workspace": {}}',
    ],
)
def test_bad_documents_are_refused_with_a_message(db, data):
    with pytest.raises((DocumentInvalid, Exception)) as error:
        restore_workspace(db=db, document=read_document(data))
    assert isinstance(error.value, DocumentInvalid) or "error." in getattr(error.value, "key", "")


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"from_due": None}, "commitments.1.events.1"),  # a move names both days
        ({"kind": "status"}, "commitments.1.events.1"),  # only a move has days
        ({"to_due": "someday"}, "commitments.1.events.1.to_due"),
    ],
)
def test_a_due_date_move_that_does_not_fit_is_refused(db, full_workspace, change, says):
    document = dump_workspace(db=db, workspace_id=full_workspace.id)
    event = document["commitments"][1]["events"][1]
    event.update(change)
    with pytest.raises(DocumentInvalid) as refused:
        restore_workspace(db=db, document=document, name="Copy")
    assert says in refused.value.message("en")


def test_an_older_backup_without_moves_restores(db, full_workspace):
    document = dump_workspace(db=db, workspace_id=full_workspace.id)
    document["version"] = 4
    document["commitments"][1]["events"].pop()
    for commitment in document["commitments"]:
        for event in commitment["events"]:
            del event["from_due"], event["to_due"]
    restored = restore_workspace(db=db, document=document, name="Copy")
    again = dump_workspace(db=db, workspace_id=restored.id)
    assert [e["kind"] for e in again["commitments"][1]["events"]] == ["status"]
