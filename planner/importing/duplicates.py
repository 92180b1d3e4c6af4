"""Import rows that duplicate a candidate of the workspace: found before anything is
written (the same suggestions as the candidates page), and merged into that candidate
instead of being added when the user chooses so (audited and undoable like any merge)."""

from dataclasses import dataclass, replace

import pandas as pd
from sqlmodel import Session

from planner.core.i18n import t
from planner.importing.apply import candidate_in
from planner.importing.preview import ImportPreview, ImportRow
from planner.journey.duplicates import (
    DuplicateCandidate,
    DuplicateSuggestion,
    candidates_of,
    suggest_duplicates,
)
from planner.journey.naming import name_key
from planner.store.journey.candidates import create_candidates
from planner.store.journey.merges import merge_candidates
from planner.store.journey.workspaces import load_journey


@dataclass(frozen=True)
class RowDuplicate:
    """An import row that is likely a candidate the workspace has."""

    row: int
    candidate_id: int
    title: str
    pair: DuplicateSuggestion  # the row's id in it is minus its row number

    def describe(self, lang: str) -> str:
        """Which candidate, and why: "Possible duplicate of “X” (titles 92 % alike)"."""
        return t("duplicates.import_of", lang, title=self.title, reason=self.pair.describe(lang))


def duplicate_rows(
    preview: ImportPreview, existing: pd.DataFrame, channels: list[str]
) -> dict[int, RowDuplicate]:
    """Row number -> the workspace's candidate it most likely repeats. Rows that need
    another row, or that another row needs, are left to the import (their dependencies
    are by title)."""
    needed = {name_key(title) for row in preview.rows for title in row.needs}
    rows = [row for row in preview.rows if not row.needs and name_key(row.title) not in needed]
    known = candidates_of(existing)
    titles = {candidate.id: candidate.title for candidate in known}
    # rows get negative ids, so that a pair of a row and a candidate is told apart
    incoming = [DuplicateCandidate(-row.row, row.phase, row.title, row.description) for row in rows]
    found: dict[int, RowDuplicate] = {}
    for pair in suggest_duplicates([*known, *incoming], channels=channels):
        if (pair.first < 0) == (pair.second < 0):
            continue  # two rows, or two candidates: not this question
        row, candidate = -pair.first, pair.second  # the negative id sorts first
        if row not in found or pair.score > found[row].pair.score:
            found[row] = RowDuplicate(row, candidate, titles[candidate], pair)
    return found


def without_rows(preview: ImportPreview, rows: dict[int, RowDuplicate]) -> ImportPreview:
    """The preview without these rows (the ones merged instead of added)."""
    return replace(preview, rows=[row for row in preview.rows if row.row not in rows])


def merge_rows(
    *,
    db: Session,
    workspace_id: int,
    preview: ImportPreview,
    duplicates: dict[int, RowDuplicate],
    actor: str,
) -> int:
    """Each duplicate row merged into its candidate: added, then merged (so its channels,
    description and scores follow the merge rule). Returns how many."""
    journey = load_journey(db=db, workspace_id=workspace_id)
    rows: list[ImportRow] = [row for row in preview.rows if row.row in duplicates]
    for row in rows:
        [added] = create_candidates(
            db=db, workspace_id=workspace_id, candidates_in=[candidate_in(row, journey)]
        )
        merge_candidates(
            db=db,
            workspace_id=workspace_id,
            kept_id=duplicates[row.row].candidate_id,
            merged_ids=[added],
            actor=actor,
        )
    return len(rows)
