"""Small builders for test data."""

from datetime import date

from planner.core.db import writing
from planner.journey.naming import name_key
from planner.models import (
    CandidateCreate,
    Persona,
    SessionCreate,
    Stakeholder,
    StakeholderJoin,
    VersionCreate,
    WorkspaceCreate,
)
from planner.roadmap.settings import RoadmapSettings
from planner.store.journey.candidates import create_candidate
from planner.store.journey.dimensions import add_item
from planner.store.journey.workspaces import create_workspace, load_journey
from planner.store.roadmap.roadmap_plan import save_plan, working_roadmap
from planner.store.roadmap.versions import save_version
from planner.store.scoring.sessions import current_round, open_session
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote


def make_journey(db, name="Retail", personas=("Family",), **kwargs):
    """A six-phase workspace with default channels and the given personas."""
    workspace = create_workspace(db=db, workspace_in=WorkspaceCreate(name=name, **kwargs))
    for persona in personas:
        add_item(db=db, model=Persona, workspace_id=workspace.id, name=persona)
    return load_journey(db=db, workspace_id=workspace.id)


def add_candidate(db, journey, title="Idea", phase=None, channels=None, **fields):
    """A candidate in `phase` (default: the first) on `channels` (default: the first)."""
    return create_candidate(
        db=db,
        workspace_id=journey.workspace.id,
        candidate_in=CandidateCreate(
            title=title,
            phase_id=journey.phase_id(phase or journey.phase_names[0]),
            channel_ids=[journey.channel_id(c) for c in channels or journey.channel_names[:1]],
            **fields,
        ),
    )


def join(db, scoring, name, role=""):
    return join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name, role=role))[1]


def vote_all(db, scoring, person, candidate_id, setup, label="3", criteria=None):
    """`person` answers `label` on every criterion (or on `criteria`) of the candidate."""
    round_id = current_round(db=db, session_id=scoring.id).id
    for criterion in setup.criteria if criteria is None else criteria:
        cast_vote(
            db=db,
            round_id=round_id,
            stakeholder_id=person.id,
            candidate_id=candidate_id,
            criterion_id=criterion.id,
            label=label,
        )


def saved_version(db, workspace_id, name="Q1 plan", today=None):
    """The workspace's current roadmap saved as a version (plan starting 1 Jan 2027)."""
    save_plan(
        db=db,
        workspace_id=workspace_id,
        settings=RoadmapSettings(
            strategy="quick-wins",
            period_kind="quarter",
            periods=4,
            start=date(2027, 1, 1),
            capacities=[20],
        ),
    )
    roadmap = working_roadmap(
        db=db, workspace_id=workspace_id, today=today or date(2026, 11, 23)
    ).roadmap
    return save_version(
        db=db,
        workspace_id=workspace_id,
        roadmap=roadmap,
        version_in=VersionCreate(name=name, created_by="Eva"),
    )


def add_stakeholders(db, workspace_id, *names):
    people = [Stakeholder(workspace_id=workspace_id, name=n, name_key=name_key(n)) for n in names]
    db.add_all(people)
    db.flush()
    return people


def demo_session(engine, workspace_id, name="Workshop", candidate_ids=(1, 2, 3), focus=False):
    """A session on some of a workspace's candidates (the demo's first three), committed."""
    with writing(engine) as db:
        return open_session(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name=name, focus=focus),
            candidate_ids=list(candidate_ids),
        )
