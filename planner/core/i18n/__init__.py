"""The i18n catalog: every user-visible string, in English and Dutch.

>>> t("nav.grid", "nl")
'Klantreisraster'
"""

import json
from enum import StrEnum
from functools import cache
from pathlib import Path


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


def t(key: str, lang: str = "en", **params: object) -> str:
    """The text for `key` in `lang`, with `{params}` filled in."""
    text = catalog(lang if lang in LANGUAGES else "en")[key]
    return text.format(**params) if params else text
