"""The `companion` command: a thin layer over the plain-Python core.

Errors are one line on stderr; exit code 2 for bad usage or bad input, 1 for other failures
(CONTRACT.md).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn, Sequence, TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from companion.live_client import LiveResult
    from companion.settings import Settings

EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A failure to report as one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + message
        raise CliError(f"{self.prog}: {message}", EXIT_BAD_INPUT)


def _write(text: str, out: str | None) -> None:
    if out and out != "-":
        try:
            Path(out).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)


# -- transcribe -----------------------------------------------------------------------------


def _progress_bar(enabled: bool, total: float):
    """A tqdm bar over audio seconds (done of total, ETA) on stderr, or a no-op."""
    if not enabled:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="s", unit_scale=False, file=sys.stderr, dynamic_ncols=True,
               bar_format="{l_bar}{bar}| {n:.0f}/{total:.0f} s audio [{elapsed}<{remaining}]",
               desc="transcribing")

    def update(done: float, total: float) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(max(0.0, done - bar.n))

    return update, bar.close


def cmd_transcribe(args: argparse.Namespace) -> int:
    from transcription import formats
    from transcription.decode import probe
    from transcription.engines import load_engine
    from transcription.errors import ModelError, TranscriptionError
    from transcription.pipeline import PipelineConfig, Transcriber
    from transcription.types import EngineOptions

    session_dt = _session_datetime(args.session_date)
    explicit_speakers = args.speakers is not None
    speakers = tuple(s.strip() for s in (args.speakers or "mentor,mentee").split(","))
    if len(speakers) != 2 or any(s not in ("mentor", "mentee") for s in speakers) or len(set(speakers)) != 2:
        raise CliError("--speakers must be 'mentor,mentee' or 'mentee,mentor'", EXIT_BAD_INPUT)
    if not Path(args.file).is_file():
        raise CliError(f"no such file: {args.file}", EXIT_BAD_INPUT)
    options = EngineOptions(beam_size=args.beam_size, cpu_threads=args.threads)
    config = PipelineConfig(speakers=speakers,  # type: ignore[arg-type]
                            max_duration=args.max_duration * 60 if args.max_duration else None)
    try:
        total = probe(args.file).duration
    except TranscriptionError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    update, close = _progress_bar(not args.quiet, total)
    try:
        engine = load_engine(args.engine, args.model, options)
        transcript = Transcriber(engine, config).transcribe_file(args.file, progress=update)
    except ModelError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from exc
    except TranscriptionError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    finally:
        close()
    if args.session_date:
        transcript.session_date = args.session_date
    if not explicit_speakers:  # a mono mix's first voice is a guess: let the talk settle it
        from companion.roles import settle

        settle(transcript, session_dt)
    _write(formats.render(transcript, args.format), args.output)
    return 0


def _session_datetime(value: str | None):
    from summaries.transcript import TranscriptError, parse_session_date

    if not value:
        return None
    try:
        return parse_session_date(value)
    except TranscriptError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc


# -- extract --------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from summaries import TranscriptError, extract, load_transcript
    from summaries.render import render
    from summaries.transcript import parse_session_date

    try:
        transcript = load_transcript(args.transcript)
        session_date = parse_session_date(args.session_date) if args.session_date else None
    except TranscriptError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    result = extract(transcript, session_date)
    if args.format == "json":
        text = json.dumps(result.to_json(), indent=1, ensure_ascii=False) + "\n"
    else:
        template_dir = Path(args.template_dir) if args.template_dir else None
        text = render(result, transcript, args.format, template_dir=template_dir,
                      standalone=args.format == "html")
        text = text if text.endswith("\n") else text + "\n"
    _write(text, args.output)
    return 0


# -- serve ----------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import asyncio
    import logging

    from companion.settings import SETTINGS, Settings, SettingsError

    overrides = {s.name: getattr(args, s.name) for s in SETTINGS if s.flag}
    try:
        settings = Settings.load(overrides=overrides)
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    from web.server import serve

    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        asyncio.run(serve(settings, with_demo=not args.no_demo))
    except OSError as exc:
        raise CliError(f"cannot serve on {settings.host}:{settings.port}: "
                       f"{exc.strerror or exc}") from exc
    return 0


def _add_serve(sub: argparse._SubParsersAction) -> None:
    from companion.settings import SETTINGS

    lines = [f"  {s.env:<26} {s.help} (default: {s.shown_default})"
             for s in SETTINGS]
    s = sub.add_parser(
        "serve", help="run the web service (API, session pages, background processing)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="environment (a flag wins over its variable):\n" + "\n".join(lines))
    for setting in SETTINGS:
        if setting.flag:
            s.add_argument(setting.option, dest=setting.name, default=None,
                           help=f"{setting.help} [{setting.env}; default: {setting.shown_default}]")
    s.add_argument("--no-demo", action="store_true",
                   help="do not create the demo mentorship on an empty data directory")
    s.set_defaults(func=cmd_serve)


# -- recap ----------------------------------------------------------------------------------


def cmd_recap(args: argparse.Namespace) -> int:
    import asyncio

    from companion.settings import Settings, SettingsError

    try:
        settings = Settings.load(overrides={"data_dir": args.data_dir,
                                            "database_url": args.database_url})
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    return asyncio.run(_recap(settings, args.session_id, send=args.send, role=args.role))


async def _recap(settings: Settings, session_id: str, *, send: bool, role: str) -> int:
    """Print ``role``'s recap email as text, or send it to both as a manual delivery."""
    from sqlalchemy.engine import make_url

    from companion import recap
    from companion.db import create_engine, migrate
    from companion.deliveries import LINK_LIFETIME, DeliveryStore
    from companion.mailer import Mailer, OutboxTransport
    from companion.models import ROLES, utcnow
    from companion.store import InvalidState, RecordNotFound

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise CliError(f"no database at {url.database}: give the --data-dir (or "
                       "--database-url) of the service", EXIT_BAD_INPUT)
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        deliveries = DeliveryStore(engine)
        try:
            if not send:
                page = f"{settings.public_url}/sessions/{session_id}"
                source = await deliveries.source(session_id, zone=settings.zone)
                sys.stdout.write(recap.compose(source, role, link=page, page_url=page,
                                               zone=settings.zone,
                                               link_days=LINK_LIFETIME.days).text)
                return 0
            queued = await deliveries.request(session_id, ROLES, "manual", now=utcnow())
        except (RecordNotFound, InvalidState) as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from exc
        mailer = Mailer(deliveries, settings)
        await mailer.run_once(only=[d.id for d in queued])
        ended = await deliveries.get([d.id for d in queued])
    finally:
        await engine.dispose()
    for delivery in ended:
        where = ""
        if delivery.status == "sent" and isinstance(mailer.transport, OutboxTransport):
            where = f": {mailer.transport.path(delivery.id)}"
        elif delivery.last_error:
            where = f": {delivery.last_error}"
        print(f"{delivery.role} <{delivery.address}> {delivery.status}{where}")
    return 0 if all(d.status in ("sent", "skipped") for d in ended) else EXIT_FAILURE


