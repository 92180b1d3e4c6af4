"""What a download holds: the working roadmap or a saved version, in the workspace's
language unless another is asked, the revealed votes with the stakeholders' names; and
cells and settings written as the language writes them."""

import math
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from planner.exports.content import as_text, export_content
from tests.factories import saved_version

TODAY = date(2026, 11, 23)


def test_the_working_roadmap_in_the_workspaces_language(content, demo):
    assert content.version is None
    assert content.lang == demo.language == "en"
    assert content.title == demo.name
    assert content.chances is None  # only when asked
    assert content.signoff_summary() == [] and content.signoff_table() is None
    assert len(content.roadmap_table()) == len(content.roadmap.items)


def test_the_votes_name_their_stakeholders_and_criteria(content):
    assert set(content.votes["stakeholder"]) == {"Ann", "Bo", "Cy"}
    assert set(content.transcript["stakeholder"]) == {"Ann", "Bo", "Cy"}
    assert content.comments["stakeholder"].tolist() == ["Cy"]
    assert set(content.votes["criterion_id"]) <= set(content.criteria)
    assert "Effort" in content.criteria.values()


def test_another_language_and_the_chances_when_asked(db, demo, content):
    dutch = export_content(db=db, workspace_id=demo.id, today=TODAY, lang="nl", chances=True)
    assert dutch.lang == "nl"
    assert dutch.settings()[0] == ("Werkruimte", demo.name)
    assert isinstance(dutch.chances, pd.DataFrame) and not dutch.chances.empty


def test_a_saved_version_is_opened_as_saved_without_chances(db, demo, content):
    version = saved_version(db, demo.id, name="Q1 plan")
    opened = export_content(
        db=db, workspace_id=demo.id, today=TODAY, version_id=version.id, chances=True
    )
    assert opened.version == "Q1 plan"
    assert opened.chances is None
    assert dict(opened.settings())["Roadmap version"] == "Q1 plan"
    assert dict(content.settings())["Roadmap version"].startswith("Working roadmap")


def test_the_matrix_points_are_the_scored_candidates(content):
    points = content.matrix_points()
    assert points["candidate_id"].is_unique
    assert points[["value", "effort"]].notna().all().all()
    assert set(points["candidate_id"]) <= set(content.candidates["id"])


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (7.5, "en", "7.5"),
        (7.5, "nl", "7,5"),
        (date(2026, 10, 1), "en", "1 Oct 2026"),
        (date(2026, 10, 1), "nl", "1 okt 2026"),
        (datetime(2026, 10, 1, 14, 5, tzinfo=UTC), "nl", "1 okt 2026 14:05"),
        (None, "en", ""),
        (math.nan, "en", ""),
        (pd.NaT, "nl", ""),
        (pd.NA, "nl", ""),
        (3, "nl", "3"),
        ("Tekst", "nl", "Tekst"),
    ],
)
def test_as_text_writes_a_cell_as_the_language_does(value, lang, text):
    assert as_text(value, lang) == text
