"""The two speech engines behind one interface (`types.Engine`).

faster-whisper (CTranslate2, int8 on the CPU) is the default; openai-whisper (PyTorch) is
the reference implementation. Both load the same bundled tiny.en weights.
"""
from __future__ import annotations

import numpy as np

from .errors import ModelError
from .models import ModelSource, resolve
from .types import EngineOptions, Segment, Word

ENGINES = ("faster-whisper", "openai-whisper")


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


def load_engine(engine: str = "faster-whisper", model: str | None = None,
                options: EngineOptions = EngineOptions()) -> "FasterWhisperEngine":
    """Build an engine by name; `model` is a name ("tiny.en", "small.en") or a local path."""
    source = resolve(model)
    if engine == "faster-whisper":
        return FasterWhisperEngine(source, options)
    raise ModelError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
