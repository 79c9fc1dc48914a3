"""Live captions from a growing audio stream: LocalAgreement-2 over a rolling buffer.

Whisper transcribes whole windows, not streams. The policy here (after ufal/whisper_streaming)
re-transcribes a rolling buffer each time enough new audio has arrived, and makes a word final
once two consecutive passes agree on it (LocalAgreement-2): words near the growing edge
change as more context arrives, words both passes agree on rarely do. The buffer is trimmed
at committed sentence or segment ends, and the committed text of the trimmed part is fed back
as the prompt, so a pass never sees more than `max_buffer_s` of audio.

Silence is gated by Silero VAD before the engine runs: Whisper hallucinates ("Thank you.")
over silence, and a stream that is mostly one side listening must not cost a pass per second.
Inside a pass, the VAD also judges the segments Whisper is unsure of and a sign-off at the
end ("Thank you for watching"), which Whisper appends over the silence after a speaker stops.
The end of speech also ends the utterance: the pending words become final instead of waiting
for the speaker's next turn.

A pass's cost is mostly Whisper's encoder, which faster-whisper always runs on a 30 s window
padded with silence; the live engine (`load_streaming_engine`) encodes only the buffer and a
few seconds of silence after it (`ShortContextEngine`, `ENCODER_MARGIN_S`), a few times
cheaper on a short buffer.
A pass may write only a few tokens per second of its audio (`token_budget`), and its text is
cut where it starts to loop (`_until_loop`): a looping pass otherwise wrote until Whisper's
limit, seconds of a 2-core machine that every caption queued behind.

The object is a push API that knows nothing of transport or threads: `feed` audio, call
`process` (at most one engine pass), `finish` at the end. Times are stream times, seconds
since the stream started (trimmed audio included).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from .engines import FasterWhisperEngine, load_engine, serial_encoder_model_class
from .errors import ModelError, TranscriptionError
from .filters import (MAX_COMPRESSION_RATIO, SENTENCE_END, compression_ratio, spoken, stock_phrase,
                      trailing_outro)
from .models import resolve
from .types import SAMPLE_RATE, Engine, EngineOptions, Segment, Word
from .vad import VadConfig, speech_regions

STREAMING_ENGINE_OPTIONS = EngineOptions(beam_size=5, temperatures=(0.0,))
"""Engine options for live captions. With the bundled tiny.en, streaming both channels of two
session fixtures gave 12.6% WER against their truth with a beam of 5 and 15.7% greedy, for
0.44 against 0.37 CPU seconds per audio second: the beam is worth its cost. Decoding at
temperature 0 only makes a stream's captions a function of its audio; a degenerate pass is
redone another way (`ShortContextEngine`), never by sampling."""

ENCODER_MARGIN_S: float | None = 3.0
"""Silence after the buffer that the live engine's encoder also reads; None reads Whisper's
whole padded 30 s window, as offline transcription does (see `ShortContextEngine`).
Streaming both channels of four session fixtures at temperature 0 (2026-11-26): a 1 s margin
looped in 31 of 246 passes (each then decoded again over the full window), 2 s in 16-39 of
~450, 3 s in none, for 0.39, 0.29-0.30 and 0.28 CPU s per audio s and WER 0.126, 0.126-0.183
and 0.110-0.180 against the truth (sampling fallback with a 1 s margin: 0.72 CPU s, 0.127)."""

_FRAMES_PER_SECOND = 100  # Whisper's log-mel frames
_WINDOW_FRAMES = 3000  # Whisper's 30 s window

_SEEN_TOLERANCE_S = 0.1
"""A re-transcribed word may start this much before the committed end and still be new."""
_OVERLAP_WINDOW_S = 1.0
"""Only a pass whose first new word starts this close to the committed end can repeat it."""
_MAX_OVERLAP_WORDS = 5
"""Longest run of already committed words a pass is checked for repeating at its start."""


TOKENS_PER_SECOND = 8.0
"""Most tokens a live pass may write per second of its audio (plus `_TOKENS_EXTRA`): twice
what fast speech needs with its timestamps. A pass that loops otherwise writes until
Whisper's limit, which took 3.8-5 s of a 2-core machine on a 1-6 s buffer."""
_TOKENS_EXTRA = 16
_MOST_TOKENS = 220
"""Whisper reads at most 448 tokens: its prompt keeps at most 223 of them (plus 4 special)."""


