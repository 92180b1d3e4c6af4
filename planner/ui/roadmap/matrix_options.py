"""The Matrix page's options: who sees it (a role or everyone), the filters, what colours
the points and where the quadrant lines go.

They sit in a popover: the browser draws its widgets only while it is open (seven
widgets drawn on arrival took ~100 ms of a page change in Chromium). The server runs
them on every rerun, so what is chosen holds while the popover is closed, and it reads
beside the popover in one line.
"""

from dataclasses import dataclass

import streamlit as st

from planner.journey.journey import Journey
from planner.roadmap.quadrants import QUADRANTS, ThresholdMode
from planner.ui.roadmap.matrix_view import Filters
from planner.ui.shell.lang import t
from planner.ui.text import plain
from planner.ui.widgets import multiselect


@dataclass(frozen=True)
class MatrixOptions:
    role: str | None  # None: everyone (the consensus)
    filters: Filters
    colour: str  # the column the points are coloured by
    mode: str  # where the quadrant lines go (ThresholdMode)


def matrix_options(journey: Journey, roles: list[str]) -> MatrixOptions:
    """The options' popover and, beside it, what is chosen; the options chosen."""
    names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
    colour_by = {k: t(f"matrix.colour_{k}") for k in ("quadrant", "phase", "channel", "persona")}
    lines_at = {m: t(f"matrix.lines_{m}") for m in ThresholdMode}
    opener, chosen = st.columns([1, 3], vertical_alignment="center")
    with opener.popover(t("matrix.options"), icon=":material/tune:", width="stretch"):
        role = None
        if roles:
            role = st.selectbox(
                t("matrix.seen_by"),
                roles,
                index=None,
                placeholder=t("matrix.seen_by_everyone"),
                key="matrix_seen_by",
                help=t("matrix.seen_by_help"),
            )
        columns = st.columns(2)
        phases = multiselect(columns[0], t("field.phase"), journey.phase_names, key="matrix_phase")
        channels = multiselect(
            columns[1], t("field.channel"), journey.channel_names, key="matrix_channel"
        )
        personas = multiselect(
            columns[0], t("field.persona"), journey.persona_names, key="matrix_persona"
        )
        quadrants = multiselect(
            columns[1],
            t("matrix.quadrant"),
            QUADRANTS,
            format_func=names.get,
            key="matrix_quadrant",
        )
        colour = st.radio(
            t("matrix.colour"),
            list(colour_by),
            format_func=colour_by.get,
            horizontal=True,
            key="matrix_colour",
        )
        mode = st.radio(
            t("field.threshold_mode"),
            list(ThresholdMode),
            format_func=lines_at.get,
            horizontal=True,
            key="matrix_lines",
        )
    chosen.caption(
        options_summary(
            role,
            [
                (t("field.phase"), phases),
                (t("field.channel"), channels),
                (t("field.persona"), personas),
                (t("matrix.quadrant"), [names[q] for q in quadrants]),
            ],
            colour_by[colour],
            lines_at[mode],
        )
    )
    filters = Filters(tuple(phases), tuple(channels), tuple(personas), tuple(quadrants))
    return MatrixOptions(role, filters, colour, mode)


def options_summary(
    role: str | None, filters: list[tuple[str, list[str]]], colour: str, lines: str
) -> str:
    """What the matrix shows, in one line: who sees it, the filters that are set (label
    and values), what colours the points and where the lines are."""
    chosen = [f"{label}: {plain(', '.join(values))}" for label, values in filters if values]
    return " · ".join(
        [
            f"{t('matrix.seen_by')}: {plain(role)}" if role else t("matrix.seen_by_everyone"),
            *(chosen or [t("matrix.all_candidates")]),
            f"{t('matrix.colour')}: {colour}",
            f"{t('field.threshold_mode')}: {lines}",
        ]
    )
