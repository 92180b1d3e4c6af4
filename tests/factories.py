"""Small builders for test data."""

from planner.models import CandidateCreate, Persona, WorkspaceCreate
from planner.store.candidates import create_candidate
from planner.store.dimensions import add_item
from planner.store.workspaces import create_workspace, load_journey


def make_journey(session, name="Retail", personas=("Family",), **kwargs):
    """A six-phase workspace with default channels and the given personas."""
    workspace = create_workspace(session=session, workspace_in=WorkspaceCreate(name=name, **kwargs))
    for persona in personas:
        add_item(session=session, model=Persona, workspace_id=workspace.id, name=persona)
    return load_journey(session=session, workspace_id=workspace.id)


def add_candidate(session, journey, title="Idea", phase=None, channels=None, **fields):
    """A candidate in `phase` (default: the first) on `channels` (default: the first)."""
    return create_candidate(
        session=session,
        workspace_id=journey.workspace.id,
        candidate_in=CandidateCreate(
            title=title,
            phase_id=journey.phase_id(phase or journey.phase_names[0]),
            channel_ids=[journey.channel_id(c) for c in channels or journey.channel_names[:1]],
            **fields,
        ),
    )
