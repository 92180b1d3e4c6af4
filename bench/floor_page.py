"""The floor page of bench/pages.py: what any page with a 2,000-row table and one Altair
scatter costs in a warm rerun on this machine (no database, no app around it)."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st


@st.cache_data
def _frame(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "title": [f"Candidate {i}" for i in range(rows)],
            "value": rng.uniform(0, 10, rows),
            "effort": rng.uniform(0, 10, rows),
        }
    )


frame = _frame(2_000)
st.title("Floor")
st.dataframe(frame, hide_index=True)
st.altair_chart(
    alt.Chart(frame).mark_circle().encode(x="effort:Q", y="value:Q", tooltip=["title:N"])
)
