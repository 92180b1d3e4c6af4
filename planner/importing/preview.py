"""Check every row of an import before anything is written.

Row numbers are the spreadsheet's: the header is row 1, the first candidate row 2.
"""

from dataclasses import dataclass, field

import pandas as pd
from pydantic import ValidationError
from sqlmodel import SQLModel

from planner.core.errors import (
    FieldName,
    InvalidInput,
    KindName,
    invalid_inputs,
    localised,
    validated,
)
from planner.core.i18n import t
from planner.core.numbers import one_decimal
from planner.core.text import clean_text
from planner.importing.columns import REQUIRED, map_headers, split_list
from planner.importing.reading import ImportFailed, Table
from planner.journey.journey import Journey, JourneyKind
from planner.journey.naming import AmbiguousName, NameIndex, name_key
from planner.journey.templates import DEFAULT_CHANNELS, NINE_PHASES, OTHER_CHANNELS, SIX_PHASES
from planner.models import Description, DimensionCreate, ShortText, Tag, Title
from planner.roadmap.schedule import DependencyCycle, check_acyclic

KINDS = tuple(JourneyKind)
TRUE_WORDS = {"1", "yes", "y", "true", "x", "ja", "j", "waar"}
FALSE_WORDS = {"", "0", "no", "n", "false", "nee", "onwaar"}


class RowText(SQLModel):
    """The free-text fields of a row, with the same limits as the candidate form."""

    title: Title
    description: Description = ""
    proposer: ShortText = ""
    touchpoint: ShortText = ""
    tags: list[Tag] = []


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    key: str
    params: dict = field(default_factory=dict)

    def problem(self, lang: str = "en") -> str:
        """What is wrong, without the row and column."""
        return t(self.key, lang, **localised(self.params, lang))

    def message(self, lang: str = "en") -> str:
        return t(
            "import.row_problem", lang, row=self.row, column=self.column, problem=self.problem(lang)
        )


@dataclass(frozen=True)
class ImportRow:
    row: int
    title: str
    phase: str
    channels: tuple[str, ...]
    persona: str | None = None
    description: str = ""
    proposer: str = ""
    touchpoint: str = ""
    tags: tuple[str, ...] = ()
    channel_switch: bool = False
    value: float | None = None
    effort: float | None = None
    needs: tuple[str, ...] = ()  # titles of the candidates this one needs


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    errors: list[RowProblem]
    warnings: list[RowProblem]
    unknown: dict[str, list[str]]  # kind -> typed names that are not known
    new_items: dict[str, list[str]]  # kind -> names that the import will create
    ignored_columns: list[str]
    row_count: int
    fields: list[str] = field(default_factory=list)  # the fields the file has, in order
    mapped: dict[str, dict[str, str]] = field(default_factory=dict)  # kept as aliases
    aliased: dict[str, dict[str, str]] = field(default_factory=dict)  # by stored aliases

    @property
    def ok(self) -> bool:
        return not self.errors

    def frame(self, lang: str = "en") -> pd.DataFrame:
        """The rows as they will be imported, every column the file has (names as they
        will be stored, scores as numbers), with their warnings, for showing."""
        notes: dict[int, list[str]] = {}
        for warning in self.warnings:
            notes.setdefault(warning.row, []).append(warning.message(lang))
        shown = [name for name in PREVIEW_FIELDS if name in self.fields or name in REQUIRED]
        columns = {name: [_cell(row, name, lang) for row in self.rows] for name in shown}
        return pd.DataFrame(
            {
                "row": [row.row for row in self.rows],
                **columns,
                "warning": [" ".join(notes.get(row.row, [])) for row in self.rows],
            }
        )


# The preview's columns in this order; "channels" holds a row's channels.
PREVIEW_FIELDS = (
    "title",
    "phase",
    "channels",
    "persona",
    "value",
    "effort",
    "description",
    "proposer",
    "touchpoint",
    "tags",
    "channel_switch",
    "depends_on",
)


def _cell(row: ImportRow, name: str, lang: str) -> object:
    """A row's value of the preview column `name`: lists joined, scores as the
    language writes them ("7,5"), the channel switch as a boolean."""
    if name == "persona":
        return row.persona or ""
    value = row.needs if name == "depends_on" else getattr(row, name)
    if name in ("value", "effort"):
        return "" if value is None else one_decimal(value, lang)
    return ", ".join(value) if isinstance(value, tuple) else value


