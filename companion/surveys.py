"""Post-session surveys: each participant rates a finished session and says what helped.

One ``Survey`` row per session and role, updated in place. A survey has a ``rating`` (1-5,
or null while undecided), an optional ``comment`` and the answers to two questions
(``answers``: ``most_useful``, ``change``). The survey opens once the session is done
(``InvalidState`` before).

Privacy, kept simple: a participant reads their own survey whole, and of the other
participant's only the rating (so both see how the session landed, and the trends chart
shows both ratings); comments and answers stay with their author.

Pre-filling: the feedback extraction found in the session about the mentoring (feedback
given *to the mentor*, which is the mentee's appreciation or critique of the sessions)
is offered as suggestions: praise for "What was most useful?", constructive feedback for
"What should change?". For a participant without a survey yet, the form's answers are
those suggestions joined; nothing is stored until they save.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import ROLES, Item, Session, Survey, utcnow
from companion.store import InvalidData, InvalidState, session_of
from companion.tokens import Participant

QUESTIONS: Final = {"most_useful": "What was most useful?", "change": "What should change?"}
SUGGESTED_BY: Final = {"praise": "most_useful", "constructive": "change"}
"""Which question a feedback item's kind suggests an answer to."""
MAX_TEXT: Final = 2000


@dataclass(frozen=True)
class SurveySuggestion:
    question: str
    text: str
    segment: int | None
    start: float | None

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "text": self.text, "segment": self.segment,
                "start": self.start}


@dataclass(frozen=True)
class SurveyView:
    """What one participant sees of a session's surveys."""

    session: Session
    role: str
    mine: Survey | None
    other_rating: int | None
    suggestions: tuple[SurveySuggestion, ...]

    @property
    def form(self) -> dict[str, Any]:
        """The form's values: the saved survey, or the suggestions pre-filled."""
        if self.mine is not None:
            return {"rating": self.mine.rating, "comment": self.mine.comment,
                    "answers": {key: self.mine.answers.get(key, "") for key in QUESTIONS},
                    "saved": True}
        return {"rating": None, "comment": "", "saved": False,
                "answers": {key: " ".join(s.text for s in self.suggestions if s.question == key)
                            for key in QUESTIONS}}

    def to_json(self) -> dict[str, Any]:
        other = "mentee" if self.role == "mentor" else "mentor"
        return {
            "session_id": self.session.id, "questions": QUESTIONS, "you": self.role,
            "mine": self.form,
            "updated_at": self.mine.updated_at.isoformat() if self.mine else None,
            "other": {"role": other, "rating": self.other_rating},
            "suggestions": [s.to_json() for s in self.suggestions],
        }


async def get_survey(db: AsyncSession, participant: Participant, session_id: str) -> SurveyView:
    session = await _finished(db, participant, session_id)
    surveys = {s.role: s for s in await db.scalars(
        select(Survey).where(Survey.session_id == session.id))}
    other = surveys.get("mentee" if participant.role == "mentor" else "mentor")
    feedback = await db.scalars(select(Item).where(
        Item.session_id == session.id, Item.kind == "feedback").order_by(Item.position))
    suggestions = tuple(
        SurveySuggestion(SUGGESTED_BY[item.data["kind"]], item.text, item.segment, item.start)
        for item in feedback
        if item.data.get("to") == "mentor" and item.data.get("kind") in SUGGESTED_BY)
    return SurveyView(session, participant.role, surveys.get(participant.role),
                      other.rating if other else None, suggestions)


async def save_survey(db: AsyncSession, participant: Participant, session_id: str,
                      body: Any) -> SurveyView:
    """Create or replace the participant's survey of the session from ``{"rating",
    "comment", "answers": {"most_useful", "change"}}`` (all optional)."""
    session = await _finished(db, participant, session_id)
    if not isinstance(body, dict):
        raise InvalidData("a survey must be an object")
    unknown = sorted(set(body) - {"rating", "comment", "answers"})
    if unknown:
        raise InvalidData(f"unknown field {unknown[0]!r} (a survey has rating, comment, answers)")
    rating = body.get("rating")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 1 <= rating <= 5):
        raise InvalidData(f"rating must be a whole number from 1 to 5, not {rating!r}")
    comment = _text(body.get("comment", ""), "comment")
    answers_in = body.get("answers") or {}
    if not isinstance(answers_in, dict):
        raise InvalidData("answers must be an object")
    unknown = sorted(set(answers_in) - set(QUESTIONS))
    if unknown:
        raise InvalidData(f"unknown question {unknown[0]!r} (questions: {', '.join(QUESTIONS)})")
    answers = {key: _text(answers_in.get(key, ""), f"answers.{key}") for key in QUESTIONS}
    survey = await db.scalar(select(Survey).where(Survey.session_id == session.id,
                                                  Survey.role == participant.role))
    if survey is None:
        survey = Survey(session_id=session.id, role=participant.role)
        db.add(survey)
    survey.rating, survey.comment, survey.answers = rating, comment, answers
    survey.updated_at = utcnow()
    await db.flush()
    return await get_survey(db, participant, session_id)


async def ratings(db: AsyncSession, session_ids: list[str]) -> dict[str, dict[str, int | None]]:
    """Both participants' ratings per session (what either participant may see)."""
    out: dict[str, dict[str, int | None]] = {sid: dict.fromkeys(ROLES) for sid in session_ids}
    if session_ids:
        for sid, role, rating in await db.execute(
                select(Survey.session_id, Survey.role, Survey.rating)
                .where(Survey.session_id.in_(session_ids))):
            out[sid][role] = rating
    return out


async def _finished(db: AsyncSession, participant: Participant, session_id: str) -> Session:
    session = await session_of(db, session_id, participant)
    if session.status != "done":
        raise InvalidState(f"session {session_id} is {session.status}: its survey opens once "
                           "the session is processed")
    return session


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidData(f"{what} must be a string")
    if len(value.strip()) > MAX_TEXT:
        raise InvalidData(f"{what} is too long: at most {MAX_TEXT} characters")
    return value.strip()
