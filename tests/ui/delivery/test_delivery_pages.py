"""Sign-off, commitments and progress pages."""

from datetime import date, timedelta

import pyarrow as pa
import pytest

from planner.core import dates
from planner.core.db import reading, writing
from planner.models import (
    CommitmentCreate,
    ResultRecord,
    SessionCreate,
    SignoffRequest,
    StakeholderJoin,
    StatusChange,
)
from planner.store.delivery.commitments import (
    change_status,
    commit,
    commitment_frame,
    get_commitment,
    history,
    record_result,
    rescore_requests,
)
from planner.store.delivery.signoff import request_signoff, signoff_status
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.factories import add_stakeholders, saved_version, vote_all
from tests.ui.conftest import download_links, follow, texts


@pytest.fixture(name="version")
def version_fixture(engine, demo):
    with writing(engine) as db:
        version = saved_version(db, demo.id)
        add_stakeholders(db, demo.id, "Ann", "Bert")
        return version


def promise(engine, version, position=0, **fields):
    values = {"owner": "Team Web", "committed_by": "Paula", "period": 0} | fields
    with writing(engine) as db:
        return commit(
            db=db,
            version_id=version.id,
            position=position,
            commitment_in=CommitmentCreate(**values),
        ).id


def move(engine, commitment_id, *statuses):
    with writing(engine) as db:
        for status in statuses:
            change_status(
                db=db,
                commitment_id=commitment_id,
                change=StatusChange(status=status, by="Paula", comment="on our way"),
                today=date.today(),
            )


def submit(at, form, label):
    at.button(key=f"FormSubmitter:{form}-{label}").click().run()
    assert not at.exception


def test_without_a_version_the_pages_say_what_to_do_first(open_page, demo):
    for page in ("commitments", "signoff", "progress"):
        at = open_page(page)
        assert "No commitments yet" in texts(at) or "Save a roadmap version first" in texts(at)


def test_commit_to_an_item_from_a_version(open_page, engine, demo, version):
    at = open_page("commitments")
    at.text_input(key="commit_owner").input("Team Web")
    at.text_input(key="commit_by").input("Paula")
    at.text_input(key="commit_kpi").input("Online conversion (%)")
    at.number_input(key="commit_target").set_value(3.5)
    submit(at, "commit_form", "Commit")
    assert "Committed to" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert (row["owner"], row["status"], row["kpi_target"]) == ("Team Web", "committed", 3.5)
    assert row["period"] is not None and row["due"] > date.today()
    assert "Team Web" in texts(at)  # its card on the board


def test_commit_form_names_the_missing_field(open_page, version):
    at = open_page("commitments", lang="nl")
    at.text_input(key="commit_by").input("Paula")
    submit(at, "commit_form", "Toezeggen")
    assert "Eigenaar is verplicht" in texts(at)


def test_only_allowed_transitions_are_offered_and_blocked_needs_a_reason(
    open_page, engine, version
):
    commitment = promise(engine, version, status="proposed")
    at = open_page("commitments")
    assert at.selectbox(key="status_to").options == ["committed", "blocked", "dropped"]
    at.selectbox(key="status_to").set_value("blocked")
    at.text_input(key="status_by").input("Paula")
    submit(at, f"status_{commitment}", "Change status")
    assert "Reason is required to mark a commitment blocked" in texts(at)
    at.text_input(key="status_comment").input("Waiting for legal")
    submit(at, f"status_{commitment}", "Change status")
    assert "is now blocked" in texts(at)
    with reading(engine) as db:
        steps = history(db=db, commitment_id=commitment)
    assert steps["to_status"].tolist() == ["proposed", "blocked"]
    history_table = at.dataframe[-1].value
    assert history_table["Comment"].tolist()[-1] == "Waiting for legal"
    assert at.selectbox(key="status_to").options == ["committed", "in progress", "dropped"]


