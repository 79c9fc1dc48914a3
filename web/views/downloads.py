"""``GET /sessions/{id}/download/{fmt}``: a session as a file (``companion.exports``).

Participants only, like the page: anyone else gets 404. A format the session cannot give
yet (no transcript, no agreed check-in, subtitles of a hand-written transcript) is 404 too,
with the reason as the message.
"""
from __future__ import annotations

from aiohttp import web

from companion import exports
from companion.exports import ExportError
from web.typedefs import SETTINGS
from web.views.pages import load_session, page_participant, page_url


async def download(request: web.Request) -> web.Response:
    participant = await page_participant(request)
    fmt = request.match_info["fmt"]
    if fmt not in exports.FORMATS:
        raise web.HTTPNotFound(text=f"no download format {fmt!r}: "
                                    f"choose from {', '.join(exports.FORMATS)}")
    loaded = await load_session(request, participant)
    try:
        file = exports.export(loaded.export, fmt, zone=request.app[SETTINGS].zone,
                              url=page_url(request, loaded.session.id))
    except ExportError as exc:
        raise web.HTTPNotFound(text=str(exc)) from None
    return web.Response(text=file.text, headers={
        "Content-Type": file.content_type,
        "Content-Disposition": f'attachment; filename="{file.filename}"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    })
