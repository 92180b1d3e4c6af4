"""A backup carries own-pace rounds (due date, reminders, auto-reveal, invitees, who was
sent what, opt-outs) and the merge history: restored into a fresh database, the merge's
undo works and `remind` sends nothing that was sent already."""

import json
import re
import shutil
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_in_batches, restore_workspace
from planner.backup.schema import DocumentInvalid
from planner.cli import main
from planner.core.db import make_engine, reading, writing
from planner.models import (
    BallotComment,
    Candidate,
    CandidateChannel,
    Channel,
    Criterion,
    Dependency,
    InviteeCreate,
    OwnPaceCreate,
    RoundCandidate,
    ScoringRound,
    ScoringSession,
    SessionCreate,
    Stakeholder,
    Vote,
)
from planner.reminders import remind
from planner.store.journey.merges import merge_candidates, recent_merges, undo_merge
from planner.store.journey.workspaces import list_workspaces
from planner.store.roadmap.dependencies import add_dependencies
from planner.store.scoring.own_pace import (
    invite,
    invitees,
    nudge_by_mail,
    open_own_pace,
    stop_reminders,
)
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session, reveal_round
from planner.store.scoring.stakeholders import stakeholder_by_link
from planner.store.scoring.votes import set_comment
from tests.factories import add_candidate, join, make_journey, vote_all
from tests.smtp_server import smtp_server_fixture  # noqa: F401
from tests.store.scoring.test_own_pace import APP, START, _smtp

pytestmark = pytest.mark.storage
DUE = START + timedelta(days=3)
H = timedelta(hours=1)
V6 = ("merges", "own_pace", "invitees", "mails", "deadline")


@pytest.fixture(name="fresh_engine")
def fresh_engine_fixture(request, tmp_path, postgres):
    """A second migrated database, empty: where the backup is restored."""
    if postgres is None:
        path = tmp_path / "fresh.db"
        shutil.copy(request.getfixturevalue("migrated_file"), path)
        url = f"sqlite:///{path}"
    else:
        server, admin = postgres
        name = f"fresh_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE planner_template")
        url = server.url(name)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    if postgres is not None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def merge_state(db, workspace_id: int) -> dict:
    """What a merge changes, by titles and names (ids differ between databases); rounds
    of the live session only (the own-pace one opens after the merge)."""
    titles = dict(
        db.execute(
            select(Candidate.id, Candidate.title).where(Candidate.workspace_id == workspace_id)
        ).all()
    )
    names = dict(
        db.execute(
            select(Stakeholder.id, Stakeholder.name).where(Stakeholder.workspace_id == workspace_id)
        ).all()
    )
    criteria = dict(
        db.execute(
            select(Criterion.id, Criterion.name).where(Criterion.workspace_id == workspace_id)
        ).all()
    )
    rounds = {
        r: (s, n)
        for r, s, n in db.execute(
            select(ScoringRound.id, ScoringSession.name, ScoringRound.number)
            .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
            .where(ScoringSession.workspace_id == workspace_id, ScoringSession.name == "Workshop")
        )
    }
    ids = list(titles)
    return {
        "candidates": sorted(
            (
                c.title,
                c.description,
                tuple(
                    sorted(
                        db.scalars(
                            select(Channel.name)
                            .join(CandidateChannel, CandidateChannel.channel_id == Channel.id)
                            .where(CandidateChannel.candidate_id == c.id)
                        )
                    )
                ),
            )
            for c in db.scalars(select(Candidate).where(Candidate.id.in_(ids)))
        ),
        "votes": sorted(
            (titles[v.candidate_id], names[v.stakeholder_id], criteria[v.criterion_id], v.score)
            for v in db.scalars(select(Vote).where(Vote.candidate_id.in_(ids)))
        ),
        "comments": sorted(
            (titles[c.candidate_id], names[c.stakeholder_id], c.comment)
            for c in db.scalars(select(BallotComment).where(BallotComment.candidate_id.in_(ids)))
        ),
        "rounds": sorted(
            (titles[c], rounds[r])
            for r, c in db.execute(
                select(RoundCandidate.round_id, RoundCandidate.candidate_id).where(
                    RoundCandidate.candidate_id.in_(ids), RoundCandidate.round_id.in_(list(rounds))
                )
            )
        ),
        "needs": sorted(
            (titles[c], titles[n])
            for c, n in db.execute(
                select(Dependency.candidate_id, Dependency.needs_id).where(
                    Dependency.candidate_id.in_(ids)
                )
            )
        ),
    }


