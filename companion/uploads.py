"""Receiving a recording: stream it to disk, vet it, and only then give it a place.

The web layer feeds an upload's chunks to an ``UploadFile`` as they arrive, so memory
holds one chunk whatever the recording's size. The bytes go to a temporary ``.part``
file in ``uploads/`` (same file system as ``recordings/``), with the size limit checked
on every chunk and the SHA-256 computed on the way. ``accept`` then decodes the start
and the end of the file (``check_decodable``) and renames it into ``recordings/`` under a
generated name. Any failure removes the temporary file: a refused upload leaves nothing
behind, and what a service killed mid-upload leaves (a ``.part``, or a recording whose row
was never inserted) is deleted at a later start (``discard_leftovers``).

Plain Python (blocking file I/O): the web layer calls it from a thread.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import tempfile
import time
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from companion.store import NewRecording

PART_SUFFIX: Final = ".part"
LEFTOVER_IDLE_SECONDS: Final = 3600.0
_EXTENSION = re.compile(r"\.[a-z0-9]{1,8}")
_MAX_FILENAME: Final = 255


class UploadError(Exception):
    """The upload was refused; the message is one line meant for the uploader."""


class UploadTooLarge(UploadError):
    """More bytes than the configured limit."""


class EmptyUpload(UploadError):
    """No bytes at all."""


class UnreadableAudio(UploadError):
    """The bytes are not a recording the decoder can read; ``not_audio`` tells a file that
    is no media at all (415) from damaged or unusable audio (400)."""

    def __init__(self, message: str, *, not_audio: bool) -> None:
        super().__init__(message)
        self.not_audio = not_audio


@dataclass(frozen=True)
class Accepted:
    """A vetted recording in its final place, described for ``Store.add_recording``."""

    path: Path
    recording: NewRecording


class UploadFile:
    """One upload in progress; use as a context manager, so a failure cleans up."""

    def __init__(self, uploads_dir: Path, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._hash = hashlib.sha256()
        handle, name = tempfile.mkstemp(dir=uploads_dir, suffix=PART_SUFFIX)
        self.path = Path(name)
        self._file = os.fdopen(handle, "wb")

    def __enter__(self) -> UploadFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()

    def write(self, chunk: bytes) -> None:
        """Append a chunk; raises ``UploadTooLarge`` as soon as the limit is passed."""
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise UploadTooLarge(
                f"the recording is larger than the limit of {_megabytes(self.max_bytes)}")
        self._hash.update(chunk)
        self._file.write(chunk)

    def accept(self, recordings_dir: Path, *, original_filename: str, content_type: str,
               max_duration: float | None) -> Accepted:
        """Vet the complete upload and move it into ``recordings_dir``; raises
        ``EmptyUpload`` or ``UnreadableAudio`` with the decoder's one-line message."""
        from transcription.decode import check_decodable
        from transcription.errors import NotAudioError, TranscriptionError

        self._file.close()
        if self.size == 0:
            raise EmptyUpload("the upload is empty: choose a recording file")
        try:
            info = check_decodable(self.path, max_duration=max_duration)
        except TranscriptionError as exc:
            message = _one_line(str(exc)).replace(self.path.name, _filename(original_filename))
            raise UnreadableAudio(message,
                                  not_audio=isinstance(exc, NotAudioError)) from None
        stored_name = secrets.token_hex(16) + _extension(original_filename)
        final = recordings_dir / stored_name
        os.replace(self.path, final)
        return Accepted(final, NewRecording(
            stored_name=stored_name, original_filename=_filename(original_filename),
            content_type=content_type[:_MAX_FILENAME], size_bytes=self.size,
            sha256=self._hash.hexdigest(), duration=info.duration))

    def discard(self) -> None:
        """Close and delete the temporary file, if it is still there."""
        self._file.close()
        self.path.unlink(missing_ok=True)


def discard_leftovers(uploads_dir: Path, recordings_dir: Path, owned: Set[str], *,
                      idle_seconds: float = LEFTOVER_IDLE_SECONDS) -> list[Path]:
    """Delete what a crash mid-upload left: ``.part`` files, and recordings that no row
    owns (a crash between the rename and the insert). Only files idle for
    ``idle_seconds`` go: another service process may be writing the fresh ones."""
    cutoff = time.time() - idle_seconds
    leftovers = [*uploads_dir.glob(f"*{PART_SUFFIX}"),
                 *(p for p in recordings_dir.iterdir() if p.name not in owned)]
    removed = []
    for path in leftovers:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue
    return removed


def _extension(filename: str) -> str:
    """The original's extension when it looks like one (decoders sniff content anyway)."""
    suffix = Path(filename).suffix.lower()
    return suffix if _EXTENSION.fullmatch(suffix) else ""


def _filename(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip() or "recording"
    return "".join(c for c in name if c.isprintable())[:_MAX_FILENAME]


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
