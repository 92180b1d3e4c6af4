"""The locale a chart is drawn in: Dutch charts write 7,5 and Dutch month and day names,
English ones 7.5; the spec given is kept."""

import pytest

from planner.core.chart_locale import localised, vega_locale


def test_a_dutch_chart_has_a_decimal_comma_and_dutch_names():
    locale = vega_locale("nl")
    assert (locale["number"]["decimal"], locale["number"]["thousands"]) == (",", ".")
    assert locale["time"]["months"][0] == "januari"
    assert locale["time"]["shortMonths"][2] == "mrt"
    assert locale["time"]["days"][0] == "zondag"  # d3 counts from Sunday
    assert locale["time"]["date"] == "%d-%m-%Y"


def test_an_english_chart_has_a_decimal_point_and_english_names():
    locale = vega_locale("en")
    assert (locale["number"]["decimal"], locale["number"]["thousands"]) == (".", ",")
    assert locale["time"]["months"][11] == "December"
    assert locale["time"]["days"][:2] == ["Sunday", "Monday"]
    assert locale["time"]["date"] == "%m/%d/%Y"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_locale_has_every_name_d3_needs(lang):
    time = vega_locale(lang)["time"]
    assert (len(time["days"]), len(time["shortDays"])) == (7, 7)
    assert (len(time["months"]), len(time["shortMonths"])) == (12, 12)
    assert vega_locale(lang)["number"]["grouping"] == [3]


def test_a_language_the_app_does_not_speak_is_drawn_in_english():
    assert vega_locale("fr") == vega_locale("en")


def test_localised_adds_the_locale_and_keeps_the_spec_and_its_config():
    spec = {"mark": "bar", "config": {"view": {"stroke": None}}}
    drawn = localised(spec, "nl")
    assert drawn["mark"] == "bar"
    assert drawn["config"]["view"] == {"stroke": None}
    assert drawn["config"]["locale"] == vega_locale("nl")
    assert spec == {"mark": "bar", "config": {"view": {"stroke": None}}}
