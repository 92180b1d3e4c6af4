"""Merges in a backup: each merge's record, and the undo snapshot of those not undone in
a form that restores into any database (planner.store.journey.merges keeps it with the ids of
its own database).

In the document a snapshot's rows refer to other rows the way the rest of the document
does: a candidate by key (its id when saved; one the merge removed keeps its old id as
its key, in the snapshot only), a stakeholder, criterion, phase, channel, persona or
roadmap version by name, a round by [session code, number], a session by code, a
commitment by its place in the document's commitments; workspace and surrogate ids are
left out. Left out too: a row that refers to something gone by the time of the backup
(a stakeholder deleted since the merge: the undo could not put that row back either),
and the votes and comments of a round still voting (blind until the reveal, as
everywhere in a backup).

On restore the candidates a merge removed get negative ids in the snapshot, the same for
one candidate in every merge: an undo puts them back under new ids (a kept candidate
deleted before the backup is such an id too, and its undo is refused as before).
"""

import math
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, String, select
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session

from planner.core.db import utc
from planner.models import (
    CandidateMerge,
    Channel,
    Criterion,
    Persona,
    Phase,
    RoadmapVersion,
    ScoringRound,
    ScoringSession,
    SQLModel,
    Stakeholder,
)
from planner.models.columns import EnumText
from planner.scoring.lifecycle import RoundStatus
from planner.store.journey.merges import candidate_references

BLIND = {"vote", "ballot_comment"}  # rows of a voting round stay out of every backup
Resolve = Callable[[str, Any], Any]  # (table referred to, value) -> the other side's value


class Unresolved(LookupError):
    """A reference the other side does not hold; `path` says where."""

    def __init__(self, path: str, value: Any) -> None:
        super().__init__(f"{path}: {value!r} is not in the document")
        self.path = path


def empty_snapshot() -> dict:
    return {"candidates": [], "rows": {}, "pointers": {}, "focus": {}}


def references(table_name: str) -> dict[str, str]:
    """column -> the table it refers to, for a table a merge snapshot holds; a pointer
    table's own `id` refers to itself (a commitment, by its place in the document)."""
    table = SQLModel.metadata.tables[table_name]
    found = {key.parent.name: key.column.table.name for key in table.foreign_keys}
    if table_name == "candidate":
        found["id"] = "candidate"
    elif table_name == "commitment":
        found["id"] = "commitment"
    return found


def snapshot_tables() -> dict[str, str]:
    """table -> 'rows' or 'pointers': where a snapshot keeps it (planner.store.journey.merges)."""
    return {
        table.name: "pointers" if ondelete == "SET NULL" else "rows"
        for table, _, ondelete in candidate_references()
    }


def translate(snapshot: dict, resolve: Resolve, at: str = "snapshot") -> dict:
    """`snapshot` with every reference swapped by `resolve` (ids to document references,
    or back), surrogate ids left out; `Unresolved` names the path of a table, column or
    reference that does not belong. `resolve` gives None for what is left out (the
    workspace, on the way out)."""
    kinds = snapshot_tables()

    def row(table_name: str, values: Any, path: str) -> dict:
        if not isinstance(values, dict):
            raise Unresolved(path, values)
        refs = references(table_name)
        table = SQLModel.metadata.tables[table_name]
        out = {}
        for column, value in values.items():
            if column not in table.c:
                raise Unresolved(f"{path}.{column}", column)
            if column == "id" and column not in refs:
                continue  # a surrogate id: the undo makes a new one
            if column in refs and value is not None:
                try:
                    value = resolve(refs[column], value)
                except Unresolved:
                    raise Unresolved(f"{path}.{column}", value) from None
                if value is None:
                    continue
            out[column] = value
        return out

    result = empty_snapshot()
    result["candidates"] = [
        row("candidate", values, f"{at}.candidates.{i}")
        for i, values in enumerate(snapshot.get("candidates", []))
    ]
    for part in ("rows", "pointers"):
        for table_name, rows in snapshot.get(part, {}).items():
            if kinds.get(table_name) != part:
                raise Unresolved(f"{at}.{part}.{table_name}", table_name)
            result[part][table_name] = [
                row(table_name, values, f"{at}.{part}.{table_name}.{i}")
                for i, values in enumerate(rows)
            ]
    for session, queue in snapshot.get("focus", {}).items():
        where = f"{at}.focus.{session}"
        try:
            result["focus"][str(resolve("scoring_session", session))] = [
                resolve("candidate", candidate) for candidate in queue
            ]
        except Unresolved:
            raise Unresolved(where, session) from None
    return result


