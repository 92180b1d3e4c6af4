"""Merging duplicate candidates into one, and undoing a merge.

The rules are planner.journey.merging's; this module reads the rows, applies them, and
keeps a snapshot of every row the merge changes or removes in the merge's record
(CandidateMerge), so that `undo_merge` puts them back as they were. Which tables refer
to candidates is read from the schema: a table without a rule in `RULES` fails a test.
"""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Table, delete, insert, select, update
from sqlmodel import Session

from planner.core.errors import Conflict, FieldName, InvalidInput, NotFound
from planner.journey.merging import (
    MergeSide,
    joined_comment,
    merged_dependencies,
    merged_fields,
    merged_queue,
    winners,
)
from planner.models import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    BallotComment,
    CalibrationReference,
    Candidate,
    CandidateChannel,
    CandidateMerge,
    ConsensusOverride,
    Dependency,
    PlanItem,
    RoundCandidate,
    ScoringSession,
    SQLModel,
    Vote,
    utcnow,
)
from planner.store.journey.workspaces import touch_workspace
from planner.store.roadmap.dependencies import check_no_cycle, needs_of

# Every table that refers to a candidate, and what a merge does with its rows.
RULES = {
    "candidate_channel": "united",  # the kept candidate spans all channels
    "dependency": "re-pointed, self-loops dropped",
    "plan_item": "the kept candidate's pin, else the first merged one's",
    "round_candidate": "united",
    "vote": "per round, stakeholder and criterion the kept one's, else moved",
    "ballot_comment": "per round and stakeholder joined",
    "consensus_override": "the kept candidate's decisions, else the first merged one's",
    "calibration_reference": "per dimension the kept one's, else moved",
    "commitment": "re-pointed (their history with them)",
    "roadmap_version_item": "re-pointed",
}
# Tables whose rows go with their candidate (ON DELETE CASCADE): copied whole into the
# snapshot. The others (ON DELETE SET NULL) only have their pointer saved.


def candidate_references() -> list[tuple[Table, str, str]]:
    """(table, column, on delete) of every foreign key to candidate.id."""
    return [
        (table, key.parent.name, (key.ondelete or "").upper())
        for table in SQLModel.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name == "candidate"
    ]


def merge_candidates(
    *, db: Session, workspace_id: int, kept_id: int, merged_ids: list[int], actor: str
) -> CandidateMerge:
    """Merge `merged_ids` into `kept_id` (rules: planner.journey.merging); the merged
    candidates go. Returns the merge's record, which `undo_merge` takes."""
    kept = _candidate(db, workspace_id, kept_id)
    merged = [_candidate(db, workspace_id, candidate_id) for candidate_id in merged_ids]
    sides = {c.id: _side(db, c) for c in [kept, *merged]}
    fields = merged_fields(sides[kept_id], [sides[c.id] for c in merged])
    if len(str(fields["description"])) > DESCRIPTION_MAX:
        raise InvalidInput("error.too_long", field=FieldName("description"), limit=DESCRIPTION_MAX)
    ids = [kept_id, *merged_ids]
    snapshot = _snapshot(db, ids)
    _merge_dependencies(db, workspace_id, kept_id, merged_ids)
    _merge_keyed(db, kept_id, merged_ids)
    _merge_comments(db, kept_id, merged_ids)
    for table, column, ondelete in candidate_references():
        if ondelete == "SET NULL":
            db.execute(
                update(table).where(table.c[column].in_(merged_ids)).values({column: kept_id})
            )
    for session in _sessions_with(db, workspace_id, merged_ids):
        session.focus_queue = merged_queue(session.focus_queue or [], kept_id, merged_ids)
        db.add(session)
    channel_ids = fields.pop("channel_ids")
    for field, value in fields.items():
        setattr(kept, field, value)
    kept.updated_at = utcnow()
    db.add(kept)
    db.flush()
    db.execute(delete(CandidateChannel).where(CandidateChannel.candidate_id == kept_id))
    db.execute(
        insert(CandidateChannel),
        [{"candidate_id": kept_id, "channel_id": channel} for channel in channel_ids],
    )
    db.execute(delete(Candidate).where(Candidate.id.in_(merged_ids)))
    record = CandidateMerge(
        workspace_id=workspace_id,
        kept_id=kept_id,
        kept_title=kept.title,
        merged_titles=[c.title for c in merged],
        actor=actor,
        snapshot=snapshot,
    )
    db.add(record)
    touch_workspace(db=db, workspace_id=workspace_id)
    db.flush()
    return record


