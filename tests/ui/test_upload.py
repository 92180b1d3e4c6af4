"""The file uploader in the user's language: its words and the uploaded file's size."""

from planner.ui.upload import size_style
from tests.ui.shell.test_keep_choices import switch


def test_the_file_uploader_speaks_the_language(open_page, demo):
    """Streamlit's uploader says "Upload" and "200MB per file" in English: replaced."""
    at = switch(open_page("import_candidates"), "nl")
    styles = [h.proto.body for h in at.get("html") if "stFileUploaderDropzone" in h.proto.body]
    assert styles and 'content: "Bestand kiezen"' in styles[0]
    assert "CSV, XLSX · tot 20 MB per bestand" in [c.value for c in at.caption]


def test_the_uploaded_file_size_replaces_streamlits_own():
    style = size_style(244, "nl")
    assert '"244 byte"' in style and "244.0B" not in style and "stFileChipName" in style
