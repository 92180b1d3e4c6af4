"""Hand-off buttons on the Commitments page: Jira CSV, Azure DevOps CSV, iCalendar.
Each file is made when its link is followed (planner.delivery.handoff, planner.ui.downloads)."""

import pandas as pd
import streamlit as st

from planner.delivery import handoff
from planner.journey.journey import Journey
from planner.ui.downloads.links import DownloadLink, download_links, ticket
from planner.ui.roadmap.downloads import file_stem
from planner.ui.shell.lang import t

FILES = {  # format -> (button, help, what the file name says, its extension)
    "jira": ("handoff.jira", "handoff.jira_help", "download.name_jira", "csv"),
    "azure": ("handoff.azure", "handoff.azure_help", "download.name_azure", "csv"),
    "ics": ("handoff.ics", "handoff.ics_help", "download.name_due_dates", "ics"),
}


def handoff_downloads(journey: Journey, commitments: pd.DataFrame) -> None:
    """The section: what goes, one button per file, the calendar of everyone or one."""
    st.header(t("handoff.title"))
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
    links = []
    for fmt, (label, help_key, what, extension) in FILES.items():
        whose = f"{file_stem(owner)}-" if fmt == "ics" and owner else ""
        params: dict[str, str | int] = {"owner": owner} if fmt == "ics" and owner else {}
        links.append(
            DownloadLink(t(label), fmt, f"{stem}-{whose}{t(what)}.{extension}", params, t(help_key))
        )
    download_links(ticket(journey.workspace.id), links)
