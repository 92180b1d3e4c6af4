"""The links people are given open on their own device: never `localhost`, which on a
colleague's phone is the phone."""

import pytest

from planner.access import links
from planner.access.links import (
    app_link,
    join_link,
    only_here,
    only_here_key,
    page_address,
    personal_link,
    vote_page,
)
from planner.core.config import public_url
from planner.core.i18n import t
from planner.core.network import is_loopback


@pytest.fixture(name="network")
def network_fixture(monkeypatch):
    """This computer is 192.168.1.20 on its network; no PLANNER_PUBLIC_URL."""
    monkeypatch.delenv("PLANNER_PUBLIC_URL", raising=False)
    monkeypatch.setattr(links, "lan_address", lambda: "192.168.1.20")


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("http://localhost:8501/scoring_session", "http://192.168.1.20:8501/b/ABC234"),
        ("http://127.0.0.1:8501/scoring_session", "http://192.168.1.20:8501/b/ABC234"),
        ("http://[::1]:8600/presenter?session=3", "http://192.168.1.20:8600/b/ABC234"),
        ("http://10.0.0.5:8501/scoring_session", "http://10.0.0.5:8501/b/ABC234"),
        ("https://planner.example.org/scoring_session", "https://planner.example.org/b/ABC234"),
    ],
)
def test_the_join_link_is_on_an_address_colleagues_reach(network, page_url, expected):
    assert join_link(page_url, "ABC234") == expected
    assert not only_here(join_link(page_url, "ABC234"))


def test_every_link_for_others_leaves_localhost(network):
    here = "http://localhost:8501/workspaces"
    assert personal_link(here, "tok") == "http://192.168.1.20:8501/?me=tok"
    assert app_link(here, view="v") == "http://192.168.1.20:8501/?view=v"
    assert vote_page(here) == "http://192.168.1.20:8501/vote"


def test_the_facilitators_own_pages_stay_on_their_host(network):
    """The presenter opens on the host the facilitator signed in on (its cookie is there)."""
    here = "http://localhost:8501/scoring_session"
    assert (
        page_address(here, "presenter", session="4") == "http://localhost:8501/presenter?session=4"
    )


def test_planner_public_url_wins_with_its_path(monkeypatch):
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "https://example.org/planner/")
    here = "http://127.0.0.1:8501/scoring_session"
    assert join_link(here, "ABC234") == "https://example.org/planner/b/ABC234"
    assert personal_link(here, "tok") == "https://example.org/planner/?me=tok"
    assert vote_page(here) == "https://example.org/planner/vote"


def test_without_a_network_the_link_stays_and_the_page_says_so(monkeypatch):
    monkeypatch.delenv("PLANNER_PUBLIC_URL", raising=False)
    monkeypatch.setattr(links, "lan_address", lambda: None)
    link = join_link("http://localhost:8501/scoring_session", "ABC234")
    assert link == "http://localhost:8501/b/ABC234"
    assert only_here(link)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("app.localhost", True),
        ("127.0.0.1", True),
        ("127.8.0.1", True),
        ("[::1]", True),
        ("::1", True),
        ("10.0.0.5", False),
        ("192.168.1.20", False),
        ("planner.example.org", False),
        ("localhost.example.org", False),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_a_public_url_naming_this_computer_is_what_the_page_says(monkeypatch):
    """Set to 127.0.0.1 the link opens only here too, but 'set PLANNER_PUBLIC_URL' would
    be wrong: the page says it names this computer."""
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "http://127.0.0.1:8611")
    link = join_link("http://10.0.0.5:8501/scoring_session", "ABC234")
    assert only_here_key(link) == "session.link_public_here"
    assert "staat op http://127.0.0.1:8611" in t("session.link_public_here", "nl", url=public_url())
    monkeypatch.delenv("PLANNER_PUBLIC_URL")
    monkeypatch.setattr(links, "lan_address", lambda: None)
    assert only_here_key(join_link("http://localhost:8501/", "X")) == "session.link_only_here"
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "https://example.org")
    assert only_here_key(join_link("http://localhost:8501/", "X")) is None
