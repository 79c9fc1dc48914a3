"""Confidentiality (docs/API.md): private notes, deleting a recording, and the export of
a whole mentorship. Thin: the rules live in companion/notes.py, deletion.py, archive.py."""
from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from aiohttp import web

from companion import archive, deletion, notes
from companion.store import mentorship_of
from web.auth import require_participant
from web.typedefs import SETTINGS, STORE
from web.views.events import publish
from web.views.inputs import json_object, member


async def list_notes(request: web.Request) -> web.Response:
    """The participant's own notes; ``?session=ID`` for one session's."""
    participant = await member(request)
    async with request.app[STORE].transaction() as db:
        found = await notes.list_notes(db, participant, request.query.get("session"))
        return web.json_response({"notes": [notes.note_json(n) for n in found]})


async def add_note(request: web.Request) -> web.Response:
    participant = await member(request)
    body = await json_object(request)
    async with request.app[STORE].transaction() as db:
        note = await notes.add_note(db, participant, body.get("text"), body.get("session_id"))
        return web.json_response(notes.note_json(note), status=201)


async def update_note(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    body = await json_object(request)
    async with request.app[STORE].transaction() as db:
        note = await notes.update_note(db, participant, request.match_info["id"],
                                       body.get("text"))
        return web.json_response(notes.note_json(note))


async def delete_note(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        await notes.delete_note(db, participant, request.match_info["id"])
    return web.Response(status=204)


async def delete_recording(request: web.Request) -> web.Response:
    """Delete the session's recording files and rows for good; the transcript stays."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    async with request.app[STORE].transaction() as db:
        names = await deletion.delete_recordings(db, participant, session_id)
    settings = request.app[SETTINGS]
    await asyncio.to_thread(deletion.remove_files, settings.recordings_dir, names,
                            live_dir=deletion.live_directory(settings.data_dir, session_id))
    publish(request, "status", session_id, participant.mentorship_id, recording="deleted")
    return web.Response(status=204)


async def export_mentorship(request: web.Request) -> web.StreamResponse:
    """The whole mentorship as a zip (JSON plus audio), built in a temporary file and
    streamed; the file is removed once sent."""
    participant = await member(request)
    settings = request.app[SETTINGS]
    async with request.app[STORE].transaction() as db:
        mentorship = await mentorship_of(db, participant)
        tables = await archive.collect(db, participant)
    handle, name = tempfile.mkstemp(prefix="export-", suffix=".zip", dir=settings.data_dir)
    target = Path(name)
    try:
        os.close(handle)
        await asyncio.to_thread(archive.write_archive, target, tables,
                                recordings_dir=settings.recordings_dir,
                                exported_by=participant.role)
        response = web.StreamResponse(headers={
            "Content-Type": "application/zip",
            "Content-Disposition": f'attachment; filename="{archive.export_name(mentorship)}"',
            "Content-Length": str(target.stat().st_size),
            "Cache-Control": "no-store",
        })
        await response.prepare(request)
        with target.open("rb") as fh:
            while chunk := await asyncio.to_thread(fh.read, 256 * 1024):
                await response.write(chunk)
        await response.write_eof()
        return response
    finally:
        target.unlink(missing_ok=True)
