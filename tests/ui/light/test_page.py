"""The light page's HTML: the join form in the workspace's language (or the one chosen), the
session's name escaped, its own hashed files; an unknown code says so."""

from planner.core.db import writing
from planner.models import WorkspaceUpdate
from planner.store.journey.workspaces import update_workspace
from planner.ui.light import assets
from tests.ui.light.test_routes import client_fixture, scoring_fixture  # noqa: F401 (fixtures)


def test_the_page_of_a_code_is_the_join_form_in_the_workspaces_language(
    client, scoring, engine, demo
):
    page = client.get(f"/b/{scoring.code}")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert '<html lang="en">' in page.text
    assert "Town &lt;hall&gt;" in page.text and "<hall>" not in page.text
    assert 'name="viewport"' in page.text and "/static/" not in page.text
    assert assets.url("ballot.js") in page.text and assets.url("light.js") in page.text
    with writing(engine) as db:
        update_workspace(db=db, workspace_id=demo.id, workspace_in=WorkspaceUpdate(language="nl"))
    dutch = client.get(f"/b/{scoring.code}")
    assert '<html lang="nl">' in dutch.text and "Meedoen" in dutch.text
    chosen = client.get(f"/b/{scoring.code}?lang=en")
    assert '<html lang="en">' in chosen.text


def test_an_unknown_code_says_so(client, scoring):
    page = client.get("/b/NOSUCH")
    assert page.status_code == 404
    assert "No scoring session has this code" in page.text
