"""The programme view over HTTP (companion/programme.py): ``GET /api/programme`` and the
``/programme`` page, for a programme's coordinator only.

The coordinator is whoever holds the admin token (``COMPANION_ADMIN_TOKEN``). Unset, the
view is off (403): without a token there is nobody to show it to, and it spans every
mentorship. The JSON API takes the token as ``Authorization: Bearer`` (401 without it or
with a wrong one; 403 for a participant's own token). A browser cannot send that header
when following a link, so the page offers a form: ``POST /programme/login`` with the token
sets the ``companion_admin`` cookie (HttpOnly, SameSite=Strict, Secure on https, path
``/programme``, 12 hours) whose value is an expiry and an HMAC of it keyed by the admin
token, never the token itself; changing the token ends every such cookie.
``POST /programme/logout`` clears it.
"""
from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any, Final
from urllib.parse import urlsplit

from aiohttp import web

from companion.models import utcnow
from companion.programme import programme
from web.auth import current_participant, is_admin
from web.pages import render_page
from web.typedefs import SETTINGS, STORE

ADMIN_COOKIE: Final = "companion_admin"
COOKIE_PATH: Final = "/programme"
SIGNED_IN_FOR: Final = 12 * 3600
"""Seconds the page's cookie lasts."""
OFF: Final = ("the programme view is off: it needs an admin token "
              "(COMPANION_ADMIN_TOKEN) to be set")
NOT_FOR_PARTICIPANTS: Final = "a participant's link does not open the programme view"


async def programme_json(request: web.Request) -> web.Response:
    """``GET /api/programme``: every mentorship's figures and the totals (counts, dates)."""
    _admin_token(request)
    if not is_admin(request):
        await _refuse(request)
    return web.json_response(await _figures(request))


async def programme_page(request: web.Request) -> web.Response:
    """``GET /programme``: the figures as a page, or (401) the sign-in form, also shown to
    a participant signed in on this browser: they may coordinate too."""
    _admin_token(request)
    if not (is_admin(request) or _cookie_valid(request)):
        return render_page(request, "programme.html.j2", {"data": None, "wrong": False},
                           status=401)
    return render_page(request, "programme.html.j2",
                       {"data": await _figures(request), "wrong": False})


async def login(request: web.Request) -> web.Response:
    """``POST /programme/login`` (form field ``token``): the page's cookie, then back."""
    admin_token = _admin_token(request)
    form = await request.post()
    given = form.get("token")
    if not isinstance(given, str) or not hmac.compare_digest(given.strip().encode(),
                                                             admin_token.encode()):
        return render_page(request, "programme.html.j2", {"data": None, "wrong": True},
                           status=401)
    response = web.Response(status=303, headers={"Location": COOKIE_PATH,
                                                 "Cache-Control": "no-store"})
    expires = int(time.time()) + SIGNED_IN_FOR
    response.set_cookie(ADMIN_COOKIE, _signature(admin_token, expires), max_age=SIGNED_IN_FOR,
                        path=COOKIE_PATH, httponly=True, samesite="Strict",
                        secure=urlsplit(request.app[SETTINGS].public_url).scheme == "https")
    return response


async def logout(request: web.Request) -> web.Response:
    """``POST /programme/logout``: forget the page's cookie."""
    response = web.Response(status=303, headers={"Location": COOKIE_PATH,
                                                 "Cache-Control": "no-store"})
    response.del_cookie(ADMIN_COOKIE, path=COOKIE_PATH)
    return response


async def _figures(request: web.Request) -> dict[str, Any]:
    async with request.app[STORE].transaction() as db:
        return await programme(db, now=utcnow(), settings=request.app[SETTINGS])


def _admin_token(request: web.Request) -> str:
    token = request.app[SETTINGS].admin_token
    if not token:
        raise web.HTTPForbidden(text=OFF)
    return token


async def _refuse(request: web.Request) -> None:
    """403 for a participant's own token, 401 for anything else."""
    if await current_participant(request) is not None:
        raise web.HTTPForbidden(text=NOT_FOR_PARTICIPANTS)
    raise web.HTTPUnauthorized(headers={"WWW-Authenticate": "Bearer"},
                               text="this needs 'Authorization: Bearer <admin token>'")


def _signature(admin_token: str, expires: int) -> str:
    mac = hmac.new(admin_token.encode(), f"programme:{expires}".encode(), hashlib.sha256)
    return f"{expires}.{mac.hexdigest()}"


def _cookie_valid(request: web.Request) -> bool:
    value = request.cookies.get(ADMIN_COOKIE, "")
    expires, _, _ = value.partition(".")
    if not expires.isdigit() or int(expires) < time.time():
        return False
    expected = _signature(request.app[SETTINGS].admin_token or "", int(expires))
    return hmac.compare_digest(value.encode(), expected.encode())
