"""A workspace's scoring model: scale, criteria with weights, role weights, thresholds."""

from sqlalchemy import delete, func
from sqlmodel import Session, select

from planner.core.errors import Conflict, InvalidInput, KindName, NotFound
from planner.journey.naming import name_key
from planner.journey.templates import DEFAULT_CRITERIA
from planner.models import (
    Criterion,
    CriterionCreate,
    CriterionRole,
    RoleWeight,
    RoleWeightCreate,
    ScoringModel,
    ScoringModelUpdate,
    Vote,
)
from planner.scoring.setup import ScoringSetup, method_once_limited


def create_default_model(*, db: Session, workspace_id: int, language: str) -> None:
    """The scoring model a new workspace starts with."""
    db.add(ScoringModel(workspace_id=workspace_id))
    db.add_all(
        Criterion(
            workspace_id=workspace_id,
            name=term.name(language),
            dimension=dimension,
            position=position,
        )
        for position, (term, dimension) in enumerate(DEFAULT_CRITERIA)
    )
    db.flush()


def load_scoring_setup(*, db: Session, workspace_id: int) -> ScoringSetup:
    model = db.get(ScoringModel, workspace_id)
    if model is None:
        raise NotFound("error.workspace_not_found", name=workspace_id)
    criteria = db.exec(
        select(Criterion)
        .where(Criterion.workspace_id == workspace_id)
        .order_by(Criterion.position, Criterion.id)
    )
    weights = db.exec(
        select(RoleWeight).where(RoleWeight.workspace_id == workspace_id).order_by(RoleWeight.id)
    )
    criteria = list(criteria)
    limits: dict[int, tuple[str, ...]] = {}
    for criterion_id, role in db.execute(
        select(CriterionRole.criterion_id, CriterionRole.role)
        .where(CriterionRole.criterion_id.in_([c.id for c in criteria]))
        .order_by(CriterionRole.criterion_id, CriterionRole.role)
    ):
        limits[criterion_id] = (*limits.get(criterion_id, ()), role)
    return ScoringSetup(
        model=model,
        criteria=criteria,
        role_weights_named={w.role: w.weight for w in weights},
        criterion_roles=limits,
    )


def _set_roles(db: Session, setup: ScoringSetup, criterion: Criterion, roles: list[str]) -> None:
    """Limit the criterion to these roles of the workspace's list (none: everyone); the
    first limit before any vote makes the consensus per criterion (`method_once_limited`)."""
    listed = {name_key(r): r for r in setup.role_weights_named}
    unknown = [r for r in roles if name_key(r) not in listed]
    if unknown:
        raise InvalidInput(
            "error.criterion_role_unknown",
            name=criterion.name,
            role=unknown[0],
            roles=", ".join(listed.values()) or "–",
        )
    db.execute(delete(CriterionRole).where(CriterionRole.criterion_id == criterion.id))
    chosen = dict.fromkeys(listed[name_key(r)] for r in roles)
    db.add_all(CriterionRole(criterion_id=criterion.id, role=r) for r in chosen)
    voted = db.exec(
        select(Vote.id)
        .join(Criterion, Criterion.id == Vote.criterion_id)
        .where(Criterion.workspace_id == criterion.workspace_id)
        .limit(1)
    ).first()
    setup.model.consensus_method = method_once_limited(setup, roles, voted is not None)
    db.add(setup.model)
    db.flush()


def update_scoring_model(
    *, db: Session, workspace_id: int, model_in: ScoringModelUpdate
) -> ScoringModel:
    model = load_scoring_setup(db=db, workspace_id=workspace_id).model
    for field, value in model_in.model_dump(exclude_none=True).items():
        setattr(model, field, value)
    db.add(model)
    db.flush()
    return model


