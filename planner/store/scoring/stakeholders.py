"""Stakeholders: join a session by code as someone new, come back by personal link.

The join code only lets new people in: a name already taken in the workspace is
refused, never resumed. Who someone is follows from their personal link, a random
token of 192 bits of which only the SHA-256 is stored. A new link for a stakeholder
ends the old one at once.
"""

import hashlib
import secrets
from typing import NamedTuple

from sqlalchemy import exists
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.journey.naming import name_key
from planner.models import (
    Participant,
    RoleWeight,
    ScoringRound,
    ScoringSession,
    Stakeholder,
    StakeholderJoin,
    Workspace,
    utcnow,
)
from planner.scoring.lifecycle import SessionStatus, require_open
from planner.store.scoring.sessions import find_session
from planner.store.sql import upsert

TOKEN_BYTES = 24


class Joined(NamedTuple):
    """A stakeholder in a session, and the personal link token that proves who they are."""

    scoring: ScoringSession
    stakeholder: Stakeholder
    token: str


class JoinInfo(NamedTuple):
    """What the join page shows before anyone joins: where they join, in which
    language, and the roles they choose from (none: the workspace lists no roles)."""

    code: str
    session: str
    workspace: str
    language: str
    roles: list[str]
    open: bool


def workspace_roles(*, db: Session, workspace_id: int) -> list[str]:
    """The roles a stakeholder chooses from: the scoring model's role weights, in order."""
    query = select(RoleWeight.role).where(RoleWeight.workspace_id == workspace_id)
    return list(db.exec(query.order_by(RoleWeight.id)))


def join_info(*, db: Session, code: str) -> JoinInfo:
    """The session of a join code, as the join page names it (NotFound: no such code)."""
    scoring = find_session(db=db, code=code)
    workspace = db.get(Workspace, scoring.workspace_id)
    return JoinInfo(
        scoring.code,
        scoring.name,
        workspace.name,
        workspace.language,
        workspace_roles(db=db, workspace_id=scoring.workspace_id),
        scoring.status == SessionStatus.OPEN,
    )


def _listed_role(db: Session, workspace_id: int, role: str) -> str:
    """The role as the workspace lists it; any role when it lists none."""
    roles = workspace_roles(db=db, workspace_id=workspace_id)
    if not roles:
        return role
    if not role.strip():
        raise InvalidInput("error.role_not_chosen", roles=", ".join(roles))
    by_key = {name_key(r): r for r in roles}
    if name_key(role) not in by_key:
        raise InvalidInput("error.role_not_listed", role=role, roles=", ".join(roles))
    return by_key[name_key(role)]


def link_hash(token: str) -> str:
    """What is stored of a personal link's token (tokens are random: no salt needed)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token(stakeholder: Stakeholder) -> str:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    stakeholder.link_hash = link_hash(token)
    return token


def _take_part(db: Session, scoring: ScoringSession, stakeholder: Stakeholder) -> None:
    require_open(scoring.status, scoring.name)
    upsert(
        db,
        Participant,
        {"session_id": scoring.id, "stakeholder_id": stakeholder.id, "joined_at": utcnow()},
        keys=("session_id", "stakeholder_id"),
    )


def join_session(*, db: Session, code: str, join_in: StakeholderJoin) -> Joined:
    """Join by code as a new stakeholder; a name taken in the workspace is refused, and
    where the workspace lists roles the role must be one of them."""
    scoring = find_session(db=db, code=code)
    require_open(scoring.status, scoring.name)
    stakeholder = Stakeholder(
        workspace_id=scoring.workspace_id,
        name=join_in.name,
        name_key=name_key(join_in.name),
        role=_listed_role(db, scoring.workspace_id, join_in.role),
    )
    token = _new_token(stakeholder)
    try:
        with db.begin_nested():  # two people typing the same name at once: one wins
            db.add(stakeholder)
            db.flush()
    except IntegrityError:
        raise Conflict("error.stakeholder_taken", name=join_in.name) from None
    _take_part(db, scoring, stakeholder)
    db.flush()
    return Joined(scoring, stakeholder, token)


def get_stakeholder(*, db: Session, stakeholder_id: int) -> Stakeholder:
    stakeholder = db.get(Stakeholder, stakeholder_id)
    if stakeholder is None:
        raise NotFound("error.personal_link_unknown")
    return stakeholder


def stakeholder_by_link(*, db: Session, token: str) -> Stakeholder | None:
    """The stakeholder whose personal link this is, or None (unknown or replaced)."""
    if not token or len(token) > 100:
        return None
    query = select(Stakeholder).where(Stakeholder.link_hash == link_hash(token))
    return db.exec(query).first()


def key_holder(*, db: Session, token: str, round_id: int) -> tuple[Stakeholder | None, bool]:
    """The stakeholder whose personal link this is (None: unknown or replaced) and
    whether they take part in the round's session: what every ballot request checks, in
    one query."""
    if not token or len(token) > 100:
        return None, False
    in_round = (
        exists()
        .where(Participant.stakeholder_id == Stakeholder.id)
        .where(Participant.session_id == ScoringRound.session_id)
        .where(ScoringRound.id == round_id)
    )
    query = select(Stakeholder, in_round).where(Stakeholder.link_hash == link_hash(token))
    found = db.exec(query).first()
    return (None, False) if found is None else (found[0], bool(found[1]))


def rejoin(*, db: Session, token: str, code: str | None = None) -> Joined:
    """Come back by personal link: into the session of `code` (same workspace), or
    else the newest session this stakeholder takes part in."""
    stakeholder = stakeholder_by_link(db=db, token=token)
    if stakeholder is None:
        raise NotFound("error.personal_link_unknown")
    if code:
        scoring = find_session(db=db, code=code)
        if scoring.workspace_id != stakeholder.workspace_id:
            raise NotFound("error.session_not_found")
        joined = db.get(Participant, (scoring.id, stakeholder.id)) is not None
        if not joined:
            _take_part(db, scoring, stakeholder)
            db.flush()
        return Joined(scoring, stakeholder, token)
    scoring = db.exec(
        select(ScoringSession)
        .join(Participant, Participant.session_id == ScoringSession.id)
        .where(Participant.stakeholder_id == stakeholder.id)
        .order_by((ScoringSession.status == SessionStatus.OPEN).desc(), ScoringSession.id.desc())
    ).first()
    if scoring is None:
        raise NotFound("error.session_not_found")
    return Joined(scoring, stakeholder, token)


def renew_link(*, db: Session, workspace_id: int, stakeholder_id: int) -> str:
    """A new personal link for this stakeholder; the old one stops working at once."""
    stakeholder = db.get(Stakeholder, stakeholder_id)
    if stakeholder is None or stakeholder.workspace_id != workspace_id:
        raise NotFound("error.stakeholder_not_found", id=stakeholder_id)
    token = _new_token(stakeholder)
    db.add(stakeholder)
    db.flush()
    return token
