"""The demo workspace, loaded from `data/demo-workspace.json`."""

import contextlib

from sqlmodel import Session

from planner.config import DEMO_FILE
from planner.errors import NotFound
from planner.models import Workspace
from planner.store.backup import read_document, restore_workspace
from planner.store.workspaces import delete_workspace, find_workspace, list_workspaces


def load_demo(*, session: Session) -> Workspace:
    """(Re)create the demo workspace: an existing one of the same name is replaced."""
    document = read_document(DEMO_FILE.read_bytes())
    name = document["workspace"]["name"]
    with contextlib.suppress(NotFound):
        delete_workspace(
            session=session, workspace_id=find_workspace(session=session, name=name).id
        )
    return restore_workspace(session=session, document=document, name=name)


def load_demo_if_empty(*, session: Session) -> Workspace | None:
    """Load the demo into a database without workspaces (a first start)."""
    if list_workspaces(session=session, include_archived=True):
        return None
    return load_demo(session=session)
