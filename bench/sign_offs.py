"""Made-up sign-offs in live final captions ("...at a glance. Thank you for watching.").

    python bench/sign_offs.py [--fixtures s01-proposal-followup ...]

Streams both channels of each session fixture through `StreamingTranscriber` on the live
engine in 0.2 s frames (what the panel sends) and prints every final caption that holds a
sign-off word (watching, subscribe, enjoyed, thank you, bye, next time), with its times, so
that made-up ones can be told from said ones against the fixture's truth; then the count.
"""
from __future__ import annotations

import argparse
import re
from dataclasses import replace

from _common import SESSIONS
from faster_whisper.audio import decode_audio

from transcription.streaming import (STREAMING_ENGINE_OPTIONS, StreamingConfig,
                                     StreamingTranscriber, load_streaming_engine)
from transcription.types import SAMPLE_RATE

SIGN_OFF = re.compile(r"watching|subscribe|enjoyed|thank you|bye|next time", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", nargs="+", default=[
        "s01-proposal-followup", "s03-presentation-feedback", "s05-nursing-checkin",
        "s07-design-connection-reschedule"])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    engine = load_streaming_engine(options=replace(STREAMING_ENGINE_OPTIONS, cpu_threads=args.threads))
    found = 0
    for fixture in args.fixtures:
        left, right = decode_audio(str(SESSIONS / f"{fixture}.stereo.flac"), split_stereo=True)
        for role, audio in (("mentor", left), ("mentee", right)):
            transcriber = StreamingTranscriber(engine, StreamingConfig(), speaker=role)
            finals = []
            step = SAMPLE_RATE // 5
            for k in range(0, audio.size, step):
                transcriber.feed(audio[k:k + step])
                finals += [c for c in transcriber.process() if c.final]
            finals += [c for c in transcriber.finish() if c.final]
            for caption in finals:
                if SIGN_OFF.search(caption.text):
                    found += 1
                    print(f"{fixture} {role} {caption.start:.1f}-{caption.end:.1f} s: {caption.text!r}")
    print(f"{found} final captions with a sign-off word")


if __name__ == "__main__":
    main()
