"""The aiohttp service: ``create_app(settings)`` is the one place where parts are wired.

Where things live:
- ``web/routes.py``: every URL, in one table.
- ``web/views/``: the JSON API (docs/API.md) in ``api.py`` (mentorships, sessions,
  corrections, jobs), ``recordings.py`` (streamed upload, download) and ``events.py``
  (Server-Sent Events); ``inputs.py`` reads requests, ``shapes.py`` writes the JSON;
  ``health.py`` serves /healthz and /metrics. Views translate HTTP to store calls and
  back; they hold no business rules.
- ``web/auth.py``: personal-link tokens (Bearer header or cookie), ``/join/{token}``,
  CSRF, the admin token. ``web/middlewares.py``: errors as JSON under /api/ and HTML
  elsewhere, request metrics. ``web/metrics.py``: the Prometheus instruments.
- ``web/typedefs.py``: the typed ``AppKey``s below, and the request's participant.
- ``companion/``: everything that is not HTTP. ``store.py`` (the database),
  ``worker.py`` (claims jobs, runs them in a process pool), ``processing.py`` (what a
  worker process runs: recording → transcript → extraction), ``uploads.py`` (streaming a
  recording to disk and validating it), ``results.py`` (a session's transcript JSON,
  re-extraction keeping people's edits), ``events.py`` (session events for live pages),
  ``settings.py`` (configuration), ``demo.py`` (the demo mentorship of ``serve``).
- ``web/server.py``: ``companion serve`` (binds, prints the demo links, runs until a
  signal).

Resources are opened and closed in ``cleanup_ctx`` generators, in order: the database
(migrated, then the store), then the worker, which needs the store, then the mailer
(``companion/mailer.py``: recap emails, queued by the store as a session is finalised),
then the scheduler (``companion/scheduler.py``: check-in reminders, missed-cadence nudges
and retention), which runs only where the worker does.
The event hub closes on shutdown, before them, so that open event streams end and the
server can stop.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Final

from aiohttp import web

from companion import accountability
from companion.db import create_engine, migrate
from companion.deliveries import DeliveryStore, recap_queue
from companion.events import EventHub
from companion.mailer import Mailer
from companion.scheduler import Scheduler
from companion.settings import Settings
from companion.store import Store
from companion.uploads import discard_leftovers
from companion.worker import Worker
from web.auth import csrf_middleware
from web.metrics import Metrics
from web.middlewares import error_middleware, metrics_middleware
from web.pages import setup_templates
from web.routes import setup_routes
from web.typedefs import EDIT_LOCK, EVENTS, METRICS, SCHEDULER, SETTINGS, STORE, WORKER
from web.views.recap import DELIVERIES, MAILER
from web.views import live as live_views

log = logging.getLogger(__name__)

MAX_BODY_BYTES: Final = 1024 * 1024
"""Largest JSON or form body read whole (``client_max_size``); recordings are streamed
in chunks and limited by ``Settings.max_upload_mb`` instead."""


def create_app(settings: Settings, *, run_worker: bool = True) -> web.Application:
    """The service. ``run_worker=False`` serves the API without processing jobs (jobs
    stay queued), for a second web process in front of one that runs the worker."""
    app = web.Application(client_max_size=MAX_BODY_BYTES,
                          middlewares=[metrics_middleware, error_middleware, csrf_middleware])
    app[SETTINGS] = settings
    app[METRICS] = Metrics()
    app[EVENTS] = EventHub()
    app[EDIT_LOCK] = asyncio.Lock()
    app.cleanup_ctx.append(_database)
    if run_worker:
        app.cleanup_ctx.append(_worker)
        app.cleanup_ctx.append(_mailer)
        app.cleanup_ctx.append(_scheduler)
    app.cleanup_ctx.append(live_views.live_registry)  # live calls (docs/LIVE.md)
    app.on_shutdown.append(_close_events)
    app.on_shutdown.append(live_views.close_live_sockets)
    setup_routes(app)
    setup_templates(app)
    return app


async def _database(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    for directory in (settings.data_dir, settings.recordings_dir, settings.uploads_dir):
        directory.mkdir(parents=True, exist_ok=True)
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    app[STORE] = store = Store(engine, on_session_done=accountability.proposing(
        recap_queue(settings.recap_hold)))  # done proposals, then the recap emails
    app[DELIVERIES] = DeliveryStore(engine)
    removed = discard_leftovers(settings.uploads_dir, settings.recordings_dir,
                                await store.recording_names())
    if removed:
        log.info("deleted %d file(s) left by interrupted uploads", len(removed))
    yield
    await engine.dispose()


async def _worker(app: web.Application) -> AsyncIterator[None]:
    worker = Worker(app[STORE], app[EVENTS], app[SETTINGS], observer=app[METRICS])
    app[WORKER] = worker
    await worker.start()
    yield
    await worker.stop()


async def _mailer(app: web.Application) -> AsyncIterator[None]:
    app[MAILER] = mailer = Mailer(app[DELIVERIES], app[SETTINGS], events=app[EVENTS])
    await mailer.start()
    yield
    await mailer.stop()


async def _scheduler(app: web.Application) -> AsyncIterator[None]:
    app[SCHEDULER] = scheduler = Scheduler(app[STORE], app[SETTINGS])
    await scheduler.start()
    yield
    await scheduler.stop()


async def _close_events(app: web.Application) -> None:
    app[EVENTS].close()
