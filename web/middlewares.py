"""Cross-cutting request handling: errors rendered by path, and request metrics.

Every error answers in the form its caller reads: JSON ``{"error": {"status", "message"}}``
under ``/api/`` (and for clients that ask for JSON only), an HTML page elsewhere. Domain
errors become HTTP ones here, once, instead of in every view: ``RecordNotFound`` is 404
(another mentorship's records look missing, by design), ``InvalidData`` 400,
``InvalidState`` 409. Anything unexpected is logged with its traceback and answered with
a generic 500: internal details stay in the log.
"""
from __future__ import annotations

import html
import logging
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from companion.store import InvalidData, InvalidState, RecordNotFound
from web.typedefs import METRICS

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ErrorPage = Callable[[web.Request, int, str], Awaitable[web.StreamResponse]]

ERROR_PAGE = web.AppKey("error_page", ErrorPage)
"""Optional: renders HTML error pages (the page layer sets it to use its templates)."""

_DOMAIN_ERRORS: tuple[tuple[type[Exception], type[web.HTTPException]], ...] = (
    (RecordNotFound, web.HTTPNotFound),
    (InvalidData, web.HTTPBadRequest),
    (InvalidState, web.HTTPConflict),
)


def wants_json(request: web.Request) -> bool:
    accept = request.headers.get("Accept", "")
    return request.path.startswith("/api/") or (
        "application/json" in accept and "text/html" not in accept)


def _message(exc: web.HTTPException) -> str:
    """The exception's text when a view gave one; aiohttp's default is "404: Not Found"."""
    text = exc.text or ""
    return exc.reason if not text or text == f"{exc.status}: {exc.reason}" else text


def _plain_page(status: int, message: str) -> web.Response:
    title = html.escape(f"{status} {message[:1].upper()}{message[1:]}")
    return web.Response(
        status=status, content_type="text/html",
        text=f"<!doctype html><html lang=en><meta charset=utf-8><title>{title}</title>"
             f"<h1>{status}</h1><p>{html.escape(message)}</p></html>")


async def error_response(request: web.Request, status: int, message: str,
                         headers: dict[str, str] | None = None) -> web.StreamResponse:
    """An error answer in the caller's form (see the module docstring)."""
    if wants_json(request):
        response: web.StreamResponse = web.json_response(
            {"error": {"status": status, "message": message}}, status=status)
    elif ERROR_PAGE in request.app:
        response = await request.app[ERROR_PAGE](request, status, message)
    else:
        response = _plain_page(status, message)
    response.headers.update(headers or {})
    return response


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or exc.empty_body:
            raise
        keep = {k: v for k, v in exc.headers.items()
                if k in ("WWW-Authenticate", "Allow", "Retry-After", "Set-Cookie")}
        return await error_response(request, exc.status, _message(exc), keep)
    except Exception as exc:
        for domain, http in _DOMAIN_ERRORS:
            if isinstance(exc, domain):
                return await error_response(request, http.status_code, str(exc))
        log.exception("unhandled error answering %s %s", request.method, request.path)
        return await error_response(request, 500, "internal error: the details are in the log")


@web.middleware
async def metrics_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Count and time every request by route template and final status. It sits outside
    the error middleware, so it sees the status of rendered errors too."""
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else "unmatched"
        request.app[METRICS].observe_request(request.method, route, status,
                                             time.perf_counter() - started)