def add_criterion(*, db: Session, workspace_id: int, criterion_in: CriterionCreate) -> Criterion:
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    _check_free(setup, criterion_in.name)
    last = db.exec(
        select(func.max(Criterion.position)).where(Criterion.workspace_id == workspace_id)
    ).one()
    criterion = Criterion(
        workspace_id=workspace_id,
        position=(last or 0) + 1,
        **criterion_in.model_dump(exclude={"roles"}),
    )
    db.add(criterion)
    db.flush()
    _set_roles(db, setup, criterion, criterion_in.roles)
    return criterion


def _check_free(setup: ScoringSetup, name: str, except_id: int | None = None) -> None:
    for criterion in setup.criteria:
        if criterion.id != except_id and name_key(criterion.name) == name_key(name):
            raise Conflict("error.name_taken", kind=KindName("criterion"), name=criterion.name)


def update_criterion(*, db: Session, criterion_id: int, criterion_in: CriterionCreate) -> Criterion:
    """Rename, reweigh or move a criterion to the other dimension."""
    criterion = db.get(Criterion, criterion_id)
    if criterion is None:
        raise NotFound("error.item_not_found", kind=KindName("criterion"), name=criterion_id)
    setup = load_scoring_setup(db=db, workspace_id=criterion.workspace_id)
    _check_free(setup, criterion_in.name, except_id=criterion_id)
    if criterion_in.dimension != criterion.dimension:
        _check_not_last(setup, criterion)
    for field, value in criterion_in.model_dump(exclude={"roles"}).items():
        setattr(criterion, field, value)
    db.add(criterion)
    db.flush()
    _set_roles(db, setup, criterion, criterion_in.roles)
    return criterion


def set_criterion_roles(*, db: Session, criterion_id: int, roles: list[str]) -> Criterion:
    """Limit a criterion to these roles of the workspace's list; none: everyone rates it."""
    criterion = db.get(Criterion, criterion_id)
    if criterion is None:
        raise NotFound("error.item_not_found", kind=KindName("criterion"), name=criterion_id)
    setup = load_scoring_setup(db=db, workspace_id=criterion.workspace_id)
    _set_roles(db, setup, criterion, roles)
    return criterion


def _check_not_last(setup: ScoringSetup, criterion: Criterion) -> None:
    if len(setup.criteria_of(criterion.dimension)) == 1:
        raise Conflict(
            "error.last_criterion", name=criterion.name, dimension=KindName(criterion.dimension)
        )


def remove_criterion(*, db: Session, criterion_id: int) -> None:
    """Remove a criterion nobody voted on, unless it is its dimension's last one."""
    criterion = db.get(Criterion, criterion_id)
    if criterion is None:
        raise NotFound("error.item_not_found", kind=KindName("criterion"), name=criterion_id)
    _check_not_last(load_scoring_setup(db=db, workspace_id=criterion.workspace_id), criterion)
    votes = db.exec(select(func.count()).where(Vote.criterion_id == criterion_id)).one()
    if votes:
        raise Conflict("error.criterion_voted", name=criterion.name, count=votes)
    db.execute(delete(Criterion).where(Criterion.id == criterion_id))


def set_role_weights(*, db: Session, workspace_id: int, weights_in: list[RoleWeightCreate]) -> None:
    """Replace the role weights (the workspace's list of roles); roles not listed count 1.
    A role a criterion is limited to stays listed until the criterion no longer is."""
    keys = [name_key(w.role) for w in weights_in]
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    for criterion in setup.criteria:
        gone = [r for r in setup.roles_of(criterion.id) if name_key(r) not in keys]
        if gone:
            raise Conflict("error.role_limits_criterion", role=gone[0], name=criterion.name)
    duplicate = next(
        (w.role for w, k in zip(weights_in, keys, strict=True) if keys.count(k) > 1), None
    )
    if duplicate:
        raise Conflict("error.name_taken", kind=KindName("role"), name=duplicate)
    db.execute(delete(RoleWeight).where(RoleWeight.workspace_id == workspace_id))
    db.add_all(
        RoleWeight(workspace_id=workspace_id, role=w.role, weight=w.weight) for w in weights_in
    )
    db.flush()
