"""The floor page of bench/pages.py: what any page with a 2,000-row table and one Altair
scatter costs in a warm rerun on this machine (no database, no app around it)."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.floor_parts import scatter, table

st.title("Floor")
table()
scatter()
