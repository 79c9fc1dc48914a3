"""What a worker process runs: a recording in, the transcript JSON and extraction JSON out.

This is plain Python, with no event loop and no database: ``companion.worker`` sends it
work in a process pool and stores what comes back. A worker process loads the speech
engine once (``init_process``) and keeps it for every job after the first; progress goes
back to the service through a multiprocessing queue, and the service can ask a running
job to stop through a shared event, which is checked at each progress report.

Heavy modules (the pipeline, torch, the engines) are imported inside the functions, so
that importing this module in the service process costs nothing.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from datetime import datetime

    from transcription.types import Engine

TRANSCRIBE_SHARE: Final = 0.95
"""Share of the progress bar given to transcription; extraction takes the rest."""
_MIN_STEP: Final = 0.01
"""Progress is reported when it moves by at least this much, or the stage changes."""
_PR_SET_PDEATHSIG: Final = 1


class ProcessingError(Exception):
    """A job cannot be done; the message is one line a participant can act on."""


class Stopped(Exception):
    """The service is stopping: the job is abandoned and will run again at the next start."""


@dataclass(frozen=True)
class EngineConfig:
    """Which engine a worker process loads."""

    engine: str = "faster-whisper"
    model: str | None = None
    cpu_threads: int = 0


@dataclass(frozen=True)
class TranscribeTask:
    """One recording to transcribe and summarise, with what the transcript JSON carries."""

    job_id: str
    recording: Path
    session_date: str | None = None
    """The session's local date-time (``YYYY-MM-DDTHH:MM``): relative dates resolve from it."""
    participants: dict[str, dict[str, str]] = field(default_factory=dict)
    max_duration: float | None = None


@dataclass(frozen=True)
class Results:
    transcript: dict[str, Any]
    """The transcript JSON of CONTRACT.md."""
    extraction: dict[str, Any]
    """The extraction JSON of CONTRACT.md."""


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


class _Flag(Protocol):
    def is_set(self) -> bool: ...


@dataclass
class _ProcessState:
    config: EngineConfig
    progress: _Queue | None
    stop: _Flag | None
    engine: Engine | None = None


_state: _ProcessState | None = None


def init_process(config: EngineConfig, progress: _Queue | None = None,
                 stop: _Flag | None = None) -> None:
    """Initialise a worker process: remember where to report, and die with the service.

    Without PR_SET_PDEATHSIG a worker whose service was killed (kill -9) would go on
    transcribing for nobody, holding a core and the memory of its model.
    """
    global _state
    _state = _ProcessState(config, progress, stop)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the service died before prctl took effect
            os._exit(1)


def engine() -> Engine:
    """The process's engine, loaded on first use and kept."""
    from transcription.engines import load_engine
    from transcription.types import EngineOptions

    state = _current()
    if state.engine is None:
        state.engine = load_engine(state.config.engine, state.config.model,
                                   EngineOptions(cpu_threads=state.config.cpu_threads))
    return state.engine


def transcribe(task: TranscribeTask) -> Results:
    """Transcribe the task's recording and extract from it; raises ``ProcessingError``
    (with the decoder's or the model's one-line message) or ``Stopped``."""
    from companion.roles import settle
    from transcription.errors import TranscriptionError
    from transcription.formats import to_json
    from transcription.pipeline import PipelineConfig, Transcriber

    report = _Reporter(task.job_id)
    if not task.recording.is_file():
        raise ProcessingError(f"the recording file {task.recording.name} is missing "
                              "from the data directory")
    report(0.0, "loading the model")
    try:
        transcriber = Transcriber(engine(), PipelineConfig(max_duration=task.max_duration))
        report(0.0, "transcribing")
        transcript = transcriber.transcribe_file(
            task.recording,
            progress=lambda done, total: report(
                TRANSCRIBE_SHARE * (done / total if total else 1.0), "transcribing"))
    except TranscriptionError as exc:
        raise ProcessingError(str(exc)) from None
    transcript.session_date = task.session_date
    transcript.participants = task.participants
    settle(transcript, _local_datetime(task.session_date))  # a mono mix: who is the mentor?
    transcript_json = to_json(transcript)
    report(TRANSCRIBE_SHARE, "extracting")
    return Results(transcript_json, extract(transcript_json))


def extract(transcript_json: dict[str, Any]) -> dict[str, Any]:
    """The extraction JSON of a transcript JSON (whose session_date anchors dates)."""
    from summaries import TranscriptError, extract_json

    try:
        return extract_json(transcript_json)
    except TranscriptError as exc:
        raise ProcessingError(str(exc)) from None


def _local_datetime(value: str | None) -> "datetime | None":
    from datetime import datetime

    return datetime.fromisoformat(value) if value else None


def _current() -> _ProcessState:
    global _state
    if _state is None:  # called outside a pool (tests, scripts): a plain process
        _state = _ProcessState(EngineConfig(), None, None)
    return _state


class _Reporter:
    """Sends (job id, fraction, stage) to the service when something visible changed,
    and stops the job when the service asks."""

    def __init__(self, job_id: str) -> None:
        self._job_id = job_id
        self._last: tuple[float, str] = (-1.0, "")

    def __call__(self, fraction: float, stage: str) -> None:
        state = _current()
        if state.stop is not None and state.stop.is_set():
            raise Stopped("the service is stopping")
        fraction = min(max(fraction, 0.0), 1.0)
        if state.progress is None or (stage == self._last[1]
                                      and fraction - self._last[0] < _MIN_STEP):
            return
        self._last = (fraction, stage)
        state.progress.put((self._job_id, round(fraction, 4), stage))
