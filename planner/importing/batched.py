"""A large import that never holds up the workshop (see planner.backup.staging).

The rows are written a batch at a time into a staging workspace that has the target's
phases, channels and personas plus the new ones; one last short transaction adds the new
names to the target, keeps the names mapped to known ones as aliases, moves the
candidates over (a few UPDATEs) and adds their dependencies. So a vote waits at most
one batch, and either every row arrives or none.
"""

from collections.abc import Callable

from sqlalchemy import Engine, update
from sqlmodel import Session

from planner.backup.staging import (
    BATCH,
    beating,
    chunks,
    discard,
    name_taken,
    publish,
    remove_stale,
    staging_workspace,
)
from planner.core.db import writing
from planner.core.errors import Conflict
from planner.importing.apply import add_needs, add_new_names, candidate_in, check_importable
from planner.importing.preview import ImportPreview
from planner.journey.journey import Journey
from planner.models import Candidate, CandidateChannel, Workspace, WorkspaceCreate
from planner.store.journey.aliases import save_aliases
from planner.store.journey.candidates import create_candidates
from planner.store.journey.workspaces import delete_workspace, load_journey, touch_workspace


def _new(names: list[str], preview: ImportPreview, kind: str) -> list[str]:
    return names + [n for n in preview.new_items.get(kind, []) if n not in names]


def import_in_batches(
    *,
    engine: Engine,
    preview: ImportPreview,
    workspace_id: int | None = None,
    new_workspace: WorkspaceCreate | None = None,
    valid_only: bool = False,
    batch: int = BATCH,
    on_publish: Callable[[Session, int], None] | None = None,
) -> tuple[Workspace, int]:
    """Import `preview` into the workspace `workspace_id`, or as `new_workspace` (then
    `on_publish(db, id)` runs in the transaction that makes it visible). Returns the
    workspace and how many candidates arrived; refuses like `import_candidates`."""
    check_importable(preview, valid_only)
    remove_stale(engine)  # what killed jobs left (see planner.backup.staging)
    staging_id: int | None = None
    # One transaction per call, each marking the staging workspace as still being written.
    begin = beating(lambda: writing(engine), lambda: staging_id)
    try:
        with begin() as db:
            if new_workspace is not None:
                if name_taken(db, new_workspace.name):
                    raise Conflict("error.workspace_exists", name=new_workspace.name)
                language, phases, channels, personas = new_workspace.language, [], [], []
            else:
                assert workspace_id is not None, "an existing workspace or a new one"
                target = load_journey(db=db, workspace_id=workspace_id)
                language = target.workspace.language
                phases, channels = target.phase_names, target.channel_names
                personas = target.persona_names
            staging = staging_workspace(
                db,
                language=language,
                phases=_new(phases, preview, "phase"),
                channels=_new(channels, preview, "channel"),
                personas=_new(personas, preview, "persona"),
            )
            staging_id = staging.id
            journey = load_journey(db=db, workspace_id=staging_id)
        created: list[int] = []
        for rows in chunks(preview.rows, batch):
            with begin() as db:
                created += create_candidates(
                    db=db,
                    workspace_id=staging_id,
                    candidates_in=[candidate_in(row, journey) for row in rows],
                )
        with begin() as db:
            if new_workspace is not None:
                if name_taken(db, new_workspace.name):
                    raise Conflict("error.workspace_exists", name=new_workspace.name)
                add_needs(db, staging_id, preview, created)
                if on_publish is not None:
                    on_publish(db, staging_id)
                workspace = publish(db, workspace_id=staging_id, name=new_workspace.name)
                staging_id = None  # published: nothing to discard
                return workspace, len(created)
            assert workspace_id is not None
            add_new_names(db, workspace_id, preview)
            save_aliases(db=db, workspace_id=workspace_id, mapped=preview.mapped)
            target = load_journey(db=db, workspace_id=workspace_id)
            _move(db, journey, target, staging_id)
            add_needs(db, workspace_id, preview, created)
            touch_workspace(db=db, workspace_id=workspace_id)
            delete_workspace(db=db, workspace_id=staging_id)
            staging_id = None
            return target.workspace, len(created)
    finally:
        discard(begin, staging_id, batch)


def _move(db: Session, staging: Journey, target: Journey, staging_id: int) -> None:
    """The staging workspace's candidates into the target, their names mapped by name."""
    mine = Candidate.workspace_id == staging_id
    for phase in staging.phases:
        db.execute(
            update(Candidate)
            .where(mine, Candidate.phase_id == phase.id)
            .values(phase_id=target.phase_id(phase.name))
        )
    for persona in staging.personas:
        db.execute(
            update(Candidate)
            .where(mine, Candidate.persona_id == persona.id)
            .values(persona_id=target.persona_id(persona.name))
        )
    for channel in staging.channels:  # only the staging candidates use these channels
        db.execute(
            update(CandidateChannel)
            .where(CandidateChannel.channel_id == channel.id)
            .values(channel_id=target.channel_id(channel.name))
        )
    db.execute(update(Candidate).where(mine).values(workspace_id=target.workspace.id))
