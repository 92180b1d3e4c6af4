"""Who may enter a workspace and as what: facilitator (passphrase), manager or product
owner (their link), stakeholder (a session's join code)."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlmodel import Session

from planner.access.passphrases import hash_passphrase, verify_passphrase
from planner.access.rate_limit import Buckets
from planner.access.roles import Role
from planner.core.errors import NotFound
from planner.journey.naming import workspace_key
from planner.models import PassphraseSet, SignIn, WorkspaceAccess
from planner.store.access.attempts import begin_try, end_try
from planner.store.access.links import new_token
from planner.store.journey.workspaces import find_workspace


@dataclass(frozen=True)
class Grant:
    """A role in a workspace, and a proof of the credential that gave it: a digest of the
    passphrase's stored hash (facilitator) or of the link (owner, viewer). A new
    passphrase or new links change what the proof must be: the grant ends."""

    workspace_id: int
    role: str  # facilitator | owner | viewer
    proof: str = ""


def proof_of(secret: str | None) -> str:
    return hashlib.sha256((secret or "").encode()).hexdigest()


def _proof_now(access: WorkspaceAccess, role: str) -> str:
    secret = {
        Role.FACILITATOR: access.facilitator_hash,
        Role.OWNER: access.owner_token,
        Role.VIEWER: access.viewer_token,
    }.get(role)
    return proof_of(secret) if secret else "none"


def facilitator_grant(*, db: Session, workspace_id: int) -> Grant:
    """The grant of whoever just created the workspace (and set its passphrase)."""
    return grant_as(db=db, workspace_id=workspace_id, role=Role.FACILITATOR)


def grant_as(*, db: Session, workspace_id: int, role: str) -> Grant:
    """A grant of `role` with the proof its credential has now, for whom the app lets in
    without one: who made the workspace, who opens the demo (planner.access.demo_access)."""
    access = get_access(db=db, workspace_id=workspace_id)
    return Grant(workspace_id, role, _proof_now(access, role))


def current_proofs(*, db: Session, roles: dict[int, str]) -> dict[int, str]:
    """What each held grant's proof must be now; a deleted workspace is missing. One query."""
    rows = db.scalars(select(WorkspaceAccess).where(WorkspaceAccess.workspace_id.in_(roles)))
    return {access.workspace_id: _proof_now(access, roles[access.workspace_id]) for access in rows}


def get_access(*, db: Session, workspace_id: int) -> WorkspaceAccess:
    access = db.get(WorkspaceAccess, workspace_id)
    if access is None:
        raise NotFound("error.workspace_not_found", name=workspace_id)
    return access


def set_passphrase(*, db: Session, workspace_id: int, passphrase_in: PassphraseSet) -> None:
    """Set or change the facilitator passphrase; only its salted hash is stored."""
    access = get_access(db=db, workspace_id=workspace_id)
    access.facilitator_hash = hash_passphrase(passphrase_in.passphrase)
    db.flush()


def sign_in(
    *, db: Session, sign_in_in: SignIn, now: datetime, client: str = "unknown"
) -> Grant | None:
    """The facilitator grant for a right name and passphrase, else None.

    A wrong passphrase and an unknown workspace look the same (same answer, same time).
    Tries are limited by client and by (name, client), with a slow ceiling per name
    (planner.access.rate_limit): while this client must wait, `TooManyAttempts` is
    raised without checking. The try is recorded: commit the session even on None.
    """
    buckets = Buckets.of("signin", workspace_key(sign_in_in.workspace), client)
    ids = begin_try(db=db, buckets=buckets, now=now)
    try:
        workspace = find_workspace(db=db, name=sign_in_in.workspace)
    except NotFound:
        workspace = None
    stored = get_access(db=db, workspace_id=workspace.id) if workspace else None
    ok = verify_passphrase(sign_in_in.passphrase, stored.facilitator_hash if stored else None)
    end_try(db=db, buckets=buckets, ids=ids, ok=ok)
    return Grant(workspace.id, Role.FACILITATOR, proof_of(stored.facilitator_hash)) if ok else None


def grant_for_link(*, db: Session, token: str) -> Grant | None:
    """The manager's (viewer) or product owner's grant a link's token gives, if any."""
    access = db.scalars(
        select(WorkspaceAccess).where(
            or_(WorkspaceAccess.viewer_token == token, WorkspaceAccess.owner_token == token)
        )
    ).first()
    if access is None or not token:
        return None
    role = Role.VIEWER if access.viewer_token == token else Role.OWNER
    return Grant(access.workspace_id, role, proof_of(token))


def renew_links(*, db: Session, workspace_id: int) -> WorkspaceAccess:
    """New manager and product-owner links; the old ones stop working."""
    access = get_access(db=db, workspace_id=workspace_id)
    access.viewer_token, access.owner_token = new_token(), new_token()
    db.flush()
    return access