@pytest.fixture(name="workspace")
def workspace_fixture(engine, smtp_server):
    """A workspace with a merge (Idea 1 into Idea 0, scored and commented in a revealed
    round) and an own-pace session on Idea 2 and Idea 3: Cas, Dee and Fay invited, the
    invitations and Cas's 48-hour reminder sent, Dee opted out, Fay invited late (her
    invitation still waiting) and a nudge to everyone still waiting.
    Returns (workspace id, the state before the merge, the inbox)."""
    inbox, port = smtp_server
    with writing(engine) as db:
        journey = make_journey(db, name="Retail", language="nl")
        ideas = [add_candidate(db, journey, f"Idea {i}") for i in range(4)]
        wid = journey.workspace.id
        add_dependencies(db=db, workspace_id=wid, pairs=[(ideas[2].id, ideas[1].id)])
        live = open_session(
            db=db,
            workspace_id=wid,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[i.id for i in ideas[:3]],
        )
        setup = load_scoring_setup(db=db, workspace_id=wid)
        ann, bob = join(db, live, "Ann"), join(db, live, "Bob")
        vote_all(db, live, ann, ideas[0].id, setup, label="3")
        vote_all(db, live, ann, ideas[1].id, setup, label="5")
        vote_all(db, live, bob, ideas[1].id, setup, label="4")
        round_id = current_round(db=db, session_id=live.id).id
        for person, idea, text in ((ann, 0, "Cheap"), (ann, 1, "Loved"), (bob, 1, "Risky")):
            set_comment(
                db=db,
                round_id=round_id,
                stakeholder_id=person.id,
                candidate_id=ideas[idea].id,
                comment=text,
            )
        reveal_round(db=db, session_id=live.id)
        before = merge_state(db, wid)
        merge_candidates(
            db=db, workspace_id=wid, kept_id=ideas[0].id, merged_ids=[ideas[1].id], actor="Eva"
        )
        pace = open_own_pace(
            db=db,
            workspace_id=wid,
            session_in=SessionCreate(name="Kwartaal"),
            candidate_ids=[ideas[2].id, ideas[3].id],
            pace_in=OwnPaceCreate(
                open_until=DUE,
                reminder_hours=[48, 4],
                reveal_when_done=True,
                timezone="Europe/Amsterdam",
            ),
            app_url=APP,
            now=START,
        )
        for name in ("Cas", "Dee"):
            invite(
                db=db,
                session_id=pace.id,
                invitee_in=InviteeCreate(name=name, email=f"{name.lower()}@example.org"),
                send_mail=True,
                now=START,
            )
    remind(engine, _smtp(port), START + H)  # the invitations
    with writing(engine) as db:
        dee = db.scalar(select(Stakeholder).where(Stakeholder.name == "Dee"))
        assert stop_reminders(db=db, session_id=pace.id, stakeholder_id=dee.id, now=START + 2 * H)
    remind(engine, _smtp(port), DUE - 47 * H)  # the 48-hour reminder: Cas (Dee opted out)
    with writing(engine) as db:
        invite(
            db=db,
            session_id=pace.id,
            invitee_in=InviteeCreate(name="Fay", email="fay@example.org"),
            send_mail=True,
            now=DUE - 47 * H,
        )
        nudge_by_mail(db=db, session_id=pace.id, now=DUE - 46 * H)  # not sent yet
    assert sorted(str(m["To"]) for m in inbox.messages) == [
        "Cas <cas@example.org>",
        "Cas <cas@example.org>",
        "Dee <dee@example.org>",
    ]
    return wid, before, inbox


def backed_up(engine, workspace_id: int) -> dict:
    with reading(engine) as db:
        return read_document(json.dumps(dump_workspace(db=db, workspace_id=workspace_id)).encode())


def mails(document: dict) -> dict:
    (pace,) = [s for s in document["sessions"] if s["own_pace"]]
    return {(m["stakeholder"], m["kind"]): m["status"] for m in pace["mails"]}