def undo_merge(*, db: Session, workspace_id: int, merge_id: int, actor: str) -> CandidateMerge:
    """Put the merged candidates back, and every row the merge changed as it was.

    Refused when the kept candidate is gone, was merged again since, or was scored or
    commented on since: the undo would lose that."""
    record = db.get(CandidateMerge, merge_id)
    if record is None or record.workspace_id != workspace_id or record.undone_at is not None:
        raise NotFound("error.merge_not_found")
    kept = db.get(Candidate, record.kept_id)
    if kept is None:
        raise Conflict("error.merge_kept_gone", title=record.kept_title)
    _check_unchanged_since(db, record)
    snapshot = record.snapshot
    ids = _restore_candidates(db, record.kept_id, snapshot["candidates"])
    for table, column, ondelete in candidate_references():
        if ondelete != "SET NULL":
            db.execute(delete(table).where(table.c[column] == record.kept_id))
    for name, rows in snapshot["rows"].items():
        table = SQLModel.metadata.tables[name]
        columns = _candidate_columns(name)
        surrogate = "id" in table.c and name != "candidate"  # a new id: the old may be taken
        restored = [
            {
                key: ids.get(value, value) if key in columns else value
                for key, value in _from_json(table, row).items()
                if not (surrogate and key == "id")
            }
            for row in rows
        ]
        if restored:
            db.execute(insert(table), restored)
    for name, pointers in snapshot["pointers"].items():
        table = SQLModel.metadata.tables[name]
        [column] = _candidate_columns(name)
        keys = [key.name for key in table.primary_key.columns]
        for pointer in pointers:
            db.execute(
                update(table)
                .where(*(table.c[key] == pointer[key] for key in keys))
                .values({column: ids.get(pointer[column], pointer[column])})
            )
    for session_id, queue in snapshot["focus"].items():
        session = db.get(ScoringSession, int(session_id))
        if session is not None:
            session.focus_queue = [ids.get(candidate, candidate) for candidate in queue]
            db.add(session)
    record.undone_at, record.undone_by = utcnow(), actor
    db.add(record)
    touch_workspace(db=db, workspace_id=workspace_id)
    db.flush()
    return record


def recent_merges(*, db: Session, workspace_id: int, limit: int = 10) -> list[CandidateMerge]:
    """The workspace's merges not undone, newest first."""
    return list(
        db.scalars(
            select(CandidateMerge)
            .where(CandidateMerge.workspace_id == workspace_id, CandidateMerge.undone_at.is_(None))
            .order_by(CandidateMerge.id.desc())
            .limit(limit)
        )
    )


def _restore_candidates(db: Session, kept_id: int, rows: list[dict]) -> dict[int, int]:
    """Put the candidates' own rows back: the kept one as it was, the merged ones under
    their old ids, or new ones where an old id was taken since. Returns old -> new id."""
    table = Candidate.__table__
    ids: dict[int, int] = {}
    for row in rows:
        values = _from_json(table, row)
        if row["id"] == kept_id:
            db.execute(update(table).where(table.c.id == kept_id).values(values))
        elif row["id"] > 0 and db.get(Candidate, row["id"]) is None:  # < 0: restored
            db.execute(insert(table).values(values))
        else:
            values.pop("id")
            ids[row["id"]] = db.execute(
                insert(table).values(values).returning(table.c.id)
            ).scalar_one()
    return ids


def _candidate_columns(table_name: str) -> list[str]:
    return [column for table, column, _ in candidate_references() if table.name == table_name]


# --- reading ------------------------------------------------------------------------


