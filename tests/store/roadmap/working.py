"""The working roadmap and a saved plan, as the roadmap's storage tests set them up."""

from datetime import date

from planner.core.errors import validated
from planner.roadmap.settings import RoadmapSettings
from planner.store.roadmap.roadmap_plan import save_plan, working_roadmap

TODAY = date(2026, 11, 23)


def roadmap(db, demo, **kwargs):
    """The demo's working roadmap today."""
    return working_roadmap(db=db, workspace_id=demo.id, today=TODAY, **kwargs).roadmap


def plan(db, demo, **fields):
    """Save the demo's plan: four quarters of 20 from 2027 by WSJF, but for `fields`."""
    values = {
        "strategy": "wsjf",
        "period_kind": "quarter",
        "periods": 4,
        "start": date(2027, 1, 1),
        "capacities": [20.0],
        **fields,
    }
    save_plan(db=db, workspace_id=demo.id, settings=validated(RoadmapSettings, **values))
