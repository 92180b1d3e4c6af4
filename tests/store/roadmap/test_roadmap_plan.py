"""The working roadmap: its plan settings, pins and exclusions, what it reads, and how
certain each place is (dependencies: test_dependencies; versions: test_versions)."""

import re
from collections import Counter
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import event

from planner.core.errors import InvalidInput
from planner.store.roadmap.dependencies import add_dependencies
from planner.store.roadmap.roadmap_plan import (
    load_plan,
    roadmap_certainty,
    set_plan_item,
    working_roadmap,
)
from planner.store.scoring.consensus import workspace_consensus
from planner.store.scoring.sessions import reveal_round
from tests.factories import join, vote_all
from tests.store.roadmap.working import TODAY, plan, roadmap

pytestmark = pytest.mark.storage


def test_default_plan_is_four_quarters_from_this_quarter(db, demo):
    settings = load_plan(db=db, workspace_id=demo.id, today=TODAY)
    assert (settings.start, settings.period_kind, settings.periods) == (
        date(2026, 10, 1),
        "quarter",
        4,
    )


def test_demo_roadmap_respects_capacity_and_dependencies(db, demo):
    plan(db, demo, capacities=[60.0])
    result = roadmap(db, demo)
    assert all(used <= 60 + 1e-9 for used in result.load)
    assert [p.label for p in result.periods] == ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"]
    starts = result.items.set_index("title")["start_period"]
    assert starts["Stock per store on the product page"] < starts["Click & collect within 2 hours"]
    assert set(result.unscheduled["reason"]) <= {"capacity", "needs_unscheduled"}


def test_one_capacity_or_one_per_period(db, demo):
    plan(db, demo, capacities=[10, 20, 30, 40])
    assert load_plan(db=db, workspace_id=demo.id, today=TODAY).capacities == (
        10,
        20,
        30,
        40,
    )
    with pytest.raises(InvalidInput, match="3 capacities for 4 periods"):
        plan(db, demo, capacities=[10, 20, 30])


def test_pins_and_exclusions(db, demo):
    plan(db, demo)
    items = roadmap(db, demo).items.set_index("title")["candidate_id"]
    set_plan_item(
        db=db,
        candidate_id=items["Price promise across channels"],
        pinned_period=2,
        excluded=False,
    )
    set_plan_item(
        db=db,
        candidate_id=items["Guest checkout without an account"],
        pinned_period=None,
        excluded=True,
    )
    result = roadmap(db, demo).items.set_index("title")
    assert result.at["Price promise across channels", "start_period"] == 2
    assert result.at["Guest checkout without an account", "reason"] == "excluded"


def test_a_split_vote_makes_a_place_uncertain(db, workshop):
    """Two candidates, five stakeholders: one agreed on, one split around the line."""
    journey, ideas, scoring, setup = workshop
    for n, label in enumerate(["1", "5", "1", "5", "5"]):
        person = join(db, scoring, f"Person {n}")
        vote_all(db, scoring, person, ideas[0].id, setup, label="5")
        vote_all(db, scoring, person, ideas[1].id, setup, label=label)
    reveal_round(db=db, session_id=scoring.id)
    workspace_id = journey.workspace.id
    settled = workspace_consensus(db=db, workspace_id=workspace_id)
    roadmap = working_roadmap(db=db, workspace_id=workspace_id, today=TODAY).roadmap
    items = roadmap.items
    first = {int(c) for c in items.loc[items["start_period"].eq(0), "candidate_id"]}
    sure = roadmap_certainty(
        db=db, workspace_id=workspace_id, settings=roadmap.settings, first=first, consensus=settled
    )
    agreed, split = ideas[0].id, ideas[1].id
    assert sure.quadrants.loc[agreed].max() == 1.0
    assert 0 < sure.quadrants.loc[split].max() < 1.0
    assert sure.ranks.loc[split, "rank_low"] <= sure.ranks.loc[split, "rank_high"]
    assert sure.quadrants.loc[ideas[2].id].sum() == 0  # not scored: no quadrant at all


def test_the_working_roadmap_reads_each_thing_once(db, engine, workshop):
    """One call, one statement per thing it is made from: no statement is run twice
    and no table is the subject of two reads (the candidates not again for the
    consensus)."""
    journey, ideas, scoring, setup = workshop
    for name in ("Anna", "Bram", "Cas"):
        person = join(db, scoring, name)
        for idea in ideas[:2]:
            vote_all(db, scoring, person, idea.id, setup, label="5")
    reveal_round(db=db, session_id=scoring.id)
    set_plan_item(db=db, candidate_id=ideas[0].id, pinned_period=1, excluded=False)
    add_dependencies(db=db, workspace_id=journey.workspace.id, pairs=[(ideas[1].id, ideas[0].id)])
    db.flush()
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        working = working_roadmap(db=db, workspace_id=journey.workspace.id, today=TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert reads == statements  # it only reads
    assert len(reads) == len(set(reads))
    subjects = Counter(re.search(r"\bFROM\s+(\w+)", s, re.IGNORECASE)[1] for s in reads)
    assert subjects["candidate"] == 1, reads
    assert max(subjects.values()) == 1, subjects
    assert len(reads) <= 11, reads  # candidates, channels, model, criteria, their roles,
    # role weights, votes, decisions, pins, settings, dependencies
    pd.testing.assert_frame_equal(
        working.consensus, workspace_consensus(db=db, workspace_id=journey.workspace.id)
    )
    items = working.roadmap.items.set_index("candidate_id")
    assert items.loc[ideas[0].id, "start_period"] == 1  # the pin was read
    assert working.settings == load_plan(db=db, workspace_id=journey.workspace.id, today=TODAY)


def test_other_settings_make_the_working_roadmap_without_storing_them(db, demo):
    """`settings` shows what other settings would make; the stored ones stay."""
    stored = load_plan(db=db, workspace_id=demo.id, today=TODAY)
    other = stored.model_copy(update={"strategy": "wsjf", "capacities": (5.0,)})
    working = working_roadmap(db=db, workspace_id=demo.id, today=TODAY, settings=other)
    assert working.settings == other
    assert working.roadmap.settings == other
    assert load_plan(db=db, workspace_id=demo.id, today=TODAY) == stored
