"""Download buttons: each file is made only when its button is clicked."""

import json
import re
from datetime import date
from functools import partial

import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading
from planner.exports.content import export_content
from planner.exports.formats import EXPORT_FORMATS, MIME
from planner.journey.journey import Journey
from planner.store.backup import dump_workspace
from planner.store.database_backup import sqlite_backup
from planner.ui.shell.engine import get_engine
from planner.ui.shell.lang import t


def file_stem(name: str) -> str:
    """A workspace name as a safe file name: 'Demo – Van Dijk' -> 'Demo-Van-Dijk'."""
    return re.sub(r"[^\w]+", "-", name).strip("-") or "workspace"


def download_name(workspace: str, what: str, fmt: str, version: str | None = None) -> str:
    """'Retail-roadmap.pdf'; a saved version's files carry its name:
    'Retail-Q1-plan-roadmap.pdf'."""
    parts = [file_stem(workspace), *([file_stem(version)] if version else []), what]
    return f"{'-'.join(parts)}.{fmt}"


def _make(url: str, workspace_id: int, version_id: int | None, fmt: str, chart: str) -> bytes:
    # Runs on its own thread when clicked: no Streamlit here, only the domain.
    with reading(get_engine(url)) as db:
        content = export_content(
            db=db,
            workspace_id=workspace_id,
            today=date.today(),
            version_id=version_id,
            chances=fmt == "xlsx",
        )
        return EXPORT_FORMATS[fmt](content, chart)


def _backup(url: str, workspace_id: int) -> bytes:
    with reading(get_engine(url)) as db:
        document = dump_workspace(db=db, workspace_id=workspace_id)
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def roadmap_downloads(
    journey: Journey,
    key: str,
    version_id: int | None = None,
    formats=("xlsx", "pdf", "csv", "md", "png", "svg"),
    chart: str = "timeline",
    version_name: str | None = None,
) -> None:
    """A row of buttons for the roadmap (a saved version, named in its files' names, or
    the working roadmap)."""
    suffix = f"{chart}" if set(formats) <= {"png", "svg"} else "roadmap"
    for column, fmt in zip(st.columns(len(formats)), formats, strict=True):
        column.download_button(
            t(f"download.{fmt}"),
            data=partial(_make, database_url(), journey.workspace.id, version_id, fmt, chart),
            file_name=download_name(journey.workspace.name, suffix, fmt, version_name),
            mime=MIME[fmt],
            key=f"{key}_{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )


def workspace_backup_button(workspace_id: int, name: str) -> None:
    st.download_button(
        t("download.backup"),
        data=partial(_backup, database_url(), workspace_id),
        file_name=f"{file_stem(name)}-backup.json",
        mime=MIME["json"],
        key="backup_json",
        on_click="ignore",
        icon=":material/download:",
    )


def database_copy_button() -> None:
    """The whole SQLite database, copied while others keep working (administrators)."""
    engine = get_engine(database_url())
    if engine.dialect.name != "sqlite":
        st.caption(t("error.backup_sqlite_only"))
        return
    st.download_button(
        t("download.database"),
        data=partial(sqlite_backup, engine),
        file_name=f"planner-{date.today():%Y-%m-%d}.db",
        mime="application/vnd.sqlite3",
        key="database_copy",
        on_click="ignore",
        icon=":material/database:",
    )
