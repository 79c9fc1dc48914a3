"""The JSON API (docs/API.md): HTTP in, store calls, JSON out.

Every view that touches a mentorship's data first authenticates the participant and then
asks the store on their behalf: the store's scoping makes another mentorship's records
look missing (404). Domain errors become HTTP statuses in ``web.middlewares``.
"""
from __future__ import annotations

import asyncio
from typing import Any, Final

from aiohttp import web

from companion import accountability, agreement, deletion, processing, results
from companion.models import ROLES, Job, Session
from companion.store import KEEP, InvalidState, RecordNotFound
from companion.tokens import Participant
from web.auth import TOKEN_COOKIE, bearer_token, is_admin, require_admin, require_participant, \
    set_token_cookie
from web.typedefs import EDIT_LOCK, SETTINGS, STORE
from web.views.events import job_queued, publish
from web.views.inputs import boolean, json_object, local_datetime, member, person, segment_index
from web.views.shapes import item_json, job_json, mentorship_json, recording_json, session_json

_BUSY: Final = ("queued", "processing")


# -- mentorships ----------------------------------------------------------------------------


async def create_mentorship(request: web.Request) -> web.Response:
    require_admin(request)
    body = await json_object(request)
    mentor, mentee = person(body, "mentor"), person(body, "mentee")
    mentorship, tokens = await request.app[STORE].create_mentorship(
        mentor, mentee, goals=body.get("goals"),
        agreement=(agreement.validate_terms(body["agreement"], set())
                   if body.get("agreement") is not None else None))
    base = request.app[SETTINGS].public_url
    return web.json_response({
        **mentorship_json(mentorship),
        "links": {role: f"{base}/join/{token}" for role, token in tokens.items()},
        "tokens": tokens,
    }, status=201)


async def get_mentorship(request: web.Request) -> web.Response:
    participant = await member(request)
    store, zone = request.app[STORE], request.app[SETTINGS].zone
    mentorship = await store.get_mentorship(participant)
    sessions = await store.list_sessions(participant)
    open_items = await store.open_action_items(participant)
    return web.json_response({
        **mentorship_json(mentorship),
        "you": participant.role,
        "open_action_items": [item_json(item) for item in open_items],
        "sessions": [session_json(session, zone) for session in sessions],
        "next_checkin": next((s.next_checkin for s in reversed(sessions) if s.next_checkin),
                             None),
    })


async def update_mentorship(request: web.Request) -> web.Response:
    """Change the agreement and goals, and the caller's own recap emails setting."""
    participant = await member(request)
    body = await json_object(request)
    store = request.app[STORE]
    if "recaps" in body:
        await store.set_recaps(participant, boolean(body["recaps"], "recaps"))
    if "agreement" in body:  # a new revision, validated, with its history
        async with store.transaction() as db:
            await agreement.update(db, participant, body["agreement"], note=body.get("note"))
    mentorship = await store.update_mentorship(participant, goals=body.get("goals"))
    return web.json_response({**mentorship_json(mentorship), "you": participant.role})


async def rotate_link(request: web.Request) -> web.Response:
    """A new personal link for a role; the old one stops working at once. Participants
    rotate their own link (a leaked one); the admin token rotates anyone's."""
    mentorship_id, role = request.match_info["id"], request.match_info["role"]
    if role not in ROLES:
        raise web.HTTPNotFound(text=f"no role {role!r}: use mentor or mentee")
    admin = is_admin(request)
    participant = None if admin else await member(request)
    if participant is not None and participant.role != role:
        raise web.HTTPForbidden(text=f"only the {role} can replace their own link")
    token = await request.app[STORE].rotate(mentorship_id, role)
    response = web.json_response({
        "role": role, "link": f"{request.app[SETTINGS].public_url}/join/{token}",
        "token": token})
    if participant is not None and bearer_token(request) is None \
            and TOKEN_COOKIE in request.cookies:
        set_token_cookie(request, response, token)  # keep this browser signed in
    return response


# -- sessions -------------------------------------------------------------------------------


async def list_sessions(request: web.Request) -> web.Response:
    participant = await member(request)
    sessions = await request.app[STORE].list_sessions(participant)
    zone = request.app[SETTINGS].zone
    return web.json_response({"sessions": [session_json(s, zone) for s in sessions]})


async def create_session(request: web.Request) -> web.Response:
    participant = await member(request)
    body = await json_object(request)
    zone = request.app[SETTINGS].zone
    session = await request.app[STORE].create_session(
        participant, body.get("title", ""), local_datetime(body.get("started_at"), zone),
        live=boolean(body.get("live", False), "live"))
    publish(request, "status", session.id, session.mentorship_id, status=session.status)
    return web.json_response(session_json(session, zone), status=201)


