"""`python -m planner`: the command line, a thin shell over the domain functions.

Each command imports what it needs when it runs: `init` and `--help` need no charts, PDF
or spreadsheet libraries (~2 s of imports on a busy machine)."""

import argparse
import getpass
import os
import sys
from datetime import UTC, date, datetime
from math import isfinite
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from planner.backup.staging import remove_stale
from planner.core import dates, numbers
from planner.core.config import database_url
from planner.core.db import database_refusal, make_engine, migrate, reading, writing
from planner.core.errors import (
    FieldName,
    InvalidInput,
    KindName,
    NotFound,
    PlannerError,
    validated,
)
from planner.core.i18n import Language, supported, t
from planner.core.ids import row_id
from planner.delivery.workflow import STATUSES
from planner.exports import FILE_FORMATS
from planner.journey.duplicates import THRESHOLD
from planner.journey.journey import JourneyKind
from planner.journey.naming import name_key
from planner.roadmap.periods import PeriodKind
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import (
    DEFAULT_CAPACITY,
    DEFAULT_PERIODS,
    DEFAULT_TIME_LIMIT,
    RoadmapSettings,
    parse_capacities,
    quarter_start,
)
from planner.store.journey.aliases import KINDS as ALIAS_KINDS
from planner.store.journey.workspaces import find_workspace

LINE_MAX = 1_000  # characters of a passphrase read from stdin (the rule allows 200)


def os_user() -> str:
    """Who runs the command, as the operating system knows them."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a bare container)
        return "cli"


def main(argv: list[str] | None = None) -> int:
    """Run a command. Every refusal is one line on stderr, never a traceback: an argument
    of the wrong form (a value not allowed, a missing or unknown option) exits with
    status 2, as argparse does; refused input, a file that cannot be read and a database
    that cannot be used or written exit with status 1; a closed pipe (`… | head`) ends
    quietly."""
    argv = sys.argv[1:] if argv is None else argv
    lang = _language(argv)
    try:
        args = _parser().parse_args(argv)
    except (ArgumentRefused, argparse.ArgumentError) as error:
        refusal = error if isinstance(error, ArgumentRefused) else _argparse_refusal(error)
        print(refusal.message(lang), file=sys.stderr)
        return 2
    url = args.db or database_url()
    try:
        engine = make_engine(url)
        migrate(engine)
        remove_stale(engine)  # what a killed restore or import left (planner.backup.staging)
    except PlannerError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1
    except (SQLAlchemyError, OSError, ImportError) as error:  # its file; a driver not installed
        print(database_refusal(error, url).message(args.lang), file=sys.stderr)
        return 1
    try:
        return args.command(engine, args)
    except PlannerError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(database_refusal(error, url).message(args.lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader has gone: send what is still buffered nowhere, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


class ArgumentRefused(InvalidInput):
    """An argument the command line does not take, said in the user's language."""


def _language(argv: list[str]) -> str:
    """The `--lang` of the command line, read before the rest: messages about the rest
    are in it."""
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            return supported(argv[index + 1])
        if word.startswith("--lang="):
            return supported(word.removeprefix("--lang="))
    return Language.EN


def _shown(action: argparse.Action) -> str:
    """An argument as the usage line shows it: `--strategy`, `file`, `COMMAND`."""
    return "/".join(action.option_strings) or action.metavar or action.dest


def whole_number(text: str) -> int:
    return int(text)


def record_id(text: str) -> int:
    """An id of a stored row (planner.core.ids: 1 up to ID_MAX), as every route takes it."""
    found = row_id(text.strip())
    if found is None:
        raise ValueError(text)
    return found


def finite_number(text: str) -> float:
    value = float(text)
    if not isfinite(value):
        raise ValueError(text)
    return value


# Converters of argument text, and what their refusal says (ranges: the domain's checks).
_CONVERSIONS = {
    whole_number: "error.argument_whole_number",
    record_id: "error.argument_id",
    finite_number: "error.argument_number",
    date.fromisoformat: "error.argument_date",
}


