"""Sign-off: a saved version is put to the workspace's stakeholders, who approve or object."""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import delete, func, select
from sqlmodel import Session

from planner.core.errors import Conflict, FieldName, InvalidInput, NotFound
from planner.delivery.signoff import Decision
from planner.models import (
    RoadmapVersion,
    Signoff,
    SignoffCreate,
    SignoffRequest,
    Stakeholder,
    utcnow,
)
from planner.store.frames import read_frame
from planner.store.versions import get_version


def request_signoff(*, db: Session, version_id: int, request_in: SignoffRequest) -> RoadmapVersion:
    """Put a version up for sign-off; from now on it cannot be changed."""
    version = get_version(db=db, version_id=version_id)
    if version.signoff_requested_at is not None:
        raise Conflict("error.signoff_already_requested", name=version.name)
    version.signoff_requested_at = utcnow()
    version.signoff_requested_by = request_in.by
    db.flush()
    return version


def sign(
    *, db: Session, version_id: int, stakeholder_id: int, signoff_in: SignoffCreate
) -> Signoff:
    """A stakeholder's approval or objection (with its reason); answering again replaces it."""
    version = get_version(db=db, version_id=version_id)
    if version.signoff_requested_at is None:
        raise Conflict("error.signoff_not_requested", name=version.name)
    person = db.get(Stakeholder, stakeholder_id)
    if person is None or person.workspace_id != version.workspace_id:
        raise NotFound("error.stakeholder_not_found", id=stakeholder_id)
    if signoff_in.decision == Decision.OBJECT and not signoff_in.comment:
        raise InvalidInput("error.objection_needs_comment", field=FieldName("comment"))
    db.execute(
        delete(Signoff).where(
            Signoff.version_id == version_id, Signoff.stakeholder_id == stakeholder_id
        )
    )
    answer = Signoff(
        version_id=version_id,
        stakeholder_id=stakeholder_id,
        decision=signoff_in.decision,
        comment=signoff_in.comment,
    )
    db.add(answer)
    db.flush()
    return answer


@dataclass(frozen=True)
class SignoffStatus:
    requested: bool
    answers: pd.DataFrame  # stakeholder_id, name, role, decision (None: no answer), comment, at

    @property
    def total(self) -> int:
        return len(self.answers)

    @property
    def approved(self) -> int:
        return int(self.answers["decision"].eq(Decision.APPROVE).sum())

    @property
    def objections(self) -> pd.DataFrame:
        return self.answers[self.answers["decision"].eq(Decision.OBJECT)]

    @property
    def complete(self) -> bool:
        """Every stakeholder approved."""
        return self.requested and self.total > 0 and self.approved == self.total


def signoff_status(*, db: Session, version_id: int) -> SignoffStatus:
    """Each stakeholder of the workspace with their answer on this version, if any."""
    version = get_version(db=db, version_id=version_id)
    answers = read_frame(
        db,
        select(
            Stakeholder.id.label("stakeholder_id"),
            Stakeholder.name,
            Stakeholder.role,
            Signoff.decision,
            Signoff.comment,
            Signoff.decided_at.label("at"),
        )
        .outerjoin(
            Signoff,
            (Signoff.stakeholder_id == Stakeholder.id) & (Signoff.version_id == version_id),
        )
        .where(Stakeholder.workspace_id == version.workspace_id)
        .order_by(Stakeholder.name_key),
    )
    return SignoffStatus(requested=version.signoff_requested_at is not None, answers=answers)


def approvals(*, db: Session, workspace_id: int) -> tuple[dict[int, int], int]:
    """Approvals per version of the workspace (one query), and how many stakeholders it has."""
    counts = dict(
        db.execute(
            select(Signoff.version_id, func.count())
            .join(RoadmapVersion, RoadmapVersion.id == Signoff.version_id)
            .where(
                RoadmapVersion.workspace_id == workspace_id, Signoff.decision == Decision.APPROVE
            )
            .group_by(Signoff.version_id)
        ).all()
    )
    total = db.scalar(
        select(func.count())
        .select_from(Stakeholder)
        .where(Stakeholder.workspace_id == workspace_id)
    )
    return counts, total
