"""The workspace document's schema: what a backup writes and a restore accepts, in one place.

Every field has its type, range and allowed values; text is cleaned by the rule every
write path uses (planner.core.text: no control characters, one line where the app keeps
one line), so what an older version stored restores; numbers are finite; names, keys and
codes are unique where the app needs them to be; everything refers to something the
document holds. A document that breaks a rule is refused with the path of the first bad
field ("sessions.0.rounds.1.status: ...").
Versions 1 (the demo's form: candidates without keys, needs by title) to 6 read.
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from planner.backup.merges import check_merges
from planner.core.errors import PlannerError
from planner.core.i18n import Language
from planner.core.text import text_field
from planner.delivery.signoff import Decision
from planner.delivery.workflow import EventKind, Status
from planner.journey.journey import JourneyKind
from planner.journey.naming import name_key
from planner.models.delivery import KPI_LIMIT
from planner.models.journey import DESCRIPTION_MAX, NAME_MAX, SHORT_TEXT_MAX, TITLE_MAX
from planner.models.own_pace import ERROR_MAX, KIND_MAX, URL_MAX, Email, Zone
from planner.models.scoring import COMMENT_MAX, REASON_MAX
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.consensus import ConsensusMethod, Dimension
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.scoring.own_pace import HOURS_MAX, MailStatus
from planner.scoring.scales import ScaleKey

FORMAT = "journey-roadmap-planner/workspace"
# 3: sign-off and commitments; 4: who recorded a sign-off answer, and whether the workspace
# allows answers on someone's behalf (an older app, which would drop both, refuses it);
# 5: due dates moved, in a commitment's history (kind "due", from_due, to_due)
# 6: own-pace sessions (due date, reminders, invitees, their mails), rounds' deadlines,
# and candidate merges with what their undo needs (planner.backup.merges)
VERSION = 6
MAX_CANDIDATES = 100_000  # per restored document
CHUNK = 2_000  # candidates checked at a time


class DocumentInvalid(PlannerError):
    """The file is not a workspace document this version can read."""


Name = text_field(NAME_MAX, min_length=1, name=True)
OptionalName = text_field(NAME_MAX, name=True)
Title = text_field(TITLE_MAX, min_length=1)
Short = text_field(SHORT_TEXT_MAX)
Text = text_field(max(DESCRIPTION_MAX, COMMENT_MAX, 4000), lines=True)
Label = text_field(12)  # a vote's answer as the scale shows it
Finite = Annotated[float, Field(allow_inf_nan=False, ge=-KPI_LIMIT, le=KPI_LIMIT)]
Score = Annotated[float, Field(allow_inf_nan=False, ge=0, le=10)]
Weight = Annotated[float, Field(allow_inf_nan=False, gt=0, le=100)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Key = Annotated[int, Field(ge=-(2**53), le=2**53)]


class Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)


class WorkspaceMeta(Part):
    name: Name
    description: Text = ""
    language: Language = Language.EN
    archived: bool = False
    signoff_on_behalf: bool = True  # facilitators may record sign-off answers in the room


class CandidateDoc(Part):
    key: Key
    title: Title
    description: Text = ""
    phase: Name
    channels: list[Name] = Field(min_length=1, max_length=100)
    persona: OptionalName | None = None
    proposer: Short = ""
    tags: list[Name] = Field(default=[], max_length=100)
    touchpoint: Short = ""
    channel_switch: bool = False
    pre_value: Score | None = None
    pre_effort: Score | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    needs: list[Key] = Field(default=[], max_length=1000)


class ScoringModelDoc(Part):
    scale: ScaleKey = ScaleKey.ONE_TO_FIVE
    consensus_method: ConsensusMethod = ConsensusMethod.MEDIAN
    disagreement: Annotated[float, Field(allow_inf_nan=False, ge=0, le=10)] = 0.25
    min_votes: Annotated[int, Field(ge=0, le=1000)] = 3


class CriterionDoc(Part):
    name: Name
    dimension: Dimension
    weight: Weight = 1.0
    roles: list[Name] = Field(default=[], max_length=50)  # rated by these roles only


class RoleWeightDoc(Part):
    role: Name
    weight: Weight


class StakeholderDoc(Part):
    name: Name
    role: OptionalName = ""
    created_at: datetime | None = None


class ParticipantDoc(Part):
    stakeholder: Name
    joined_at: datetime


class VoteDoc(Part):
    stakeholder: Name
    candidate_id: Key
    criterion: Name
    score: Score | None
    label: Label = ""
    updated_at: datetime


class CommentDoc(Part):
    stakeholder: Name
    candidate_id: Key
    comment: Text
    updated_at: datetime


class RoundDoc(Part):
    number: Annotated[int, Field(ge=1, le=1000)]
    status: RoundStatus
    opened_at: datetime
    deadline: datetime | None = None  # its time box; an own-pace round's due date
    revealed_at: datetime | None = None
    candidates: list[Key] = []
    votes: list[VoteDoc] = []
    comments: list[CommentDoc] = []


class OwnPaceDoc(Part):
    """A session scored at one's own pace (planner.store.scoring.own_pace)."""

    open_until: datetime
    reminder_hours: list[Annotated[int, Field(ge=1, le=HOURS_MAX)]] = Field(
        default=[], max_length=10
    )
    app_url: text_field(URL_MAX) = ""  # type: ignore[valid-type]
    timezone: Zone = "UTC"  # type: ignore[valid-type]
    created_at: datetime | None = None


