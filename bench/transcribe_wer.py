"""Accuracy: WER on ../shared/fixtures/speech for both engines, raw and through the pipeline,
and for streaming.

    python bench/transcribe_wer.py [--threads 2] [--beam-size 5]

raw       the engine on the whole clip (no VAD, no chunking)
pipeline  companion's Transcriber (VAD, batching, hallucination filter)
streaming companion's StreamingTranscriber fed 0.2 s frames (what the live panel sends; with
          0.5 s chunks a pass came every 1.0 s, not every 0.8 s), finals only, on the live engine
          (faster-whisper, short encoder context, temperature 0), with a pass once 0.7 s
          of new audio has arrived (the live default, every 0.8 s in 0.2 s frames: captions
          sooner) and once 1.5 s has (more context per pass: fewer errors)
WER is corpus-level (jiwer) after Whisper's English text normaliser.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import replace

from _common import speech_clips, wer

from transcription.decode import load
from transcription.engines import load_engine
from transcription.pipeline import Transcriber
from transcription.streaming import (
    STREAMING_ENGINE_OPTIONS,
    StreamingConfig,
    StreamingTranscriber,
    load_streaming_engine,
)
from transcription.types import SAMPLE_RATE, EngineOptions


def text_of(segments) -> str:
    return " ".join(s.text for s in segments)


def stream(engine, audio, min_chunk_s: float) -> str:
    st = StreamingTranscriber(engine, StreamingConfig(min_chunk_s=min_chunk_s))
    finals = []
    step = SAMPLE_RATE // 5
    for i in range(0, audio.size, step):
        st.feed(audio[i:i + step])
        finals += [c.text for c in st.process() if c.final]
    finals += [c.text for c in st.finish() if c.final]
    return " ".join(finals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=5)
    parser.add_argument("--min-chunk", type=float, nargs="+", default=[StreamingConfig().min_chunk_s, 1.5],
                        help="streaming: new audio (s) before another pass; one row each")
    args = parser.parse_args()
    clips = speech_clips()
    audios = [load(c.path) for c in clips]
    refs = [c.reference for c in clips]
    options = EngineOptions(beam_size=args.beam_size, cpu_threads=args.threads)
    results: dict[str, float] = {}
    for name in ("faster-whisper", "openai-whisper"):
        engine = load_engine(name, None, options)
        raw = [text_of(engine.transcribe(a)) for a in audios]
        piped = [text_of(Transcriber(engine).transcribe_array(a).segments) for a in audios]
        results[f"{name} raw"] = wer(refs, raw)
        results[f"{name} pipeline"] = wer(refs, piped)
        if name == "faster-whisper":
            live = load_streaming_engine(options=replace(  # what the live service runs
                STREAMING_ENGINE_OPTIONS, beam_size=args.beam_size, cpu_threads=args.threads))
            for chunk in args.min_chunk:
                results[f"{name} streaming {chunk:g} s"] = wer(
                    refs, [stream(live, a, chunk) for a in audios])
    for key, value in results.items():
        print(f"{key:28s} WER {value:5.2f} %")
    print(json.dumps({"clips": len(clips), "beam_size": args.beam_size,
                      "wer_percent": {k: round(v, 2) for k, v in results.items()}}, indent=1))


if __name__ == "__main__":
    main()
