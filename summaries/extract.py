"""Everything extraction finds in one transcript, in one call.

The order matters: the next check-in is found first, because "before our next call" in
an action item means that day.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from .action_items import extract_action_items
from .challenges import extract_challenges
from .checkin import extract_next_checkin
from .decisions import extract_decisions
from .feedback import extract_feedback
from .goals import extract_goals
from .metrics import compute_metrics
from .questions import extract_questions
from .text import build_context
from .transcript import Transcript, parse_session_date, parse_transcript
from .types import Extraction


def extract(transcript: Transcript, session_date: datetime | None = None) -> Extraction:
    """Extract action items, feedback, questions, challenges, goals, decisions, the next
    check-in and conversation metrics. `session_date` overrides the transcript's own; without
    either, relative dates ("by Friday") stay null."""
    ctx = build_context(transcript, session_date)
    checkin = extract_next_checkin(ctx)
    checkin_day = datetime.fromisoformat(checkin.when).date() if checkin else None
    questions = extract_questions(ctx)
    feedback = extract_feedback(ctx)
    return Extraction(
        action_items=extract_action_items(ctx, checkin_day),
        feedback=feedback,
        questions=questions,
        challenges=extract_challenges(ctx),
        goals=extract_goals(ctx),
        decisions=extract_decisions(ctx),
        next_checkin=checkin,
        metrics=compute_metrics(ctx, questions, feedback=feedback),
    )


def extract_json(data: Any, session_date: str | None = None) -> dict[str, Any]:
    """Transcript JSON in, extraction JSON out (CONTRACT.md); raises TranscriptError."""
    transcript = parse_transcript(data)
    return extract(transcript, parse_session_date(session_date) if session_date else None).to_json()
