"""Live sessions: audio frames in, captions, items and cues out, a recording at the end.

A ``LiveSession`` holds one stream per role (mentor, mentee). Frames arrive numbered; each
accepted frame is appended to the role's WAV under ``data_dir/live/<session>/`` and queued
for the role's ``StreamingTranscriber``, and its number is acknowledged, so that a client
that lost its connection resends exactly what was not acknowledged (no gap, no duplicate).

A speech engine is not shared between threads, so every engine pass of a live session runs
on its lane (``EngineLane``: one engine, one worker thread), in turn with the other sessions
on that lane; the event loop only moves bytes. The process has ``LiveConfig.engine_lanes``
lanes (``LanePool``) and a session takes the least busy one when it opens. When passes cannot keep up, a stream's queue grows: the next pass
then takes more audio at once (captions update less often) and a "degraded" event says so;
past ``max_backlog_s`` the oldest queued audio is captioned as silence. Memory stays bounded
either way, and nothing is lost from the recording: the final transcript is made offline.

The two WAVs stay aligned in time: a stream that starts late, or resumes after a pause
(mute), first gets silence up to the longest stream. Off the record, frames of both
streams are acknowledged and dropped: neither stored nor transcribed.

This module knows nothing of websockets: ``emit`` receives plain event dictionaries
(docs/LIVE.md), and errors are ``LiveError`` with a protocol code.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import secrets
import struct
import time
import wave
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Protocol, TypeVar

import numpy as np

from companion.live_insights import CueConfig, Insights
from companion.store import NewRecording
from transcription.streaming import (
    STREAMING_ENGINE_OPTIONS,
    Caption,
    StreamingConfig,
    StreamingTranscriber,
)
from transcription.types import SAMPLE_RATE, Engine

log = logging.getLogger(__name__)

ROLES: Final = ("mentor", "mentee")
FRAME_HEADER: Final = struct.Struct(">I")
"""Each binary frame: a 4-byte big-endian sequence number, then PCM s16le mono 16 kHz."""
BYTES_PER_SAMPLE: Final = 2
_WAV_BLOCK: Final = SAMPLE_RATE * 10
HISTORY_CAPTIONS: Final = 500
"""Final captions replayed to a connection that joins late (``LiveSession.history``)."""
HISTORY_ITEMS: Final = 200
"""Item events replayed likewise (items are pushed once each: a call has a few dozen)."""
_T = TypeVar("_T")


class LiveError(Exception):
    """A client broke the protocol; ``code`` names the rule (docs/LIVE.md), the message is
    one line for the person."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LiveConfig:
    """Limits and rates of live sessions."""

    max_frame_s: float = 1.0
    """Longest audio one frame may carry."""
    max_rate: float = 2.0
    """Audio seconds per wall-clock second a stream may send, sustained, times its
    declared ``speed`` (a recording streamed faster than real time)."""
    rate_burst_s: float = 30.0
    """Audio that may arrive at once beyond the rate (a reconnect resending its buffer)."""
    max_speed: float = 4.0
    degraded_backlog_s: float = 4.0
    """Queued audio above which a stream's captions are said to be behind."""
    max_backlog_s: float = 60.0
    """Queued audio above which the oldest is captioned as silence (it stays recorded)."""
    batch_max_s: float = 8.0
    """Most audio handed to one engine pass."""
    extract_every_s: float = 5.0
    engine_lanes: int = 2
    """Live engines, each on its own thread; a call runs on one, the least busy when it
    started. One call keeps one lane busy for a fraction of the time, so a second call on
    its own lane does not queue behind the first (each engine: ~100 MB once first used)."""
    streaming: StreamingConfig = StreamingConfig()
    cues: CueConfig = CueConfig()


