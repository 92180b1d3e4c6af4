"""Hand-off buttons on the Commitments page: their links give the files, per owner and in
the page's language."""

from tests.ui.conftest import download_links, follow
from tests.ui.pages.test_commitments import (
    move,
    promise,
    version_fixture,  # noqa: F401 (a fixture)
)


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
