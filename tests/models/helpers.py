"""Checking an input schema as the pages and the CLI do (planner.core.errors.validated)."""

from pydantic import ValidationError

from planner.core.errors import InvalidInput, invalid_inputs


def refusals(schema, **data) -> list[str]:
    """The English message of each problem `schema` finds in `data` (empty: accepted)."""
    try:
        schema.model_validate(data)
    except ValidationError as error:
        return [problem.message("en") for problem in invalid_inputs(error)]
    return []


def dutch_refusal(schema, **data) -> str:
    """The Dutch message of the first problem."""
    try:
        schema.model_validate(data)
    except ValidationError as error:
        first: InvalidInput = invalid_inputs(error)[0]
        return first.message("nl")
    raise AssertionError("accepted")
