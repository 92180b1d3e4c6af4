"""The roadmap's settings: strategy, periods, start, capacity, quadrant lines, and
the best plan's time limit."""

import streamlit as st

from planner.core import dates
from planner.core.errors import validated
from planner.core.limits import PERIODS_MAX, TIME_LIMIT_MAX
from planner.core.numbers import number_list
from planner.journey.journey import Journey
from planner.roadmap.periods import PeriodKind
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import RoadmapSettings, parse_capacities
from planner.store.roadmap.roadmap_plan import save_plan
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import current_lang, t


def settings_form(journey: Journey, settings: RoadmapSettings) -> None:
    with st.form("roadmap_settings"):
        strategy = st.radio(
            t("field.strategy"),
            list(Strategy),
            format_func={s: t(f"strategy.{s}") for s in Strategy}.get,
            index=list(Strategy).index(settings.strategy),
        )
        columns = st.columns(3)
        kind = columns[0].selectbox(
            t("field.period_kind"),
            list(PeriodKind),
            index=list(PeriodKind).index(settings.period_kind),
            format_func={k: t(f"period.{k}") for k in PeriodKind}.get,
        )
        periods = columns[1].number_input(t("field.periods"), 1, PERIODS_MAX, settings.periods)
        start = columns[2].date_input(
            t("field.start"), settings.start, format=dates.input_format(current_lang())
        )
        same = len(set(settings.capacities)) == 1
        capacity = st.text_input(
            t("field.capacities"),
            number_list(settings.capacities[:1] if same else settings.capacities, current_lang()),
            help=t("roadmap.capacity_help"),
        )
        mode = st.radio(
            t("field.threshold_mode"),
            list(ThresholdMode),
            format_func={m: t(f"matrix.lines_{m}") for m in ThresholdMode}.get,
            index=list(ThresholdMode).index(settings.threshold_mode),
            horizontal=True,
        )
        time_limit = st.number_input(
            t("field.time_limit"),
            min_value=1.0,
            max_value=TIME_LIMIT_MAX,
            value=float(settings.time_limit),
            step=5.0,
            help=t("roadmap.time_limit_help"),
        )
        if st.form_submit_button(t("action.save"), type="primary"):
            run_change(
                lambda s: save_plan(
                    db=s,
                    workspace_id=journey.workspace.id,
                    settings=validated(
                        RoadmapSettings,
                        strategy=strategy,
                        period_kind=kind,
                        periods=periods,
                        start=start,
                        capacities=parse_capacities(capacity, current_lang()),
                        threshold_mode=mode,
                        time_limit=time_limit,
                    ),
                ),
                success=t("action.saved"),
                rerun=True,
            )
