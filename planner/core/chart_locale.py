"""The locale a chart is drawn in (Vega's `config.locale`), from Babel's CLDR data: the
decimal mark and grouping of its numbers ("7,5" in Dutch tooltips and labels) and its
month and day names, so every chart reads as the rest of the page."""

from functools import cache

from babel import Locale

from planner.core.i18n import supported
from planner.core.numbers import marks


@cache
def vega_locale(lang: str) -> dict:
    """{"number": d3-format locale, "time": d3-time-format locale} for `lang`."""
    code = supported(lang)
    babel = Locale.parse(code)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday
    days, months = babel.days["format"], babel.months["format"]
    return {
        "number": {
            **marks(code),
            "grouping": [3],
            "currency": ["", ""],
        },
        "time": {
            "dateTime": "%a %e %b %Y %X",
            "date": "%d-%m-%Y" if code == "nl" else "%m/%d/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [str(days["wide"][d]) for d in sunday_first],
            "shortDays": [str(days["abbreviated"][d]) for d in sunday_first],
            "months": [str(months["wide"][m]) for m in range(1, 13)],
            "shortMonths": [str(months["abbreviated"][m]) for m in range(1, 13)],
        },
    }


def localised(spec: dict, lang: str) -> dict:
    """A Vega-Lite spec drawn in `lang`'s locale (a shallow copy; `spec` is kept)."""
    return {**spec, "config": {**spec.get("config", {}), "locale": vega_locale(lang)}}
