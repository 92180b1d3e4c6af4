"""A Dutch workspace that has been used, and what counts as not Dutch on its pages and in
its files.

The workspace: the demo in Dutch with a revealed round (a "don't know" among its
answers, comments), a round still voting under a timer, the best plan on capacities with
decimals, a saved version up for sign-off, and commitments (one done, its KPI and effort
measured in fractions): each figure has decimals, so an English "5.0" cannot hide.

Not Dutch: a text of the English catalog that Dutch says otherwise (whole, or a sentence
part of three words or more), or a decimal point between digits. What people typed (the
demo's English titles) is theirs; Streamlit's own words that no option sets, and the
field names of other tools' importers, are KNOWN_EXCEPTIONS, each with its reason."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from google.protobuf.message import Message
from sqlalchemy import Engine

from planner.backup.export import dump_workspace
from planner.core.db import reading, writing
from planner.core.i18n import catalog
from planner.models import (
    CommitmentCreate,
    ResultRecord,
    SessionCreate,
    SignoffCreate,
    SignoffRequest,
    StakeholderJoin,
    StatusChange,
    VersionCreate,
    WorkspaceUpdate,
)
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.answers import Answer
from planner.store.delivery.commitments import change_status, commit, record_result
from planner.store.delivery.signoff import request_signoff, sign
from planner.store.journey.workspaces import update_workspace
from planner.store.roadmap.roadmap_plan import save_plan, working_roadmap
from planner.store.roadmap.versions import save_version
from planner.store.scoring.round_timing import start_timer
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote, set_comment

TODAY = date(2026, 11, 23)
KPI = {"kpi_name": "Online conversie", "kpi_baseline": 12.25, "kpi_target": 20.5}


@dataclass(frozen=True)
class UsedWorkspace:
    workspace_id: int
    revealed: int  # a session whose round is revealed
    voting: int  # a session whose round votes, timer running
    voting_code: str
    stakeholder_token: str  # Ann's personal link, in the revealed session
    version_id: int
    done_id: int  # the commitment that is done, its result measured


def used_dutch_workspace(engine: Engine, workspace_id: int) -> UsedWorkspace:
    """The workspace `workspace_id` (the demo) in Dutch, used as described above."""
    with writing(engine) as db:
        update_workspace(
            db=db, workspace_id=workspace_id, workspace_in=WorkspaceUpdate(language="nl")
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace_id)
        revealed = open_session(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name="Koopsessie"),
            candidate_ids=[1, 2, 3],
        )
        round_id = current_round(db=db, session_id=revealed.id).id
        people = []
        for name, role, answers in (
            ("Ann", "Verkoop", "24?"),
            ("Bo", "IT", "51?"),
            ("Cas", "", "43?"),
        ):
            joined = join_session(
                db=db, code=revealed.code, join_in=StakeholderJoin(name=name, role=role)
            )
            people.append(joined)
            for candidate_id, answer in zip((1, 2, 3), answers, strict=True):
                for criterion in setup.criteria:
                    cast_vote(
                        db=db,
                        round_id=round_id,
                        stakeholder_id=joined.stakeholder.id,
                        candidate_id=candidate_id,
                        criterion_id=criterion.id,
                        label=Answer.from_wire(answer).label,
                    )
            set_comment(
                db=db,
                round_id=round_id,
                stakeholder_id=joined.stakeholder.id,
                candidate_id=1,
                comment=f"{name} wil dit graag",
            )
        reveal_round(db=db, session_id=revealed.id)
        voting = open_session(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name="Live"),
            candidate_ids=[4, 5],
        )
        join_session(db=db, code=voting.code, join_in=StakeholderJoin(name="Dirk"))
        start_timer(db=db, session_id=voting.id, minutes=1)
        save_plan(
            db=db,
            workspace_id=workspace_id,
            settings=RoadmapSettings(
                strategy="optimal",
                period_kind="quarter",
                periods=4,
                start=date(2027, 1, 1),
                capacities=(12.5, 10, 20, 20),
                time_limit=2.5,
            ),
        )
        roadmap = working_roadmap(db=db, workspace_id=workspace_id, today=TODAY).roadmap
        version = save_version(
            db=db,
            workspace_id=workspace_id,
            roadmap=roadmap,
            version_in=VersionCreate(name="Plan Q1", created_by="Eva"),
        )
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
        sign(
            db=db,
            version_id=version.id,
            stakeholder_id=people[0].stakeholder.id,
            signoff_in=SignoffCreate(decision="approve"),
            actor="Eva",
        )
        done = commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(owner="Team Web", committed_by="Paula", period=0, **KPI),
        )
        for status in ("in_progress", "done"):
            change_status(
                db=db,
                commitment_id=done.id,
                change=StatusChange(status=status, by="Paula"),
                today=TODAY,
            )
        record_result(
            db=db,
            commitment_id=done.id,
            result=ResultRecord(kpi_result=17.5, actual_effort=3.5, by="Paula"),
        )
        open_one = commit(
            db=db,
            version_id=version.id,
            position=1,
            commitment_in=CommitmentCreate(owner="Team App", committed_by="Paula", period=1, **KPI),
        )
        change_status(
            db=db,
            commitment_id=open_one.id,
            change=StatusChange(status="in_progress", by="Paula"),
            today=TODAY,
        )
        return UsedWorkspace(
            workspace_id=workspace_id,
            revealed=revealed.id,
            voting=voting.id,
            voting_code=voting.code,
            stakeholder_token=people[0].token,
            version_id=version.id,
            done_id=done.id,
        )


# --- reading it: what counts as English, as a decimal point, as typed by people ------

# Streamlit's own words on a Dutch page, where no option of Streamlit 1.67 sets them:
# English text -> why it stays. (The app's words never belong here.)
KNOWN_EXCEPTIONS = {
    "Select all": "the grid's column menu (st.dataframe's toolbar) writes it itself",
    "Select...": "the grid's choice cells (SelectboxColumn, MultiselectColumn) take no "
    "placeholder; the app's own pickers have theirs",
    "Download as CSV": "the grid's toolbar button; Streamlit's own",
    "Search": "the grid's toolbar button; Streamlit's own",
    "Fullscreen": "the toolbar of every table and chart; Streamlit's own",
    "Show data": "a chart's toolbar; Streamlit's own",
    "Close fullscreen": "the toolbar of every table and chart; Streamlit's own",
}

# A decimal point between digits: "5.0", "28.1 / 10.6", "10:28:42.596612".
DECIMAL_POINT = re.compile(r"\d\.\d")
CODE = re.compile(r"[a-z_-]+|[\d:. T+-]+")  # "in_progress", "value", "2026-11-23"


def english_words() -> tuple[set[str], set[str]]:
    """The catalog's English that Dutch says otherwise: whole short texts (a label is
    English only when it is all there is), and sentences or their fixed parts between
    placeholders (three words or more: English wherever they appear)."""
    english, dutch = catalog("en"), catalog("nl")
    whole, parts = set(), set()
    for key, text in english.items():
        if text == dutch.get(key):
            continue
        for part in re.split(r"\{[^}]*\}", text):
            part = part.strip(" .,:;·()–-“”\"'?!")
            if len(part.split()) >= 3 and part not in dutch.values():
                parts.add(part)
        if "{" not in text and len(text) >= 4 and len(text.split()) < 3:
            whole.add(text)
    return whole, parts


WHOLE, PARTS = english_words()


# Fields and keys that hold code, styles, ids or the app's own names of things, not
# words a person reads (a table's headings and a chart's titles are read apart).
NOT_READ = {
    *("id", "form_id", "widget_id", "key", "component_name", "url", "icon", "format"),
    *("data", "arrow_data", "columns", "column_order", "spec", "datasets"),
    *("js_content", "html_content", "css_content", "js_source_path", "css_source_path"),
    *("size", "lang", "status", "round_status", "dimension"),
}


def strings(value: object) -> Iterator[str]:
    """Every string in a proto message, a JSON text or a container, recursively."""
    if isinstance(value, Message):
        for field, found in value.ListFields():
            if field.name in NOT_READ:
                continue
            repeated = not isinstance(found, (Message, str, bytes, int, float))
            yield from (item for each in (found if repeated else [found]) for item in strings(each))
    elif isinstance(value, str):
        if value[:1] in "{[":
            try:
                yield from strings(json.loads(value))
                return
            except ValueError:
                pass
        yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_READ:
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def typed_texts(engine, workspace_id: int) -> set[str]:
    """What people typed into the workspace (titles, names, phases...: the demo's are
    English, and stay as typed): every text of its backup but the app's own codes."""
    with reading(engine) as db:
        document = dump_workspace(db=db, workspace_id=workspace_id)

    def leaves(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from leaves(item)

    return {text for text in leaves(document) if not CODE.fullmatch(text)}


def problems(texts: list[str], typed: set[str]) -> list[tuple[str, str]]:
    """(what is wrong, the text) for each English phrase and decimal point found in the
    texts the app wrote (not in what people typed)."""
    found = []
    for text in set(texts) - typed:
        if text in WHOLE and text not in KNOWN_EXCEPTIONS:
            found.append(("English", text))
        found += [("English: " + part, text) for part in PARTS if part in text]
        if DECIMAL_POINT.search(text):
            found.append(("decimal point", text))
    return sorted(found)
