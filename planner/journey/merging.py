"""Merging duplicates into one candidate: the rules, without a database.

One candidate is *kept*; the others are merged into it and go. The kept candidate:
- spans the channels of all of them (its own first), and their tags;
- keeps its description, the others' appended below it (each once, in merge order);
- keeps its own proposer, touchpoint, persona and pre-scores, taking another's where
  its own is empty; it is a channel switch when any of them was;
- keeps **its own** row wherever two would clash, and takes the others' rows where it has
  none (`winners`): per stakeholder, round and criterion a vote; per dimension a
  calibration reference; its pin or exclusion from the roadmap; its consensus decisions.
  Among the merged candidates, the first in merge order wins;
- joins the ballot comments of one stakeholder in one round (`joined_comment`);
- is in every scoring round any of them was in, needs what any of them needed and is
  needed by what needed any of them (`merged_dependencies`), and takes their place in
  focus queues, commitments and saved roadmap versions (their history stays readable).
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planner.core.errors import InvalidInput

Key = TypeVar("Key", bound=Hashable)

# Two texts joined: a blank line between descriptions, one line between comments.
DESCRIPTION_JOIN = "\n\n"
COMMENT_JOIN = "\n"


@dataclass(frozen=True)
class MergeSide:
    """A candidate's own fields, as the merge reads them."""

    id: int
    phase_id: int
    description: str = ""
    channel_ids: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    proposer: str = ""
    touchpoint: str = ""
    persona_id: int | None = None
    pre_value: float | None = None
    pre_effort: float | None = None
    channel_switch: bool = False


def check_merge(kept: MergeSide, others: Sequence[MergeSide]) -> None:
    """Only candidates of one phase merge, at least two, none with itself."""
    ids = [kept.id, *(other.id for other in others)]
    if not others or len(set(ids)) != len(ids):
        raise InvalidInput("error.merge_needs_two")
    if any(other.phase_id != kept.phase_id for other in others):
        raise InvalidInput("error.merge_phases")


def merged_fields(kept: MergeSide, others: Sequence[MergeSide]) -> dict[str, object]:
    """The kept candidate's fields after the merge (see the module's rules)."""
    check_merge(kept, others)
    sides = [kept, *others]

    def first(values: Iterable[object]) -> object:
        return next((value for value in values if value not in (None, "")), None)

    return {
        "description": joined_description([side.description for side in sides]),
        "channel_ids": list(dict.fromkeys(c for side in sides for c in side.channel_ids)),
        "tags": list(dict.fromkeys(tag for side in sides for tag in side.tags)),
        "proposer": first(side.proposer for side in sides) or "",
        "touchpoint": first(side.touchpoint for side in sides) or "",
        "persona_id": first(side.persona_id for side in sides),
        "pre_value": first(side.pre_value for side in sides),
        "pre_effort": first(side.pre_effort for side in sides),
        "channel_switch": any(side.channel_switch for side in sides),
    }


def joined_description(descriptions: Sequence[str]) -> str:
    """Each description once, in order, a blank line between.

    >>> joined_description(["Where my order is.", "", "Where my order is.", "By e-mail."])
    'Where my order is.\\n\\nBy e-mail.'
    """
    parts = dict.fromkeys(text.strip() for text in descriptions if text.strip())
    return DESCRIPTION_JOIN.join(parts)


def joined_comment(comments: Sequence[str], limit: int) -> str:
    """One stakeholder's comments of one round on the merged candidates, each once,
    cut to `limit` characters (the last kept ends with "…" when cut)."""
    text = COMMENT_JOIN.join(dict.fromkeys(c.strip() for c in comments if c.strip()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def winners(rows: Mapping[int, Iterable[Key]], kept: int, order: Sequence[int]) -> dict[Key, int]:
    """For each key, the candidate whose row survives: the kept candidate's when it has
    one, else the first in `order` (the merged candidates) that has one.

    >>> winners({1: ["a"], 2: ["a", "b"], 3: ["b", "c"]}, kept=1, order=[2, 3])
    {'a': 1, 'b': 2, 'c': 3}
    """
    found: dict[Key, int] = {}
    for candidate in (kept, *order):
        for key in rows.get(candidate, ()):
            found.setdefault(key, candidate)
    return found


def merged_dependencies(
    pairs: Iterable[tuple[int, int]], kept: int, merged: Iterable[int]
) -> set[tuple[int, int]]:
    """(candidate, needs) pairs with every merged id read as the kept one; a candidate
    never needs itself.

    >>> sorted(merged_dependencies([(2, 5), (6, 3), (1, 2)], kept=1, merged=[2, 3]))
    [(1, 5), (6, 1)]
    """
    gone = set(merged)

    def kept_for(candidate: int) -> int:
        return kept if candidate in gone else candidate

    moved = {(kept_for(candidate), kept_for(needed)) for candidate, needed in pairs}
    return {(candidate, needed) for candidate, needed in moved if candidate != needed}


def merged_queue(queue: Sequence[int], kept: int, merged: Iterable[int]) -> list[int]:
    """A focus queue with the merged candidates' places taken by the kept one, once.

    >>> merged_queue([4, 2, 1, 3], kept=1, merged=[2, 3])
    [4, 1]
    """
    gone = set(merged)
    return list(dict.fromkeys(kept if candidate in gone else candidate for candidate in queue))
