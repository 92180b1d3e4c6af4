"""Hand-off files read back by their formats' rules: Jira's CSV (repeated Labels
columns), Azure Boards' CSV (Tags separated by "; "), iCalendar (the icalendar package).

Rule table (docs/tour/downloads.md, "Hand-off to delivery tools"):
| rule                                   | test                                   |
| committed, in progress, blocked go;    | test_only_committed_work_goes          |
|   proposed, done, dropped do not       |                                        |
| soonest due first                      | test_jira_rows_by_jira_rules           |
| story points: nearest Fibonacci ≤ 13   | test_story_points_table                |
| labels without spaces, per phase and   | test_jira_rows_by_jira_rules           |
|   channel                              |                                        |
| description: candidate's, then facts   | test_jira_rows_by_jira_rules           |
| Azure: User Story, Tags "; "           | test_azure_rows_by_azure_rules         |
| ics: all-day event on the due date,    | test_calendar_by_rfc_5545              |
|   stable UID, one owner's on request   |                                        |
| formula-like text neutralised          | test_formula_like_titles_are_text      |
"""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from planner.delivery.handoff import azure_csv, calendar, jira_csv, story_points
from planner.models import CommitmentCreate, StatusChange
from planner.store.delivery.commitments import change_status, commit, handoff_items
from tests.factories import saved_version

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(name="items")
def items_fixture(db, demo):
    """Four commitments: Web's committed and in progress, Shop's blocked, one done."""
    version = saved_version(db, demo.id)

    def promise(position, owner, period, *statuses):
        made = commit(
            db=db,
            version_id=version.id,
            position=position,
            commitment_in=CommitmentCreate(owner=owner, committed_by="Paula", period=period),
        )
        for status in statuses:
            change_status(
                db=db,
                commitment_id=made.id,
                change=StatusChange(status=status, by="Paula", comment="reason"),
                today=date.today(),
            )
        return made

    promise(0, "Team Web", 1)
    promise(1, "team web", 0, "in_progress")
    promise(2, "Shop floor", 0, "blocked")
    promise(3, "Team Web", 0, "in_progress", "done")
    db.flush()
    return handoff_items(db=db, workspace_id=demo.id)


def rows(data: bytes) -> list[list[str]]:
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte-order mark in the first heading
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_story_points_table():
    cases = {0.0: 1, 1.4: 1, 1.5: 2, 2.5: 3, 4.0: 5, 6.5: 8, 10.0: 8, 10.5: 13, 20.0: 13}
    assert {effort: story_points(effort) for effort in cases} == cases
    assert story_points(None) is None and story_points(float("nan")) is None


def test_only_committed_work_goes(items):
    frame = items
    titles = [row[0] for row in rows(jira_csv(frame, "en"))[1:]]
    assert len(titles) == 3  # not the done one
    done = frame[frame["status"] == "done"]["title"].iloc[0]
    assert done not in titles


def test_jira_rows_by_jira_rules(items):
    frame = items
    header, *body = rows(jira_csv(frame, "en"))
    assert header[:3] == ["Summary", "Description", "Due date"]
    assert header[-2:] == ["Story Points", "Assignee"]
    label_columns = [i for i, name in enumerate(header) if name == "Labels"]
    assert label_columns  # Jira reads repeated Labels columns as several labels
    dues = [date.fromisoformat(row[2]) for row in body]
    assert dues == sorted(dues)  # soonest due first
    going = frame[frame["status"] != "done"].set_index("title")
    for row in body:
        item = going.loc[row[0]]
        labels = [row[i] for i in label_columns if row[i]]
        assert labels[0] == f"phase-{item['phase'].replace(' ', '_')}"
        assert all(" " not in label for label in labels)
        assert len(labels) == 1 + len(item["channels"])
        assert row[-1] == item["owner"]
        assert row[-2] == str(story_points(item["effort"]))
        assert f"Roadmap version: {item['version']}" in row[1]
        if item["description"]:
            assert row[1].startswith(item["description"].strip())


def test_azure_rows_by_azure_rules(items):
    frame = items
    header, *body = rows(azure_csv(frame, "nl"))
    assert header == [
        "Work Item Type",
        "Title",
        "Description",
        "Assigned To",
        "Tags",
        "Story Points",
        "Target Date",
    ]
    assert {row[0] for row in body} == {"User Story"}
    for row in body:
        tags = row[4].split("; ")
        assert tags[0].startswith("phase-") and all(t.startswith("channel-") for t in tags[1:])
        assert "Fase: " in row[2]  # the facts in the language asked for
        date.fromisoformat(row[6])


def test_calendar_by_rfc_5545(items):
    frame = items
    book = icalendar.Calendar.from_ical(calendar(frame, "Demo", "en", NOW))
    events = book.walk("VEVENT")
    assert len(events) == 3
    going = frame[frame["status"] != "done"]
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and end == start + timedelta(days=1)  # all day
        number = int(str(event["uid"]).removeprefix("commitment-").split("@")[0])
        item = going.set_index("id").loc[number]
        assert start == item["due"]
        assert str(event["summary"]) == f"Due: {item['title']} ({item['owner']})"
        assert event.decoded("dtstamp") == NOW
    again = icalendar.Calendar.from_ical(calendar(frame, "Demo", "en", NOW + timedelta(days=1)))
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(e["uid"]) for e in events]
    web = icalendar.Calendar.from_ical(calendar(frame, "Demo", "en", NOW, owner=" TEAM WEB "))
    assert len(web.walk("VEVENT")) == 2  # both spellings of Team Web, not the done one


def test_formula_like_titles_are_text(items):
    frame = items
    frame = frame.assign(title='=HYPERLINK("http://x")')
    assert rows(jira_csv(frame, "en"))[1][0] == '\'=HYPERLINK("http://x")'
    assert rows(azure_csv(frame, "en"))[1][1] == '\'=HYPERLINK("http://x")'
