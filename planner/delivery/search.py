"""Filtering the commitments board: owner, status, committed period, phase, channel, late."""

from collections.abc import Collection

import pandas as pd


def filter_commitments(
    frame: pd.DataFrame,
    *,
    owners: Collection[str] = (),
    statuses: Collection[str] = (),
    periods: Collection[str] = (),
    phases: Collection[str] = (),
    channels: Collection[str] = (),
    overdue_only: bool = False,
) -> pd.DataFrame:
    """The rows matching every filter given; an empty filter matches all.

    `frame` is a flagged commitments frame (see `planner.delivery.tracking.flag_deadlines`) with a
    `period_label` column; a row matches `channels` when it is on any of them.
    """
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (
        ("owner", owners),
        ("status", statuses),
        ("period_label", periods),
        ("phase", phases),
    ):
        if wanted:
            keep &= frame[column].isin(wanted)
    if channels:
        chosen = set(channels)
        keep &= frame["channels"].map(lambda on: bool(chosen.intersection(on)))
    if overdue_only:
        keep &= frame["overdue"]
    return frame[keep]
