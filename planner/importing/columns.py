"""Which file column holds which field: headers in English or Dutch, any case."""

import re

from planner.journey.naming import name_key

# field -> accepted headers (compared case-insensitively, `_`/`-` as space)
HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titel"),
    "description": ("description", "omschrijving", "beschrijving"),
    "phase": ("phase", "fase"),
    "channels": ("channel", "channels", "kanaal", "kanalen"),
    "persona": ("persona", "segment"),
    "proposer": ("proposer", "indiener"),
    "tags": ("tags", "tag", "labels"),
    "touchpoint": ("touchpoint", "contactmoment"),
    "channel_switch": ("channel switch", "kanaalwissel"),
    "value": ("value", "waarde"),
    "effort": ("effort", "inspanning"),
    "depends_on": ("depends on", "needs", "afhankelijk van"),
}
REQUIRED = ("title", "phase", "channels")
LIST_SEPARATORS = "|;,"


def header_key(header: str) -> str:
    return name_key(re.sub(r"[_\-]+", " ", header))


_FIELD_OF = {header_key(alias): field for field, aliases in HEADERS.items() for alias in aliases}


def map_headers(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """(field -> file header, headers that mean nothing to us)."""
    fields: dict[str, str] = {}
    ignored = []
    for header in headers:
        field = _FIELD_OF.get(header_key(header))
        if field and field not in fields:
            fields[field] = header
        else:
            ignored.append(header)
    return fields, ignored


def split_list(cell: str, delimiter: str | None) -> list[str]:
    """Split a multi-value cell on `|`, and on `;`/`,` when that is not the file's delimiter."""
    separators = [s for s in LIST_SEPARATORS if s != delimiter]
    parts = re.split("|".join(map(re.escape, separators)), cell)
    return list(dict.fromkeys(part.strip() for part in parts if part.strip()))