def token_budget(samples: int) -> int:
    """Tokens a live pass over `samples` of audio may write."""
    return min(_MOST_TOKENS, math.ceil(samples / SAMPLE_RATE * TOKENS_PER_SECOND) + _TOKENS_EXTRA)


def _degenerate(segments: Sequence[Segment]) -> bool:
    return compression_ratio(" ".join(s.text for s in segments)) > MAX_COMPRESSION_RATIO


def _until_loop(segments: Sequence[Segment]) -> list[Segment]:
    """The pass without its loop: cut before the second copy of a phrase said over and over
    (`_loop_start`), or else before the first segment with which the text compresses like a
    loop (`_degenerate`)."""
    words = [w for s in segments for w in s.words]
    cut = _loop_start(words)
    kept: list[Segment] = []
    seen = 0
    for segment in segments:
        if cut is not None and seen + len(segment.words) > cut:
            head = segment.words[:cut - seen]
            if head:
                kept.append(replace(segment, text=" ".join(w.word for w in head),
                                    end=head[-1].end, words=head))
            break
        if _degenerate([*kept, segment]):
            break
        kept.append(segment)
        seen += len(segment.words)
    return kept


_LOOP_WORDS = 6
_LOOP_LONGEST = 8
"""A loop: a phrase of at most `_LOOP_LONGEST` words said at least three times in a row,
`_LOOP_WORDS` words in all ("ask, ask, ask, ask, ask, ask", "see you next time" thrice);
"no, no, no" is speech."""


def _loop_start(words: Sequence[Word]) -> int | None:
    """Index of the word where the first loop's second copy starts, or None."""
    keys = [_key(w) for w in words]
    for i in range(1, len(keys)):
        for n in range(1, min(_LOOP_LONGEST, i) + 1):
            copies = max(3, math.ceil(_LOOP_WORDS / n))
            if i + (copies - 1) * n > len(keys):
                continue
            phrase = keys[i - n:i]
            if all(keys[i + k * n:i + (k + 1) * n] == phrase for k in range(copies - 1)):
                return i
    return None


@lru_cache(maxsize=1)
def _trimmed_model_class() -> type:
    """faster-whisper's model whose encoder reads only the first `encoder_frames` frames."""
    class TrimmedWhisperModel(serial_encoder_model_class()):  # type: ignore[misc]
        encoder_frames: int | None = None

        def encode(self, features: np.ndarray) -> Any:
            if self.encoder_frames is not None:
                features = features[..., :self.encoder_frames]
            return super().encode(features)

    return TrimmedWhisperModel


