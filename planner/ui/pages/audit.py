"""Audit log: what facilitators changed in this workspace, who and when (facilitators only)."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.store.audit import audit_log
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t

journey = require_journey("edit")
with reading(engine()) as db:
    log = audit_log(db=db, workspace_id=journey.workspace.id)
st.title(t("audit.title"))
st.caption(t("audit.intro"))
if log.empty:
    st.info(t("audit.empty"))
    st.stop()
tables.show(
    pd.DataFrame(
        {
            t("commitments.when"): log["at"],
            t("audit.who"): log["actor"],
            t("audit.what"): log["action"],
        }
    ),
    hide_index=True,
    width="stretch",
)