# -- import ---------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    import asyncio

    from companion.settings import Settings, SettingsError

    try:
        settings = Settings.load(overrides={"data_dir": args.data_dir,
                                            "database_url": args.database_url})
    except SettingsError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    archive_path = Path(args.archive)
    if not archive_path.is_file():
        raise CliError(f"no such file: {archive_path}", EXIT_BAD_INPUT)
    return asyncio.run(_import(settings, archive_path))


async def _import(settings: Settings, archive_path: Path) -> int:
    """Load an exported mentorship as a new one and print its new personal links."""
    from companion import archive
    from companion.db import create_engine, migrate
    from companion.store import Store

    try:
        archive.read_manifest(archive_path)
    except archive.ArchiveError as exc:
        raise CliError(f"{archive_path}: {exc}", EXIT_BAD_INPUT) from exc
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        async with Store(engine).transaction() as db:
            imported = await archive.import_mentorship(
                db, archive_path, recordings_dir=settings.recordings_dir)
    except archive.ArchiveError as exc:
        raise CliError(f"{archive_path}: {exc}", EXIT_BAD_INPUT) from exc
    finally:
        await engine.dispose()
    counts = ", ".join(f"{n} {name}" for name, n in imported.counts.items()
                       if n and name in ("sessions", "recordings", "items", "goals", "notes"))
    print(f"imported mentorship {imported.mentorship_id} ({counts or 'empty'})")
    for role, token in imported.tokens.items():
        print(f"{role}: {settings.public_url}/join/{token}")
    return 0


def _add_import(sub: argparse._SubParsersAction) -> None:
    from companion.settings import SETTINGS

    i = sub.add_parser("import", help="load a mentorship exported as a zip (new ids, new "
                                      "personal links)")
    i.add_argument("archive", help="the .zip from /api/mentorships/{id}/export")
    for setting in SETTINGS:
        if setting.name in ("data_dir", "database_url"):
            i.add_argument(setting.option, dest=setting.name, default=None,
                           help=f"{setting.help} [{setting.env}; default: "
                                f"{setting.shown_default}]")
    i.set_defaults(func=cmd_import)