class ShortContextEngine(FasterWhisperEngine):
    """faster-whisper whose encoder reads the audio it is given plus `margin_s` of silence,
    not Whisper's window padded to 30 s.

    The encoder's cost is fixed by its input length, and a live pass over a few seconds of
    buffer otherwise pays for 30 s: on this project's 2-core machine, tiny.en's encoder takes
    13 s of frames instead of 30 s on a 10 s buffer with a 3 s margin. CTranslate2 takes any input
    length; the margin of silence lets Whisper see where the audio ends (its timestamps and
    last words). With a 3 s margin its text differs from the full window's by 0.089 WER over
    JFK and the s01 mentee's turns (tests/test_streaming.py)."""

    def __init__(self, model: str | None, options: EngineOptions, margin_s: float) -> None:
        source = resolve(model)
        self.options = options
        self.model_name = source.name
        self.margin_s = margin_s
        self.passes = 0
        self.full_window_passes = 0
        """Passes decoded again over Whisper's full window (counted for benchmarks)."""
        try:
            self._model = _trimmed_model_class()(
                str(source.path) if source.path else source.name, device="cpu",
                compute_type=options.compute_type, cpu_threads=options.cpu_threads)
        except Exception as exc:  # ctranslate2/huggingface raise many kinds
            raise ModelError(f"cannot load model {source.name!r} with faster-whisper: {exc}") from exc

    def encoder_frames(self, samples: int) -> int:
        """Frames the encoder reads for `samples` of audio: even (the encoder halves them),
        at most Whisper's window."""
        frames = math.ceil((samples / SAMPLE_RATE + self.margin_s) * _FRAMES_PER_SECOND)
        return min(_WINDOW_FRAMES, frames + frames % 2)

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        """Decode with the short context, at most `token_budget` tokens. The text is cut
        where it starts to loop (`_until_loop`: a decoding loop, which the short context makes
        likelier at temperature 0); only if nothing is left is it decoded again over the full
        window, and cut likewise. Deterministic: no sampling. Loops mostly start after the speech
        ("...at a glance. Thank you so much for watching, ..."): cutting them instead of
        always re-decoding gave the same WER on three sessions' channels (13.55 %) at 16 %
        less CPU (0.390 against 0.464 s per audio second; full-window passes 19 against 33)."""
        self.passes += 1
        self._model.encoder_frames = self.encoder_frames(len(audio))
        try:
            segments = super().transcribe(audio, initial_prompt=initial_prompt,
                                          max_new_tokens=token_budget(len(audio)))
        finally:
            self._model.encoder_frames = None
        kept = _until_loop(segments)
        if kept or not segments:
            return kept
        self.full_window_passes += 1
        segments = super().transcribe(audio, initial_prompt=initial_prompt,
                                      max_new_tokens=token_budget(len(audio)))
        return _until_loop(segments)


def load_streaming_engine(engine: str = "faster-whisper", model: str | None = None,
                          options: EngineOptions = STREAMING_ENGINE_OPTIONS) -> Engine:
    """The engine for live captions: faster-whisper with a short encoder context
    (`ENCODER_MARGIN_S`, read when called; None gives the full window), any other engine
    as is."""
    if engine == "faster-whisper" and ENCODER_MARGIN_S is not None:
        return ShortContextEngine(model, options, ENCODER_MARGIN_S)
    return load_engine(engine, model, options)


class StreamingError(TranscriptionError):
    """Audio pushed into a stream is malformed, or arrives after the stream finished."""


@dataclass(frozen=True)
class StreamingConfig:
    """When to run a pass, how much audio to keep, and what counts as speech."""

    min_chunk_s: float = 0.7
    """New audio needed before another pass; smaller gives earlier captions for more CPU.
    Live, one call on an idle 2-core machine (bench/live_latency.py, 2026-11-26): with 0.7 s
    and the buffer below, final captions came 2.75-3.26 s after a word at p95, against 4.2 s
    with 1 s and a 15/30 s buffer; 0.5 s cost more CPU than two calls at once could get."""
    buffer_trim_s: float = 8.0
    """Above this length the buffer is trimmed at the last committed sentence or segment end."""
    max_buffer_s: float = 16.0
    """Hard cap on the audio one pass sees (Whisper's window is 30 s)."""
    vad: VadConfig = VadConfig(min_silence_ms=100, speech_pad_ms=0)
    """Speech detection for gating. Unpadded regions that end at the first short pause, so
    that a chunk is silent as soon as the speaker stops and the utterance ends one pass later
    (the buffer keeps its own margin, `keep_silence_s`)."""
    vad_lookback_s: float = 0.5
    """Audio before the new chunk that the VAD also reads, so an onset at the seam is found."""
    keep_silence_s: float = 0.3
    """Silence kept ahead of speech when the buffer before it is dropped."""
    prompt_chars: int = 200
    """How much committed text of the trimmed audio is fed back as the prompt."""
    no_speech_prob_max: float = 0.5
    avg_logprob_min: float = -0.75
    """A segment above `no_speech_prob_max` and below `avg_logprob_min` is dropped as a
    hallucination unless the VAD heard speech over part of it (`_MIN_SPEECH_SHARE`). In streaming passes
    over three session fixtures, Whisper's own rule (0.6, -1.0) dropped none of the 46
    segments not in the truth; these values drop 21, every "Thank you." over the silence
    that ends a pass among them. Without the VAD's say they also dropped real speech at the
    start of a stream, where Whisper is unsure of a short buffer (13 words of one clip in
    bench/transcribe_wer.py)."""

    def __post_init__(self) -> None:
        if not 0 < self.min_chunk_s < self.max_buffer_s / 2:
            raise ValueError(f"min_chunk_s must be in (0, max_buffer_s / 2), got {self.min_chunk_s}")
        if not 0 < self.buffer_trim_s < self.max_buffer_s <= 30:
            raise ValueError(
                "need 0 < buffer_trim_s < max_buffer_s <= 30, "
                f"got {self.buffer_trim_s} and {self.max_buffer_s}"
            )
        if self.vad_lookback_s < 0 or self.prompt_chars < 0:
            raise ValueError("vad_lookback_s and prompt_chars must be >= 0")
        if not 0 <= self.keep_silence_s < self.min_chunk_s:
            raise ValueError(f"keep_silence_s must be in [0, min_chunk_s), got {self.keep_silence_s}")


