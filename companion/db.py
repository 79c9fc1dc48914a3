"""Database plumbing: URL normalisation, the async engine, sessions and migrations.

Two backends are supported, SQLite (one file, the default for a self-hosted install) and
PostgreSQL, both through async drivers (aiosqlite, asyncpg). Nothing here knows about the
web layer.

SQLite needs per-connection setup: foreign keys are off unless asked for (and the schema's
cascades rely on them), and WAL lets readers work while a writer commits. Service
connections keep the sqlite3 module's default transaction handling, which opens a
transaction at the first write: a read followed by a conditional write then waits for the
write lock instead of failing on a stale snapshot, which is what ``claim_next_job``
relies on. Migrations instead run in one ``BEGIN IMMEDIATE`` transaction so that a failed
migration leaves no half-built schema.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT = 30.0
"""Seconds a SQLite connection waits for another writer before giving up."""
_MIGRATION_LOCK = 0x636F6D70  # "comp": PostgreSQL advisory lock key held while migrating

_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


class DatabaseURLError(ValueError):
    """The database URL cannot be parsed or names an unsupported backend."""


def _parse(database_url: str) -> URL:
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise DatabaseURLError(f"cannot parse database URL {database_url!r}") from exc
    driver = _ASYNC_DRIVERS.get(url.drivername)
    if driver is None:
        raise DatabaseURLError(
            f"unsupported database {url.drivername!r}: use sqlite:///PATH or postgresql://...")
    return url.set(drivername=driver)


def normalise_url(database_url: str) -> str:
    """The URL with its async driver: ``sqlite:///x`` becomes ``sqlite+aiosqlite:///x``,
    ``postgresql://`` (or ``postgres://``) becomes ``postgresql+asyncpg://``."""
    return _parse(database_url).render_as_string(hide_password=False)


def create_engine(database_url: str) -> AsyncEngine:
    """An async engine for the service; call ``dispose()`` when done with it."""
    return _engine(_parse(database_url), migrating=False)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit (they leave the store detached)."""
    return async_sessionmaker(engine, expire_on_commit=False)


def _engine(url: URL, *, migrating: bool) -> AsyncEngine:
    if url.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True)
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        _use_wal(cursor)
        cursor.close()
        if migrating:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below

    if migrating:
        @event.listens_for(engine.sync_engine, "begin")
        def _on_begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _use_wal(cursor: Any) -> None:
    """Put the database file in WAL mode (it stays so). A journal-mode change needs the file
    to itself and SQLite refuses it at once, without waiting, while another connection holds
    a lock (two processes starting on a new file): retry within the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode")
            if str(cursor.fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except Exception as exc:  # the driver's OperationalError, wrapped by the adapter
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic's configuration, built in code: the installed service needs no alembic.ini.

    With a URL, ``alembic.command`` functions (``revision(..., autogenerate=True)`` for the
    next migration) can connect by themselves; ``migrate`` passes its connection instead.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if database_url is not None:
        config.set_main_option("sqlalchemy.url", normalise_url(database_url))
    return config


async def migrate(database_url: str) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there.

    The whole upgrade is one transaction, so concurrent starts serialise (an advisory lock
    on PostgreSQL, the write lock on SQLite) and a failure leaves the schema unchanged.
    """
    engine = _engine(_parse(database_url), migrating=True)
    try:
        async with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                         {"key": _MIGRATION_LOCK})
            await connection.run_sync(_upgrade_head)
    finally:
        await engine.dispose()


def _upgrade_head(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
