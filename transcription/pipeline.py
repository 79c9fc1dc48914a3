"""A recording in, a speaker-attributed, timed transcript out.

decode (blocks) → windows of a few minutes, cut in a quiet spot → VAD → speech joined
into ~30 s clips (silence costs nothing), several decoded in one batch → times mapped back → hallucination
filter → who spoke (a stereo channel per participant, or diarization of a mono mix).

Memory stays flat in the recording's length: only one window of audio is held at a time,
and a mono mix keeps its speaker assignment consistent across windows through voice
prints taken from the first windows (only when a later window needs them). A mono
window is diarized in a second thread while the engine transcribes it.
"""
from __future__ import annotations

import ctypes
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Literal

import numpy as np

from . import decode
from .engines import transcribe_many
from .filters import spoken, stock_phrase
from .errors import NoSpeechError
from .types import SAMPLE_RATE, Engine, Segment, Transcript, Word
from .vad import VadConfig, speech_regions

if TYPE_CHECKING:
    from .diarize import Diarization, Diarizer

Progress = Callable[[float, float], None]
"""Called with (audio seconds done, total audio seconds)."""



@dataclass(frozen=True)
class PipelineConfig:
    """How a recording is turned into a transcript."""

    speakers: tuple[str, str] = ("mentor", "mentee")
    """Roles in channel order for a stereo recording (left, right); in a mono mix the
    first voice heard is speakers[0]."""
    channels: Literal["auto", "mix", "split"] = "auto"
    """auto: a stereo file whose two channels differ is one participant per channel;
    a stereo file carrying the same mix twice is treated as mono."""
    max_duration: float | None = 4 * 3600.0
    window_s: float = 120.0
    """Audio held in memory at once (per channel). Two minutes keeps the peak of a long
    mono mix (engine, VAD, voice encoder and one window's diarization) under 1 GB."""
    batch_s: float = 28.0
    """Speech handed to the engine per call: just under Whisper's 30 s context."""
    gap_s: float = 0.3
    """Silence put between speech regions joined into one engine call."""
    vad: VadConfig = field(default_factory=lambda: VadConfig(speech_pad_ms=600, min_silence_ms=1000))
    """Wider than the VAD's own defaults: Whisper needs the tail of a final word and some
    context around it (measured in bench/transcribe_wer.py: with 200 ms padding the
    pipeline lost ~1 WER point against the raw engine by clipping last words; with 600 ms
    and pauses under 1 s kept inside a region it matches the raw engine)."""
    diarize: bool = True
    """Attribute a mono mix to the two speakers (needs resemblyzer's weights, bundled)."""
    overlap_diarization: bool = False
    """Diarize a mono window in a second thread while the engine transcribes it: the voice
    encoder (one torch thread) fills the core the engine's decoding leaves idle. Never next
    to an engine that runs on torch itself (openai-whisper): torch's thread count is
    process-wide. Off by default: it raised the peak memory of a 60-minute recording from
    945 to 1,084 MB (bench/transcribe_memory.py), over the 1 GB budget."""
    bleed_db: float = 6.0
    """In a stereo file, drop a segment whose other channel is this much louder over the
    same span: it is the other side leaking into this microphone."""


@dataclass(frozen=True)
class _Piece:
    """A speech region placed in an engine batch: batch time → recording time."""

    batch_start: float
    source_start: float
    length: float


def _batches(regions: list[tuple[int, int]], batch_s: float) -> Iterator[list[tuple[int, int]]]:
    batch: list[tuple[int, int]] = []
    total = 0.0
    for start, end in regions:
        length = (end - start) / SAMPLE_RATE
        if batch and total + length > batch_s:
            yield batch
            batch, total = [], 0.0
        batch.append((start, end))
        total += length
    if batch:
        yield batch