@dataclass(frozen=True)
class Caption:
    """A final run of words, or the current partial tail (which replaces the previous partial;
    an empty partial clears it)."""

    text: str
    start: float
    end: float
    final: bool
    words: tuple[Word, ...]
    speaker: str

    def segment(self) -> Segment:
        """The caption as a transcript segment, for the tail shared with uploaded recordings."""
        return Segment(start=self.start, end=self.end, text=self.text, words=self.words,
                       speaker=self.speaker)


def _key(word: Word) -> str:
    """What two passes must agree on: the word without case or punctuation, which Whisper
    revises at the growing edge ("country" becomes "country.") without changing the word."""
    return re.sub(r"[^\w']", "", word.word.casefold())


class LocalAgreement:
    """LocalAgreement-2: a word is committed once two consecutive passes agree on it.

    Each pass's words (in stream time) are compared with the previous pass's uncommitted tail;
    their longest common prefix is committed. Committed words are never revised, and their
    times never go backwards.
    """

    def __init__(self) -> None:
        self.committed_end = 0.0
        self._committed: list[Word] = []  # committed words whose audio is still buffered
        self._tail: list[Word] = []  # the latest pass's words after the committed ones

    @property
    def tail(self) -> tuple[Word, ...]:
        return tuple(self._tail)

    def update(self, words: Sequence[Word]) -> list[Word]:
        """Take a new pass's hypothesis; return the words that become committed."""
        fresh = self._unseen(words)
        agreed = 0
        for new, old in zip(fresh, self._tail):
            if _key(new) != _key(old):
                break
            agreed += 1
        committed = self._commit(fresh[:agreed])
        self._tail = [self._not_before_committed(w) for w in fresh[agreed:]]
        return committed

    def commit_tail(self, before: float = math.inf) -> list[Word]:
        """Commit the tail's words that start before `before` without waiting for agreement."""
        n = 0
        while n < len(self._tail) and self._tail[n].start < before:
            n += 1
        committed = self._commit(self._tail[:n])
        self._tail = self._tail[n:]
        return committed

    def forget_before(self, time: float) -> list[Word]:
        """Drop the committed words whose audio was trimmed at `time`; return them."""
        gone = [w for w in self._committed if w.end <= time]
        self._committed = [w for w in self._committed if w.end > time]
        self.committed_end = max(self.committed_end, time)
        return gone

    def boundaries(self) -> list[float]:
        """Ends of committed sentences still in the buffer, earliest first."""
        return [w.end for w in self._committed if w.word.endswith(SENTENCE_END)]

    def _unseen(self, words: Sequence[Word]) -> list[Word]:
        """The words after the committed ones: later in time, and not a repeat of the last
        committed words (a pass over re-buffered audio transcribes them again)."""
        fresh = [w for w in words if w.start > self.committed_end - _SEEN_TOLERANCE_S]
        if fresh and self._committed and abs(fresh[0].start - self.committed_end) < _OVERLAP_WINDOW_S:
            longest = min(_MAX_OVERLAP_WORDS, len(self._committed), len(fresh))
            for n in range(1, longest + 1):
                if [_key(w) for w in self._committed[-n:]] == [_key(w) for w in fresh[:n]]:
                    return fresh[n:]
        return fresh

    def _not_before_committed(self, w: Word) -> Word:
        """`w` moved to start no earlier than the committed end (a new word may be timed up to
        `_SEEN_TOLERANCE_S` before it)."""
        if w.start >= self.committed_end:
            return w
        start = self.committed_end
        return Word(w.word, start, max(w.end, start), w.probability)

    def _commit(self, words: Sequence[Word]) -> list[Word]:
        out = []
        for w in words:
            w = self._not_before_committed(w)
            self.committed_end = w.end
            out.append(w)
        self._committed.extend(out)
        return out


