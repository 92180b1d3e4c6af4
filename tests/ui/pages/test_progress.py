"""Progress page: burn-up, on time, slip, what to check, and who over- or underestimates
effort."""

from datetime import date, timedelta

from planner.core.db import writing
from planner.models import SessionCreate, StakeholderJoin
from planner.store.delivery.commitments import commitment_frame
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.factories import vote_all
from tests.ui.conftest import texts
from tests.ui.pages.test_commitments import (
    move,
    promise,
    submit,
    version_fixture,  # noqa: F401 (a fixture)
)


def test_progress_shows_burn_up_on_time_slip_and_to_check(open_page, engine, version):
    late = promise(engine, version, period=None, due=date.today() - timedelta(days=40))
    move(engine, late, "in_progress", "done")
    promise(engine, version, position=1)
    at = open_page("progress")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["On time"] == "0%"
    [chart] = at.get("vega_lite_chart")
    assert "Committed" in chart.proto.spec and "Delivered" in chart.proto.spec
    slips, to_check = at.dataframe[0].value, at.dataframe[1].value
    assert slips["Slip (periods)"].tolist() in ([1], [0])  # depends on where today falls
    assert len(to_check) == 1
    at = open_page("progress", lang="nl")
    assert "Burn-up" in texts(at) and "Op tijd" in [m.label for m in at.metric]


def test_progress_shows_who_over_and_underestimates_effort(open_page, engine, demo, version):
    """Ann (IT) gave the delivered item effort 5 (= 10), Bo (Sales) 1 (= 0); it took 4."""
    commitment = promise(engine, version)
    with writing(engine) as db:
        candidate = commitment_frame(db=db, workspace_id=demo.id)["candidate_id"].iloc[0]
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Effort check"),
            candidate_ids=[int(candidate)],
        )
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
        for name, role, label in (("Ann", "IT", "5"), ("Bo", "Sales", "1")):
            person = join_session(
                db=db, code=scoring.code, join_in=StakeholderJoin(name=f"{name} E", role=role)
            )[1]
            vote_all(db, scoring, person, int(candidate), setup, label)
        reveal_round(db=db, session_id=scoring.id)
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments")
    at.number_input(key=f"result_value_{commitment}").set_value(1.0)
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(4.0)
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    submit(at, f"result_{commitment}", "Save the result")
    at = open_page("progress")
    people, roles = at.dataframe[-2].value, at.dataframe[-1].value
    by_name = people.set_index(people.columns[0])
    assert by_name.loc["Ann E"].tolist()[1:] == [1, 6.0, 6.0]
    assert by_name.loc["Bo E"].tolist()[1:] == [1, -4.0, 4.0]
    assert roles[roles.columns[0]].tolist() == ["IT", "Sales"]
    assert "1 delivered item has its actual effort recorded, and stakeholders" in texts(at)
