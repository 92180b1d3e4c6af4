"""The journey's dimensions (phases, channels, personas): add, rename, reorder, remove.

One set of functions serves all three; `model` says which.
"""

from sqlalchemy import delete, func
from sqlmodel import Session, select

from planner.core.errors import Conflict, KindName, NotFound, validated
from planner.journey.journey import JourneyKind
from planner.journey.naming import name_key
from planner.models import Candidate, CandidateChannel, Channel, DimensionCreate, Persona, Phase
from planner.models.journey import JourneyDimension

MODELS = {JourneyKind.PHASE: Phase, JourneyKind.CHANNEL: Channel, JourneyKind.PERSONA: Persona}
KINDS = {model: kind for kind, model in MODELS.items()}


def list_items(*, db: Session, model: JourneyDimension, workspace_id: int) -> list:
    query = select(model).where(model.workspace_id == workspace_id).order_by(model.position)
    return list(db.exec(query))


def _get(db: Session, model: JourneyDimension, item_id: int):
    item = db.get(model, item_id)
    if item is None:
        raise NotFound("error.item_not_found", kind=KindName(KINDS[model]), name=item_id)
    return item


def _check_name_free(db, model, workspace_id: int, name: str, except_id=None) -> None:
    for item in list_items(db=db, model=model, workspace_id=workspace_id):
        if item.id != except_id and name_key(item.name) == name_key(name):
            raise Conflict("error.name_taken", kind=KindName(KINDS[model]), name=item.name)


def add_item(*, db: Session, model: JourneyDimension, workspace_id: int, name: str):
    """Add a phase, channel or persona at the end of the list."""
    name = validated(DimensionCreate, name=name).name
    _check_name_free(db, model, workspace_id, name)
    last = db.exec(select(func.max(model.position)).where(model.workspace_id == workspace_id)).one()
    item = model(workspace_id=workspace_id, name=name, position=(last or 0) + 1)
    db.add(item)
    db.flush()
    return item


def rename_item(*, db: Session, model: JourneyDimension, item_id: int, name: str):
    item = _get(db, model, item_id)
    name = validated(DimensionCreate, name=name).name
    _check_name_free(db, model, item.workspace_id, name, except_id=item_id)
    item.name = name
    db.add(item)
    db.flush()
    return item


def reorder_items(
    *, db: Session, model: JourneyDimension, workspace_id: int, ids: list[int]
) -> None:
    """Put the items in the order of `ids`; items not named keep their place after them."""
    items = list_items(db=db, model=model, workspace_id=workspace_id)
    rank = {item_id: i for i, item_id in enumerate(ids)}
    for position, item in enumerate(sorted(items, key=lambda it: rank.get(it.id, len(ids)))):
        item.position = position
        db.add(item)
    db.flush()


def users_of(*, db: Session, model: JourneyDimension, item_id: int) -> list[str]:
    """Titles of the candidates that use this phase, channel or persona."""
    if model is Channel:
        query = (
            select(Candidate.title)
            .join(CandidateChannel)
            .where(CandidateChannel.channel_id == item_id)
        )
    else:
        column = Candidate.phase_id if model is Phase else Candidate.persona_id
        query = select(Candidate.title).where(column == item_id)
    return list(db.exec(query.order_by(Candidate.title)))


def remove_item(*, db: Session, model: JourneyDimension, item_id: int) -> None:
    """Remove an item no candidate uses; otherwise say which candidates use it."""
    item = _get(db, model, item_id)
    titles = users_of(db=db, model=model, item_id=item_id)
    if titles:
        shown = ", ".join(f"“{title}”" for title in titles[:5])
        more = len(titles) - 5
        raise Conflict(
            "error.in_use",
            kind=KindName(KINDS[model]),
            name=item.name,
            count=len(titles),
            titles=shown + (f" (+{more})" if more > 0 else ""),
        )
    db.execute(delete(model).where(model.id == item_id))