def _to_source(t: float, pieces: list[_Piece]) -> tuple[float, int]:
    """Map a time in the batch to (recording time, index of its piece)."""
    index = 0
    for i, p in enumerate(pieces):
        if t >= p.batch_start - 1e-6:
            index = i
    p = pieces[index]
    offset = min(max(t - p.batch_start, 0.0), p.length)
    return p.source_start + offset, index


def _in_piece(t: float, piece: _Piece) -> float:
    """Map a batch time to the recording, clamped to ``piece``'s region."""
    return piece.source_start + min(max(t - piece.batch_start, 0.0), piece.length)


def _remap(segments: list[Segment], pieces: list[_Piece]) -> list[Segment]:
    """Map engine times back to the recording, splitting a segment that spans two regions."""
    out: list[Segment] = []
    for seg in segments:
        if not seg.words:
            start, _ = _to_source(seg.start, pieces)
            end, _ = _to_source(seg.end, pieces)
            out.append(replace(seg, start=start, end=max(end, start)))
            continue
        groups: list[list[Word]] = []
        last_piece = -1
        for w in seg.words:
            mid = (w.start + w.end) / 2
            _, piece = _to_source(mid, pieces)
            # a word belongs to the region of its middle: its ends are kept inside that
            # region, so that a word Whisper stretched over a region boundary never spans
            # the silence cut out between two regions
            start, end = (_in_piece(w.start, pieces[piece]), _in_piece(w.end, pieces[piece]))
            word = replace(w, start=start, end=max(end, start))
            if piece != last_piece and groups and piece > last_piece:
                gap = pieces[piece].source_start - (pieces[last_piece].source_start + pieces[last_piece].length)
                if gap > 1.0:  # a real pause in the recording: keep the segments apart
                    groups.append([])
            if not groups:
                groups.append([])
            groups[-1].append(word)
            last_piece = piece
        groups = [g for g in groups if g]
        for g in groups:
            text = seg.text if len(groups) == 1 else " ".join(w.word for w in g)
            out.append(replace(seg, start=g[0].start, end=g[-1].end, text=text, words=tuple(g)))
    return out


def _is_hallucination(seg: Segment) -> bool:
    """Whisper's known failure modes over non-speech: drop what it was unsure of."""
    if not spoken(seg.text):  # empty, or punctuation alone
        return True
    if seg.no_speech_prob > 0.6 and seg.avg_logprob < -1.0:
        return True
    if stock_phrase(seg.text):
        confident = seg.words and float(np.mean([w.probability for w in seg.words])) > 0.6
        return not confident
    return False


