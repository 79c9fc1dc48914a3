"""Probes for operators: ``/healthz`` for liveness checks, ``/metrics`` for Prometheus."""
from __future__ import annotations

import asyncio
from typing import Any, Final

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError

from web.typedefs import METRICS, SCHEDULER, STORE, WORKER
from web.views.recap import MAILER

DB_TIMEOUT: Final = 5.0
"""Seconds the database may take to answer before /healthz calls it unreachable."""


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers and the worker runs, else 503; the body says which
    part is unwell and how many jobs wait, and how the mailer fares."""
    checks: dict[str, Any] = {}
    healthy = True
    try:
        counts = await asyncio.wait_for(request.app[STORE].job_counts(), DB_TIMEOUT)
        checks["database"] = "ok"
        checks["queue"] = counts
    except (SQLAlchemyError, OSError, asyncio.TimeoutError) as exc:
        checks["database"] = f"unreachable: {type(exc).__name__}"
        healthy = False
    worker = request.app.get(WORKER)
    if worker is None:
        checks["worker"] = "not running in this process"
    else:
        checks["worker"] = worker.health()
        healthy = healthy and checks["worker"] == "ok"
    mailer = request.app.get(MAILER)
    if mailer is not None:  # informs only: an unreachable mail server is no reason to restart
        checks["mailer"] = mailer.health()
    scheduler = request.app.get(SCHEDULER)
    if scheduler is not None:  # informs only, like the mailer
        checks["scheduler"] = scheduler.health()
    return web.json_response({"status": "ok" if healthy else "unhealthy", **checks},
                             status=200 if healthy else 503)


async def metrics(request: web.Request) -> web.Response:
    async def refresh() -> tuple[int, int]:
        counts = await request.app[STORE].job_counts()
        return counts["queued"], counts["running"]

    body = await request.app[METRICS].render(refresh)
    return web.Response(body=body, headers={"Content-Type": request.app[METRICS].content_type})