@pytest.mark.parametrize("how", ["in batches", "in one transaction"])
def test_an_own_pace_round_and_a_merge_survive_backup_and_restore(
    engine, fresh_engine, workspace, how
):
    """Restored into a fresh database: settings, invitees, opt-outs and the outbox as
    they were (a nudge still waiting skipped), the merge undoable."""
    wid, before, _ = workspace
    document = backed_up(engine, wid)
    if how == "in batches":
        restored = restore_in_batches(engine=fresh_engine, document=document, batch=2)
    else:
        with writing(fresh_engine) as db:
            restored = restore_workspace(db=db, document=document)
    again = backed_up(fresh_engine, restored.id)
    (pace,) = [s for s in document["sessions"] if s["own_pace"]]
    (pace_again,) = [s for s in again["sessions"] if s["own_pace"]]
    assert pace_again["own_pace"] == pace["own_pace"]
    assert pace["own_pace"]["reminder_hours"] == [48, 4]
    assert pace_again["reveal_when_done"] and pace_again["reveal_at_zero"]
    assert pace_again["rounds"][0]["deadline"] == DUE.isoformat()
    assert pace_again["invitees"] == pace["invitees"]
    assert [p["stakeholder"] for p in pace["invitees"] if p["reminders_off_at"]] == ["Dee"]
    nudge = next(kind for _, kind in mails(document) if kind.startswith("nudge-"))
    assert mails(document) == {
        ("Cas", "invitation"): "sent",
        ("Dee", "invitation"): "sent",
        ("Cas", "reminder-48h"): "sent",
        ("Fay", "invitation"): "pending",
        ("Cas", nudge): "pending",
        ("Dee", nudge): "pending",
        ("Fay", nudge): "pending",
    }
    assert mails(again) == mails(document) | {  # may have gone out after the backup
        ("Cas", nudge): "skipped",
        ("Dee", nudge): "skipped",
        ("Fay", nudge): "skipped",
    }
    sent = {(m["stakeholder"], m["kind"]): m["sent_at"] for m in pace["mails"]}
    assert {(m["stakeholder"], m["kind"]): m["sent_at"] for m in pace_again["mails"]} == sent
    (merge,) = again["merges"]
    assert (merge["kept_title"], merge["merged_titles"], merge["actor"]) == (
        "Idea 0",
        ["Idea 1"],
        "Eva",
    )
    assert merge["merged_at"] == document["merges"][0]["merged_at"]

    with writing(fresh_engine) as db:
        (record,) = recent_merges(db=db, workspace_id=restored.id)
        undo_merge(db=db, workspace_id=restored.id, merge_id=record.id, actor="Eva")
        assert merge_state(db, restored.id) == before  # Idea 1, its votes and comments back
    with reading(fresh_engine) as db:
        names = [w.name for w in list_workspaces(db=db)]
    assert names == ["Retail"]


def test_remind_after_a_restore_sends_nothing_already_sent(
    engine, fresh_engine, workspace, smtp_server, database_url, tmp_path, monkeypatch, capsys
):
    """As an administrator does it: `export --format json`, `restore` into a fresh
    database, `remind` from cron. It sends Fay's waiting invitation (with a link that
    works there) and, later, the 4-hour reminders; nothing that was sent, nothing to Dee,
    no nudge."""
    _, _, inbox = workspace
    _, port = smtp_server
    fresh = fresh_engine.url.render_as_string(hide_password=False)
    backup = tmp_path / "retail.json"
    assert (
        main(
            [
                "export",
                "--workspace",
                "Retail",
                "--format",
                "json",
                "--output",
                str(backup),
                "--db",
                database_url,
            ]
        )
        == 0
    )
    assert main(["restore", str(backup), "--db", fresh]) == 0
    monkeypatch.setenv("PLANNER_SMTP_URL", f"smtp://127.0.0.1:{port}?from=planner@example.org")
    inbox.messages.clear()

    def cron(moment):
        assert main(["remind", "--now", moment.isoformat(), "--db", fresh]) == 0
        return capsys.readouterr().out

    for moment in (DUE - 45 * H, DUE - 40 * H, DUE - 20 * H):
        cron(moment)
    (invitation,) = inbox.messages
    assert str(invitation["To"]) == "Fay <fay@example.org>"
    body = invitation.get_body(("plain",)).get_content()
    token = re.search(r"\?me=(\S+)", body).group(1)
    with reading(fresh_engine) as db:
        assert stakeholder_by_link(db=db, token=token).name == "Fay"
    cron(DUE - 3 * H)
    reminders = inbox.messages[1:]
    assert sorted(str(m["To"]) for m in reminders) == [
        "Cas <cas@example.org>",
        "Fay <fay@example.org>",
    ]
    for reminder in reminders:  # the link in a restored workspace's mail works there
        text = reminder.get_body(("plain",)).get_content()
        token = re.search(r"\?me=(\S+)", text).group(1)
        with reading(fresh_engine) as db:
            assert stakeholder_by_link(db=db, token=token).name in str(reminder["To"])
    cron(DUE - 2 * H)
    assert len(inbox.messages) == 3
    with reading(fresh_engine) as db:
        session = db.scalar(select(ScoringSession).where(ScoringSession.name == "Kwartaal"))
        shown = {p.name: p.reminders_off for p in invitees(db=db, session_id=session.id)}
    assert shown == {"Cas": False, "Dee": True, "Fay": False}