def test_overdue_items_show_how_late_they_are(open_page, engine, version):
    promise(engine, version, period=None, due=date.today() - timedelta(days=9), owner="Team Late")
    promise(engine, version, position=1, period=None, due=date.today() + timedelta(days=5))
    at = open_page("commitments")
    assert "9 days late" in texts(at)
    assert "due soon, not started" in texts(at)
    assert [m.value for m in at.metric][1:3] == ["1", "1"]
    at.toggle(key="commitments_overdue").set_value(True).run()
    assert "Showing 1 of 2 commitments." in texts(at)
    at.segmented_control(key="commitments_view").set_value("table").run()
    table = at.dataframe[0].value
    assert table["Owner"].tolist() == ["Team Late"]
    assert table["Days late"].tolist() == [9]


def test_my_commitments_and_filters(open_page, engine, version):
    promise(engine, version, owner="Team Web")
    promise(engine, version, position=1, owner="Team App")
    at = open_page("commitments", lang="nl")
    at.selectbox(key="commitments_mine").set_value("Team App").run()
    assert "1 van 2 toezeggingen getoond." in texts(at)
    at.selectbox(key="commitments_mine").set_value("").run()
    at.multiselect(key="commitments_status").select("done").run()
    assert "Geen toezegging past bij deze filters." in texts(at)


def test_hand_off_buttons_and_the_files_they_make(open_page, engine, database_url, version):
    promise(engine, version, owner="Team Web")
    proposal = promise(engine, version, position=1, owner="Team App", status="proposed")
    at = open_page("commitments")
    links = download_links(at)
    assert list(links) == ["Jira CSV", "Azure DevOps CSV", "Calendar (.ics)"]
    assert at.selectbox(key="handoff_owner").options == ["Everyone", "Team Web"]  # no proposal
    jira = follow(links["Jira CSV"]).content
    assert jira.splitlines()[0].startswith(b"Summary,Description,Due date,Labels")
    at.selectbox(key="handoff_owner").set_value("Team Web").run()
    at.selectbox(key="lang").select("nl").run()
    calendar = follow(download_links(at)["Agenda (.ics)"])
    assert calendar.content.count(b"BEGIN:VEVENT") == 1 and b"Deadline: " in calendar.content
    assert "Team-Web-einddatums.ics" in calendar.headers["content-disposition"]
    move(engine, proposal, "committed")
    at = open_page("commitments", lang="nl")
    assert at.selectbox(key="handoff_owner").options == ["Iedereen", "Team App", "Team Web"]
    assert "Overdragen aan delivery-tools" in [h.value for h in at.header]


def test_done_item_records_its_result_and_goes_back_to_scoring(open_page, engine, demo, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments")
    assert "To check" in [m.label for m in at.metric]
    at.number_input(key=f"result_value_{commitment}").set_value(4.2)
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    at.text_area(key=f"result_learnings_{commitment}").input("Mobile users gained most")
    at.checkbox(key=f"result_rescore_{commitment}").check()
    submit(at, f"result_{commitment}", "Save the result")
    assert "Result of" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
        assert rescore_requests(db=db, workspace_id=demo.id) == [row["candidate_id"]]
    assert row["kpi_result"] == 4.2


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


def test_signoff_request_answers_and_objections(open_page, engine, version):
    at = open_page("signoff")
    assert "not up for sign-off yet" in texts(at)
    at.text_input(key="signoff_request_by").input("Eva")
    submit(at, "signoff_request", "Request sign-off")
    assert "Sign-off of “Q1 plan” requested." in texts(at)
    assert at.selectbox(key="signoff_who").options == ["Ann", "Bert"]
    with reading(engine) as db:
        ann, bert = signoff_status(db=db, version_id=version.id).answers["stakeholder_id"]
    at.selectbox(key="signoff_who").set_value(ann)
    submit(at, "signoff_answer", "Record the answer")
    assert "Answer of Ann recorded by Eva, as given in the room." in texts(at)
    at.selectbox(key="signoff_who").set_value(bert)
    at.radio(key="signoff_decision").set_value("object")
    submit(at, "signoff_answer", "Record the answer")
    assert "Comment is required with an objection" in texts(at)
    at.text_area(key="signoff_comment").input("Store items come too late")
    submit(at, "signoff_answer", "Record the answer")
    assert at.get("progress")[0].proto.text == "1 of 2 approved"
    assert "Bert objects (recorded by Eva in the room): Store items come too late" in texts(at)
    with reading(engine) as db:
        status = signoff_status(db=db, version_id=version.id)
    assert (status.approved, status.total) == (1, 2)


def test_signoff_in_dutch_and_user_text_is_not_markdown(open_page, engine, version):
    with writing(engine) as db:
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="**Eva**"))
    at = open_page("signoff", lang="nl")
    assert "Goedkeuring gevraagd door **Eva**" in texts(at)
    assert at.get("progress")[0].proto.text == "0 van 2 akkoord"


