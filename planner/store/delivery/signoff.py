"""Sign-off: a saved version is put to the workspace's stakeholders, who approve or object
themselves or, where the workspace allows it, through a facilitator in the room (the rules,
the tally among them: planner.delivery.signoff)."""

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from sqlalchemy import delete, func, select
from sqlmodel import Session

from planner.core.errors import Conflict, NotFound
from planner.delivery.signoff import (
    Decision,
    Tally,
    check_answer,
    objections,
    recorder,
    signed_off,
    tally,
)
from planner.models import (
    RoadmapVersion,
    Signoff,
    SignoffCreate,
    SignoffRequest,
    Stakeholder,
    utcnow,
)
from planner.store.journey.workspaces import get_workspace
from planner.store.roadmap.versions import get_version
from planner.store.sql import read_frame


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
    *,
    db: Session,
    version_id: int,
    stakeholder_id: int,
    signoff_in: SignoffCreate,
    actor: str | None,
) -> Signoff:
    """A stakeholder's approval or objection (with its reason); answering again replaces it.

    `actor` None: the stakeholder answers through their own link; else the facilitator
    who records the answer given in the room, which the answer then says (refused where
    the workspace forbids it, or over the stakeholder's own answer).
    """
    version = get_version(db=db, version_id=version_id)
    if version.signoff_requested_at is None:
        raise Conflict("error.signoff_not_requested", name=version.name)
    person = db.get(Stakeholder, stakeholder_id)
    if person is None or person.workspace_id != version.workspace_id:
        raise NotFound("error.stakeholder_not_found", id=stakeholder_id)
    earlier = db.get(Signoff, (version_id, stakeholder_id))
    recorded_by = recorder(
        actor=actor,
        on_behalf_allowed=on_behalf_allowed(db=db, workspace_id=version.workspace_id),
        own_answer=earlier is not None and earlier.recorded_by is None,
        name=person.name,
    )
    check_answer(signoff_in.decision, signoff_in.comment)
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
        recorded_by=recorded_by,
    )
    db.add(answer)
    db.flush()
    return answer


@dataclass(frozen=True)
class SignoffStatus:
    requested: bool
    # stakeholder_id, name, role, decision (None: no answer), comment, at, recorded_by
    # (None: their own answer, or no answer)
    answers: pd.DataFrame

    @cached_property
    def counted(self) -> Tally:
        return tally(self.answers)

    @property
    def total(self) -> int:
        return self.counted.total

    @property
    def approved(self) -> int:
        return self.counted.approved

    @property
    def in_the_room(self) -> int:
        """Answers a facilitator recorded on someone's behalf."""
        return self.counted.in_the_room

    @property
    def objections(self) -> pd.DataFrame:
        return objections(self.answers)

    @property
    def complete(self) -> bool:
        """Every stakeholder approved."""
        return signed_off(requested=self.requested, counted=self.counted)


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
            Signoff.recorded_by,
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


def on_behalf_allowed(*, db: Session, workspace_id: int) -> bool:
    """Whether facilitators may record answers given in the room in this workspace."""
    return get_workspace(db=db, workspace_id=workspace_id).signoff_on_behalf


def allow_on_behalf(*, db: Session, workspace_id: int, allowed: bool) -> None:
    """Let facilitators record answers given in the room, or not (answers recorded
    before stay, each saying who recorded it)."""
    get_workspace(db=db, workspace_id=workspace_id).signoff_on_behalf = allowed
    db.flush()
