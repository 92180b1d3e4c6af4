"""Large writes without holding up the workshop: a workspace nobody sees yet.

A restore or a large import writes in short transactions into a *staging* workspace
(`Workspace.restoring`: not listed, not found by name, no way in), then makes the result
visible in one short transaction. A vote waits at most one batch, never the whole job;
a job that fails deletes its staging workspace, so nothing half-written is ever seen.

A job that is killed (SIGKILL, a power cut) cannot delete it: `remove_stale` does, when
the app or a command opens the database and before every restore or import. A staging
workspace is stale when the process named in it (`staging <random> <pid>@<host>`) ran
on this host and has ended, or when it has not been written for STALE_AFTER: the job
marks it (`updated_at`) in every transaction, seconds apart, so a job that is still
writing (in another process, or on another host) is never taken for a dead one. (Host
names tell machines and containers apart: each has its own process ids.)
"""

import os
import secrets
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from planner.core.db import reading, utc, writing
from planner.journey.naming import workspace_key
from planner.journey.templates import Template
from planner.models import Candidate, Persona, Workspace, WorkspaceCreate, utcnow
from planner.store.journey.workspaces import create_workspace, delete_workspace, list_workspaces

BATCH = 2_000  # rows per transaction
# A job writes every few seconds (a batch, or a wait of at most the busy timeout for the
# write lock); a quarter of an hour without a write means it is gone.
STALE_AFTER = timedelta(minutes=15)
Begin = Callable[[], AbstractContextManager[Session]]
T = TypeVar("T")


def chunks(rows: Sequence[T], size: int) -> Iterator[list[T]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def staging_workspace(
    db: Session,
    *,
    language: str,
    phases: list[str],
    channels: list[str],
    personas: list[str],
    description: str = "",
) -> Workspace:
    """A workspace under a random name that nobody can see or reach."""
    workspace = create_workspace(
        db=db,
        workspace_in=WorkspaceCreate(
            name=f"staging {secrets.token_hex(8)} {os.getpid()}@{_host()}",
            description=description,
            language=language,
            template=Template.BLANK,
        ),
        phases=phases,
        channels=channels,
    )
    workspace.restoring = True
    db.add_all(
        Persona(workspace_id=workspace.id, name=name, position=i) for i, name in enumerate(personas)
    )
    db.flush()
    return workspace


def name_taken(db: Session, name: str) -> bool:
    return any(
        workspace_key(w.name) == workspace_key(name)
        for w in list_workspaces(db=db, include_archived=True)
    )


def publish(db: Session, *, workspace_id: int, name: str, archived: bool = False) -> Workspace:
    """Give the staging workspace its name and make it visible (call `name_taken` first)."""
    db.execute(
        update(Workspace)
        .where(Workspace.id == workspace_id)
        .values(name=name, archived=archived, restoring=False)
    )
    db.flush()
    workspace = db.get(Workspace, workspace_id)
    assert workspace is not None
    db.refresh(workspace)
    return workspace


def discard(begin: Begin, workspace_id: int | None, batch: int = BATCH) -> None:
    """Delete a staging workspace, its candidates a batch at a time (stopping should it
    have been published meanwhile)."""
    if workspace_id is None:
        return
    while True:
        with begin() as db:
            if not _still_staging(db, workspace_id):
                return
            ids = list(
                db.scalars(
                    Candidate.__table__.select()
                    .with_only_columns(Candidate.__table__.c.id)
                    .where(Candidate.__table__.c.workspace_id == workspace_id)
                    .limit(batch)
                )
            )
            if not ids:
                break
            db.execute(delete(Candidate).where(Candidate.id.in_(ids)))
    with begin() as db:
        if _still_staging(db, workspace_id):
            delete_workspace(db=db, workspace_id=workspace_id)


def _still_staging(db: Session, workspace_id: int) -> bool:
    # FOR UPDATE (PostgreSQL): a publish waits until this transaction is done.
    query = select(Workspace.restoring).where(Workspace.id == workspace_id).with_for_update()
    return bool(db.scalar(query))


def beating(begin: Begin, workspace_id: Callable[[], int | None]) -> Begin:
    """`begin` whose every transaction also marks the job's staging workspace (the id
    `workspace_id()` gives, once there is one) as still being written."""

    @contextmanager
    def begin_and_beat() -> Iterator[Session]:
        with begin() as db:
            yield db
            if (staging_id := workspace_id()) is not None:
                db.execute(
                    update(Workspace)
                    .where(Workspace.id == staging_id, Workspace.restoring == True)  # noqa: E712
                    .values(updated_at=utcnow())
                )

    return begin_and_beat


def is_stale(
    name: str, written: datetime, *, now: datetime, host: str, running: Callable[[int], bool]
) -> bool:
    """Whether the job that writes the staging workspace `name`, last written at
    `written`, is gone (the rule in the module's docstring): `staging 1f 4242@web1` is, on
    host web1, as soon as process 4242 has ended; anywhere, once unwritten for STALE_AFTER."""
    owner = name.split(" ")[-1]
    pid, at, owner_host = owner.partition("@")
    if at and pid.isdigit() and int(pid) > 0 and owner_host == host and not running(int(pid)):
        return True
    return now - written > STALE_AFTER


def remove_stale(engine: Engine, *, now: datetime | None = None) -> int:
    """Delete the staging workspaces of jobs that are gone; how many. A database that
    cannot be written keeps them (for the next start that can): this never stops one."""
    with reading(engine) as db:
        staged = db.execute(
            select(Workspace.id, Workspace.name, Workspace.updated_at).where(
                Workspace.restoring == True  # noqa: E712
            )
        ).all()
    moment, host = now or utcnow(), _host()
    stale = [
        workspace_id
        for workspace_id, name, written in staged
        if is_stale(name, utc(written), now=moment, host=host, running=_running)
    ]
    removed = 0
    for workspace_id in stale:
        try:
            discard(lambda: writing(engine), workspace_id)
        except OperationalError:  # read-only, or locked past the busy timeout
            break
        removed += 1
    return removed


def _host() -> str:
    return socket.gethostname()[:40]  # the staging name stays within NAME_MAX


def _running(pid: int) -> bool:
    """Whether process `pid` of this host still runs (a zombie has ended)."""
    if os.name != "posix":  # no cheap check (os.kill would stop it): the heartbeat decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):  # no /proc (macOS): it exists, so it runs
        return True
    return state not in {"Z", "X"}
