"""A workspace document (see planner.backup.schema) back as a new workspace.

The document is checked against its schema first; nothing is written for a document
that breaks it. Join codes are kept when free, else new ones are made.

Two ways to write it: `restore_workspace` in the caller's transaction (the demo, small
files), and `restore_in_batches` for anything large: short transactions of at most
BATCH rows into a workspace nobody can see or reach yet, made visible under its name in
one last short transaction. Votes cast meanwhile wait at most one batch, never the
whole restore; a restore that fails half-way deletes what it wrote.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime
from typing import Any

from sqlalchemy import URL, Engine, insert, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from planner.backup.merges import restore_merges
from planner.backup.schema import DocumentInvalid, WorkspaceDocument, parse_document
from planner.backup.staging import (
    BATCH,
    Begin,
    beating,
    chunks,
    discard,
    name_taken,
    publish,
    remove_stale,
    staging_workspace,
)
from planner.core.db import database_refusal, read_only, writing
from planner.core.errors import Conflict, PlannerError, validated
from planner.journey.naming import name_key
from planner.models import (
    BallotComment,
    Candidate,
    CandidateChannel,
    Commitment,
    CommitmentEvent,
    ConsensusOverride,
    Criterion,
    CriterionRole,
    OutboxMail,
    OwnPace,
    Participant,
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
    utcnow,
)
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.own_pace import restored_status
from planner.store.journey.aliases import save_aliases
from planner.store.journey.workspaces import list_workspaces, load_journey
from planner.store.roadmap.dependencies import add_dependencies
from planner.store.scoring.own_pace import add_invitee
from planner.store.scoring.sessions import new_code


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def free_name(db: Session, wanted: str, suffix: str) -> str:
    """`wanted`, or `wanted (suffix)`, `wanted (suffix 2)`... whichever is not taken."""
    taken = {name_key(w.name) for w in list_workspaces(db=db, include_archived=True)}
    candidates = [wanted, f"{wanted} ({suffix})"] + [
        f"{wanted} ({suffix} {n})" for n in range(2, 100)
    ]
    return next(name for name in candidates if name_key(name) not in taken)


def restore_workspace(
    *, db: Session, document: Any, name: str | None = None, suffix: str = "restored"
) -> Workspace:
    """A new workspace from a document (any version this app wrote), in the caller's
    transaction. Without `name`, a taken name gets `(restored)` added; a `name` that is
    taken is refused."""
    parsed = parse_document(document)
    with _refusals(db.get_bind().engine.url), db.begin_nested():  # refused: nothing left
        return _Restore(parsed, lambda: nullcontext(db), BATCH).run(name, suffix)


def restore_in_batches(
    *,
    engine: Engine,
    document: Any,
    name: str | None = None,
    suffix: str = "restored",
    batch: int = BATCH,
    on_publish: Callable[[Session, int], None] | None = None,
) -> Workspace:
    """`restore_workspace` in short transactions (see the module's docstring);
    `on_publish(db, workspace_id)` runs in the transaction that makes it visible (to set
    its passphrase, say)."""
    parsed = parse_document(document)
    remove_stale(engine)  # what killed jobs left (see planner.backup.staging)
    # Every transaction marks the staging workspace as still being written.
    begin = beating(lambda: writing(engine), lambda: job.workspace_id)
    job = _Restore(parsed, begin, batch, on_publish)
    try:
        with _refusals(engine.url):
            return job.run(name, suffix)
    except BaseException:
        job.discard()
        raise


class _refusals(AbstractContextManager):
    """Whatever the data make the database refuse becomes `DocumentInvalid`; what the
    database itself refuses (read-only, locked, gone) is said as such, naming it."""

    def __init__(self, database: URL) -> None:
        self.database = database

    def __exit__(self, kind, error, trace) -> None:
        if error is None or isinstance(error, PlannerError):
            return
        if isinstance(error, OperationalError) or read_only(error):
            raise database_refusal(error, self.database) from None
        if isinstance(error, LookupError | TypeError | ValueError | AttributeError):
            raise DocumentInvalid("error.document_invalid", detail=repr(error)[:300]) from None
        if isinstance(error, SQLAlchemyError):
            cause = getattr(error, "orig", None) or error
            raise DocumentInvalid("error.document_invalid", detail=repr(cause)[:300]) from None


class _Restore:
    """One restore: the steps in order, each in transactions from `begin`."""

    def __init__(
        self,
        doc: WorkspaceDocument,
        begin: Begin,
        batch: int,
        on_publish: Callable[[Session, int], None] | None = None,
    ) -> None:
        # Plain values for all but the candidates: those stay models (dumping 100,000
        # would hold Python's lock for most of a second).
        self.doc = doc.model_dump(mode="json", exclude={"candidates"})
        self.items = doc.candidates
        self.begin, self.batch, self.on_publish = begin, batch, on_publish
        self.workspace_id: int | None = None
        self.ids: dict[int, int] = {}  # candidate key -> id
        self.people: dict[str, int] = {}
        self.criteria: dict[str, int] = {}
        self.versions: dict[str, int] = {}
        self.sessions: dict[str, int] = {}  # code in the document -> id
        self.rounds: dict[tuple[str, int], int] = {}  # (code, number) -> id
        self.commitments: list[int] = []  # in the document's order

    def run(self, name: str | None, suffix: str) -> Workspace:
        self._workspace()
        self._candidates()
        self._scoring()
        self._roadmap()
        self._commitments()
        self._merges()
        return self._publish(name, suffix)

    def discard(self) -> None:
        """Delete what a failed restore wrote (its workspace was never visible)."""
        discard(self.begin, self.workspace_id, self.batch)

    def _insert_all(self, table, rows: list[dict]) -> None:
        for chunk in chunks(rows, self.batch):
            with self.begin() as db:
                db.execute(insert(table), chunk)

    # --- the steps ------------------------------------------------------------------

    def _workspace(self) -> None:
        meta = self.doc["workspace"]
        with self.begin() as db:
            workspace = staging_workspace(
                db,
                language=meta["language"],
                description=meta["description"],
                phases=self.doc["phases"],
                channels=self.doc["channels"],
                personas=self.doc["personas"],
            )
            workspace.signoff_on_behalf = meta["signoff_on_behalf"]
            wid = self.workspace_id = workspace.id
            mapped: dict[str, dict[str, str]] = {}
            for alias in self.doc["aliases"]:
                mapped.setdefault(alias["kind"], {})[alias["name"]] = alias["target"]
            save_aliases(db=db, workspace_id=wid, mapped=mapped)
            model = db.get(ScoringModel, wid)
            for field, value in (self.doc["scoring_model"] or {}).items():
                setattr(model, field, value)
            if self.doc["criteria"]:
                db.execute(Criterion.__table__.delete().where(Criterion.workspace_id == wid))
                criteria = [
                    Criterion(
                        workspace_id=wid,
                        position=i,
                        **{k: v for k, v in c.items() if k != "roles"},
                    )
                    for i, c in enumerate(self.doc["criteria"])
                ]
                db.add_all(criteria)
                db.flush()
                db.add_all(
                    CriterionRole(criterion_id=criterion.id, role=role)
                    for criterion, c in zip(criteria, self.doc["criteria"], strict=True)
                    for role in dict.fromkeys(c.get("roles") or ())
                )
            db.add_all(RoleWeight(workspace_id=wid, **w) for w in self.doc["role_weights"])
            db.add_all(
                Stakeholder(
                    workspace_id=wid,
                    name=p["name"],
                    name_key=name_key(p["name"]),
                    role=p["role"],
                    created_at=_moment(p["created_at"]),
                )
                for p in self.doc["stakeholders"]
            )
            db.flush()
            self.people = dict(
                db.execute(
                    select(Stakeholder.name, Stakeholder.id).where(Stakeholder.workspace_id == wid)
                ).all()
            )
            self.criteria = dict(
                db.execute(
                    select(Criterion.name, Criterion.id).where(Criterion.workspace_id == wid)
                ).all()
            )
            self.journey = load_journey(db=db, workspace_id=wid)

    def _candidates(self) -> None:
        journey, items = self.journey, self.items
        for chunk in chunks(items, self.batch):
            with self.begin() as db:
                rows = [
                    Candidate(
                        workspace_id=self.workspace_id,
                        title=item.title,
                        description=item.description,
                        proposer=item.proposer,
                        touchpoint=item.touchpoint,
                        channel_switch=item.channel_switch,
                        tags=item.tags,
                        pre_value=item.pre_value,
                        pre_effort=item.pre_effort,
                        phase_id=journey.phase_id(item.phase),
                        persona_id=journey.persona_id(item.persona) if item.persona else None,
                        created_at=item.created_at or utcnow(),
                        updated_at=item.updated_at or utcnow(),
                    )
                    for item in chunk
                ]
                db.add_all(rows)
                db.flush()
                links = []
                for item, row in zip(chunk, rows, strict=True):
                    self.ids[item.key] = row.id
                    channels = dict.fromkeys(journey.channel_id(c) for c in item.channels)
                    links += [{"candidate_id": row.id, "channel_id": c} for c in channels]
                db.execute(insert(CandidateChannel), links)
        pairs = [(self.ids[i.key], self.ids[n]) for i in items for n in i.needs]
        if pairs:
            with self.begin() as db:
                add_dependencies(db=db, workspace_id=self.workspace_id, pairs=pairs)

    def _scoring(self) -> None:
        ids, people, criteria = self.ids, self.people, self.criteria
        round_candidates, votes, comments, mails = [], [], [], []
        with self.begin() as db:
            for item in self.doc["sessions"]:
                code = item["code"]
                if db.scalars(select(ScoringSession.id).where(ScoringSession.code == code)).first():
                    code = new_code(db)
                scoring = ScoringSession(
                    workspace_id=self.workspace_id,
                    name=item["name"],
                    code=code,
                    status=item["status"],
                    created_at=_moment(item["created_at"]),
                    closed_at=_moment(item["closed_at"]),
                    auto_advance=item["auto_advance"],
                    reveal_at_zero=item["reveal_at_zero"],
                    reveal_when_done=item["reveal_when_done"],
                    comments_named=item["comments_named"],
                    focus_queue=None
                    if item["focus_queue"] is None
                    else [ids[c] for c in item["focus_queue"]],
                )
                db.add(scoring)
                db.flush()
                self.sessions[item["code"]] = scoring.id
                db.add_all(
                    Participant(
                        session_id=scoring.id,
                        stakeholder_id=people[p["stakeholder"]],
                        joined_at=_moment(p["joined_at"]),
                    )
                    for p in item["participants"]
                )
                for r in item["rounds"]:
                    scoring_round = ScoringRound(
                        session_id=scoring.id,
                        number=r["number"],
                        status=r["status"],
                        opened_at=_moment(r["opened_at"]),
                        deadline=_moment(r["deadline"]),
                        revealed_at=_moment(r["revealed_at"]),
                    )
                    db.add(scoring_round)
                    db.flush()
                    rid = self.rounds[item["code"], r["number"]] = scoring_round.id
                    round_candidates += [
                        {"round_id": rid, "candidate_id": ids[c]}
                        for c in dict.fromkeys(r["candidates"])
                    ]
                    votes += [
                        {
                            "round_id": rid,
                            "stakeholder_id": people[v["stakeholder"]],
                            "candidate_id": ids[v["candidate_id"]],
                            "criterion_id": criteria[v["criterion"]],
                            "score": v["score"],
                            "label": v["label"],
                            "updated_at": _moment(v["updated_at"]),
                        }
                        for v in r["votes"]
                    ]
                    comments += [
                        {
                            "round_id": rid,
                            "stakeholder_id": people[c["stakeholder"]],
                            "candidate_id": ids[c["candidate_id"]],
                            "comment": c["comment"],
                            "updated_at": _moment(c["updated_at"]),
                        }
                        for c in r["comments"]
                    ]
                mails += self._own_pace(db, scoring.id, item)
        self._insert_all(RoundCandidate, round_candidates)
        self._insert_all(Vote, votes)
        self._insert_all(BallotComment, comments)
        self._insert_all(OutboxMail, mails)
        self._insert_all(
            ConsensusOverride,
            [
                {
                    **o,
                    "candidate_id": ids[o["candidate_id"]],
                    "decided_at": _moment(o["decided_at"]),
                }
                for o in self.doc["overrides"]
            ],
        )

    def _own_pace(self, db: Session, session_id: int, item: dict) -> list[dict]:
        """An own-pace session's settings, invitees and outbox. Each invitee gets a new
        personal link (a backup holds no keys; the restored ids and this database's
        secret make a new one), which every mail from now on carries; what was sent or
        skipped stays so, a mail still waiting as planner.scoring.own_pace.restored_status
        says."""
        pace = item["own_pace"]
        if pace is None:
            return []
        db.add(
            OwnPace(
                session_id=session_id,
                **pace
                | {
                    "open_until": _moment(pace["open_until"]),
                    "created_at": _moment(pace["created_at"]) or utcnow(),
                },
            )
        )
        for p in item["invitees"]:
            add_invitee(
                db=db,
                session_id=session_id,
                stakeholder=db.get(Stakeholder, self.people[p["stakeholder"]]),
                email=p["email"],
                invited_at=_moment(p["invited_at"]),
                reminders_off_at=_moment(p["reminders_off_at"]),
            )
        db.flush()
        return [
            {
                "session_id": session_id,
                "stakeholder_id": self.people[m["stakeholder"]],
                "kind": m["kind"],
                "status": restored_status(m["kind"], m["status"]),
                "attempts": m["attempts"],
                "last_error": m["last_error"],
                "created_at": _moment(m["created_at"]),
                "sent_at": _moment(m["sent_at"]),
            }
            for m in item["mails"]
        ]

    def _roadmap(self) -> None:
        ids, doc = self.ids, self.doc
        if doc["plan"]:
            settings = validated(RoadmapSettings, **doc["plan"])
            with self.begin() as db:
                db.add(
                    RoadmapPlan(
                        workspace_id=self.workspace_id,
                        **{**settings.to_json(), "start": settings.start},
                    )
                )
        self._insert_all(
            PlanItem, [{**p, "candidate_id": ids[p["candidate_id"]]} for p in doc["plan_items"]]
        )
        for v in doc["versions"]:
            with self.begin() as db:
                version = RoadmapVersion(
                    workspace_id=self.workspace_id,
                    name=v["name"],
                    created_by=v["created_by"],
                    created_at=_moment(v["created_at"]),
                    settings=v["settings"],
                    signoff_requested_at=_moment(v["signoff_requested_at"]),
                    signoff_requested_by=v["signoff_requested_by"],
                )
                db.add(version)
                db.flush()
                self.versions[v["name"]] = version.id
                db.add_all(
                    Signoff(
                        version_id=version.id,
                        stakeholder_id=self.people[a["stakeholder"]],
                        decision=a["decision"],
                        comment=a["comment"],
                        decided_at=_moment(a["decided_at"]),
                        recorded_by=a["recorded_by"],
                    )
                    for a in v["signoffs"]
                )
            self._insert_all(
                RoadmapVersionItem,
                [
                    {
                        **item,
                        "version_id": version.id,
                        "candidate_id": ids.get(item["candidate_id"]),
                    }
                    for item in v["items"]
                ],
            )

    def _commitments(self) -> None:
        for chunk in chunks(self.doc["commitments"], self.batch):
            with self.begin() as db:
                for c in chunk:
                    fields = {k: v for k, v in c.items() if k not in {"version", "events"}}
                    commitment = Commitment(
                        **fields
                        | {
                            "workspace_id": self.workspace_id,
                            "version_id": self.versions[c["version"]],
                            "candidate_id": self.ids.get(c["candidate_id"]),
                            "due": date.fromisoformat(c["due"]),
                            "done_on": date.fromisoformat(c["done_on"]) if c["done_on"] else None,
                            "rescore_requested_at": _moment(c["rescore_requested_at"]),
                            "created_at": _moment(c["created_at"]),
                            "updated_at": _moment(c["updated_at"]),
                        }
                    )
                    db.add(commitment)
                    db.flush()
                    self.commitments.append(commitment.id)
                    db.add_all(
                        CommitmentEvent(
                            **e
                            | {
                                "commitment_id": commitment.id,
                                "at": _moment(e["at"]),
                                "from_due": _day(e.get("from_due")),
                                "to_due": _day(e.get("to_due")),
                            }
                        )
                        for e in c["events"]
                    )

    def _merges(self) -> None:
        """The merge history, each merge undoable as before (planner.backup.merges)."""
        journey = self.journey
        back = {
            "candidate": self.ids,
            "stakeholder": self.people,
            "criterion": self.criteria,
            "phase": {name: journey.phase_id(name) for name in self.doc["phases"]},
            "channel": {name: journey.channel_id(name) for name in self.doc["channels"]},
            "persona": {name: journey.persona_id(name) for name in self.doc["personas"]},
            "roadmap_version": self.versions,
            "scoring_session": self.sessions,
            "scoring_round": self.rounds,
            "commitment": dict(enumerate(self.commitments)),
        }
        for chunk in chunks(self.doc["merges"], self.batch):
            with self.begin() as db:
                restore_merges(db=db, workspace_id=self.workspace_id, merges=chunk, back=back)

    def _publish(self, name: str | None, suffix: str) -> Workspace:
        """Give the workspace its name and make it visible, in one short transaction."""
        meta = self.doc["workspace"]
        with self.begin() as db:
            if name is None:
                name = free_name(db, validated(WorkspaceCreate, name=meta["name"]).name, suffix)
            else:
                name = validated(WorkspaceCreate, name=name).name
                if name_taken(db, name):
                    raise Conflict("error.workspace_exists", name=name)
            if self.on_publish is not None:
                self.on_publish(db, self.workspace_id)
            return publish(db, workspace_id=self.workspace_id, name=name, archived=meta["archived"])