def to_float32(pcm: np.ndarray | bytes) -> np.ndarray:
    """Float32 in [-1, 1] from float samples, an int16 array, or raw little-endian int16 bytes."""
    if isinstance(pcm, (bytes, bytearray, memoryview)):
        if len(pcm) % 2:
            raise StreamingError(f"int16 PCM needs an even number of bytes, got {len(pcm)}")
        return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    if not isinstance(pcm, np.ndarray):
        raise StreamingError(f"audio must be a numpy array or int16 bytes, got {type(pcm).__name__}")
    if pcm.ndim != 1:
        raise StreamingError(f"audio must be mono (one dimension), got shape {pcm.shape}")
    if pcm.dtype == np.int16:
        return pcm.astype(np.float32) / 32768.0
    if not np.issubdtype(pcm.dtype, np.floating):
        raise StreamingError(f"audio must be float or int16 samples, got {pcm.dtype}")
    samples = pcm.astype(np.float32, copy=False)
    if not np.isfinite(samples).all():
        raise StreamingError("audio holds NaN or infinite samples")
    return samples


def _last_chars(text: str, limit: int) -> str:
    """The longest run of whole words at the end of `text` that fits in `limit` characters."""
    words = text.split()
    kept: list[str] = []
    size = -1
    while words and size + 1 + len(words[-1]) <= limit:
        size += 1 + len(words[-1])
        kept.append(words.pop())
    return " ".join(reversed(kept))


def _words(segments: Sequence[Segment], audio: np.ndarray, offset: float,
           config: StreamingConfig) -> list[Word]:
    """The words of a pass in stream time, without what Whisper made up over silence and
    without words of punctuation alone: Whisper fills silence inside a pass with ". . .",
    which, committed, became the next prompt and made it write dots over speech.

    Made up over silence: a doubtful segment the VAD hardly heard, and a sign-off at the
    end of the pass ("...at a glance. Thank you for watching.") that it hardly heard, which
    Whisper appends when the speaker stops, however sure it is of the rest."""
    regions: list[tuple[int, int]] | None = None
    kept: list[Word] = []
    for s in segments:
        if s.no_speech_prob > config.no_speech_prob_max and s.avg_logprob < config.avg_logprob_min:
            if regions is None:  # only for a doubtful segment: most passes have none
                regions = speech_regions(audio, config.vad)
            if stock_phrase(s.text) or _speech_share(s, regions) < _MIN_SPEECH_SHARE:
                continue
        kept += [w.shifted(offset) for w in s.words if spoken(w.word)]
    while outro := trailing_outro([w.word for w in kept]):
        # One sign-off at a time, from the end: a chain of them can be longer than the
        # longest one looked for ("Thank you so much for watching, and I'll see you next time, bye").
        if regions is None:
            regions = speech_regions(audio, config.vad)
        heard = _heard(kept[-outro].start - offset, kept[-1].end - offset, regions)
        if heard >= _SIGN_OFF_SECONDS_PER_WORD * outro:
            break
        del kept[-outro:]
    return kept


_SIGN_OFF_SECONDS_PER_WORD = 0.1
"""Speech the VAD must hear under a sign-off, per word, for it to be said: a made-up one
lies over silence, or is squeezed into the last instants of speech ("Thanks for watching,
I'll see you next time, bye" timed within 0.22 s, 0.07 s of it heard)."""


