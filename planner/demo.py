"""The demo workspace, loaded from `data/demo-workspace.json`."""

import contextlib
import functools

from sqlmodel import Session

from planner.access.passphrases import hash_passphrase
from planner.backup.export import read_document
from planner.backup.restore import restore_workspace
from planner.core.config import DEMO_FILE
from planner.core.errors import NotFound
from planner.journey.naming import workspace_key
from planner.models import ScoringModelUpdate, Workspace
from planner.store.access.grants import get_access
from planner.store.journey.workspaces import delete_workspace, find_workspace, list_workspaces
from planner.store.scoring.scoring_model import update_scoring_model

DEMO_NAME = "Demo – Van Dijk Wonen online & in store"
DEMO_PASSPHRASE = "demo-facilitator"  # documented in the README: the demo is for trying out
# A first round with two colleagues (the README's) counts on the matrix; new workspaces ask 3.
DEMO_MIN_VOTES = 2


def load_demo(*, db: Session) -> Workspace:
    """(Re)create the demo workspace: an existing one of the same name is replaced."""
    document = read_document(DEMO_FILE.read_bytes())
    name = document["workspace"]["name"]
    with contextlib.suppress(NotFound):
        delete_workspace(db=db, workspace_id=find_workspace(db=db, name=name).id)
    workspace = restore_workspace(db=db, document=document, name=name)
    get_access(db=db, workspace_id=workspace.id).facilitator_hash = demo_hash()
    update_scoring_model(
        db=db, workspace_id=workspace.id, model_in=ScoringModelUpdate(min_votes=DEMO_MIN_VOTES)
    )
    return workspace


@functools.cache
def demo_hash() -> str:
    """The demo passphrase's hash, made once per process (hashing is slow on purpose)."""
    return hash_passphrase(DEMO_PASSPHRASE)


def find_demo(*, db: Session) -> Workspace | None:
    """The demo workspace, if there is one."""
    with contextlib.suppress(NotFound):
        return find_workspace(db=db, name=DEMO_NAME)
    return None


def demo_workspace(*, db: Session) -> Workspace:
    """The demo, loaded first when there is none (in the same transaction: two visitors
    at once load it once)."""
    return find_demo(db=db) or load_demo(db=db)


def is_demo(workspace: Workspace) -> bool:
    return workspace_key(workspace.name) == workspace_key(DEMO_NAME)


def load_demo_if_empty(*, db: Session) -> Workspace | None:
    """Load the demo into a database without workspaces (a first start)."""
    if list_workspaces(db=db, include_archived=True):
        return None
    return load_demo(db=db)
