"""Who spoke: attribution accuracy of the diarizer on the session fixtures' mono mixes.

    python bench/attribution.py [--threads 2]

Every ../shared/fixtures/sessions/ID.mono.* (wav, and mp3/webm where present) is decoded,
transcribed by faster-whisper (bundled tiny.en), diarized once, and scored with
transcription.attribution.speech_time_accuracy against ID.truth.json, three ways:

rule     no reference voices: the first voice heard is the mentor (the default rule)
refs     voice prints enrolled from another session's stereo recording (mentor left,
         mentee right): the next session in name order, as an earlier call would give
any-map  the better of the two cluster-to-role mappings: the diarization alone

cpu s/min is the diarizer's CPU time per minute of audio (decoding and recognition apart).
Last, speech/stereo_diarization.wav mixed to mono: two LibriSpeech readers who overlap for
about two seconds; its truth is each channel's own word timings, scored any-map.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass

import numpy as np
from _common import SESSIONS, SPEECH
from faster_whisper.audio import decode_audio

from transcription.attribution import load_truth, speech_time_accuracy
from transcription.diarize import Diarizer, assign_speakers, cluster_roles
from transcription.engines import load_engine
from transcription.types import SAMPLE_RATE, EngineOptions, Segment

ROLES = ("mentor", "mentee")


@dataclass(frozen=True)
class Row:
    name: str
    minutes: float
    voices: int
    rule: float
    refs: float
    any_map: float
    cpu_per_minute: float


def enrol(diarizer: Diarizer, session: str) -> dict[str, np.ndarray]:
    left, right = decode_audio(str(SESSIONS / f"{session}.stereo.flac"), sampling_rate=SAMPLE_RATE,
                               split_stereo=True)
    return {"mentor": diarizer.voice_print(left), "mentee": diarizer.voice_print(right)}


def score(diarizer: Diarizer, engine, path, truth, references) -> Row:
    audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    segments = engine.transcribe(audio)
    started = time.process_time()
    diarization = diarizer.diarize(audio)
    cpu = time.process_time() - started
    minutes = len(audio) / SAMPLE_RATE / 60

    def accuracy(roles: dict[int, str]) -> float:
        attributed = assign_speakers(segments, diarization.turns, roles, diarizer.config)
        return speech_time_accuracy(attributed, truth)

    first = diarizer.config.first_speaker
    by_rule = cluster_roles(diarization, ROLES, first)
    swapped = {k: ROLES[1 - ROLES.index(role)] for k, role in by_rule.items()}
    return Row(
        name=path.name,
        minutes=minutes,
        voices=len(diarization.centroids),
        rule=accuracy(by_rule),
        refs=accuracy(cluster_roles(diarization, ROLES, first, references)),
        any_map=max(accuracy(by_rule), accuracy(swapped)),
        cpu_per_minute=cpu / minutes,
    )


def overlapping_pair(diarizer: Diarizer, engine) -> tuple[int, float]:
    """Voices found and any-map accuracy on stereo_diarization.wav mixed to mono."""
    left, right = decode_audio(str(SPEECH / "stereo_diarization.wav"), sampling_rate=SAMPLE_RATE,
                               split_stereo=True)
    truth = [(w.start, w.end, side) for side, channel in (("left", left), ("right", right))
             for s in engine.transcribe(channel) for w in s.words]
    mono = (left + right) / 2
    segments: list[Segment] = engine.transcribe(mono)
    diarization = diarizer.diarize(mono)
    best = max(speech_time_accuracy(assign_speakers(segments, diarization.turns, roles), truth)
               for roles in ({0: "left", 1: "right"}, {0: "right", 1: "left"}))
    return len(diarization.centroids), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="threads for the speech engine")
    args = parser.parse_args()
    engine = load_engine("faster-whisper", None, EngineOptions(cpu_threads=args.threads))
    diarizer = Diarizer()
    sessions = sorted(p.name.removesuffix(".truth.json") for p in SESSIONS.glob("*.truth.json"))
    rows: list[Row] = []
    print(f"{'recording':44s} {'min':>5s} {'voices':>6s} {'rule':>6s} {'refs':>6s} {'any-map':>7s} "
          f"{'cpu s/min':>9s}")
    for i, session in enumerate(sessions):
        truth = load_truth(SESSIONS / f"{session}.truth.json")
        references = enrol(diarizer, sessions[(i + 1) % len(sessions)])
        for path in sorted(SESSIONS.glob(f"{session}.mono.*")):
            row = score(diarizer, engine, path, truth, references)
            rows.append(row)
            print(f"{row.name:44s} {row.minutes:5.2f} {row.voices:6d} {row.rule:6.3f} {row.refs:6.3f} "
                  f"{row.any_map:7.3f} {row.cpu_per_minute:9.2f}")
    means = {key: float(np.mean([getattr(r, key) for r in rows]))
             for key in ("rule", "refs", "any_map", "cpu_per_minute")}
    print(f"{'mean of ' + str(len(rows)):44s} {'':5s} {'':6s} {means['rule']:6.3f} "
          f"{means['refs']:6.3f} {means['any_map']:7.3f} {means['cpu_per_minute']:9.2f}")
    voices, overlap = overlapping_pair(diarizer, engine)
    print(f"{'stereo_diarization.wav mixed to mono':44s} {'':5s} {voices:6d} {'':6s} {'':6s} "
          f"{overlap:7.3f}")
    print(json.dumps({"recordings": len(rows), **{k: round(v, 4) for k, v in means.items()},
                      "stereo_diarization_any_map": round(overlap, 4)}, indent=1))


if __name__ == "__main__":
    main()
