"""The demo with text that could hurt a spreadsheet, and with revealed votes."""

from datetime import date

import pytest

from planner.exports.content import export_content
from planner.models import CandidateUpdate, SessionCreate
from planner.store.journey.candidates import update_candidate
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session, reveal_round
from planner.store.scoring.votes import set_comment
from tests.factories import join, vote_all

TRICKY = {
    1: '=HYPERLINK("http://evil","click")',
    2: "+31 20 123 4567",
    3: "-minus first",
    4: "@SUM(A1:A9)",
}
UNICODE = "Café ë € 😀 Ω"


SAID = "Stores ask for this every week – €, ë and all"


@pytest.fixture(name="content")
def content_fixture(db, demo):
    for candidate_id, title in TRICKY.items():
        update_candidate(
            db=db, candidate_id=candidate_id, candidate_in=CandidateUpdate(title=title)
        )
    update_candidate(db=db, candidate_id=5, candidate_in=CandidateUpdate(title=UNICODE))
    scoring = open_session(
        db=db,
        workspace_id=demo.id,
        session_in=SessionCreate(name="S"),
        candidate_ids=[6, 7],
    )
    setup = load_scoring_setup(db=db, workspace_id=demo.id)
    for name in ("Ann", "Bo", "Cy"):
        person = join(db, scoring, name, "Sales")
        vote_all(db, scoring, person, 6, setup, "4")
    round_id = current_round(db=db, session_id=scoring.id).id
    set_comment(db=db, round_id=round_id, stakeholder_id=person.id, candidate_id=6, comment=SAID)
    reveal_round(db=db, session_id=scoring.id)
    return export_content(db=db, workspace_id=demo.id, today=date(2026, 11, 23))
