"""Reads several pages share, cached across sessions: candidates until the workspace
changes, the consensus and the working roadmap until what they are made from changes
(planner.store.roadmap.digests: read at most once a second per workspace, and at once
after a change made here), how sure the roadmap is until its votes or plan change.

Frames are kept as shared objects (`st.cache_resource`) and handed out as shallow
copies: with pandas' copy-on-write a page changing its copy never changes the cached
frame, and a rerun no longer unpickles 2,000 rows to get its own copy."""

import hashlib
import time
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
from planner.store.journey.candidates import candidate_frame
from planner.store.roadmap.digests import consensus_inputs, plan_inputs
from planner.store.roadmap.roadmap_plan import WorkingRoadmap, roadmap_certainty
from planner.store.roadmap.roadmap_plan import working_roadmap as working_roadmap_of
from planner.store.roadmap.versions import open_version
from planner.store.scoring.consensus import workspace_consensus, workspace_resampled
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


INPUTS_FRESH_S = 1.0  # a change made by another app instance shows within this
clock = time.monotonic  # the seconds the inputs' freshness is counted in (tests move it)


def _inputs(url: str, workspace_id: int) -> tuple[str, str]:
    """Digests of what the consensus and the working roadmap are made from, read at most
    once per INPUTS_FRESH_S: a change made by another app instance shows within it."""
    return _inputs_read(url, workspace_id, int(clock() // INPUTS_FRESH_S))


@st.cache_resource(show_spinner=False, max_entries=64)
def _inputs_read(url: str, workspace_id: int, tick: int) -> tuple[str, str]:
    with reading(get_engine(url)) as db:
        return (
            consensus_inputs(db=db, workspace_id=workspace_id),
            plan_inputs(db=db, workspace_id=workspace_id),
        )


@st.cache_resource(show_spinner=False, max_entries=64)
def _consensus_of(url: str, workspace_id: int, role: str | None, inputs: str) -> Versioned:
    with reading(get_engine(url)) as db:
        return _versioned(workspace_consensus(db=db, workspace_id=workspace_id, seen_by=role))


def _consensus(url: str, workspace_id: int, role: str | None) -> Versioned:
    """The consensus as `role` sees it, made once per version of what it is made from."""
    return _consensus_of(url, workspace_id, role, _inputs(url, workspace_id)[0])


def consensus(journey: Journey) -> pd.DataFrame:
    """The workspace's settled consensus; made again once what it is made from changes
    (at once after a change made here, within a second of one made by another instance
    of the app), never otherwise."""
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


@st.cache_resource(show_spinner=False, max_entries=64)
def _working(
    url: str, workspace_id: int, version: str, today: date, settings: dict | None
) -> WorkingRoadmap:
    with reading(get_engine(url)) as db:
        return working_roadmap_of(
            db=db,
            workspace_id=workspace_id,
            today=today,
            settings=None if settings is None else RoadmapSettings.from_json(settings),
        )


def working_roadmap(
    journey: Journey, today: date, settings: RoadmapSettings | None = None
) -> tuple[RoadmapSettings, Roadmap, str]:
    """The saved settings (or `settings`, to compare), the roadmap they make now and its
    version (a key for views made from it and from how sure it is): built by
    planner.store.roadmap.roadmap_plan.working_roadmap once per version of what it is made from
    (the candidates, the consensus' inputs, the plan's settings, pins and dependencies,
    the day), like the consensus; the roadmap's items handed out as a shallow copy."""
    working, version = _working_of(journey, today, settings)
    roadmap = working.roadmap
    return working.settings, replace(roadmap, items=roadmap.items.copy(deep=False)), version


def _working_of(
    journey: Journey, today: date, settings: RoadmapSettings | None = None
) -> tuple[WorkingRoadmap, str]:
    url, workspace_id = database_url(), journey.workspace.id
    wanted = None if settings is None else settings.to_json()
    parts = (*_inputs(url, workspace_id), today.isoformat(), wanted)
    version = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return _working(url, workspace_id, version, today, wanted), version


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
    """After a change made here: what the consensus and the roadmap are made from is
    read anew at once (what did not change is still cached under its version)."""
    _inputs_read.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def _certainty(
    url: str,
    workspace_id: int,
    settings: dict,
    plan: tuple[tuple[int, int], ...],  # (candidate, start period): pins and needs show here
    version: str,  # of the working roadmap whose consensus `_settled` is
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
    url, workspace_id = database_url(), journey.workspace.id
    # The consensus the working roadmap was made from (cached with it), not made again.
    working, version = _working_of(journey, date.today())
    return _certainty(
        url,
        workspace_id,
        settings,
        tuple(
            (int(c), int(p))
            for c, p in zip(
                roadmap.items["candidate_id"], roadmap.items["start_period"], strict=True
            )
            if p == p  # scheduled
        ),
        version,
        working.consensus,
    )
