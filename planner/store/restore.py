"""A workspace document (see planner.store.backup) back as a new workspace, in one go.

Join codes are kept when free, else new ones are made; a document that does not read
leaves nothing behind.
"""

from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from planner.core.errors import Conflict, PlannerError, validated
from planner.delivery.signoff import Decision
from planner.delivery.workflow import STATUSES
from planner.journey.naming import name_key
from planner.journey.templates import Template
from planner.models import (
    BallotComment,
    Candidate,
    CandidateChannel,
    CandidateCreate,
    Commitment,
    CommitmentEvent,
    ConsensusOverride,
    Criterion,
    DimensionCreate,
    Participant,
    Persona,
    PlanItem,
    RoadmapPlan,
    RoadmapVersion,
    RoadmapVersionItem,
    RoleWeight,
    RoundCandidate,
    ScoringModel,
    ScoringRound,
    ScoringSession,
    Signoff,
    Stakeholder,
    Vote,
    Workspace,
    WorkspaceCreate,
)
from planner.roadmap.settings import RoadmapSettings
from planner.store.backup import FORMAT, VERSION, DocumentInvalid
from planner.store.dependencies import add_dependencies
from planner.store.dimensions import add_item
from planner.store.sessions import new_code
from planner.store.workspaces import create_workspace, list_workspaces, load_journey


def _bad(what: str) -> bool:
    raise ValueError(what)


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def free_name(db: Session, wanted: str, suffix: str) -> str:
    """`wanted`, or `wanted (suffix)`, `wanted (suffix 2)`... whichever is not taken."""
    taken = {name_key(w.name) for w in list_workspaces(db=db, include_archived=True)}
    candidates = [wanted, f"{wanted} ({suffix})"] + [
        f"{wanted} ({suffix} {n})" for n in range(2, 100)
    ]
    return next(name for name in candidates if name_key(name) not in taken)


