"""Decode any recording FFmpeg reads into 16 kHz float32, in blocks of bounded size.

PyAV bundles the FFmpeg libraries, so no system ffmpeg is needed, and decoding in-process
lets a long recording stream through in fixed-size blocks: memory stays flat however long
the meeting was.

What counts as damaged (FFmpeg's own reports are the evidence; nothing is guessed from
the samples):

- FFmpeg cannot open the file: `CorruptAudioError` when its first bytes carry a known media
  signature (an MP4 cut before its index, a FLAC cut inside its header), else `NotAudioError`.
- A packet the decoder rejects is skipped, as the ffmpeg tool does; `MAX_BAD_RUN` rejected
  packets in a row, more than `MAX_BAD_SHARE` of all packets, or the demuxer failing mid-file
  raise `CorruptAudioError`.
- Audio that ends well short of the duration the container declares (an MP3's Xing header,
  FLAC's STREAMINFO, an MP4 index, a WebM Duration element) raises `CorruptAudioError`:
  the file was truncated. `check_decodable` finds this without decoding the whole file by
  decoding the declared last seconds.

Left undetected, because FFmpeg reports nothing: PCM (WAV) has no framing or checksum, so
garbage after a valid WAV header decodes as noise (the VAD then finds no speech), and a cut
WAV or Ogg file declares just the length that survives; both decode to what is there.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Literal

import av
import numpy as np

from .errors import CorruptAudioError, EmptyAudioError, NotAudioError, TooLongError
from .types import SAMPLE_RATE

Channels = Literal["mix", "split"]

CHECK_SECONDS = 5.0
"""How much audio `check_decodable` decodes from the start."""
TAIL_SECONDS = 3.0
"""How far before the declared end `check_decodable` seeks to prove the file is whole."""
MAX_BAD_RUN = 10
"""Consecutive undecodable packets that mean the data is garbage, not a glitch."""
MAX_BAD_SHARE = 0.05
"""Share of undecodable packets over which a whole file counts as damaged."""

_SIGNATURES = (
    (0, b"RIFF", "a RIFF (WAV) file"),
    (0, b"RF64", "a WAV file"),
    (0, b"fLaC", "a FLAC file"),
    (0, b"OggS", "an Ogg file"),
    (0, b"\x1aE\xdf\xa3", "a WebM/Matroska file"),
    (4, b"ftyp", "an MP4/M4A file"),
    (0, b"ID3", "an MP3 file"),
    (0, b"FORM", "an AIFF file"),
)


@dataclass(frozen=True)
class AudioInfo:
    """What the container says about its first audio stream."""

    duration: float
    """Seconds: as declared by the container, else counted by decoding."""
    channels: int
    sample_rate: int
    """The source's rate, before resampling to `SAMPLE_RATE`."""
    codec: str
    container: str
    """FFmpeg's demuxer name, e.g. "mp3" or "mov,mp4,m4a,3gp,3g2,mj2"."""


@dataclass
class _Tally:
    """Running account of one decode, for the damage and length checks."""

    seconds: float = 0.0
    packets: int = 0
    bad: int = 0
    end: float | None = None
    """Presentation time where the last decoded frame ends, when frames carry timestamps."""


def probe(path: str | Path) -> AudioInfo:
    """Describe the first audio stream from container metadata; decodes only when the
    container declares no duration (e.g. a WebM straight from a browser's MediaRecorder)."""
    with _open(path) as (container, stream, name):
        duration = _declared_duration(container, stream)
        if duration is None:
            tally = _Tally()
            for _ in _frames(container, stream, name, tally, None):
                pass
            _verify_complete(tally, name, None)
            duration = tally.seconds
        return _info(container, stream, duration)


def check_decodable(path: str | Path, *, max_duration: float | None = None) -> AudioInfo:
    """Vet an upload before accepting it: raises the typed error a full decode would.

    Decodes the first `CHECK_SECONDS`, then the last `TAIL_SECONDS` the container declares
    (so a truncated file is caught now, not after transcription); without a declared
    duration it decodes the rest too, the only way to know the length.
    """
    with _open(path) as (container, stream, name):
        declared = _declared_duration(container, stream)
        _check_declared_length(name, declared, max_duration)
        tally = _Tally()
        frames = _frames(container, stream, name, tally, max_duration)
        for _ in frames:
            if declared is not None and tally.seconds >= CHECK_SECONDS:
                frames.close()
                _check_tail(container, stream, name, declared)
                return _info(container, stream, declared)
        _verify_complete(tally, name, declared)
        return _info(container, stream, tally.seconds)


