"""The Import page's preview: what an import will do, before anything is written."""

import pandas as pd
import streamlit as st

from planner.importing.duplicates import RowDuplicate
from planner.importing.preview import ImportPreview
from planner.ui import tables
from planner.ui.shell.lang import current_lang, t


def arrows(pairs: dict[str, str]) -> str:
    return ", ".join(f"{name} → {known}" for name, known in pairs.items())


def preview_panel(
    preview: ImportPreview, duplicates: dict[int, RowDuplicate] | None = None
) -> None:
    """What the import will do: counts, names it creates or reads as known ones, every
    row's problem, and the rows as they will be imported with every column read (and,
    for rows that likely repeat a candidate of the workspace, which one)."""
    lang = current_lang()
    columns = st.columns(4)
    columns[0].metric(t("import.rows"), preview.row_count)
    columns[1].metric(t("import.valid"), len(preview.rows))
    columns[2].metric(t("import.errors"), len(preview.errors))
    columns[3].metric(t("import.warnings"), len(preview.warnings))
    if preview.ignored_columns:
        st.info(t("import.ignored", columns=", ".join(preview.ignored_columns)))
    for kind, names in preview.new_items.items():
        st.info(t(f"import.will_create_{kind}", names=", ".join(names)))
    for kind, pairs in preview.aliased.items():
        st.info(t(f"import.aliased_{kind}", names=arrows(pairs)), icon=":material/link:")
    for kind, pairs in preview.mapped.items():
        st.info(t(f"import.will_map_{kind}", names=arrows(pairs)), icon=":material/link:")
    if preview.errors:
        st.error(t("import.has_problems", count=len(preview.errors)))
        tables.show(
            pd.DataFrame(
                {
                    t("import.column_row"): [p.row for p in preview.errors],
                    t("import.column"): [p.column for p in preview.errors],
                    t("import.problem"): [p.problem(lang) for p in preview.errors],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    frame = preview.frame(lang).rename(columns=lambda c: t(f"import.column_{c}"))
    if duplicates:
        frame.insert(
            2,
            t("duplicates.import_marked"),
            [
                duplicates[row.row].describe(lang) if row.row in duplicates else None
                for row in preview.rows
            ],
        )
    tables.show(
        frame,
        hide_index=True,
        width="stretch",
        column_config={t("import.column_channel_switch"): st.column_config.CheckboxColumn()},
    )
