"""Streamlit's own chrome that axe-core finds fault with: left out of the accessibility
scan (tests/e2e/test_accessibility.py), by selector, here and nowhere else.

Each entry is markup Streamlit draws and the app cannot change (no option names or
restructures it), with axe's rule, its impact, and why. Found with axe-core 4.14 on
Streamlit 1.67; when Streamlit fixes one, its entry goes.
"""

# selector -> (axe rule, impact, why it is Streamlit's)
KNOWN: dict[str, tuple[str, str, str]] = {
    '[data-testid="stSidebarNavItems"]': (
        "list, listitem",
        "serious",
        "The sidebar navigation of st.navigation with sections: Streamlit puts each "
        "section's <li> items in a <div> inside the <ul>, so a screen reader announces no "
        "list. The links themselves are named and reachable by Tab.",
    ),
    '[data-testid="stFileUploaderDropzone"]': (
        "presentation-role-conflict",
        "minor",
        "st.file_uploader's drop zone is a <section role=presentation> that takes focus; "
        "its button inside is named (the catalog's words, planner/ui/upload.py).",
    ),
    '[data-testid="stDataFrame"] th[aria-colindex="1"]': (
        "empty-table-header",
        "minor",
        "The row-number column's header of Streamlit's data grid (glide-data-grid) is an "
        "empty <th> in the copy of the grid it keeps for screen readers.",
    ),
}
