"""Reads several pages share, cached across sessions: candidates until the workspace
changes, the consensus until a change here (or 5 s after one elsewhere), how sure the
roadmap is until its votes or plan change.

Frames are kept as shared objects (`st.cache_resource`) and handed out as shallow
copies: with pandas' copy-on-write a page changing its copy never changes the cached
frame, and a rerun no longer unpickles 2,000 rows to get its own copy."""

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd
import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading
from planner.journey.journey import Journey
from planner.models import RoadmapVersion
from planner.roadmap.build import Roadmap
from planner.roadmap.certainty import Certainty, quadrant_chances
from planner.roadmap.settings import RoadmapSettings
from planner.store.candidates import candidate_frame
from planner.store.consensus import workspace_consensus, workspace_resampled
from planner.store.roadmap_plan import current_roadmap, load_plan, roadmap_certainty
from planner.store.versions import open_version
from planner.ui.shell.engine import get_engine


@st.cache_resource(show_spinner=False, max_entries=64)
def _candidates(url: str, workspace_id: int, version: datetime) -> pd.DataFrame:
    with reading(get_engine(url)) as db:
        return candidate_frame(db=db, workspace_id=workspace_id)


def candidates(journey: Journey) -> pd.DataFrame:
    """The workspace's candidates, cached until the workspace changes."""
    found = _candidates(database_url(), journey.workspace.id, journey.workspace.updated_at)
    return found.copy(deep=False)


@dataclass(frozen=True)
class Versioned:
    """A shared frame and the digest of its content, taken once when it is read: what
    caches of work derived from it are keyed by (hashing 2,000 rows on every rerun to
    key them cost more than the work they saved)."""

    frame: pd.DataFrame
    digest: str


def _versioned(frame: pd.DataFrame) -> Versioned:
    hashed = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    columns = repr((list(frame.columns), list(frame.dtypes.astype(str)))).encode()
    return Versioned(frame, hashlib.blake2b(hashed + columns, digest_size=16).hexdigest())


@st.cache_resource(ttl=5, show_spinner=False, max_entries=64)
def _consensus(url: str, workspace_id: int, role: str | None) -> Versioned:
    with reading(get_engine(url)) as db:
        return _versioned(workspace_consensus(db=db, workspace_id=workspace_id, seen_by=role))


def consensus(journey: Journey) -> pd.DataFrame:
    """The workspace's settled consensus; recomputed after every change made in this app
    (and within 5 s of a change made by another instance of it)."""
    return consensus_seen_by(journey, None)


def consensus_seen_by(journey: Journey, role: str | None) -> pd.DataFrame:
    """The consensus as one role's stakeholders see it (their votes only: no decisions
    or pre-scores); None: the workspace's settled consensus."""
    return _consensus(database_url(), journey.workspace.id, role).frame.copy(deep=False)


def consensus_digest(journey: Journey, role: str | None = None) -> str:
    """What the consensus (as `role` sees it) holds now, as a short digest: a cache key
    for whatever is derived from it."""
    return _consensus(database_url(), journey.workspace.id, role).digest


@st.cache_data(show_spinner=False, max_entries=32)
def _quadrant_chances(
    url: str, workspace_id: int, threshold_mode: str, digest: str, _settled: pd.DataFrame
) -> pd.DataFrame:
    with reading(get_engine(url)) as db:
        drawn = workspace_resampled(db=db, workspace_id=workspace_id, settled=_settled)
    return quadrant_chances(drawn, threshold_mode)


def quadrant_sureness(journey: Journey, threshold_mode: str) -> pd.DataFrame:
    """The chance of each quadrant per candidate (200 resamples of the stakeholders),
    once per change of the consensus: no roadmap is built for it."""
    return _quadrant_chances(
        database_url(),
        journey.workspace.id,
        threshold_mode,
        consensus_digest(journey),
        consensus(journey),
    )


@st.cache_resource(ttl=5, show_spinner=False, max_entries=64)
def _working_roadmap(
    url: str, workspace_id: int, version: datetime, today: date, _settled, _frame
) -> tuple[RoadmapSettings, Roadmap, str]:
    with reading(get_engine(url)) as db:
        settings = load_plan(db=db, workspace_id=workspace_id, today=today)
        roadmap = current_roadmap(
            db=db,
            workspace_id=workspace_id,
            today=today,
            settings=settings,
            consensus=_settled,
            candidates=_frame,
        )
    return settings, roadmap, uuid.uuid4().hex  # this build, for what is derived from it


def working_roadmap(journey: Journey, today: date) -> tuple[RoadmapSettings, Roadmap, str]:
    """The saved settings, the roadmap they make now and its version (a key for views
    made from it and from how sure it is): built once per change made in this app (or
    within 5 s of one made by another instance), like the consensus it comes from; the
    roadmap's items handed out as a shallow copy."""
    settings, roadmap, build = _working_roadmap(
        database_url(),
        journey.workspace.id,
        journey.workspace.updated_at,
        today,
        consensus(journey),
        candidates(journey),
    )
    version = f"{build}:{consensus_digest(journey)}"
    return settings, replace(roadmap, items=roadmap.items.copy(deep=False)), version


@st.cache_resource(show_spinner=False, max_entries=32)
def _saved_version(url: str, version_id: int, saved_at: datetime) -> Roadmap:
    with reading(get_engine(url)) as db:
        return open_version(db=db, version_id=version_id)


def saved_version_key(version: RoadmapVersion) -> str:
    """A saved version's key for views made from it (it never changes)."""
    return f"saved:{version.id}:{version.created_at.isoformat()}"


def saved_version(version: RoadmapVersion) -> Roadmap:
    """A saved version as it was saved: it never changes, so it is read once (by id and
    the moment it was saved, should an id ever be used again)."""
    found = _saved_version(database_url(), version.id, version.created_at)
    return replace(found, items=found.items.copy(deep=False))


def forget_changed() -> None:
    """After a change: what depends on more than the workspace's version is read anew."""
    _consensus.clear()
    _working_roadmap.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def _certainty(
    url: str,
    workspace_id: int,
    settings: dict,
    plan: tuple[tuple[int, int], ...],  # (candidate, start period): pins and needs show here
    digest: str,  # of the consensus
    _settled: pd.DataFrame,
) -> Certainty:
    with reading(get_engine(url)) as db:
        return roadmap_certainty(
            db=db,
            workspace_id=workspace_id,
            settings=RoadmapSettings.from_json(settings),
            first={candidate for candidate, start in plan if start == 0},
            consensus=_settled,
        )


def certainty(journey: Journey, roadmap: Roadmap, threshold_mode: str | None = None) -> Certainty:
    """How sure the current roadmap is (200 resamples of the stakeholders): computed once
    per change of the votes, settings or plan, whoever looks. `threshold_mode` puts the
    quadrant lines where the matrix shows them, if not where the roadmap has them."""
    settings = roadmap.settings.to_json()
    if threshold_mode is not None:
        settings["threshold_mode"] = threshold_mode
    return _certainty(
        database_url(),
        journey.workspace.id,
        settings,
        tuple(
            (int(c), int(p))
            for c, p in zip(
                roadmap.items["candidate_id"], roadmap.items["start_period"], strict=True
            )
            if p == p  # scheduled
        ),
        consensus_digest(journey),
        consensus(journey),
    )
