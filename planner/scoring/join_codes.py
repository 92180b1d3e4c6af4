"""Join codes: six characters, read aloud in a meeting room and typed right.

>>> normalise_code("ab c-12")
'ABC12'
"""

import re
import secrets

# No 0/O, 1/I/L: a code read aloud in a meeting room is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def normalise_code(typed: str) -> str:
    """'abc-23x ' -> 'ABC23X'."""
    return re.sub(r"[^A-Z0-9]", "", typed.upper())


def random_code() -> str:
    """A fresh code (the store makes sure no open session has it)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