async def get_session(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    store, zone = request.app[STORE], request.app[SETTINGS].zone
    session = await store.get_session(session_id, participant)
    segments = await store.get_transcript(session_id, participant)
    job = await store.latest_job(session_id, participant)
    recording = await store.latest_recording(session_id, participant)
    transcript = summary = None
    if segments:
        transcript = results.transcript_json(segments, started_at=session.started_at, zone=zone,
                                             mentorship=await store.get_mentorship(participant))
        summary = await store.get_summary(session_id, participant)
    return web.json_response({
        **session_json(session, zone),
        "job": job_json(job) if job else None,
        "recording": recording_json(recording, zone) if recording else None,
        "transcript": transcript,
        "summary": summary,
    })


async def delete_session(request: web.Request) -> web.Response:
    """Delete a session with its transcript, items, recording files and outbox recaps."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    deleted = await request.app[STORE].delete_session(session_id, participant)
    settings = request.app[SETTINGS]
    await asyncio.to_thread(deletion.remove_files, settings.recordings_dir, deleted.recordings,
                            live_dir=deletion.live_directory(settings.data_dir, session_id),
                            outbox_dir=settings.outbox_dir, outbox_ids=deleted.outbox)
    publish(request, "status", session_id, participant.mentorship_id, status="deleted")
    return web.Response(status=204)


async def get_transcript(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    store = request.app[STORE]
    session = await store.get_session(session_id, participant)
    segments = await store.get_transcript(session_id, participant)
    return web.json_response(results.transcript_json(
        segments, started_at=session.started_at, zone=request.app[SETTINGS].zone,
        mentorship=await store.get_mentorship(participant)))


async def end_session(request: web.Request) -> web.Response:
    """Finalise a live session. A call that is streaming is stopped through the live
    registry (its audio becomes the recording that is re-transcribed offline); a live
    session nobody streamed to gets extraction over its stored transcript."""
    from web.views.live import LIVE

    participant = await require_participant(request)
    session_id = request.match_info["id"]
    await request.app[STORE].get_session(session_id, participant)  # 404 before anything
    registry = request.app.get(LIVE)
    if registry is not None and registry.get(session_id) is not None:
        job = (await registry.finalise(session_id, participant)).job
    else:
        job = await request.app[STORE].end_live_session(session_id, participant)
        job_queued(request, participant, job)
    return web.json_response({"job": job_json(job)}, status=202)


async def start_live(request: web.Request) -> web.Response:
    """Turn a new session into a live call (docs/LIVE.md): its panels can then stream. The
    other participant's open pages hear of it as a status event."""
    participant = await require_participant(request)
    session = await request.app[STORE].start_live(request.match_info["id"], participant)
    publish(request, "status", session.id, session.mentorship_id, status=session.status,
            progress=0.0, stage="")
    return web.json_response({**session_json(session, request.app[SETTINGS].zone),
                              "panel": f"/sessions/{session.id}/live"})


# -- corrections ----------------------------------------------------------------------------


async def edit_segment(request: web.Request) -> web.Response:
    """Correct a segment's text or speaker, then run extraction again (ticks and edited
    items survive: ``results.carry_over``). Edits run one at a time (``EDIT_LOCK``), so
    two people correcting at once cannot save a summary of a stale transcript."""
    participant = await require_participant(request)
    session_id, idx = request.match_info["id"], segment_index(request.match_info["idx"])
    body = await json_object(request)
    text, speaker = body.get("text"), body.get("speaker")
    store = request.app[STORE]
    async with request.app[EDIT_LOCK]:
        session = await store.get_session(session_id, participant)
        if session.status in _BUSY:
            raise InvalidState(f"session {session_id} is {session.status}: "
                               "wait until processing ends to correct the transcript")
        segment = await store.edit_segment(session_id, idx, participant, text=text,
                                           speaker=speaker)
        summary = await _extract_again(request, session, participant)
    publish(request, "transcript", session.id, session.mentorship_id, segment=idx)
    return web.json_response({"segment": {"idx": segment.idx, **segment.to_json()},
                              "summary": summary})


async def _extract_again(request: web.Request, session: Session,
                         participant: Participant) -> dict[str, Any]:
    store = request.app[STORE]
    segments = await store.get_transcript(session.id, participant)
    transcript = results.transcript_json(
        segments, started_at=session.started_at, zone=request.app[SETTINGS].zone,
        mentorship=await store.get_mentorship(participant))
    previous = await store.get_summary(session.id, participant)
    extraction = await asyncio.to_thread(processing.extract, transcript)
    await store.save_results(session.id, transcript["segments"],
                             results.carry_over(previous, extraction))
    async with store.transaction() as db:  # a corrected line may say an earlier item is done
        await accountability.propose_done(db, session.id)
    return await store.get_summary(session.id, participant)


async def update_item(request: web.Request) -> web.Response:
    """Tick an action item off (``done``) or correct its text, owner or due date."""
    participant = await require_participant(request)
    body = await json_object(request)
    done = boolean(body["done"], "done") if "done" in body else None
    item = await request.app[STORE].update_action_item(
        request.match_info["id"], participant, done=done, text=body.get("text"),
        owner=body.get("owner"), due=body["due"] if "due" in body else KEEP)
    publish(request, "items", item.session_id, participant.mentorship_id, item=item.id)
    return web.json_response(item_json(item))


# -- jobs -----------------------------------------------------------------------------------


async def get_job(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    return web.json_response(job_json(await _own_job(request, participant)))


async def retry_job(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    job = await _own_job(request, participant)
    job = await request.app[STORE].retry_job(job.id)
    job_queued(request, participant, job)
    return web.json_response({"job": job_json(job)}, status=202)


async def retry_session(request: web.Request) -> web.Response:
    """Retry the session's latest job, which must have failed."""
    participant = await require_participant(request)
    job = await request.app[STORE].latest_job(request.match_info["id"], participant)
    if job is None:
        raise InvalidState("this session has no job to retry")
    job = await request.app[STORE].retry_job(job.id)
    job_queued(request, participant, job)
    return web.json_response({"job": job_json(job)}, status=202)


async def _own_job(request: web.Request, participant: Participant) -> Job:
    job_id = request.match_info["id"]
    store = request.app[STORE]
    try:
        job = await store.get_job(job_id)
        await store.get_session(job.session_id, participant)
    except RecordNotFound:
        raise RecordNotFound(f"job {job_id} not found") from None
    return job
