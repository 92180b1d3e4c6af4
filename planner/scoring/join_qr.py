"""The join link as a QR code, to scan from the back of a meeting room.

Error correction M (15 % of the code may be lost to glare or a pointer), a quiet zone
of four modules as the standard asks, and large modules: a projected or printed code
is scanned from metres away.
"""

import io
from functools import lru_cache

import segno


@lru_cache(maxsize=64)
def qr_png(link: str, *, scale: int = 12) -> bytes:
    """The PNG of a QR code holding `link` (black on white)."""
    image = io.BytesIO()
    segno.make(link, error="m", micro=False).save(image, kind="png", scale=scale, border=4)
    return image.getvalue()
