"""Downloaded files are named after the workspace and, for a saved version, after it."""

from planner.ui.roadmap.downloads import download_name


def test_a_saved_versions_files_are_named_after_it():
    assert download_name("Demo – Retail", "roadmap", "pdf") == "Demo-Retail-roadmap.pdf"
    named = download_name("Demo – Retail", "roadmap", "xlsx", "Q1 plan (final)")
    assert named == "Demo-Retail-Q1-plan-final-roadmap.xlsx"
