"""The i18n catalog: every user-visible string, in English and Dutch.

>>> t("nav.grid", "nl")
'Klantreisraster'
"""

import json
from enum import StrEnum
from functools import cache
from pathlib import Path

from babel import Locale


class Language(StrEnum):
    EN = "en"
    NL = "nl"


LANGUAGES = tuple(Language)
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}  # each in its own language
CATALOG_DIR = Path(__file__).parent


@cache
def catalog(lang: str) -> dict[str, str]:
    """The catalog of `lang` (a JSON file beside this module)."""
    return json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def supported(lang: str) -> str:
    """`lang` if the app speaks it, else English (the fallback of every text)."""
    return lang if lang in LANGUAGES else "en"


def plural_form(count: object, lang: str) -> str:
    """CLDR's plural category of `count` in `lang` ("one", "other"...), from Babel."""
    return str(_locale(lang).plural_form(count))  # type: ignore[arg-type]


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(supported(lang))


def t(key: str, lang: str = "en", **params: object) -> str:
    """The text for `key` in `lang`, with `{params}` filled in.

    A text that depends on a number is kept in the catalog per plural form
    (`key.one`, `key.other`): `t(key, count=n)` takes the form of `n` in `lang`.

    >>> t("candidates.deleted", "nl", count=1)
    '1 kandidaat verwijderd.'
    """
    texts = catalog(supported(lang))
    text = texts.get(key)
    if text is None:
        if "count" not in params:
            raise KeyError(key)
        text = texts[f"{key}.{plural_form(params['count'], lang)}"]
    return text.format(**params) if params else text
