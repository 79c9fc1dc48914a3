"""The service's side of background processing: claim jobs, run them in worker processes,
store what comes back and tell the pages.

Transcription is CPU-bound for minutes, so it runs in a ``ProcessPoolExecutor`` (spawn
context: a fresh interpreter, no copy of the service's event loop, sockets or database
connections), never in the event loop's process. Each pool slot has a claim loop here;
a job is claimed in the database first (``Store.claim_next_job``), so the queue survives
restarts. Progress comes back from the worker processes through one multiprocessing queue
and is written to the job and the session (and published as an event).

Nothing is lost when the service dies: at start ``requeue_unfinished_jobs`` puts the jobs
that were running back in the queue, and they run again from the start (a job is a pure
function of its recording, so running it twice gives the same result). That is why one
process per database runs a worker (other web processes use ``run_worker=False``). A
failed job keeps a one-line reason; ``Store.retry_job`` queues it again.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import secrets
import socket
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Final, Protocol

from sqlalchemy.exc import SQLAlchemyError

from companion import processing, results
from companion.events import EventHub, SessionEvent
from companion.models import Job
from companion.processing import EngineConfig, ProcessingError, Results, Stopped, TranscribeTask
from companion.settings import Settings
from companion.store import InvalidState, JobContext, RecordNotFound, Store

log = logging.getLogger(__name__)

POLL_SECONDS: Final = 2.0
"""How often an idle slot looks for jobs queued by another process (this one wakes it)."""


class JobObserver(Protocol):
    """Told how jobs end (the web layer's metrics)."""

    def job_finished(self, kind: str, seconds: float) -> None: ...

    def job_failed(self, kind: str) -> None: ...


class Worker:
    """Runs queued jobs, ``settings.workers`` at a time, until ``stop``."""

    def __init__(self, store: Store, events: EventHub, settings: Settings,
                 observer: JobObserver | None = None) -> None:
        self._store = store
        self._events = events
        self._settings = settings
        self._observer = observer
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        context = multiprocessing.get_context("spawn")
        self._context = context
        self._progress: Any = context.Queue()
        self._stop_flag = context.Event()
        self._pool: ProcessPoolExecutor | None = None
        self._wakeup = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._running: dict[str, JobContext] = {}
        """The jobs this worker runs now, by id: where their progress reports go."""
        self._failure: str | None = None

    # -- lifecycle --------------------------------------------------------------------

    async def start(self) -> None:
        """Requeue what the previous run left running, then start claiming."""
        requeued = await self._store.requeue_unfinished_jobs()
        if requeued:
            log.info("requeued %d job(s) left unfinished by the previous run", requeued)
        self._pool = self._new_pool()
        self._tasks = [asyncio.create_task(self._relay_progress(), name="progress-relay")]
        self._tasks += [asyncio.create_task(self._claim_loop(), name=f"worker-slot-{n}")
                        for n in range(self._settings.workers)]

    async def stop(self) -> None:
        """Stop claiming, ask running jobs to stop, and wait for the processes to end. Jobs
        cut short stay "running" in the database and are requeued at the next start."""
        self._stop_flag.set()
        self._progress.put(None)  # ends the relay, which waits on the queue in a thread
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._pool is not None:
            await asyncio.to_thread(self._pool.shutdown, wait=True, cancel_futures=True)
        self._progress.close()

    def wake(self) -> None:
        """A job was queued: look now rather than at the next poll."""
        self._wakeup.set()

    def health(self) -> str:
        """"ok", or why the worker cannot process jobs."""
        if self._failure is not None:
            return self._failure
        if not self._tasks or any(task.done() for task in self._tasks):
            return "stopped"
        return "ok"

    def _new_pool(self) -> ProcessPoolExecutor:
        cores = os.cpu_count() or 1
        config = EngineConfig(self._settings.engine, self._settings.model,
                              cpu_threads=max(1, cores // self._settings.workers))
        return ProcessPoolExecutor(
            max_workers=self._settings.workers, mp_context=self._context,
            initializer=processing.init_process,
            initargs=(config, self._progress, self._stop_flag))

    # -- claiming and running ---------------------------------------------------------

    async def _claim_loop(self) -> None:
        while True:
            try:
                job = await self._store.claim_next_job(self.worker_id)
                self._failure = None
            except (SQLAlchemyError, OSError) as exc:
                log.warning("cannot claim jobs: %s", exc)
                self._failure = f"cannot reach the database: {type(exc).__name__}"
                await asyncio.sleep(POLL_SECONDS)
                continue
            if job is None:
                self._wakeup.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._wakeup.wait(), POLL_SECONDS)
                continue
            try:
                await self._run(job)
            except Stopped:
                return
            except RecordNotFound:
                continue  # the session was deleted while its job ran
            except (SQLAlchemyError, OSError):
                # The job stays "running" and is requeued at the next start.
                log.exception("lost track of job %s: the database failed", job.id)

    async def _run(self, job: Job) -> None:
        context = await self._store.job_context(job.id)
        self._publish(context, "status", status="processing", job_id=job.id)
        started = time.monotonic()
        self._running[job.id] = context
        try:
            if job.kind == "transcribe":
                outcome = await self._transcribe(context)
                await self._store.save_results(job.session_id, outcome.transcript["segments"],
                                               outcome.extraction)
            else:
                await self._extract(context)
        except (Stopped, RecordNotFound):
            raise
        except (ProcessingError, BrokenProcessPool, InvalidState) as exc:
            await self._fail(context, _reason(exc))
            return
        except Exception as exc:  # a bug: record it on the job, keep serving others
            log.exception("job %s (%s) failed", job.id, job.kind)
            await self._fail(context, f"internal error ({type(exc).__name__}): {exc}")
            return
        finally:
            del self._running[job.id]
        await self._store.update_progress(job.id, 1.0, "done")
        await self._store.finish_job(job.id)
        if self._observer is not None:
            self._observer.job_finished(job.kind, time.monotonic() - started)
        self._publish(context, "status", status="done", progress=1.0, job_id=job.id)

    async def _transcribe(self, context: JobContext) -> Results:
        if context.recording is None:
            raise ProcessingError("this session has no recording to transcribe")
        session, mentorship = context.session, context.mentorship
        task = TranscribeTask(
            job_id=context.job.id,
            recording=self._settings.recordings_dir / context.recording.stored_name,
            session_date=results.session_date(session.started_at, self._settings.zone),
            participants=results.participants(mentorship),
            max_duration=self._settings.max_duration_min * 60)
        pool = self._pool
        assert pool is not None, "start() creates the pool"
        try:
            return await asyncio.get_running_loop().run_in_executor(
                pool, processing.transcribe, task)
        except BrokenProcessPool:
            # A worker process died (killed, out of memory): that pool is unusable now.
            # Each slot running on it gets this error; the first one replaces it.
            if self._pool is pool:
                pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
            raise

    async def _extract(self, context: JobContext) -> None:
        """Extraction over the stored transcript: the final transcript of a live session
        ("finalize"), or a transcript whose extraction must be redone ("extract")."""
        if not context.segments:
            raise ProcessingError("this session has no transcript to summarise")
        transcript = results.transcript_json(
            context.segments, started_at=context.session.started_at,
            zone=self._settings.zone, mentorship=context.mentorship)
        extraction = await asyncio.to_thread(processing.extract, transcript)
        await self._store.save_results(context.session.id, transcript["segments"], extraction)

    async def _fail(self, context: JobContext, reason: str) -> None:
        try:
            await self._store.fail_job(context.job.id, reason)
        except (RecordNotFound, InvalidState):
            return  # the session was deleted meanwhile
        if self._observer is not None:
            self._observer.job_failed(context.job.kind)
        self._publish(context, "status", status="failed", error=reason, job_id=context.job.id)

    # -- progress ---------------------------------------------------------------------

    async def _relay_progress(self) -> None:
        """Copy progress reports from the worker processes to the database and pages."""
        while (report := await asyncio.to_thread(self._progress.get)) is not None:
            job_id, fraction, stage = report
            context = self._running.get(job_id)
            if context is None:
                continue  # a late report for a job that has ended
            try:
                await self._store.update_progress(job_id, fraction, stage)
            except (RecordNotFound, InvalidState):
                continue  # deleted, or ended meanwhile
            except (SQLAlchemyError, OSError) as exc:
                log.warning("progress of job %s not saved: %s", job_id, exc)
                continue
            self._publish(context, "progress", progress=fraction, stage=stage)

    def _publish(self, context: JobContext, kind: str, **data: Any) -> None:
        self._events.publish(SessionEvent(kind, context.session.id, context.mentorship.id, data))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BrokenProcessPool):
        return "the worker process stopped unexpectedly (out of memory?): retry the job"
    return str(exc)