class _Parser(argparse.ArgumentParser):
    """argparse whose refusals are raised as `ArgumentRefused` in the catalog's words
    (argparse prints its own, in English, under the whole usage text).

    `_get_value` and `_check_value` are argparse's hooks for types and choices; they have
    kept their form since Python 3.2."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, exit_on_error=False, **kwargs)

    def _get_value(self, action, text):
        key = _CONVERSIONS.get(action.type)
        if key is None:
            return super()._get_value(action, text)
        try:
            return action.type(text)
        except (ValueError, OverflowError):
            raise ArgumentRefused(key, argument=_shown(action), value=text) from None

    def _check_value(self, action, value) -> None:
        if action.choices is not None and value not in action.choices:
            raise ArgumentRefused(
                "error.argument_not_one_of",
                argument=_shown(action),
                value=value,
                allowed=", ".join(str(choice) for choice in action.choices),  # as typed
            )

    def error(self, message: str):
        """The refusals argparse words itself (it raises the others)."""
        for start, key in (
            ("the following arguments are required: ", "error.argument_required"),
            ("unrecognized arguments: ", "error.argument_unknown"),
        ):
            if message.startswith(start):
                arguments = message.removeprefix(start)
                raise ArgumentRefused(key, command=self.prog, arguments=arguments)
        raise ArgumentRefused("error.argument_usage", command=self.prog, detail=message)


def _argparse_refusal(error: argparse.ArgumentError) -> ArgumentRefused:
    if error.message.startswith("expected"):  # "expected one argument"
        return ArgumentRefused("error.argument_needs_value", argument=error.argument_name)
    return ArgumentRefused("error.argument_usage", command="python -m planner", detail=str(error))


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/planner.db)")
    common.add_argument(
        "--lang", choices=list(Language), default=Language.EN, help="language of messages"
    )
    common.add_argument(
        "--by", default=os_user(), help="who makes the change, for the audit log (default: you)"
    )
    parser = _Parser(prog="python -m planner", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help_text, description=help_text)
        sub.set_defaults(command=handler)
        return sub

    command("init", init, "migrate the database; load the demo when it holds no workspace")
    command("workspaces", workspaces, "list the workspaces")
    command("demo", demo, "(re)create the demo workspace")
    sub = command("import", import_file, "import candidates from a CSV or XLSX file")
    sub.add_argument("file", type=Path)
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--create", action="store_true", help="create the workspace from the file")
    sub.add_argument(
        "--language", choices=list(Language), default=Language.EN, help="with --create"
    )
    sub.add_argument("--valid-only", action="store_true", help="import the valid rows only")
    sub.add_argument(
        "--add-missing", action="store_true", help="create unknown phases, channels, personas"
    )
    sub.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KIND:NAME=KNOWN",
        help="read NAME as the known KIND (phase, channel, persona) KNOWN; kept as an alias",
    )
    sub = command("aliases", aliases, "list, add or remove a workspace's import aliases")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument(
        "--add", action="append", default=[], metavar="KIND:NAME=KNOWN", help="add or change"
    )
    sub.add_argument("--remove", action="append", default=[], metavar="KIND:NAME", help="remove")
    sub = command("roadmap", roadmap, "print the roadmap; --save keeps it as a version")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--strategy", choices=list(Strategy), default=Strategy.QUICK_WINS)
    sub.add_argument("--period", choices=list(PeriodKind), default=PeriodKind.QUARTER)
    sub.add_argument("--periods", type=whole_number, default=DEFAULT_PERIODS)
    sub.add_argument(
        "--capacity",
        default=numbers.number_list((DEFAULT_CAPACITY,), "en"),
        help="effort points per period: 20, or 10,20,30 (or 10;20;30)",
    )
    sub.add_argument("--start", type=date.fromisoformat, help="YYYY-MM-DD (default: this quarter)")
    sub.add_argument(
        "--time-limit",
        type=finite_number,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help="how long --strategy optimal may search (default %(default)g)",
    )
    sub.add_argument("--save", metavar="VERSION", help="save the roadmap as this version")
    sub.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sub = command(
        "export", export, "write the roadmap, matrix, workspace or hand-off files to a file"
    )
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--format", required=True, choices=FILE_FORMATS)
    sub.add_argument("--output", required=True, type=Path, help="file to write")
    sub.add_argument("--version", help="a saved roadmap version (default: the working roadmap)")
    sub.add_argument(
        "--chart", choices=["matrix", "timeline"], default="matrix", help="with png/svg"
    )
    sub.add_argument("--owner", help="with ics: only this owner's due dates (any case)")
    sub = command("commitments", commitments, "list commitments; late ones show days late")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--owner", help="only this owner's commitments (any case)")
    sub.add_argument("--status", choices=STATUSES, help="only commitments in this status")
    sub.add_argument("--overdue", action="store_true", help="only overdue commitments")
    sub.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    sub.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sub = command("result", result, "record a done commitment's KPI result or actual effort")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--title", required=True, help="the committed item's title (any case)")
    sub.add_argument("--version", help="the version it was committed in, when done in several")
    sub.add_argument("--kpi-result", type=finite_number, help="the measured KPI")
    sub.add_argument(
        "--actual-effort", type=finite_number, help="what it took, 0-10 (the estimating bias)"
    )
    sub.add_argument("--learnings", help="what was learnt (replaces what was recorded)")
    sub.add_argument("--rescore", action="store_true", help="send it back for re-scoring")
    sub = command("move-due", move_due_date, "move an open commitment's due date, with why")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--title", required=True, help="the committed item's title (any case)")
    sub.add_argument("--version", help="the version it was committed in, when open in several")
    sub.add_argument("--due", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    sub.add_argument("--reason", required=True, help="why it moves (3 characters or more)")
    sub = command("duplicates", duplicates, "list likely duplicate candidates within each phase")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--phase", help="only this phase (any case)")
    sub.add_argument(
        "--threshold",
        type=finite_number,
        default=THRESHOLD,
        help="lowest score shown, 0-100 (default %(default)g)",
    )
    sub.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sub = command("merge", merge, "merge duplicates into one candidate, or undo a merge")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--keep", type=record_id, help="id of the candidate to keep")
    sub.add_argument(
        "--merge",
        dest="merged",
        type=record_id,
        action="append",
        default=[],
        metavar="ID",
        help="id of a candidate merged into it (repeat for more)",
    )
    sub.add_argument("--undo", type=record_id, metavar="MERGE", help="undo this merge")
    sub = command("remind", remind, "for cron: reveal due own-pace rounds, send reminders")
    sub.add_argument("--now", help="act as at this moment, ISO 8601 with a zone (tests)")
    sub = command("round-state", round_state_command, "a session's current round and people")
    sub.add_argument("--session", required=True, metavar="CODE", help="the session's join code")
    sub.add_argument("--now", help="act as at this moment, ISO 8601 with a zone (tests)")
    sub = command("passphrase", passphrase, "set a workspace's facilitator passphrase")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub = command("links", links, "print a workspace's manager and product-owner links")
    sub.add_argument("--workspace", required=True, help="workspace name")
    sub.add_argument("--base", default="http://localhost:8501", help="the app's address")
    sub.add_argument("--renew", action="store_true", help="make new links first")
    sub = command("restore", restore, "restore a workspace backup (JSON) as a new workspace")
    sub.add_argument("file", type=Path)
    sub.add_argument("--as", dest="name", help="name for the restored workspace")
    return parser


def init(engine, args) -> int:
    from planner.demo import load_demo_if_empty

    with writing(engine) as db:
        workspace = load_demo_if_empty(db=db)
    print(t("cli.ready", args.lang) + (f" {t('cli.demo_loaded', args.lang)}" if workspace else ""))
    return 0


def workspaces(engine, args) -> int:
    from planner.store.journey.candidates import candidate_counts
    from planner.store.journey.workspaces import list_workspaces

    with reading(engine) as db:
        counts = candidate_counts(db=db)
        for workspace in list_workspaces(db=db, include_archived=True):
            archived = f" ({t('workspace.archived', args.lang)})" if workspace.archived else ""
            count = t("cli.candidate_count", args.lang, count=counts.get(workspace.id, 0))
            print(f"{workspace.name}\t{workspace.language}\t{count}{archived}")
    return 0


def demo(engine, args) -> int:
    from planner.demo import load_demo
    from planner.store.audit import audited

    with audited(engine, actor=args.by, action="") as change:
        workspace = load_demo(db=change.db)
        change.workspace_id = workspace.id
        change.action = t("cli.demo_created", args.lang, name=workspace.name)
    print(change.action)
    return 0


def import_file(engine, args) -> int:
    """Checked first; written in batches (see planner.importing.batched)."""
    from planner.core.uploads import read_file
    from planner.importing.batched import import_in_batches
    from planner.importing.preview import preview_import
    from planner.importing.reading import read_table
    from planner.models import WorkspaceCreate
    from planner.store.audit import audited
    from planner.store.journey.aliases import alias_map
    from planner.store.journey.candidates import candidate_frame
    from planner.store.journey.workspaces import load_journey

    table = read_table(read_file(args.file), args.file.name)
    with reading(engine) as db:
        journey = existing = workspace = known_aliases = None
        if not args.create:
            workspace = find_workspace(db=db, name=args.workspace)
            journey = load_journey(db=db, workspace_id=workspace.id)
            existing = candidate_frame(db=db, workspace_id=workspace.id)
            known_aliases = alias_map(db=db, workspace_id=workspace.id)
    map_to: dict[str, dict[str, str]] = {}
    for text in args.map:
        kind, name, known = parse_mapping(text)
        map_to.setdefault(kind, {})[name] = known
    check = {"existing": existing, "map_to": map_to, "aliases": known_aliases}
    preview = preview_import(table, journey, **check)
    if args.add_missing and preview.unknown:
        preview = preview_import(table, journey, accept_new=preview.unknown, **check)
    for problem in preview.errors + preview.warnings:
        print(problem.message(args.lang), file=sys.stderr)
    if preview.errors and not args.valid_only:
        print(t("error.import_has_errors", args.lang, count=len(preview.errors)), file=sys.stderr)
        return 1
    if args.create:
        workspace_in = validated(WorkspaceCreate, name=args.workspace, language=args.language)
        workspace, count = import_in_batches(
            engine=engine, preview=preview, new_workspace=workspace_in, valid_only=True
        )
    else:
        workspace, count = import_in_batches(
            engine=engine, preview=preview, workspace_id=workspace.id, valid_only=True
        )
    action = t("cli.imported", args.lang, count=count)
    with audited(engine, actor=args.by, action=action, workspace_id=workspace.id):
        pass
    print(action)
    return 0


def parse_mapping(text: str, *, with_known: bool = True) -> tuple[JourneyKind, str, str]:
    """'channel:Contactcentrum=Klantcontactcentrum' -> (kind, name, known name)."""
    kind, _, rest = text.partition(":")
    name, _, known = rest.partition("=")
    kind = kind.strip().casefold()
    if kind not in ALIAS_KINDS or not name.strip() or with_known != bool(known.strip()):
        shape = "KIND:NAME=KNOWN" if with_known else "KIND:NAME"
        raise InvalidInput("error.mapping_format", text=text, shape=shape)
    return JourneyKind(kind), name.strip(), known.strip()


def aliases(engine, args) -> int:
    """Add, change and remove in one transaction, then list what stands."""
    from planner.store.audit import audited
    from planner.store.journey.aliases import list_aliases, remove_alias, set_alias

    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
    if args.add or args.remove:
        action = t("cli.aliases_changed", args.lang)
        with audited(engine, actor=args.by, action=action, workspace_id=workspace.id) as change:
            for text in args.remove:
                kind, name, _ = parse_mapping(text, with_known=False)
                found = [
                    alias
                    for alias in list_aliases(db=change.db, workspace_id=workspace.id, kind=kind)
                    if name_key(alias.name) == name_key(name)
                ]
                if not found:
                    raise NotFound("error.item_not_found", kind=KindName(kind), name=name)
                remove_alias(db=change.db, workspace_id=workspace.id, alias_id=found[0].id)
            for text in args.add:
                kind, name, known = parse_mapping(text)
                set_alias(
                    db=change.db, workspace_id=workspace.id, kind=kind, name=name, target=known
                )
    with reading(engine) as db:
        for alias in list_aliases(db=db, workspace_id=workspace.id):
            print(f"{t(f'kind.{alias.kind}', args.lang)}\t{alias.name}\t{alias.target}")
    return 0


def roadmap(engine, args) -> int:
    from planner.models import VersionCreate
    from planner.roadmap.table import best_plan_notes, roadmap_table
    from planner.store.audit import audited
    from planner.store.roadmap.roadmap_plan import working_roadmap
    from planner.store.roadmap.versions import save_version

    today = date.today()
    settings = validated(
        RoadmapSettings,
        strategy=args.strategy,
        period_kind=args.period,
        periods=args.periods,
        start=args.start or quarter_start(today),
        capacities=parse_capacities(args.capacity),
        time_limit=args.time_limit,
    )
    with reading(engine) as db:  # the best plan may take seconds: no write lock meanwhile
        workspace = find_workspace(db=db, name=args.workspace)
        result = working_roadmap(
            db=db, workspace_id=workspace.id, today=today, settings=settings
        ).roadmap
    if args.save:
        action = t("cli.version_saved", args.lang, name=args.save)
        with audited(engine, actor=args.by, action=action, workspace_id=workspace.id) as change:
            save_version(
                db=change.db,
                workspace_id=workspace.id,
                roadmap=result,
                version_in=validated(VersionCreate, name=args.save, created_by=args.by),
            )
    table = roadmap_table(result, args.lang)
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
    elif args.format == "json":
        print(table.to_json(orient="records", date_format="iso", force_ascii=False, indent=1))
    else:
        shown = table.drop(columns=["start", "end"]).astype(object)
        print(shown.where(shown.notna(), "").to_string(index=False))
    for note in best_plan_notes(result, args.lang):  # how good the best plan is
        print(note, file=sys.stderr)
    if args.save:
        print(t("cli.version_saved", args.lang, name=args.save), file=sys.stderr)
    return 0


def export(engine, args) -> int:
    from planner.exports.files import FileRequest, workspace_file
    from planner.store.roadmap.versions import find_version

    if args.owner and args.format != "ics":  # said, not silently ignored
        raise InvalidInput("error.owner_only_ics", format=args.format)
    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
        version_id = None
        if args.version:
            version_id = find_version(db=db, workspace_id=workspace.id, name=args.version).id
        request = FileRequest(args.format, version_id, args.chart, args.lang, args.owner)
        data = workspace_file(
            db=db,
            workspace_id=workspace.id,
            request=request,
            today=date.today(),
            now=datetime.now(UTC),
        )
    try:
        _write(args.output, data)
    except (OSError, ValueError) as error:  # a missing folder, a folder, a full disk...
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidInput("error.cannot_write", path=str(args.output), reason=reason) from None
    print(t("cli.exported", args.lang, path=args.output, size=len(data)))
    return 0


def _write(path: Path, data: bytes) -> None:
    """`data` into `path`; a pipe (FIFO) that nobody reads is refused at once, not waited on."""
    waiting = getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | waiting, 0o666)
    if waiting:
        os.set_blocking(descriptor, True)  # opened: now write all of it
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def commitments(engine, args) -> int:
    from planner.delivery.search import filter_commitments
    from planner.delivery.table import commitment_table
    from planner.store.delivery.commitments import tracked_commitments

    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
        frame = tracked_commitments(
            db=db, workspace_id=workspace.id, today=args.today or date.today()
        )
    if args.owner:
        frame = frame[frame["owner"].map(name_key) == name_key(args.owner)]
    frame = filter_commitments(
        frame, statuses=[args.status] if args.status else [], overdue_only=args.overdue
    )
    if args.format == "json":
        table = commitment_table(frame, args.lang, headings=False)
        table["due"] = table["due"].map(date.isoformat)
        print(table.to_json(orient="records", date_format="iso", force_ascii=False, indent=1))
        return 0
    table = commitment_table(frame, args.lang)
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
    elif table.empty:
        print(t("commitments.none_match", args.lang))
    else:
        print(table.astype(object).where(table.notna(), "").to_string(index=False))
    return 0


def result(engine, args) -> int:
    """What a done commitment achieved; what is left out stays as it was recorded."""
    from planner.models import ResultRecord
    from planner.store.audit import audited
    from planner.store.delivery.commitments import find_done_commitment, record_result

    record = validated(
        ResultRecord,
        kpi_result=args.kpi_result,
        actual_effort=args.actual_effort,
        learnings=args.learnings,
        by=args.by,
        rescore=args.rescore,
    )
    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
    with audited(engine, actor=args.by, action="", workspace_id=workspace.id) as change:
        commitment = find_done_commitment(
            db=change.db, workspace_id=workspace.id, title=args.title, version=args.version
        )
        record_result(db=change.db, commitment_id=commitment.id, result=record)
        change.action = t("commitments.result_saved", args.lang, title=commitment.title)
    print(change.action)
    return 0


def move_due_date(engine, args) -> int:
    """A new due date for an open commitment; the old one stays in its history, and
    Progress counts the days moved."""
    from planner.models import DueMove
    from planner.store.audit import audited
    from planner.store.delivery.commitments import find_open_commitment, move_due

    move = validated(DueMove, due=args.due, reason=args.reason, by=args.by)
    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
    with audited(engine, actor=args.by, action="", workspace_id=workspace.id) as change:
        commitment = find_open_commitment(
            db=change.db, workspace_id=workspace.id, title=args.title, version=args.version
        )
        old = commitment.due
        move_due(db=change.db, commitment_id=commitment.id, move=move)
        change.action = t(
            "cli.due_moved",
            args.lang,
            title=commitment.title,
            due=dates.day(move.due, args.lang),
            old=dates.day(old, args.lang),
        )
    print(change.action)
    return 0


def _moment_argument(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput("error.argument_moment", field=FieldName("now"), value=text)
    return moment.astimezone(UTC)


def remind(engine, args) -> int:
    """Idempotent: what was sent is never sent again; a failure is tried at the next run."""
    from planner.mail.config import configured_smtp
    from planner.reminders import remind as send_reminders

    done = send_reminders(engine, configured_smtp(), _moment_argument(args.now))
    for name in done.revealed:
        print(t("cli.remind_revealed", args.lang, session=name))
    for line in done.sent:
        print(t("cli.remind_sent", args.lang, mail=line))
    for failure in done.failed:
        print(t("cli.remind_failed", args.lang, mail=failure.text(args.lang)), file=sys.stderr)
    if done.left:
        print(t("cli.remind_left", args.lang, count=done.left), file=sys.stderr)
    if done.mail_off:
        print(t("cli.mail_off", args.lang))
    elif not (done.sent or done.failed or done.revealed):
        print(t("cli.remind_nothing", args.lang))
    return 1 if done.failed else 0


def round_state_command(engine, args) -> int:
    """Reads reveal a round whose due date came (in the same transaction) first."""
    from planner.mail.own_pace import due_text, mail_states
    from planner.store.scoring.own_pace import invitees, own_pace_of, reveal_due_rounds
    from planner.store.scoring.sessions import current_round, find_session, participants

    now = _moment_argument(args.now)
    with writing(engine) as db:
        reveal_due_rounds(db=db, now=now)
        scoring = find_session(db=db, code=args.session)
        last = current_round(db=db, session_id=scoring.id)
        pace = own_pace_of(db=db, session_id=scoring.id)
        people = invitees(db=db, session_id=scoring.id) if pace else []
        others = [p.name for p in participants(db=db, session_id=scoring.id)]
    lang = args.lang
    print(f"{scoring.name}\t{scoring.code}\t{t(f'session.status_{scoring.status}', lang)}")
    status = t(f"round.{last.status}", lang)
    print(t("session.round", lang, number=last.number, status=status))
    if pace is not None:
        print(t("cli.open_until", lang, due=due_text(pace.open_until, pace.timezone, lang)))
    for person in people:
        done = t("cli.finished" if person.finished else "cli.not_finished", lang)
        mails = mail_states(person.mails, lang)
        print(f"{person.name}\t{person.email}\t{person.scored}\t{done}\t{mails}")
    if pace is None:
        print("\n".join(others))
    return 0


def duplicates(engine, args) -> int:
    """Likely duplicates within each phase, best first (planner.journey.duplicates)."""
    import pandas as pd

    from planner.journey.duplicates import candidates_of, suggest_duplicates
    from planner.store.journey.candidates import candidate_frame
    from planner.store.journey.workspaces import load_journey

    if not 0 <= args.threshold <= 100:
        raise InvalidInput("error.too_large", field=FieldName("threshold"), limit=100)
    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
        journey = load_journey(db=db, workspace_id=workspace.id)
        frame = candidate_frame(db=db, workspace_id=workspace.id)
    found = suggest_duplicates(
        candidates_of(frame), channels=journey.channel_names, threshold=args.threshold
    )
    if args.phase:
        found = [pair for pair in found if name_key(pair.phase) == name_key(args.phase)]
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    rows = [
        {
            "score": pair.score,
            "reason": pair.describe(args.lang),
            "phase": pair.phase,
            "first_id": pair.first,
            "first": titles[pair.first],
            "second_id": pair.second,
            "second": titles[pair.second],
        }
        for pair in found
    ]
    table = pd.DataFrame(
        rows, columns=["score", "reason", "phase", "first_id", "first", "second_id", "second"]
    )
    if args.format == "json":
        print(table.to_json(orient="records", force_ascii=False, indent=1))
    elif args.format == "csv":
        print(table.to_csv(index=False), end="")
    elif table.empty:
        print(t("cli.no_duplicates", args.lang))
    else:
        table["score"] = [numbers.one_decimal(score, args.lang) for score in table["score"]]
        print(table.to_string(index=False))
    return 0


def merge(engine, args) -> int:
    """Merge `--merge` candidates into `--keep` (the ids `duplicates` lists), or undo a
    merge; audited under `--by`."""
    from planner.store.audit import audited
    from planner.store.journey.merges import merge_candidates, undo_merge

    with reading(engine) as db:
        workspace = find_workspace(db=db, name=args.workspace)
    with audited(engine, actor=args.by, action="", workspace_id=workspace.id) as change:
        if args.undo is not None:
            record = undo_merge(
                db=change.db, workspace_id=workspace.id, merge_id=args.undo, actor=args.by
            )
            gone = ", ".join(record.merged_titles)
            change.action = t("cli.merge_undone", args.lang, id=record.id, gone=gone)
        else:
            if args.keep is None:
                raise InvalidInput("error.required", field=FieldName("keep"))
            record = merge_candidates(
                db=change.db,
                workspace_id=workspace.id,
                kept_id=args.keep,
                merged_ids=args.merged,
                actor=args.by,
            )
            gone = ", ".join(record.merged_titles)
            change.action = t(
                "cli.merged", args.lang, id=record.id, gone=gone, kept=record.kept_title
            )
    print(change.action)
    return 0


def passphrase(engine, args) -> int:
    """Read the passphrase without echo (or from standard input when it is piped)."""
    from planner.models import PassphraseSet
    from planner.store.access.grants import set_passphrase
    from planner.store.audit import audited

    typed = getpass.getpass(t("cli.passphrase_prompt", args.lang)) if sys.stdin.isatty() else ""
    # A line of at most LINE_MAX characters: a stream without line ends (< /dev/zero) ends.
    typed = typed or sys.stdin.readline(LINE_MAX).rstrip("\n")
    action = t("access.passphrase_changed", args.lang)
    with audited(engine, actor=args.by, action=action) as change:
        workspace = find_workspace(db=change.db, name=args.workspace)
        change.workspace_id = workspace.id
        set_passphrase(
            db=change.db,
            workspace_id=workspace.id,
            passphrase_in=validated(PassphraseSet, passphrase=typed),
        )
    print(t("access.passphrase_changed", args.lang))
    return 0


def links(engine, args) -> int:
    from planner.access.links import app_link
    from planner.store.access.grants import get_access, renew_links
    from planner.store.audit import audited

    with audited(engine, actor=args.by, action=t("access.links_renewed", args.lang)) as change:
        workspace = find_workspace(db=change.db, name=args.workspace)
        if args.renew:
            renew_links(db=change.db, workspace_id=workspace.id)
            change.workspace_id = workspace.id
        access = get_access(db=change.db, workspace_id=workspace.id)
    print(f"{t('access.viewer_link', args.lang)}: {app_link(args.base, view=access.viewer_token)}")
    print(f"{t('access.owner_link', args.lang)}: {app_link(args.base, owner=access.owner_token)}")
    return 0


def restore(engine, args) -> int:
    """In short transactions: the app's voters are never held up (see restore_in_batches)."""
    from planner.backup.export import read_document
    from planner.backup.restore import restore_in_batches
    from planner.core.uploads import read_file
    from planner.store.audit import audited

    document = read_document(read_file(args.file))
    workspace = restore_in_batches(
        engine=engine, document=document, name=args.name, suffix=t("backup.suffix", args.lang)
    )
    # The audit log is read in the workspace: its language, whatever --lang the shell spoke.
    logged = t("cli.restored", workspace.language, name=workspace.name)
    with audited(engine, actor=args.by, action=logged, workspace_id=workspace.id):
        pass
    print(t("cli.restored", args.lang, name=workspace.name))
    return 0
