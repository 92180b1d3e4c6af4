"""Alembic environment: migrations run on the connection `planner.core.db.migrate` passes in."""

from alembic import context

from planner.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
