"""The two speech engines behind one interface (`types.Engine`).

faster-whisper (CTranslate2, int8 on the CPU) is the default; openai-whisper (PyTorch) is
the reference implementation. Both load the same bundled tiny.en weights: openai-whisper
through an in-memory conversion of the CTranslate2 files (`convert.py`).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from .errors import ModelError
from .models import ModelSource, resolve
from .types import Engine, EngineOptions, Segment, Word

_BEST_OF = 5
"""Candidates sampled at each fallback temperature: faster-whisper's default, for parity."""

_SAMPLING_SEED = 0
"""Seed for openai-whisper's fallback sampling, so that a recording always decodes alike."""


class FasterWhisperEngine:
    """faster-whisper over a CTranslate2 model directory (or a name it can download)."""

    name = "faster-whisper"

    def __init__(self, source: ModelSource, options: EngineOptions = EngineOptions()) -> None:
        from faster_whisper import WhisperModel

        self.options = options
        self.model_name = source.name
        try:
            self._model = WhisperModel(
                str(source.path) if source.path else source.name,
                device="cpu",
                compute_type=options.compute_type,
                cpu_threads=options.cpu_threads,
            )
        except Exception as exc:  # ctranslate2/huggingface raise many kinds
            raise ModelError(f"cannot load model {source.name!r} with faster-whisper: {exc}") from exc

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
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
        )
        out = []
        for s in segments:  # a lazy generator: the model runs while we iterate
            words = tuple(
                Word(w.word.strip(), float(w.start), float(w.end), float(w.probability))
                for w in (s.words or ())
            )
            out.append(
                Segment(
                    start=float(s.start),
                    end=float(s.end),
                    text=s.text.strip(),
                    words=words,
                    avg_logprob=float(s.avg_logprob),
                    no_speech_prob=float(s.no_speech_prob),
                )
            )
        return out


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
    words = tuple(
        Word(w["word"].strip(), float(w["start"]), float(w["end"]), float(w["probability"]))
        for w in s.get("words", ())
    )
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