def _add_recap(sub: argparse._SubParsersAction) -> None:
    from companion.settings import SETTINGS

    r = sub.add_parser("recap", help="print a session's recap email, or send it to both "
                                     "participants")
    r.add_argument("session_id", help="the session's id (in its page's address)")
    r.add_argument("--send", action="store_true",
                   help="send it now (SMTP, or the outbox when none is configured) and "
                        "print what became of each email")
    r.add_argument("--as", dest="role", choices=("mentor", "mentee"), default="mentor",
                   help="whose email to print (default: the mentor's)")
    for setting in SETTINGS:
        if setting.name in ("data_dir", "database_url"):
            r.add_argument(setting.option, dest=setting.name, default=None,
                           help=f"{setting.help} [{setting.env}; default: "
                                f"{setting.shown_default}]")
    r.set_defaults(func=cmd_recap)


# -- live -----------------------------------------------------------------------------------


def cmd_live(args: argparse.Namespace) -> int:
    """Stream a recording or the microphone into a live session and print its captions as
    they arrive. The microphone streams until its device ends or Ctrl-C; either way the
    live session is then stopped, as after a recording."""
    import asyncio

    from companion.live import frames_of
    from companion.live_client import LiveClient, LiveClientError

    token = args.token or os.environ.get("COMPANION_TOKEN")
    if not token:
        raise CliError("give --token or set COMPANION_TOKEN (the token of your personal link)",
                       EXIT_BAD_INPUT)
    if not 1 <= args.speed <= 4:
        raise CliError("--speed must be from 1 to 4", EXIT_BAD_INPUT)
    if args.mic:
        return _live_mic(args, token)
    if args.mic_device:
        raise CliError("--mic-device goes with --mic", EXIT_BAD_INPUT)
    from transcription import decode
    from transcription.errors import TranscriptionError

    try:
        audio = decode.load(args.file, channels="mix")
    except TranscriptionError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from exc
    printer = _CaptionPrinter(sys.stdout)
    client = LiveClient(args.url, args.session, args.role, token, source="file",
                        speed=args.speed, on_event=printer)
    try:
        result = asyncio.run(client.stream(frames_of(audio, 0.25)))
    except LiveClientError as exc:
        raise CliError(str(exc)) from exc
    return _live_done(printer, result)


