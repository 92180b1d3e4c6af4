"""The rules every plan keeps, the greedy one and the best one alike, checked in one place.

1. Every ranked candidate is placed or unscheduled with a reason, never both; nothing
   else is placed, and nothing left out.
2. No period carries more effort than its capacity.
3. A placement's loads lie on its periods, start to end, and add up to its effort.
4. Spans: a placement starts in the first period the candidate is worked in and ends
   in the last, and every period in between carries work. Only a candidate larger than
   the period it starts in spans: one that fits the first period it is worked in is
   never split.
5. What a placed candidate needs is placed and ends before it starts (so nothing that
   needs an unranked candidate is placed).
6. Pins come first: pinned candidates, and what they need, are placed before any other,
   in ranked order, exactly as the greedy plan places them. Every pin that holds there
   holds in any plan (the candidate starts in its pinned period); a pin that cannot
   hold leaves its candidate unscheduled with the greedy plan's reason.

`violations(plan, instance)` lists what a plan breaks (empty when it keeps every rule).
"""

from dataclasses import dataclass, field

from planner.roadmap.schedule import EPSILON, Placement, Schedule, schedule

TOLERANCE = 1e-6  # of a solver's loads against capacity and effort
PIN_FAILS = {  # the reasons a pin cannot hold
    "excluded",
    "needs_excluded",
    "needs_unscheduled",
    "needs_unscored",
    "pin_after_dependency",
    "pin_full",
}


@dataclass(frozen=True)
class Instance:
    """What a plan is made from: the arguments of `schedule` (and `optimise`, less the
    values)."""

    ranking: list[int]
    efforts: dict[int, float]
    capacities: list[float]
    needs: dict[int, set[int]] = field(default_factory=dict)
    pins: dict[int, int] = field(default_factory=dict)
    excluded: set[int] = field(default_factory=set)


def violations(plan: Schedule, instance: Instance) -> list[str]:
    """Each rule the plan breaks, as a line naming the candidate or period."""
    found: list[str] = []
    ranked = set(instance.ranking)
    placed, unscheduled = set(plan.placed), set(plan.unscheduled)
    found += [
        f"candidate {c} is neither placed nor unscheduled" for c in ranked - placed - unscheduled
    ]
    found += [f"candidate {c} is placed and unscheduled" for c in sorted(placed & unscheduled)]
    found += [f"candidate {c} is placed but not ranked" for c in sorted(placed - ranked)]
    found += [f"candidate {c} is placed but left out" for c in sorted(placed & instance.excluded)]
    periods = len(instance.capacities)
    for period, (used, capacity) in enumerate(
        zip(plan.load(periods), instance.capacities, strict=True)
    ):
        if used > capacity + TOLERANCE:
            found.append(f"period {period} carries {used} of {capacity}")
    for candidate in sorted(plan.placed):
        found += _placement_violations(candidate, plan, instance)
    found += _pin_violations(plan, instance)
    return found


def span_breaks(placement: Placement, effort: float, capacities: list[float]) -> list[str]:
    """What a placement breaks of the rule for spans (4.), e.g. 'spans 0-2 with no work
    in [0]'; empty for a placement in one period."""
    start, end, load = placement.start, placement.end, placement.load
    if end == start:
        return []
    found = []
    empty = [p for p in range(start, end + 1) if load.get(p, 0.0) <= EPSILON]
    if empty:
        found.append(f"spans {start}-{end} with no work in {empty}")
    worked = [p for p in range(start, end + 1) if load.get(p, 0.0) > EPSILON]
    first = worked[0] if worked else start
    if effort <= capacities[first] + EPSILON:
        found.append(f"fits period {first} whole but is split over {start}-{end}")
    return found


def _placement_violations(candidate: int, plan: Schedule, instance: Instance) -> list[str]:
    placement = plan.placed[candidate]
    start, end, load = placement.start, placement.end, placement.load
    name = f"candidate {candidate}"
    if not 0 <= start <= end < len(instance.capacities):
        return [f"{name} is placed outside the periods ({start}-{end})"]
    found = []
    effort = max(instance.efforts.get(candidate, 0.0), 0.0)
    if sorted(load) != list(range(start, end + 1)):
        found.append(f"{name} has loads in {sorted(load)}, not in periods {start}-{end}")
    if abs(sum(load.values()) - effort) > TOLERANCE * max(1.0, effort):
        found.append(f"{name} has loads adding up to {sum(load.values())}, not {effort}")
    found += [f"{name} {broken}" for broken in span_breaks(placement, effort, instance.capacities)]
    for needed in sorted(instance.needs.get(candidate, ())):
        if needed not in plan.placed:
            found.append(f"{name} is placed but needs {needed}, which is not")
        elif plan.placed[needed].end >= start:
            found.append(f"{name} starts in {start}, before {needed} it needs ends")
    return found


def _pin_violations(plan: Schedule, instance: Instance) -> list[str]:
    """Pins against the greedy plan of the same ranking, which places them first."""
    first = schedule(
        instance.ranking,
        instance.efforts,
        instance.capacities,
        instance.needs,
        instance.pins,
        instance.excluded,
    )
    found = []
    for candidate, period in sorted(instance.pins.items()):
        if candidate not in instance.ranking:
            continue
        if candidate in first.placed:
            placement = plan.placed.get(candidate)
            if placement is None:
                reason = plan.unscheduled.get(candidate, ("", {}))[0]
                found.append(f"pin of {candidate} to {period} dropped ({reason})")
            elif placement.start != period:
                found.append(f"pin of {candidate} to {period} moved to {placement.start}")
        elif first.unscheduled[candidate][0] not in PIN_FAILS:
            found.append(f"pin of {candidate} to {period} cannot hold for no reason")
        elif plan.unscheduled.get(candidate) != first.unscheduled[candidate]:
            found.append(
                f"pin of {candidate} to {period} cannot hold "
                f"({first.unscheduled[candidate][0]}), but the plan says "
                f"{plan.unscheduled.get(candidate)}"
            )
    return found
