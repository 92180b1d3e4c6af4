"""Dependencies between candidates: "B needs A". A cycle is refused, naming who is in it."""

from sqlalchemy import delete, select
from sqlmodel import Session

from planner.core.errors import Conflict, InvalidInput
from planner.models import Candidate, Dependency
from planner.roadmap.schedule import DependencyCycle, check_acyclic
from planner.store.sql import read_frame


def needs_of(*, db: Session, workspace_id: int) -> dict[int, set[int]]:
    """candidate id -> the ids it needs."""
    rows = db.execute(
        select(Dependency.candidate_id, Dependency.needs_id)
        .join(Candidate, Candidate.id == Dependency.candidate_id)
        .where(Candidate.workspace_id == workspace_id)
    )
    needs: dict[int, set[int]] = {}
    for candidate_id, needed in rows:
        needs.setdefault(candidate_id, set()).add(needed)
    return needs


def _titles(db: Session, ids) -> dict[int, str]:
    query = select(Candidate.id, Candidate.title).where(Candidate.id.in_([int(i) for i in ids]))
    return dict(db.execute(query).all())


def check_no_cycle(db: Session, needs: dict[int, set[int]]) -> None:
    try:
        check_acyclic(needs)
    except DependencyCycle as error:
        titles = _titles(db, error.cycle)
        raise Conflict(  # noqa: B904 (the cycle is the message; nothing to chain)
            "error.dependency_cycle",
            names=" → ".join(f"“{titles[c]}”" for c in [*error.cycle, error.cycle[0]]),
        )


def add_dependencies(*, db: Session, workspace_id: int, pairs: list[tuple[int, int]]) -> None:
    """Add (candidate, needs) pairs of this workspace's candidates; refuses cycles."""
    pairs = [(int(candidate_id), int(needed)) for candidate_id, needed in pairs]
    owned = set(db.scalars(select(Candidate.id).where(Candidate.workspace_id == workspace_id)))
    needs = needs_of(db=db, workspace_id=workspace_id)
    for candidate_id, needed in pairs:
        if candidate_id == needed or not {candidate_id, needed} <= owned:
            raise InvalidInput("error.dependency_invalid")
        needs.setdefault(candidate_id, set()).add(needed)
    check_no_cycle(db, needs)
    existing = {(c, n) for c, ns in needs_of(db=db, workspace_id=workspace_id).items() for n in ns}
    db.add_all(
        Dependency(candidate_id=c, needs_id=n)
        for c, n in dict.fromkeys(pairs)
        if (c, n) not in existing
    )
    db.flush()


def remove_dependency(*, db: Session, candidate_id: int, needs_id: int) -> None:
    db.execute(
        delete(Dependency).where(
            Dependency.candidate_id == candidate_id, Dependency.needs_id == needs_id
        )
    )


def dependency_frame(*, db: Session, workspace_id: int):
    """candidate_id, needs_id and both titles, for showing."""
    needed = select(Candidate.id, Candidate.title).subquery()
    return read_frame(
        db,
        select(
            Dependency.candidate_id,
            Candidate.title,
            Dependency.needs_id,
            needed.c.title.label("needs_title"),
        )
        .join(Candidate, Candidate.id == Dependency.candidate_id)
        .join(needed, needed.c.id == Dependency.needs_id)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(Candidate.title),
    )
