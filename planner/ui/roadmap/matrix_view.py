"""What the Matrix page draws, made once per change of its data or options.

The points, the quadrant lines, the chart's spec, the lists per quadrant and the heat
map come from the candidates, the consensus (as a role sees it) and the page's filters.
They are made once per version of those (the workspace's version, the consensus'
digest, the options) and shared by every viewer: a rerun draws, it does not compute.
"""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd
import streamlit as st

from planner.core import i18n
from planner.journey.journey import Journey
from planner.journey.search import filter_candidates
from planner.roadmap.certainty import chance_of
from planner.roadmap.charts import cell_heat_map
from planner.roadmap.matrix import matrix_points, value_by_cell
from planner.roadmap.matrix_chart import matrix_chart, matrix_columns
from planner.roadmap.quadrants import (
    QUADRANTS,
    ThresholdMode,
    Thresholds,
    quadrant_of,
    thresholds_for,
)
from planner.scoring.scales import SCALES
from planner.ui.shell.charts import shown_first, spec_of
from planner.ui.shell.lang import current_lang
from planner.ui.shell.reads import (
    candidates,
    consensus_digest,
    consensus_seen_by,
    quadrant_sureness,
)


@dataclass(frozen=True)
class Filters:
    phases: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    quadrants: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatrixView:
    unscored: int  # candidates without both a value and an effort
    points: pd.DataFrame  # the filtered points, with their quadrant
    thresholds: Thresholds
    spec: dict  # the matrix chart
    members: pd.DataFrame  # quadrant (its name), title, value, effort: by quadrant, best first
    counts: dict[str, int]  # candidates per quadrant
    heat_spec: dict  # value per journey cell


def matrix_view(
    journey: Journey, role: str | None, filters: Filters, mode: str, colour: str, scale: str
) -> MatrixView:
    """The page's view for these options: shared until the data changes."""
    return _view(
        journey.workspace.id,
        journey.workspace.updated_at,
        consensus_digest(journey, role),
        role,
        filters,
        mode,
        colour,
        scale,
        current_lang(),
        _journey=journey,
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _view(
    workspace_id: int,
    version: datetime,
    digest: str,
    role: str | None,
    filters: Filters,
    mode: str,
    colour: str,
    scale: str,
    lang: str,
    _journey: Journey,
) -> MatrixView:
    def t(key: str) -> str:
        return i18n.t(key, lang)

    frame, consensus = candidates(_journey), consensus_seen_by(_journey, role)
    everything = matrix_points(frame, consensus, thresholds_for(consensus, ThresholdMode.MIDDLE))
    thresholds = thresholds_for(everything, mode)
    points = everything.assign(
        quadrant=quadrant_of(everything["value"], everything["effort"], thresholds)
    )
    points = filter_candidates(
        points,
        phases=list(filters.phases),
        channels=list(filters.channels),
        personas=list(filters.personas),
    )
    if filters.quadrants:
        points = points[points["quadrant"].isin(filters.quadrants)]
    names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
    # How sure each quadrant is, from the whole room: not for one role's view.
    chances = quadrant_sureness(_journey, mode) if role is None else pd.DataFrame()
    sure = np.nan_to_num(chance_of(chances, points["candidate_id"], points["quadrant"]), nan=1.0)
    # In the scale's own terms too: on 1-10 a 0 is everyone answering 1 or 2.
    own = SCALES[scale]
    shown = points.assign(
        value_on_scale=own.on_scale_texts(points["value"], lang),
        effort_on_scale=own.on_scale_texts(points["effort"], lang),
        sure=sure,
        quadrant=points["quadrant"].map(names),
        channels=points["channels"].map(", ".join),
        persona=points["persona"].fillna("—"),
    )
    labels = {k: t(f"chart.{k}") for k in ("value", "effort", "n", "title")} | {
        "sure": t("chart.quadrant_sure"),
        "value_on_scale": i18n.t("consensus.value_on_scale", lang, scale=own.span),
        "effort_on_scale": i18n.t("consensus.effort_on_scale", lang, scale=own.span),
        "phase": t("field.phase"),
        "channels": t("field.channels"),
        **{k: t(f"matrix.colour_{k}") for k in ("quadrant", "phase", "channel", "persona")},
    }
    chart = matrix_chart(shown[matrix_columns(shown)], thresholds, colour, labels, names, lang)
    spec = shown_first(spec_of(chart), layer=-1)  # "Show data": the points
    # One table, quadrant by quadrant, best first: one grid for the browser to draw
    # instead of four (each took ~60 ms of a page change in Chromium).
    order = points["quadrant"].map({q: i for i, q in enumerate(QUADRANTS)})
    members = (
        points.assign(order=order)
        .sort_values(["order", "value"], ascending=[True, False])[
            ["quadrant", "title", "value", "effort"]
        ]
        .round(1)
    )
    counts = {q: int((points["quadrant"] == q).sum()) for q in QUADRANTS}
    members["quadrant"] = members["quadrant"].map(names)
    heat = value_by_cell(points, _journey.phase_names, _journey.channel_names)
    heat_labels = {
        "phase": t("field.phase"),
        "channel": t("field.channel"),
        "value": t("chart.value"),
    }
    return MatrixView(
        unscored=len(frame) - len(everything),
        points=points,
        thresholds=thresholds,
        spec=spec,
        members=members,
        counts=counts,
        heat_spec=spec_of(cell_heat_map(heat, heat_labels)) if not points.empty else {},
    )