class EngineLane:
    """The process's live speech engine and the one thread that runs it. Loaded on first
    use: a service that never hosts a live call never pays for it."""

    def __init__(self, factory: Callable[[], Engine]) -> None:
        self._factory = factory
        self._engine: Engine | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-engine")

    @property
    def engine(self) -> Engine:
        """The engine; call only on the lane's thread (inside ``run``)."""
        if self._engine is None:
            self._engine = self._factory()
        return self._engine

    async def run(self, fn: Callable[..., _T], *args: Any) -> _T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, *args)

    def close(self) -> None:
        self._thread.shutdown(wait=True, cancel_futures=True)


class LanePool:
    """``size`` engine lanes, each loaded on first use; a session holds one while it lives."""

    def __init__(self, factory: Callable[[], Engine], size: int) -> None:
        if size < 1:
            raise ValueError(f"engine_lanes must be at least 1, got {size}")
        self._lanes = [EngineLane(factory) for _ in range(size)]
        self._holders = [0] * size

    def acquire(self) -> EngineLane:
        """The lane with the fewest sessions (the first of equals); release it when done."""
        index = min(range(len(self._lanes)), key=self._holders.__getitem__)
        self._holders[index] += 1
        return self._lanes[index]

    def release(self, lane: EngineLane) -> None:
        index = self._lanes.index(lane)
        self._holders[index] = max(0, self._holders[index] - 1)

    def close(self) -> None:
        for lane in self._lanes:
            lane.close()


def streaming_engine_factory(engine: str, model: str | None) -> Callable[[], Engine]:
    """Builds the live engine: the configured engine and model, with streaming options
    (faster-whisper with a short encoder context, ``load_streaming_engine``)."""
    def load() -> Engine:
        from transcription.streaming import load_streaming_engine

        return load_streaming_engine(engine, model, replace(STREAMING_ENGINE_OPTIONS))
    return load


def parse_frame(data: bytes, max_frame_s: float) -> tuple[int, bytes]:
    """The sequence number and PCM of a binary frame; raises ``LiveError``."""
    if len(data) < FRAME_HEADER.size:
        raise LiveError("bad_frame", f"a frame needs a {FRAME_HEADER.size}-byte sequence "
                                     f"number, got {len(data)} bytes")
    pcm = data[FRAME_HEADER.size:]
    if len(pcm) % BYTES_PER_SAMPLE:
        raise LiveError("bad_frame", f"s16le audio needs an even number of bytes, got {len(pcm)}")
    if len(pcm) > max_frame_s * SAMPLE_RATE * BYTES_PER_SAMPLE:
        raise LiveError("too_big", f"a frame carries at most {max_frame_s:g} s of audio "
                                   f"({int(max_frame_s * SAMPLE_RATE * BYTES_PER_SAMPLE)} bytes), "
                                   f"got {len(pcm)} bytes")
    return FRAME_HEADER.unpack_from(data)[0], pcm


@dataclass
class _RateLimit:
    """A token bucket of audio seconds."""

    rate: float
    burst: float
    tokens: float = field(init=False)
    stamp: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.burst

    def take(self, seconds: float) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.tokens -= seconds
        return self.tokens >= 0


