"""Saved roadmap versions: a named copy of a roadmap, opened exactly as it was saved."""

from dataclasses import asdict

import pandas as pd
from sqlalchemy import delete, insert, select
from sqlmodel import Session

from planner.core.errors import Conflict, NotFound
from planner.journey.naming import name_key
from planner.models import (
    Commitment,
    RoadmapVersion,
    RoadmapVersionItem,
    VersionCreate,
    utcnow,
)
from planner.roadmap.build import ITEM_COLUMNS, Roadmap
from planner.roadmap.periods import make_periods
from planner.roadmap.quadrants import Thresholds
from planner.roadmap.settings import RoadmapSettings
from planner.store.sql import plain_records, read_frame

ITEM_FIELDS = [c for c in ITEM_COLUMNS if c != "reason_params"]  # what a version keeps


def _settings(roadmap: Roadmap) -> dict:
    return {**roadmap.settings.to_json(), "thresholds": asdict(roadmap.thresholds)}


def _write_items(db: Session, version_id: int, roadmap: Roadmap) -> None:
    db.execute(
        insert(RoadmapVersionItem),
        [
            {"version_id": version_id, "position": position, **{n: row[n] for n in ITEM_FIELDS}}
            for position, row in enumerate(plain_records(roadmap.items))
        ],
    )


def save_version(
    *, db: Session, workspace_id: int, roadmap: Roadmap, version_in: VersionCreate
) -> RoadmapVersion:
    """Save `roadmap` under a new name, with who saved it, when and the settings used."""
    for other in list_versions(db=db, workspace_id=workspace_id):
        if name_key(other.name) == name_key(version_in.name):
            raise Conflict("error.version_exists", name=other.name)
    version = RoadmapVersion(
        workspace_id=workspace_id,
        name=version_in.name,
        created_by=version_in.created_by,
        settings=_settings(roadmap),
    )
    db.add(version)
    db.flush()
    _write_items(db, version.id, roadmap)
    return version


def check_editable(version: RoadmapVersion) -> None:
    """A version put up for sign-off is frozen: changes need a new version."""
    if version.signoff_requested_at is not None:
        raise Conflict("error.version_frozen", name=version.name)


def update_version(*, db: Session, version_id: int, roadmap: Roadmap) -> RoadmapVersion:
    """Replace a version's content with `roadmap` (same name), unless it is frozen."""
    version = get_version(db=db, version_id=version_id)
    check_editable(version)
    _check_uncommitted(db, version)
    db.execute(delete(RoadmapVersionItem).where(RoadmapVersionItem.version_id == version_id))
    version.settings = _settings(roadmap)
    version.created_at = utcnow()
    _write_items(db, version_id, roadmap)
    return version


def delete_version(*, db: Session, version_id: int) -> None:
    """Delete a version that nobody signed off or committed to."""
    version = get_version(db=db, version_id=version_id)
    check_editable(version)
    _check_uncommitted(db, version)
    db.delete(version)
    db.flush()


def _check_uncommitted(db: Session, version: RoadmapVersion) -> None:
    if db.scalars(select(Commitment.id).where(Commitment.version_id == version.id)).first():
        raise Conflict("error.version_committed", name=version.name)


def list_versions(*, db: Session, workspace_id: int) -> list[RoadmapVersion]:
    """The workspace's versions, newest first."""
    query = select(RoadmapVersion).where(RoadmapVersion.workspace_id == workspace_id)
    return list(
        db.scalars(query.order_by(RoadmapVersion.created_at.desc(), RoadmapVersion.id.desc()))
    )


def get_version(*, db: Session, version_id: int) -> RoadmapVersion:
    version = db.get(RoadmapVersion, version_id)
    if version is None:
        raise NotFound("error.version_not_found", name=version_id)
    return version


def open_version(*, db: Session, version_id: int) -> Roadmap:
    """The version as it was saved, whatever changed since."""
    version = get_version(db=db, version_id=version_id)
    stored = dict(version.settings)
    thresholds = Thresholds(**stored.pop("thresholds"))
    settings = RoadmapSettings.from_json(stored)
    items = read_frame(
        db,
        select(*(getattr(RoadmapVersionItem, f) for f in ITEM_FIELDS))
        .where(RoadmapVersionItem.version_id == version_id)
        .order_by(RoadmapVersionItem.position),
    )
    items = items.astype(
        {"value": float, "effort": float, "start_period": float, "end_period": float, "rank": float}
    )
    items["reason_params"] = [{} for _ in range(len(items))]
    load = [0.0] * settings.periods
    for periods in items["load"].dropna():
        for period, points in periods.items():
            load[int(period)] += points  # JSON keys come back as text
    return Roadmap(
        settings=settings,
        periods=make_periods(settings.start, settings.period_kind, settings.periods),
        thresholds=thresholds,
        items=items,
        load=load,
    )


def version_items(*, db: Session, version_id: int) -> pd.DataFrame:
    return open_version(db=db, version_id=version_id).items


def find_version(*, db: Session, workspace_id: int, name: str) -> RoadmapVersion:
    """The workspace's version called `name` (any case)."""
    for version in list_versions(db=db, workspace_id=workspace_id):
        if name_key(version.name) == name_key(name):
            return version
    raise NotFound("error.version_not_found", name=name)
