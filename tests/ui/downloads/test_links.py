"""Download links: a row of links to /api/download for the holder of a ticket, each naming
its format, the page's language and a safe file name; none without a ticket."""

from urllib.parse import parse_qs, urlsplit

from streamlit.testing.v1 import AppTest

from planner.ui.shell.lang import LANG_KEY
from tests.ui.conftest import download_links


def links_for(signed):
    from planner.ui.downloads.links import DownloadLink, download_links

    download_links(
        signed,
        [
            DownloadLink("Excel <all>", "xlsx", "Q1 plan / final", {"version": 3}),
            DownloadLink("Jira CSV", "jira", "Team Web"),
        ],
    )


def test_each_link_names_its_file_format_and_language():
    at = AppTest.from_function(links_for, args=("TICKET",))
    at.session_state[LANG_KEY] = "nl"
    at.run()
    assert not at.exception
    found = download_links(at)
    assert list(found) == ["Excel <all>", "Jira CSV"]  # labels as text, escaped in HTML
    excel = urlsplit(found["Excel <all>"])
    assert excel.path == "/api/download"
    assert parse_qs(excel.query) == {
        "ticket": ["TICKET"],
        "fmt": ["xlsx"],
        "lang": ["nl"],
        "version": ["3"],
        "name": ["Q1-plan-final.xlsx"],
    }
    assert parse_qs(urlsplit(found["Jira CSV"]).query)["name"] == ["Team-Web.csv"]
    [element] = at.get("html")
    assert 'download="Q1-plan-final.xlsx"' in element.proto.body


def test_without_a_ticket_there_are_no_links():
    at = AppTest.from_function(links_for, args=(None,)).run()
    assert not at.exception
    assert not at.get("html")
