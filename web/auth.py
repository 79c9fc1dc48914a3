"""Who is asking: personal-link tokens, the cookie they become, CSRF and the admin token.

A participant authenticates with the token of their personal link, either as
``Authorization: Bearer <token>`` (scripts, the live client) or as the ``companion_token``
cookie that opening the link sets (browsers). ``GET /join/{token}`` checks the token, sets
the cookie and redirects with 303 to the mentorship's page, so the secret leaves the
address bar, the history and any Referer at once.

The cookie is HttpOnly (page scripts cannot read it) and ``SameSite=Lax``. Lax rather
than Strict because people arrive from their mail client: a top-level GET to the
mentorship page from another site must carry the cookie, or every link in a recap email
would land on "not signed in". Lax still withholds the cookie from cross-site POSTs and
subresources; on top of that, every state-changing request authenticated by the cookie
must echo the ``companion_csrf`` cookie (readable by our own page scripts only) in the
``X-CSRF-Token`` header (double submit), and a foreign ``Origin`` is refused. A request
carrying ``Authorization: Bearer`` needs neither: browsers never add that header on their
own, so it cannot be forged across sites.
"""
from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from typing import Final
from urllib.parse import urlsplit

from aiohttp import web

from companion.tokens import Participant
from web.typedefs import PARTICIPANT, SETTINGS, STORE

TOKEN_COOKIE: Final = "companion_token"
CSRF_COOKIE: Final = "companion_csrf"
CSRF_HEADER: Final = "X-CSRF-Token"
COOKIE_MAX_AGE: Final = 400 * 24 * 3600
"""The longest lifetime browsers accept; the token itself is revoked by rotating it."""
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def bearer_token(request: web.Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header; "" for another scheme."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def current_participant(request: web.Request) -> Participant | None:
    """The participant whose live token the request carries (header first), or None."""
    if PARTICIPANT in request:
        return request[PARTICIPANT]
    token = bearer_token(request)
    if token is None:
        token = request.cookies.get(TOKEN_COOKIE)
    if not token:
        return None
    participant = await request.app[STORE].authenticate(token)
    if participant is not None:
        request[PARTICIPANT] = participant
    return participant


async def require_participant(request: web.Request) -> Participant:
    """The request's participant, or 401: no token, or one that is wrong or revoked."""
    participant = await current_participant(request)
    if participant is None:
        given = bearer_token(request) is not None or TOKEN_COOKIE in request.cookies
        raise web.HTTPUnauthorized(
            headers={"WWW-Authenticate": "Bearer"},
            text=("this link is not valid any more: ask for a new one" if given
                  else "open your personal link, or send 'Authorization: Bearer <token>'"))
    return participant


def is_admin(request: web.Request) -> bool:
    """Whether the request carries the configured admin token (False when none is set)."""
    admin_token = request.app[SETTINGS].admin_token
    token = bearer_token(request)
    return bool(admin_token and token
                and hmac.compare_digest(token.encode(), admin_token.encode()))


def require_admin(request: web.Request) -> None:
    """Pass when no admin token is configured (the open embedded default) or when the
    request carries it; otherwise 401."""
    if request.app[SETTINGS].admin_token is not None and not is_admin(request):
        raise web.HTTPUnauthorized(headers={"WWW-Authenticate": "Bearer"},
                                   text="this needs 'Authorization: Bearer <admin token>'")


def set_token_cookie(request: web.Request, response: web.StreamResponse, token: str) -> None:
    """Sign the browser in with ``token``, and give it a CSRF token if it has none."""
    secure = urlsplit(request.app[SETTINGS].public_url).scheme == "https"
    response.set_cookie(TOKEN_COOKIE, token, max_age=COOKIE_MAX_AGE, path="/",
                        httponly=True, samesite="Lax", secure=secure)
    if not request.cookies.get(CSRF_COOKIE):
        response.set_cookie(CSRF_COOKIE, secrets.token_urlsafe(32), max_age=COOKIE_MAX_AGE,
                            path="/", httponly=False, samesite="Lax", secure=secure)


def csrf_token(request: web.Request) -> str | None:
    """The CSRF token page scripts must send back in ``X-CSRF-Token`` (pages may also
    embed it, e.g. in a ``<meta>`` tag)."""
    return request.cookies.get(CSRF_COOKIE)


async def join(request: web.Request) -> web.StreamResponse:
    """``GET /join/{token}``: a personal link. Valid: cookie and 303 to the mentorship's
    page. Wrong or revoked: 401, and the browser keeps whatever cookie it had."""
    token = request.match_info["token"]
    participant = await request.app[STORE].authenticate(token)
    if participant is None:
        raise web.HTTPUnauthorized(text="this link is not valid any more: "
                                        "it may have been replaced by a newer one")
    response = web.Response(status=303, headers={
        "Location": f"/mentorships/{participant.mentorship_id}",
        "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"})
    set_token_cookie(request, response, token)
    return response


def _origin_allowed(request: web.Request, origin: str) -> bool:
    public = urlsplit(request.app[SETTINGS].public_url)
    allowed = {f"{request.scheme}://{request.host}", f"{public.scheme}://{public.netloc}"}
    return origin in allowed


CSRF_EXEMPT: Final = frozenset({"/programme/login"})
"""Plain forms that a participant's cookie does not authenticate (the coordinator signs in
with the admin token itself), so a participant cookie in the same browser must not block
them."""


@web.middleware
async def csrf_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse a state-changing request authenticated by the cookie unless it comes from our
    own pages: same Origin (when the browser sends one) and the double-submit token."""
    if (request.method not in SAFE_METHODS and bearer_token(request) is None
            and TOKEN_COOKIE in request.cookies and request.path not in CSRF_EXEMPT):
        origin = request.headers.get("Origin")
        if origin is not None and not _origin_allowed(request, origin):
            raise web.HTTPForbidden(text=f"cross-site request from {origin} refused")
        sent, expected = request.headers.get(CSRF_HEADER, ""), csrf_token(request) or ""
        if not (sent and expected and hmac.compare_digest(sent.encode(), expected.encode())):
            raise web.HTTPForbidden(
                text=f"missing or wrong {CSRF_HEADER} header (copy the {CSRF_COOKIE} cookie)")
    return await handler(request)
