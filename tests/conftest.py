"""Shared test fixtures: where ../shared is, and engines loaded once per test run."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPEECH = SHARED / "fixtures" / "speech"
SESSIONS = SHARED / "fixtures" / "sessions"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"../shared is missing: expected it at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def fw_engine():
    """The default engine (faster-whisper, bundled tiny.en, int8)."""
    from transcription.engines import load_engine

    return load_engine("faster-whisper")


@pytest.fixture(scope="session")
def ow_engine():
    """The reference engine (openai-whisper on the converted bundled weights)."""
    from transcription.engines import load_engine

    return load_engine("openai-whisper")


# -- Service tests (test_api.py, test_crash_recovery.py): a fresh PostgreSQL database ------
# Same approach as test_store.py: a database of its own on 127.0.0.1:5432, dropped after;
# COMPANION_TEST_POSTGRES_URL names another server's maintenance database. When PostgreSQL
# is not running the test errors with the command that starts it (it never skips).

PG_START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


@pytest.fixture
async def postgres_url():
    """The URL of an empty PostgreSQL database, dropped after the test."""
    import asyncio
    import getpass
    import os
    import secrets

    import asyncpg
    from sqlalchemy.engine import make_url

    configured = os.environ.get("COMPANION_TEST_POSTGRES_URL")
    candidates = [configured] if configured else [
        f"postgresql://{user}@127.0.0.1:5432/postgres" for user in ("postgres", getpass.getuser())]
    admin, errors = None, []
    for dsn in candidates:
        try:
            admin = await asyncpg.connect(dsn, timeout=10)
            break
        except (OSError, asyncio.TimeoutError, asyncpg.PostgresError) as exc:
            errors.append(f"{dsn}: {exc}")
    if admin is None:
        pytest.fail(f"PostgreSQL is not reachable ({'; '.join(errors)}); start it with {PG_START}",
                    pytrace=False)
    name = f"companion_test_{secrets.token_hex(6)}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(dsn).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()
