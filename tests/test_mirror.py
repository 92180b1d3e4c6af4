"""Tests mirror planner/: the tests of `planner/a/b.py` are in `tests/a/test_b.py`, so
that a module's tests are found by its name (issue #33). Tests across modules (the CLI's
flows, the docs, the import contracts, concurrency) stay at the top of tests/ or in
e2e/, fuzz/ and durability/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules() -> list[str]:
    """Every module of planner/ but packages' __init__, __main__ and the migrations."""
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


def test_every_module_has_its_test_module():
    assert len(modules()) > 200  # the walk found the package
    unmirrored = [m for m in modules() if not mirror(m).exists()]
    assert unmirrored == [], "add tests/<package>/test_<module>.py for each"
