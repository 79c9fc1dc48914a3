"""The two speech engines behind one interface (`types.Engine`).

faster-whisper (CTranslate2, int8 on the CPU) is the default; openai-whisper (PyTorch) is
the reference implementation. Both load the same bundled tiny.en weights: openai-whisper
through an in-memory conversion of the CTranslate2 files (`convert.py`).
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Callable, Sequence

import numpy as np

from .errors import ModelError
from .filters import MAX_COMPRESSION_RATIO, SENTENCE_END, compression_ratio, spoken
from .models import ModelSource, resolve
from .types import SAMPLE_RATE, Engine, EngineOptions, Segment, Word

_BEST_OF = 5
"""Candidates sampled at each fallback temperature: faster-whisper's default, for parity."""

_SAMPLING_SEED = 0
"""Seed for openai-whisper's fallback sampling, so that a recording always decodes alike."""

def transcribe_many(engine: Engine, clips: Sequence[np.ndarray]) -> list[list[Segment]]:
    """Each clip's segments (times relative to the clip): in batches where the engine
    decodes several clips at once, else one clip after another."""
    many = getattr(engine, "transcribe_many", None)
    if many is not None:
        return many(clips)
    return [engine.transcribe(clip) for clip in clips]


def sentences(segment: Segment) -> list[Segment]:
    """A segment split after each word that ends a sentence (a batched decode gives one
    segment per clip: up to 30 s of several sentences), without words of punctuation
    alone; none if no word is left."""
    groups: list[list[Word]] = [[]]
    for word in segment.words:
        if not spoken(word.word):
            continue
        groups[-1].append(word)
        if word.word.endswith(SENTENCE_END):
            groups.append([])
    groups = [g for g in groups if g]
    if not segment.words:
        return [segment] if spoken(segment.text) else []
    if len(groups) == 1 and len(groups[0]) == len(segment.words):
        return [segment]
    return [Segment(start=g[0].start, end=g[-1].end, text=" ".join(w.word for w in g),
                    words=tuple(g), avg_logprob=segment.avg_logprob,
                    no_speech_prob=segment.no_speech_prob) for g in groups]


@lru_cache(maxsize=1)
def serial_encoder_model_class() -> type:
    """faster-whisper's model whose encoder takes a batch one clip at a time: the encoder's
    self-attention over 1,500 frames holds ~55 MB per clip at once, so a batch of eight
    encoded together would cost ~450 MB of peak memory for no gain in speed on the CPU;
    batching pays in the decoder's beam search, which still gets the whole batch."""
    import ctranslate2
    from faster_whisper import WhisperModel

    class SerialEncoderWhisperModel(WhisperModel):  # type: ignore[misc]
        def encode(self, features: np.ndarray) -> Any:
            if features.ndim < 3 or features.shape[0] < 2:
                return super().encode(features)
            parts = [np.array(super(SerialEncoderWhisperModel, self).encode(f[None]))
                     for f in features]
            return ctranslate2.StorageView.from_array(np.concatenate(parts))

    return SerialEncoderWhisperModel


class FasterWhisperEngine:
    """faster-whisper over a CTranslate2 model directory (or a name it can download)."""

    name = "faster-whisper"

    def __init__(self, source: ModelSource, options: EngineOptions = EngineOptions()) -> None:
        self.options = options
        self.model_name = source.name
        try:
            self._model = serial_encoder_model_class()(
                str(source.path) if source.path else source.name,
                device="cpu",
                compute_type=options.compute_type,
                cpu_threads=options.cpu_threads,
            )
        except Exception as exc:  # ctranslate2/huggingface raise many kinds
            raise ModelError(f"cannot load model {source.name!r} with faster-whisper: {exc}") from exc

    def transcribe_many(self, clips: Sequence[np.ndarray]) -> list[list[Segment]]:
        """Decode the clips (each at most 30 s), `options.batch_size` at a time, in one
        batched beam search at temperature 0: faster than one clip after another on the
        CPU at the same WER (bench/transcribe_speed.py, docs/PERFORMANCE.md), and
        deterministic. Text in one segment per clip, split into sentences; a clip whose
        text loops is decoded again alone, with the temperature fallback."""
        from faster_whisper import BatchedInferencePipeline

        if not clips:
            return []
        o = self.options
        bounds = np.cumsum([0] + [len(c) for c in clips])
        audio = np.concatenate([np.asarray(c, dtype=np.float32) for c in clips])
        segments, _info = BatchedInferencePipeline(self._model).transcribe(
            audio,
            language=o.language,
            beam_size=o.beam_size,
            word_timestamps=o.word_timestamps,
            temperature=0.0,
            vad_filter=False,  # the clips are the pipeline's speech regions
            clip_timestamps=[{"start": a / SAMPLE_RATE, "end": b / SAMPLE_RATE}
                             for a, b in zip(bounds[:-1], bounds[1:])],
            batch_size=max(1, o.batch_size),
            without_timestamps=True,
        )
        out: list[list[Segment]] = [[] for _ in clips]
        for s in segments:
            # by its middle: faster-whisper rounds times to 10 ms, which can put a clip's
            # start just before the clip
            middle = ((s.start + s.end) / 2 + 0.01) * SAMPLE_RATE
            index = min(max(int(np.searchsorted(bounds, middle, side="right")) - 1, 0),
                        len(clips) - 1)
            out[index].append(_segment(s, -float(bounds[index]) / SAMPLE_RATE,
                                       limit=len(clips[index]) / SAMPLE_RATE))
        for i, found in enumerate(out):
            if compression_ratio(" ".join(s.text for s in found)) > MAX_COMPRESSION_RATIO:
                out[i] = self.transcribe(clips[i])
            else:
                out[i] = [piece for s in found for piece in sentences(s)]
        return out

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None,
                   max_new_tokens: int | None = None) -> list[Segment]:
        """Decode `audio`; `max_new_tokens` caps the tokens of each 30 s window (None:
        Whisper's limit, 448 with the prompt)."""
        o = self.options
        segments, _info = self._model.transcribe(
            np.ascontiguousarray(audio, dtype=np.float32),
            language=o.language,
            beam_size=o.beam_size,
            word_timestamps=o.word_timestamps,
            condition_on_previous_text=o.condition_on_previous_text,
            initial_prompt=initial_prompt,
            temperature=list(o.temperatures),
            vad_filter=False,  # the pipeline runs VAD itself, the same for both engines
            max_new_tokens=max_new_tokens,
        )
        return [_segment(s) for s in segments]  # a lazy generator: the model runs here


