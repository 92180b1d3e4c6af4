"""What the ballot component is drawn from, in one place: the Vote page (ballot.py) and
the light stakeholder page (planner/ui/light) hand ballot.js the same data."""

from dataclasses import dataclass
from datetime import datetime

from planner.core.i18n import t
from planner.models import Criterion
from planner.scoring.answers import DONT_KNOW
from planner.scoring.setup import ScoringSetup
from planner.scoring.time_box import seconds_left
from planner.store.scoring.ballot import RoundState

TEXT_KEYS = {
    "progress": "vote.progress",
    "all_done": "vote.all_done",
    "candidate": "vote.candidate",
    "next": "vote.next_unscored",
    "value_help": "vote.value_help",
    "effort_help": "vote.effort_help",
    "comment": "field.comment",
    "comment_hint": "vote.comment_hint",
    "saving": "vote.saving",
    "saved": "vote.saved",
    "retrying": "vote.retrying",
    "not_saved": "vote.not_saved",
    "loading": "vote.loading",
    "time_left": "vote.time_left",
    "time_up": "vote.time_up",
    "nudge": "vote.nudge",
    "nudge_ok": "vote.nudge_ok",
    "references": "vote.references",
}


def follow_data(*, session_id: int, state: RoundState, token: str) -> dict:
    """A component that only follows the facilitator: the next round or the close."""
    return {
        "follow_only": True,
        "key": token,
        "session": session_id,
        "round": state.round_id,
        "round_status": state.round_status,
        "status": state.session_status,
    }


@dataclass(frozen=True)
class StakeholderBallot:
    """A stakeholder's ballot of a round: what both pages mount the component with."""

    session_id: int
    state: RoundState
    stakeholder_id: int
    token: str  # their personal link's key
    setup: ScoringSetup
    criteria: list[Criterion]  # the ones they rate
    candidates: list[tuple[int, str]]  # (id, title) in ballot order
    done: list[int]  # the candidates they answered every criterion of
    joined: bool = False  # they just joined: focus goes to the first card's heading


def ballot_data(ballot: StakeholderBallot, *, lang: str, now: datetime) -> dict:
    """What ballot.js draws `ballot` from, its texts in `lang`."""
    state, criteria = ballot.state, ballot.criteria
    return {
        "session": ballot.session_id,
        "round": state.round_id,
        "round_status": state.round_status,
        "status": state.session_status,
        "auto_advance": state.auto_advance,
        "seconds_left": seconds_left(state.deadline, now),
        "stakeholder": ballot.stakeholder_id,
        "key": ballot.token,
        "lang": lang,
        "criteria": [{"id": c.id, "name": c.name, "dimension": c.dimension} for c in criteria],
        "options": [*ballot.setup.scale.labels, DONT_KNOW],
        "names": {DONT_KNOW: t("vote.dont_know", lang)},
        "candidates": [[int(i), title] for i, title in ballot.candidates],
        "done": ballot.done,
        "joined": ballot.joined,
        "text": {name: t(catalog_key, lang) for name, catalog_key in TEXT_KEYS.items()},
    }
