"""Errors that users can cause, carrying a catalog key so any language can show them."""

from datetime import timedelta
from typing import TypeVar

from pydantic import ValidationError

from planner.core.i18n import t
from planner.core.numbers import Count, few_decimals, seconds


class PlannerError(Exception):
    """A mistake in what a user asked for, with a readable message in any language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **localised(self.params, lang))


class NotFound(PlannerError):
    """The workspace, phase, candidate... asked for does not exist (any more)."""


class InvalidInput(PlannerError):
    """A field's value is not allowed; the message names the field and the limit."""


class Conflict(PlannerError):
    """The change clashes with what is stored: a duplicate name, a phase still in use."""


class FieldName(str):
    """A field name, translated when the message is shown ("Title", "Titel")."""

    catalog_prefix = "field"


class KindName(FieldName):
    """A kind of thing inside a sentence, translated when shown ("phase", "fase")."""

    catalog_prefix = "kind"


class StatusName(FieldName):
    """A commitment status inside a sentence ("in progress", "in uitvoering")."""

    catalog_prefix = "status"


def localised(params: dict, lang: str) -> dict:
    """`params` with field, kind and status names in `lang`; a tuple of them as a list;
    a wait in seconds, a fraction ("7,5") and a `Count` ("20.000") as `lang` writes them
    (a bare int, an id or a year, as it is)."""

    def named(value: object) -> object:
        if isinstance(value, PlannerError):  # a reason inside a sentence, in `lang` too
            return value.message(lang)
        if isinstance(value, timedelta):
            return seconds(value, lang)
        if isinstance(value, Count):
            return Count(value, lang)
        if isinstance(value, float):
            return few_decimals(value, lang, 2)
        if isinstance(value, FieldName):
            return t(f"{value.catalog_prefix}.{value}", lang)
        if isinstance(value, tuple):
            return ", ".join(str(named(v)) for v in value) or "—"
        return value

    return {name: named(value) for name, value in params.items()}


# pydantic error types -> catalog keys; what is not listed reads as "not allowed".
_PYDANTIC_KEYS = {
    "string_too_short": "error.too_short",
    "string_too_long": "error.too_long",
    "too_short": "error.too_few",
    "missing": "error.required",
    "greater_than_equal": "error.too_small",
    "greater_than": "error.more_than",
    "less_than_equal": "error.too_large",
    "literal_error": "error.not_one_of",
    "enum": "error.not_one_of",
    "float_parsing": "error.not_a_number",
    "float_type": "error.not_a_number",
}


def invalid_inputs(error: ValidationError) -> list[InvalidInput]:
    """Every problem of a pydantic `ValidationError` as an `InvalidInput`."""
    problems = []
    for detail in error.errors():
        field = FieldName(detail["loc"][0] if detail["loc"] else "value")
        ctx = detail.get("ctx", {})
        key = _PYDANTIC_KEYS.get(detail["type"], "error.not_allowed")
        if detail["type"] == "string_too_short" and ctx.get("min_length") == 1:
            key = "error.required"
        bounds = ("min_length", "max_length", "ge", "le", "gt")
        limit = next((ctx[bound] for bound in bounds if bound in ctx), "")
        problems.append(
            InvalidInput(key, field=field, limit=limit, allowed=ctx.get("expected", ""))
        )
    return problems


T = TypeVar("T")


def validated(schema: type[T], **data: object) -> T:
    """`schema(**data)`, or an `InvalidInput` that names the field and the limit."""
    try:
        return schema.model_validate(data)
    except ValidationError as error:
        raise invalid_inputs(error)[0] from None
