"""Live caption latency as a participant sees it: the real service, the real websocket client.

    .venv/bin/python bench/live_latency.py [--fixtures s01-proposal-followup s03-presentation-feedback]
        [--sessions 1 2]
        [--config NAME[:beam=B,min_chunk=S,trim=S,max_buffer=S,margin=S|full,sampling=0|1,lanes=N]]...
        [--minutes N] [--frame-s 0.2]

For each configuration (default: the shipped one and the previous one, side by side in one
run) and each number of concurrent live sessions, a fresh service process starts (the aiohttp
app on a loopback port, SQLite in a temporary directory, no job worker), a warm-up call loads
the engine, and then every session streams a fixture's stereo channels as the mentor (left)
and the mentee (right) through `companion.live_client.LiveClient`, one frame of `--frame-s`
at the moment a microphone would have it (real time, speed 1). Session k streams fixture
k mod len(--fixtures); with `--minutes N` each session streams all session fixtures one
after the other (2 s apart, starting at a different one per session) up to N minutes.

Reference words: the words of the fixture's truth turns. Their end times: each turn's audio
is transcribed offline (beam 5) and its words aligned to the truth words by text; a truth
word the engine did not produce gets an end time interpolated between its aligned
neighbours; every end is clamped into the turn's [start, end] from the truth (cached in
bench/out/live_latency_refs.json).

Matching (per speaker, normalised text: lower case, punctuation dropped): for each fixture
played, the final captions that start while it plays are joined into one word sequence and
aligned in order to its reference words (difflib; a long program plays a fixture more than
once, and one alignment over the whole stream matched words across playings);
a reference word aligned to a final word has a final latency of (client receive time of
that final caption - stream start) - word end. A partial caption is aligned to the reference
words of its speaker whose times fall within 1.5 s of the caption's [start, end]; its
receive time counts for every word it matches. Partial latency is to the first caption,
partial or final, that showed the word. Words never matched by a final are counted, not timed.

Output: a table on stdout and bench/out/live_latency.json. `--rescore SAVED.json` scores the
captions of a saved run again instead of running (with the same --fixtures and --seconds).
"""
from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import multiprocessing as mp
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator

import numpy as np

from _common import OUT, SESSIONS

from transcription.types import SAMPLE_RATE, EngineOptions

PAUSE_S = 2.0
"""Silence between concatenated fixtures, and after the last one (the utterance ends)."""
PARTIAL_WINDOW_S = 1.5
ROLES = ("mentor", "mentee")
MENTOR = {"name": "Dana Reyes", "email": "dana.reyes@example.org"}
MENTEE = {"name": "Sam Okafor", "email": "sam.okafor@example.org"}
DEFAULT_CONFIGS = ("shipped", "previous:margin=1,sampling=1")


def key(word: str) -> str:
    return re.sub(r"[^\w']", "", word.casefold())


# -- reference words ---------------------------------------------------------------------


@dataclass(frozen=True)
class RefWord:
    speaker: str
    key: str
    end: float


def channels_of(fixture: str) -> np.ndarray:
    from transcription import decode

    return decode.load(SESSIONS / f"{fixture}.stereo.flac", channels="split")


def turn_word_ends(engine: Any, audio: np.ndarray, turn: dict[str, Any]) -> list[tuple[str, float]]:
    """(key, end) for each truth word of a turn, timed by an offline pass over the turn."""
    pad = 0.3
    lo = max(0, round((turn["start"] - pad) * SAMPLE_RATE))
    hi = round((turn["end"] + pad) * SAMPLE_RATE)
    heard = [w for s in engine.transcribe(audio[lo:hi]) for w in s.words if key(w.word)]
    truth = [k for k in (key(w) for w in turn["text"].split()) if k]
    ends: list[float | None] = [None] * len(truth)
    matcher = difflib.SequenceMatcher(a=truth, b=[key(w.word) for w in heard], autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.size):
            ends[block.a + i] = lo / SAMPLE_RATE + heard[block.b + i].end
    known = [(-1, turn["start"])] + [(i, e) for i, e in enumerate(ends) if e is not None] \
        + [(len(truth), turn["end"])]
    for (i, a), (j, b) in zip(known, known[1:]):
        for n in range(i + 1, j):
            ends[n] = a + (b - a) * (n - i) / (j - i)
    return [(k, min(max(e, turn["start"]), turn["end"])) for k, e in zip(truth, ends)]


