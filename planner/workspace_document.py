"""A workspace as one JSON document: the demo ships in this form.

{"format": "journey-roadmap-planner/workspace", "version": 1, "workspace": {...},
 "phases": [...], "channels": [...], "personas": [...],
 "candidates": [{"title": ..., "phase": ..., "channels": [...], "needs": [titles], ...}]}
"""

import json
from pathlib import Path

from sqlmodel import Session

from planner.errors import PlannerError, validated
from planner.models import CandidateCreate, DimensionCreate, Persona, Workspace, WorkspaceCreate
from planner.store.candidates import create_candidates
from planner.store.dependencies import add_dependencies
from planner.store.dimensions import add_item
from planner.store.workspaces import create_workspace, load_journey

FORMAT = "journey-roadmap-planner/workspace"


class DocumentInvalid(PlannerError):
    """The file is not a workspace document this version can read."""


def read_document(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DocumentInvalid("error.document_invalid", detail=str(error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DocumentInvalid("error.document_invalid", detail=f"format is not {FORMAT}")
    return document


def load_document(*, session: Session, document: dict, name: str | None = None) -> Workspace:
    """Create a workspace from a document (as `name` if given)."""
    try:
        meta = dict(document["workspace"])
        phases = [validated(DimensionCreate, name=p).name for p in document["phases"]]
        channels = [validated(DimensionCreate, name=c).name for c in document["channels"]]
        personas = [validated(DimensionCreate, name=p).name for p in document.get("personas", [])]
        candidates = list(document.get("candidates", []))
    except (KeyError, TypeError) as error:
        raise DocumentInvalid("error.document_invalid", detail=f"missing {error}") from None
    workspace = create_workspace(
        session=session,
        workspace_in=validated(WorkspaceCreate, **{**meta, "name": name or meta.get("name")}),
        phases=phases,
        channels=channels,
    )
    for persona in personas:
        add_item(session=session, model=Persona, workspace_id=workspace.id, name=persona)
    journey = load_journey(session=session, workspace_id=workspace.id)
    try:
        candidates_in = [
            validated(
                CandidateCreate,
                **{
                    k: v
                    for k, v in item.items()
                    if k not in ("phase", "channels", "persona", "needs")
                },
                phase_id=journey.phase_id(item["phase"]),
                channel_ids=[journey.channel_id(channel) for channel in item["channels"]],
                persona_id=journey.persona_id(item["persona"]) if item.get("persona") else None,
            )
            for item in candidates
        ]
    except (KeyError, StopIteration, TypeError, AttributeError) as error:
        raise DocumentInvalid("error.document_invalid", detail=repr(error)) from None
    created = create_candidates(
        session=session, workspace_id=workspace.id, candidates_in=candidates_in
    )
    ids = {item["title"]: candidate.id for item, candidate in zip(candidates, created, strict=True)}
    try:
        pairs = [
            (ids[item["title"]], ids[needed])
            for item in candidates
            for needed in item.get("needs", [])
        ]
    except KeyError as error:
        raise DocumentInvalid("error.document_invalid", detail=f"needs {error}") from None
    add_dependencies(session=session, workspace_id=workspace.id, pairs=pairs)
    return workspace
