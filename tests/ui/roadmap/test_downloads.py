"""Download buttons: files named after the workspace and, for a saved version, after it;
the roadmap's links give their files."""

from planner.ui.roadmap.downloads import download_name
from tests.ui.conftest import download_links, follow


def test_a_saved_versions_files_are_named_after_it():
    assert download_name("Demo – Retail", "roadmap", "pdf") == "Demo-Retail-roadmap.pdf"
    named = download_name("Demo – Retail", "roadmap", "xlsx", "Q1 plan (final)")
    assert named == "Demo-Retail-Q1-plan-final-roadmap.xlsx"


def test_download_buttons_are_offered_and_give_their_files(open_page, demo):
    at = open_page("roadmap")
    links = download_links(at)
    assert list(links)[:6] == ["Excel", "PDF report", "CSV", "Markdown", "PNG image", "SVG image"]
    excel = follow(links["Excel"])
    assert excel.status_code == 200 and excel.content.startswith(b"PK")
    assert (
        'filename="Demo-Van-Dijk-Wonen-online-in-store-roadmap.xlsx"'
        in excel.headers["content-disposition"]
    )
    pdf = follow(links["PDF report"])
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
