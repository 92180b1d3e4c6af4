"""Every limit on what people type or choose, written once: the models validate with
these, the pages' inputs stop at them (`max_chars=`, `max_value=`), the CLI checks them.

A limit of a table column is also its length in the schema: changing one needs a
migration.
"""

# text fields, in characters
NAME_MAX = 80  # names of people, workspaces, phases, roles...
TITLE_MAX = 200
SHORT_TEXT_MAX = 200  # proposer, touchpoint
DESCRIPTION_MAX = 5000
COMMENT_MAX = 1000
REASON_MAX = 500
LEARNINGS_MAX = 2000
KPI_NAME_MAX = 200
PASSPHRASE_MAX = 200
JOIN_CODE_MAX = 12  # as shown, before dashes and spaces are taken out

# roadmap settings
PERIODS_MAX = 60
TIME_LIMIT_MAX = 600.0  # seconds the best plan's solver may take at most
