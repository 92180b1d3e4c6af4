"""The floor page (bench/floor_page.py) with a blank page beside it, so that a browser
can time a page change to the floor: drawing its table and scatter afresh, as a page
change to the matrix or the roadmap draws theirs. Served by bench/chromium_pages.py."""

import streamlit as st


def blank() -> None:
    st.title("Blank")


st.navigation(
    [st.Page("floor_page.py", title="Floor", default=True), st.Page(blank, title="Blank")]
).run()