def test_a_result_sent_back_is_offered_for_the_next_session(open_page, engine, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    with writing(engine) as db:
        record_result(
            db=db,
            commitment_id=commitment,
            result=ResultRecord(kpi_result=1, by="Paula", rescore=True),
        )
    at = open_page("scoring_session")
    at.checkbox(key="session_rescore").check().run()
    assert "1 of 42 candidates will be scored." in texts(at)


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


def test_the_owner_saves_an_actual_effort_alone_and_it_is_shown_and_counted(
    open_page, engine, demo, version
):
    """The issue's steps by the product owner's role: done, actual effort 3, save (no
    KPI measured yet); the card shows it and Progress counts it (nobody scored it)."""
    commitment = promise(engine, version, kpi_name="Conversion")
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments", role="owner")
    assert "Actual effort: not recorded yet" in texts(at)
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(3.0)
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    submit(at, f"result_{commitment}", "Save the result")
    assert "Result of" in texts(at) and "Actual effort: 3.0 of 10" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert row["actual_effort"] == 3.0 and row["kpi_result"] != row["kpi_result"]
    assert "Werkelijke inspanning: 3,0 van 10" in texts(open_page("commitments", lang="nl"))
    at = open_page("progress", role="owner")
    assert "1 delivered item has its actual effort recorded, but no stakeholder" in texts(at)
    assert "No delivered item has its actual effort" not in texts(at)


def test_a_refused_result_says_why_at_the_form_and_saves_nothing(open_page, engine, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments", role="owner")
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(3.0)
    submit(at, f"result_{commitment}", "Save the result")
    assert [error.value for error in at.error] == ["By is required\\."]  # Markdown
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(None)
    submit(at, f"result_{commitment}", "Save the result")
    assert "Nothing to save" in at.error[0].value
    with reading(engine) as db:
        assert get_commitment(db=db, commitment_id=commitment).actual_effort is None


def test_each_commitment_has_its_own_result_form(open_page, engine, version):
    """A value typed for one done commitment never shows (or is saved) on another."""
    first, second = promise(engine, version), promise(engine, version, position=1)
    move(engine, first, "in_progress", "done")
    move(engine, second, "in_progress", "done")
    at = open_page("commitments")
    at.selectbox(key="commitment_open").set_value(first).run()
    at.number_input(key=f"result_actual_effort_{first}").set_value(3.0)
    at.text_input(key=f"result_by_{first}").input("Paula")
    submit(at, f"result_{first}", "Save the result")
    at.selectbox(key="commitment_open").set_value(second).run()
    assert at.number_input(key=f"result_actual_effort_{second}").value is None
    assert "Actual effort: not recorded yet" in texts(at)


def test_the_table_writes_dates_and_numbers_as_the_language_does(open_page, engine, version):
    """Its cells are text made by pandas (the rows are coloured): made in Dutch."""
    due = date.today() + timedelta(days=40)
    promise(engine, version, period=None, due=due, owner="Team Web")
    at = open_page("commitments", lang="nl")
    at.segmented_control(key="commitments_view").set_value("table").run()
    shown = pa.ipc.open_stream(at.dataframe[0].proto.arrow_data.styler.display_values)
    cells = {str(cell) for column in shown.read_all().columns for cell in column.to_pylist()}
    assert dates.day(due, "nl") in cells  # "12 jan 2027", not "2027-01-12"
    assert not any(cell.count(".") == 1 and cell.replace(".", "").isdigit() for cell in cells)
