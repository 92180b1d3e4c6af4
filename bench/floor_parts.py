"""What the floor page (bench/floor_page.py) draws: a 2,000-row table and one Altair
scatter of the same rows. Shared with bench/floor_app.py, which also serves the scatter
alone."""

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

ROWS = 2_000


@st.cache_data
def frame() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "title": [f"Candidate {i}" for i in range(ROWS)],
            "value": rng.uniform(0, 10, ROWS),
            "effort": rng.uniform(0, 10, ROWS),
        }
    )


def table() -> None:
    st.dataframe(frame(), hide_index=True)


def scatter() -> None:
    st.altair_chart(
        alt.Chart(frame()).mark_circle().encode(x="effort:Q", y="value:Q", tooltip=["title:N"])
    )
