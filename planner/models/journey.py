"""Journey tables: workspaces, phases, channels, personas, candidates."""

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from planner.core.i18n import Language
from planner.core.limits import DESCRIPTION_MAX, NAME_MAX, SHORT_TEXT_MAX, TITLE_MAX
from planner.core.text import text_field
from planner.journey.journey import JourneyKind
from planner.journey.templates import Template
from planner.models.columns import EnumText

# What people type, cleaned by the one text rule (planner.core.text) and held to limits.
Name = text_field(NAME_MAX, min_length=1, name=True)
Title = text_field(TITLE_MAX, min_length=1)
Description = text_field(DESCRIPTION_MAX, lines=True)
ShortText = text_field(SHORT_TEXT_MAX)
Tag = text_field(NAME_MAX, min_length=1, name=True)


def utcnow() -> datetime:
    return datetime.now(UTC)


def _timestamp() -> Column:
    return Column(DateTime(timezone=True), nullable=False, default=utcnow)


def _owner(table: str) -> Column:
    """A foreign key to `table` whose rows go when their owner goes."""
    return Column(
        Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False, index=True
    )


# --- workspaces ---------------------------------------------------------------


class WorkspaceBase(SQLModel):
    name: Name
    description: Description = ""
    language: Language = "en"


class WorkspaceCreate(WorkspaceBase):
    template: Template = Template.SIX_PHASE


class WorkspaceUpdate(SQLModel):
    name: Name | None = None
    description: Description | None = None
    language: Language | None = None
    archived: bool | None = None


class Workspace(WorkspaceBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=NAME_MAX, unique=True)
    language: Language = Field(default=Language.EN, sa_type=EnumText(Language, 2))
    archived: bool = False
    restoring: bool = False  # being restored in batches: nobody sees or reaches it yet
    signoff_on_behalf: bool = True  # facilitators may record sign-off answers in the room
    created_at: datetime = Field(sa_column=_timestamp())
    updated_at: datetime = Field(sa_column=_timestamp())


# --- the journey's dimensions: phases, channels, personas ----------------------


class DimensionCreate(SQLModel):
    name: Name


class Phase(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    position: int = 0


class Channel(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    position: int = 0


class Persona(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    position: int = 0


JourneyDimension = type[Phase] | type[Channel] | type[Persona]


def _dimension(table: str) -> Column:
    """The phase, channel or persona an alias stands for (one of three is set)."""
    return Column(Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=True, index=True)


class ImportAlias(SQLModel, table=True):
    """Another name for a phase, channel or persona, kept for the next import: a file's
    "Contactcentrum" is the workspace's "Klantcontactcentrum". Goes with its target."""

    __tablename__ = "import_alias"
    __table_args__ = (UniqueConstraint("workspace_id", "kind", "name_key"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    kind: JourneyKind = Field(sa_type=EnumText(JourneyKind, 8))
    name: str = Field(max_length=NAME_MAX)  # as first typed
    name_key: str = Field(max_length=NAME_MAX)  # as compared (planner.journey.naming)
    phase_id: int | None = Field(default=None, sa_column=_dimension("phase"))
    channel_id: int | None = Field(default=None, sa_column=_dimension("channel"))
    persona_id: int | None = Field(default=None, sa_column=_dimension("persona"))


# --- candidates ----------------------------------------------------------------


class CandidateBase(SQLModel):
    title: Title
    description: Description = ""
    proposer: ShortText = ""
    touchpoint: ShortText = ""
    channel_switch: bool = False


class CandidateCreate(CandidateBase):
    """A new candidate, with its phase, channels and persona by id."""

    phase_id: int
    channel_ids: list[int] = Field(min_length=1)
    persona_id: int | None = None
    tags: list[Tag] = []
    pre_value: float | None = Field(default=None, ge=0, le=10)
    pre_effort: float | None = Field(default=None, ge=0, le=10)


class CandidateUpdate(SQLModel):
    """The fields to change; those left `None` stay as they are."""

    title: Title | None = None
    description: Description | None = None
    proposer: ShortText | None = None
    touchpoint: ShortText | None = None
    channel_switch: bool | None = None
    phase_id: int | None = None
    channel_ids: list[int] | None = Field(default=None, min_length=1)
    persona_id: int | None = None
    clear_persona: bool = False
    tags: list[Tag] | None = None


class Candidate(CandidateBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    title: str = Field(max_length=TITLE_MAX)
    description: str = Field(default="", max_length=DESCRIPTION_MAX)
    phase_id: int = Field(foreign_key="phase.id", index=True)
    persona_id: int | None = Field(default=None, foreign_key="persona.id", index=True)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    pre_value: float | None = None
    pre_effort: float | None = None
    created_at: datetime = Field(sa_column=_timestamp())
    updated_at: datetime = Field(sa_column=_timestamp())


class CandidateChannel(SQLModel, table=True):
    __tablename__ = "candidate_channel"
    candidate_id: int = Field(
        sa_column=Column(Integer, ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    )
    channel_id: int = Field(foreign_key="channel.id", primary_key=True, index=True)
