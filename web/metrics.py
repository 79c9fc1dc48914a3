"""Prometheus metrics, on a registry of the application's own.

A registry per app (not prometheus_client's global one) lets several apps live in one
process, as they do in the tests, each with counters of its own. Route labels are route
templates (``/api/sessions/{id}``), never raw paths, so ids do not multiply the series.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

JOB_BUCKETS = (1, 5, 10, 30, 60, 120, 300, 600, 1200, 3600, float("inf"))
"""Seconds; a job transcribes anything from a minute-long clip to a four-hour call."""


class Metrics:
    """The service's instruments; the worker reports jobs through ``job_finished`` and
    ``job_failed`` (companion.worker.JobObserver)."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "companion_http_requests", "HTTP requests answered, by route and status",
            ("method", "route", "status"), registry=self.registry)
        self.latency = Histogram(
            "companion_http_request_duration_seconds", "Time to answer an HTTP request",
            ("method", "route"), registry=self.registry)
        self.queue_depth = Gauge(
            "companion_jobs_queued", "Jobs waiting for a worker", registry=self.registry)
        self.jobs_running = Gauge(
            "companion_jobs_running", "Jobs being processed", registry=self.registry)
        self.job_duration = Histogram(
            "companion_job_duration_seconds", "Time a job took, from claim to done",
            ("kind",), buckets=JOB_BUCKETS, registry=self.registry)
        self.jobs_failed = Counter(
            "companion_jobs_failed", "Jobs that failed, by kind", ("kind",),
            registry=self.registry)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def job_finished(self, kind: str, seconds: float) -> None:
        self.job_duration.labels(kind).observe(seconds)

    def job_failed(self, kind: str) -> None:
        self.jobs_failed.labels(kind).inc()

    async def render(self, refresh: Callable[[], Awaitable[tuple[int, int]]]) -> bytes:
        """The text exposition, after ``refresh`` has given the queued and running counts
        (read from the database at scrape time, so they are right after a restart too)."""
        queued, running = await refresh()
        self.queue_depth.set(queued)
        self.jobs_running.set(running)
        return generate_latest(self.registry)
