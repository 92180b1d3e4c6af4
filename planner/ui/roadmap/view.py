"""Showing a roadmap: load per period, the timeline in swimlanes, the table, what is out."""

from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
import streamlit as st

from planner.core import i18n
from planner.roadmap.build import Roadmap
from planner.roadmap.certainty import Certainty
from planner.roadmap.charts import timeline_chart
from planner.roadmap.quadrants import QUADRANTS
from planner.roadmap.table import best_plan_notes, load_table, roadmap_table, with_certainty
from planner.ui import tables
from planner.ui.shell.charts import draw_spec, spec_of
from planner.ui.shell.lang import current_lang, t


@dataclass(frozen=True)
class Prepared:
    """What a roadmap's view shows, made from the roadmap (and how sure it is)."""

    notes: list[str]
    table: pd.DataFrame
    load: pd.DataFrame  # per period: effort planned, capacity, how full (as text)
    stability: float | None
    bars: pd.DataFrame  # the scheduled rows as timeline bars


def _prepare(roadmap: Roadmap, lang: str, certainty: Certainty | None) -> Prepared:
    table = roadmap_table(roadmap, lang)
    if certainty is not None:
        table = with_certainty(table, roadmap, certainty, lang)
    scheduled = table[table["period"].notna()]
    bars = scheduled.assign(
        start=pd.to_datetime(scheduled["start"]),
        end=pd.to_datetime(scheduled["end"]) + timedelta(days=1),
        channel=scheduled["channels"].str.split(", ").str[0],
    )
    stability = certainty.stability if certainty is not None else None
    notes = best_plan_notes(roadmap, lang)
    return Prepared(notes, table, load_table(roadmap, lang), stability, bars)


@st.cache_resource(show_spinner=False, max_entries=32)
def _prepared(version: str, lang: str, _roadmap: Roadmap, _certainty) -> Prepared:
    return _prepare(_roadmap, lang, _certainty)


def _timeline(lang: str, lane: str, bars: pd.DataFrame) -> dict:
    """The timeline's spec."""
    labels = {k: i18n.t(f"chart.{k}", lang) for k in ("title", "period", "rank", "quadrant")}
    names = {q: i18n.t(f"quadrant.{q}", lang) for q in QUADRANTS}
    return spec_of(timeline_chart(bars, lane, labels, names, lang))


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared_timeline(version: str, lang: str, lane: str, _bars: pd.DataFrame) -> dict:
    """The timeline's spec, made once per version of the roadmap, language and lanes."""
    return _timeline(lang, lane, _bars)


def roadmap_view(
    roadmap: Roadmap,
    key: str,
    certainty: Certainty | None = None,
    version: str | None = None,
    *,
    timeline: bool = True,
    table: bool = True,
) -> None:
    """The roadmap: its notes, load per period and timeline (`timeline`), and its table
    (`table`); with `certainty` (the current one), how sure each place is.
    `version` names what the roadmap and its certainty were made from (reads.py): its
    table and timeline are then made once and shared, not on every rerun."""
    lang = current_lang()
    if version is not None:
        prepared = _prepared(version, lang, roadmap, certainty)
    else:
        prepared = _prepare(roadmap, lang, certainty)
    if timeline:
        _overview(roadmap, key, prepared, lang, version)
    if table:
        _table(prepared.table)


def _overview(
    roadmap: Roadmap, key: str, prepared: Prepared, lang: str, version: str | None
) -> None:
    """The best plan's notes, how stable the plan is, the load per period, the timeline."""
    if prepared.notes:
        st.success(prepared.notes[0], icon=":material/verified:")
        st.caption(prepared.notes[1])
    if prepared.stability is not None:
        st.caption(t("roadmap.stability", percent=round(100 * prepared.stability)))
    scheduled = prepared.bars
    # A static table: a dozen periods need no grid (drawing one took ~50 ms of a page
    # change in Chromium).
    st.table(prepared.load, hide_index=True, width="content")
    if scheduled.empty:
        st.info(t("roadmap.empty"))
    else:
        lanes = {"phase": t("field.phase"), "channel": t("field.channel")}
        lane = st.radio(
            t("roadmap.swimlanes"),
            list(lanes),
            format_func=lanes.get,
            horizontal=True,
            key=f"{key}_lanes",
        )
        spec = (
            _shared_timeline(version, lang, lane, prepared.bars)
            if version is not None
            else _timeline(lang, lane, prepared.bars)
        )
        draw_spec(spec, width="content")


def _table(table: pd.DataFrame) -> None:
    """Every candidate of the roadmap: its place, why not scheduled, how sure."""
    tables.show(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "period": t("chart.period"),
            "start": tables.day(t("roadmap.from")),
            "end": tables.day(t("roadmap.until")),
            "rank": t("chart.rank"),
            "rank_interval": t("chart.rank_interval"),
            "quadrant_sure": t("chart.quadrant_sure"),
            "title": t("field.title"),
            "phase": t("field.phase"),
            "channels": t("field.channels"),
            "value": t("chart.value"),
            "effort": t("chart.effort"),
            "quadrant": t("chart.quadrant"),
            "note": t("roadmap.note"),
        },
    )
