"""A workspace's journey as one value: its phases, channels and personas in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rows it is made of; this module needs no database
    from planner.models import Channel, Persona, Phase, Workspace


@dataclass(frozen=True)
class Journey:
    workspace: Workspace
    phases: list[Phase]
    channels: list[Channel]
    personas: list[Persona]

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
        return next(phase.id for phase in self.phases if phase.name == name)

    def channel_id(self, name: str) -> int:
        return next(channel.id for channel in self.channels if channel.name == name)

    def persona_id(self, name: str) -> int:
        return next(persona.id for persona in self.personas if persona.name == name)
