"""The extractor's input: the transcript JSON of CONTRACT.md, parsed and validated."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

SPEAKERS = ("mentor", "mentee", "unknown")


class TranscriptError(ValueError):
    """The input is not a valid transcript; the message is one line for the user."""


@dataclass(frozen=True)
class Segment:
    index: int
    speaker: str
    text: str
    start: float | None = None
    end: float | None = None


@dataclass(frozen=True)
class Transcript:
    segments: tuple[Segment, ...]
    session_date: datetime | None = None
    participants: dict[str, dict[str, str]] = field(default_factory=dict)

    def name_of(self, role: str) -> str:
        """The participant's name, or the role itself when no name was given."""
        return (self.participants.get(role) or {}).get("name") or role


def parse_session_date(value: str) -> datetime:
    """ISO date or date-time (local, naive); a date alone means midnight."""
    try:
        return datetime.fromisoformat(value.strip())
    except (ValueError, AttributeError) as exc:
        raise TranscriptError(f"session_date {value!r} is not an ISO date or date-time") from exc


def _number(seg: dict[str, Any], key: str, i: int) -> float | None:
    value = seg.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise TranscriptError(f"segment {i}: {key!r} must be a non-negative number of seconds")
    return float(value)


def parse_transcript(data: Any) -> Transcript:
    """Validate decoded JSON and build a Transcript, or raise TranscriptError."""
    if not isinstance(data, dict):
        raise TranscriptError("transcript must be a JSON object with a 'segments' list")
    segments = data.get("segments")
    if not isinstance(segments, list):
        raise TranscriptError("transcript has no 'segments' list")
    if not segments:
        raise TranscriptError("transcript is empty: 'segments' has no entries")
    parsed = []
    for i, seg in enumerate(segments):
        if not isinstance(seg, dict):
            raise TranscriptError(f"segment {i} is not an object")
        speaker = seg.get("speaker")
        if speaker not in SPEAKERS:
            raise TranscriptError(
                f"segment {i}: unknown speaker {speaker!r} (expected mentor, mentee or unknown)")
        text = seg.get("text")
        if not isinstance(text, str):
            raise TranscriptError(f"segment {i}: 'text' must be a string")
        start, end = _number(seg, "start", i), _number(seg, "end", i)
        if start is not None and end is not None and end < start:
            raise TranscriptError(f"segment {i}: end {end} is before start {start}")
        parsed.append(Segment(i, speaker, text, start, end))
    if not any(s.text.strip() for s in parsed):
        raise TranscriptError("transcript is empty: no segment has any text")
    session_date = data.get("session_date")
    participants = data.get("participants") or {}
    if not isinstance(participants, dict):
        raise TranscriptError("'participants' must be an object")
    return Transcript(
        segments=tuple(parsed),
        session_date=parse_session_date(session_date) if session_date else None,
        participants={k: v for k, v in participants.items() if isinstance(v, dict)},
    )


def load_transcript(path: str | Path) -> Transcript:
    """Read and validate a transcript JSON file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TranscriptError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise TranscriptError(f"{path} is not UTF-8 text") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    return parse_transcript(data)
