"""The floor page (bench/floor_page.py) with a blank page beside it, so that a browser
can time a page change to the floor: drawing its table and scatter afresh, as a page
change to the matrix or the roadmap draws theirs. A third page holds the floor's
scatter alone: what drawing one 2,000-point chart on arrival costs. Served by
bench/chromium_pages.py."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.floor_parts import scatter


def blank() -> None:
    st.title("Blank")


def scatter_page() -> None:
    st.title("Scatter")
    scatter()


st.navigation(
    [
        st.Page("floor_page.py", title="Floor", default=True),
        st.Page(blank, title="Blank"),
        st.Page(scatter_page, title="Scatter"),
    ]
).run()
