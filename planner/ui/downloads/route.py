"""GET /api/download: a workspace's file, made on request and sent as an attachment.

Streamlit's own download button hands the browser a file id that lives only until the
page's next run: a click on a button drawn by the previous run (the page was still
rerunning) got nothing, and a made file is dropped after any two script runs end on
the server, so under load the browser's fetch could come too late (downloads ended
"canceled"). A link to this route works whatever the page does meanwhile: it carries a
signed ticket of the grant that drew it (planner.access.download_tickets), checked
here against the workspace's current credentials.

    GET /api/download?ticket=T&fmt=pdf[&version=V][&chart=timeline][&lang=nl]
                     [&owner=Team+Web][&name=Retail-roadmap.pdf]
    fmt: a planner.exports.files format, or db (the administrator's database copy)
"""

import re
from datetime import UTC, date, datetime
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from planner.access import download_tickets
from planner.backup.database_file import sqlite_backup
from planner.core.config import admin_passphrase, database_url
from planner.core.db import reading
from planner.core.errors import PlannerError
from planner.core.i18n import supported, t
from planner.core.ids import row_id
from planner.exports.files import FORMATS, FileRequest, workspace_file
from planner.store.access.grants import current_proofs, proof_of
from planner.store.access.sign_ins import token_hash
from planner.ui.access.visit_cookie import signed_in, visit_cookie_name

CHARTS = ("matrix", "timeline")
DATABASE_MIME = "application/vnd.sqlite3"


def _engine():
    from planner.ui.shell.engine import get_engine  # the pages' engine: one pool per process

    return get_engine(database_url())


def download_secret() -> str:
    """The secret download links are signed with, shared by every instance of the app."""
    from planner.ui.shell.engine import app_secret  # the pages' engine and its secrets

    return app_secret("downloads")


def browser_digest(token: str | None) -> str:
    """What a ticket binds a link to: a digest of the browser's sign-in cookie."""
    return token_hash(token)[:32] if token else ""


def safe_file_name(name: str, fmt: str) -> str:
    """Letters, digits, '-', '_' and '.', ending in the format's extension."""
    stem = re.sub(r"[^\w.\-]+", "-", name).strip("-.")[:150] or "download"
    ending = "ics" if fmt == "ics" else "csv" if fmt in ("jira", "azure") else fmt
    return stem if stem.endswith(f".{ending}") else f"{stem}.{ending}"


def attachment(name: str) -> str:
    """The Content-Disposition of a file saved as `name` (RFC 6266, UTF-8 names too)."""
    plain = name.encode("ascii", "replace").decode().replace("?", "_")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


def _refused(status: int, key: str, lang: str) -> Response:
    return PlainTextResponse(t(key, lang), status_code=status)


def _request(query) -> FileRequest | None:
    fmt, chart = query.get("fmt", ""), query.get("chart", "matrix")
    version = query.get("version") or None
    version_id = row_id(version)
    if (
        fmt not in (*FORMATS, download_tickets.DATABASE)
        or chart not in CHARTS
        or (version and version_id is None)
    ):
        return None
    return FileRequest(
        fmt=fmt,
        version_id=version_id,
        chart=chart,
        lang=supported(query.get("lang", "en")),
        owner=query.get("owner") or None,
    )


async def download(request: Request) -> Response:
    query = request.query_params
    lang = supported(query.get("lang", "en"))
    wanted = _request(query)
    if wanted is None:
        return _refused(404, "download.unknown", lang)
    cookie = request.cookies.get(visit_cookie_name(request))
    grant = download_tickets.read(
        await run_in_threadpool(download_secret),
        query.get("ticket", ""),
        browser=browser_digest(cookie),
    )
    if grant is None:
        return _refused(403, "download.expired", lang)
    workspace_id, role, proof = grant
    signed_out = wanted.fmt != download_tickets.DATABASE and cookie is not None
    if signed_out and not await run_in_threadpool(signed_in, cookie):
        return _refused(403, "download.expired", lang)  # signed out since the link was drawn
    if not download_tickets.may_download(role, wanted.fmt):
        return _refused(403, "access.not_allowed", lang)

    def make() -> bytes | None:
        if wanted.fmt == download_tickets.DATABASE:  # the administrator's, still theirs
            now_held = admin_passphrase()
            return sqlite_backup(_engine()) if now_held and proof_of(now_held) == proof else None
        with reading(_engine()) as db:
            if current_proofs(db=db, roles={workspace_id: role}).get(workspace_id) != proof:
                return None  # signed out of it: a new passphrase, renewed links, gone
            now = datetime.now(UTC)
            return workspace_file(
                db=db, workspace_id=workspace_id, request=wanted, today=date.today(), now=now
            )

    try:
        data = await run_in_threadpool(make)
    except PlannerError as error:
        return PlainTextResponse(error.message(lang), status_code=404)
    if data is None:
        return _refused(403, "download.expired", lang)
    name = safe_file_name(query.get("name", ""), wanted.fmt)
    return Response(
        data,
        media_type=DATABASE_MIME if wanted.fmt == download_tickets.DATABASE else wanted.mime,
        headers={
            "Content-Disposition": attachment(name),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


ROUTES = [Route("/api/download", download, methods=["GET"])]
