"""What a download holds: the roadmap (current or a version), matrix, votes, candidates."""

from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from sqlmodel import Session

from planner.core import dates
from planner.core.i18n import t
from planner.core.numbers import number_list, one_decimal
from planner.delivery.signoff import signoff_table
from planner.models import Workspace
from planner.roadmap.build import Roadmap
from planner.roadmap.certainty import quadrant_chances
from planner.roadmap.matrix import matrix_points
from planner.roadmap.table import roadmap_table
from planner.store.delivery.commitments import latest_commitments
from planner.store.delivery.signoff import SignoffStatus, signoff_status
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import get_workspace
from planner.store.roadmap.roadmap_plan import working_roadmap
from planner.store.roadmap.versions import get_version, open_version
from planner.store.scoring.consensus import latest_votes, workspace_consensus, workspace_resampled
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import stakeholder_names
from planner.store.scoring.transcript import revealed_comments, revealed_votes


@dataclass
class ExportContent:
    workspace: Workspace
    lang: str
    roadmap: Roadmap
    version: str | None  # None: the working roadmap
    generated: datetime
    candidates: pd.DataFrame
    consensus: pd.DataFrame
    votes: pd.DataFrame  # revealed votes: stakeholder, role, candidate_id, criterion_id, score
    criteria: dict[int, str] = field(default_factory=dict)
    commitments: pd.DataFrame | None = None  # candidate_id, owner, status
    # The working roadmap's chance of each quadrant per candidate (resampling the
    # stakeholders), when asked for: a version is as it was saved.
    chances: pd.DataFrame | None = None
    # Every revealed round: the votes with the answer as chosen, and the comments, with
    # the stakeholder's name (planner.store.scoring.transcript).
    transcript: pd.DataFrame = field(default_factory=pd.DataFrame)
    comments: pd.DataFrame = field(default_factory=pd.DataFrame)
    # A version up for sign-off: who asked and when, and every stakeholder's answer, each
    # saying who entered it (the stakeholder, or a facilitator in the room).
    signoff_requested: tuple[str, datetime] | None = None
    signoff: SignoffStatus | None = None

    def t(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    @property
    def title(self) -> str:
        return self.workspace.name

    def roadmap_table(self) -> pd.DataFrame:
        titles = dict(zip(self.candidates["id"], self.candidates["title"], strict=True))
        return roadmap_table(self.roadmap, self.lang, titles, self.commitments)

    def signoff_table(self) -> pd.DataFrame | None:
        """The sign-off answers as a table for people (None: not up for sign-off)."""
        return None if self.signoff is None else signoff_table(self.signoff.answers, self.lang)

    def signoff_summary(self) -> list[str]:
        """Who asked for sign-off when, how many approved, how many were recorded in the room."""
        if self.signoff is None or self.signoff_requested is None:
            return []
        by, at = self.signoff_requested
        status = self.signoff
        lines = [
            self.t("signoff.requested_by", by=by, at=dates.moment(at, self.lang)),
            self.t("signoff.approved", approved=status.approved, total=status.total),
        ]
        if status.in_the_room:
            lines.append(self.t("signoff.in_the_room", count=status.in_the_room))
        return lines

    def matrix_points(self) -> pd.DataFrame:
        return matrix_points(self.candidates, self.consensus, self.roadmap.thresholds)

    def settings(self) -> list[tuple[str, object]]:
        """(label, value) rows describing how the roadmap was made."""
        settings = self.roadmap.settings
        return [
            (self.t("field.workspace"), self.workspace.name),
            (self.t("export.version"), self.version or self.t("export.working_roadmap")),
            (self.t("export.generated"), self.generated.replace(tzinfo=None)),
            (self.t("field.strategy"), self.t(f"strategy.{settings.strategy}")),
            (self.t("field.period_kind"), self.t(f"period.{settings.period_kind}")),
            (self.t("field.periods"), settings.periods),
            (self.t("field.start"), settings.start),
            (self.t("field.capacities"), number_list(settings.capacities, self.lang)),
            (self.t("export.value_line"), round(self.roadmap.thresholds.value, 2)),
            (self.t("export.effort_line"), round(self.roadmap.thresholds.effort, 2)),
        ]


def as_text(value: object, lang: str) -> str:
    """A cell or a setting as people read it in `lang` (Markdown, PDF): numbers "7,5",
    dates "1 okt 2026", moments "1 okt 2026 14:05", nothing for a missing value."""
    if pd.api.types.is_scalar(value) and pd.isna(value):  # None, NaN, NaT, NA
        return ""
    if isinstance(value, datetime):
        return dates.moment(value, lang)
    if isinstance(value, date):
        return dates.day(value, lang)
    if isinstance(value, float):
        return one_decimal(value, lang)
    return str(value)


def export_content(
    *,
    db: Session,
    workspace_id: int,
    today: date,
    lang: str | None = None,
    version_id: int | None = None,
    chances: bool = False,
) -> ExportContent:
    """Everything a download shows, in the workspace's language unless `lang` is given;
    with `chances`, how sure each candidate's quadrant is (the Excel *Matrix* sheet)."""
    workspace = get_workspace(db=db, workspace_id=workspace_id)
    requested: tuple[str, datetime] | None = None
    signoff: SignoffStatus | None = None
    if version_id is None:
        working = working_roadmap(db=db, workspace_id=workspace_id, today=today)
        candidates, consensus = working.candidates, working.consensus
        roadmap, version = working.roadmap, None
    else:  # a saved version is opened, not made again (the best plan may take seconds)
        candidates = candidate_frame(db=db, workspace_id=workspace_id)
        consensus = workspace_consensus(db=db, workspace_id=workspace_id)
        roadmap = open_version(db=db, version_id=version_id)
        saved = get_version(db=db, version_id=version_id)
        version = saved.name
        if saved.signoff_requested_at is not None:
            requested = (saved.signoff_requested_by or "", saved.signoff_requested_at)
            signoff = signoff_status(db=db, version_id=version_id)
    votes = latest_votes(db=db, workspace_id=workspace_id)
    names = stakeholder_names(db=db, workspace_id=workspace_id)
    transcript = revealed_votes(db=db, workspace_id=workspace_id)
    comments = revealed_comments(db=db, workspace_id=workspace_id)
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    return ExportContent(
        workspace=workspace,
        lang=lang or workspace.language,
        roadmap=roadmap,
        version=version,
        generated=datetime.now().astimezone(),
        candidates=candidates,
        consensus=consensus,
        votes=votes.assign(stakeholder=votes["stakeholder_id"].map(names)),
        transcript=transcript.assign(stakeholder=transcript["stakeholder_id"].map(names)),
        comments=comments.assign(stakeholder=comments["stakeholder_id"].map(names)),
        criteria={c.id: c.name for c in setup.criteria},
        commitments=latest_commitments(db=db, workspace_id=workspace_id, version_id=version_id),
        chances=quadrant_chances(
            workspace_resampled(db=db, workspace_id=workspace_id, settled=consensus),
            roadmap.settings.threshold_mode,
        )
        if chances and version_id is None
        else None,
        signoff_requested=requested,
        signoff=signoff,
    )
