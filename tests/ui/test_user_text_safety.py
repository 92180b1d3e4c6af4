"""What users type is shown as text: never run as HTML, never read as Markdown links."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import writing
from planner.models import (
    CandidateUpdate,
    CommitmentCreate,
    SessionCreate,
    SignoffCreate,
    SignoffRequest,
    StakeholderJoin,
)
from planner.store.delivery.commitments import commit
from planner.store.delivery.signoff import request_signoff, sign
from planner.store.journey.candidates import update_candidate
from planner.store.scoring.sessions import open_session, sessions_of
from planner.store.scoring.stakeholders import join_session
from tests.conftest import APP
from tests.factories import add_stakeholders, saved_version

PAYLOADS = {
    1: "<script>alert(1)</script>",
    2: "[x](javascript:alert(1))",
    3: '<img src=x onerror="alert(1)">',
    4: "**bold** _it_ `code` # heading",
}
ELEMENTS = (
    "markdown",
    "caption",
    "error",
    "success",
    "info",
    "warning",
    "title",
    "header",
    "subheader",
)
# Unescaped (no backslash before) HTML tags, links and emphasis.
DANGEROUS = [
    re.compile(p) for p in (r"(?<!\\)<(script|img|b|i)\b", r"(?<!\\)\]\(", r"(?<!\\)\*\*bold")
]


def raw_texts(at) -> list[str]:
    """The Markdown sources the page sent to the browser."""
    return [str(e.value) for kind in ELEMENTS for e in getattr(at, kind)]


@pytest.fixture(name="tricky")
def tricky_fixture(engine, demo):
    with writing(engine) as db:
        for candidate_id, title in PAYLOADS.items():
            update_candidate(
                db=db,
                candidate_id=candidate_id,
                candidate_in=CandidateUpdate(title=title),
            )
        version = saved_version(db, demo.id)
        for position in range(4):
            commit(
                db=db,
                version_id=version.id,
                position=position,
                commitment_in=CommitmentCreate(
                    owner=PAYLOADS[position + 1][:80], committed_by="Eva", period=0
                ),
            )
        [person] = add_stakeholders(db, demo.id, "<b>Ann</b>")
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="<i>Eva</i>"))
        sign(
            db=db,
            version_id=version.id,
            stakeholder_id=person.id,
            signoff_in=SignoffCreate(decision="object", comment="[click](javascript:alert(1))"),
            actor=None,
        )
        open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="<script>alert('s')</script>"),
            candidate_ids=list(PAYLOADS),
        )
    return demo


@pytest.mark.parametrize(
    "page",
    [
        "candidates",
        "journey_grid",
        "consensus",
        "scoring_session",
        "matrix",
        "roadmap",
        "signoff",
        "commitments",
        "progress",
    ],
)
def test_typed_text_is_escaped_on_every_page(open_page, tricky, page):
    at = open_page(page)
    for text in raw_texts(at):
        for danger in DANGEROUS:
            assert not danger.search(text), f"{page}: {text!r}"


def test_escaped_text_still_reads_as_typed(open_page, tricky):
    at = open_page("signoff")
    shown = "\n".join(raw_texts(at))
    assert r"\<b\>Ann\</b\> objects: \[click\]\(javascript\:alert\(1\)\)" in shown


def test_matrix_details_of_a_tricky_candidate(open_page, tricky):
    at = open_page("matrix")
    at.session_state["matrix"] = {"selection": {"pick": [{"candidate_id": 1}]}}
    at.run()
    assert any(r"\<script\>alert\(1\)\</script\>" in t for t in raw_texts(at))
    assert not any("<script>" in t for t in raw_texts(at))


def test_the_ballot_shows_tricky_titles_as_text(engine, tricky):
    with writing(engine) as db:
        [scoring] = sessions_of(db=db, workspace_id=tricky.id)
        joined = join_session(
            db=db, code=scoring.code, join_in=StakeholderJoin(name="<script>x</script>")
        )
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    assert not at.exception
    texts = raw_texts(at)
    assert any(r"\<script\>alert\('s'\)\</script\>" in t for t in texts)  # the session name
    for text in texts:
        for danger in DANGEROUS:
            assert not danger.search(text), text
    # The ballot draws titles with textContent (Chromium checks it): they go as data.
    data = json.loads(at.get("bidi_component")[0].proto.json)
    assert PAYLOADS[1] in dict(data["candidates"]).values()
