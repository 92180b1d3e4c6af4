"""The demo workspace, loaded from `data/demo-workspace.json`."""

from sqlmodel import Session

from planner.config import DEMO_FILE
from planner.errors import NotFound
from planner.models import Workspace
from planner.store.workspaces import delete_workspace, find_workspace, list_workspaces
from planner.workspace_document import load_document, read_document


def load_demo(*, session: Session) -> Workspace:
    """(Re)create the demo workspace: an existing one of the same name is replaced."""
    document = read_document(DEMO_FILE)
    try:
        old = find_workspace(session=session, name=document["workspace"]["name"])
        delete_workspace(session=session, workspace_id=old.id)
    except NotFound:
        pass
    return load_document(session=session, document=document)


def load_demo_if_empty(*, session: Session) -> Workspace | None:
    """Load the demo into a database without workspaces (a first start)."""
    if list_workspaces(session=session, include_archived=True):
        return None
    return load_demo(session=session)
