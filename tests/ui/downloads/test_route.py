"""GET /api/download: the file a link names, for the grant its ticket holds while that
grant's credential is still the workspace's; nothing for anyone else."""

import json

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.access.download_tickets import ADMINISTRATOR, issue
from planner.access.sign_ins import Lifetime
from planner.core.db import reading, writing
from planner.models import utcnow
from planner.store.access.grants import (
    Grant,
    current_proofs,
    facilitator_grant,
    proof_of,
    renew_links,
)
from planner.store.access.server_secrets import server_secret
from planner.store.access.sign_ins import Remembered, begin, forget
from planner.ui.downloads.route import (
    ROUTES,
    attachment,
    browser_digest,
    download_secret,
    safe_file_name,
)
from tests.factories import add_candidate, make_journey, saved_version

pytestmark = pytest.mark.storage


@pytest.fixture(name="client")
def client_fixture(database_url):
    with TestClient(Starlette(routes=ROUTES)) as client:
        yield client


def ticket(engine, workspace_id, role="facilitator"):
    with reading(engine) as db:
        if role == "facilitator":
            grant = facilitator_grant(db=db, workspace_id=workspace_id)
            proof = grant.proof
        else:
            proof = current_proofs(db=db, roles={workspace_id: role})[workspace_id]
    return issue(download_secret(), workspace_id, role, proof)


def get(client, signed, **params):
    return client.get("/api/download", params={"ticket": signed, **params})