class InviteeDoc(Part):
    stakeholder: Name
    email: Email  # type: ignore[valid-type]
    invited_at: datetime
    reminders_off_at: datetime | None = None  # opted out of reminders


class MailDoc(Part):
    """One row of the outbox: who was sent (or is to be sent) which mail."""

    stakeholder: Name
    kind: Annotated[str, Field(min_length=1, max_length=KIND_MAX, pattern=r"^[A-Za-z0-9-]+$")]
    status: MailStatus
    attempts: Count = 0
    last_error: text_field(ERROR_MAX) = ""  # type: ignore[valid-type]
    created_at: datetime
    sent_at: datetime | None = None


class SessionDoc(Part):
    name: Name
    code: Annotated[str, Field(min_length=4, max_length=12, pattern=r"^[A-Z0-9]+$")]
    status: SessionStatus
    created_at: datetime
    closed_at: datetime | None = None
    auto_advance: bool = True
    reveal_at_zero: bool = False
    reveal_when_done: bool = False
    comments_named: bool = False
    focus_queue: list[Key] | None = Field(default=None, max_length=100_000)
    participants: list[ParticipantDoc] = []
    rounds: list[RoundDoc] = []
    own_pace: OwnPaceDoc | None = None
    invitees: list[InviteeDoc] = []
    mails: list[MailDoc] = Field(default=[], max_length=100_000)


class OverrideDoc(Part):
    candidate_id: Key
    value: Score | None = None
    effort: Score | None = None
    reason: text_field(REASON_MAX, lines=True)  # type: ignore[valid-type]
    decided_by: Name
    decided_at: datetime


class PlanItemDoc(Part):
    candidate_id: Key
    pinned_period: Annotated[int, Field(ge=0, le=1000)] | None = None
    excluded: bool = False


class SignoffDoc(Part):
    stakeholder: Name
    decision: Decision
    comment: Text = ""
    decided_at: datetime
    recorded_by: Name | None = None  # None: the stakeholder's own answer


class VersionItemDoc(Part):
    position: Count
    candidate_id: Key | None = None
    rank: Count | None = None
    title: Title
    phase: Name
    channels: list[Name] = Field(default=[], max_length=100)
    value: Finite | None = None
    effort: Finite | None = None
    quadrant: OptionalName | None = None
    start_period: Count | None = None
    end_period: Count | None = None
    reason: Short | None = None
    load: dict[str, Finite] | None = None


class VersionDoc(Part):
    name: Name
    created_by: Name
    created_at: datetime
    settings: dict[str, Any]
    signoff_requested_at: datetime | None = None
    signoff_requested_by: OptionalName | None = None
    signoffs: list[SignoffDoc] = []
    items: list[VersionItemDoc] = []