def _merge_fragments(segments: list[Segment], max_gap: float = 1.0,
                     max_length: float = 30.0) -> list[Segment]:
    """Join a sentence that a pause split in two ("Can you share the" + "checklist?")."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if (prev is not None and prev.speaker == seg.speaker
                and 0 <= seg.start - prev.end <= max_gap
                and not prev.text.rstrip().endswith((".", "?", "!"))
                and seg.end - prev.start <= max_length):
            out[-1] = replace(prev, end=seg.end, text=f"{prev.text} {seg.text}",
                              words=prev.words + seg.words,
                              avg_logprob=min(prev.avg_logprob, seg.avg_logprob),
                              no_speech_prob=max(prev.no_speech_prob, seg.no_speech_prob))
        else:
            out.append(seg)
    return out


def _release_memory() -> None:
    """Hand freed heap back to the OS between windows (glibc keeps it otherwise, and a
    long recording's RSS creeps up window after window)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> "ctypes.CDLL | None":
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim  # noqa: B018 - glibc only
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _load_libc()


def _quiet_cut(audio: np.ndarray, search_s: float = 30.0, frame_s: float = 0.2) -> int:
    """Sample index near the end of `audio` (channels × samples) in its quietest frame."""
    n = audio.shape[1]
    frame = int(frame_s * SAMPLE_RATE)
    lo = max(0, n - int(search_s * SAMPLE_RATE))
    tail = np.abs(audio[:, lo:]).max(axis=0)
    usable = (tail.size // frame) * frame
    if usable == 0:
        return n
    energy = tail[:usable].reshape(-1, frame).mean(axis=1)
    best = int(np.argmin(energy))
    return lo + best * frame + frame // 2


def _distinct_channels(block: np.ndarray) -> bool:
    """True when a stereo block holds one participant per channel, not one mix twice.

    Separate tracks barely correlate (each side is silent while the other talks); the same
    mix on both channels correlates almost perfectly, even after lossy coding. A recording
    with one channel silent is a mono recording on one side.
    """
    left, right = block[0].astype(np.float64), block[1].astype(np.float64)
    rms_l, rms_r = float(np.sqrt(np.mean(left ** 2))), float(np.sqrt(np.mean(right ** 2)))
    if min(rms_l, rms_r) < 1e-3 * max(rms_l, rms_r, 1e-12):
        return False
    corr = float(np.corrcoef(left, right)[0, 1])
    return abs(corr) < 0.9


def _rms(audio: np.ndarray, start: float, end: float) -> float:
    a = audio[int(start * SAMPLE_RATE): max(int(end * SAMPLE_RATE), int(start * SAMPLE_RATE) + 1)]
    return float(np.sqrt(np.mean(np.square(a, dtype=np.float64)))) if a.size else 0.0


class Transcriber:
    """Runs the whole pipeline with one engine (and, for mono mixes, one diarizer)."""

    def __init__(self, engine: Engine, config: PipelineConfig = PipelineConfig(),
                 diarizer: "Diarizer | None" = None) -> None:
        self.engine = engine
        self.config = config
        self._diarizer = diarizer

    @property
    def diarizer(self) -> "Diarizer":
        if self._diarizer is None:
            from .diarize import DiarizationConfig, Diarizer

            self._diarizer = Diarizer(DiarizationConfig(first_speaker=self.config.speakers[0]))
        return self._diarizer

    # -- public API -------------------------------------------------------------------

    def transcribe_file(self, path: str | Path, progress: Progress | None = None) -> Transcript:
        """Transcribe a recording of any format ffmpeg reads; raises TranscriptionError."""
        info = decode.probe(path)
        cfg = self.config
        split = info.channels >= 2 and cfg.channels != "mix"
        blocks = decode.iter_blocks(path, channels="split" if split else "mix",
                                    max_duration=cfg.max_duration)
        return self._run(self._as_2d(blocks), info.duration, progress, name=Path(path).name)

    def transcribe_array(self, audio: np.ndarray, progress: Progress | None = None) -> Transcript:
        """Transcribe 16 kHz float32 audio: 1-D (mono) or channels × samples."""
        block = audio[np.newaxis, :] if audio.ndim == 1 else audio
        step = int(self.config.window_s * SAMPLE_RATE)
        blocks = (block[:, i:i + step] for i in range(0, block.shape[1], step))
        return self._run(blocks, block.shape[1] / SAMPLE_RATE, progress, name="audio")

    # -- internals --------------------------------------------------------------------

    @staticmethod
    def _as_2d(blocks: Iterator[np.ndarray]) -> Iterator[np.ndarray]:
        for b in blocks:
            yield b[np.newaxis, :] if b.ndim == 1 else b

    def _windows(self, blocks: Iterator[np.ndarray]) -> Iterator[tuple[float, np.ndarray]]:
        """Regroup decoder blocks into windows cut in quiet spots: (offset s, C × n)."""
        target = int(self.config.window_s * SAMPLE_RATE)
        pending: list[np.ndarray] = []
        size, offset = 0, 0
        for block in blocks:
            pending.append(np.asarray(block, dtype=np.float32))
            size += block.shape[1]
            if size >= target:
                window = np.concatenate(pending, axis=1)
                cut = _quiet_cut(window)
                yield offset / SAMPLE_RATE, window[:, :cut]
                offset += cut
                pending, size = [window[:, cut:]], window.shape[1] - cut
        if size:
            yield offset / SAMPLE_RATE, np.concatenate(pending, axis=1)

    def _overlaps_diarization(self) -> bool:
        return self.config.overlap_diarization and getattr(self.engine, "name", "") != "openai-whisper"

    def _run(self, blocks: Iterator[np.ndarray], total: float, progress: Progress | None,
             name: str) -> Transcript:
        cfg = self.config
        segments: list[Segment] = []
        mode: str | None = None
        voices = _Voices()
        done = 0.0
        overlap = cfg.diarize and self._overlaps_diarization()
        with (ThreadPoolExecutor(max_workers=1, thread_name_prefix="diarize") if overlap
              else nullcontext()) as pool:
            for offset, window in self._windows(blocks):
                if mode is None:
                    two = window.shape[0] >= 2 and (cfg.channels == "split" or _distinct_channels(window))
                    mode = "split" if two else "mix"
                if mode == "split":
                    found = self._split_window(window, offset, total, progress)
                else:
                    mono = window.mean(axis=0) if window.shape[0] > 1 else window[0]
                    found = self._mono_window(mono, offset, total, progress, voices, pool)
                segments.extend(found)
                done = offset + window.shape[1] / SAMPLE_RATE
                del window
                _release_memory()
                if progress:
                    progress(min(done, total), total)
        if not segments:
            raise NoSpeechError(f"no speech found in {name}")
        segments.sort(key=lambda s: (s.start, s.end))
        segments = _merge_fragments(segments)
        attribution = {"split": "channels", "mix": "first voice" if cfg.diarize else "none"}[mode or "mix"]
        return Transcript(segments=segments, duration=max(total, done), attribution=attribution,
                          engine=getattr(self.engine, "name", ""),
                          model=getattr(self.engine, "model_name", ""))

    def _transcribe_channel(self, audio: np.ndarray, offset: float, total: float,
                            progress: Progress | None,
                            regions: list[tuple[int, int]] | None = None) -> list[Segment]:
        cfg = self.config
        if regions is None:
            regions = speech_regions(audio, cfg.vad)
        gap = np.zeros(int(cfg.gap_s * SAMPLE_RATE), dtype=np.float32)
        clips: list[np.ndarray] = []
        placed: list[list[_Piece]] = []
        for batch in _batches(regions, cfg.batch_s):
            parts, pieces, cursor = [], [], 0.0
            for start, end in batch:
                if parts:
                    parts.append(gap)
                    cursor += gap.size / SAMPLE_RATE
                parts.append(audio[start:end])
                pieces.append(_Piece(cursor, offset + start / SAMPLE_RATE, (end - start) / SAMPLE_RATE))
                cursor += (end - start) / SAMPLE_RATE
            clips.append(np.concatenate(parts))
            placed.append(pieces)
        out: list[Segment] = []
        size = max(1, getattr(getattr(self.engine, "options", None), "batch_size", 1))
        for first in range(0, len(clips), size):
            found = transcribe_many(self.engine, clips[first:first + size])
            for segments, pieces in zip(found, placed[first:first + size]):
                out.extend(s for s in _remap(segments, pieces) if not _is_hallucination(s))
            if progress:
                last = placed[min(first + size, len(clips)) - 1][-1]
                progress(min(last.source_start + last.length, total), total)
        return out

    def _split_window(self, window: np.ndarray, offset: float, total: float,
                      progress: Progress | None) -> list[Segment]:
        """One participant per channel; each channel's progress counts for its share."""
        out: list[Segment] = []
        channels = window.shape[0]
        length = window.shape[1] / SAMPLE_RATE
        for ch, role in enumerate(self.config.speakers[:channels]):
            def channel_progress(t: float, _total: float, ch: int = ch) -> None:
                if progress:
                    share = (ch + (t - offset) / max(length, 1e-9)) / channels
                    progress(min(offset + share * length, total), total)

            found = self._transcribe_channel(window[ch], offset, total, channel_progress)
            others = [c for c in range(channels) if c != ch]
            for seg in found:
                mine = _rms(window[ch], seg.start - offset, seg.end - offset)
                theirs = max(_rms(window[o], seg.start - offset, seg.end - offset) for o in others)
                if theirs > 0 and 20 * np.log10(theirs / max(mine, 1e-12)) > self.config.bleed_db:
                    continue
                out.append(replace(seg, speaker=role))
        return out

    def _mono_window(self, mono: np.ndarray, offset: float, total: float,
                     progress: Progress | None, voices: "_Voices",
                     pool: ThreadPoolExecutor | None) -> list[Segment]:
        """Transcribe one window of a mono mix and attribute it; with a pool, the diarizer
        works on the window (and on voice prints from earlier windows) while the engine does."""
        regions = speech_regions(mono, self.config.vad)
        if not (self.config.diarize and regions):
            return self._transcribe_channel(mono, offset, total, progress, regions)
        diarizer = self.diarizer
        prints = voices.start(diarizer, pool)
        pending: Future["Diarization"] | None = pool.submit(diarizer.diarize, mono) if pool else None
        found = self._transcribe_channel(mono, offset, total, progress, regions)
        references = voices.finish(prints)
        if not found:
            return found
        diarization = pending.result() if pending is not None else diarizer.diarize(mono)
        relative = [s.shifted(-offset) for s in found]
        attributed = diarizer.attribute(mono, relative, roles=self.config.speakers,
                                        references=references, diarization=diarization)
        if references is None:
            voices.collect(mono, attributed, self.config.speakers)
        return [s.shifted(offset) for s in attributed]


class _Voices:
    """Voice prints that keep a mono mix's roles consistent from window to window.

    The first window whose speech gives each role at least `min_speech` seconds supplies
    them, enrolled from up to `max_speech` of each role's speech there. The prints are
    taken only once a later window needs them: a recording of one window never pays.
    """

    min_speech = 5.0
    max_speech = 60.0

    def __init__(self) -> None:
        self.references: dict[str, np.ndarray] | None = None
        self._speech: dict[str, np.ndarray] | None = None

    def collect(self, audio: np.ndarray, attributed: list[Segment], roles: tuple[str, ...]) -> None:
        """Keep each role's speech in this window when every role has enough of it."""
        speech = {}
        for role in roles:
            spans = [audio[int(s.start * SAMPLE_RATE):int(s.end * SAMPLE_RATE)]
                     for s in attributed if s.speaker == role]
            joined = np.concatenate(spans) if spans else np.zeros(0, np.float32)
            if joined.size < self.min_speech * SAMPLE_RATE:
                return
            speech[role] = joined[: int(self.max_speech * SAMPLE_RATE)].copy()
        self._speech = speech

    def start(self, diarizer: "Diarizer", pool: ThreadPoolExecutor | None
              ) -> dict[str, "Future[np.ndarray] | np.ndarray"] | None:
        """Begin enrolling the kept speech (in `pool` when there is one)."""
        if self.references is not None or self._speech is None:
            return None
        speech, self._speech = self._speech, None
        if pool is None:
            try:
                return {role: diarizer.voice_print(a) for role, a in speech.items()}
            except NoSpeechError:
                return None
        return {role: pool.submit(diarizer.voice_print, a) for role, a in speech.items()}

    def finish(self, prints: dict[str, "Future[np.ndarray] | np.ndarray"] | None
               ) -> dict[str, np.ndarray] | None:
        """The references to use from now on (None until every role has a print)."""
        if prints is not None:
            try:
                self.references = {role: p.result() if isinstance(p, Future) else p
                                   for role, p in prints.items()}
            except NoSpeechError:  # the encoder's own VAD found too little: try a later window
                pass
        return self.references
