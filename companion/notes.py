"""Private notes: a participant's own jottings about the mentorship or one session.

A note is visible to its author's role only. Every query here is scoped by both the
participant's mentorship and their role, so the other participant's notes look exactly
like missing ones (``RecordNotFound``, a 404), and nothing else in the service (pages of
the other participant, the recap, the programme view, the other's export) reads them.
"""
from __future__ import annotations

from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import Note, utcnow
from companion.store import InvalidData, RecordNotFound, mentorship_of, session_of
from companion.tokens import Participant

MAX_NOTE_CHARS: Final = 20_000


def note_json(note: Note) -> dict[str, Any]:
    return {"id": note.id, "session_id": note.session_id, "text": note.text,
            "created_at": note.created_at.isoformat(), "updated_at": note.updated_at.isoformat()}


async def list_notes(db: AsyncSession, participant: Participant,
                     session_id: str | None = None) -> list[Note]:
    """The participant's own notes, oldest first; with ``session_id``, that session's."""
    await mentorship_of(db, participant)
    query = select(Note).where(Note.mentorship_id == participant.mentorship_id,
                               Note.author == participant.role)
    if session_id is not None:
        await session_of(db, session_id, participant)
        query = query.where(Note.session_id == session_id)
    return list(await db.scalars(query.order_by(Note.created_at, Note.id)))


async def add_note(db: AsyncSession, participant: Participant, text: Any,
                   session_id: str | None = None) -> Note:
    """A new note by the participant, on the mentorship or on one of its sessions."""
    await mentorship_of(db, participant)
    if session_id is not None:
        await session_of(db, session_id, participant)
    note = Note(mentorship_id=participant.mentorship_id, session_id=session_id,
                author=participant.role, text=_text(text))
    db.add(note)
    await db.flush()
    return note


async def update_note(db: AsyncSession, participant: Participant, note_id: str,
                      text: Any) -> Note:
    note = await _own(db, participant, note_id)
    note.text = _text(text)
    note.updated_at = utcnow()
    await db.flush()
    return note


async def delete_note(db: AsyncSession, participant: Participant, note_id: str) -> None:
    await db.delete(await _own(db, participant, note_id))


async def _own(db: AsyncSession, participant: Participant, note_id: str) -> Note:
    note = await db.scalar(select(Note).where(
        Note.id == note_id, Note.mentorship_id == participant.mentorship_id,
        Note.author == participant.role))
    if note is None:
        raise RecordNotFound(f"note {note_id} not found")
    return note


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidData("a note needs some text")
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidData(f"a note is at most {MAX_NOTE_CHARS:,} characters")
    return value.strip()