class _Stream:
    """One role's audio: its WAV, its queue for the transcriber, its sequence numbers.
    The transcriber is touched only on the engine lane's thread."""

    def __init__(self, role: str, path: Path, engine: Engine, config: StreamingConfig) -> None:
        self.role = role
        self.path = path
        self._wav = wave.open(str(path), "wb")
        self._wav.setnchannels(1)
        self._wav.setsampwidth(BYTES_PER_SAMPLE)
        self._wav.setframerate(SAMPLE_RATE)
        self.samples = 0
        self.next_seq = 0
        self.realign = False
        """Pad with silence up to the longest stream before the next frame (after a
        mute or off the record, when this stream stopped while another may have gone on)."""
        self.degraded = False
        self.queue: deque[bytes | int] = deque()  # PCM, or a count of silent samples
        self.queued = 0
        self.transcriber = StreamingTranscriber(engine, config, speaker=role)
        self.rate: _RateLimit | None = None

    def append(self, pcm: bytes) -> None:
        self._wav.writeframes(pcm)
        n = len(pcm) // BYTES_PER_SAMPLE
        self.samples += n
        self.queue.append(pcm)
        self.queued += n

    def pad_to(self, samples: int) -> None:
        """Silence up to stream sample ``samples`` (a late start, a resume after mute)."""
        missing = samples - self.samples
        silent = bytes(min(missing, _WAV_BLOCK) * BYTES_PER_SAMPLE)
        while missing > 0:
            n = min(missing, _WAV_BLOCK)
            self._wav.writeframes(silent[:n * BYTES_PER_SAMPLE])
            missing -= n
        if samples > self.samples:
            self.queue.append(samples - self.samples)
            self.queued += samples - self.samples
            self.samples = samples

    def take(self, limit: int) -> np.ndarray:
        """Up to ``limit`` queued samples as float32."""
        parts: list[np.ndarray] = []
        taken = 0
        while self.queue and taken < limit:
            head = self.queue.popleft()
            size = head if isinstance(head, int) else len(head) // BYTES_PER_SAMPLE
            n = min(size, limit - taken)
            if isinstance(head, int):
                parts.append(np.zeros(n, dtype=np.float32))
                if n < size:
                    self.queue.appendleft(size - n)
            else:
                parts.append(np.frombuffer(head[:n * BYTES_PER_SAMPLE], dtype="<i2")
                             .astype(np.float32) / 32768.0)
                if n < size:
                    self.queue.appendleft(head[n * BYTES_PER_SAMPLE:])
            taken += n
        self.queued -= taken
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)

    def silence_oldest(self, keep: int) -> int:
        """Turn queued audio beyond the newest ``keep`` samples into silence; returns how
        many samples were silenced."""
        excess = self.queued - keep
        if excess <= 0:
            return 0
        chunk = self.take(excess)
        self.queue.appendleft(len(chunk))
        self.queued += len(chunk)
        return len(chunk)

    def step(self, audio: np.ndarray) -> list[Caption]:
        """Feed and run at most one pass (on the engine lane)."""
        self.transcriber.feed(audio)
        return self.transcriber.process()

    def finish(self, audio: np.ndarray) -> list[Caption]:
        self.transcriber.feed(audio)
        return self.transcriber.finish()

    def close(self) -> None:
        self._wav.close()


@dataclass(frozen=True)
class Presence:
    """One open connection: who (the participant), as which stream, from what source."""

    participant: str
    role: str
    source: str

    def to_json(self) -> dict[str, str]:
        return {"participant": self.participant, "role": self.role, "source": self.source}


@dataclass(frozen=True)
class LiveOutcome:
    """What a stopped live session leaves: the stereo recording and the live transcript."""

    recording: NewRecording | None
    segments: list[dict[str, Any]]
    extraction: dict[str, Any]


Emit = Callable[[dict[str, Any]], None]


class Listener(Protocol):
    """A connection: it is told the session's events (without blocking)."""

    def deliver(self, event: dict[str, Any]) -> None: ...


