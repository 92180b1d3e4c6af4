"""The link stakeholders open to join a scoring session."""

from urllib.parse import urlencode, urlsplit, urlunsplit


def join_link(page_url: str | None, code: str) -> str:
    """The app's root with `?join=CODE`, on the host the facilitator uses.

    >>> join_link("http://10.0.0.5:8501/scoring_session?x=1", "ABC234")
    'http://10.0.0.5:8501/?join=ABC234'
    """
    parts = urlsplit(page_url or "")
    return urlunsplit((parts.scheme, parts.netloc, "/", urlencode({"join": code}), ""))
