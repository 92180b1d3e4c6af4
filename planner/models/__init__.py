"""Tables and the input schemas that validate what users type.

`XCreate`/`XUpdate` validate (limits, trimmed text); `X(table=True)` stores.
"""

from planner.models.access import *  # noqa: F403
from planner.models.delivery import *  # noqa: F403
from planner.models.journey import *  # noqa: F403
from planner.models.journey import SQLModel, utcnow  # noqa: F401
from planner.models.merges import *  # noqa: F403
from planner.models.own_pace import *  # noqa: F403
from planner.models.roadmap import *  # noqa: F403
from planner.models.scoring import *  # noqa: F403
