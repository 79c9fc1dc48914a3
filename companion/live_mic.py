"""A microphone for ``companion live --mic``: an input device read through PyAV's
libavdevice (``av.open(name, format="pulse"|"alsa"|...)``), resampled to the live
protocol's 16 kHz s16le mono and cut into pieces for ``LiveClient.stream``.

The device is read on its own thread; pieces reach the event loop through a bounded queue,
so a device that produces faster than the stream sends (libavdevice's ``lavfi`` input, which
tests use as a device, or a resend buffer that is full) waits instead of filling memory. A
real microphone does not wait: what it records while the queue is full is lost (the live
client's resend buffer is 30 s, the queue a few more).
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import av
import av.container

from companion.live import BYTES_PER_SAMPLE
from transcription.types import SAMPLE_RATE

DEFAULT_DEVICES: Final = ("pulse:default", "alsa:default")
"""Tried in turn when no device is named: PulseAudio (or PipeWire's pulse server), then ALSA."""
PIECE_S: Final = 0.25
QUEUE_PIECES: Final = 40
"""Pieces waiting for the stream (10 s) before the device thread waits."""
_POLL_S: Final = 0.5


class DeviceError(Exception):
    """No usable input device, or it failed while recording; the message is one line."""


@dataclass(frozen=True)
class Device:
    """An input device as libavdevice names it: its format (``pulse``, ``alsa``, ``lavfi``
    …) and its name in that format (``default``, ``hw:1``, a lavfi filter graph)."""

    format: str
    name: str

    @classmethod
    def parse(cls, spec: str) -> Device:
        """``FORMAT:NAME``, e.g. ``alsa:hw:1`` or ``lavfi:sine=frequency=440``."""
        fmt, sep, name = spec.partition(":")
        if not sep or not fmt or not name:
            raise ValueError(f"{spec!r} is not FORMAT:NAME (e.g. pulse:default, alsa:hw:1)")
        return cls(fmt, name)

    def __str__(self) -> str:
        return f"{self.format}:{self.name}"


def open_device(devices: Sequence[Device]) -> tuple[Device, av.container.InputContainer]:
    """The first of ``devices`` that opens with an audio stream; raises ``DeviceError``
    naming each one tried and why it failed."""
    failures = []
    for device in devices:
        if device.format not in av.formats_available:
            failures.append(f"{device} (this PyAV has no {device.format!r} input)")
            continue
        try:
            with _quiet_stderr():  # ALSA's own library prints its complaints to fd 2
                container = av.open(device.name, format=device.format)
        except (av.FFmpegError, OSError, ValueError) as exc:
            failures.append(f"{device} ({_reason(exc)})")
            continue
        if not container.streams.audio:
            container.close()
            failures.append(f"{device} (no audio stream)")
            continue
        return device, container
    raise DeviceError("no microphone could be opened: " + "; ".join(failures))


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return text.splitlines()[0] if text else type(exc).__name__


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null meanwhile (the error is reported as one line)."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class MicCapture:
    """Reads an open device on a thread until it ends or ``close`` is called; ``pieces``
    yields its audio as s16le 16 kHz mono, ``PIECE_S`` seconds a piece."""

    def __init__(self, device: Device, container: av.container.InputContainer,
                 piece_s: float = PIECE_S) -> None:
        self.device = device
        self._container = container
        self._piece_bytes = round(piece_s * SAMPLE_RATE) * BYTES_PER_SAMPLE
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(QUEUE_PIECES)
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._read, name="live-mic", daemon=True)
        self._thread.start()

    @classmethod
    def open(cls, specs: Sequence[str] = DEFAULT_DEVICES) -> MicCapture:
        """Open the first device of ``specs`` (``FORMAT:NAME``) that works."""
        device, container = open_device([Device.parse(spec) for spec in specs])
        return cls(device, container)

    def close(self) -> None:
        """Stop recording (Ctrl-C): ``pieces`` ends after what was recorded."""
        self._closing.set()

    async def pieces(self) -> AsyncIterator[bytes]:
        while True:
            try:
                piece = await asyncio.to_thread(self._queue.get, True, _POLL_S)
            except queue.Empty:
                continue
            if piece is None:
                return
            if isinstance(piece, BaseException):
                raise DeviceError(f"{self.device} failed: {_reason(piece)}") from piece
            yield piece

    def _put(self, item: bytes | BaseException | None) -> None:
        while True:
            try:
                self._queue.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                if self._closing.is_set() and item is not None:
                    return  # closing: what does not fit is dropped, the end still goes in

    def _read(self) -> None:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        pending = bytearray()
        try:
            for frame in self._container.decode(audio=0):
                for out in resampler.resample(frame):
                    pending += out.to_ndarray().tobytes()
                while len(pending) >= self._piece_bytes:
                    self._put(bytes(pending[:self._piece_bytes]))
                    del pending[:self._piece_bytes]
                if self._closing.is_set():
                    break
            for out in resampler.resample(None):
                pending += out.to_ndarray().tobytes()
            if pending:
                self._put(bytes(pending))
        except (av.FFmpegError, OSError) as exc:
            self._put(exc)
        finally:
            self._container.close()
            self._put(None)