def _joined(raw: Sequence[tuple[str, float, float, float]]) -> tuple[Word, ...]:
    """Whisper's word timings as words of the text: a piece that does not start with a space
    continues the word before it. Whisper's word splitter starts a new piece at a lone
    apostrophe or hyphen, so "o'clock" and "Wi-Fi" came out as "o" + "'clock" and "Wi" +
    "-Fi", and text joined from the words read "2 o 'clock"."""
    words: list[Word] = []
    for text, start, end, probability in raw:
        if words and text and not text[0].isspace() and text.strip():
            last = words[-1]
            words[-1] = Word(last.word + text.strip(), last.start, max(last.end, end),
                             min(last.probability, probability))
        else:
            words.append(Word(text.strip(), start, end, probability))
    return tuple(words)


def _segment(s: Any, shift: float = 0.0, limit: float = math.inf) -> Segment:
    """A faster-whisper segment as ours, its times moved by `shift` seconds and kept within
    [0, `limit`] (a batched decode aligns words over whole seconds past a clip's end)."""
    def at(t: float) -> float:
        return min(max(float(t) + shift, 0.0), limit)

    words = _joined([(w.word, at(w.start), at(w.end), float(w.probability)) for w in (s.words or ())])
    return Segment(start=at(s.start), end=at(s.end), text=s.text.strip(), words=words,
                   avg_logprob=float(s.avg_logprob), no_speech_prob=float(s.no_speech_prob))


class OpenAIWhisperEngine:
    """openai-whisper (PyTorch, float32 on the CPU) over the same weights as faster-whisper.

    A CTranslate2 directory, the bundled tiny.en included, is converted in memory; a .pt
    checkpoint or a model name goes to `whisper.load_model` (which downloads names).
    """

    name = "openai-whisper"

    def __init__(self, source: ModelSource, options: EngineOptions = EngineOptions()) -> None:
        import torch

        self.options = options
        self.model_name = source.name
        if options.cpu_threads > 0:
            torch.set_num_threads(options.cpu_threads)  # process-wide: torch has no per-model knob
        self._model = _load_whisper_model(source)

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        import torch
        import whisper

        o = self.options
        # fork_rng keeps the seeding local: the caller's global torch RNG is left as it was.
        with torch.random.fork_rng(devices=[]), torch.no_grad():
            torch.manual_seed(_SAMPLING_SEED)
            result = whisper.transcribe(
                self._model,
                np.ascontiguousarray(audio, dtype=np.float32),
                verbose=None,  # neither text nor a progress bar on stdout
                language=o.language,
                word_timestamps=o.word_timestamps,
                condition_on_previous_text=o.condition_on_previous_text,
                initial_prompt=initial_prompt,
                temperature=o.temperatures,
                fp16=False,  # CPU: half precision is unsupported and would only warn
                # whisper uses beam_size at temperature 0 and best_of when it falls back to
                # sampling; None is greedy decoding, as faster-whisper's beam_size=1 is.
                beam_size=o.beam_size if o.beam_size > 1 else None,
                best_of=_BEST_OF,
            )
        return [_whisper_segment(s) for s in result["segments"]]


def _load_whisper_model(source: ModelSource) -> Any:
    """A CTranslate2 directory is converted in memory; anything else is whisper's to load."""
    if source.path is not None and source.path.is_dir():
        from .convert import load_ct2_whisper

        return load_ct2_whisper(source.path)
    import whisper

    try:
        return whisper.load_model(str(source.path) if source.path else source.name, device="cpu")
    except Exception as exc:  # torch.load, urllib and whisper's own lookup raise many kinds
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        raise ModelError(f"cannot load model {source.name!r} with openai-whisper: {lines[0]}") from exc


def _whisper_segment(s: dict[str, Any]) -> Segment:
    words = _joined([(w["word"], float(w["start"]), float(w["end"]), float(w["probability"]))
                     for w in s.get("words", ())])
    return Segment(
        start=float(s["start"]),
        end=float(s["end"]),
        text=s["text"].strip(),
        words=words,
        avg_logprob=float(s["avg_logprob"]),
        no_speech_prob=float(s["no_speech_prob"]),
    )


_ENGINE_TYPES: dict[str, Callable[[ModelSource, EngineOptions], Engine]] = {
    FasterWhisperEngine.name: FasterWhisperEngine,
    OpenAIWhisperEngine.name: OpenAIWhisperEngine,
}

ENGINES = tuple(_ENGINE_TYPES)


def load_engine(engine: str = "faster-whisper", model: str | None = None,
                options: EngineOptions = EngineOptions()) -> Engine:
    """Build an engine by name; `model` is a name ("tiny.en", "small.en") or a local path."""
    if engine not in _ENGINE_TYPES:
        raise ModelError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    return _ENGINE_TYPES[engine](resolve(model), options)
