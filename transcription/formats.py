"""Writers for a Transcript: the transcript JSON of CONTRACT.md, plain text, SRT and WebVTT."""
from __future__ import annotations

import json
from typing import Any, Callable

from .types import Segment, Transcript

FORMATS = ("json", "txt", "srt", "vtt")


def to_json(transcript: Transcript) -> dict[str, Any]:
    """The transcript JSON of CONTRACT.md (with words, and the engine and model used)."""
    data: dict[str, Any] = {}
    if transcript.session_date:
        data["session_date"] = transcript.session_date
    if transcript.participants:
        data["participants"] = transcript.participants
    data["duration"] = round(transcript.duration, 3)
    if transcript.engine:
        data["engine"] = transcript.engine
    if transcript.model:
        data["model"] = transcript.model
    data["attribution"] = transcript.attribution
    data["segments"] = [
        {
            "speaker": s.speaker,
            "start": round(s.start, 3),
            "end": round(s.end, 3),
            "text": s.text,
            "words": [
                {"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3)} for w in s.words
            ],
        }
        for s in transcript.segments
    ]
    return data


def _label(transcript: Transcript, segment: Segment) -> str:
    name = (transcript.participants.get(segment.speaker) or {}).get("name")
    return name or segment.speaker.capitalize()


def _clock(seconds: float, sep: str, hours_always: bool = True) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    if not hours_always and h == 0:
        return f"{m:02d}:{s:02d}{sep}{ms:03d}"
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def to_txt(transcript: Transcript) -> str:
    lines = []
    for s in transcript.segments:
        stamp = _clock(s.start, ".")[:-4]
        lines.append(f"[{stamp}] {_label(transcript, s)}: {s.text}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_srt(transcript: Transcript) -> str:
    blocks = []
    for i, s in enumerate(transcript.segments, 1):
        blocks.append(
            f"{i}\n{_clock(s.start, ',')} --> {_clock(s.end, ',')}\n{_label(transcript, s)}: {s.text}\n"
        )
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(transcript: Transcript) -> str:
    blocks = ["WEBVTT\n"]
    for s in transcript.segments:
        voice = _vtt_escape(_label(transcript, s))
        blocks.append(
            f"{_clock(s.start, '.')} --> {_clock(s.end, '.')}\n<v {voice}>{_vtt_escape(s.text)}\n"
        )
    return "\n".join(blocks)


WRITERS: dict[str, Callable[[Transcript], str]] = {
    "json": lambda t: json.dumps(to_json(t), indent=1, ensure_ascii=False) + "\n",
    "txt": to_txt,
    "srt": to_srt,
    "vtt": to_vtt,
}


def render(transcript: Transcript, fmt: str) -> str:
    """The transcript as text in one of FORMATS."""
    try:
        return WRITERS[fmt](transcript)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
