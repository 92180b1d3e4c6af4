"""The links people open: stakeholders to join a session, managers and product owners to
see (and for product owners, update) a workspace."""

from urllib.parse import quote, urlencode, urlsplit, urlunsplit


def app_link(page_url: str | None, **params: str) -> str:
    """The app's root with `params`, on the host the facilitator uses.

    >>> app_link("http://10.0.0.5:8501/roadmap?x=1", view="abc")
    'http://10.0.0.5:8501/?view=abc'
    """
    parts = urlsplit(page_url or "")
    return urlunsplit((parts.scheme, parts.netloc, "/", urlencode(params), ""))


def page_address(page_url: str | None, page: str, **params: str) -> str:
    """Another page of the app with `params`, on the host the facilitator uses.

    >>> page_address("http://10.0.0.5:8501/scoring_session", "presenter", session="4")
    'http://10.0.0.5:8501/presenter?session=4'
    """
    parts = urlsplit(page_url or "")
    return urlunsplit((parts.scheme, parts.netloc, f"/{page}", urlencode(params), ""))


def join_link(page_url: str | None, code: str) -> str:
    """The light join page of `code` (planner/ui/light), on the host the facilitator
    uses. (The Vote page's `/?join=CODE` still answers.)

    >>> join_link("http://10.0.0.5:8501/scoring_session?x=1", "ABC234")
    'http://10.0.0.5:8501/b/ABC234'
    """
    parts = urlsplit(page_url or "")
    return urlunsplit((parts.scheme, parts.netloc, f"/b/{quote(code, safe='')}", "", ""))


def personal_link(page_url: str | None, token: str) -> str:
    """A stakeholder's own link back to their ballot and the sign-off.

    >>> personal_link("http://10.0.0.5:8501/vote?join=ABC234", "tok")
    'http://10.0.0.5:8501/?me=tok'
    """
    return app_link(page_url, me=token)
