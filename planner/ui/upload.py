"""An uploaded file read once: reruns (every click on the page) reuse what was read."""

from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

T = TypeVar("T")
KEY = "uploads_read"


def read_once(upload: UploadedFile, reader: Callable[[bytes, str], T]) -> T:
    """`reader(bytes, name)` for this upload, kept in the session by the upload's id: a
    new file is read, the same one never again (its refusal included)."""
    kept = st.session_state.get(KEY, {})
    if upload.file_id not in kept:
        try:
            kept = {upload.file_id: (reader(upload.getvalue(), upload.name), None)}
        except Exception as error:  # kept too, raised again without reading again
            kept = {upload.file_id: (None, error)}
        st.session_state[KEY] = kept
    result, error = kept[upload.file_id]
    if error is not None:
        raise error
    return result