class EventDoc(Part):
    kind: EventKind
    from_status: Status | None = None
    to_status: Status
    by: Name
    at: datetime
    comment: Text = ""
    from_due: date | None = None  # a due date moved: from this day
    to_due: date | None = None  # to this one

    @model_validator(mode="after")
    def _moves_name_both_days(self) -> "EventDoc":
        if (self.kind == EventKind.DUE) != (self.from_due is not None and self.to_due is not None):
            raise ValueError("a due date move (kind due) has from_due and to_due, and only it")
        return self


class CommitmentDoc(Part):
    version: Name
    candidate_id: Key | None = None
    title: Title
    phase: Name
    channels: list[Name] = Field(default=[], max_length=100)
    value: Finite | None = None
    effort: Finite | None = None
    owner: Name
    period: Count | None = None
    due: date
    kpi_name: Short
    kpi_baseline: Finite | None = None
    kpi_target: Finite | None = None
    kpi_result: Finite | None = None
    actual_effort: Annotated[float, Field(allow_inf_nan=False, ge=0, le=10)] | None = None
    learnings: Text = ""
    status: Status
    done_on: date | None = None
    rescore_requested_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    events: list[EventDoc] = []


def _unique(path: str, values, what: str, key=lambda v: v) -> None:
    """Refuse the second of two equal values (by `key`), naming where it is."""
    seen = set()
    for index, value in enumerate(values):
        if key(value) in seen:
            raise ValueError(f"{path}.{index}: {what} {value!r} appears twice")
        seen.add(key(value))


def _known(path: str, value, known, what: str) -> None:
    if value not in known:
        raise ValueError(f"{path}: {what} {value!r} is not in the document")


class AliasDoc(Part):
    kind: JourneyKind
    name: Name  # another name, read as `target` by imports
    target: Name


Row = dict[str, Any]


class SnapshotDoc(Part):
    """What a merge's undo puts back, in the document's terms (planner.backup.merges)."""

    candidates: list[Row] = Field(default=[], max_length=1000)
    rows: dict[str, list[Row]] = Field(default={}, max_length=50)
    pointers: dict[str, list[Row]] = Field(default={}, max_length=50)
    focus: dict[str, list[Key]] = Field(default={}, max_length=1000)


class MergeDoc(Part):
    kept: Key  # the candidate kept (deleted since: not in the document)
    kept_title: Title
    merged_titles: list[Title] = Field(min_length=1, max_length=1000)
    actor: Name
    merged_at: datetime
    undone_at: datetime | None = None
    undone_by: OptionalName | None = None
    snapshot: SnapshotDoc = SnapshotDoc()  # empty: not undoable (undone, say)


