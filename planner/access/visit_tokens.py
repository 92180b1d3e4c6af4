"""Browser tokens only the server issues, and the cookies that carry them.

A token is 256 random bits signed with a server secret, so a value the server never
issued (typed by hand, planted by a page on another port) is known at once and ignored.
A sign-in record is made only under a token issued for it at that moment (see
planner.store.access.sign_ins.begin): a cookie planted before the sign-in is never signed in.

Over HTTPS the cookies carry the `__Host-` prefix: the browser then accepts them only
from this host over a secure connection, with no Domain and Path=/, so a sibling
subdomain or another port cannot plant one.

>>> token = issue("secret")
>>> issued("secret", token), issued("other secret", token), issued("secret", "x" * 43)
(True, False, False)
>>> cookie_name("planner_visit", https=True)
'__Host-planner_visit'
"""

import hashlib
import secrets
from collections.abc import Mapping

from itsdangerous import BadSignature, Signer

SALT = "planner.visit"
HOST_PREFIX = "__Host-"
SIZE_MAX = 100  # an issued token is 87 characters; anything longer is not one


def _signer(secret: str) -> Signer:
    return Signer(secret, salt=SALT, digest_method=hashlib.sha256)


def issue(secret: str) -> str:
    """A new token: random, signed."""
    return _signer(secret).sign(secrets.token_urlsafe(32)).decode()


def issued(secret: str, token: str | None) -> bool:
    """Whether the server issued `token` (its signature holds)."""
    if not token or len(token) > SIZE_MAX:
        return False
    try:
        _signer(secret).unsign(token)
    except BadSignature:
        return False
    return True


def cookie_name(base: str, *, https: bool) -> str:
    """The cookie's name: `__Host-` prefixed over HTTPS."""
    return f"{HOST_PREFIX}{base}" if https else base


def https_request(scheme: str, headers: Mapping[str, str]) -> bool:
    """Whether the browser reached the app over HTTPS: directly, or through a proxy that
    says so in `X-Forwarded-Proto` (a forged header only makes the browser refuse the
    forger's own cookie: a Secure cookie is not kept over plain HTTP)."""
    forwarded = headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return scheme in ("https", "wss") or forwarded == "https"