def reference(fixtures: list[str]) -> dict[str, list[list[Any]]]:
    """Per fixture, [speaker, key, end] of every truth word (cached)."""
    cache_path = OUT / "live_latency_refs.json"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    missing = [f for f in fixtures if f not in cache]
    if missing:
        from transcription.engines import load_engine

        engine = load_engine(options=EngineOptions(beam_size=5))
        for fixture in missing:
            truth = json.loads((SESSIONS / f"{fixture}.truth.json").read_text())
            channels = channels_of(fixture)
            words = []
            for turn in truth["turns"]:
                audio = channels[ROLES.index(turn["speaker"])]
                words += [[turn["speaker"], k, round(e, 3)]
                          for k, e in turn_word_ends(engine, audio, turn)]
            cache[fixture] = words
        OUT.mkdir(parents=True, exist_ok=True)
        cache_path.write_text(json.dumps(cache))
    return {f: cache[f] for f in fixtures}


@dataclass
class Program:
    """What one session streams: both channels and the reference words in stream time."""

    audio: np.ndarray  # (2, samples) float32
    words: list[RefWord]
    fixtures: list[str]
    starts: list[float] = field(default_factory=lambda: [0.0])
    """Stream time at which each fixture starts (the same fixture may come again)."""

    @property
    def duration(self) -> float:
        return self.audio.shape[1] / SAMPLE_RATE


def build_program(order: list[str], minutes: float | None, refs: dict[str, list[list[Any]]]
                  ) -> Program:
    pause = np.zeros((2, round(PAUSE_S * SAMPLE_RATE)), dtype=np.float32)
    parts: list[np.ndarray] = []
    words: list[RefWord] = []
    used: list[str] = []
    starts: list[float] = []
    offset = 0.0
    target = minutes * 60 if minutes else 0.0
    i = 0
    while True:
        fixture = order[i % len(order)]
        channels = channels_of(fixture)
        if minutes and offset + channels.shape[1] / SAMPLE_RATE > target and used:
            break
        parts += [channels, pause]
        words += [RefWord(s, k, offset + e) for s, k, e in refs[fixture]]
        used.append(fixture)
        starts.append(offset)
        offset += channels.shape[1] / SAMPLE_RATE + PAUSE_S
        i += 1
        if not minutes:
            break
    return Program(np.concatenate(parts, axis=1), words, used, starts)


# -- the service, in its own process -------------------------------------------------------


def parse_config(spec: str) -> tuple[str, dict[str, float | None]]:
    """NAME[:key=value,...]: keys beam, min_chunk, trim, max_buffer (seconds), margin (the
    live engine's encoder margin in seconds, or "full" for Whisper's whole window) and
    sampling (1: fall back to sampling at higher temperatures, as offline decoding does) and
    lanes (the service's live engine lanes)."""
    name, _, rest = spec.partition(":")
    values: dict[str, float | None] = {}
    for item in filter(None, rest.split(",")):
        k, _, v = item.partition("=")
        if k not in ("beam", "min_chunk", "trim", "max_buffer", "margin", "sampling",
                     "lanes"):
            raise SystemExit(f"unknown config key {k!r} in {spec!r}")
        values[k] = None if (k, v) == ("margin", "full") else float(v)
    return name, values


