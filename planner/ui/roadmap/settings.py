"""The roadmap's settings: strategy, periods, start, capacity, quadrant lines."""

import streamlit as st

from planner.core.errors import validated
from planner.journey.journey import Journey
from planner.models import RoadmapPlanUpdate
from planner.roadmap.build import RoadmapSettings
from planner.roadmap.ranking import STRATEGIES
from planner.store.roadmap_plan import save_plan
from planner.ui.shell.context import run_change
from planner.ui.shell.lang import t


def settings_form(journey: Journey, settings: RoadmapSettings) -> None:
    with st.form("roadmap_settings"):
        strategies = {s: t(f"strategy.{s}") for s in STRATEGIES}
        strategy = st.radio(
            t("field.strategy"),
            STRATEGIES,
            format_func=strategies.get,
            index=STRATEGIES.index(settings.strategy),
        )
        columns = st.columns(3)
        kinds = {k: t(f"period.{k}") for k in ("sprint", "month", "quarter")}
        kind = columns[0].selectbox(
            t("field.period_kind"),
            list(kinds),
            index=list(kinds).index(settings.period_kind),
            format_func=kinds.get,
        )
        periods = columns[1].number_input(t("field.periods"), 1, 60, settings.periods)
        start = columns[2].date_input(t("field.start"), settings.start)
        same = len(set(settings.capacities)) == 1
        capacity = st.text_input(
            t("field.capacities"),
            f"{settings.capacities[0]:g}"
            if same
            else ", ".join(f"{c:g}" for c in settings.capacities),
            help=t("roadmap.capacity_help"),
        )
        modes = {m: t(f"matrix.lines_{m}") for m in ("middle", "median")}
        mode = st.radio(
            t("field.threshold_mode"),
            list(modes),
            format_func=modes.get,
            index=list(modes).index(settings.threshold_mode),
            horizontal=True,
        )
        if st.form_submit_button(t("action.save"), type="primary"):
            try:
                capacities = [float(p) for p in capacity.replace(";", ",").split(",")]
            except ValueError:
                st.error(t("roadmap.capacity_not_numbers"))
            else:
                run_change(
                    lambda s: save_plan(
                        session=s,
                        workspace_id=journey.workspace.id,
                        plan_in=validated(
                            RoadmapPlanUpdate,
                            strategy=strategy,
                            period_kind=kind,
                            periods=periods,
                            start=start,
                            capacities=capacities,
                            threshold_mode=mode,
                        ),
                    ),
                    success=t("action.saved"),
                    rerun=True,
                )
