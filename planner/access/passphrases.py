"""Facilitator passphrases: stored only as a salted scrypt hash, compared in constant time."""

import base64
import hashlib
import hmac
import secrets

# scrypt cost: 2^14 x 8 x 1 takes ~50 ms and 16 MB here, slow enough to make guessing dear.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
MIN_LENGTH = 8


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 2**20)


def hash_passphrase(passphrase: str) -> str:
    """'scrypt$n$r$p$salt$hash' with a fresh random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(passphrase, salt, N, R, P)
    encode = base64.b64encode
    return f"scrypt${N}${R}${P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_passphrase(passphrase: str, stored: str | None) -> bool:
    """Whether `passphrase` matches `stored`; False for no stored hash or a malformed one.

    The comparison takes the same time wherever the first difference is.
    """
    if not stored:
        _scrypt(passphrase, b"\0" * SALT_BYTES, N, R, P)  # as slow as a real check
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = _scrypt(passphrase, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(actual, expected)