class WorkspaceDocument(Part):
    """A whole workspace: journey, candidates, scoring, sessions, votes, roadmap, delivery."""

    format: Literal["journey-roadmap-planner/workspace"]
    version: Annotated[int, Field(ge=1, le=VERSION)] = 1
    workspace: WorkspaceMeta
    phases: list[Name] = Field(min_length=1, max_length=1000)
    channels: list[Name] = Field(min_length=1, max_length=1000)
    personas: list[Name] = Field(default=[], max_length=1000)
    aliases: list[AliasDoc] = Field(default=[], max_length=3000)
    candidates: list[CandidateDoc] = Field(default=[], max_length=MAX_CANDIDATES)
    scoring_model: ScoringModelDoc | None = None
    criteria: list[CriterionDoc] = Field(default=[], max_length=100)
    role_weights: list[RoleWeightDoc] = Field(default=[], max_length=1000)
    stakeholders: list[StakeholderDoc] = []
    sessions: list[SessionDoc] = []
    overrides: list[OverrideDoc] = []
    plan: RoadmapSettings | None = None
    plan_items: list[PlanItemDoc] = []
    versions: list[VersionDoc] = []
    commitments: list[CommitmentDoc] = []
    merges: list[MergeDoc] = Field(default=[], max_length=100_000)

    def _check_aliases(self) -> None:
        """Each alias stands for a name of its kind and is not one itself; one per name."""
        _unique("aliases", self.aliases, "alias", lambda a: (a.kind, name_key(a.name)))
        for i, alias in enumerate(self.aliases):
            names = getattr(self, f"{alias.kind}s")
            _known(f"aliases.{i}.target", alias.target, set(names), alias.kind)
            if name_key(alias.name) in {name_key(n) for n in names}:
                raise ValueError(f"aliases.{i}.name: {alias.name!r} is a {alias.kind} itself")

    def check_consistent(self) -> None:
        """Unique names and keys, references that resolve; `ValueError` names the path
        of the first that does not ("sessions.0.rounds.1.votes.3.stakeholder: ...")."""
        for what, names in (
            ("phase", self.phases),
            ("channel", self.channels),
            ("persona", self.personas),
        ):
            _unique(f"{what}s", names, what, name_key)
        self._check_aliases()
        _unique("candidates", [c.key for c in self.candidates], "candidate key")
        keys = {c.key for c in self.candidates}
        phases, channels = set(self.phases), set(self.channels)
        personas = set(self.personas)
        for i, c in enumerate(self.candidates):
            at = f"candidates.{i}"
            _known(f"{at}.phase", c.phase, phases, "phase")
            for j, channel in enumerate(c.channels):
                _known(f"{at}.channels.{j}", channel, channels, "channel")
            if c.persona:
                _known(f"{at}.persona", c.persona, personas, "persona")
            for j, needed in enumerate(c.needs):
                _known(f"{at}.needs.{j}", needed, keys, "needed candidate")
        _unique("criteria", [c.name for c in self.criteria], "criterion", name_key)
        _unique("stakeholders", [s.name for s in self.stakeholders], "stakeholder", name_key)
        _unique("sessions", [s.code for s in self.sessions], "session code")
        _unique("versions", [v.name for v in self.versions], "version")
        people = {s.name for s in self.stakeholders}
        criteria = {c.name for c in self.criteria}
        roles = {r.role for r in self.role_weights}
        for i, c in enumerate(self.criteria):
            for j, role in enumerate(c.roles):
                _known(f"criteria.{i}.roles.{j}", role, roles, "role")
        for i, session in enumerate(self.sessions):
            at = f"sessions.{i}"
            _unique(f"{at}.rounds", [r.number for r in session.rounds], "round number")
            for j, c in enumerate(session.focus_queue or ()):
                _known(f"{at}.focus_queue.{j}", c, keys, "candidate key")
            for j, p in enumerate(session.participants):
                _known(f"{at}.participants.{j}.stakeholder", p.stakeholder, people, "stakeholder")
            for j, r in enumerate(session.rounds):
                here = f"{at}.rounds.{j}"
                for k, c in enumerate(r.candidates):
                    _known(f"{here}.candidates.{k}", c, keys, "candidate key")
                for k, v in enumerate(r.votes):
                    _known(f"{here}.votes.{k}.stakeholder", v.stakeholder, people, "stakeholder")
                    _known(f"{here}.votes.{k}.candidate_id", v.candidate_id, keys, "candidate")
                    if criteria:
                        _known(f"{here}.votes.{k}.criterion", v.criterion, criteria, "criterion")
                for k, note in enumerate(r.comments):
                    _known(
                        f"{here}.comments.{k}.stakeholder", note.stakeholder, people, "stakeholder"
                    )
                    _known(
                        f"{here}.comments.{k}.candidate_id", note.candidate_id, keys, "candidate"
                    )
            self._check_own_pace(at, session, people)
        for i, o in enumerate(self.overrides):
            _known(f"overrides.{i}.candidate_id", o.candidate_id, keys, "candidate key")
        for i, p in enumerate(self.plan_items):
            _known(f"plan_items.{i}.candidate_id", p.candidate_id, keys, "candidate key")
        _unique("plan_items", [p.candidate_id for p in self.plan_items], "plan item")
        versions = {v.name for v in self.versions}
        for i, v in enumerate(self.versions):
            for j, signoff in enumerate(v.signoffs):
                _known(
                    f"versions.{i}.signoffs.{j}.stakeholder",
                    signoff.stakeholder,
                    people,
                    "stakeholder",
                )
            _unique(f"versions.{i}.items", [item.position for item in v.items], "item position")
        for i, c in enumerate(self.commitments):
            _known(f"commitments.{i}.version", c.version, versions, "version")
        self._check_merges(keys, people, criteria)

    @staticmethod
    def _check_own_pace(at: str, session: SessionDoc, people: set[str]) -> None:
        """Invitees and mails name stakeholders, once each (mails once per kind), and
        belong to an own-pace session."""
        if session.own_pace is None and (session.invitees or session.mails):
            raise ValueError(f"{at}.invitees: only an own-pace session (own_pace) has them")
        _unique(f"{at}.invitees", [p.stakeholder for p in session.invitees], "invitee")
        _unique(f"{at}.mails", [(m.stakeholder, m.kind) for m in session.mails], "mail")
        for j, p in enumerate(session.invitees):
            _known(f"{at}.invitees.{j}.stakeholder", p.stakeholder, people, "stakeholder")
        for j, m in enumerate(session.mails):
            _known(f"{at}.mails.{j}.stakeholder", m.stakeholder, people, "stakeholder")

    def _check_merges(self, keys: set[int], people: set[str], criteria: set[str]) -> None:
        known = {
            "candidate": keys,
            "stakeholder": people,
            "criterion": criteria,
            "phase": set(self.phases),
            "channel": set(self.channels),
            "persona": set(self.personas),
            "roadmap_version": {v.name for v in self.versions},
            "scoring_session": {s.code for s in self.sessions},
            "scoring_round": {(s.code, r.number) for s in self.sessions for r in s.rounds},
            "commitment": set(range(len(self.commitments))),
        }
        check_merges((m.model_dump(mode="json") for m in self.merges), known)


