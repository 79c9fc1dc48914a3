"""Who is the mentor in a diarized mono mix: settle the roles from how each voice talks.

Diarization tells two voices apart but not who is who; the pipeline's rule (the first
voice heard is the mentor) fails whenever the mentee opens the call. What people say
tells more: in a mentoring conversation the mentor gives feedback and asks open questions,
the mentee brings challenges and takes on more of the action items. When the voice
labelled mentee talks clearly more like a mentor than the one labelled mentor, the two
labels are swapped. Only transcripts whose roles came from the first-voice rule are
touched: channels and explicit choices are facts, not guesses.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from summaries import extract, parse_transcript

if TYPE_CHECKING:
    from transcription.types import Transcript

SWAP_MARGIN = 0.5
"""How much more mentor-like the labelled mentee must be before the labels are swapped.
On the hand-written conversations (fixtures, held-out, tests/data) the margin is at most
-3.5 with the right labels and at least 3.5 with them swapped; on recognised speech of the
session fixtures -4.0 at most when right, 1.0 and 6.0 for the two that open with the mentee."""


def mentor_likeness(extraction: dict[str, Any], role: str) -> float:
    """A score of how much `role` talked like a mentor in this extraction JSON."""
    open_questions = sum(1 for q in extraction["questions"] if q["speaker"] == role and q.get("open"))
    constructive = sum(1 for f in extraction["feedback"] if f["from"] == role and f["kind"] == "constructive")
    praise = sum(1 for f in extraction["feedback"] if f["from"] == role and f["kind"] == "praise")
    challenges = sum(1 for c in extraction["challenges"] if c["speaker"] == role)
    owned = sum(1 for a in extraction["action_items"] if a["owner"] == role)
    return open_questions + 2 * constructive + praise - 2 * challenges - 0.5 * owned


def swapped(transcript: dict[str, Any]) -> dict[str, Any]:
    """The transcript JSON with mentor and mentee exchanged on every segment."""
    other = {"mentor": "mentee", "mentee": "mentor"}
    return {**transcript, "segments": [
        {**seg, "speaker": other.get(seg["speaker"], seg["speaker"])} for seg in transcript["segments"]
    ]}


def settle_roles(transcript: dict[str, Any], session_date: datetime | None = None) -> tuple[dict[str, Any], bool]:
    """Return the transcript JSON with roles settled, and whether they were swapped."""
    if transcript.get("attribution") != "first voice":
        return transcript, False
    speakers = {seg["speaker"] for seg in transcript["segments"]}
    if not {"mentor", "mentee"} <= speakers:
        return transcript, False
    extraction = extract(parse_transcript(transcript), session_date).to_json()
    margin = mentor_likeness(extraction, "mentee") - mentor_likeness(extraction, "mentor")
    if margin < SWAP_MARGIN:
        return transcript, False
    return {**swapped(transcript), "attribution": "first voice, roles from conversation"}, True


def settle(transcript: "Transcript", session_date: datetime | None = None) -> bool:
    """Settle the roles of a pipeline Transcript in place; True when they were swapped."""
    from dataclasses import replace

    from transcription.formats import to_json

    _, swap = settle_roles(to_json(transcript), session_date)
    if swap:
        other = {"mentor": "mentee", "mentee": "mentor"}
        transcript.segments = [replace(s, speaker=other.get(s.speaker, s.speaker))
                               for s in transcript.segments]
        transcript.attribution = "first voice, roles from conversation"
    return swap
