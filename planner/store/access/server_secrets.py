"""Server secrets: random keys made once and shared by every app instance through the
database (one instance's download link works on another's)."""

import secrets

from sqlmodel import Session

from planner.models import ServerSecret
from planner.store.sql import upsert


def server_secret(*, db: Session, name: str) -> str:
    """The secret `name`, made on first use; two instances asking at once get the same."""
    found = db.get(ServerSecret, name)
    if found is not None:
        return found.value
    upsert(db, ServerSecret, {"name": name, "value": secrets.token_urlsafe(48)}, keys=("name",))
    db.flush()
    stored = db.get(ServerSecret, name, populate_existing=True)
    assert stored is not None, "inserted or already there"
    return stored.value
