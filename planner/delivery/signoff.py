"""Sign-off: stakeholders approve a saved roadmap version or object to it (with a reason).

An answer is the stakeholder's own (given through their personal link) or recorded on
their behalf by a facilitator, named, as given in the room. The stored answer says
which, so the table, the downloads and the stakeholder's own page can say it too; a
workspace can forbid answers on someone's behalf, and an answer the stakeholder gave
themselves is theirs to change.
"""

from enum import StrEnum
from typing import NamedTuple

import pandas as pd

from planner.core.errors import Conflict, FieldName, InvalidInput
from planner.core.i18n import t


class Decision(StrEnum):
    APPROVE = "approve"
    OBJECT = "object"  # needs a comment saying why


class Tally(NamedTuple):
    """How the answers on a version stand."""

    total: int  # stakeholders asked
    approved: int
    objected: int
    in_the_room: int  # answers a facilitator recorded on someone's behalf


def tally(answers: pd.DataFrame) -> Tally:
    """Count the answers: one row per stakeholder, `decision` None while they have not
    answered, `recorded_by` None for their own answer (or none)."""
    decisions = answers["decision"]
    return Tally(
        total=len(answers),
        approved=int(decisions.eq(Decision.APPROVE).sum()),
        objected=int(decisions.eq(Decision.OBJECT).sum()),
        in_the_room=int(answers["recorded_by"].notna().sum()),
    )


def objections(answers: pd.DataFrame) -> pd.DataFrame:
    """The answers that object (each with its comment saying what must change)."""
    return answers[answers["decision"].eq(Decision.OBJECT)]


def signed_off(*, requested: bool, counted: Tally) -> bool:
    """Whether the version is signed off: put up for sign-off and approved by every
    stakeholder (a workspace without stakeholders signs nothing off)."""
    return requested and counted.total > 0 and counted.approved == counted.total


def check_answer(decision: str, comment: str) -> None:
    """Raise `InvalidInput` for an objection without a comment saying what must change."""
    if decision == Decision.OBJECT and not comment.strip():
        raise InvalidInput("error.objection_needs_comment", field=FieldName("comment"))


def recorder(
    *, actor: str | None, on_behalf_allowed: bool, own_answer: bool, name: str
) -> str | None:
    """Who a new answer of stakeholder `name` says entered it: None when they answer
    through their own link (`actor` None), else the facilitator `actor`, by name.

    On someone's behalf is refused when the workspace forbids it, when `name` already
    answered themselves (`own_answer`: only they change that), or without a name to show.

    >>> recorder(actor="Eva", on_behalf_allowed=True, own_answer=False, name="Ann")
    'Eva'
    """
    if actor is None:
        return None
    if not on_behalf_allowed:
        raise Conflict("error.signoff_on_behalf_off")
    if own_answer:
        raise Conflict("error.signoff_own_answer_stands", name=name)
    if not actor.strip():
        raise InvalidInput("error.signoff_recorder_unnamed", field=FieldName("actor"))
    return actor.strip()


def entered(recorded_by: str | None, lang: str) -> str:
    """How an answer was entered, for people: 'own answer' or 'recorded by Eva in the room'."""
    if recorded_by is None or pd.isna(recorded_by):
        return t("signoff.own_answer", lang)
    return t("signoff.recorded_by", lang, name=recorded_by)


def signoff_table(answers: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The answers (planner.store.delivery.signoff.SignoffStatus.answers) as a table for people,
    headed in `lang`: stakeholder, role, decision, how it was entered, comment, when."""
    answered = answers["decision"].notna()
    decisions = {d: t(f"signoff.{d}", lang) for d in Decision}
    how = [
        entered(by, lang) if done else ""
        for by, done in zip(answers["recorded_by"], answered, strict=True)
    ]
    return pd.DataFrame(
        {
            t("signoff.stakeholder", lang): answers["name"],
            t("field.role", lang): answers["role"],
            t("field.decision", lang): answers["decision"]
            .map(decisions)
            .fillna(t("signoff.pending", lang)),
            t("signoff.entered", lang): pd.Series(how, index=answers.index, dtype=object),
            t("field.comment", lang): answers["comment"].fillna(""),
            t("commitments.when", lang): answers["at"],
        }
    )
