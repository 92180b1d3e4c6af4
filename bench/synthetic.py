"""A synthetic workspace of N candidates, as import rows or loaded into a database."""

import random

import pandas as pd

from planner.core.db import make_engine, migrate, writing
from planner.importing.apply import import_candidates
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.journey.templates import DEFAULT_CHANNELS, SIX_PHASES
from planner.models import Persona, WorkspaceCreate
from planner.store.journey.dimensions import add_item
from planner.store.journey.workspaces import create_workspace, load_journey

PERSONAS = ("Young family", "Busy professional", "Senior shopper")
VERBS = ("Show", "Simplify", "Personalise", "Automate", "Speed up", "Explain", "Connect")
THINGS = (
    "delivery dates",
    "stock per store",
    "returns",
    "payment plans",
    "reviews",
    "appointments",
    "order status",
    "wish lists",
    "assembly help",
    "opening hours",
)


def candidate_rows(count: int, seed: int = 7) -> list[dict]:
    """`count` import rows spread over the six-phase journey and the default channels."""
    rng = random.Random(seed)
    channels = [term.en for term in DEFAULT_CHANNELS]
    return [
        {
            "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)} #{i}",
            "description": "Synthetic candidate for benchmarks. " * rng.randint(1, 4),
            "phase": rng.choice(SIX_PHASES).en,
            "channel": "|".join(rng.sample(channels, rng.randint(1, 3))),
            "persona": rng.choice(PERSONAS),
            "proposer": rng.choice(("Marketing", "IT", "Service", "Sales")),
            "tags": "|".join(rng.sample(("cost", "conversion", "nps", "omnichannel"), 2)),
            "value": str(rng.randint(0, 10)),
            "effort": str(rng.randint(0, 10)),
        }
        for i in range(count)
    ]


def csv_bytes(count: int) -> bytes:
    return pd.DataFrame(candidate_rows(count)).to_csv(sep=";", index=False).encode("utf-8-sig")


def new_workspace(db, name: str = "Synthetic"):
    workspace = create_workspace(db=db, workspace_in=WorkspaceCreate(name=name))
    for persona in PERSONAS:
        add_item(db=db, model=Persona, workspace_id=workspace.id, name=persona)
    return load_journey(db=db, workspace_id=workspace.id)


def populate(url: str, count: int) -> int:
    """A migrated database at `url` holding one workspace of `count` candidates; its id."""
    engine = make_engine(url)
    migrate(engine)
    table = read_table(csv_bytes(count), "synthetic.csv")
    with writing(engine) as db:
        journey = new_workspace(db)
        preview = preview_import(table, journey)
        import_candidates(db=db, workspace_id=journey.workspace.id, preview=preview)
    engine.dispose()
    return journey.workspace.id
