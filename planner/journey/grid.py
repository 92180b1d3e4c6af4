"""The journey grid: how many candidates each phase x channel cell holds, and which
cells hold likely duplicates of candidates on other channels."""

from collections.abc import Iterable

import pandas as pd

from planner.journey.duplicates import DuplicateSuggestion

Cell = tuple[str, str]  # (phase, channel)


def cell_counts(candidates: pd.DataFrame, phases: list[str], channels: list[str]) -> pd.DataFrame:
    """Candidates per cell: channels as rows, phases as columns, zeros included.

    A candidate on two channels counts in both cells.
    """
    cells = candidates[["phase", "channels"]].explode("channels").dropna()
    counts = pd.crosstab(cells["channels"], cells["phase"]) if len(cells) else pd.DataFrame()
    counts = counts.reindex(index=channels, columns=phases, fill_value=0).fillna(0).astype(int)
    counts.index.name, counts.columns.name = None, None
    return counts


def in_cell(candidates: pd.DataFrame, phase: str, channel: str) -> pd.DataFrame:
    """The candidates of one cell."""
    mask = (candidates["phase"] == phase) & candidates["channels"].map(lambda c: channel in c)
    return candidates[mask]


def empty_cells(counts: pd.DataFrame) -> list[tuple[str, str]]:
    """(phase, channel) of every cell without candidates, phase by phase."""
    return [
        (phase, channel)
        for phase in counts.columns
        for channel in counts.index
        if counts.at[channel, phase] == 0
    ]


def duplicate_cells(
    candidates: pd.DataFrame, suggestions: Iterable[DuplicateSuggestion]
) -> dict[Cell, list[DuplicateSuggestion]]:
    """The suggested pairs in each (phase, channel) cell that repeat a candidate on another
    channel of the phase, in the suggestions' order.

    A pair is in the cell of every channel one of its candidates is on while the other
    is on some other channel. Two candidates on one and the same channel only mark
    nothing: that cell lists them both. Pairs of candidates no longer in `candidates`
    (merged or deleted meanwhile) are left out.
    """
    channels = {
        int(id_): tuple(dict.fromkeys(names))
        for id_, names in zip(candidates["id"], candidates["channels"], strict=True)
    }
    cells: dict[Cell, list[DuplicateSuggestion]] = {}
    for pair in suggestions:
        first, second = channels.get(pair.first), channels.get(pair.second)
        if first is None or second is None:
            continue
        # a channel of one side is marked unless the other side is on it alone
        marked = [c for c in first if second != (c,)] + [c for c in second if first != (c,)]
        for channel in dict.fromkeys(marked):
            cells.setdefault((pair.phase, channel), []).append(pair)
    return cells
