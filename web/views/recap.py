"""Recap emails over HTTP (docs/API.md): their state and preview, releasing held ones,
sending again, and the sign-in link each email carries.

The state endpoints follow the API's rules (a participant of the session's mentorship,
404 otherwise; CSRF on cookie POSTs, by ``web.auth.csrf_middleware``). ``GET
/recap/{token}`` is the email's link: like ``/join/{token}`` it signs the browser in and
redirects (303) at once, so the token leaves the address bar, but to the session's page,
and with a browser token of its own (companion/deliveries.py says why).
"""
from __future__ import annotations

from typing import Any

from aiohttp import web

from companion import recap
from companion.deliveries import LINK_LIFETIME, DeliveryStore
from companion.mailer import Mailer, OutboxTransport
from companion.models import ROLES, Delivery, utcnow
from companion.settings import Settings
from companion.store import InvalidData, InvalidState
from companion.tokens import Participant
from web.auth import current_participant, require_participant, set_token_cookie
from web.typedefs import SETTINGS, STORE
from web.views.inputs import json_object
from web.views.shapes import iso

DELIVERIES = web.AppKey("deliveries", DeliveryStore)
MAILER = web.AppKey("mailer", Mailer)
"""Set only in the process that sends (``create_app(run_worker=True)``)."""


async def get_recap(request: web.Request) -> web.Response:
    """The session's recap deliveries, and the caller's email as it is (or would be) sent."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    state = await recap_state(request, session_id, participant)
    return web.json_response({**state, "preview": await _preview(request, session_id,
                                                                 participant)})


async def release_recap(request: web.Request) -> web.Response:
    """Send the session's held recaps now, to both participants."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    released = await request.app[DELIVERIES].release(session_id, participant, utcnow())
    _wake_mailer(request)
    return web.json_response({"released": released,
                              **await recap_state(request, session_id, participant)})


async def resend_recap(request: web.Request) -> web.Response:
    """Send the recap again: body ``{"to": "me"}`` (the default) or ``{"to": "both"}``."""
    participant = await require_participant(request)
    session_id = request.match_info["id"]
    body = await json_object(request) if request.body_exists else {}
    to = body.get("to", "me")
    if to not in ("me", "both"):
        raise InvalidData(f"to must be me or both, not {to!r}")
    roles = [participant.role] if to == "me" else list(ROLES)
    await request.app[DELIVERIES].request(session_id, roles, "resend", now=utcnow(),
                                          asked_by=participant)
    _wake_mailer(request)
    return web.json_response(await recap_state(request, session_id, participant), status=202)


async def follow_link(request: web.Request) -> web.StreamResponse:
    """``GET /recap/{token}``: the link in a recap email (see the module docstring)."""
    deliveries = request.app[DELIVERIES]
    target = await deliveries.follow_link(request.match_info["token"], utcnow())
    if target is None:
        raise web.HTTPUnauthorized(text="this recap link has expired or was replaced: "
                                        "open your personal link instead")
    response = web.Response(status=303, headers={
        "Location": f"/sessions/{target.session_id}",
        "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"})
    signed_in = await current_participant(request)
    if signed_in is None or (signed_in.mentorship_id, signed_in.role) != (target.mentorship_id,
                                                                          target.role):
        set_token_cookie(request, response, await deliveries.sign_in(target))
    return response


async def recap_state(request: web.Request, session_id: str,
                      participant: Participant) -> dict[str, Any]:
    """What the session page shows about the recap emails (docs/API.md)."""
    settings = request.app[SETTINGS]
    deliveries = await request.app[DELIVERIES].for_session(session_id, participant)
    mentorship = await request.app[STORE].get_mentorship(participant)
    held = [d.next_attempt_at for d in deliveries if d.status == "held" and d.next_attempt_at]
    outbox = settings.outbox_dir.resolve() if settings.smtp is None else None
    return {
        "channel": "outbox" if outbox is not None else "smtp",
        "outbox": str(outbox) if outbox is not None else None,
        "hold_minutes": settings.recap_hold_min,
        "held_until": iso(min(held), settings.zone) if held else None,
        "recaps": {"mentor": mentorship.mentor_recaps, "mentee": mentorship.mentee_recaps},
        "deliveries": [delivery_json(d, settings) for d in deliveries],
    }


def delivery_json(delivery: Delivery, settings: Settings) -> dict[str, Any]:
    zone = settings.zone
    sent_file = delivery.channel == "outbox" and delivery.status == "sent"
    return {
        "id": delivery.id, "role": delivery.role, "address": delivery.address,
        "reason": delivery.reason, "finalisation": delivery.finalisation,
        "status": delivery.status, "attempts": delivery.attempts,
        "next_attempt_at": iso(delivery.next_attempt_at, zone),
        "last_error": delivery.last_error, "message_id": delivery.message_id,
        "channel": delivery.channel, "created_at": iso(delivery.created_at, zone),
        "sent_at": iso(delivery.sent_at, zone),
        "file": (str(OutboxTransport(settings.outbox_dir.resolve()).path(delivery.id))
                 if sent_file else None),
    }


async def _preview(request: web.Request, session_id: str,
                   participant: Participant) -> dict[str, Any] | None:
    """The caller's recap email, masked as sent, linking to the page itself (a preview
    issues no sign-in token); None before the session has a transcript."""
    settings = request.app[SETTINGS]
    try:
        source = await request.app[DELIVERIES].source(session_id, participant,
                                                      zone=settings.zone)
    except InvalidState:
        return None
    page = f"{settings.public_url}/sessions/{session_id}"
    email = recap.compose(source, participant.role, link=page, page_url=page,
                          zone=settings.zone, link_days=LINK_LIFETIME.days)
    return {"from": settings.sender, "to": {"name": email.name, "email": participant.email},
            "subject": email.subject, "text": email.text, "html": email.html,
            "invitation": email.invitation is not None, "masked": email.masked}


def _wake_mailer(request: web.Request) -> None:
    mailer = request.app.get(MAILER)
    if mailer is not None:
        mailer.wake()
