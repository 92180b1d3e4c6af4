"""Keeping the project honest: layering, the README's commands (the docs: test_docs.py)."""

import re
import subprocess
import sys

import pytest

from planner.core.config import database_url
from tests.conftest import ROOT

# Which package may import which, Streamlit only in the UI, no import circle: the
# import-linter contracts in pyproject.toml (make lint). What they cannot see is what a
# module loads when it runs: that is checked here.
PURE = ("journey", "scoring", "roadmap", "delivery", "access")
NOT_IN_PURE = (
    "streamlit",
    "sqlalchemy",
    "sqlmodel",
    "planner.store",
    "planner.backup",
    "planner.ui",
)


@pytest.mark.parametrize("package", PURE)
def test_the_domain_needs_no_streamlit_database_store_or_ui(package):
    """Every module of the package imported in a fresh interpreter: none of those loads."""
    modules = sorted(
        f"planner.{package}.{path.stem}"
        for path in ROOT.joinpath("planner", package).glob("*.py")
        if path.stem != "__init__"
    )
    probe = (
        f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
        f"print(sorted(n for n in sys.modules if n.split('.')[0] in {NOT_IN_PURE!r}"
        f" or n.startswith(('planner.store', 'planner.backup', 'planner.ui'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert modules and loaded == "[]", f"{package} loads {loaded}"


def test_readme_commands_are_the_ones_ci_and_make_use():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    makefile = ROOT.joinpath("Makefile").read_text(encoding="utf-8")
    ci = ROOT.joinpath(".ci/run").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
    assert re.search(r"^test-slow:", makefile, re.MULTILINE)
    commands = [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert commands == ["make test", "make test-slow"]  # CI runs the slow set too


def test_no_test_touches_the_real_database():
    """The session-wide guard in conftest points DATABASE_URL away from data/planner.db."""
    assert "data/planner.db" not in database_url()


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's post-run gc.collect took ~200 ms a run with the shared caches in memory
    (holding the interpreter: every visitor waited); docs/performance figures assume it off."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False