_MIN_SPEECH_SHARE = 0.3
"""A doubtful segment is kept when the VAD heard speech over this share of it: Whisper
stretches a first word back over leading silence, so real speech at a stream's start can
be heard over less than half its segment; made-up text over silence gets next to none."""


def _speech_share(segment: Segment, regions: Sequence[tuple[int, int]]) -> float:
    """Share of a segment's span that the VAD heard as speech."""
    return _share(segment.start, segment.end, regions)


def _share(start_s: float, end_s: float, regions: Sequence[tuple[int, int]]) -> float:
    """Share of [start_s, end_s] (seconds into the pass's audio) that the VAD heard as speech."""
    return _heard(start_s, end_s, regions) / (end_s - start_s) if end_s > start_s else 0.0


def _heard(start_s: float, end_s: float, regions: Sequence[tuple[int, int]]) -> float:
    """Seconds of [start_s, end_s] (into the pass's audio) that the VAD heard as speech."""
    start, end = start_s * SAMPLE_RATE, end_s * SAMPLE_RATE
    return sum(max(0.0, min(end, b) - max(start, a)) for a, b in regions) / SAMPLE_RATE


class StreamingTranscriber:
    """Turns one speaker's live audio into final and partial captions (see the module doc).

    One per stream and not thread-safe; the engine must give word timings."""

    def __init__(self, engine: Engine, config: StreamingConfig = StreamingConfig(),
                 speaker: str = "unknown") -> None:
        self.engine = engine
        self.config = config
        self.speaker = speaker
        self._audio = np.zeros(0, dtype=np.float32)  # the buffer: stream samples from _start on
        self._start = 0  # stream sample of the buffer's first sample
        self._seen = 0  # stream sample up to which the VAD or the engine has read the audio
        self._agreement = LocalAgreement()
        self._prompt = ""  # committed text of the trimmed audio, its last `prompt_chars`
        self._partial: tuple[Word, ...] = ()
        self._finished = False

    @property
    def committed_until(self) -> float:
        """Stream time up to which the text is final: nothing new will be said before it."""
        return max(self._agreement.committed_end, self._start / SAMPLE_RATE)

    @property
    def buffered_seconds(self) -> float:
        """Audio held for the next pass, in seconds."""
        return len(self._audio) / SAMPLE_RATE

    def feed(self, pcm: np.ndarray | bytes) -> None:
        """Append 16 kHz mono audio: float samples in [-1, 1], or little-endian int16 bytes."""
        if self._finished:
            raise StreamingError("the stream is finished; start a new StreamingTranscriber")
        samples = to_float32(pcm)
        if len(samples):
            self._audio = np.concatenate([self._audio, samples])

    def process(self) -> list[Caption]:
        """Run at most one engine pass if `min_chunk_s` of new audio has arrived.

        Returns the newly final caption, if any, then the partial tail if it changed.
        """
        if self._finished:
            raise StreamingError("the stream is finished; start a new StreamingTranscriber")
        if self._end - self._seen < self._samples(self.config.min_chunk_s):
            return []
        return self._captions(self._step())

    def finish(self) -> list[Caption]:
        """Transcribe what is left and make every pending word final; the stream then closes."""
        if self._finished:
            return []
        committed: list[Word] = []
        while self._seen < self._end:
            committed += self._step()
        committed += self._agreement.commit_tail()
        self._finished = True
        return self._captions(committed)

    @property
    def _end(self) -> int:
        return self._start + len(self._audio)

    @staticmethod
    def _samples(seconds: float) -> int:
        return round(seconds * SAMPLE_RATE)

    def _step(self) -> list[Word]:
        """Read the next stretch of new audio: skip it if silent, else run one pass over the
        buffer. Returns the newly committed words."""
        cfg = self.config
        window_end = min(self._end, self._start + self._samples(cfg.max_buffer_s))
        new_from = self._seen
        self._seen = window_end
        onset = self._speech_onset(new_from, window_end)
        if onset is None:
            if not self._agreement.tail:
                self._cut(max(self._agreement.committed_end,
                              (window_end - self._samples(cfg.keep_silence_s)) / SAMPLE_RATE))
                return []
            # The speaker stopped: one more pass to confirm the tail, then the utterance ends.
            committed = self._pass(window_end)
            committed += self._agreement.commit_tail()
            self._cut(max(self._agreement.committed_end,
                          (window_end - self._samples(cfg.keep_silence_s)) / SAMPLE_RATE))
            return committed
        if not self._agreement.tail and self._agreement.committed_end <= self._start / SAMPLE_RATE:
            # A new utterance in a buffer without text: start the buffer just before it, or
            # Whisper stretches the first word back over the leading silence.
            self._cut((onset - self._samples(cfg.keep_silence_s)) / SAMPLE_RATE)
        return self._pass(window_end)

    def _speech_onset(self, new_from: int, new_to: int) -> int | None:
        """Stream sample where the speech reaching into the new audio starts, or None."""
        lookback = max(self._start, new_from - self._samples(self.config.vad_lookback_s))
        audio = self._audio[lookback - self._start:new_to - self._start]
        starts = [lookback + start for start, end in speech_regions(audio, self.config.vad)
                  if lookback + end > new_from]
        return starts[0] if starts else None

    def _pass(self, window_end: int) -> list[Word]:
        """Transcribe the buffer up to `window_end`, commit what two passes agree on, and
        trim the buffer so that the next pass stays within `max_buffer_s`."""
        cfg = self.config
        offset = self._start / SAMPLE_RATE
        segments = self.engine.transcribe(self._audio[:window_end - self._start],
                                          initial_prompt=self._prompt or None)
        had_tail = bool(self._agreement.tail)
        committed = self._agreement.update(
            _words(segments, self._audio[:window_end - self._start], offset, cfg))
        if not committed and not self._agreement.tail and not had_tail:
            # Nothing heard after the committed words: keep only the newest chunk, which may
            # hold the start of a word too short to be recognised yet.
            self._cut(max(self._agreement.committed_end,
                          (window_end - self._samples(cfg.min_chunk_s)) / SAMPLE_RATE))
        elif self.buffered_seconds > cfg.buffer_trim_s:
            ends = self._agreement.boundaries() or [
                s.end + offset for s in segments if s.end + offset <= self._agreement.committed_end
            ]
            if ends:
                self._cut(ends[-1])
        room = (self._seen - self._samples(cfg.max_buffer_s - cfg.min_chunk_s)) / SAMPLE_RATE
        if room > self._start / SAMPLE_RATE:
            # No committed boundary came in time: the words about to lose their audio become
            # final unconfirmed, so that the next pass still sees `min_chunk_s` of new audio.
            committed += self._agreement.commit_tail(before=room)
            self._cut(max(room, self._agreement.committed_end))
        return committed

    def _cut(self, time: float) -> None:
        """Drop the buffered audio before stream time `time`; its committed text becomes prompt."""
        sample = min(max(self._samples(time), self._start), self._end)
        self._audio = self._audio[sample - self._start:]
        self._start = sample
        self._seen = max(self._seen, sample)
        gone = [w.word for w in self._agreement.forget_before(sample / SAMPLE_RATE)]
        if gone:
            self._prompt = _last_chars(f"{self._prompt} {' '.join(gone)}", self.config.prompt_chars)

    def _captions(self, committed: list[Word]) -> list[Caption]:
        out = []
        if committed:
            out.append(self._caption(tuple(committed), final=True))
        tail = self._agreement.tail
        if [w.word for w in tail] != [w.word for w in self._partial]:
            self._partial = tail
            out.append(self._caption(tail, final=False))
        return out

    def _caption(self, words: tuple[Word, ...], final: bool) -> Caption:
        if not words:
            t = self.committed_until
            return Caption("", t, t, final, (), self.speaker)
        return Caption(" ".join(w.word for w in words), words[0].start, words[-1].end, final,
                       words, self.speaker)
