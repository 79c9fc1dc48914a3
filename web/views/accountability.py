"""Accountability over HTTP (docs/API.md, "Accountability"): a session's items carried
from earlier sessions, and confirming or dismissing a "mentioned as done" proposal.

The logic is ``companion.accountability``'s; these views scope by participant (another
mentorship's session or proposal is 404), shape JSON, and tell open pages that items
changed. ``load`` is also what the session page and the live panel show.
"""
from __future__ import annotations

from datetime import tzinfo
from typing import Any

from aiohttp import web

from companion import accountability
from companion.accountability import Accountability
from companion.models import DoneProposal, Session
from companion.store import session_of
from companion.tokens import Participant
from summaries.render import clock
from web.auth import require_participant
from web.typedefs import SETTINGS, STORE
from web.views.events import publish
from web.views.shapes import item_json, iso


async def load(request: web.Request, session_id: str,
               participant: Participant) -> Accountability:
    """The session's accountability as ``participant`` sees it (RecordNotFound else)."""
    async with request.app[STORE].transaction() as db:
        session = await session_of(db, session_id, participant)
        return await accountability.carried_items(db, session,
                                                  zone=request.app[SETTINGS].zone)


async def get_carried(request: web.Request) -> web.Response:
    """``GET /api/sessions/{id}/carried``."""
    participant = await require_participant(request)
    found = await load(request, request.match_info["id"], participant)
    return web.json_response(carried_json(found, request.app[SETTINGS].zone))


async def confirm_proposal(request: web.Request) -> web.Response:
    """``POST /api/proposals/{id}/confirm``: the item is ticked done."""
    return await _resolve(request, confirm=True)


async def dismiss_proposal(request: web.Request) -> web.Response:
    """``POST /api/proposals/{id}/dismiss``: "not yet", the item stays open."""
    return await _resolve(request, confirm=False)


async def _resolve(request: web.Request, *, confirm: bool) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        proposal, item = await accountability.resolve(db, request.match_info["id"],
                                                      participant, confirm=confirm)
    zone = request.app[SETTINGS].zone
    for session_id in dict.fromkeys((proposal.session_id, item.session_id)):
        publish(request, "items", session_id, participant.mentorship_id, item=item.id,
                proposal=proposal.id)
    return web.json_response({"proposal": proposal_json(proposal, zone),
                              "item": item_json(item)})


# -- JSON shapes ---------------------------------------------------------------------------


def carried_json(found: Accountability, zone: tzinfo) -> dict[str, Any]:
    return {
        "session_id": found.session.id,
        "previous_session": _session_ref(found.previous, zone) if found.previous else None,
        "open": [{"item": item_json(c.item), "session": _session_ref(c.session, zone),
                  "owner_name": c.owner_name, "overdue": c.overdue, "sentence": c.sentence,
                  "proposal_id": c.proposal.id if c.proposal else None}
                 for c in found.open],
        "done_since": [{"item": item_json(c.item), "session": _session_ref(c.session, zone),
                        "owner_name": c.owner_name} for c in found.closed],
        "proposals": [{**proposal_json(p.proposal, zone), "item": item_json(p.item),
                       "item_session": _session_ref(p.item_session, zone),
                       "owner_name": p.owner_name} for p in found.proposals],
    }


def proposal_json(proposal: DoneProposal, zone: tzinfo) -> dict[str, Any]:
    return {"id": proposal.id, "item_id": proposal.item_id,
            "session_id": proposal.session_id, "segment": proposal.segment,
            "start": proposal.start, "at": clock(proposal.start) or None,
            "quote": proposal.quote, "score": proposal.score, "status": proposal.status,
            "created_at": iso(proposal.created_at, zone),
            "resolved_at": iso(proposal.resolved_at, zone),
            "resolved_by": proposal.resolved_by}


def _session_ref(session: Session, zone: tzinfo) -> dict[str, Any]:
    return {"id": session.id, "title": session.title,
            "started_at": iso(session.started_at, zone)}
