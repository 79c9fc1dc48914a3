"""``GET /sessions/{id}/live``: the live side panel of a call (docs/LIVE.md is its protocol).

The page is a shell: ``static/live.js`` does the work in the browser. It captures nothing
until the participant clicks "Start listening", then streams the microphone (and, if asked,
the meeting tab's audio as the other participant) over the live websocket, and shows the
session's live events. Only the two participants see the page (404 otherwise, as for the
other pages). A session that is not live gets the page too, saying why nothing can be
streamed: a new session is made live from its session page (``POST .../live/start``).
"""
from __future__ import annotations

from typing import Final

from aiohttp import web

from web.pages import render_page
from web.typedefs import STORE
from web.views.accountability import load as load_accountability
from web.views.pages import STATUS_LABELS, page_participant

OTHER_ROLE: Final = {"mentor": "mentee", "mentee": "mentor"}


async def live_page(request: web.Request) -> web.Response:
    participant = await page_participant(request)
    store = request.app[STORE]
    session = await store.get_session(request.match_info["id"], participant)
    mentorship = await store.get_mentorship(participant)
    return render_page(request, "live.html.j2", {
        "session": session,
        "role": participant.role,
        "other": OTHER_ROLE[participant.role],
        "names": {"mentor": mentorship.mentor_name, "mentee": mentorship.mentee_name},
        "status_label": STATUS_LABELS.get(session.status, session.status),
        "last_time": [c.sentence for c in
                      (await load_accountability(request, session.id, participant)).open],
    })
