"""Dates as each language writes them (Babel's CLDR data): "1 Oct 2026", "1 okt 2026".

One place for every date a person reads: screens, PDF, hand-off files, period labels.
"""

from datetime import date, datetime

from babel.dates import format_date, format_datetime

from planner.core.i18n import supported

# How a date field reads and takes dates (Streamlit's date_input formats), day first
# in Dutch as Dutch people write it.
INPUT_FORMATS = {"en": "YYYY/MM/DD", "nl": "DD-MM-YYYY"}


def input_format(lang: str) -> str:
    return INPUT_FORMATS.get(lang, INPUT_FORMATS["en"])


def day(value: date, lang: str) -> str:
    """'1 Oct 2026' / '1 okt 2026'."""
    return str(format_date(value, "d MMM y", locale=supported(lang)))


def day_month(value: date, lang: str) -> str:
    """'6 Jan' / '6 jan'."""
    return str(format_date(value, "d MMM", locale=supported(lang)))


def month(value: date, lang: str) -> str:
    """'Jan 2027' / 'jan 2027'."""
    return str(format_date(value, "LLL y", locale=supported(lang)))


def moment(value: datetime, lang: str) -> str:
    """'1 Oct 2026 14:05' / '1 okt 2026 14:05'."""
    return str(format_datetime(value, "d MMM y HH:mm", locale=supported(lang)))


def month_names(lang: str, width: str = "abbreviated") -> list[str]:
    """January..December (or Jan..Dec) in `lang`, for chart axes."""
    from babel import Locale

    names = Locale.parse(supported(lang)).months["format"][width]
    return [str(names[number]) for number in range(1, 13)]
