"""A personal link's key never stays in the address bar or the browser's history.

Streamlit writes a change of `st.query_params` as a new history entry: the address the
link opened (`/?me=KEY`, `/?join=CODE&me=KEY`, `/signoff?me=KEY`) stayed one step back
in the history, wherever the page script cleared it. So the server takes the key out
before any page loads: a page load whose address holds a known key is answered

    303 See Other   Location: the same page, `me=` replaced by `link=1`
                    Set-Cookie: planner_me=KEY (HttpOnly, SameSite=Strict, as the ballot's)

and the page (planner.ui.access.grants) resumes from the cookie as it did from `?me=`,
`link=1` saying that a personal link was just opened (it wins over other roles, as the
key did). A redirect makes no history entry. An unknown key goes through untouched: the
page says the link does not work and drops it.
"""

import re
from urllib.parse import parse_qsl, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from planner.core.config import database_url
from planner.core.db import reading
from planner.store.scoring.stakeholders import stakeholder_by_link
from planner.ui.access.grants import FROM_LINK, PERSONAL_LINK
from planner.ui.access.personal_cookie import set_personal_cookie

PAGE_PATH = re.compile(r"/([a-z_]+/?)?")  # "/" and the pages' own paths, no routes


def _known(token: str) -> bool:
    from planner.ui.shell.engine import get_engine  # the pages' pool, one per process

    with reading(get_engine(database_url())) as db:
        return stakeholder_by_link(db=db, token=token) is not None


class KeyOutOfAddress:
    """Move a personal link's key from a page's address into its HttpOnly cookie."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not PAGE_PATH.fullmatch(scope["path"])
        ):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
        keys = [value for name, value in query if name == PERSONAL_LINK]
        if not keys or not await run_in_threadpool(_known, keys[-1]):
            await self.app(scope, receive, send)
            return
        rest = [(name, value) for name, value in query if name not in (PERSONAL_LINK, FROM_LINK)]
        response = RedirectResponse(
            f"{scope['path']}?{urlencode([*rest, (FROM_LINK, '1')])}", status_code=303
        )
        response.headers["cache-control"] = "no-store"
        set_personal_cookie(response, Request(scope), keys[-1])
        await response(scope, receive, send)
