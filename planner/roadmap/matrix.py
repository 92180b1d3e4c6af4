"""The matrix's data: candidates with consensus, quadrant, spread, and value per journey cell."""

import pandas as pd

from planner.roadmap.quadrants import Thresholds, quadrant_of


def matrix_points(
    candidates: pd.DataFrame, consensus: pd.DataFrame, thresholds: Thresholds
) -> pd.DataFrame:
    """The scored candidates as points: scores, quadrant, votes (n) and interquartile spread."""
    frame = candidates.set_index("id").join(consensus, how="left")
    frame = frame.dropna(subset=["value", "effort"]).reset_index(names="candidate_id")
    frame["quadrant"] = quadrant_of(frame["value"], frame["effort"], thresholds)
    frame["channel"] = frame["channels"].map(lambda c: c[0] if c else "")
    frame["n"] = frame[["value_n", "effort_n"]].min(axis=1).fillna(0).astype(int)
    return frame


def value_by_cell(points: pd.DataFrame, phases: list[str], channels: list[str]) -> pd.DataFrame:
    """Total consensus value per phase x channel (channels as rows); a candidate counts in
    each of its channels."""
    cells = points[["phase", "channels", "value"]].explode("channels").dropna()
    table = cells.groupby(["channels", "phase"])["value"].sum().unstack("phase")
    table = table.reindex(index=channels, columns=phases).fillna(0.0).round(1)
    table.index.name, table.columns.name = None, None
    return table
