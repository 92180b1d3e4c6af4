"""Hand-off buttons on the Commitments page: Jira CSV, Azure DevOps CSV, iCalendar.
Each file is made only when its button is clicked (planner.delivery.handoff)."""

from datetime import UTC, datetime
from functools import partial

import pandas as pd
import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading
from planner.delivery import handoff
from planner.journey.journey import Journey
from planner.store.commitments import handoff_items
from planner.ui.roadmap.downloads import file_stem
from planner.ui.shell.engine import get_engine
from planner.ui.shell.lang import current_lang, t

FILES = {  # format -> (button, help, file name ending, MIME type)
    "jira": ("handoff.jira", "handoff.jira_help", "jira.csv", "text/csv"),
    "azure": ("handoff.azure", "handoff.azure_help", "azure-devops.csv", "text/csv"),
    "ics": ("handoff.ics", "handoff.ics_help", "due-dates.ics", "text/calendar"),
}


def handoff_file(
    url: str, workspace_id: int, workspace: str, fmt: str, lang: str, owner: str | None
) -> bytes:
    """One hand-off file (runs on its own thread when clicked: only the domain here)."""
    with reading(get_engine(url)) as db:
        items = handoff_items(db=db, workspace_id=workspace_id)
    if fmt == "jira":
        return handoff.jira_csv(items, lang)
    if fmt == "azure":
        return handoff.azure_csv(items, lang)
    return handoff.calendar(items, workspace, lang, datetime.now(UTC), owner)


def handoff_downloads(journey: Journey, commitments: pd.DataFrame) -> None:
    """The section: what goes, one button per file, the calendar of everyone or one."""
    st.subheader(t("handoff.title"))
    st.caption(t("handoff.intro"))
    going = handoff.handed_off(commitments)
    if going.empty:
        st.info(t("handoff.none"))
        return
    owners = sorted(going["owner"].unique(), key=str.casefold)
    everyone = {"": t("commitments.everyone"), **{o: o for o in owners}}
    owner = st.selectbox(
        t("handoff.ics_owner"), list(everyone), format_func=everyone.get, key="handoff_owner"
    )
    stem = file_stem(journey.workspace.name)
    lang = current_lang()
    for column, (fmt, (label, help_key, ending, mime)) in zip(
        st.columns(len(FILES)), FILES.items(), strict=True
    ):
        whose = f"{file_stem(owner)}-" if fmt == "ics" and owner else ""
        column.download_button(
            t(label),
            data=partial(
                handoff_file,
                database_url(),
                journey.workspace.id,
                journey.workspace.name,
                fmt,
                lang,
                owner or None,
            ),
            file_name=f"{stem}-{whose}{ending}",
            mime=mime,
            key=f"handoff_{fmt}",
            help=t(help_key),
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
