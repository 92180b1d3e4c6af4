"""A workspace's links: the managers' read-only link and the product owners' link."""

import secrets

from planner.models import WorkspaceAccess


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_access(workspace_id: int) -> WorkspaceAccess:
    """Fresh links and no passphrase yet."""
    return WorkspaceAccess(
        workspace_id=workspace_id, viewer_token=new_token(), owner_token=new_token()
    )