def _where(location: tuple) -> str:
    return ".".join(str(part) for part in location) or "document"


def _keyed(raw: dict) -> dict:
    """Version 1 (the demo's form): candidates get their index as key, needs by title."""
    items = raw.get("candidates")
    if raw.get("version", 1) != 1 or not isinstance(items, list):
        return raw
    if not all(isinstance(item, dict) for item in items):
        return raw
    by_title = {item.get("title"): index for index, item in enumerate(items)}
    keyed = [
        {**item, "key": index, "needs": [by_title.get(t, t) for t in item.get("needs", [])]}
        for index, item in enumerate(items)
    ]
    return {**raw, "candidates": keyed}


def _refused(error: ValidationError, offset: int = 0, prefix: tuple = ()) -> DocumentInvalid:
    first = error.errors(include_url=False)[0]
    location = first["loc"]
    if prefix and location and isinstance(location[0], int):
        location = (location[0] + offset, *location[1:])
    detail = f"{_where((*prefix, *location))}: {first['msg']}"
    return DocumentInvalid("error.document_invalid", detail=detail[:300])


def parse_document(raw: Any) -> WorkspaceDocument:
    """`raw` (a document read from JSON) checked against the schema; `DocumentInvalid`
    naming the path of the first bad field otherwise.

    Candidates are checked CHUNK at a time: the validator holds Python's lock while it
    runs, and a vote's request on another thread must not wait for 100,000 of them.
    """
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DocumentInvalid("error.document_invalid", detail=f"format is not {FORMAT}")
    version = raw.get("version", 1)
    if not isinstance(version, int) or not 1 <= version <= VERSION:
        raise DocumentInvalid(
            "error.document_invalid", detail=f"version {version!r} is not 1 to {VERSION}"
        )
    raw = _keyed(raw)
    items = raw.get("candidates", [])
    if not isinstance(items, list):
        items = []
        rest = raw  # the model names what is wrong with it
    else:
        rest = {**raw, "candidates": []}
        if len(items) > MAX_CANDIDATES:
            raise DocumentInvalid(
                "error.document_invalid",
                detail=f"candidates: List should have at most {MAX_CANDIDATES} items",
            )
    try:
        document = WorkspaceDocument.model_validate(rest)
        candidates: list[CandidateDoc] = []
        for start in range(0, len(items), CHUNK):
            try:
                candidates += _CANDIDATES.validate_python(items[start : start + CHUNK])
            except ValidationError as error:
                raise _refused(error, start, ("candidates",)) from None
        document.candidates = candidates
        document.check_consistent()
    except ValidationError as error:
        raise _refused(error) from None
    except ValueError as error:  # the checks across the document
        raise DocumentInvalid("error.document_invalid", detail=str(error)[:300]) from None
    except RecursionError:
        raise DocumentInvalid("error.document_invalid", detail="nested too deeply") from None
    return document


_CANDIDATES = TypeAdapter(list[CandidateDoc])
