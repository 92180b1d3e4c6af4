"""The roadmap tables and the version schema: a working plan's defaults, a version's name
and author required, a saved item's fields as the schema holds them."""

from datetime import date

from planner.models import PlanItem, RoadmapPlan, SQLModel, VersionCreate
from planner.roadmap.periods import PeriodKind
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import DEFAULT_PERIODS, DEFAULT_TIME_LIMIT
from tests.models.helpers import refusals


def test_a_working_plan_has_the_settings_defaults():
    plan = RoadmapPlan(workspace_id=1, start=date(2027, 1, 1), capacities=[20.0])
    assert (plan.strategy, plan.period_kind, plan.threshold_mode) == (
        Strategy.QUICK_WINS,
        PeriodKind.QUARTER,
        ThresholdMode.MIDDLE,
    )
    assert (plan.periods, plan.time_limit) == (DEFAULT_PERIODS, DEFAULT_TIME_LIMIT)


def test_a_plan_item_is_neither_pinned_nor_excluded_by_default():
    item = PlanItem(candidate_id=3)
    assert (item.pinned_period, item.excluded) == (None, False)


def test_a_version_needs_a_name_and_who_saved_it():
    assert VersionCreate(name=" Q1 plan ", created_by="Eva").name == "Q1 plan"
    assert refusals(VersionCreate, name="", created_by="Eva") == ["Name is required."]
    assert refusals(VersionCreate, name="Q1", created_by="") != []


def test_a_version_is_unique_by_name_in_its_workspace_and_its_items_outlive_candidates():
    tables = SQLModel.metadata.tables
    unique = [
        sorted(c.name for c in constraint.columns)
        for constraint in tables["roadmap_version"].constraints
        if constraint.__class__.__name__ == "UniqueConstraint"
    ]
    assert ["name", "workspace_id"] in unique
    (key,) = tables["roadmap_version_item"].c.candidate_id.foreign_keys
    assert key.ondelete == "SET NULL"
    (dependency_key,) = tables["dependency"].c.needs_id.foreign_keys
    assert dependency_key.ondelete == "CASCADE"
