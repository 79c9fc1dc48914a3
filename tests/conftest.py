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
