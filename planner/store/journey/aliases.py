"""Import aliases: the workspace's other names for its phases, channels and personas.

An import maps a file's "Contactcentrum" to the workspace's "Klantcontactcentrum" once;
the mapping is kept here and applied to every later import, in the app and the CLI.
An alias goes when the phase, channel or persona it stands for goes.
"""

from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, select

from planner.core.errors import Conflict, FieldName, InvalidInput, KindName, NotFound, validated
from planner.journey.journey import JourneyKind
from planner.journey.naming import name_key
from planner.models import DimensionCreate, ImportAlias
from planner.store.journey.dimensions import MODELS

KINDS = tuple(JourneyKind)


@dataclass(frozen=True)
class Alias:
    id: int
    kind: JourneyKind
    name: str  # the other name, as first typed
    target: str  # the workspace's own name it stands for


def list_aliases(*, db: Session, workspace_id: int, kind: JourneyKind | None = None) -> list[Alias]:
    """The workspace's aliases (of one kind), by kind and name."""
    found = []
    for each, model in MODELS.items():
        if kind not in (None, each):
            continue
        target = getattr(ImportAlias, f"{each}_id")
        query = (
            select(ImportAlias.id, ImportAlias.name, model.name)
            .join(model, model.id == target)
            .where(ImportAlias.workspace_id == workspace_id, ImportAlias.kind == each)
            .order_by(ImportAlias.name_key)
        )
        found += [Alias(row[0], each, row[1], row[2]) for row in db.execute(query)]
    return found


def alias_map(*, db: Session, workspace_id: int) -> dict[str, dict[str, str]]:
    """kind -> {name_key(alias): the name it stands for}, as an import preview takes it."""
    found: dict[str, dict[str, str]] = {}
    for alias in list_aliases(db=db, workspace_id=workspace_id):
        found.setdefault(alias.kind, {})[name_key(alias.name)] = alias.target
    return found


def set_alias(
    *,
    db: Session,
    workspace_id: int,
    kind: JourneyKind,
    name: str,
    target: str,
    alias_id: int | None = None,
) -> ImportAlias:
    """Let `name` stand for the `kind` named `target` in the next imports.

    With `alias_id` that alias is changed; otherwise an alias of the same name (any
    case) is pointed at `target`, or a new one is made. Refused: a name the journey
    already has (it is that one), a target it has not.
    """
    name = validated(DimensionCreate, name=name).name
    if not target.strip():
        raise InvalidInput("error.required", field=FieldName("alias_target"))
    model = MODELS[kind]
    items = {
        name_key(item.name): item
        for item in db.exec(select(model).where(model.workspace_id == workspace_id))
    }
    if name_key(name) in items:
        raise Conflict("error.alias_is_a_name", kind=KindName(kind), name=name)
    if name_key(target) not in items:
        raise NotFound("error.item_not_found", kind=KindName(kind), name=target)
    mine = (ImportAlias.workspace_id == workspace_id, ImportAlias.kind == kind)
    same_name = select(ImportAlias).where(*mine, ImportAlias.name_key == name_key(name))
    alias = db.exec(same_name).first()
    if alias_id is not None:
        if alias is not None and alias.id != alias_id:
            raise Conflict("error.alias_taken", kind=KindName(kind), name=name)
        alias = db.get(ImportAlias, alias_id)
        if alias is None or alias.workspace_id != workspace_id or alias.kind != kind:
            raise NotFound("error.item_not_found", kind=KindName(kind), name=name)
    alias = alias or ImportAlias(workspace_id=workspace_id, kind=kind)
    alias.name, alias.name_key = name, name_key(name)
    for each in KINDS:
        setattr(alias, f"{each}_id", items[name_key(target)].id if each == kind else None)
    db.add(alias)
    db.flush()
    return alias


def save_aliases(*, db: Session, workspace_id: int, mapped: dict[str, dict[str, str]]) -> None:
    """Keep an import's mappings (kind -> {typed name: known name}) as aliases."""
    for kind, names in mapped.items():
        for name, target in names.items():
            set_alias(db=db, workspace_id=workspace_id, kind=kind, name=name, target=target)


def remove_alias(*, db: Session, workspace_id: int, alias_id: int) -> None:
    db.execute(
        delete(ImportAlias).where(
            ImportAlias.id == alias_id, ImportAlias.workspace_id == workspace_id
        )
    )