def _candidate(db: Session, workspace_id: int, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    if candidate is None or candidate.workspace_id != workspace_id:
        raise NotFound("error.candidate_not_found", id=candidate_id)
    return candidate


def _side(db: Session, candidate: Candidate) -> MergeSide:
    channels = db.scalars(
        select(CandidateChannel.channel_id).where(CandidateChannel.candidate_id == candidate.id)
    )
    assert candidate.id is not None
    return MergeSide(
        id=candidate.id,
        phase_id=candidate.phase_id,
        description=candidate.description,
        channel_ids=tuple(sorted(channels)),
        tags=tuple(candidate.tags),
        proposer=candidate.proposer,
        touchpoint=candidate.touchpoint,
        persona_id=candidate.persona_id,
        pre_value=candidate.pre_value,
        pre_effort=candidate.pre_effort,
        channel_switch=candidate.channel_switch,
    )


def _sessions_with(db: Session, workspace_id: int, ids: list[int]) -> list[ScoringSession]:
    sessions = db.scalars(
        select(ScoringSession).where(
            ScoringSession.workspace_id == workspace_id, ScoringSession.focus_queue.is_not(None)
        )
    )
    return [s for s in sessions if set(s.focus_queue or []) & set(ids)]


# --- the snapshot --------------------------------------------------------------------


def _snapshot(db: Session, ids: list[int]) -> dict:
    """Every row that refers to these candidates, and theirs, as JSON."""
    candidate_table = Candidate.__table__
    candidates = [
        _to_json(candidate_table, row)
        for row in db.execute(select(candidate_table).where(candidate_table.c.id.in_(ids)))
    ]
    rows: dict[str, list[dict]] = {}
    pointers: dict[str, list[dict]] = {}
    for table, column, ondelete in candidate_references():
        found = db.execute(select(table).where(table.c[column].in_(ids)))
        if ondelete == "SET NULL":
            keys = [key.name for key in table.primary_key.columns] + [column]
            pointers[table.name] = [{key: row._mapping[key] for key in keys} for row in found]
        else:
            rows.setdefault(table.name, []).extend(_to_json(table, row) for row in found)
    # a dependency between two of the candidates is found twice: keep it once
    rows = {name: _unique(found) for name, found in rows.items()}
    workspace_id = db.scalar(select(Candidate.workspace_id).where(Candidate.id == ids[0]))
    focus = {str(s.id): s.focus_queue for s in _sessions_with(db, workspace_id, ids)}
    return {"candidates": candidates, "rows": rows, "pointers": pointers, "focus": focus}


def _unique(rows: list[dict]) -> list[dict]:
    found: dict[str, dict] = {}
    for row in rows:
        found.setdefault(repr(sorted(row.items(), key=lambda item: item[0])), row)
    return list(found.values())


def _to_json(table: Table, row) -> dict:
    data = dict(row._mapping)
    return {
        key: value.isoformat() if isinstance(value, datetime | date) else value
        for key, value in data.items()
        if key in table.c
    }


def _from_json(table: Table, data: dict) -> dict:
    def value(key: str, raw):
        if raw is None:
            return None
        kind = table.c[key].type
        if isinstance(kind, DateTime):
            return datetime.fromisoformat(raw)
        if isinstance(kind, Date):
            return date.fromisoformat(raw)
        return raw

    return {key: value(key, raw) for key, raw in data.items()}


def _check_unchanged_since(db: Session, record: CandidateMerge) -> None:
    later = db.scalar(
        select(CandidateMerge.id).where(
            CandidateMerge.workspace_id == record.workspace_id,
            CandidateMerge.id > record.id,
            CandidateMerge.undone_at.is_(None),
            CandidateMerge.kept_id == record.kept_id,
        )
    )
    scored = db.scalar(
        select(Vote.id).where(
            Vote.candidate_id == record.kept_id, Vote.updated_at > record.merged_at
        )
    ) or db.scalar(
        select(BallotComment.candidate_id).where(
            BallotComment.candidate_id == record.kept_id,
            BallotComment.updated_at > record.merged_at,
        )
    )
    if later is not None or scored is not None:
        raise Conflict("error.merge_changed_since", title=record.kept_title)


# --- the merge, table by table ----------------------------------------------------------


def _merge_dependencies(db: Session, workspace_id: int, kept: int, merged: list[int]) -> None:
    involved = [kept, *merged]
    pairs = db.execute(
        select(Dependency.candidate_id, Dependency.needs_id).where(
            Dependency.candidate_id.in_(involved) | Dependency.needs_id.in_(involved)
        )
    ).all()
    new_pairs = merged_dependencies([tuple(p) for p in pairs], kept, merged)
    needs = needs_of(db=db, workspace_id=workspace_id)
    for candidate, needed in pairs:
        needs.get(candidate, set()).discard(needed)
    for candidate, needed in new_pairs:
        needs.setdefault(candidate, set()).add(needed)
    check_no_cycle(db, {c: n for c, n in needs.items() if c not in merged})
    db.execute(
        delete(Dependency).where(
            Dependency.candidate_id.in_(involved) | Dependency.needs_id.in_(involved)
        )
    )
    if new_pairs:
        db.execute(
            insert(Dependency),
            [{"candidate_id": c, "needs_id": n} for c, n in sorted(new_pairs)],
        )


def _merge_keyed(db: Session, kept: int, merged: list[int]) -> None:
    """Votes, calibration references, pins and consensus decisions: the kept candidate's
    row where it has one, else the first merged candidate's (journey.merging.winners)."""
    involved = [kept, *merged]
    votes = db.execute(
        select(
            Vote.id, Vote.candidate_id, Vote.round_id, Vote.stakeholder_id, Vote.criterion_id
        ).where(Vote.candidate_id.in_(involved))
    ).all()
    by_candidate: dict[int, list[tuple[int, int, int]]] = {}
    for _, candidate, *key in votes:
        by_candidate.setdefault(candidate, []).append(tuple(key))
    won = winners(by_candidate, kept, merged)
    moved = [
        vote_id
        for vote_id, candidate, *key in votes
        if candidate != kept and won[tuple(key)] == candidate
    ]
    if moved:
        db.execute(update(Vote).where(Vote.id.in_(moved)).values(candidate_id=kept))

    references = db.execute(
        select(
            CalibrationReference.id,
            CalibrationReference.candidate_id,
            CalibrationReference.dimension,
        ).where(CalibrationReference.candidate_id.in_(involved))
    ).all()
    won_refs = winners(_grouped((c, d) for _, c, d in references), kept, merged)
    moved = [i for i, c, d in references if c != kept and won_refs[d] == c]
    if moved:
        db.execute(
            update(CalibrationReference)
            .where(CalibrationReference.id.in_(moved))
            .values(candidate_id=kept)
        )

    pins = db.scalars(
        select(PlanItem.candidate_id).where(PlanItem.candidate_id.in_(involved))
    ).all()
    pin = winners({c: ["pin"] for c in pins}, kept, merged).get("pin")
    if pin is not None and pin != kept:
        db.execute(update(PlanItem).where(PlanItem.candidate_id == pin).values(candidate_id=kept))

    decided = db.scalars(
        select(ConsensusOverride.candidate_id).where(ConsensusOverride.candidate_id.in_(involved))
    ).all()
    decision = winners({c: ["decided"] for c in decided}, kept, merged).get("decided")
    if decision is not None and decision != kept:
        db.execute(
            update(ConsensusOverride)
            .where(ConsensusOverride.candidate_id == decision)
            .values(candidate_id=kept)
        )

    rounds = db.execute(
        select(RoundCandidate.round_id, RoundCandidate.candidate_id).where(
            RoundCandidate.candidate_id.in_(involved)
        )
    ).all()
    kept_rounds = {r for r, c in rounds if c == kept}
    missing = sorted({r for r, c in rounds if c != kept} - kept_rounds)
    if missing:
        db.execute(insert(RoundCandidate), [{"round_id": r, "candidate_id": kept} for r in missing])


def _grouped(pairs) -> dict[int, list]:
    found: dict[int, list] = {}
    for candidate, key in pairs:
        found.setdefault(candidate, []).append(key)
    return found


def _merge_comments(db: Session, kept: int, merged: list[int]) -> None:
    """One stakeholder's comments of one round on the merged candidates, joined on the
    kept candidate."""
    order = {candidate: n for n, candidate in enumerate([kept, *merged])}
    comments = db.scalars(
        select(BallotComment).where(BallotComment.candidate_id.in_(list(order)))
    ).all()
    grouped: dict[tuple[int, int], list[BallotComment]] = {}
    for comment in sorted(comments, key=lambda c: order[c.candidate_id]):
        grouped.setdefault((comment.round_id, comment.stakeholder_id), []).append(comment)
    for (round_id, stakeholder_id), found in grouped.items():
        if found[0].candidate_id == kept and len(found) == 1:
            continue
        text = joined_comment([c.comment for c in found], COMMENT_MAX)
        latest = max(c.updated_at for c in found)
        for comment in found:
            db.delete(comment)
        db.flush()
        db.add(
            BallotComment(
                round_id=round_id,
                stakeholder_id=stakeholder_id,
                candidate_id=kept,
                comment=text,
                updated_at=latest,
            )
        )
    db.flush()
