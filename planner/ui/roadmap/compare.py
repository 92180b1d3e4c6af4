"""Compare before saving: the roadmap beside the same candidates under another strategy
or capacity — value delivered per period, what is left out, and what moves."""

from datetime import date

import pandas as pd
import streamlit as st

from planner.core.errors import PlannerError, validated
from planner.core.numbers import number_list
from planner.journey.journey import Journey
from planner.roadmap.build import Roadmap, compare, roadmap_figures
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import RoadmapSettings, parse_capacities
from planner.ui import tables
from planner.ui.shell.lang import current_lang, error_text, t
from planner.ui.shell.reads import working_roadmap


def compare_panel(journey: Journey, roadmap: Roadmap) -> None:
    settings = roadmap.settings
    others = [s for s in Strategy if s != settings.strategy]
    left, right = st.columns(2)
    strategy = left.selectbox(
        t("roadmap.compare_with"),
        others,
        index=others.index(Strategy.WSJF) if Strategy.WSJF in others else 0,
        format_func=lambda s: t(f"strategy.{s}"),
        key="compare_strategy",
    )
    capacity = right.text_input(
        t("field.capacities"),
        number_list(settings.capacities, current_lang()),
        key="compare_capacity",
        help=t("roadmap.capacity_help"),
    )
    try:
        other_settings = validated(
            RoadmapSettings,
            **(
                settings.to_json()
                | {"strategy": strategy, "capacities": parse_capacities(capacity, current_lang())}
            ),
        )
        _, other, _ = working_roadmap(journey, date.today(), other_settings)
    except PlannerError as error:
        st.error(error_text(error), icon=":material/error:")
        return
    mine, theirs = roadmap_figures(roadmap), roadmap_figures(other)
    names = (t(f"strategy.{settings.strategy}"), t(f"strategy.{strategy}"))
    rows = [
        (period.label_in(current_lang()), a, b)
        for period, a, b in zip(roadmap.periods, mine.delivered, theirs.delivered, strict=False)
    ]
    rows += [
        (t("roadmap.compare_left_out"), mine.unscheduled_value, theirs.unscheduled_value),
        (t("roadmap.compare_unused"), mine.unused_capacity, theirs.unused_capacity),
    ]
    tables.show(
        pd.DataFrame(rows, columns=[t("roadmap.compare_delivered"), *names]).round(1),
        hide_index=True,
        width="stretch",
    )
    moves = compare(roadmap.items, other.items)
    if moves.empty:
        st.info(t("roadmap.compare_same"))
        return
    labels = {p.index: p.label_in(current_lang()) for p in roadmap.periods}
    tables.show(
        pd.DataFrame(
            {
                t("field.title"): moves["title"],
                t("roadmap.compare_change"): moves["change"].map(lambda c: t(f"change.{c}")),
                names[0]: moves["before"].map(labels.get, na_action="ignore"),
                names[1]: moves["after"].map(labels.get, na_action="ignore"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