def iter_blocks(
    path: str | Path,
    *,
    block_seconds: float = 30.0,
    channels: Channels = "mix",
    max_duration: float | None = None,
) -> Iterator[np.ndarray]:
    """Yield the recording at `SAMPLE_RATE` as float32 blocks of `block_seconds` (the last
    one shorter): 1-D, the mean of the channels, for "mix"; 2-D (channels, samples) for
    "split". Damage and excess length raise as soon as they are known, which for truncation
    is after the last full block.
    """
    if block_seconds <= 0:
        raise ValueError(f"block_seconds must be positive, not {block_seconds}")
    if channels not in ("mix", "split"):
        raise ValueError(f"channels must be 'mix' or 'split', not {channels!r}")
    block = max(1, round(block_seconds * SAMPLE_RATE))
    with _open(path) as (container, stream, name):
        declared = _declared_duration(container, stream)
        _check_declared_length(name, declared, max_duration)
        tally = _Tally()
        resample = _Resampler()
        pending: list[np.ndarray] = []
        held = 0
        for frame in chain(_frames(container, stream, name, tally, max_duration), [None]):
            for planes in resample(frame):
                pending.append(planes)
                held += planes.shape[1]
                while held >= block:
                    joined = np.concatenate(pending, axis=1)
                    pending, held = [joined[:, block:]], held - block
                    yield _shape(joined[:, :block], channels)
        _verify_complete(tally, name, declared)
        if held:
            yield _shape(np.concatenate(pending, axis=1), channels)


def load(
    path: str | Path, *, channels: Channels = "mix", max_duration: float | None = None
) -> np.ndarray:
    """The whole recording as one array (for short clips; long ones go through `iter_blocks`)."""
    blocks = list(iter_blocks(path, channels=channels, max_duration=max_duration))
    return np.concatenate(blocks, axis=-1)


