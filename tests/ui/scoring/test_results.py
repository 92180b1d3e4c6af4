"""The reveal's table: flagged candidates first."""

from planner.core.db import reading, writing
from planner.models import StakeholderJoin
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.factories import vote_all
from tests.ui.pages.test_commitments import (
    version_fixture,  # noqa: F401 (a fixture)
)
from tests.ui.pages.test_scoring_session import scoring_fixture  # noqa: F401 (a fixture)


def test_the_reveal_lists_flagged_candidates_first(open_page, scoring, engine):
    """Candidate 3 divides the room (1 against 5), 1 and 2 do not: 3 comes first."""
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, divided in (("A", "1"), ("B", "5"), ("C", "1"), ("D", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            for candidate in (1, 2):
                vote_all(db, scoring, person, candidate, setup, "3")
            vote_all(db, scoring, person, 3, setup, divided)
        reveal_round(db=db, session_id=scoring.id)
    at = open_page("scoring_session")
    table = at.dataframe[0].value
    assert table["flag"].str.startswith("⚑").tolist() == [True, False, False]
    with reading(engine) as db:
        titles = {c: get_candidate(db=db, candidate_id=c).title for c in (1, 2, 3)}
    assert table["title"].tolist() == [titles[3], titles[1], titles[2]]
