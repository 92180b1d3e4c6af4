"""Searching and filtering the candidate list."""

from collections.abc import Collection

import pandas as pd

SEARCHED = ("title", "description", "proposer", "touchpoint")


def filter_candidates(
    candidates: pd.DataFrame,
    *,
    text: str = "",
    phases: Collection[str] = (),
    channels: Collection[str] = (),
    personas: Collection[str] = (),
    tags: Collection[str] = (),
) -> pd.DataFrame:
    """Candidates matching every word of `text` and any of each chosen filter's values.

    >>> filter_candidates(frame, text="stock store", phases=["Information"])
    """
    mask = pd.Series(True, index=candidates.index)
    if text.strip():
        haystack = candidates[list(SEARCHED)].astype(str).agg(" ".join, axis=1)
        haystack = (haystack + " " + candidates["tags"].map(" ".join)).str.casefold()
        for word in text.casefold().split():
            mask &= haystack.str.contains(word, regex=False)
    if phases:
        mask &= candidates["phase"].isin(phases)
    if personas:
        mask &= candidates["persona"].isin(personas)
    if channels:
        mask &= candidates["channels"].map(lambda values: not set(values).isdisjoint(channels))
    if tags:
        mask &= candidates["tags"].map(lambda values: not set(values).isdisjoint(tags))
    return candidates[mask]


def all_tags(candidates: pd.DataFrame) -> list[str]:
    """Every tag in use, sorted case-insensitively."""
    return sorted({tag for tags in candidates["tags"] for tag in tags}, key=str.casefold)
