"""Matching names as people type them: any case, extra spaces, English or Dutch.

>>> NameIndex(["Information", "Buying"]).resolve("informatie")
'Information'
"""

import unicodedata
from collections import defaultdict

from planner.journey.templates import ALL_TERMS

# Cyrillic and Greek letters (case-folded) drawn like a Latin one, as their Latin twin:
# "Аlice" with a Cyrillic А is "alice". A small table of the usual look-alikes from
# Unicode's confusables.txt, not its whole skeleton (no library for that is kept up).
LOOK_ALIKES = str.maketrans(
    "авекмнорстухѕіјԁһӏԛԝαβεζηικμνορτυχ",
    "abekmhopctyxsijdhlqwabezhikmnoptyx",
)


def name_key(name: str) -> str:
    """The form two names are compared in: compatibility forms as their plain letters
    (NFKC), format characters (zero-width, bidi) dropped, case-folded, spaces collapsed,
    and Cyrillic or Greek look-alikes as Latin: who looks the same is the same name.

    >>> name_key("Аli\u200bce") == name_key("ALICE") == name_key("Ａｌｉｃｅ")
    True
    """
    plain = unicodedata.normalize("NFKC", str(name))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Cf")
    return " ".join(plain.split()).casefold().translate(LOOK_ALIKES)


# Hyphen, non-breaking hyphen, figure dash, en and em dash, bar, minus, their small and
# full-width forms: a keyboard types "-" where a name holds "–".
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TO_HYPHEN = dict.fromkeys(map(ord, DASHES), "-")


def workspace_key(name: str) -> str:
    """The form a workspace's name is looked up in: `name_key`, every dash a hyphen.

    >>> workspace_key("Demo - Van Dijk") == workspace_key("demo – van dijk")
    True
    """
    return name_key(name).translate(_TO_HYPHEN)


def _translations(name: str) -> set[str]:
    key = name_key(name)
    found = {key}
    for term in ALL_TERMS:
        if key in (name_key(term.en), name_key(term.nl)):
            found |= {name_key(term.en), name_key(term.nl)}
    return found


class AmbiguousName(ValueError):
    """A typed name that matches more than one known name."""


class NameIndex:
    """Looks up typed names among the names a workspace knows: the name itself, then the
    workspace's own other names for it (`aliases`: name_key -> known name), then its
    translation."""

    def __init__(self, names: list[str], aliases: dict[str, str] | None = None) -> None:
        self.names = list(names)
        self._exact = {name_key(name): name for name in names}
        self._own = {key: name for key, name in (aliases or {}).items() if name in names}
        self._aliases: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for alias in _translations(name):
                self._aliases[alias].add(name)

    def resolve(self, typed: str) -> str | None:
        """The known name `typed` stands for, `None` if unknown; raises `AmbiguousName`."""
        key = name_key(typed)
        if key in self._exact:
            return self._exact[key]
        if key in self._own:
            return self._own[key]
        matches = self._aliases.get(key, set())
        if len(matches) > 1:
            raise AmbiguousName(", ".join(sorted(matches)))
        return next(iter(matches), None)

    def __contains__(self, typed: str) -> bool:
        return name_key(typed) in self._exact