@contextmanager
def _open(path: str | Path) -> Iterator[tuple[av.container.InputContainer, av.AudioStream, str]]:
    """Open `path` and find its first audio stream, mapping every failure to a typed error."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise NotAudioError(f"{name} cannot be read ({exc.strerror or exc})") from exc
    if not head:
        raise EmptyAudioError(f"{name} is empty (0 bytes)")
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        kind = _media_kind(head)
        if kind:
            raise CorruptAudioError(
                f"{name} looks like {kind} but cannot be read (truncated or damaged)"
            ) from exc
        raise NotAudioError(f"{name} is not an audio file (not a format FFmpeg reads)") from exc
    try:
        if not container.streams.audio:
            raise NotAudioError(f"{name} is not an audio file (no audio stream found)")
        yield container, container.streams.audio[0], name
    finally:
        container.close()
        # PyAV frees resampler and filter-graph objects only on a collection
        # (https://github.com/SYSTRAN/faster-whisper/issues/390). The youngest generation
        # is enough (RSS stays flat over 40 decodes) and costs microseconds; a full
        # collection took ~0.2 s per file in a process holding the models.
        gc.collect(0)


def _media_kind(head: bytes) -> str | None:
    for offset, magic, kind in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            return kind
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "an MP3/AAC stream"
    return None


def _declared_duration(
    container: av.container.InputContainer, stream: av.AudioStream
) -> float | None:
    """The audio stream's length as the file states it; the container's length only speaks
    for the audio when the audio is the only stream."""
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None and len(container.streams) == 1:
        return container.duration / av.time_base
    return None


def _frames(
    container: av.container.InputContainer,
    stream: av.AudioStream,
    name: str,
    tally: _Tally,
    max_duration: float | None,
) -> Iterator[av.AudioFrame]:
    """Decoded frames of `stream`, applying the damage policy of the module docstring."""
    run = 0
    try:
        for packet in container.demux(stream):
            tally.packets += 1
            try:
                frames = packet.decode()
            except av.error.FFmpegError:
                tally.bad += 1
                run += 1
                if run >= MAX_BAD_RUN:
                    raise CorruptAudioError(
                        f"{name} is damaged: {run} audio packets in a row cannot be decoded"
                        f" (after {tally.seconds:.1f} s)"
                    ) from None
                continue
            run = 0
            for frame in frames:
                tally.seconds += frame.samples / frame.sample_rate
                if frame.time is not None:
                    tally.end = frame.time + frame.samples / frame.sample_rate
                if max_duration is not None and tally.seconds > max_duration:
                    raise TooLongError(
                        f"{name} is longer than the {_clock(max_duration)} limit"
                    )
                yield frame
    except av.error.FFmpegError as exc:
        raise CorruptAudioError(
            f"{name} is truncated or damaged: reading stopped after {tally.seconds:.1f} s"
            f" ({exc.strerror})"
        ) from exc


def _verify_complete(tally: _Tally, name: str, declared: float | None) -> None:
    """Checks that need the whole stream decoded: damage share, truncation, emptiness."""
    if _too_damaged(tally):
        raise CorruptAudioError(
            f"{name} is damaged: {tally.bad} of {tally.packets} audio packets cannot be decoded"
        )
    if declared is not None and declared - tally.seconds > _truncation_margin(declared):
        raise CorruptAudioError(
            f"{name} is truncated or damaged: its header declares {declared:.1f} s but only"
            f" {tally.seconds:.1f} s of audio decode"
        )
    if tally.seconds == 0:
        raise EmptyAudioError(f"{name} holds no audio samples")


def _check_tail(
    container: av.container.InputContainer, stream: av.AudioStream, name: str, declared: float
) -> None:
    """Decode the declared last seconds: a truncated file has no audio there."""
    target = max(0.0, declared - TAIL_SECONDS)
    try:
        container.seek(int(target / stream.time_base), stream=stream, backward=True)
    except av.error.FFmpegError:
        return  # not seekable: the full decode checks the length instead
    tally = _Tally()
    for _ in _frames(container, stream, name, tally, None):
        pass
    if _too_damaged(tally) or tally.end is None or (
        declared - tally.end > _truncation_margin(declared)
    ):
        found = (
            f"its audio stops at {tally.end:.1f} s" if tally.end is not None
            else "no audio decodes near the end"
        )
        raise CorruptAudioError(
            f"{name} is truncated: {found} of the {declared:.1f} s its header declares"
        )


def _check_declared_length(name: str, declared: float | None, max_duration: float | None) -> None:
    if max_duration is not None and declared is not None and declared > max_duration:
        raise TooLongError(
            f"{name} is {_clock(declared)} long, over the {_clock(max_duration)} limit"
        )


def _too_damaged(tally: _Tally) -> bool:
    """One bad packet alone never condemns a file (the length checks catch a cut one)."""
    return tally.bad > max(1.0, MAX_BAD_SHARE * tally.packets)


def _truncation_margin(declared: float) -> float:
    """Slack between declared and decoded length: encoder padding and priming differ by
    tens of milliseconds, bitrate-based estimates by a few percent."""
    return max(1.0, 0.05 * declared)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _info(
    container: av.container.InputContainer, stream: av.AudioStream, duration: float
) -> AudioInfo:
    ctx = stream.codec_context
    return AudioInfo(
        duration=round(duration, 3),
        channels=ctx.channels,
        sample_rate=ctx.sample_rate,
        codec=ctx.name,
        container=container.format.name,
    )


def _shape(planes: np.ndarray, channels: Channels) -> np.ndarray:
    if channels == "split":
        return np.ascontiguousarray(planes)
    if planes.shape[0] == 1:
        return np.ascontiguousarray(planes[0])
    return planes.mean(axis=0, dtype=np.float32)


class _Resampler:
    """`av.AudioResampler` to `SAMPLE_RATE` planar float, keeping the first frame's channel
    layout, and rebuilt when the input changes format mid-stream (PyAV's raises instead)."""

    def __init__(self) -> None:
        self._inner: av.AudioResampler | None = None
        self._source: tuple[str, str, int] | None = None
        self._layout: str | None = None

    def __call__(self, frame: av.AudioFrame | None) -> list[np.ndarray]:
        out: list[av.AudioFrame | None] = []
        if frame is not None:
            source = (frame.format.name, frame.layout.name, frame.sample_rate)
            if source != self._source:
                if self._inner is not None:
                    out += self._inner.resample(None)
                self._layout = self._layout or frame.layout.name
                self._inner = av.AudioResampler(
                    format="fltp", layout=self._layout, rate=SAMPLE_RATE
                )
                self._source = source
        if self._inner is not None:
            out += self._inner.resample(frame)
        # A pass-through resampler echoes the None that flushes it.
        return [f.to_ndarray() for f in out if f is not None]
