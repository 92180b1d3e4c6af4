"""Who rates which criterion, in SQL: a criterion limited to roles counts only the votes
of stakeholders of those roles, and a stakeholder has finished a candidate once they
answered every criterion *they* rate (planner.scoring.setup.ScoringSetup.criteria_for).

Without limits (the common case) both pieces are constants: the queries stay as plain
as before.
"""

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select, true
from sqlmodel import Session

from planner.models import ScoringRound, ScoringSession, Stakeholder, Vote
from planner.scoring.setup import ScoringSetup
from planner.store.scoring.scoring_model import load_scoring_setup


def round_setup(db: Session, round_id: int) -> ScoringSetup:
    """The scoring setup of the round's workspace."""
    workspace_id = db.scalar(
        select(ScoringSession.workspace_id)
        .join(ScoringRound, ScoringRound.session_id == ScoringSession.id)
        .where(ScoringRound.id == round_id)
    )
    return load_scoring_setup(db=db, workspace_id=workspace_id)


def counted(setup: ScoringSetup) -> ColumnElement[bool]:
    """Votes (joined with their Stakeholder) that count: on a criterion open to everyone,
    or limited to the voter's role."""
    if not setup.criterion_roles:
        return true()
    everyone = [c.id for c in setup.criteria if not setup.roles_of(c.id)]
    return or_(
        Vote.criterion_id.in_(everyone),
        *(
            and_(
                Vote.criterion_id == criterion_id,
                func.lower(Stakeholder.role).in_([r.lower() for r in roles]),
            )
            for criterion_id, roles in setup.criterion_roles.items()
        ),
    )


def needed(setup: ScoringSetup) -> ColumnElement[int]:
    """How many criteria a stakeholder rates, by their role (Stakeholder.role)."""
    if not setup.criterion_roles:
        return literal(len(setup.criteria))
    roles = {r for roles in setup.criterion_roles.values() for r in roles}
    return case(
        {role.lower(): len(setup.criteria_for(role)) for role in roles},
        value=func.lower(Stakeholder.role),
        else_=len(setup.criteria_for("")),
    )
