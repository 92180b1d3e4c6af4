"""Tests mirror planner/: the tests of `planner/a/b.py` are in `tests/a/test_b.py`, so
that a module's tests are found by its name (issue #33). The modules still without
their mirrored test module are listed in `tests/mirror_pending.txt`; the list only
shrinks: a listed module that has its test module now, or that no longer exists, fails
here until its line is removed. Tests across modules (the CLI's flows, the docs, the
import contracts) stay at the top of tests/ or in e2e/, fuzz/ and durability/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PENDING = Path(__file__).with_name("mirror_pending.txt")


def modules() -> list[str]:
    """Every module of planner/ but packages' __init__ and the migrations."""
    found = (ROOT / "planner").rglob("*.py")
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in found
        if p.name not in ("__init__.py", "__main__.py") and "migrations" not in p.parts
    )


def mirror(module: str) -> Path:
    """`planner/a/b.py` -> `tests/a/test_b.py`."""
    path = Path(module).relative_to("planner")
    return ROOT / "tests" / path.parent / f"test_{path.name}"


def pending() -> list[str]:
    lines = PENDING.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_module_has_its_test_module_or_is_listed_as_pending():
    listed = set(pending())
    unmirrored = [m for m in modules() if m not in listed and not mirror(m).exists()]
    assert unmirrored == [], "add tests/<package>/test_<module>.py for each"


def test_the_pending_list_only_shrinks():
    existing = set(modules())
    done = [m for m in pending() if m in existing and mirror(m).exists()]
    gone = [m for m in pending() if m not in existing]
    assert done == [], "these have their test module now: remove their lines"
    assert gone == [], "these modules no longer exist: remove their lines"
    assert pending() == sorted(set(pending())), "keep the list sorted, each module once"