def _moment(value: datetime | None) -> str | None:
    return None if value is None else utc(value).isoformat()


def _parsed(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# --- to the document -------------------------------------------------------------------


def dump_merges(
    *, db: Session, workspace_id: int, candidate_keys: set[int], commitment_ids: list[int]
) -> list[dict]:
    """The workspace's merges, oldest first, each with its snapshot in the document's
    terms (only those not undone need one)."""
    out = _outward(db, workspace_id, commitment_ids)
    dumped = []
    for merge in db.scalars(
        select(CandidateMerge)
        .where(CandidateMerge.workspace_id == workspace_id)
        .order_by(CandidateMerge.id)
    ):
        snapshot = empty_snapshot()
        if merge.undone_at is None:
            removed = {c["id"] for c in merge.snapshot.get("candidates", [])}
            snapshot = _portable(merge.snapshot, out, candidate_keys | removed)
        dumped.append(
            {
                "kept": merge.kept_id,
                "kept_title": merge.kept_title,
                "merged_titles": list(merge.merged_titles),
                "actor": merge.actor,
                "merged_at": _moment(merge.merged_at),
                "undone_at": _moment(merge.undone_at),
                "undone_by": merge.undone_by,
                "snapshot": snapshot,
            }
        )
    return dumped


def _outward(db: Session, workspace_id: int, commitment_ids: list[int]) -> dict[str, dict]:
    """table -> {id: what the document calls it}, for this workspace's rows; and the
    rounds still voting."""

    def names(model) -> dict:
        return dict(
            db.execute(select(model.id, model.name).where(model.workspace_id == workspace_id)).all()
        )

    sessions = dict(
        db.execute(
            select(ScoringSession.id, ScoringSession.code).where(
                ScoringSession.workspace_id == workspace_id
            )
        ).all()
    )
    rounds = db.execute(
        select(
            ScoringRound.id, ScoringRound.session_id, ScoringRound.number, ScoringRound.status
        ).where(ScoringRound.session_id.in_(list(sessions)))
    ).all()
    return {
        "stakeholder": names(Stakeholder),
        "criterion": names(Criterion),
        "phase": names(Phase),
        "channel": names(Channel),
        "persona": names(Persona),
        "roadmap_version": names(RoadmapVersion),
        "scoring_session": sessions,
        "scoring_round": {r: [sessions[s], number] for r, s, number, _ in rounds},
        "voting": {r for r, _, _, status in rounds if status == RoundStatus.VOTING},
        "commitment": {cid: index for index, cid in enumerate(commitment_ids)},
    }


def _portable(snapshot: dict, out: dict, candidates: set[int]) -> dict:
    """The snapshot in the document's terms, without the rows it cannot place (see the
    module's docstring); empty (no undo) when a candidate's own row cannot be placed."""

    def resolve(table: str, value: Any) -> Any:
        if table == "workspace":
            return None
        if table == "candidate":
            if value in candidates:
                return value
            raise Unresolved(table, value)
        if table == "scoring_session":
            value = int(value)  # the snapshot's focus: JSON keys are text
        found = out[table].get(value)
        if found is None:
            raise Unresolved(table, value)
        return found

    def placed(table_name: str, part: str, values: dict) -> bool:
        if table_name in BLIND and values.get("round_id") in out["voting"]:
            return False
        try:
            translate({part: {table_name: [values]}}, resolve)
        except Unresolved:
            return False
        return True

    kept: dict = {
        "candidates": snapshot.get("candidates", []),
        "rows": {},
        "pointers": {},
        "focus": {},
    }
    for part in ("rows", "pointers"):
        for table_name, rows in snapshot.get(part, {}).items():
            kept[part][table_name] = [v for v in rows if placed(table_name, part, v)]
    for session, queue in snapshot.get("focus", {}).items():
        if int(session) in out["scoring_session"]:
            kept["focus"][session] = [c for c in queue if c in candidates]
    try:
        return translate(kept, resolve)
    except Unresolved:  # a candidate's own row (its phase deleted since, say)
        return empty_snapshot()


# --- back from the document --------------------------------------------------------------


def check_merges(merges: Iterable[dict], known: dict[str, set]) -> None:
    """Every reference of every snapshot is one the document holds (`known`: table ->
    the references it holds, rounds as (code, number)); `ValueError` names the path of
    the first that is not."""
    for i, merge in enumerate(merges):
        removed = {c.get("id") for c in merge["snapshot"].get("candidates", [])}
        sets = known | {"candidate": known["candidate"] | removed}

        def resolve(table: str, value: Any, sets: dict = sets) -> Any:
            key = tuple(value) if isinstance(value, list) else value
            try:
                if table == "workspace" or key in sets[table]:
                    return value
            except (KeyError, TypeError):  # a table a snapshot cannot name; a dict
                pass
            raise Unresolved(table, value)

        try:
            translate(merge["snapshot"], resolve, f"merges.{i}.snapshot")
        except Unresolved as error:
            raise ValueError(str(error)) from None
        _check_values(merge["snapshot"], f"merges.{i}.snapshot")


def _check_values(snapshot: dict, at: str) -> None:
    """Each value fits its column (type, length, allowed values) and each row has the
    columns its table needs, so that an undo never meets a refusal of the database."""
    parts = [("candidate", "candidates", rows) for rows in [snapshot.get("candidates", [])]]
    for part in ("rows", "pointers"):
        parts += [(name, f"{part}.{name}", rows) for name, rows in snapshot[part].items()]
    for table_name, where, rows in parts:
        table = SQLModel.metadata.tables[table_name]
        refs = references(table_name)
        needed = {
            c.name
            for c in table.columns
            if not c.nullable and c.default is None and c.server_default is None
        } - {"id", "workspace_id"}
        if where.startswith("pointers"):
            needed = {c.name for c in table.primary_key.columns} | {
                c for c in refs if refs[c] == "candidate"
            }
        for j, row in enumerate(rows):
            missing = sorted(needed - set(row))
            if missing:
                raise ValueError(f"{at}.{where}.{j}: {missing[0]} is missing")
            for name, value in row.items():
                if name not in refs and not _fits(table.c[name], value):
                    raise ValueError(f"{at}.{where}.{j}.{name}: {value!r:.80} does not fit")


def _fits(column: Column, value: Any) -> bool:
    """Whether `value` (from JSON) can be stored in `column` as it is."""
    kind = column.type
    if isinstance(kind, TypeDecorator) and not isinstance(kind, EnumText):
        kind = kind.impl_instance  # sqlmodel's AutoString: a String
    if value is None:
        return bool(column.nullable)
    if isinstance(kind, EnumText):
        return value in {member.value for member in kind.enum}
    if isinstance(kind, JSON):
        return True
    if isinstance(kind, Boolean):
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if isinstance(kind, Integer):
        return isinstance(value, int) and abs(value) <= 2**53
    if isinstance(kind, Float):
        return isinstance(value, int | float) and math.isfinite(value)
    if isinstance(kind, DateTime | Date):
        parse = datetime.fromisoformat if isinstance(kind, DateTime) else date.fromisoformat
        try:
            return isinstance(value, str) and bool(parse(value))
        except ValueError:
            return False
    if isinstance(kind, String):
        return isinstance(value, str) and (kind.length is None or len(value) <= kind.length)
    return False  # a column type this check does not know: a test adds it


def restore_merges(
    *, db: Session, workspace_id: int, merges: list[dict], back: dict[str, dict]
) -> None:
    """The merges of a (checked) document into the restored workspace; `back`: table ->
    {document reference: new id}, rounds by (code, number), 'candidate' by key."""
    placeholders: dict[int, int] = {}

    def candidate(key: int) -> int:
        if key in back["candidate"]:
            return back["candidate"][key]
        return placeholders.setdefault(key, -(len(placeholders) + 1))

    def resolve(table: str, value: Any) -> Any:
        if table == "workspace":
            return workspace_id
        if table == "candidate":
            return candidate(value)
        return back[table][tuple(value) if isinstance(value, list) else value]

    for merge in merges:
        snapshot = translate(merge["snapshot"], resolve)
        for row in [*snapshot["candidates"], *snapshot["rows"].get("calibration_reference", [])]:
            row["workspace_id"] = workspace_id
        db.add(
            CandidateMerge(
                workspace_id=workspace_id,
                kept_id=candidate(merge["kept"]),
                kept_title=merge["kept_title"],
                merged_titles=merge["merged_titles"],
                actor=merge["actor"],
                merged_at=_parsed(merge["merged_at"]),
                snapshot=snapshot,
                undone_at=_parsed(merge["undone_at"]),
                undone_by=merge["undone_by"],
            )
        )
    db.flush()
