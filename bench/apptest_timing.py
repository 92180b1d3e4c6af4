"""Timing reruns of a page in AppTest: the median of `runs` reruns after a first run."""

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "app.py"


def page_ms(page: str, runs: int) -> float:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
    assert not at.exception, at.exception
    return statistics.median(times)
