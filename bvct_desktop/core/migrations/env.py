"""Alembic environment: migrations always run on a connection the program has opened and keyed."""

from alembic import context

from bvct_desktop.core.migrations import include_object
from bvct_desktop.core.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
