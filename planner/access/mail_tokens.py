"""The tokens in own-pace mails, both made from a server secret so a reminder can carry
them again days later without the database holding them:

- a stakeholder's personal link token for a session, an HMAC of who and where (only its
  SHA-256 is stored, as for every personal link);
- the opt-out token of a reminder, signed (itsdangerous): who stops their reminders.

>>> token = personal_token("secret", session_id=3, stakeholder_id=7)
>>> token == personal_token("secret", session_id=3, stakeholder_id=7), len(token)
(True, 43)
>>> read_opt_out("secret", opt_out_token("secret", session_id=3, stakeholder_id=7))
(3, 7)
>>> read_opt_out("other secret", opt_out_token("secret", session_id=3, stakeholder_id=7))
"""

import base64
import hashlib
import hmac

from itsdangerous import BadSignature, URLSafeSerializer

OPT_OUT_SALT = "planner.reminders-off"
SIZE_MAX = 200


def personal_token(secret: str, *, session_id: int, stakeholder_id: int) -> str:
    """The personal link token of an invited stakeholder (256 bits, URL-safe)."""
    digest = hmac.new(
        secret.encode(), f"own-pace:{session_id}:{stakeholder_id}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def opt_out_token(secret: str, *, session_id: int, stakeholder_id: int) -> str:
    """The token of a reminder's 'no more reminders' link."""
    return str(URLSafeSerializer(secret, salt=OPT_OUT_SALT).dumps([session_id, stakeholder_id]))


def read_opt_out(secret: str, token: str) -> tuple[int, int] | None:
    """(session id, stakeholder id) of an opt-out token the server made, else None."""
    if not token or len(token) > SIZE_MAX:
        return None
    try:
        session_id, stakeholder_id = URLSafeSerializer(secret, salt=OPT_OUT_SALT).loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not (isinstance(session_id, int) and isinstance(stakeholder_id, int)):
        return None
    return session_id, stakeholder_id