class _Names:
    """Resolves one kind of name (phase, channel, persona): a known name, one of the
    workspace's aliases, a name the user mapped to a known one now, or one to create;
    the others are unknown."""

    def __init__(
        self,
        kind: JourneyKind,
        known: list[str],
        *,
        accept: set[str],
        accept_all: bool,
        aliases: dict[str, str],
        map_to: dict[str, str],
    ) -> None:
        self.kind = kind
        self.aliases = aliases
        self.index = NameIndex(known, aliases)
        self.known = known
        self.accept = {name_key(name) for name in accept}
        self.accept_all = accept_all
        self.map_to = {name_key(typed): self._known(to) for typed, to in map_to.items()}
        self.new: dict[str, str] = {}  # name_key -> first spelling
        self.unknown: dict[str, str] = {}
        self.mapped: dict[str, tuple[str, str]] = {}  # key -> (first spelling, known name)
        self.aliased: dict[str, tuple[str, str]] = {}  # the same, read by a stored alias

    def _known(self, name: str) -> str:
        """The known name `name` stands for; a mapping to an unknown one is refused."""
        try:
            found = NameIndex(self.known).resolve(name)
        except AmbiguousName:
            found = None
        if found is None:
            raise ImportFailed("error.item_not_found", kind=KindName(self.kind), name=name)
        return found

    def resolve(self, typed: str) -> tuple[str | None, tuple[str, dict] | None]:
        """(name to use, None) or (None, (problem key, params))."""
        key = name_key(typed)
        spelling = " ".join(typed.split())
        try:
            found = self.index.resolve(typed)
        except AmbiguousName as error:
            return None, ("error.ambiguous_name", {"name": typed, "matches": str(error)})
        if found:
            if key not in self.index and self.aliases.get(key) == found:
                self.aliased.setdefault(key, (spelling, found))
            return found, None
        if key in self.map_to:
            self.mapped.setdefault(key, (spelling, self.map_to[key]))
            return self.map_to[key], None
        if self.accept_all or key in self.accept:
            try:  # a new name is held to the limits of the journey's names
                validated(DimensionCreate, name=spelling)
            except InvalidInput as refused:
                return None, (refused.key, {**refused.params, "field": FieldName(self.kind)})
            return self.new.setdefault(key, spelling), None
        self.unknown.setdefault(key, spelling)
        known = ", ".join(self.known) or "—"
        return None, (f"error.unknown_{self.kind}", {"name": typed, "known": known})


def parse_score(cell: str) -> float | None:
    """'7', '7.5' or '7,5' -> a float; '' -> None; raises ValueError otherwise."""
    cell = cell.strip().replace(",", ".")
    return float(cell) if cell else None


def preview_import(
    table: Table,
    journey: Journey | None,
    *,
    existing: pd.DataFrame | None = None,
    accept_new: dict[str, list[str]] | None = None,
    map_to: dict[str, dict[str, str]] | None = None,
    aliases: dict[str, dict[str, str]] | None = None,
) -> ImportPreview:
    """Check every row; `journey=None` means a new workspace made from the file's names.

    Per kind (phase, channel, persona): `accept_new` names the unknown names the user
    chose to create, `map_to` the unknown names the user mapped to known ones (typed ->
    known; kept as aliases by the import), `aliases` the workspace's stored aliases
    (name_key -> known name; see planner.store.journey.aliases).
    """
    fields, ignored = map_headers(list(table.frame.columns))
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise ImportFailed(
            "error.import_missing_columns",
            missing=", ".join(missing),
            found=", ".join(table.frame.columns) or "—",
        )
    accept_new, map_to, aliases = accept_new or {}, map_to or {}, aliases or {}
    names = {
        kind: _Names(
            kind,
            [] if journey is None else getattr(journey, f"{kind}_names"),
            accept=set(accept_new.get(kind, [])),
            accept_all=journey is None,
            aliases=aliases.get(kind, {}),
            map_to=map_to.get(kind, {}),
        )
        for kind in KINDS
    }
    rows, errors = [], []
    for position, record in enumerate(table.frame.to_dict("records")):
        cells = {
            name: clean_text(str(record.get(header, "")), lines=name == "description")
            for name, header in fields.items()
        }
        if not any(cells.values()):
            continue
        row, problems = _check_row(position + 2, cells, fields, names, table.delimiter)
        errors.extend(problems)
        if row is not None:
            rows.append(row)
    errors += _check_needs(rows, existing, fields)
    bad_rows = {problem.row for problem in errors}
    rows = [row for row in rows if row.row not in bad_rows]
    return ImportPreview(
        rows=rows,
        errors=errors,
        warnings=_duplicates(rows, existing, fields),
        unknown={kind: list(n.unknown.values()) for kind, n in names.items() if n.unknown},
        new_items={
            kind: _template_order(list(n.new.values())) for kind, n in names.items() if n.new
        },
        ignored_columns=ignored,
        row_count=len(table.frame),
        fields=list(fields),
        mapped={kind: dict(n.mapped.values()) for kind, n in names.items() if n.mapped},
        aliased={kind: dict(n.aliased.values()) for kind, n in names.items() if n.aliased},
    )


