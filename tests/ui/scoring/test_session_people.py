"""The facilitator's controls for a session's people: a new personal link, the old one
stops."""

from planner.core.db import reading, writing
from planner.models import StakeholderJoin
from planner.store.audit import audit_log
from planner.store.scoring.stakeholders import join_session, stakeholder_by_link
from tests.ui.pages.test_commitments import (
    version_fixture,  # noqa: F401 (a fixture)
)
from tests.ui.pages.test_scoring_session import scoring_fixture  # noqa: F401 (a fixture)


def test_facilitator_issues_a_new_personal_link_and_the_old_one_stops(open_page, scoring, engine):
    with writing(engine) as db:
        anna = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    at = open_page("scoring_session")
    at.selectbox(key="new_link_who").set_value(anna.stakeholder.id)
    at.button(key=f"FormSubmitter:new_link_{scoring.id}-New personal link").click().run()
    assert not at.exception
    link = next(c.value for c in at.code if "?me=" in c.value)
    new_token = link.split("?me=")[1]
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=anna.token) is None
        assert stakeholder_by_link(db=db, token=new_token).name == "Anna"
        log = audit_log(db=db, workspace_id=scoring.workspace_id)
    assert log["action"].str.startswith("New personal link for Anna").any()