def _live_mic(args: argparse.Namespace, token: str) -> int:
    """``companion live --mic``: the device's audio, paced by the client as a file's is."""
    import asyncio
    import contextlib
    import signal

    from companion.live_client import LiveClient, LiveClientError
    from companion.live_mic import DEFAULT_DEVICES, DeviceError, MicCapture

    try:
        capture = MicCapture.open([args.mic_device] if args.mic_device else DEFAULT_DEVICES)
    except ValueError as exc:
        raise CliError(f"--mic-device: {exc}", EXIT_BAD_INPUT) from exc
    except DeviceError as exc:
        raise CliError(str(exc)) from exc
    print(f"listening on {capture.device} (Ctrl-C ends the call)", file=sys.stderr)
    printer = _CaptionPrinter(sys.stdout)
    client = LiveClient(args.url, args.session, args.role, token, source="mic",
                        speed=args.speed, on_event=printer)

    async def run() -> LiveResult:
        # Ctrl-C ends the capture, then the call stops as at a device's end; a second Ctrl-C
        # quits at once (the session stays live). Off Unix, or off the main thread, there is
        # no handler: Ctrl-C then quits at once.
        loop = asyncio.get_running_loop()

        def finish() -> None:
            capture.close()
            loop.remove_signal_handler(signal.SIGINT)
            print("finishing: sending what was recorded, then stopping the session "
                  "(Ctrl-C again quits at once)", file=sys.stderr)

        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGINT, finish)
        return await client.stream(capture.pieces())

    try:
        result = asyncio.run(run())
    except (LiveClientError, DeviceError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        capture.close()
    return _live_done(printer, result)


def _live_done(printer: _CaptionPrinter, result: LiveResult) -> int:
    printer.done()
    if result.finalised is not None:
        print(f"session stopped; final transcript queued (job {result.finalised['job']['id']})",
              file=sys.stderr)
    return 0


class _CaptionPrinter:
    """Finals on their own lines; on a terminal, the partial is shown and overwritten."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._tty = out.isatty()
        self._partial = False

    def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "caption":
            if event["final"]:
                self._clear()
                minutes, seconds = divmod(int(event["start"]), 60)
                print(f"[{minutes:02d}:{seconds:02d}] {event['speaker']}: {event['text']}",
                      file=self._out, flush=True)
            elif self._tty and event["text"]:
                self._out.write(f"\r\x1b[K… {event['speaker']}: {event['text']}"[:200])
                self._out.flush()
                self._partial = True
        elif kind in ("item", "cue", "degraded", "off_record"):
            self._clear()
            text = event.get("message") or event.get("text") or event.get("when") or event
            label = event.get("kind", kind) if kind in ("item", "cue") else kind
            print(f"  [{label}] {text}", file=self._out, flush=True)

    def _clear(self) -> None:
        if self._partial:
            self._out.write("\r\x1b[K")
            self._partial = False

    def done(self) -> None:
        self._clear()


def _add_live(sub: argparse._SubParsersAction) -> None:
    live = sub.add_parser("live", help="stream a call into a live session, printing captions")
    live.add_argument("--session", required=True, help="the live session's id")
    live.add_argument("--as", dest="role", required=True, choices=("mentor", "mentee"))
    live.add_argument("--token", help="your personal link's token [COMPANION_TOKEN]")
    live.add_argument("--url", required=True, help="the service, e.g. http://127.0.0.1:8080")
    source = live.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", help="a recording to stream as if it were said now")
    source.add_argument("--mic", action="store_true",
                        help="the microphone, until Ctrl-C (then the session is stopped)")
    live.add_argument("--mic-device", metavar="FORMAT:NAME",
                      help="the input device as libavdevice names it, e.g. pulse:default, "
                           "alsa:hw:1, or lavfi:sine=frequency=440:duration=3 "
                           "(default: pulse:default, then alsa:default)")
    live.add_argument("--speed", type=float, default=1.0,
                      help="stream a file this many times faster than real time (1 to 4)")
    live.set_defaults(func=cmd_live)


# -- parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="companion", description="Companion for mentoring calls.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    t = sub.add_parser("transcribe", help="transcribe a call recording locally")
    t.add_argument("file", help="recording: wav, mp3, m4a, mp4, webm, ogg, flac …")
    t.add_argument("--engine", choices=("faster-whisper", "openai-whisper"),
                   default=os.environ.get("COMPANION_ENGINE", "faster-whisper"))
    t.add_argument("--model", default=os.environ.get("COMPANION_MODEL") or None,
                   help="model name (tiny.en is bundled; others need internet) or a local path")
    t.add_argument("--speakers", default=None,
                   help="who is on the left,right channel (default mentor,mentee); in a mono "
                        "mix, who speaks first (default: told from the conversation)")
    t.add_argument("--format", choices=("json", "txt", "srt", "vtt"), default="json")
    t.add_argument("-o", "--output", help="write here instead of stdout")
    t.add_argument("--beam-size", type=int, default=5)
    t.add_argument("--threads", type=int, default=0, help="engine threads (0: all cores)")
    t.add_argument("--max-duration", type=float, default=240.0,
                   help="refuse recordings longer than this many minutes (0: no limit)")
    t.add_argument("--session-date", help="ISO date-time of the call, kept in the JSON")
    t.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    t.set_defaults(func=cmd_transcribe)

    e = sub.add_parser("extract", help="extract action items, feedback … from a transcript")
    e.add_argument("transcript", help="transcript JSON (CONTRACT.md)")
    e.add_argument("--session-date", help="ISO date or date-time the call took place")
    e.add_argument("--format", choices=("json", "markdown", "html", "text"), default="json")
    e.add_argument("--template-dir", default=os.environ.get("COMPANION_TEMPLATE_DIR"),
                   help="directory whose recap.*.j2 templates override the bundled ones")
    e.add_argument("-o", "--output", help="write here instead of stdout")
    e.set_defaults(func=cmd_extract)

    _add_serve(sub)
    _add_recap(sub)
    _add_import(sub)
    _add_live(sub)
    return parser


def _values_kept(argv: Sequence[str]) -> list[str]:
    """`--token -abc` as `--token=-abc`: a token issued before tokens stopped starting with
    "-" would otherwise read as an option."""
    kept: list[str] = []
    for arg in argv:
        if kept and kept[-1] == "--token" and arg.startswith("-") and len(arg) > 2 and not arg.startswith("--"):
            kept[-1] = f"--token={arg}"
        else:
            kept.append(arg)
    return kept


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(_values_kept(sys.argv[1:] if argv is None else argv))
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"companion: {exc}" if not str(exc).startswith("companion") else str(exc),
              file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("companion: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
