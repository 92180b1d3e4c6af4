"""Every file a workspace can be downloaded as, made from the database in one place: the
roadmap's exports, the JSON backup and the hand-off files. The CLI's `export` and the
app's download route (planner.ui.downloads) both call `workspace_file`."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session

from planner.backup.export import dump_workspace
from planner.core.errors import NotFound
from planner.delivery import handoff
from planner.exports import FILE_FORMATS
from planner.exports.content import export_content
from planner.exports.formats import EXPORT_FORMATS, MIME
from planner.models import RoadmapVersion
from planner.store.delivery.commitments import handoff_items
from planner.store.journey.workspaces import get_workspace

HANDOFF_MIME = {"jira": "text/csv", "azure": "text/csv", "ics": "text/calendar"}
FORMATS = FILE_FORMATS  # the roadmap exports (json: the backup), then the hand-off's


@dataclass(frozen=True)
class FileRequest:
    fmt: str  # a key of FORMATS
    version_id: int | None = None  # a saved roadmap version, else the working roadmap
    chart: str = "matrix"  # with png and svg: "matrix" or "timeline"
    lang: str = "en"  # of the hand-off files
    owner: str | None = None  # with ics: only this owner's due dates

    @property
    def mime(self) -> str:
        return HANDOFF_MIME.get(self.fmt) or MIME[self.fmt]


def workspace_file(
    *, db: Session, workspace_id: int, request: FileRequest, today: date, now: datetime
) -> bytes:
    """The file `request` names, of the workspace `workspace_id` (a version of another
    workspace is not found)."""
    fmt = request.fmt
    if request.version_id is not None:
        version = db.get(RoadmapVersion, request.version_id)
        if version is None or version.workspace_id != workspace_id:
            raise NotFound("error.version_not_found", name=request.version_id)
    if fmt in handoff.FORMATS:
        items = handoff_items(db=db, workspace_id=workspace_id)
        if fmt == "jira":
            return handoff.jira_csv(items, request.lang)
        if fmt == "azure":
            return handoff.azure_csv(items, request.lang)
        name = get_workspace(db=db, workspace_id=workspace_id).name
        return handoff.calendar(items, name, request.lang, now, request.owner)
    if fmt == "json":
        document = dump_workspace(db=db, workspace_id=workspace_id)
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    content = export_content(
        db=db,
        workspace_id=workspace_id,
        today=today,
        version_id=request.version_id,
        chances=fmt == "xlsx",
    )
    return EXPORT_FORMATS[fmt](content, request.chart)