def serve(conn: Any, data_dir: str, overrides: dict[str, float | None]) -> None:
    """The service process: start, report the port, answer "cpu", stop on "stop"."""
    import resource
    from dataclasses import replace

    from aiohttp import web

    import companion.live as live
    import transcription.streaming as streaming_module
    from companion.settings import Settings
    from web.app import create_app
    from web.views.live import LIVE_CONFIG

    # The lane's engine is one per process, built from these module defaults: a configuration
    # that differs in them sets them here, in its own service process.
    if "beam" in overrides:
        live.STREAMING_ENGINE_OPTIONS = replace(live.STREAMING_ENGINE_OPTIONS,
                                                beam_size=int(overrides["beam"] or 5))
    if "margin" in overrides:
        streaming_module.ENCODER_MARGIN_S = overrides["margin"]
    if overrides.get("sampling"):
        live.STREAMING_ENGINE_OPTIONS = replace(live.STREAMING_ENGINE_OPTIONS,
                                                temperatures=EngineOptions().temperatures)
    names = {"min_chunk": "min_chunk_s", "trim": "buffer_trim_s", "max_buffer": "max_buffer_s"}
    streaming = replace(live.LiveConfig().streaming,
                        **{names[k]: v for k, v in overrides.items() if k in names})

    async def main() -> None:
        settings = Settings.load(environ={}, overrides={"data_dir": data_dir})
        app = create_app(settings, run_worker=False)
        lanes = {"engine_lanes": int(overrides["lanes"] or 1)} if "lanes" in overrides else {}
        app[LIVE_CONFIG] = live.LiveConfig(streaming=streaming, max_backlog_s=240.0, **lanes)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        conn.send({"port": port, "streaming": str(streaming),
                   "beam": live.STREAMING_ENGINE_OPTIONS.beam_size,
                   "margin": streaming_module.ENCODER_MARGIN_S,
                   "temperatures": live.STREAMING_ENGINE_OPTIONS.temperatures,
                   "lanes": app[LIVE_CONFIG].engine_lanes})
        loop = asyncio.get_running_loop()
        while True:
            command = await loop.run_in_executor(None, conn.recv)
            if command == "cpu":
                r = resource.getrusage(resource.RUSAGE_SELF)
                conn.send(r.ru_utime + r.ru_stime)
            else:
                break
        await runner.cleanup()
        conn.send("stopped")

    asyncio.run(main())


class Service:
    def __init__(self, overrides: dict[str, float | None]) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="live-latency-")
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=serve, args=(child, self._tmp.name + "/data", overrides))
        self.process.start()
        hello = self._conn.recv()
        self.url = f"http://127.0.0.1:{hello['port']}"
        margin = "full window" if hello["margin"] is None else f"margin {hello['margin']} s"
        self.description = (f"{hello['lanes']} engine lane(s), beam {hello['beam']}, "
                            f"temperatures {hello['temperatures']}, "
                            f"encoder {margin}, {hello['streaming']}")

    def cpu(self) -> float:
        self._conn.send("cpu")
        return float(self._conn.recv())

    def close(self) -> None:
        self._conn.send("stop")
        self._conn.recv()
        self.process.join(30)
        self._tmp.cleanup()


async def new_live_session(url: str) -> tuple[str, dict[str, str]]:
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/api/mentorships", json={"mentor": MENTOR, "mentee": MENTEE}) as r:
            body = await r.json()
        tokens = body["tokens"]
        async with http.post(f"{url}/api/mentorships/{body['id']}/sessions",
                             headers={"Authorization": f"Bearer {tokens['mentor']}"},
                             json={"title": "Live latency", "live": True,
                                   "started_at": "2026-11-20T15:00"}) as r:
            session = await r.json()
    return session["id"], tokens


# -- streaming and measuring ---------------------------------------------------------------


@dataclass
class Received:
    """Caption events of one session as its clients got them: (seconds since stream start, event)."""

    t0: float = 0.0
    captions: list[tuple[float, dict[str, Any]]] = field(default_factory=list)
    degraded: list[dict[str, Any]] = field(default_factory=list)


