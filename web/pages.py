"""The HTML side of the service: templates, static files, security headers and error pages.

``setup_templates(app)`` builds one Jinja2 environment for the pages (autoescaped: a
transcript may contain ``<script>``), fingerprints the static files once, so that their
URLs change when they do and browsers may cache them, and makes the error middleware
render its HTML errors with the same layout.

Every page carries a strict Content-Security-Policy: scripts only from our own files,
no inline scripts (pages pass data to them in ``data-*`` attributes), requests only to our
own origin. Inline ``style`` attributes are allowed (``style-src-attr``) because the recap
fragment of ``summaries`` is written for email clients, which ignore style sheets.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import jinja2
from aiohttp import web

from summaries.render import clock, human_date
from web.auth import csrf_token
from web.middlewares import ERROR_PAGE

TEMPLATES_DIR: Final = Path(__file__).resolve().parent / "templates"
STATIC_DIR: Final = Path(__file__).resolve().parent / "static"
STATIC_PREFIX: Final = "/static/"

CONTENT_SECURITY_POLICY: Final = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))
PAGE_HEADERS: Final = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
"""Headers of every HTML page. ``no-store``: pages show private conversations, and the
browser's back button must not show a stale list of action items."""

COMPRESS_FROM: Final = 4096
"""Pages longer than this (characters) are sent compressed when the browser accepts it:
an hour's transcript is some 400 kB of HTML, a tenth of that gzipped, which a phone on a
slow network notices. aiohttp compresses in a thread, beside the event loop."""

JINJA: Final = web.AppKey("jinja", jinja2.Environment)


def setup_templates(app: web.Application) -> None:
    """Give the app its page templates and its HTML error pages."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(human_date=human_date, clock=clock)
    versions = _static_versions(STATIC_DIR)
    environment.globals["static"] = lambda name: f"{STATIC_PREFIX}{name}?v={versions[name]}"
    app[JINJA] = environment
    app[ERROR_PAGE] = error_page


def render_page(request: web.Request, template: str, context: Mapping[str, Any], *,
                status: int = 200) -> web.Response:
    """A page from ``template``; every page also gets the CSRF token its scripts send."""
    html = request.app[JINJA].get_template(template).render(
        **context, csrf_token=csrf_token(request) or "")
    response = web.Response(text=html, status=status, content_type="text/html",
                            charset="utf-8", headers=PAGE_HEADERS)
    if len(html) > COMPRESS_FROM:
        response.enable_compression()
    return response


async def error_page(request: web.Request, status: int, message: str) -> web.Response:
    """The HTML form of an error (``web.middlewares``), in the pages' layout."""
    return render_page(request, "error.html.j2", {"status": status, "message": message},
                       status=status)


def _static_versions(directory: Path) -> dict[str, str]:
    """A short content hash per static file, for cache-busting URLs."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            for path in sorted(directory.iterdir()) if path.is_file()}
