"""Mentoring-aware extraction from transcripts: action items, feedback, questions,
challenges, goals, decisions, the next check-in and conversation metrics."""
from .dates import find_dates, resolve
from .extract import extract, extract_json
from .render import RenderError, render
from .text import Context, Sentence, build_context, split_sentences
from .transcript import Transcript, TranscriptError, load_transcript, parse_transcript
from .types import (ActionItem, Challenge, Decision, Extraction, Feedback, Goal, NextCheckin,
                    Provenance, Question)

__all__ = [
    "ActionItem", "Challenge", "Context", "Decision", "Extraction", "Feedback", "Goal",
    "NextCheckin", "Provenance", "Question", "RenderError", "Sentence", "Transcript",
    "TranscriptError", "build_context", "extract", "extract_json", "find_dates", "load_transcript",
    "parse_transcript", "render", "resolve", "split_sentences",
]
