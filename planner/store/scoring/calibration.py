"""Calibration references of a workspace: set per dimension, read for the ballots.

The rule (at most three, each once, an answer of the scale) is planner.scoring.calibration;
a reference whose answer the scale no longer has (the scale changed) is not shown.
"""

from typing import NamedTuple

from sqlalchemy import delete, select
from sqlmodel import Session

from planner.core.errors import NotFound
from planner.models import CalibrationReference, Candidate, ReferenceSet
from planner.scoring.calibration import check_references
from planner.scoring.consensus import Dimension
from planner.store.scoring.scoring_model import load_scoring_setup


class Reference(NamedTuple):
    candidate_id: int
    title: str
    label: str


def references(*, db: Session, workspace_id: int) -> dict[str, list[Reference]]:
    """dimension -> its references in the scale's order (only answers the scale has)."""
    labels = load_scoring_setup(db=db, workspace_id=workspace_id).scale.labels
    rows = db.execute(
        select(
            CalibrationReference.dimension,
            CalibrationReference.candidate_id,
            Candidate.title,
            CalibrationReference.label,
        )
        .join(Candidate, Candidate.id == CalibrationReference.candidate_id)
        .where(CalibrationReference.workspace_id == workspace_id)
    )
    found: dict[str, list[Reference]] = {d.value: [] for d in Dimension}
    for dimension, candidate_id, title, label in rows:
        if label in labels:
            found[dimension].append(Reference(candidate_id, title, label))
    for kept in found.values():
        kept.sort(key=lambda r: (labels.index(r.label), r.title))
    return found


def set_references(
    *, db: Session, workspace_id: int, dimension: Dimension, chosen: list[ReferenceSet]
) -> None:
    """Replace the dimension's references with `chosen` (none: no references)."""
    labels = load_scoring_setup(db=db, workspace_id=workspace_id).scale.labels
    check_references([(r.candidate_id, r.label) for r in chosen], labels)
    owned = set(
        db.scalars(
            select(Candidate.id).where(
                Candidate.workspace_id == workspace_id,
                Candidate.id.in_([r.candidate_id for r in chosen]),
            )
        )
    )
    for r in chosen:
        if r.candidate_id not in owned:
            raise NotFound("error.reference_not_found", id=r.candidate_id)
    db.execute(
        delete(CalibrationReference).where(
            CalibrationReference.workspace_id == workspace_id,
            CalibrationReference.dimension == dimension,
        )
    )
    db.add_all(
        CalibrationReference(
            workspace_id=workspace_id,
            dimension=dimension,
            candidate_id=r.candidate_id,
            label=r.label,
        )
        for r in chosen
    )
    db.flush()
