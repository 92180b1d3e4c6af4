"""The file uploader in the user's language, and an uploaded file read once: reruns
(every click on the page) reuse what was read. Its limit is the one rule for files users
hand in (planner.core.uploads), the command line's too."""

import json
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from planner.core.numbers import file_size
from planner.core.uploads import MAX_MEGABYTES, check_size
from planner.ui.shell.lang import current_lang, t

T = TypeVar("T")
KEY = "uploads_read"

# Streamlit writes its uploader's button ("Upload") and limits ("200MB per file") in
# English, with no option to change them: the style hides those words and shows the
# catalog's in their place (Streamlit's test ids; should they move, the English shows).
WORDS_STYLE = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after
{{ content: {button}; font-size: 0.875rem; }}
</style>"""


# Streamlit writes the uploaded file's size its own way ("244.0B"), beside the file's
# name: the same trick puts the size as the language writes it (core.numbers.file_size).
SIZE_STYLE = """<style>
[data-testid="stFileChipName"] + * {{ font-size: 0; }}
[data-testid="stFileChipName"] + *::after {{ content: {size}; font-size: 0.75rem; }}
</style>"""


def size_style(size: int, lang: str) -> str:
    """The style that shows an uploaded file's size as `lang` writes it."""
    return SIZE_STYLE.format(size=json.dumps(file_size(size, lang), ensure_ascii=False))


def file_uploader(label: str, types: list[str], key: str) -> UploadedFile | None:
    """`st.file_uploader` for one file of `types`, every word of it in the user's language."""
    st.html(WORDS_STYLE.format(button=json.dumps(t("upload.button"), ensure_ascii=False)))
    upload = st.file_uploader(label, type=types, key=key, max_upload_size=MAX_MEGABYTES)
    if upload is not None:
        st.html(size_style(upload.size, current_lang()))
    else:
        st.caption(
            t(
                "upload.limits",
                types=", ".join(kind.upper() for kind in types),
                size=MAX_MEGABYTES,
            )
        )
    return upload


def read_once(upload: UploadedFile, reader: Callable[[bytes, str], T]) -> T:
    """`reader(bytes, name)` for this upload, kept in the session by the upload's id: a
    new file is read, the same one never again (its refusal included)."""
    kept = st.session_state.get(KEY, {})
    if upload.file_id not in kept:
        try:
            check_size(upload.size, upload.name)
            kept = {upload.file_id: (reader(upload.getvalue(), upload.name), None)}
        except Exception as error:  # kept too, raised again without reading again
            kept = {upload.file_id: (None, error)}
        st.session_state[KEY] = kept
    result, error = kept[upload.file_id]
    if error is not None:
        raise error
    return result
