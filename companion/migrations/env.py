"""Alembic's entry point: runs the revisions on the connection ``migrate`` hands over, or
on a connection of its own when an ``alembic.command`` is given a URL."""
from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection

from companion.db import create_engine
from companion.models import Base


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        compare_type=True,
        render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_with_own_engine(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(run_migrations)
    finally:
        await engine.dispose()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: use companion.db.migrate(url) or alembic_config(url)")
    asyncio.run(run_with_own_engine(url))


main()