@pytest.mark.parametrize(
    ("fmt", "start", "mime"),
    [
        ("xlsx", b"PK", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("pdf", b"%PDF", "application/pdf"),
        ("csv", b"\xef\xbb\xbf", "text/csv"),
        ("png", b"\x89PNG", "image/png"),
        ("json", b"{", "application/json"),
        ("jira", b"Summary", "text/csv"),
        ("ics", b"BEGIN:VCALENDAR", "text/calendar"),
    ],
)
def test_every_format_comes_as_an_attachment(client, engine, demo, fmt, start, mime):
    answer = get(client, ticket(engine, demo.id), fmt=fmt, name="Demo plan")
    assert answer.status_code == 200
    assert answer.content.startswith(start)
    assert answer.headers["content-type"].split(";")[0] == mime
    ending = {"jira": "csv"}.get(fmt, fmt)
    assert answer.headers["content-disposition"].startswith(
        f'attachment; filename="Demo-plan.{ending}"'
    )
    assert answer.headers["cache-control"] == "no-store"


def test_readers_get_the_roadmap_but_not_the_backup(client, engine, demo):
    viewer = ticket(engine, demo.id, "viewer")
    assert get(client, viewer, fmt="pdf").status_code == 200
    refused = get(client, viewer, fmt="json", lang="nl")
    assert refused.status_code == 403 and "votes" not in refused.text


def test_renewed_links_end_the_downloads_of_the_old_ones(client, engine, demo):
    viewer = ticket(engine, demo.id, "viewer")
    with writing(engine) as db:
        renew_links(db=db, workspace_id=demo.id)
    refused = get(client, viewer, fmt="pdf")
    assert refused.status_code == 403 and "no longer valid" in refused.text


@pytest.mark.parametrize(
    "signed", ["", "nonsense", "WzEsImZhY2lsaXRhdG9yIiwieCJd.aw_hdA.forged-signature-xxxxxxxx"]
)
def test_a_missing_or_forged_ticket_gets_nothing(client, demo, signed):
    assert get(client, signed, fmt="json").status_code == 403


def test_a_ticket_signed_with_another_secret_gets_nothing(client, engine, demo):
    with reading(engine) as db:
        proof = facilitator_grant(db=db, workspace_id=demo.id).proof
    assert (
        get(client, issue("guessed", demo.id, "facilitator", proof), fmt="json").status_code == 403
    )


def test_a_version_of_another_workspace_is_not_found(client, engine, demo):
    with writing(engine) as db:
        other = make_journey(db, name="Other")
        add_candidate(db, other, "Hidden idea")
        theirs = saved_version(db, other.workspace.id, name="Secret plan")
        mine = saved_version(db, demo.id, name="Q1")
    signed = ticket(engine, demo.id)
    assert get(client, signed, fmt="csv", version=mine.id).status_code == 200
    answer = get(client, signed, fmt="csv", version=theirs.id)
    assert answer.status_code == 404 and "Secret plan" not in answer.text


@pytest.mark.parametrize(
    "params", [{"fmt": "exe"}, {"fmt": "png", "chart": "pie"}, {"fmt": "csv", "version": "1 or 1"}]
)
def test_unknown_requests_are_not_found(client, engine, demo, params):
    assert get(client, ticket(engine, demo.id), **params).status_code == 404


def test_the_secret_is_made_once_and_shared(engine):
    with writing(engine) as db:
        first = server_secret(db=db, name="downloads")
    with writing(engine) as db:
        assert server_secret(db=db, name="downloads") == first
        assert server_secret(db=db, name="other") != first
    assert len(first) >= 64


@pytest.mark.parametrize(
    ("name", "fmt", "safe"),
    [
        ("Demo – Van Dijk roadmap.pdf", "pdf", "Demo-Van-Dijk-roadmap.pdf"),
        ("../../etc/passwd", "csv", "etc-passwd.csv"),
        ("", "ics", "download.ics"),
        ('a"b\r\nSet-Cookie: x', "jira", "a-b-Set-Cookie-x.csv"),
    ],
)
def test_file_names_are_safe(name, fmt, safe):
    assert safe_file_name(name, fmt) == safe
    assert "\n" not in attachment(safe) and '"' not in attachment(safe).split('"')[1]


def test_a_backup_downloaded_is_the_workspace(client, engine, demo):
    document = json.loads(get(client, ticket(engine, demo.id), fmt="json").content)
    assert document["workspace"]["name"] == demo.name


def test_the_database_copy_is_the_administrators_while_the_passphrase_holds(
    client, engine, demo, monkeypatch
):
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "admin secret")
    admin = issue(download_secret(), 0, ADMINISTRATOR, proof_of("admin secret"))
    answer = get(client, admin, fmt="db", name="planner.db")
    if engine.dialect.name == "sqlite":
        assert answer.status_code == 200 and answer.content.startswith(b"SQLite format 3")
    else:  # PostgreSQL has its own tools for a copy: said, not a broken file
        assert answer.status_code == 404 and "SQLite" in answer.text
    assert get(client, admin, fmt="pdf").status_code == 403  # only the copy
    assert get(client, ticket(engine, demo.id), fmt="db").status_code == 403  # facilitators
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "")
    assert get(client, admin, fmt="db").status_code == 403


def test_a_copied_link_works_in_the_browser_that_drew_it_only(client, engine, demo):
    """The page binds its links to the browser's sign-in cookie: a link sent to someone
    else (or found in a log) gives them nothing; after sign-out it gives nothing either."""
    with writing(engine) as db:
        proof = facilitator_grant(db=db, workspace_id=demo.id).proof
        grant = Grant(demo.id, "facilitator", proof)
        mine = begin(db=db, kept=Remembered(grants=(grant,)), now=utcnow(), lifetime=Lifetime())
    bound = issue(download_secret(), demo.id, "facilitator", proof, browser_digest(mine))
    client.cookies.set("planner_visit", mine)
    answer = get(client, bound, fmt="csv")
    assert answer.status_code == 200 and answer.headers["x-content-type-options"] == "nosniff"
    client.cookies.set("planner_visit", "o" * 43)
    assert get(client, bound, fmt="csv").status_code == 403
    client.cookies.clear()
    assert get(client, bound, fmt="csv").status_code == 403
    client.cookies.set("planner_visit", mine)
    with writing(engine) as db:
        forget(db=db, token=mine)  # Sign out
    for fmt in ("csv", "json", "xlsx"):
        assert get(client, bound, fmt=fmt).status_code == 403
