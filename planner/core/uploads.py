"""Files users hand in — an upload in the app, a path on the command line — under one rule.

Only an ordinary file of at most MAX_MEGABYTES is read: the uploader is given the same
limit (`planner.ui.upload`; `.streamlit/config.toml` holds it too, a test checks), and a
path is opened without waiting and checked on the open file before a byte is read. A
missing file, a folder, a device (`/dev/zero`), a pipe (FIFO) or a socket is refused
with a message naming the path; so is a file that is, or grows, too large.
"""

import os
import stat
from pathlib import Path

from planner.core.errors import FieldName, PlannerError

MAX_MEGABYTES = 20
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024  # as Streamlit counts its maxUploadSize
# A FIFO opened without O_NONBLOCK waits for a writer: opened at once, then refused.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class FileRefused(PlannerError):
    """The file cannot be read: missing, not an ordinary file, too large or unreadable."""


class FileKind(FieldName):
    """What a path is instead of a file ("a folder", "een map")."""

    catalog_prefix = "file_kind"


def check_size(size: int, name: str) -> None:
    """Refuse a file of more than MAX_MEGABYTES."""
    if size > MAX_BYTES:
        raise FileRefused("error.file_too_large", path=name, megabytes=MAX_MEGABYTES)


def read_file(path: Path) -> bytes:
    """The bytes of the ordinary file at `path`; `FileRefused` naming the path otherwise."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise FileRefused("error.file_missing", path=str(path)) from None
    except (OSError, ValueError) as error:  # a socket, no permission, a NUL in the name...
        raise _not_opened(path, error) from None
    try:
        status = os.fstat(descriptor)  # of what was opened: a swap in between is caught
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused("error.file_not_regular", path=str(path), kind=_kind(status))
        check_size(status.st_size, str(path))
        data = _read_at_most(descriptor, MAX_BYTES + 1)  # one more: a file that grew meanwhile
    except OSError as error:
        raise _unreadable(path, error) from None
    finally:
        os.close(descriptor)
    check_size(len(data), str(path))
    return data


def _read_at_most(descriptor: int, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while size < limit and (part := os.read(descriptor, limit - size)):
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _not_opened(path: Path, error: OSError | ValueError) -> FileRefused:
    """Why `path` could not be opened: what it is, when not a file (a socket), else why."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return _unreadable(path, error)
    if stat.S_ISREG(status.st_mode):
        return _unreadable(path, error)
    return FileRefused("error.file_not_regular", path=str(path), kind=_kind(status))


def _unreadable(path: Path, error: OSError | ValueError) -> FileRefused:
    reason = getattr(error, "strerror", None) or str(error)
    return FileRefused("error.file_unreadable", path=str(path), reason=reason)


def _kind(status: os.stat_result) -> FileKind:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        return FileKind("folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return FileKind("device")
    if stat.S_ISFIFO(mode):
        return FileKind("pipe")
    return FileKind("socket" if stat.S_ISSOCK(mode) else "special")
