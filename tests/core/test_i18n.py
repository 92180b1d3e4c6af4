"""The catalog is complete in English and Dutch, and every key the code uses exists."""

import re
import string

import pytest

from planner.core.i18n import LANGUAGES, catalog, t
from tests.conftest import ROOT

LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""")
ERROR_KEY = re.compile(r"""["']((?:error|cli|import|field)\.[a-z_0-9]+)["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys():
    assert set(catalog("en")) == set(catalog("nl"))


def test_translations_use_the_same_placeholders():
    """One test, every mismatch listed (key: English's, Dutch's)."""
    mismatches = {
        key: (placeholders(text), placeholders(catalog("nl")[key]))
        for key, text in catalog("en").items()
        if placeholders(text) != placeholders(catalog("nl").get(key, ""))
    }
    assert mismatches == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_empty_texts(lang):
    assert [key for key, text in catalog(lang).items() if not text.strip()] == []


def test_every_key_used_in_the_code_exists():
    sources = [*ROOT.joinpath("planner").rglob("*.py"), ROOT / "app.py"]
    used = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        used |= set(LITERAL_KEY.findall(text)) | set(ERROR_KEY.findall(text))
    known = set(catalog("en")) | {key.rsplit(".", 1)[0] for key in plural_keys("en")}
    assert sorted(used - known) == []


def plural_keys(lang: str) -> set[str]:
    return {key for key in catalog(lang) if key.endswith((".one", ".other"))}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_text_with_a_number_has_every_plural_form(lang):
    """`key.one` and `key.other` come together, count in hand, and t() picks by number."""
    stems = {key.rsplit(".", 1)[0] for key in plural_keys(lang)}
    for stem in stems:
        assert {f"{stem}.one", f"{stem}.other"} <= set(catalog(lang)), stem
        assert "count" in placeholders(catalog(lang)[f"{stem}.other"]), stem
    assert t("candidates.deleted", lang, count=1) != t("candidates.deleted", lang, count=2)
    counted = " ".join(text for text in catalog(lang).values() if "{count}" in text)
    assert not re.search(r"\((s|en|men)\)|/(kandidaten|problemen)", counted)  # no "candidate(s)"


def test_t_fills_placeholders_and_falls_back_to_english():
    assert t("candidates.count", "nl", shown=1, total=2) == "1 van 2 kandidaten"
    assert t("nav.grid", "fr") == t("nav.grid", "en")


def test_every_input_field_has_a_label():
    """Validation messages name the field: each field of each input schema needs its label."""
    from pydantic import BaseModel

    import planner.importing.preview
    import planner.models as models
    from planner.roadmap.settings import RoadmapSettings

    schemas = [
        obj
        for obj in vars(models).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and getattr(obj, "__table__", None) is None
        and obj.__module__.startswith("planner")
    ]
    schemas += [planner.importing.preview.RowText, RoadmapSettings]
    fields = {name for schema in schemas for name in schema.model_fields}
    assert sorted(f for f in fields if f"field.{f}" not in catalog("en")) == []


# Dutch in one register (informal: je/jij/jouw) and one term per concept: a word on the
# left is flagged wherever the catalog uses it, with the word chosen instead.
DUTCH_ONE_WAY = {
    r"\b[Uu]\b": "je (informal, as the rest of the app)",
    r"\b[Uu]w\b": "jouw",
    r"\b[Uu]zelf\b": "jezelf",
    r"(?i)belanghebbend": "stakeholder(s)",
    r"(?i)\bonthul": "bekendmaken (reveal)",
    r"(?i)\bpublice?er": "bekendmaken (reveal)",
    r"(?i)\bdeelnemer": "stakeholder(s)",
    r"(?i)quick wins?": "snelle winst(en)",
}


def test_dutch_has_one_register_and_one_term_per_concept():
    found = {
        key: [instead for pattern, instead in DUTCH_ONE_WAY.items() if re.search(pattern, text)]
        for key, text in catalog("nl").items()
    }
    assert {key: words for key, words in found.items() if words} == {}


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "Geef de 1 die nog niet klaar is een seintje"),
        (2, "Geef de 2 die nog niet klaar zijn een seintje"),
    ],
)
def test_the_nudge_button_agrees_with_its_number(count, text):
    assert t("session.nudge", "nl", count=count) == text
