"""One rule for files users hand in: an ordinary file of at most MAX_MEGABYTES."""

import os
import socket
import tomllib

import pytest

from planner.core.uploads import MAX_BYTES, MAX_MEGABYTES, FileRefused, check_size, read_file
from tests.conftest import ROOT


@pytest.fixture(name="folder")
def folder_fixture(tmp_path):
    """A folder with a file, a pipe (FIFO), a socket, files at and over the limit."""
    (tmp_path / "ideas.csv").write_bytes(b"title\nA\n")
    os.mkfifo(tmp_path / "fifo")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "socket"))
    for name, size in (("full.csv", MAX_BYTES), ("over.csv", MAX_BYTES + 1)):
        with open(tmp_path / name, "wb") as file:
            file.truncate(size)  # sparse: nothing is written
    yield tmp_path
    listening.close()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("gone.csv", "The file “{path}” does not exist."),
        (".", "“{path}” is a folder: only an ordinary file can be read."),
        ("fifo", "“{path}” is a pipe (FIFO): only an ordinary file can be read."),
        ("socket", "“{path}” is a socket: only an ordinary file can be read."),
        ("over.csv", "“{path}” is larger than 20 MB, the most a file may be."),
        ("nul\x00.csv", "The file “{path}” cannot be read: embedded null byte."),
    ],
)
def test_read_file_refuses_all_but_an_ordinary_file_in_bounds(folder, name, message):
    path = folder / name
    with pytest.raises(FileRefused) as refused:
        read_file(path)
    assert refused.value.message("en") == message.format(path=path)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_read_file_refuses_a_device_without_reading_it(device):
    with pytest.raises(FileRefused, match="is a device"):
        read_file(device)


def test_read_file_reads_an_ordinary_file_up_to_the_limit(folder):
    assert read_file(folder / "ideas.csv") == b"title\nA\n"
    assert len(read_file(folder / "full.csv")) == MAX_BYTES
    link = folder / "link.csv"
    link.symlink_to(folder / "ideas.csv")
    assert read_file(link) == b"title\nA\n"


@pytest.mark.parametrize(
    ("size", "refused"), [(0, False), (MAX_BYTES, False), (MAX_BYTES + 1, True)]
)
def test_check_size_is_the_uploads_limit(size, refused):
    if refused:
        with pytest.raises(FileRefused, match="larger than 20 MB"):
            check_size(size, "x.json")
    else:
        check_size(size, "x.json")


def test_streamlit_allows_what_the_rule_allows():
    """The uploader gets MAX_MEGABYTES; the server-wide setting says the same."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_MEGABYTES
    uploader = (ROOT / "planner" / "ui" / "upload.py").read_text()
    assert "max_upload_size=MAX_MEGABYTES" in uploader
