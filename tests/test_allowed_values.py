"""Every list of allowed values is one StrEnum in its domain module, and the models, the
CLI and the catalog all take it from there."""

import json
import re
from datetime import date
from typing import get_args

import pytest

from planner.access.demo_access import DEMO_SETTING, DemoSetting, demo_setting
from planner.access.roles import ACTIONS, MENUS, ROLES, STAKEHOLDER_PAGES, Role, menu
from planner.backup.schema import (
    AliasDoc,
    CriterionDoc,
    EventDoc,
    RoundDoc,
    ScoringModelDoc,
    SessionDoc,
    WorkspaceMeta,
)
from planner.cli import _parser
from planner.core.i18n import LANGUAGES, Language, catalog
from planner.delivery.signoff import Decision
from planner.delivery.workflow import INITIAL, OPEN, STATUSES, TRANSITIONS, EventKind, Status
from planner.journey.journey import JourneyKind
from planner.journey.templates import TEMPLATES, Template
from planner.models import (
    CalibrationReference,
    Commitment,
    CommitmentCreate,
    CommitmentEvent,
    Criterion,
    ImportAlias,
    OutboxMail,
    RoadmapPlan,
    ScoringModel,
    ScoringModelUpdate,
    ScoringRound,
    ScoringSession,
    SignInRecord,
    Signoff,
    SQLModel,
    StatusChange,
    Workspace,
    WorkspaceCreate,
)
from planner.models.columns import EnumText
from planner.roadmap.build import Change
from planner.roadmap.periods import LENGTHS, PeriodKind
from planner.roadmap.quadrants import QUADRANTS, Quadrant, ThresholdMode
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.answers import DONT_KNOW
from planner.scoring.consensus import ConsensusMethod, Dimension, Source
from planner.scoring.lifecycle import (
    ROUND_TRANSITIONS,
    SESSION_TRANSITIONS,
    RoundStatus,
    SessionStatus,
)
from planner.scoring.own_pace import MailStatus
from planner.scoring.scales import ScaleKey
from planner.store.journey.aliases import KINDS as ALIAS_KINDS
from planner.store.journey.dimensions import MODELS as DIMENSION_MODELS
from tests.conftest import ROOT

LABELS = {  # catalog key of each member's label
    Strategy: "strategy.{}",
    PeriodKind: "period.{}",
    ThresholdMode: "matrix.lines_{}",
    Template: "template.{}",
    ConsensusMethod: "consensus.{}",
    Status: "status.{}",
    Quadrant: "quadrant.{}",
    Dimension: "field.{}",
    ScaleKey: "scale.{}",
    Decision: "signoff.{}",
    SessionStatus: "session.status_{}",
    RoundStatus: "round.{}",
    Role: "role.{}",
    JourneyKind: "kind.{}",
    Source: "source.{}",
    Change: "change.{}",
}


@pytest.mark.parametrize("enum", LABELS, ids=lambda e: e.__name__)
def test_every_value_has_a_label_in_every_language(enum):
    missing = [
        (lang, key)
        for lang in LANGUAGES
        for key in (LABELS[enum].format(member) for member in enum)
        if key not in catalog(lang)
    ]
    assert missing == []


def test_the_models_take_their_values_from_the_enums():
    fields = RoadmapSettings.model_fields
    assert fields["strategy"].annotation is Strategy
    assert fields["period_kind"].annotation is PeriodKind
    assert fields["threshold_mode"].annotation is ThresholdMode
    assert WorkspaceCreate.model_fields["template"].annotation is Template
    assert StatusChange.model_fields["status"].annotation is Status
    method = ScoringModelUpdate.model_fields["consensus_method"].annotation
    assert ConsensusMethod in get_args(method)
    assert set(get_args(CommitmentCreate.model_fields["status"].annotation)) == set(INITIAL)


@pytest.mark.parametrize(
    ("model", "field", "enum"),
    [
        (ScoringSession, "status", SessionStatus),
        (ScoringRound, "status", RoundStatus),
        (SessionDoc, "status", SessionStatus),
        (RoundDoc, "status", RoundStatus),
        (Commitment, "status", Status),
        (CommitmentEvent, "to_status", Status),
        (CommitmentEvent, "from_status", Status),
        (Signoff, "decision", Decision),
        (OutboxMail, "status", MailStatus),
        (ScoringModel, "scale", ScaleKey),
        (ScoringModel, "consensus_method", ConsensusMethod),
        (ScoringModelDoc, "scale", ScaleKey),
        (ScoringModelDoc, "consensus_method", ConsensusMethod),
        (Criterion, "dimension", Dimension),
        (CriterionDoc, "dimension", Dimension),
        (CalibrationReference, "dimension", Dimension),
        (RoadmapPlan, "strategy", Strategy),
        (RoadmapPlan, "period_kind", PeriodKind),
        (RoadmapPlan, "threshold_mode", ThresholdMode),
        (CommitmentEvent, "kind", EventKind),
        (EventDoc, "kind", EventKind),
        (ImportAlias, "kind", JourneyKind),
        (AliasDoc, "kind", JourneyKind),
        (Workspace, "language", Language),
        (WorkspaceMeta, "language", Language),
        (SignInRecord, "lang", Language),
    ],
)
def test_every_closed_field_is_typed_by_its_enum(model, field, enum):
    """Tables, backup schema alike; a table keeps the value as its string."""
    annotation = model.model_fields[field].annotation
    assert annotation is enum or set(get_args(annotation)) == {enum, type(None)}
    column = getattr(model, "__table__", None)
    if column is not None:
        assert column.c[field].type.enum is enum
        assert column.c[field].type.impl.python_type is str


