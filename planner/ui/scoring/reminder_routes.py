"""The link at the end of every reminder: stop the reminders of one own-pace session.

    GET  /mail/reminders-off?t=TOKEN   a page asking once (a mail scanner that follows
                                       links changes nothing)
    POST /mail/reminders-off           t=TOKEN: no more reminders, said on the page

The token is signed with a server secret (planner.access.mail_tokens); its session and
stakeholder name whom. It works until LINK_DAYS after the session's due date (as that
date is now: a re-vote round moves it); after that it is refused like a forged one.
Pages in the workspace's language, without Streamlit.
"""

import html
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from planner.access.mail_tokens import SIZE_MAX, read_opt_out
from planner.core.config import database_url
from planner.core.db import utc, writing
from planner.core.i18n import LANGUAGES, t
from planner.models import ScoringSession, Workspace, utcnow
from planner.reminders import OPT_OUT_PATH, OPT_OUT_SECRET
from planner.store.access.server_secrets import server_secret
from planner.store.scoring.own_pace import own_pace_of, stop_reminders

LINK_DAYS = 30

PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;
line-height:1.5}}button{{font-size:1rem;padding:.5rem 1rem}}</style></head>
<body><main><h1>{title}</h1><p>{text}</p>{form}</main></body></html>"""


def _engine():
    from planner.ui.shell.engine import get_engine  # the pages' pool, one per process

    return get_engine(database_url())


def _page(lang: str, title: str, text: str, form: str = "", status: int = 200) -> Response:
    body = PAGE.format(lang=lang, title=html.escape(title), text=html.escape(text), form=form)
    return HTMLResponse(body, status_code=status)


def _whose(token: str, stop: bool) -> tuple[str | None, str | None]:
    """(language, session name) of a valid token, the name None when the link no longer
    works (its workspace's language kept, so the refusal speaks it); with `stop`, the
    reminders stop. (None, None) for a token this server never made."""
    with writing(_engine()) as db:
        found = read_opt_out(server_secret(db=db, name=OPT_OUT_SECRET), token)
        scoring = found and db.get(ScoringSession, found[0])
        if not scoring:
            return None, None
        lang = db.get(Workspace, scoring.workspace_id).language
        pace = own_pace_of(db=db, session_id=scoring.id)
        if not pace or utc(pace.open_until) + timedelta(days=LINK_DAYS) < utcnow():
            return lang, None
        if stop and not stop_reminders(db=db, session_id=found[0], stakeholder_id=found[1]):
            return lang, None
        return lang, scoring.name


def _asked_language(request: Request) -> str:
    """The first of the browser's languages (Accept-Language) the app speaks, else English."""
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


async def reminders_off(request: Request) -> Response:
    if request.method == "POST":
        form = await request.form()
        token = str(form.get("t", ""))[:SIZE_MAX]
    else:
        token = request.query_params.get("t", "")[:SIZE_MAX]
    lang, session = await run_in_threadpool(_whose, token, request.method == "POST")
    if session is None:
        lang = lang or _asked_language(request)
        return _page(lang, t("pace.off_bad_title", lang), t("pace.off_bad", lang), status=400)
    lang = lang or "en"
    if request.method == "POST":
        return _page(lang, t("pace.off_title", lang), t("pace.off_done", lang, session=session))
    ask = (
        f'<form method="post" action="{OPT_OUT_PATH}">'
        f'<input type="hidden" name="t" value="{html.escape(token)}">'
        f'<button type="submit">{html.escape(t("pace.off_button", lang))}</button></form>'
    )
    return _page(lang, t("pace.off_title", lang), t("pace.off_ask", lang, session=session), ask)


ROUTES = [Route(OPT_OUT_PATH, reminders_off, methods=["GET", "POST"])]
