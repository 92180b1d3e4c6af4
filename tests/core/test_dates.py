"""Dates as each language writes them, from Babel's CLDR data."""

import re
from datetime import date, datetime

import pandas as pd
import vl_convert

from planner.core import dates
from planner.roadmap.charts import timeline_chart
from planner.roadmap.periods import make_periods

OCTOBER = date(2026, 10, 1)


def test_days_months_and_moments_per_language():
    assert dates.day(OCTOBER, "en") == "1 Oct 2026"
    assert dates.day(OCTOBER, "nl") == "1 okt 2026"
    assert dates.month(date(2026, 3, 1), "nl") == "mrt 2026"
    assert dates.moment(datetime(2026, 10, 1, 14, 5), "nl") == "1 okt 2026 14:05"
    assert dates.day(OCTOBER, "fr") == dates.day(OCTOBER, "en")  # unknown: English
    assert dates.month_names("nl")[4] == "mei"


def test_period_labels_in_the_language():
    sprints = make_periods(date(2027, 1, 4), "sprint", 2)
    assert [p.label_in("nl") for p in sprints] == ["S1 · 4 jan", "S2 · 18 jan"]
    months = make_periods(date(2027, 3, 1), "month", 1)
    assert (months[0].label, months[0].label_in("nl")) == ("Mar 2027", "mrt 2027")
    assert make_periods(date(2027, 1, 1), "quarter", 1)[0].label_in("nl") == "Q1 2027"


def test_the_timeline_axis_names_the_months_in_the_language():
    bars = pd.DataFrame(
        {
            "title": ["A", "B"],
            "start": pd.to_datetime(["2026-10-01", "2026-11-01"]),
            "end": pd.to_datetime(["2026-11-01", "2026-12-01"]),
            "quadrant": ["Quick win", "Big bet"],
            "rank": [1, 2],
            "phase": ["Buying", "Service"],
            "period": ["okt 2026", "nov 2026"],
        }
    )
    labels = {"title": "Titel", "period": "Periode", "rank": "Rang", "quadrant": "Kwadrant"}
    names = {"quick_win": "Quick win", "big_bet": "Big bet", "fill_in": "F", "money_pit": "M"}
    chart = timeline_chart(bars, "phase", labels, names, "nl")
    svg = vl_convert.vegalite_to_svg(chart.to_json(validate=False))
    axis = set(re.findall(r">([A-Za-z]{3} 20\d\d)<", svg))
    assert axis and axis <= {"okt 2026", "nov 2026", "dec 2026"}