class LiveSession:
    """One live call (see the module docstring). Use from the event loop's thread."""

    def __init__(self, session_id: str, directory: Path, lane: EngineLane, publish: Emit,
                 config: LiveConfig = LiveConfig(), *, session_date: str | None = None,
                 participants: dict[str, Any] | None = None) -> None:
        self.session_id = session_id
        self.directory = directory
        self.config = config
        self._lane = lane
        self._publish = publish
        self._streams: dict[str, _Stream] = {}
        self._owners: dict[str, Listener] = {}
        self.connected: dict[Listener, Presence] = {}
        self.off_record = False
        self.paused: set[str] = set()
        self.finals: list[Caption] = []
        self._items: deque[dict[str, Any]] = deque(maxlen=HISTORY_ITEMS)
        self._insights = Insights(config.cues, session_date=session_date,
                                  participants=participants)
        self._extracted_finals = 0
        self._wake = asyncio.Event()
        self._stopping = False
        self.stopped = False
        self._pump = asyncio.create_task(self._run_pump(), name=f"live-pump-{session_id}")
        self._extractor = asyncio.create_task(self._run_extraction(),
                                              name=f"live-extract-{session_id}")

    # -- connections -----------------------------------------------------------------

    @property
    def now(self) -> float:
        """Session audio time: the longest stream, in seconds."""
        return max((s.samples for s in self._streams.values()), default=0) / SAMPLE_RATE

    def attach(self, owner: Listener, presence: Presence, *, speed: float = 1.0,
               resume_from: int | None = None) -> tuple[int, Listener | None]:
        """Make ``owner`` (a connection) the sender of ``presence.role``'s stream. Returns
        the next sequence number expected and the connection it replaces, if any."""
        if self._stopping:
            raise LiveError("ended", "this live session has ended")
        role = presence.role
        stream = self._streams.get(role)
        if stream is None:
            if resume_from:
                raise LiveError("sequence", f"nothing was received from the {role} yet: "
                                            f"start from 0, not {resume_from}")
            self.directory.mkdir(parents=True, exist_ok=True)
            stream = _Stream(role, self.directory / f"{role}.wav", self._lane_engine(),
                             self.config.streaming)
            stream.pad_to(round(self.now * SAMPLE_RATE))
            self._streams[role] = stream
        elif resume_from is not None and resume_from > stream.next_seq:
            raise LiveError("sequence", f"cannot resume from frame {resume_from}: the "
                                        f"{role}'s next frame is {stream.next_seq}")
        stream.rate = _RateLimit(self.config.max_rate * speed, self.config.rate_burst_s)
        previous = self._owners.get(role)
        if previous is not None:
            self.connected.pop(previous, None)
        self._owners[role] = owner
        self.connected[owner] = presence
        if role in self.paused:  # a new connection starts unmuted (a muted one says so again)
            self.pause(role, False)
        self._presence()
        return stream.next_seq, previous

    def detach(self, owner: Listener) -> None:
        presence = self.connected.pop(owner, None)
        if presence is not None and self._owners.get(presence.role) is owner:
            del self._owners[presence.role]
        self._presence()

    def _lane_engine(self) -> Engine:
        return _LazyEngine(self._lane)

    def _emit(self, event: dict[str, Any]) -> None:
        """To every connection, or only to the participant a cue is ``to`` (cues are
        private); shared events are also published (the session pages). Only cues are
        routed by ``to``: an item's ``to`` (feedback's receiver) is content, not routing."""
        to = event.get("to") if event.get("type") == "cue" else None
        if event.get("type") == "item":
            self._items.append(event)
        for owner, presence in list(self.connected.items()):
            if to is None or presence.participant == to:
                owner.deliver(event)
        if to is None:
            self._publish(event)

    def _presence(self) -> None:
        self._emit(self._presence_event())

    def _presence_event(self) -> dict[str, Any]:
        return {"type": "presence", "connected": [p.to_json() for p in self.connected.values()],
                "off_record": self.off_record}

    def history(self) -> dict[str, Any]:
        """What a connection that joins now has missed (a reloaded panel or page): the
        latest ``HISTORY_CAPTIONS`` final captions (``truncated`` says how many older ones
        are left out), the item events pushed so far, who is connected, who is paused and
        whether the call is off the record. The finals are the ones ``LiveSession`` keeps
        for extraction anyway: replaying costs no memory of its own."""
        finals = [c for c in self.finals if c.text.strip()]
        kept = finals[-HISTORY_CAPTIONS:]
        return {**self._presence_event(), "type": "history",
                "captions": [_caption_event(c) for c in kept],
                "truncated": len(finals) - len(kept), "items": list(self._items),
                "paused": sorted(self.paused)}

    # -- audio -----------------------------------------------------------------------

    def receive(self, owner: Listener, data: bytes) -> int:
        """Take one binary frame from ``owner``; returns the sequence number to acknowledge.
        A frame already received is acknowledged again and dropped."""
        presence = self.connected.get(owner)
        if presence is None or self._owners.get(presence.role) is not owner:
            raise LiveError("replaced", "another connection now streams this role")
        stream = self._streams[presence.role]
        seq, pcm = parse_frame(data, self.config.max_frame_s)
        if seq < stream.next_seq:
            return seq
        if seq > stream.next_seq:
            raise LiveError("sequence", f"frame {seq} arrived but frame {stream.next_seq} "
                                        "was expected: resume from the last acknowledged frame")
        seconds = len(pcm) / BYTES_PER_SAMPLE / SAMPLE_RATE
        assert stream.rate is not None, "attach sets the rate"
        if not stream.rate.take(seconds):
            raise LiveError("rate", "audio is arriving faster than "
                                    f"{stream.rate.rate:g}x real time")
        stream.next_seq = seq + 1
        if self.off_record or self._stopping:
            return seq
        if stream.realign:
            stream.realign = False
            stream.pad_to(max(s.samples for s in self._streams.values()))
        stream.append(pcm)
        keep = round(self.config.max_backlog_s * SAMPLE_RATE)
        silenced = stream.silence_oldest(keep)
        if silenced:
            self._emit({"type": "degraded", "role": stream.role, "active": True,
                        "skipped_s": round(silenced / SAMPLE_RATE, 2),
                        "message": f"captions of the {stream.role} skipped "
                                   f"{silenced / SAMPLE_RATE:.0f} s to catch up "
                                   "(the recording keeps everything)"})
        if stream.queued >= self._chunk:
            self._wake.set()
        return seq

    @property
    def _chunk(self) -> int:
        return round(self.config.streaming.min_chunk_s * SAMPLE_RATE)

    def pause(self, role: str, paused: bool) -> None:
        """The role muted (the client sends nothing) or unmuted; the stream is padded
        with silence up to the others at its next frame."""
        if role in self._streams:
            self._streams[role].realign = True
        (self.paused.add if paused else self.paused.discard)(role)
        self._emit({"type": "paused", "role": role, "paused": paused})

    def set_off_record(self, on: bool, by: str) -> None:
        """Off the record (both streams): frames are acknowledged and dropped."""
        if on == self.off_record:
            return
        self.off_record = on
        for stream in self._streams.values():
            stream.realign = True
        self._emit({"type": "off_record", "on": on, "by": by})

    # -- engine passes ---------------------------------------------------------------

    async def _run_pump(self) -> None:
        batch = round(self.config.batch_max_s * SAMPLE_RATE)
        while True:
            ready = [s for s in self._streams.values() if s.queued >= self._chunk]
            if not ready:
                if self._stopping:
                    return
                self._wake.clear()
                await self._wake.wait()
                continue
            for stream in sorted(ready, key=lambda s: -s.queued):
                audio = stream.take(batch)
                captions = await self._lane.run(stream.step, audio)
                self._captions(captions)
                self._report_backlog(stream)

    def _report_backlog(self, stream: _Stream) -> None:
        behind = stream.queued / SAMPLE_RATE
        if not stream.degraded and behind > self.config.degraded_backlog_s:
            stream.degraded = True
            self._emit({"type": "degraded", "role": stream.role, "active": True,
                        "backlog_s": round(behind, 1),
                        "message": f"captions of the {stream.role} are {behind:.0f} s behind: "
                                   "they update less often until they catch up"})
        elif stream.degraded and behind < self.config.streaming.min_chunk_s:
            stream.degraded = False
            self._emit({"type": "degraded", "role": stream.role, "active": False,
                        "backlog_s": round(behind, 1), "message": "captions caught up"})

    def _captions(self, captions: list[Caption]) -> None:
        for caption in captions:
            if caption.final:
                self.finals.append(caption)
            self._emit(_caption_event(caption))

    async def _run_extraction(self) -> None:
        while not self._stopping:
            await asyncio.sleep(self.config.extract_every_s)
            await self._extract()

    async def _extract(self) -> None:
        if len(self.finals) == self._extracted_finals and not self._insights.waiting:
            return
        self._extracted_finals = len(self.finals)
        events = await asyncio.to_thread(self._insights.update, list(self.finals), self.now)
        for event in events:
            self._emit(event)

    # -- the end ---------------------------------------------------------------------

    async def stop(self, recordings_dir: Path) -> LiveOutcome:
        """Transcribe what is queued, close the WAVs and mix them into a stereo recording
        (mentor left, mentee right) in ``recordings_dir``."""
        self._stopping = True
        self._wake.set()
        self._extractor.cancel()
        await asyncio.gather(self._pump, self._extractor, return_exceptions=True)
        for stream in self._streams.values():
            self._captions(await self._lane.run(stream.finish, stream.take(stream.queued)))
            stream.close()
        await self._extract()
        self.stopped = True
        self._emit({"type": "stopped"})
        recording = None
        if any(s.samples for s in self._streams.values()):
            recording = await asyncio.to_thread(
                mix_stereo, [self.directory / f"{role}.wav" if role in self._streams else None
                             for role in ROLES], recordings_dir)
        return LiveOutcome(recording, list(self._insights.segments),
                           dict(self._insights.extraction))

    async def abandon(self) -> None:
        """Stop without a recording (the service is shutting down): the WAVs stay."""
        self._stopping = True
        self._wake.set()
        self._extractor.cancel()
        self._pump.cancel()
        await asyncio.gather(self._pump, self._extractor, return_exceptions=True)
        for stream in self._streams.values():
            stream.close()


