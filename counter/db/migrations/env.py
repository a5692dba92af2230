"""Alembic environment: runs on the connection the app hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from counter.db.models import Base

config = context.config


def run_migrations(connection: Connection) -> None:
    watch = config.attributes.get("on_version_apply")  # counter.db.migrate's report of each migration run
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        on_version_apply=watch,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    from counter.db.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.connect() as conn:
            run_migrations(conn)
    finally:
        engine.dispose()  # the pool would keep the connection open until the garbage collector closes it
else:
    run_migrations(connection)