# Text columns whose values are no closed set, though their names suggest one.
OPEN_TEXT = {("outbox_mail", "kind")}  # 'reminder-48h', 'r2-nudge-...' (scoring.own_pace)
CLOSED_NAMES = re.compile(r"status|kind|dimension|scale|strategy|mode|method|lang|decision")


def test_no_table_keeps_a_closed_value_as_bare_text():
    """A column named like a list of allowed values holds its enum (EnumText)."""
    bare = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        if CLOSED_NAMES.search(column.name)
        and not isinstance(column.type, EnumText)
        and (table.name, column.name) not in OPEN_TEXT
        and column.type.python_type is str
    ]
    assert bare == []


def test_the_domain_tables_cover_every_value():
    assert set(DIMENSION_MODELS) == set(JourneyKind) and tuple(JourneyKind) == ALIAS_KINDS
    assert set(LENGTHS) == set(PeriodKind)
    assert set(TEMPLATES) == set(Template)
    assert set(TRANSITIONS) == set(Status) and tuple(Status) == STATUSES
    assert OPEN | {Status.DONE, Status.DROPPED} == set(Status)
    assert tuple(Quadrant) == QUADRANTS
    assert set(SESSION_TRANSITIONS) == set(SessionStatus)
    assert set(ROUND_TRANSITIONS) == set(RoundStatus)


def test_the_cli_offers_the_same_values():
    commands = _parser()._subparsers._group_actions[0].choices
    options = {a.dest: a for a in commands["roadmap"]._actions}
    assert list(options["strategy"].choices) == list(Strategy)
    assert list(options["period"].choices) == list(PeriodKind)
    listing = {a.dest: a for a in commands["commitments"]._actions}
    assert list(listing["status"].choices) == list(Status)
    assert list(options["lang"].choices) == list(Language)


def js_constant(path: str, name: str) -> str:
    """The string a `const NAME = "...";` of a script under planner/ui holds."""
    script = ROOT.joinpath("planner", "ui", path).read_text(encoding="utf-8")
    found = re.findall(rf'^const {name} = "([^"]*)";', script, re.MULTILINE)
    assert len(found) == 1, f"{path} defines {name} {len(found)} times"
    return found[0]


def js_array(path: str, name: str) -> list[str]:
    """The strings a `const NAME = ["...", ...];` of a script under planner/ui holds."""
    script = ROOT.joinpath("planner", "ui", path).read_text(encoding="utf-8")
    found = re.findall(rf"^const {name} = (\[[^\]]*\]);", script, re.MULTILINE)
    assert len(found) == 1, f"{path} defines {name} {len(found)} times"
    return json.loads(found[0])


def test_the_ballot_script_writes_dont_know_as_python_reads_it():
    assert js_constant("scoring/ballot.js", "DONT_KNOW") == DONT_KNOW


def test_the_ballot_script_shows_the_dimensions_python_has():
    assert js_array("scoring/ballot.js", "DIMENSIONS") == list(Dimension)


def test_roles_and_the_pages_each_sees_are_defined_once():
    from planner.ui.page_files import PAGE_FILES

    assert tuple(Role) == ROLES
    assert all(roles <= set(Role) for roles in ACTIONS.values())
    assert set(MENUS) == {None, *(r for r in Role if r != Role.STAKEHOLDER)}
    listed = {key for sections in MENUS.values() for keys in sections.values() for key in keys}
    assert listed | set(STAKEHOLDER_PAGES) | {"presenter"} == set(PAGE_FILES)
    sections = {section for sections in MENUS.values() for section in sections}
    missing = [
        (lang, section)
        for lang in LANGUAGES
        for section in sections
        if f"nav.section_{section}" not in catalog(lang)
    ]
    assert missing == []
    # a facilitator joins as a stakeholder to vote; a link sees no setup
    assert "vote" not in {key for keys in menu("facilitator").values() for key in keys}
    assert "session" not in {key for keys in menu("owner").values() for key in keys}


def test_the_roadmap_defaults_are_the_settings_ones_everywhere():
    from planner.models import RoadmapPlan
    from planner.roadmap.settings import parse_capacities

    settings = RoadmapSettings(start=date(2027, 1, 1))
    plan = RoadmapPlan.model_fields
    assert plan["periods"].default == settings.periods
    assert plan["time_limit"].default == settings.time_limit
    commands = _parser()._subparsers._group_actions[0].choices
    options = {a.dest: a for a in commands["roadmap"]._actions}
    assert options["periods"].default == settings.periods
    assert options["time_limit"].default == settings.time_limit
    assert set(parse_capacities(options["capacity"].default)) == set(settings.capacities)


def test_the_settings_limits_are_the_core_ones():
    from planner.core.limits import PERIODS_MAX, TIME_LIMIT_MAX

    fields = RoadmapSettings.model_fields
    assert {m.le for m in fields["periods"].metadata if hasattr(m, "le")} == {PERIODS_MAX}
    assert {m.le for m in fields["time_limit"].metadata if hasattr(m, "le")} == {TIME_LIMIT_MAX}


def test_the_pages_type_no_limit_as_a_number():
    """Every max_chars= names its limit (planner.core.limits): none is typed again."""
    typed = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ROOT.joinpath("planner", "ui").rglob("*.py")
        for number in re.findall(r"max_chars=(\d+)", path.read_text(encoding="utf-8"))
    ]
    assert typed == []


def test_the_demo_settings_are_one_enum_and_documented():
    docs = (ROOT / "docs" / "deployment" / "configuration.md").read_text(encoding="utf-8")
    for setting in DemoSetting:
        assert demo_setting({DEMO_SETTING: setting.value.upper()}) is setting
        assert f"`{setting.value}`" in docs