def restore_workspace(
    *, db: Session, document: dict, name: str | None = None, suffix: str = "restored"
) -> Workspace:
    """A new workspace from a document (any version this app wrote), in one transaction.

    Without `name`, a taken name gets `(restored)` added; a `name` that is taken is refused.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DocumentInvalid("error.document_invalid", detail=f"format is not {FORMAT}")
    version = document.get("version", 1)
    if not isinstance(version, int) or version > VERSION:
        raise DocumentInvalid(
            "error.document_invalid", detail=f"version {version!r} is not 1 to {VERSION}"
        )
    try:
        with db.begin_nested():  # a refused document leaves nothing behind
            return _restore(db, document, name, suffix)
    except PlannerError:
        raise
    except (LookupError, TypeError, ValueError, AttributeError, StopIteration) as error:
        raise DocumentInvalid("error.document_invalid", detail=repr(error)[:300]) from None
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise DocumentInvalid("error.document_invalid", detail=repr(cause)[:300]) from None


def _restore(db: Session, doc: dict, name: str | None, suffix: str) -> Workspace:
    meta = doc["workspace"]
    if name is None:
        name = free_name(db, validated(WorkspaceCreate, name=meta["name"]).name, suffix)
    elif any(
        name_key(w.name) == name_key(name) for w in list_workspaces(db=db, include_archived=True)
    ):
        raise Conflict("error.workspace_exists", name=name)
    workspace = create_workspace(
        db=db,
        workspace_in=validated(
            WorkspaceCreate,
            name=name,
            description=meta.get("description", ""),
            language=meta.get("language", "en"),
            template=Template.BLANK,
        ),
        phases=[validated(DimensionCreate, name=p).name for p in doc["phases"]],
        channels=[validated(DimensionCreate, name=c).name for c in doc["channels"]],
    )
    workspace.archived = bool(meta.get("archived", False))
    wid = workspace.id
    for persona in doc.get("personas", []):
        add_item(
            db=db,
            model=Persona,
            workspace_id=wid,
            name=validated(DimensionCreate, name=persona).name,
        )
    journey = load_journey(db=db, workspace_id=wid)
    items = doc.get("candidates", [])
    if doc.get("version", 1) == 1:  # the demo's form: no keys, needs by title
        by_title = {item["title"]: index for index, item in enumerate(items)}
        items = [
            {**item, "key": index, "needs": [by_title[t] for t in item.get("needs", [])]}
            for index, item in enumerate(items)
        ]
    ids = _restore_candidates(db, wid, journey, items)
    pairs = [(ids[item["key"]], ids[needed]) for item in items for needed in item["needs"]]
    add_dependencies(db=db, workspace_id=wid, pairs=pairs)
    people = _restore_scoring(db, wid, doc, ids)
    _restore_roadmap(db, wid, doc, ids, people)
    db.flush()
    return workspace


def _restore_candidates(db, wid: int, journey, items: list[dict]) -> dict:
    ids = {}
    for item in items:
        checked = validated(
            CandidateCreate,
            **{
                k: item[k]
                for k in (
                    "title",
                    "description",
                    "proposer",
                    "touchpoint",
                    "channel_switch",
                    "tags",
                    "pre_value",
                    "pre_effort",
                )
                if k in item
            },
            phase_id=journey.phase_id(item["phase"]),
            channel_ids=[journey.channel_id(c) for c in item["channels"]],
            persona_id=journey.persona_id(item["persona"]) if item.get("persona") else None,
        )
        now = datetime.now().astimezone()
        candidate = Candidate(
            workspace_id=wid,
            **checked.model_dump(exclude={"channel_ids"}),
            created_at=_moment(item.get("created_at")) or now,
            updated_at=_moment(item.get("updated_at")) or now,
        )
        db.add(candidate)
        db.flush()
        db.execute(
            insert(CandidateChannel),
            [{"candidate_id": candidate.id, "channel_id": c} for c in checked.channel_ids],
        )
        ids[item["key"]] = candidate.id
    return ids


def _restore_scoring(db, wid: int, doc: dict, ids: dict) -> None:
    model = db.get(ScoringModel, wid)
    for field, value in (doc.get("scoring_model") or {}).items():
        setattr(model, field, value)
    if doc.get("criteria"):
        db.execute(delete(Criterion).where(Criterion.workspace_id == wid))
        db.add_all(
            Criterion(workspace_id=wid, position=i, **c) for i, c in enumerate(doc["criteria"])
        )
    db.add_all(RoleWeight(workspace_id=wid, **w) for w in doc.get("role_weights", []))
    db.flush()
    criteria = dict(
        db.execute(select(Criterion.name, Criterion.id).where(Criterion.workspace_id == wid)).all()
    )
    people = {}
    for person in doc.get("stakeholders", []):
        stakeholder = Stakeholder(
            workspace_id=wid,
            name=person["name"],
            name_key=name_key(person["name"]),
            role=person.get("role", ""),
            created_at=_moment(person.get("created_at")),
        )
        db.add(stakeholder)
        db.flush()
        people[person["name"]] = stakeholder.id
    for item in doc.get("sessions", []):
        code = item["code"]
        if db.scalars(select(ScoringSession.id).where(ScoringSession.code == code)).first():
            code = new_code(db)
        scoring = ScoringSession(
            workspace_id=wid,
            name=item["name"],
            code=code,
            status=item["status"],
            created_at=_moment(item["created_at"]),
            closed_at=_moment(item.get("closed_at")),
        )
        db.add(scoring)
        db.flush()
        db.add_all(
            Participant(
                session_id=scoring.id,
                stakeholder_id=people[p["stakeholder"]],
                joined_at=_moment(p["joined_at"]),
            )
            for p in item.get("participants", [])
        )
        for r in item.get("rounds", []):
            scoring_round = ScoringRound(
                session_id=scoring.id,
                number=r["number"],
                status=r["status"],
                opened_at=_moment(r["opened_at"]),
                revealed_at=_moment(r.get("revealed_at")),
            )
            db.add(scoring_round)
            db.flush()
            db.add_all(
                RoundCandidate(round_id=scoring_round.id, candidate_id=ids[c])
                for c in r.get("candidates", [])
            )
            db.add_all(
                Vote(
                    round_id=scoring_round.id,
                    stakeholder_id=people[v["stakeholder"]],
                    candidate_id=ids[v["candidate_id"]],
                    criterion_id=criteria[v["criterion"]],
                    score=v["score"],
                    label=v["label"],
                    updated_at=_moment(v["updated_at"]),
                )
                for v in r.get("votes", [])
            )
            db.add_all(
                BallotComment(
                    round_id=scoring_round.id,
                    stakeholder_id=people[c["stakeholder"]],
                    candidate_id=ids[c["candidate_id"]],
                    comment=c["comment"],
                    updated_at=_moment(c["updated_at"]),
                )
                for c in r.get("comments", [])
            )
    db.add_all(
        ConsensusOverride(
            **{**o, "candidate_id": ids[o["candidate_id"]], "decided_at": _moment(o["decided_at"])}
        )
        for o in doc.get("overrides", [])
    )
    return people


def _restore_roadmap(db, wid: int, doc: dict, ids: dict, people: dict) -> None:
    if doc.get("plan"):
        settings = validated(RoadmapSettings, **doc["plan"])
        db.add(RoadmapPlan(workspace_id=wid, **{**settings.to_json(), "start": settings.start}))
    db.add_all(
        PlanItem(**{**p, "candidate_id": ids[p["candidate_id"]]}) for p in doc.get("plan_items", [])
    )
    versions = {}
    for v in doc.get("versions", []):
        version = RoadmapVersion(
            workspace_id=wid,
            name=v["name"],
            created_by=v["created_by"],
            created_at=_moment(v["created_at"]),
            settings=v["settings"],
            signoff_requested_at=_moment(v.get("signoff_requested_at")),
            signoff_requested_by=v.get("signoff_requested_by"),
        )
        db.add(version)
        db.flush()
        versions[v["name"]] = version.id
        db.add_all(
            Signoff(
                version_id=version.id,
                stakeholder_id=people[a["stakeholder"]],
                decision=a["decision"],
                comment=a["comment"],
                decided_at=_moment(a["decided_at"]),
            )
            for a in v.get("signoffs", [])
            if a["decision"] in tuple(Decision) or _bad(f"decision {a['decision']!r}")
        )
        if v["items"]:
            db.execute(
                insert(RoadmapVersionItem),
                [
                    {
                        **item,
                        "version_id": version.id,
                        "candidate_id": ids.get(item["candidate_id"]),
                    }
                    for item in v["items"]
                ],
            )
    for c in doc.get("commitments", []):
        fields = {k: v for k, v in c.items() if k not in {"version", "events"}}
        if fields.get("status") not in STATUSES:
            raise ValueError(f"commitment status {fields.get('status')!r}")
        commitment = Commitment(
            **fields
            | {
                "workspace_id": wid,
                "version_id": versions[c["version"]],
                "candidate_id": ids.get(c["candidate_id"]),
                "due": date.fromisoformat(c["due"]),
                "done_on": date.fromisoformat(c["done_on"]) if c.get("done_on") else None,
                "rescore_requested_at": _moment(c.get("rescore_requested_at")),
                "created_at": _moment(c["created_at"]),
                "updated_at": _moment(c["updated_at"]),
            }
        )
        db.add(commitment)
        db.flush()
        db.add_all(
            CommitmentEvent(**{**e, "commitment_id": commitment.id, "at": _moment(e["at"])})
            for e in c["events"]
        )
