"""Download tickets: what a download link carries instead of a session.

A link to a file (planner.ui.downloads) holds the grant that drew it — workspace, role
and the proof of the credential — and the browser it was drawn in (a digest of its
sign-in cookie), signed with a server secret and timed (itsdangerous). The route that
serves the file checks the signature, the age and the browser, and that the proof is
still the workspace's (a new passphrase or renewed links end it): a link is worth no
more than the sign-in that drew it, nowhere else and not for longer.
"""

from itsdangerous import BadSignature, URLSafeTimedSerializer

from planner.access.roles import can

SALT = "download"
ADMINISTRATOR = "administrator"  # the whole database's copy (workspace 0)
DATABASE = "db"  # its format
MAX_AGE = 12 * 3600  # seconds a link works; pages draw new ones long before


def issue(secret: str, workspace_id: int, role: str, proof: str, browser: str = "") -> str:
    """A ticket for the grant; with `browser` (a digest of the browser's sign-in cookie)
    it works in that browser only, so a copied link is worth nothing elsewhere."""
    payload = [workspace_id, role, proof, browser]
    return URLSafeTimedSerializer(secret, salt=SALT).dumps(payload)


def read(
    secret: str, ticket: str, *, browser: str = "", max_age: int = MAX_AGE
) -> tuple[int, str, str] | None:
    """(workspace id, role, proof) of a ticket signed with `secret` within `max_age`
    seconds, in the browser it was made for; None for any other string."""
    try:
        workspace_id, role, proof, bound = URLSafeTimedSerializer(secret, salt=SALT).loads(
            ticket, max_age=max_age
        )
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(workspace_id, int) or not isinstance(role, str):
        return None
    if bound and bound != browser:
        return None
    return workspace_id, role, str(proof)


def may_download(role: str, fmt: str) -> bool:
    """The database copy: the administrator only; the backup holds every vote and
    comment: facilitators only; the rest: any role that may download."""
    if fmt == DATABASE or role == ADMINISTRATOR:
        return fmt == DATABASE and role == ADMINISTRATOR
    return can(role, "edit" if fmt == "json" else "download")
