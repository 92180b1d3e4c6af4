"""Every test asserts something of its own: an `assert`, `expect(...)`, `pytest.raises`
(or `warns`), or a call to a helper named `assert_*` / `expect_*` (helpers that check say so
in their name). A test that only runs code passes whatever that code returns."""

import ast

from tests.conftest import ROOT

# test name -> why it asserts nothing of its own (none so far).
WITHOUT_ASSERT: dict[str, str] = {}
CHECKS = ("expect", "raises", "warns", "fail")


def _called(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def asserts(test: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, ast.Assert)
        or (
            isinstance(node, ast.Call)
            and (_called(node) in CHECKS or _called(node).startswith(("assert_", "expect_")))
        )
        for node in ast.walk(test)
    )


def unasserted_tests() -> list[str]:
    found = []
    for path in sorted(ROOT.joinpath("tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and node.name.startswith("test_")
                and node.name not in WITHOUT_ASSERT
                and not asserts(node)
            ):
                found.append(f"{path.relative_to(ROOT)}::{node.name}")
    return found


def test_every_test_asserts_something_of_its_own():
    assert unasserted_tests() == []


def test_the_scan_tells_a_test_that_asserts_from_one_that_does_not():
    module = ast.parse(
        "def test_runs(): run()\n"
        "def test_asserts(): assert run()\n"
        "def test_raises():\n    with pytest.raises(E): run()\n"
        "def test_expects(page): expect(page).to_have_title('x')\n"
        "def test_helper(): assert_whole(run())\n"
    )
    verdicts = {node.name: asserts(node) for node in module.body}
    assert verdicts == {
        "test_runs": False,
        "test_asserts": True,
        "test_raises": True,
        "test_expects": True,
        "test_helper": True,
    }
