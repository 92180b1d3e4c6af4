"""Download links: buttons that fetch a file from /api/download (planner.ui.downloads.route).

A link holds everything the file needs (what, which version, the signed ticket of this
session's grant), so a click works whatever the page does meanwhile — rerunning,
redrawing, or drawn by a run that has since been replaced.
"""

import time
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

import streamlit as st

from planner.access import download_tickets
from planner.core.config import admin_passphrase
from planner.store.access.grants import proof_of
from planner.ui.access.grants import ADMIN_KEY, PROOFS_KEY
from planner.ui.access.remembered import session_token
from planner.ui.downloads.route import browser_digest, download_secret, safe_file_name
from planner.ui.shell.lang import current_lang
from planner.ui.shell.session_roles import role_in

TICKETS_KEY = "download_tickets"  # workspace id -> (role, proof, issued at, ticket)
STYLE = """<style>
.planner-downloads{display:flex;flex-wrap:wrap;gap:.5rem;margin:.25rem 0 1rem}
.planner-downloads a{display:inline-flex;align-items:center;gap:.4rem;flex:1 1 8rem;
justify-content:center;padding:.4rem .75rem;border:1px solid rgba(128,128,128,.35);
border-radius:.5rem;color:inherit;text-decoration:none;font-size:.95rem;min-height:2.5rem}
.planner-downloads a:hover{border-color:#ff4b4b;color:#ff4b4b}
.planner-downloads a:focus-visible{outline:2px solid #ff4b4b;outline-offset:2px}
</style>"""
ARROW = "⤓"


@dataclass(frozen=True)
class DownloadLink:
    label: str
    fmt: str  # a planner.exports.files format
    name: str  # the file name
    params: dict[str, str | int] = field(default_factory=dict)  # version, chart, owner
    help: str = ""


def admin_ticket() -> str | None:
    """A ticket for the whole database's copy, once the administrator's passphrase was
    given in this session (the route checks it is still the configured one)."""
    if not st.session_state.get(ADMIN_KEY) or not admin_passphrase():
        return None
    return download_tickets.issue(
        download_secret(),
        0,
        download_tickets.ADMINISTRATOR,
        proof_of(admin_passphrase()),
        browser_digest(session_token()),
    )


def ticket(workspace_id: int) -> str | None:
    """This session's signed ticket for `workspace_id`, made once and again when the grant
    changes or it is half its lifetime old; None without a grant."""
    role = role_in(workspace_id)
    proof = st.session_state.get(PROOFS_KEY, {}).get(workspace_id)
    if role is None or proof is None:
        return None
    held = st.session_state.setdefault(TICKETS_KEY, {})
    kept = held.get(workspace_id)
    now, browser = time.time(), browser_digest(session_token())
    fresh = kept is not None and now - kept[3] <= download_tickets.MAX_AGE / 2
    if not fresh or kept[:3] != (role, proof, browser):
        issued = download_tickets.issue(download_secret(), workspace_id, role, proof, browser)
        kept = held[workspace_id] = (role, proof, browser, now, issued)
    return kept[4]


def href(signed: str, link: DownloadLink) -> str:
    query = {"ticket": signed, "fmt": link.fmt, "lang": current_lang(), **link.params}
    query["name"] = safe_file_name(link.name, link.fmt)
    return f"/api/download?{urlencode(query)}"


def download_links(signed: str | None, links: list[DownloadLink]) -> None:
    """A row of download buttons (links with the `download` attribute: the page stays),
    for the holder of the ticket `signed` (none without one)."""
    if signed is None:
        return
    anchors = []
    for link in links:
        target = href(signed, link)
        name = safe_file_name(link.name, link.fmt)
        anchors.append(
            f'<a href="{escape(target)}" download="{escape(name)}" title="{escape(link.help)}"'
            f' data-format="{escape(link.fmt)}">'
            f'<span aria-hidden="true">{ARROW}</span>{escape(link.label)}</a>'
        )
    if anchors:
        st.html(f'{STYLE}<div class="planner-downloads">{"".join(anchors)}</div>')
