"""Import: candidates from CSV or Excel, previewed and checked before anything is written."""

import streamlit as st

from planner.core.db import reading
from planner.core.errors import PlannerError, validated
from planner.core.limits import NAME_MAX
from planner.importing.batched import import_in_batches
from planner.importing.duplicates import duplicate_rows, merge_rows, without_rows
from planner.importing.example import example_csv
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.models import PassphraseSet, WorkspaceCreate
from planner.store.access.grants import set_passphrase
from planner.store.journey.aliases import alias_map
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from planner.ui.access.grants import may_make_large_workspaces
from planner.ui.importing.preview_panel import preview_panel
from planner.ui.importing.unknown_names import unknown_name_choices
from planner.ui.shell.changes import run_change, run_job
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import error_text, t
from planner.ui.shell.session_roles import actor, allowed
from planner.ui.shell.workspace import current_workspace_id
from planner.ui.upload import file_uploader, read_once
from planner.ui.widget_state import renew_key, versioned_key
from planner.ui.widgets import language_radio
from planner.ui.workspaces.forms import enter, passphrase_fields

st.title(t("import.title"))
st.caption(t("import.intro"))
st.download_button(
    t("import.example"), example_csv(), "example-candidates.csv", "text/csv", key="download_example"
)

workspace_id = current_workspace_id()
if not allowed(workspace_id, "edit"):
    workspace_id = None
targets = (["existing"] if workspace_id else []) + (["new"] if may_make_large_workspaces() else [])
if not targets:  # a stranger: a new workspace first (rate-limited), then import into it
    st.info(t("import.sign_in_first"), icon=":material/lock:")
    st.stop()
target = st.radio(
    t("import.target"),
    targets,
    format_func={k: t(f"import.target_{k}") for k in targets}.get,
    horizontal=True,
    key="import_target",
)
if target == "new":
    new_name = st.text_input(t("field.name"), key="import_new_name", max_chars=NAME_MAX)
    new_language = language_radio("import_new_language")
    new_passphrase, new_actor = passphrase_fields("import_new_")

upload = file_uploader(t("import.file"), ["csv", "xlsx"], key=versioned_key("import_file"))
if upload is None:
    st.stop()

try:
    table = read_once(upload, read_table)
    journey = existing = aliases = None
    if target == "existing":
        with reading(engine()) as db:
            journey = load_journey(db=db, workspace_id=workspace_id)
            existing = candidate_frame(db=db, workspace_id=workspace_id)
            aliases = alias_map(db=db, workspace_id=workspace_id)
    first = preview_import(table, journey, existing=existing, aliases=aliases)
    accept, map_to = unknown_name_choices(first.unknown, journey) if journey else ({}, {})
    preview = (
        preview_import(
            table, journey, existing=existing, aliases=aliases, accept_new=accept, map_to=map_to
        )
        if accept or map_to
        else first
    )
except PlannerError as error:
    st.error(error_text(error))
    st.stop()

# rows that repeat a candidate of the workspace (issue 35): marked, merged if chosen
duplicates = (
    duplicate_rows(preview, existing, journey.channel_names)
    if journey is not None and existing is not None and not existing.empty
    else {}
)
preview_panel(preview, duplicates)
merge_duplicates = bool(duplicates) and st.checkbox(
    t("duplicates.import_merge"), key="import_merge_duplicates"
)


def import_label(rows: int, merging: int) -> str:
    """'Import 3 candidates', or what happens to them: 'Add 1 candidate, merge 2 rows'."""
    if not merging:
        return t("import.all", count=rows)
    if merging == rows:
        return t("import.merge_only", count=merging)
    adding = t("import.adding", count=rows - merging)
    return t("import.add_and_merge", adding=adding, merging=t("import.merging", count=merging))


def do_import(valid_only: bool) -> None:
    """Write the previewed rows (in batches: people voting meanwhile are not held up; all
    rows arrive or none); on success start a fresh upload."""
    if target == "new":
        if not new_actor.strip():
            st.error(t("error.required", field=t("field.actor")))
            return
        try:
            checked = validated(PassphraseSet, passphrase=new_passphrase)
            workspace_in = validated(WorkspaceCreate, name=new_name, language=new_language)
        except PlannerError as error:
            st.error(error_text(error), icon=":material/error:")
            return
        done = run_job(
            lambda: import_in_batches(
                engine=engine(),
                preview=preview,
                new_workspace=workspace_in,
                valid_only=valid_only,
                on_publish=lambda db, wid: set_passphrase(
                    db=db, workspace_id=wid, passphrase_in=checked
                ),
            ),
            lambda value: t("import.done", count=value[1]),
            needs=None,
        )
        if done.ok:
            renew_key("import_file")
            enter(done.value[0], new_actor.strip())
        return
    merged = duplicates if merge_duplicates else {}
    added = without_rows(preview, merged)
    if added.rows:
        done = run_job(
            lambda: import_in_batches(
                engine=engine(), preview=added, workspace_id=workspace_id, valid_only=valid_only
            ),
            lambda value: t("import.done", count=value[1]),
        )
        if not done.ok:
            return
    if merged:
        done = run_change(
            lambda db: merge_rows(
                db=db,
                workspace_id=workspace_id,
                preview=preview,
                duplicates=merged,
                actor=actor() or "?",
            ),
            success=t("duplicates.import_merged", count=len(merged)),
        )
        if not done.ok:
            return
    renew_key("import_file")
    st.rerun()


left, right = st.columns(2)
if left.button(
    import_label(len(preview.rows), len(duplicates) if merge_duplicates else 0),
    type="primary",
    key="import_all",
    disabled=bool(preview.errors) or not preview.rows,
):
    do_import(valid_only=False)
if (
    preview.errors
    and preview.rows
    and right.button(t("import.valid_only", count=len(preview.rows)), key="import_valid_only")
):
    do_import(valid_only=True)