async def paced(pcm: np.ndarray, frame_s: float, t0: float) -> AsyncIterator[bytes]:
    """Frames of s16le PCM, each yielded when a microphone would have all of it."""
    from companion.live import frames_of

    for i, piece in enumerate(frames_of(pcm, frame_s)):
        due = t0 + (i * frame_s * SAMPLE_RATE + len(piece) // 2) / SAMPLE_RATE
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        yield piece


async def stream_session(url: str, program: Program, frame_s: float, start_at: float) -> Received:
    """Both roles stream at once; the mentee's connection stays open until the session has
    stopped (the queued audio is captioned then), and its events are the ones recorded:
    every connection receives every caption."""
    from companion.live_client import LiveClient

    session_id, tokens = await new_live_session(url)
    received = Received(t0=start_at)
    mentor_done = asyncio.Event()

    def record(event: dict[str, Any]) -> None:
        now = time.monotonic() - received.t0
        if event.get("type") == "caption":
            received.captions.append((now, event))
        elif event.get("type") == "degraded":
            received.degraded.append({**event, "at": round(now, 1)})

    async def mentee_audio() -> AsyncIterator[bytes]:
        async for piece in paced(program.audio[1], frame_s, start_at):
            yield piece
        await mentor_done.wait()  # then stop, still connected

    async def mentor() -> None:
        client = LiveClient(url, session_id, "mentor", tokens["mentor"])
        await client.stream(paced(program.audio[0], frame_s, start_at), stop=False)
        mentor_done.set()

    mentee = LiveClient(url, session_id, "mentee", tokens["mentee"], on_event=record)
    await asyncio.sleep(max(0.0, start_at - 0.5 - time.monotonic()))
    await asyncio.gather(mentor(), mentee.stream(mentee_audio()))
    return received


async def warm_up(url: str) -> None:
    """One short call so that the engine and the VAD are loaded before measuring."""
    from companion.live import frames_of
    from companion.live_client import LiveClient

    session_id, tokens = await new_live_session(url)
    audio = channels_of("s01-proposal-followup")[0][:SAMPLE_RATE * 6]
    client = LiveClient(url, session_id, "mentor", tokens["mentor"], speed=4.0)
    await client.stream(frames_of(audio, 0.5))


def latencies(program: Program, captions: list[tuple[float, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Per reference word matched by a final: its end, and its partial and final latency.
    Final words are aligned fixture by fixture (by the caption's stream time): a long
    program plays the same fixture more than once, and one alignment over the whole stream
    would match words of one playing to the other."""
    out = []
    bounds = [*program.starts[1:], float("inf")]
    for speaker in ROLES:
        ref = [w for w in program.words if w.speaker == speaker]
        events = [(t, e) for t, e in captions if e["speaker"] == speaker]
        finals = [(t, k, e["start"]) for t, e in events if e["final"]
                  for k in map(key, e["text"].split()) if k]
        first_shown: dict[int, float] = {}
        for t, e in events:
            if e["final"] or not e["text"]:
                continue
            window = [i for i, w in enumerate(ref)
                      if e["start"] - PARTIAL_WINDOW_S <= w.end <= e["end"] + PARTIAL_WINDOW_S]
            if not window:
                continue
            lo, hi = window[0], window[-1] + 1
            matcher = difflib.SequenceMatcher(a=[w.key for w in ref[lo:hi]],
                                              b=[k for k in map(key, e["text"].split()) if k],
                                              autojunk=False)
            for block in matcher.get_matching_blocks():
                for n in range(block.size):
                    first_shown.setdefault(lo + block.a + n, t)
        for begin, end in zip(program.starts, bounds):
            mine = [i for i, w in enumerate(ref) if begin <= w.end < end]
            theirs = [(t, k) for t, k, start in finals if begin - PARTIAL_WINDOW_S <= start < end]
            matcher = difflib.SequenceMatcher(a=[ref[i].key for i in mine], b=[k for _, k in theirs],
                                              autojunk=False)
            for block in matcher.get_matching_blocks():
                for n in range(block.size):
                    i = mine[block.a + n]
                    final_t = theirs[block.b + n][0]
                    shown = min(first_shown.get(i, final_t), final_t)
                    out.append({"speaker": speaker, "end": ref[i].end,
                                "partial": round(shown - ref[i].end, 3),
                                "final": round(final_t - ref[i].end, 3)})
    return sorted(out, key=lambda w: w["end"])


def pct(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 2) if values else None


def summary(words: list[dict[str, Any]]) -> dict[str, Any]:
    return {kind: {"p50": pct([w[kind] for w in words], 50),
                   "p95": pct([w[kind] for w in words], 95),
                   "max": pct([w[kind] for w in words], 100)}
            for kind in ("partial", "final")} | {"words": len(words)}


def thirds(words: list[dict[str, Any]], duration: float) -> list[dict[str, Any]]:
    return [summary([w for w in words if k * duration / 3 <= w["end"] < (k + 1) * duration / 3])
            for k in range(3)]


async def measure(url: str, programs: list[Program], frame_s: float) -> list[Received]:
    start_at = time.monotonic() + 1.0
    return await asyncio.gather(*(stream_session(url, p, frame_s, start_at) for p in programs))


def run_one(name: str, overrides: dict[str, float | None], programs: list[Program],
            frame_s: float) -> dict[str, Any]:
    service = Service(overrides)
    try:
        asyncio.run(warm_up(service.url))
        load_before = os.getloadavg()[0]
        cpu_before = service.cpu()
        received = asyncio.run(measure(service.url, programs, frame_s))
        cpu = service.cpu() - cpu_before
        load_after = os.getloadavg()[0]
    finally:
        service.close()
    words: list[dict[str, Any]] = []
    total_ref = 0
    degraded = []
    for program, got in zip(programs, received):
        words += latencies(program, got.captions)
        total_ref += len(program.words)
        degraded += got.degraded
    duration = max(p.duration for p in programs)
    return {"config": name, "overrides": overrides, "service": service.description,
            "sessions": len(programs), "fixtures": [p.fixtures for p in programs],
            "stream_s": round(duration, 1), "reference_words": total_ref,
            "matched_words": len(words), **summary(words), "thirds": thirds(words, duration),
            "degraded_events": degraded,
            "service_cpu_per_audio_s": round(cpu / sum(p.duration for p in programs), 3),
            "load_average": [round(load_before, 2), round(load_after, 2)],
            "words": words, "captions": [got.captions for got in received]}


def row(r: dict[str, Any]) -> str:
    t = r["thirds"]
    trend = f"{t[0]['final']['p95']}→{t[2]['final']['p95']}"
    return (f"{r['config']:<10} {r['sessions']:>2} {r['stream_s']:>7.0f} "
            f"{r['partial']['p50']:>6} {r['partial']['p95']:>6} {r['final']['p50']:>6} "
            f"{r['final']['p95']:>6} {trend:>12} {r['matched_words']:>5}/{r['reference_words']:<5} "
            f"{len(r['degraded_events']):>4} {r['service_cpu_per_audio_s']:>5} "
            f"{r['load_average'][0]:>5}/{r['load_average'][1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", nargs="+",
                        default=["s01-proposal-followup", "s03-presentation-feedback"])
    parser.add_argument("--sessions", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--config", action="append", dest="configs",
                        help="NAME[:beam=B,min_chunk=S,trim=S,max_buffer=S,margin=S|full,sampling=0|1,lanes=N]; "
                             "repeat to compare "
                             f"(default: {' and '.join(DEFAULT_CONFIGS)})")
    parser.add_argument("--minutes", type=float, help="each session streams N minutes of "
                                                      "concatenated session fixtures")
    parser.add_argument("--frame-s", type=float, default=0.2,
                        help="audio per frame (the browser panel sends 0.2 s)")
    parser.add_argument("--seconds", type=float, help="only the first N seconds (a quick check)")
    parser.add_argument("--out", default=str(OUT / "live_latency.json"))
    parser.add_argument("--rescore", type=Path, help="score the captions of a saved run again "
                        "(same --fixtures, --minutes and --seconds) instead of running")
    args = parser.parse_args()
    saved: dict[str, Any] = {}
    if args.rescore:
        saved = json.loads(args.rescore.read_text())
        args.minutes, args.frame_s = saved["minutes"], saved["frame_s"]

    everything = sorted(p.name.removesuffix(".truth.json") for p in SESSIONS.glob("*.truth.json"))
    refs = reference(everything if args.minutes else args.fixtures)
    results = []
    print(f"{'config':<10} {'n':>2} {'stream':>7} {'part50':>6} {'part95':>6} {'fin50':>6} "
          f"{'fin95':>6} {'fin95 1st→3rd':>12} {'matched':>11} {'degr':>4} {'cpu/s':>5} load")
    def programs_of(n: int) -> list[Program]:
        programs = []
        for k in range(n):
            if args.minutes:
                order = everything[k:] + everything[:k]
            else:
                order = [args.fixtures[k % len(args.fixtures)]]
            program = build_program(order, args.minutes, refs)
            if args.seconds:
                program = Program(program.audio[:, :round(args.seconds * SAMPLE_RATE)],
                                  [w for w in program.words if w.end < args.seconds - 1],
                                  program.fixtures, program.starts)
            programs.append(program)
        return programs

    if args.rescore:
        for result in saved["results"]:
            programs = programs_of(result["sessions"])
            words = [w for p, got in zip(programs, result["captions"]) for w in latencies(p, got)]
            result.update(summary(words), thirds=thirds(words, max(p.duration for p in programs)),
                          matched_words=len(words), words=words)
            results.append(result)
            print(row(result), flush=True)
    for spec in [] if args.rescore else args.configs or DEFAULT_CONFIGS:
        name, overrides = parse_config(spec)
        for n in args.sessions:
            result = run_one(name, overrides, programs_of(n), args.frame_s)
            results.append(result)
            print(row(result), flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"frame_s": args.frame_s, "minutes": args.minutes,
                               "cores": os.cpu_count(), "results": results}, indent=1))
    print(f"latency in seconds from the end of a word to the client; written to {out}")


if __name__ == "__main__":
    main()