def _caption_event(caption: Caption) -> dict[str, Any]:
    return {"type": "caption", "final": caption.final, "speaker": caption.speaker,
            "text": caption.text, "start": round(caption.start, 2), "end": round(caption.end, 2)}


class _LazyEngine:
    """The lane's engine, resolved when a pass first needs it (on the lane's thread), so
    that creating a stream on the event loop never loads the model there."""

    name = "live"

    def __init__(self, lane: EngineLane) -> None:
        self._lane = lane

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> Any:
        return self._lane.engine.transcribe(audio, initial_prompt=initial_prompt)


def mix_stereo(paths: list[Path | None], recordings_dir: Path) -> NewRecording:
    """One stereo WAV from mono WAVs (left, right; None is a silent side), in blocks."""
    recordings_dir.mkdir(parents=True, exist_ok=True)
    name = f"live-{secrets.token_hex(8)}.wav"
    target = recordings_dir / name
    sources = [wave.open(str(p), "rb") if p is not None else None for p in paths]
    try:
        total = max(s.getnframes() for s in sources if s is not None)
        with wave.open(str(target), "wb") as out:
            out.setnchannels(2)
            out.setsampwidth(BYTES_PER_SAMPLE)
            out.setframerate(SAMPLE_RATE)
            for start in range(0, total, _WAV_BLOCK):
                n = min(_WAV_BLOCK, total - start)
                block = np.zeros((n, 2), dtype="<i2")
                for ch, source in enumerate(sources):
                    if source is not None:
                        data = np.frombuffer(source.readframes(n), dtype="<i2")
                        block[:len(data), ch] = data
                out.writeframes(block.tobytes())
    finally:
        for source in sources:
            if source is not None:
                source.close()
    digest = hashlib.sha256()
    with target.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return NewRecording(stored_name=name, original_filename="live-call.wav",
                        content_type="audio/wav", size_bytes=target.stat().st_size,
                        sha256=digest.hexdigest(), duration=total / SAMPLE_RATE)


def frame(seq: int, pcm: bytes) -> bytes:
    """A binary frame of the protocol (clients and tests build theirs with it)."""
    return FRAME_HEADER.pack(seq) + pcm


def frames_of(audio: np.ndarray, seconds: float) -> list[bytes]:
    """Float or int16 mono audio cut into s16le PCM pieces of ``seconds``."""
    if audio.dtype != np.int16:
        audio = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    step = max(1, math.floor(seconds * SAMPLE_RATE))
    return [audio[i:i + step].astype("<i2").tobytes() for i in range(0, len(audio), step)]
