"""Typed keys for what the application and each request carry (aiohttp's ``AppKey``)."""
from __future__ import annotations

import asyncio

from aiohttp import web

from companion.events import EventHub
from companion.scheduler import Scheduler
from companion.settings import Settings
from companion.store import Store
from companion.tokens import Participant
from companion.worker import Worker
from web.metrics import Metrics

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
EVENTS = web.AppKey("events", EventHub)
WORKER = web.AppKey("worker", Worker)
METRICS = web.AppKey("metrics", Metrics)
SCHEDULER = web.AppKey("scheduler", Scheduler)
"""Reminders, nudges and retention; set only where the worker runs (``run_worker=True``)."""
EDIT_LOCK = web.AppKey("edit_lock", asyncio.Lock)
"""Serialises transcript corrections, each followed by extraction (see views.api)."""

PARTICIPANT = web.RequestKey("participant", Participant)
"""Set by ``auth.authenticate`` once a request's token has been checked."""