def _check_row(number, cells, fields, names, delimiter) -> tuple[ImportRow | None, list]:
    problems: list[RowProblem] = []

    def problem(field_name: str, key: str, **params) -> None:
        problems.append(RowProblem(number, fields.get(field_name, field_name), key, params))

    try:
        text = RowText(
            title=cells.get("title", ""),
            description=cells.get("description", ""),
            proposer=cells.get("proposer", ""),
            touchpoint=cells.get("touchpoint", ""),
            tags=split_list(cells.get("tags", ""), delimiter),
        )
    except ValidationError as error:
        text = None
        for invalid in invalid_inputs(error):
            problem(str(invalid.params["field"]), invalid.key, **invalid.params)

    resolved: dict[str, list[str]] = {}
    for kind, field_name in (("phase", "phase"), ("channel", "channels"), ("persona", "persona")):
        typed_names = (
            split_list(cells.get(field_name, ""), delimiter)
            if kind == "channel"
            else [cells.get(field_name, "")]
            if cells.get(field_name)
            else []
        )
        if not typed_names and kind != "persona":
            problem(field_name, "error.required", field=FieldName(field_name))
        resolved[kind] = []
        for typed in typed_names:
            found, issue = names[kind].resolve(typed)
            if issue:
                problem(field_name, issue[0], **issue[1])
            else:
                resolved[kind].append(found)

    scores = {}
    for score in ("value", "effort"):
        try:
            scores[score] = parse_score(cells.get(score, ""))
        except ValueError:
            problem(score, "error.not_a_number", field=FieldName(score))
            continue
        if scores[score] is not None and not 0 <= scores[score] <= 10:
            problem(score, "error.score_range", field=FieldName(score))

    switch = cells.get("channel_switch", "").casefold()
    if switch not in TRUE_WORDS | FALSE_WORDS:
        problem("channel_switch", "error.not_yes_no")

    if problems or text is None:
        return None, problems
    return (
        ImportRow(
            row=number,
            title=text.title,
            phase=resolved["phase"][0],
            channels=tuple(resolved["channel"]),
            persona=resolved["persona"][0] if resolved["persona"] else None,
            description=text.description,
            proposer=text.proposer,
            touchpoint=text.touchpoint,
            tags=tuple(text.tags),
            channel_switch=switch in TRUE_WORDS,
            value=scores.get("value"),
            effort=scores.get("effort"),
            needs=tuple(split_list(cells.get("depends_on", ""), delimiter)),
        ),
        [],
    )


def _check_needs(rows: list[ImportRow], existing: pd.DataFrame | None, fields) -> list:
    """Every needed title must be a candidate of the file or the workspace; no circles."""
    known = {name_key(row.title) for row in rows}
    if existing is not None:
        known |= set(existing["title"].map(name_key))
    problems = []
    graph: dict[str, set[str]] = {}
    for row in rows:
        for title in row.needs:
            if name_key(title) not in known:
                problems.append(
                    RowProblem(
                        row.row, fields["depends_on"], "error.unknown_needed", {"name": title}
                    )
                )
            graph.setdefault(name_key(row.title), set()).add(name_key(title))
    try:
        check_acyclic(graph)
    except DependencyCycle as error:
        in_cycle = set(error.cycle)
        problems += [
            RowProblem(
                row.row,
                fields["depends_on"],
                "error.import_cycle",
                {"names": " → ".join(error.cycle)},
            )
            for row in rows
            if name_key(row.title) in in_cycle
        ]
    return problems


def _duplicates(rows: list[ImportRow], existing: pd.DataFrame | None, fields) -> list[RowProblem]:
    """Warn about a title that already stands in the same phase x channel cell."""
    seen: dict[tuple[str, str, str], int | None] = {}
    if existing is not None:
        for title, phase, channels in existing[["title", "phase", "channels"]].itertuples(
            index=False
        ):
            for channel in channels:
                seen[(name_key(title), phase, channel)] = None
    warnings = []
    for row in rows:
        cells = [(name_key(row.title), row.phase, channel) for channel in row.channels]
        clash = next((cell for cell in cells if cell in seen), None)
        if clash is not None:
            earlier = seen[clash]
            key = "error.duplicate_existing" if earlier is None else "error.duplicate_in_file"
            warnings.append(
                RowProblem(row.row, fields["title"], key, {"row": earlier, "channel": clash[2]})
            )
        for cell in cells:
            seen.setdefault(cell, row.row)
    return warnings


def _template_order(names: list[str]) -> list[str]:
    """Known template names in template order, the others after them as they came."""
    order = {}
    for terms in (SIX_PHASES, NINE_PHASES, DEFAULT_CHANNELS + OTHER_CHANNELS):
        for position, term in enumerate(terms):
            order.setdefault(name_key(term.en), position)
            order.setdefault(name_key(term.nl), position)
    first_seen = {name: i for i, name in enumerate(names)}
    return sorted(names, key=lambda name: (order.get(name_key(name), 1000), first_seen[name]))
