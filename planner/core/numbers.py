"""Numbers as each language writes them (Babel): 7.5 in English, 7,5 in Dutch."""

import math
import re
from datetime import timedelta
from functools import lru_cache

from babel.dates import format_timedelta
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    format_percent,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)
from babel.units import format_unit

from planner.core.i18n import supported


@lru_cache(maxsize=4096)  # Babel takes ~0.2 ms a number; scores repeat (7.5, 8.0...)
def one_decimal(value: float, lang: str) -> str:
    """'7.5' / '7,5'; thousands grouped as the language does ('1,234.5' / '1.234,5')."""
    return str(format_decimal(value, "#,##0.0", locale=supported(lang)))


def whole(value: int, lang: str) -> str:
    """'6,000' / '6.000'."""
    return str(format_decimal(value, "#,##0", locale=supported(lang)))


def file_size(size: int, lang: str) -> str:
    """A file's size as `lang` writes it, in decimal units: '244 byte', '1,5 kB', '2.2 MB'."""
    for unit, factor in (("digital-megabyte", 10**6), ("digital-kilobyte", 10**3)):
        if size >= factor:
            return str(format_unit(size / factor, unit, "short", "#,##0.#", locale=supported(lang)))
    return str(format_unit(size, "digital-byte", "short", "#,##0", locale=supported(lang)))


class Count(int):
    """A number of things for a catalog text's {count}: the plural rules read it as the
    number it is, the text shows it as `lang` writes numbers ('6,000' / '6.000').

    >>> from planner.core.i18n import t
    >>> t("session.workload_answers", "nl", count=Count(6000, "nl"))
    '6.000 antwoorden'
    """

    lang: str

    def __new__(cls, value: int, lang: str) -> "Count":
        count = super().__new__(cls, value)
        count.lang = lang
        return count

    def __format__(self, spec: str) -> str:
        return format(int(self), spec) if spec else whole(int(self), self.lang)


def few_decimals(value: float, lang: str, decimals: int = 1) -> str:
    """At most `decimals` decimals, none for a whole number: '10', '7.5' / '7,5',
    '0.05' / '0,05' (decimals=2)."""
    return str(format_decimal(value, "#,##0." + "#" * decimals, locale=supported(lang)))


def number_list(values: list[float] | tuple[float, ...], lang: str) -> str:
    """Numbers as a person types them back: '20, 12.5' / '20; 12,5' (a language with a
    decimal comma separates its list with semicolons)."""
    code = supported(lang)
    separator = "; " if marks(code)["decimal"] == "," else ", "
    return separator.join(str(format_decimal(v, "0.###", locale=code)) for v in values)


def read_numbers(text: str, lang: str) -> list[float]:
    """The numbers of a typed list, as `number_list` writes it ('20; 12,5' in Dutch); a
    Dutch part may be written the English way too ('12.5'). ValueError if a part is not
    a number."""
    code = supported(lang)
    if marks(code)["decimal"] != ",":
        return [float(part) for part in re.split(r"[,;]", text)]
    return [_comma_decimal(part, code) for part in re.split(r";|,(?=\s)", text)]


def _comma_decimal(part: str, code: str) -> float:
    try:
        return float(parse_decimal(part.strip(), locale=code, strict=True))
    except NumberFormatError:
        return float(part)  # "12.5": as English writes it


def whole_percent(share: float, lang: str) -> str:
    """0.845 as '84%' / '84%' (whole percents: ~100 texts, each written by Babel once)."""
    return _percent(round(100 * share), supported(lang))


@lru_cache(maxsize=1024)
def _percent(percent: int, code: str) -> str:
    return str(format_percent(percent / 100, locale=code))


def marks(lang: str) -> dict[str, str]:
    """The decimal mark and the thousands separator of `lang`, as pandas' Styler.format
    takes them: {"decimal": ",", "thousands": "."} in Dutch."""
    code = supported(lang)
    return {"decimal": get_decimal_symbol(code), "thousands": get_group_symbol(code)}


def seconds(wait: timedelta, lang: str) -> str:
    """A short wait in whole seconds, rounded up: '30 seconds' / '30 seconden',
    '1 second' / '1 seconde' (never turned into minutes)."""
    whole = timedelta(seconds=max(1, math.ceil(wait.total_seconds())))
    return str(
        format_timedelta(whole, granularity="second", threshold=10**9, locale=supported(lang))
    )
