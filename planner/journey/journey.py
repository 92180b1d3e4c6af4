"""A workspace's journey as one value: its phases, channels and personas in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class JourneyKind(StrEnum):
    """The three kinds of names a journey is made of (an import alias stands for one)."""

    PHASE = "phase"
    CHANNEL = "channel"
    PERSONA = "persona"


# What this module reads of the rows a journey is made of (planner.models.Workspace, Phase,
# Channel, Persona): described here, not imported, so the domain stays below the models.
class Row(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...


class WorkspaceRow(Row, Protocol):
    @property
    def updated_at(self) -> datetime: ...


@dataclass(frozen=True)
class Journey:
    workspace: WorkspaceRow
    phases: Sequence[Row]
    channels: Sequence[Row]
    personas: Sequence[Row]

    @property
    def phase_names(self) -> list[str]:
        return [phase.name for phase in self.phases]

    @property
    def channel_names(self) -> list[str]:
        return [channel.name for channel in self.channels]

    @property
    def persona_names(self) -> list[str]:
        return [persona.name for persona in self.personas]

    def phase_id(self, name: str) -> int:
        return _id_of(self.phases, name)

    def channel_id(self, name: str) -> int:
        return _id_of(self.channels, name)

    def persona_id(self, name: str) -> int:
        return _id_of(self.personas, name)


def _id_of(rows: Sequence[Row], name: str) -> int:
    """The id of the row named `name` (StopIteration when there is none)."""
    found = next(row.id for row in rows if row.name == name)
    assert found is not None, "rows read from the database have their ids"
    return found