def test_a_backup_of_the_previous_version_restores(engine, fresh_engine, workspace):
    """A version 5 document (no own-pace, deadlines or merges) restores: the session as a
    live one, without merge history."""
    wid, *_ = workspace
    document = backed_up(engine, wid)

    def older(node):
        if isinstance(node, dict):
            return {k: older(v) for k, v in node.items() if k not in V6}
        if isinstance(node, list):
            return [older(v) for v in node]
        return node

    previous = older(document) | {"version": 5}
    assert "own_pace" not in json.dumps(previous) and "merges" not in previous
    restored = restore_in_batches(engine=fresh_engine, document=previous)
    again = backed_up(fresh_engine, restored.id)
    assert again["merges"] == []
    assert all(s.get("own_pace") is None and s["invitees"] == [] for s in again["sessions"])
    assert [s["name"] for s in again["sessions"]] == ["Workshop", "Kwartaal"]


def _pace(document: dict) -> dict:
    return next(s for s in document["sessions"] if s["own_pace"])


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            lambda d: _pace(d)["invitees"][0].update(stakeholder="Nobody"),
            "invitees.0.stakeholder: stakeholder 'Nobody' is not in the document",
        ),
        (lambda d: _pace(d)["mails"][0].update(kind="invitation\n"), "mails.0.kind"),
        (lambda d: _pace(d)["mails"][0].update(status="bounced"), "mails.0.status"),
        (lambda d: _pace(d)["own_pace"].update(reminder_hours=[0]), "reminder_hours.0"),
        (lambda d: _pace(d)["invitees"].append(_pace(d)["invitees"][0]), "appears twice"),
        (
            lambda d: d["merges"][0]["snapshot"]["rows"]["vote"][0].update(stakeholder_id="Zed"),
            "merges.0.snapshot.rows.vote.0.stakeholder_id: 'Zed' is not in the document",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["rows"]["vote"][0].update(round_id=["X", 9]),
            "merges.0.snapshot.rows.vote.0.round_id",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["rows"].update(workspace=[{}]),
            "merges.0.snapshot.rows.workspace",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["candidates"][0].update(password="x"),
            "merges.0.snapshot.candidates.0.password",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["candidates"][0].update(title="x" * 201),
            "merges.0.snapshot.candidates.0.title",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["rows"]["vote"][0].update(score="high"),
            "merges.0.snapshot.rows.vote.0.score: 'high' does not fit",
        ),
        (
            lambda d: d["merges"][0]["snapshot"]["rows"]["vote"][0].pop("stakeholder_id"),
            "merges.0.snapshot.rows.vote.0: stakeholder_id is missing",
        ),
    ],
)
def test_own_pace_and_merge_parts_that_do_not_fit_are_refused_naming_the_field(
    engine, fresh_engine, workspace, change, says
):
    wid, *_ = workspace
    document = backed_up(engine, wid)
    change(document)
    with pytest.raises(DocumentInvalid) as refused:
        restore_in_batches(engine=fresh_engine, document=document)
    assert says in refused.value.message("en")
    with reading(fresh_engine) as db:
        assert list_workspaces(db=db, include_archived=True) == []
