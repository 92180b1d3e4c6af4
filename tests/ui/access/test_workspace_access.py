"""Signing in from an address full of wrong passphrases (an office behind one NAT): the
right passphrase waits at most the stated time, never more than 30 s, then gets in. The
clock is simulated: the stored tries are moved back by the wait, nobody sleeps."""

import re
from datetime import timedelta

from sqlalchemy import select

from planner.access.rate_limit import MAX_WAIT
from planner.core.db import writing
from planner.demo import DEMO_PASSPHRASE
from planner.models import AccessAttempt
from tests.ui.conftest import texts

WAIT = re.compile(r"try again in (\d+) seconds?\.")


def sign_in(at, workspace, passphrase, who="Eva"):
    at.text_input(key="sign_in_workspace").input(workspace)
    at.text_input(key="sign_in_passphrase").input(passphrase)
    at.text_input(key="sign_in_actor").input(who)
    at.button(key="FormSubmitter:sign_in-Open as facilitator").click().run()
    assert not at.exception
    return at


def stated_wait(at) -> int | None:
    """The seconds the page says to wait, or None when the try was made."""
    found = WAIT.search(texts(at))
    return int(found.group(1)) if found else None


def let_time_pass(engine, seconds: int) -> None:
    """As if `seconds` went by: every stored try happened that much earlier."""
    with writing(engine) as db:
        for attempt in db.scalars(select(AccessAttempt)):
            attempt.at -= timedelta(seconds=seconds)


def test_the_right_passphrase_after_thirty_wrong_ones_gets_in_within_thirty_seconds(
    open_page, engine, demo
):
    at = open_page("workspaces", role=None)
    wrong, waits = 0, []
    while wrong < 30:  # a colleague (or a guesser) who waits out every wait
        wait = stated_wait(sign_in(at, demo.name, "not our passphrase"))
        if wait is None:
            assert "This workspace name and passphrase do not match." in texts(at)
            wrong += 1
        else:
            waits.append(wait)
            let_time_pass(engine, wait)
    assert waits and max(waits) <= MAX_WAIT.total_seconds()

    wait = stated_wait(sign_in(at, demo.name, DEMO_PASSPHRASE))
    assert wait is not None and wait <= MAX_WAIT.total_seconds()
    assert not at.session_state["grants"]
    let_time_pass(engine, wait)
    sign_in(at, demo.name, DEMO_PASSPHRASE)
    assert at.session_state["grants"] == {demo.id: "facilitator"}
