"""Shared reads: a frame's digest changes with its content and only with it, so views
made from it are made again exactly when it changes."""

import pandas as pd

from planner.ui.shell.reads import _versioned


def test_the_digest_follows_the_content():
    frame = pd.DataFrame({"candidate_id": [1, 2], "value": [7.0, 3.5], "source": ["votes", None]})
    same = _versioned(frame.copy())
    assert _versioned(frame).digest == same.digest
    changed = frame.assign(value=[7.0, 3.6])
    assert _versioned(changed).digest != same.digest
    reordered = frame.iloc[::-1]
    assert _versioned(reordered).digest != same.digest
    renamed = frame.rename(columns={"value": "effort"})
    assert _versioned(renamed).digest != same.digest
    assert _versioned(frame.astype({"value": "float32"})).digest != same.digest
