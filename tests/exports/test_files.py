"""Every download of a workspace, also of one with nothing scored or nothing at all."""

from datetime import UTC, date, datetime

import pytest

from planner.delivery import handoff
from planner.exports.files import FORMATS, FileRequest, workspace_file
from planner.exports.formats import EXPORT_FORMATS
from planner.models import WorkspaceCreate
from planner.store.journey.workspaces import create_workspace
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage

REQUESTS = [
    FileRequest(fmt, chart=chart)
    for fmt in FORMATS
    for chart in (("matrix", "timeline") if fmt in ("png", "svg") else ("matrix",))
]


@pytest.fixture(name="unscored")
def unscored_fixture(db) -> int:
    """A workspace with candidates and nothing scored."""
    journey = make_journey(db, name="Unscored")
    for title in ("Welcome mail", "Chat"):
        add_candidate(db, journey, title)
    return journey.workspace.id


@pytest.fixture(name="empty")
def empty_fixture(db) -> int:
    """A workspace without candidates."""
    return create_workspace(db=db, workspace_in=WorkspaceCreate(name="Empty")).id


def download(db, workspace_id: int, request_for: FileRequest) -> bytes:
    return workspace_file(
        db=db,
        workspace_id=workspace_id,
        request=request_for,
        today=date(2026, 11, 23),
        now=datetime(2026, 11, 23, 9, tzinfo=UTC),
    )


@pytest.mark.parametrize("workspace", ["unscored", "empty"])
@pytest.mark.parametrize("request_for", REQUESTS, ids=lambda r: f"{r.fmt}-{r.chart}")
def test_every_format_gives_a_file(request, db, workspace, request_for):
    assert download(db, request.getfixturevalue(workspace), request_for)


def test_markdown_leaves_what_nobody_scored_blank(db, unscored):
    text = download(db, unscored, FileRequest("md")).decode("utf-8")
    rows = [line for line in text.splitlines() if "Welcome mail" in line]
    assert rows and "<NA>" not in text and "nan" not in rows[0]
    assert rows[0].startswith("|  |  |  |  | Welcome mail |")


def test_the_formats_named_are_the_formats_made():
    """planner.exports names the formats (for the CLI's parser, without importing their
    makers): the same as the exports and the hand-off files made, in that order."""
    assert (*EXPORT_FORMATS, *handoff.FORMATS) == FORMATS
