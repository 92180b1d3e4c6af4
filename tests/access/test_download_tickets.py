"""Download tickets: signed, timed grants that a download link carries."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.access.download_tickets import issue, may_download, read


@given(st.integers(1, 10**9), st.sampled_from(["facilitator", "owner", "viewer"]), st.text())
def test_a_ticket_reads_back_as_issued(workspace_id, role, proof):
    assert read("secret", issue("secret", workspace_id, role, proof)) == (workspace_id, role, proof)


@given(st.text(max_size=80))
def test_no_other_string_is_a_ticket(text):
    assert read("secret", text) is None


def test_another_secret_or_a_changed_ticket_reads_nothing():
    ticket = issue("secret", 3, "viewer", "p")
    assert read("other", ticket) is None
    changed = ticket.replace(ticket.split(".")[0], issue("secret", 4, "viewer", "p").split(".")[0])
    assert read("secret", changed) is None


def test_an_old_ticket_reads_nothing():
    ticket = issue("secret", 3, "viewer", "p")
    assert read("secret", ticket, max_age=3600) is not None
    assert read("secret", ticket, max_age=-1) is None


@pytest.mark.parametrize(
    ("role", "fmt", "allowed"),
    [
        ("facilitator", "json", True),
        ("owner", "json", False),
        ("viewer", "json", False),
        ("viewer", "pdf", True),
        ("owner", "ics", True),
        ("stakeholder", "pdf", False),
        ("facilitator", "db", False),
        ("administrator", "db", True),
        ("administrator", "pdf", False),
    ],
)
def test_the_backup_is_for_facilitators_the_rest_for_any_reader(role, fmt, allowed):
    assert may_download(role, fmt) is allowed


def test_a_ticket_bound_to_a_browser_works_there_only():
    ticket = issue("secret", 3, "viewer", "p", browser="abc")
    assert read("secret", ticket, browser="abc") == (3, "viewer", "p")
    assert read("secret", ticket, browser="xyz") is None
    assert read("secret", ticket) is None  # no cookie sent: not that browser
