"""The cookies the browser sent with the page: the app's cookie by its name over HTTP, only
its `__Host-` form over HTTPS, an empty one as none."""

from types import SimpleNamespace

import pytest

from planner.ui.access import cookies


def browser(monkeypatch, url: object, sent: dict[str, str]) -> None:
    """The page as `st.context` shows it: its address and the cookies sent with it."""
    context = SimpleNamespace(url=url, cookies=sent)
    monkeypatch.setattr(cookies, "st", SimpleNamespace(context=context))


@pytest.mark.parametrize(
    ("url", "https"),
    [("https://planner.example/", True), ("http://192.168.1.5:8501/", False), (None, False)],
)
def test_https_is_read_from_the_pages_address(monkeypatch, url, https):
    browser(monkeypatch, url, {})
    assert cookies.https_page() is https


def test_over_http_the_plain_name_counts(monkeypatch):
    browser(monkeypatch, "http://localhost:8501/", {"planner_visit": "abc", "other": "x"})
    assert cookies.read("planner_visit") == "abc"
    assert cookies.read("planner_me") is None


def test_over_https_only_the_host_prefixed_cookie_counts(monkeypatch):
    """A plain-named cookie can be planted by another port of the host: over HTTPS the app
    reads only its `__Host-` cookie."""
    sent = {"planner_visit": "planted", "__Host-planner_visit": "issued"}
    browser(monkeypatch, "https://planner.example/", sent)
    assert cookies.read("planner_visit") == "issued"
    browser(monkeypatch, "https://planner.example/", {"planner_visit": "planted"})
    assert cookies.read("planner_visit") is None


def test_an_empty_cookie_is_none(monkeypatch):
    browser(monkeypatch, "http://localhost:8501/", {"planner_visit": ""})
    assert cookies.read("planner_visit") is None
