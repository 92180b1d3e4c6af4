"""The links people open: stakeholders to join a session, managers and product owners to
see (and for product owners, update) a workspace.

Links for others are built on the address others reach the app by: `PLANNER_PUBLIC_URL`
when set, else the host the facilitator uses, except that `localhost` (which on a
colleague's phone means the phone) becomes this computer's address on the network.
"""

from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from planner.core.config import public_url
from planner.core.network import is_loopback, lan_address


def shared_root(page_url: str | None) -> tuple[str, str, str]:
    """Scheme, host (with port) and path prefix of the address others open.

    >>> shared_root("http://10.0.0.5:8501/scoring_session?x=1")
    ('http', '10.0.0.5:8501', '')
    """
    public = public_url()
    if public:
        parts = urlsplit(public)
        return parts.scheme, parts.netloc, parts.path.rstrip("/")
    parts = urlsplit(page_url or "")
    netloc = parts.netloc
    if parts.hostname and is_loopback(parts.hostname) and (address := lan_address()):
        netloc = f"{address}:{parts.port}" if parts.port else address
    return parts.scheme, netloc, ""


def only_here(link: str) -> bool:
    """True when `link` opens only on the computer that runs the app (no network
    address found and no PLANNER_PUBLIC_URL): the page says so."""
    host = urlsplit(link).hostname
    return host is not None and is_loopback(host)


def only_here_key(link: str) -> str | None:
    """What the page says of a link that opens only on this computer (catalog key), or
    None: set PLANNER_PUBLIC_URL when no network address was found, or mend it when it is
    set but names this computer itself (127.0.0.1, localhost)."""
    if not only_here(link):
        return None
    return "session.link_public_here" if public_url() else "session.link_only_here"


def app_link(page_url: str | None, **params: str) -> str:
    """The app's root with `params`, on the address others open.

    >>> app_link("http://10.0.0.5:8501/roadmap?x=1", view="abc")
    'http://10.0.0.5:8501/?view=abc'
    """
    scheme, netloc, prefix = shared_root(page_url)
    return urlunsplit((scheme, netloc, f"{prefix}/", urlencode(params), ""))


def page_address(page_url: str | None, page: str, **params: str) -> str:
    """Another page of the app with `params`, on the host the facilitator uses.

    >>> page_address("http://10.0.0.5:8501/scoring_session", "presenter", session="4")
    'http://10.0.0.5:8501/presenter?session=4'
    """
    parts = urlsplit(page_url or "")
    return urlunsplit((parts.scheme, parts.netloc, f"/{page}", urlencode(params), ""))


def join_link(page_url: str | None, code: str) -> str:
    """The light join page of `code` (planner/ui/light), on the address others open.
    (The Vote page's `/?join=CODE` still answers.)

    >>> join_link("http://10.0.0.5:8501/scoring_session?x=1", "ABC234")
    'http://10.0.0.5:8501/b/ABC234'
    """
    scheme, netloc, prefix = shared_root(page_url)
    return urlunsplit((scheme, netloc, f"{prefix}/b/{quote(code, safe='')}", "", ""))


def vote_page(page_url: str | None) -> str:
    """The Vote page, where a code is typed, on the address others open.

    >>> vote_page("http://10.0.0.5:8501/scoring_session")
    'http://10.0.0.5:8501/vote'
    """
    scheme, netloc, prefix = shared_root(page_url)
    return urlunsplit((scheme, netloc, f"{prefix}/vote", "", ""))


def personal_link(page_url: str | None, token: str) -> str:
    """A stakeholder's own link back to their ballot and the sign-off.

    >>> personal_link("http://10.0.0.5:8501/vote?join=ABC234", "tok")
    'http://10.0.0.5:8501/?me=tok'
    """
    return app_link(page_url, me=token)
