"""Tests wait for what they wait on (Streamlit's run state, an element, a polled condition
with a deadline, a clock they move themselves), not for a fixed time: no `sleep(...)` or
`wait_for_timeout(...)` but where this file says why."""

import ast

from tests.conftest import ROOT

# (file, function) -> why it waits a fixed time.
ALLOWED = {
    ("tests/served_app.py", "wait_until_healthy"): "between polls of a deadline-bound check",
    ("tests/durability/test_staging_sigkill.py", "start_job"): "between polls, deadline-bound",
    ("tests/durability/test_sigkill.py", "test_sigkill_mid_burst_keeps_the_database_whole"): (
        "the kill's moment itself, varied on purpose"
    ),
}
WAITS = ("sleep", "wait_for_timeout")


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def fixed_waits() -> list[tuple[str, str]]:
    found = []
    for path in sorted(ROOT.joinpath("tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and _name(node.func) in WAITS:
                    found.append((str(path.relative_to(ROOT)), function.name))
    return found


def test_no_fixed_waits_but_the_ones_allowed():
    assert sorted(set(fixed_waits()) - set(ALLOWED)) == []


def test_every_allowed_wait_is_still_there():
    assert sorted(set(ALLOWED) - set(fixed_waits())) == []


def test_browser_pages_are_opened_by_new_page():
    """`settled` waits on the runs a page's WebSocket reports (tests/e2e/runs.py), which
    it follows only from `tests.e2e.steps.new_page` on."""
    opened = []
    for path in sorted(ROOT.joinpath("tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            if call and node.func.attr == "new_page":
                opened.append(str(path.relative_to(ROOT)))
    assert opened == ["tests/e2e/steps.py"]
