"""Shared reads: a frame's digest changes with its content and only with it, so views
made from it are made again exactly when it changes."""

import pandas as pd
from sqlmodel import select

from planner.core.db import writing
from planner.models import Candidate, OverrideCreate
from planner.store.scoring import consensus as store_consensus
from planner.store.scoring.consensus import add_override
from planner.ui.shell import reads
from planner.ui.shell.reads import _versioned


def test_the_digest_follows_the_content():
    frame = pd.DataFrame({"candidate_id": [1, 2], "value": [7.0, 3.5], "source": ["votes", None]})
    same = _versioned(frame.copy())
    assert _versioned(frame).digest == same.digest
    changed = frame.assign(value=[7.0, 3.6])
    assert _versioned(changed).digest != same.digest
    reordered = frame.iloc[::-1]
    assert _versioned(reordered).digest != same.digest
    renamed = frame.rename(columns={"value": "effort"})
    assert _versioned(renamed).digest != same.digest
    assert _versioned(frame.astype({"value": "float32"})).digest != same.digest


def test_a_change_made_by_another_instance_shows_within_a_second(
    open_page, demo, engine, monkeypatch
):
    """The cached consensus is keyed by a digest of its inputs read from the database
    (at most once a second): another app instance's decision shows on the next run
    after that second, without a change made here to clear it. The second is the test's
    own clock, moved on by hand."""
    now = [1_000.0]
    monkeypatch.setattr(reads, "clock", lambda: now[0])
    at = open_page("consensus")
    title = at.dataframe[0].value["title"].iloc[0]
    with writing(engine) as db:
        candidate_id = db.exec(select(Candidate.id).where(Candidate.title == title)).one()
        add_override(
            db=db,
            candidate_id=candidate_id,
            override_in=OverrideCreate(value=0.5, reason="Elsewhere", decided_by="Other"),
        )
    table = at.run().dataframe[0].value
    assert table.loc[table["title"] == title, "value"].iloc[0] != 0.5  # within the second
    now[0] += reads.INPUTS_FRESH_S
    table = at.run().dataframe[0].value
    assert table.loc[table["title"] == title, "value"].iloc[0] == 0.5


def test_the_roadmap_page_settles_the_consensus_once(open_page, demo, monkeypatch):
    """The working roadmap and how sure it is come from one consensus, made once (the
    roadmap page made it twice when the certainty read it apart from the roadmap)."""
    settled = []
    real = store_consensus.settle

    def counting(*args, **kwargs):
        settled.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store_consensus, "settle", counting)
    at = open_page("roadmap")
    assert at.get("vega_lite_chart")  # the timeline: the roadmap and its certainty drawn
    assert len(settled) == 1
