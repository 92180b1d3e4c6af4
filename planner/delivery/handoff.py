"""Committed items handed to delivery teams: Jira and Azure DevOps CSV, iCalendar.

What goes: the commitments that are committed, in progress or blocked (not proposals,
not done or dropped ones), soonest due first. Each item carries its title, a
description (the candidate's own, then phase, channels, value, effort, KPI and the
roadmap version it came from), its due date, labels for its phase and channels, story
points from its effort, and its owner.

- **Jira** (Jira's CSV importer): Summary, Description, Due date (yyyy-MM-dd: choose that
  date format in the importer), one Labels column per label (Jira reads repeated
  columns as several values; a label has no spaces), Story Points, Assignee.
- **Azure DevOps** (Boards → Import work items → CSV): Work Item Type (User Story), Title,
  Description, Assigned To, Tags (separated by "; "), Story Points, Target Date.
- **iCalendar** (RFC 5545, written by the icalendar package): one all-day event per
  item on its due date, with a stable UID per commitment, so importing the file again
  updates the events instead of doubling them.

Story points: the effort (0–10) rounded to the nearest of 1, 2, 3, 5, 8, 13 (a tie goes
up); without an effort, none. CSV text that a spreadsheet would run as a formula gets
a leading apostrophe, as in every CSV of the app.
"""

import io
import re
from datetime import UTC, date, datetime, timedelta

import icalendar
import pandas as pd

from planner.core.i18n import t
from planner.core.numbers import few_decimals, one_decimal
from planner.core.safe_text import neutralise
from planner.delivery.workflow import Status

FORMATS = ("jira", "azure", "ics")  # python -m planner export --format ...
HANDED_OFF = (Status.COMMITTED, Status.IN_PROGRESS, Status.BLOCKED)
POINTS = (1, 2, 3, 5, 8, 13)
PRODUCT = "-//Journey Roadmap Planner//Commitments//EN"
UID_DOMAIN = "journey-roadmap-planner"
SPACES = re.compile(r"\s+")


def handed_off(frame: pd.DataFrame) -> pd.DataFrame:
    """The commitments that go to delivery tools (see the module), soonest due first."""
    chosen = frame[frame["status"].isin(HANDED_OFF)]
    return chosen.sort_values(["due", "id"], kind="stable").reset_index(drop=True)


def story_points(effort: float | None) -> int | None:
    """Effort 0–10 as story points: the nearest of 1, 2, 3, 5, 8, 13 (ties go up)."""
    if effort is None or effort != effort:  # None or NaN
        return None
    return min(POINTS, key=lambda points: (abs(points - effort), -points))


def label(kind: str, name: str) -> str:
    """A label without spaces: `phase-Buying`, `channel-Contact_centre`."""
    return f"{kind}-{SPACES.sub('_', name.strip())}"


def labels(phase: str, channels: list[str]) -> list[str]:
    return [label("phase", phase), *(label("channel", c) for c in channels)]


def description(item: pd.Series, lang: str) -> str:
    """The candidate's description, then what the roadmap says about the item."""
    facts = [
        f"{t('field.phase', lang)}: {item['phase']}",
        f"{t('field.channels', lang)}: {', '.join(item['channels'])}",
    ]
    for field in ("value", "effort"):
        if item[field] == item[field] and item[field] is not None:
            facts.append(f"{t(f'field.{field}', lang)}: {one_decimal(item[field], lang)}")
    if item["kpi_name"]:
        target = item["kpi_target"]
        facts.append(
            f"{t('field.kpi_name', lang)}: {item['kpi_name']}"
            + (
                f" → {few_decimals(target, lang, 3)}"
                if target == target and target is not None
                else ""
            )
        )
    facts.append(f"{t('commitments.version', lang)}: {item['version']}")
    text = str(item.get("description") or "").strip()
    return "\n\n".join(part for part in (text, "\n".join(facts)) if part)


def jira_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """Jira's CSV importer: repeated Labels columns, ISO due dates (see the module)."""
    items = handed_off(frame)
    label_lists = [labels(p, c) for p, c in zip(items["phase"], items["channels"], strict=True)]
    width = max((len(found) for found in label_lists), default=1)
    header = ["Summary", "Description", "Due date", *["Labels"] * width]
    header += ["Story Points", "Assignee"]
    rows = [
        [
            item["title"],
            description(item, lang),
            item["due"].isoformat(),
            *found,
            *[""] * (width - len(found)),
            story_points(item["effort"]),
            item["owner"],
        ]
        for (_, item), found in zip(items.iterrows(), label_lists, strict=True)
    ]
    return _csv(header, rows)


def azure_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """Azure Boards' CSV import: new User Stories (see the module)."""
    items = handed_off(frame)
    header = ["Work Item Type", "Title", "Description", "Assigned To", "Tags"]
    header += ["Story Points", "Target Date"]
    rows = [
        [
            "User Story",
            item["title"],
            description(item, lang),
            item["owner"],
            "; ".join(labels(item["phase"], item["channels"])),
            story_points(item["effort"]),
            item["due"].isoformat(),
        ]
        for _, item in items.iterrows()
    ]
    return _csv(header, rows)


def _csv(header: list[str], rows: list[list[object]]) -> bytes:
    """UTF-8 without a byte-order mark (Jira reads one as part of the first heading)."""
    table = pd.DataFrame(rows, columns=range(len(header)), dtype=object)
    table = table.map(neutralise)
    buffer = io.StringIO()
    table.to_csv(buffer, header=header, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8")


def calendar(
    frame: pd.DataFrame, workspace: str, lang: str, now: datetime, owner: str | None = None
) -> bytes:
    """An iCalendar file: one all-day event per item on its due date (only `owner`'s,
    when given, matched without regard to case)."""
    items = handed_off(frame)
    if owner is not None:
        items = items[items["owner"].str.casefold() == owner.strip().casefold()]
    book = icalendar.Calendar()
    book.add("prodid", PRODUCT)
    book.add("version", "2.0")
    book.add("calscale", "GREGORIAN")
    book.add("x-wr-calname", f"{workspace} · {t('commitments.title', lang)}")
    stamp = now.astimezone(UTC)
    for _, item in items.iterrows():
        due: date = item["due"]
        event = icalendar.Event()
        event.add("uid", f"commitment-{int(item['id'])}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", t("handoff.event", lang, title=item["title"], owner=item["owner"]))
        event.add("description", description(item, lang))
        event.add("categories", labels(item["phase"], item["channels"]))
        event.add("transp", "TRANSPARENT")  # a deadline, not a busy slot
        book.add_component(event)
    data: bytes = book.to_ical()
    return data
