"""The journey grid: how many candidates each phase x channel cell holds."""

import pandas as pd


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
