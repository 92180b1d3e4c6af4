"""Access tables: a workspace's passphrase hash and links, the audit log, sign-in attempts."""

from datetime import datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlalchemy import JSON, Column, String
from sqlmodel import Field, SQLModel

from planner.access.passphrases import MIN_LENGTH
from planner.core.i18n import Language
from planner.core.limits import PASSPHRASE_MAX
from planner.models.columns import EnumText
from planner.models.journey import NAME_MAX, Name, _owner, _timestamp
from planner.models.scoring import _key

Passphrase = Annotated[str, StringConstraints(min_length=MIN_LENGTH, max_length=PASSPHRASE_MAX)]
TOKEN_LENGTH = 43  # secrets.token_urlsafe(32)


class PassphraseSet(SQLModel):
    passphrase: Passphrase


class SignIn(SQLModel):
    """A facilitator opening a workspace: its name, its passphrase and who they are."""

    workspace: Name
    passphrase: Annotated[str, StringConstraints(min_length=1, max_length=PASSPHRASE_MAX)]
    actor: Name


class WorkspaceAccess(SQLModel, table=True):
    """How people get into a workspace: the facilitator's passphrase (as a hash) and the
    links for managers (read-only) and product owners (commitments only)."""

    __tablename__ = "workspace_access"
    workspace_id: int = Field(sa_column=_key("workspace", primary=True))
    facilitator_hash: str | None = Field(default=None, max_length=200)
    viewer_token: str = Field(sa_column=Column(String(TOKEN_LENGTH), unique=True, nullable=False))
    owner_token: str = Field(sa_column=Column(String(TOKEN_LENGTH), unique=True, nullable=False))


class AuditEvent(SQLModel, table=True):
    """A facilitator action: who did what when."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    at: datetime = Field(sa_column=_timestamp())
    actor: str = Field(max_length=NAME_MAX)
    action: str = Field(max_length=500)


class AccessAttempt(SQLModel, table=True):
    """A sign-in with a passphrase or a code, kept a while to slow down guessing."""

    __tablename__ = "access_attempt"
    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=200, index=True)
    at: datetime = Field(sa_column=_timestamp())
    ok: bool = False


class SignInRecord(SQLModel, table=True):
    """A browser's sign-in, kept on the server: what the `planner_visit` cookie's random
    token (stored only as its SHA-256) brings back after a reload, on any app instance.

    `grants` is a list of [workspace id, role, proof] (see planner.store.access.grants.Grant);
    `lang` is the language kept for this browser (None: none, the workspace's own);
    `ballot_off` means the stakeholder left the ballot on this browser. `lineage` is
    shared by the records one browser made as it took on new roles (a new token each
    time): signing out ends them all.
    """

    __tablename__ = "sign_in"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    lineage: str = Field(default="", max_length=64, index=True)
    created_at: datetime = Field(sa_column=_timestamp())
    seen_at: datetime = Field(sa_column=_timestamp())
    grants: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    actor: str = Field(default="", max_length=NAME_MAX)
    lang: Language | None = Field(default=None, sa_type=EnumText(Language, 8))
    workspace_id: int | None = None
    ballot_off: bool = False


class ServerSecret(SQLModel, table=True):
    """A random key every app instance shares, made once (e.g. "downloads": what signs
    the download links, planner.access.download_tickets)."""

    __tablename__ = "server_secret"
    name: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=128)
