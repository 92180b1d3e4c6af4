"""Turning edits made in the candidates table into candidate updates."""

from typing import Any

from planner.journey.journey import Journey

Cells = dict[str, Any]  # column -> value, as st.data_editor reports an edited row

TEXT_FIELDS = ("title", "description", "proposer", "touchpoint")


def updates_from_edits(
    journey: Journey, shown_ids: list[int], edited_rows: dict[int, Cells]
) -> list[tuple[int, Cells]]:
    """(candidate id, fields for `CandidateUpdate`) for each edited table row.

    `edited_rows` maps a row position in the table shown to its changed cells,
    as `st.data_editor` reports them; names are turned into ids.
    """
    updates = []
    for position, cells in sorted(edited_rows.items()):
        changes: Cells = {}
        for column, value in cells.items():
            if column in TEXT_FIELDS:
                changes[column] = value if value is not None else ""
            elif column == "channel_switch":
                changes[column] = bool(value)
            elif column == "tags":
                changes["tags"] = list(value or [])
            elif column == "phase" and value:
                changes["phase_id"] = journey.phase_id(value)
            elif column == "channels":
                changes["channel_ids"] = [journey.channel_id(name) for name in value or []]
            elif column == "persona":
                if value:
                    changes["persona_id"] = journey.persona_id(value)
                else:
                    changes["clear_persona"] = True
        if changes:
            updates.append((shown_ids[int(position)], changes))
    return updates
