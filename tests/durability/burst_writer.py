"""A writer for the SIGKILL test: whole workspaces of candidates, one transaction each.

Run as `python -m tests.durability.burst_writer URL SIZE`; prints the number of each
workspace once its transaction committed, and keeps going until it is killed.
"""

import sys
from itertools import count

from planner.core.db import make_engine, writing
from planner.models import CandidateCreate, WorkspaceCreate
from planner.store.journey.candidates import create_candidates
from planner.store.journey.workspaces import create_workspace, load_journey


def main(url: str, size: int) -> None:
    engine = make_engine(url)
    for number in count():
        with writing(engine) as db:
            workspace = create_workspace(
                db=db, workspace_in=WorkspaceCreate(name=f"Burst {number}")
            )
            journey = load_journey(db=db, workspace_id=workspace.id)
            create_candidates(
                db=db,
                workspace_id=workspace.id,
                candidates_in=[
                    CandidateCreate(
                        title=f"Idea {i}",
                        description="x" * 2000,  # long rows: more pages written per commit
                        phase_id=journey.phase_id(journey.phase_names[i % 6]),
                        channel_ids=[journey.channel_id(journey.channel_names[0])],
                    )
                    for i in range(size)
                ],
            )
        print(number, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
