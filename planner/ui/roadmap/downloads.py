"""Download buttons of the roadmap, the matrix and the workspace backup: links to
/api/download (planner.ui.downloads), each file made when its link is followed."""

import re
from datetime import date

import streamlit as st

from planner.access.download_tickets import DATABASE
from planner.core.config import database_url
from planner.journey.journey import Journey
from planner.ui.downloads.links import DownloadLink, admin_ticket, download_links, ticket
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


def roadmap_downloads(
    journey: Journey,
    version_id: int | None = None,
    formats=("xlsx", "pdf", "csv", "md", "png", "svg"),
    chart: str = "timeline",
    version_name: str | None = None,
) -> None:
    """A row of buttons for the roadmap (a saved version, named in its files' names, or
    the working roadmap)."""
    suffix = t(f"download.name_{chart if set(formats) <= {'png', 'svg'} else 'roadmap'}")
    params: dict[str, str | int] = {"chart": chart}
    if version_id is not None:
        params["version"] = version_id
    download_links(
        ticket(journey.workspace.id),
        [
            DownloadLink(
                t(f"download.{fmt}"),
                fmt,
                download_name(journey.workspace.name, suffix, fmt, version_name),
                params,
            )
            for fmt in formats
        ],
    )


def workspace_backup_button(workspace_id: int, name: str) -> None:
    backup = DownloadLink(
        t("download.backup"), "json", f"{file_stem(name)}-{t('download.name_backup')}.json"
    )
    download_links(ticket(workspace_id), [backup])


def database_copy_button() -> None:
    """The whole SQLite database, copied while others keep working (administrators)."""
    engine = get_engine(database_url())
    if engine.dialect.name != "sqlite":
        st.caption(t("error.backup_sqlite_only"))
        return
    copy = DownloadLink(t("download.database"), DATABASE, f"planner-{date.today():%Y-%m-%d}.db")
    download_links(admin_ticket(), [copy])
