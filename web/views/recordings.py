"""Recordings: the streamed upload (``POST``) and the download (``GET``)."""
from __future__ import annotations

import asyncio
from typing import Final
from urllib.parse import quote

from aiohttp import BodyPartReader, web

from companion.store import InvalidState
from companion.uploads import EmptyUpload, UnreadableAudio, UploadFile, UploadTooLarge
from web.auth import require_participant
from web.typedefs import SETTINGS, STORE
from web.views.events import job_queued
from web.views.shapes import job_json, recording_json

UPLOAD_FIELD: Final = "audio"
CHUNK_BYTES: Final = 256 * 1024
MULTIPART_SLACK: Final = 64 * 1024
"""Bytes a multipart body may carry beyond the recording itself (boundaries, headers)."""
BUSY: Final = ("queued", "processing", "live")
"""Session states in which a recording cannot be added."""


async def upload_recording(request: web.Request) -> web.Response:
    """Stream the multipart field ``audio`` to disk, vet it, store it and queue its job."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    store, settings = request.app[STORE], request.app[SETTINGS]
    session = await store.get_session(session_id, participant)
    if session.status in BUSY:
        raise InvalidState(f"session {session_id} is {session.status}: "
                           "a recording can be added only before or after processing")
    limit = settings.max_upload_bytes
    if request.content_length is not None and request.content_length > limit + MULTIPART_SLACK:
        raise web.HTTPRequestEntityTooLarge(
            max_size=limit, actual_size=request.content_length,
            text=f"the recording is larger than the limit of {settings.max_upload_mb:g} MB")
    part = await _upload_part(request, limit)
    upload = await asyncio.to_thread(UploadFile, settings.uploads_dir, limit)
    try:
        while chunk := await part.read_chunk(CHUNK_BYTES):
            await asyncio.to_thread(upload.write, chunk)
        accepted = await asyncio.to_thread(
            upload.accept, settings.recordings_dir,
            original_filename=part.filename or "recording",
            content_type=part.headers.get("Content-Type", "application/octet-stream"),
            max_duration=settings.max_duration_min * 60)
    except UploadTooLarge as exc:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=upload.size,
                                            text=str(exc)) from None
    except EmptyUpload as exc:
        raise web.HTTPBadRequest(text=str(exc)) from None
    except UnreadableAudio as exc:
        status = web.HTTPUnsupportedMediaType if exc.not_audio else web.HTTPBadRequest
        raise status(text=str(exc)) from None
    finally:
        await asyncio.to_thread(upload.discard)
    try:
        recording, job = await store.add_recording(session_id, participant, accepted.recording)
    except BaseException:
        accepted.path.unlink(missing_ok=True)  # no file without its row
        raise
    job_queued(request, participant, job)
    return web.json_response({"job": job_json(job),
                              "recording": recording_json(recording, settings.zone)},
                             status=202)


async def download_recording(request: web.Request) -> web.StreamResponse:
    participant = await require_participant(request)
    recording = await request.app[STORE].latest_recording(request.match_info["id"], participant)
    if recording is None:
        raise web.HTTPNotFound(text="this session has no recording")
    path = request.app[SETTINGS].recordings_dir / recording.stored_name
    if not path.is_file():
        raise web.HTTPNotFound(text="the recording file is missing from the data directory")
    # The uploader chose the name and the type: never let them make this an HTML page.
    media = recording.content_type.split(";")[0].strip().lower()
    filename = quote(recording.original_filename)
    return web.FileResponse(path, headers={
        "Content-Type": media if media.startswith(("audio/", "video/"))
        else "application/octet-stream",
        "Content-Disposition": f"attachment; filename*=UTF-8''{filename}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox"})


async def _upload_part(request: web.Request, limit: int) -> BodyPartReader:
    """The multipart body's ``audio`` part. Parts before it are read and dropped, and
    count against the size limit, so no field can make the service read forever."""
    if request.content_type != "multipart/form-data":
        raise web.HTTPUnsupportedMediaType(
            text=f"send the recording as multipart/form-data in a field named '{UPLOAD_FIELD}'")
    skipped = 0
    try:
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if isinstance(part, BodyPartReader) and part.name == UPLOAD_FIELD:
                return part
            if not isinstance(part, BodyPartReader):
                raise web.HTTPBadRequest(text="nested multipart bodies are not accepted")
            while chunk := await part.read_chunk(CHUNK_BYTES):
                skipped += len(chunk)
                if skipped > limit:
                    raise web.HTTPRequestEntityTooLarge(
                        max_size=limit, actual_size=skipped,
                        text=f"the form fields before '{UPLOAD_FIELD}' are too large")
    except ValueError as exc:  # aiohttp's multipart parser reports bad framing so
        raise web.HTTPBadRequest(text=f"malformed multipart body: {exc}") from None
    raise web.HTTPBadRequest(text=f"the multipart field '{UPLOAD_FIELD}' is missing")
