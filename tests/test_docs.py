"""Keeping the docs honest: the site builds strictly, the README's links land, and the
pages name every CLI command, option, setting, promised test and path that exists."""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import _parser
from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
COMMON_OPTIONS = {"--help", "--db", "--lang", "--by"}  # on the CLI page once, for all
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE_PATH = re.compile(r"`((?:planner|tests|bench)/[^`\s…]*)`")
ENV_NAME = re.compile(r"[\"'](DATABASE_URL|PLANNER_[A-Z0-9_]+)[\"']")


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def sections(text: str, level: str) -> dict[str, str]:
    """A page's sections by heading text, each up to the next heading of its level."""
    parts = re.split(rf"(?m)^{level} (.+)$", text)
    return {title.strip(" `"): body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_the_site_builds_strictly(tmp_path):
    """`mkdocs build --strict`: a link to a missing page or anchor, or a page left out of
    the navigation, is a warning (mkdocs.yml, validation) and so fails the build."""
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "cli" / "index.html").exists()


def test_every_readme_link_into_docs_points_at_a_file():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    targets = [link.split("#")[0] for link in LINK.findall(readme) if link.startswith("docs/")]
    assert targets, "the README links into docs/"
    assert [target for target in targets if not (ROOT / target).is_file()] == []


def test_the_readme_names_the_two_commands_and_stays_short():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert len(readme.encode("utf-8")) <= 15_000


SUBCOMMANDS = _parser()._subparsers._group_actions[0].choices


@pytest.mark.parametrize("command", sorted(SUBCOMMANDS))
def test_every_cli_command_option_and_choice_is_on_the_cli_page(command):
    """Each command has its own section of docs/cli.md naming its options and choices."""
    cli = page("cli.md")
    assert f"python -m planner {command}" in cli
    section = sections(cli, "###").get(command)
    assert section is not None, f"docs/cli.md has no section '### {command}'"
    missing = []
    for action in SUBCOMMANDS[command]._actions:
        names = [o for o in action.option_strings if o.startswith("--")]
        if not names or names[0] in COMMON_OPTIONS:
            continue
        missing += [name for name in names if name not in section]
        missing += [f"{names[0]} {c}" for c in action.choices or () if str(c) not in section]
    assert missing == []


def test_the_common_options_are_on_the_cli_page():
    common = sections(page("cli.md"), "##")["Options every command takes"]
    assert [option for option in COMMON_OPTIONS - {"--help"} if option not in common] == []


def test_every_environment_variable_is_on_the_configuration_page():
    read = {
        name
        for path in [ROOT / "app.py", *ROOT.joinpath("planner").rglob("*.py")]
        for name in ENV_NAME.findall(path.read_text(encoding="utf-8"))
    }
    assert "DATABASE_URL" in read
    configuration = page("deployment/configuration.md")
    assert [name for name in sorted(read) if f"`{name}`" not in configuration] == []


def test_every_test_the_access_table_names_exists():
    table = sections(page("deployment/access.md"), "##")["Each promise and its test"]
    named = set(CODE_PATH.findall(table))
    assert len(named) >= 9
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


@pytest.mark.parametrize("doc", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_path_a_page_names_exists(doc: Path):
    """`planner/...`, `tests/...` and `bench/...` in code spans: the feature map and the rest."""
    named = set(CODE_PATH.findall(doc.read_text(encoding="utf-8")))
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def test_every_screenshot_is_shown_on_a_page():
    shown = "".join(p.read_text(encoding="utf-8") for p in PAGES)
    images = sorted(p.name for p in (DOCS / "screenshots").glob("*.png"))
    assert images and [name for name in images if f"screenshots/{name})" not in shown] == []


def test_uploads_are_bounded_as_the_docs_say():
    """Streamlit refuses uploads over server.maxUploadSize MB before the app sees them."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 20
    assert "at most **20 MB**" in page("deployment/hardening.md")


def test_the_feature_map_names_every_domain_module_and_command():
    """A newcomer finds each rule and command from docs/architecture.md's feature map."""
    text = page("architecture.md")
    domain = ("journey", "scoring", "roadmap", "delivery", "access")
    modules = [
        f"planner/{package}/{path.name}"
        for package in domain
        for path in sorted((ROOT / "planner" / package).glob("*.py"))
        if path.name != "__init__.py"
    ]
    assert [m for m in modules if f"`{m}`" not in text] == []
    commands = next(
        a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)
    ).choices
    assert [c for c in commands if f"`{c}" not in text] == []
