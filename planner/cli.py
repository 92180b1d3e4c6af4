"""`python -m planner`: the command line, a thin shell over the domain functions."""

import argparse
import sys
from pathlib import Path

from planner.config import database_url
from planner.db import make_engine, migrate, read_session, write_session
from planner.demo import load_demo, load_demo_if_empty
from planner.errors import PlannerError, validated
from planner.i18n import t
from planner.importing.apply import import_as_new_workspace, import_candidates
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.models import WorkspaceCreate
from planner.store.candidates import candidate_counts, candidate_frame
from planner.store.workspaces import find_workspace, list_workspaces, load_journey


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    engine = make_engine(args.db or database_url())
    migrate(engine)
    try:
        return args.command(engine, args)
    except PlannerError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="SQLAlchemy URL (default: DATABASE_URL or data/planner.db)")
    common.add_argument("--lang", choices=["en", "nl"], default="en", help="language of messages")
    parser = argparse.ArgumentParser(prog="python -m planner", description=__doc__)
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
    sub.add_argument("--language", choices=["en", "nl"], default="en", help="with --create")
    sub.add_argument("--valid-only", action="store_true", help="import the valid rows only")
    sub.add_argument(
        "--add-missing", action="store_true", help="create unknown phases, channels, personas"
    )
    return parser


def init(engine, args) -> int:
    with write_session(engine) as session:
        workspace = load_demo_if_empty(session=session)
    print(t("cli.ready", args.lang) + (f" {t('cli.demo_loaded', args.lang)}" if workspace else ""))
    return 0


def workspaces(engine, args) -> int:
    with read_session(engine) as session:
        counts = candidate_counts(session=session)
        for workspace in list_workspaces(session=session, include_archived=True):
            archived = f" ({t('workspace.archived', args.lang)})" if workspace.archived else ""
            count = t("cli.candidate_count", args.lang, count=counts.get(workspace.id, 0))
            print(f"{workspace.name}\t{workspace.language}\t{count}{archived}")
    return 0


def demo(engine, args) -> int:
    with write_session(engine) as session:
        workspace = load_demo(session=session)
    print(t("cli.demo_created", args.lang, name=workspace.name))
    return 0


def import_file(engine, args) -> int:
    table = read_table(args.file.read_bytes(), args.file.name)
    with write_session(engine) as session:
        journey = existing = None
        if not args.create:
            workspace = find_workspace(session=session, name=args.workspace)
            journey = load_journey(session=session, workspace_id=workspace.id)
            existing = candidate_frame(session=session, workspace_id=workspace.id)
        preview = preview_import(table, journey, existing=existing)
        if args.add_missing and preview.unknown:
            preview = preview_import(table, journey, existing=existing, accept_new=preview.unknown)
        for problem in preview.errors + preview.warnings:
            print(problem.message(args.lang), file=sys.stderr)
        if preview.errors and not args.valid_only:
            print(
                t("error.import_has_errors", args.lang, count=len(preview.errors)), file=sys.stderr
            )
            return 1
        if args.create:
            workspace_in = validated(WorkspaceCreate, name=args.workspace, language=args.language)
            _, count = import_as_new_workspace(
                session=session, workspace_in=workspace_in, preview=preview, valid_only=True
            )
        else:
            count = import_candidates(
                session=session, workspace_id=workspace.id, preview=preview, valid_only=True
            )
    print(t("cli.imported", args.lang, count=count))
    return 0
