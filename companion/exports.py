"""A session as files to take away: the recap with its transcript (Markdown, plain text),
subtitles (SRT, WebVTT), everything as JSON, and the next check-in as a calendar invitation.

Plain Python over the JSON shapes of CONTRACT.md (the session's transcript JSON and its
stored extraction JSON), so the page, a script or an email can all use it. The recap is
rendered by ``summaries.render`` and the subtitles by ``transcription.formats``: one
wording of each everywhere.

The invitation is an iTIP request (``METHOD:REQUEST``) from the mentor to both
participants. Its UID is derived from the session, so downloading it again after a
correction updates the event in a calendar instead of adding a second one.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Final

from icalendar import Calendar, Event, vCalAddress, vText

from summaries import (ActionItem, Challenge, Decision, Extraction, Feedback, Goal, NextCheckin,
                       Provenance, Question, TranscriptError, parse_transcript)
from summaries.render import clock, human_date, markdown_escape, one_line, render
from summaries.transcript import Transcript as SummaryTranscript
from transcription import formats
from transcription.types import Segment, Transcript

CHECKIN_MINUTES: Final = 45
"""Length of the check-in event: a usual mentoring call (45-60 minutes)."""
PRODID: Final = "-//Companion//Mentoring check-in//EN"


class ExportError(ValueError):
    """This session cannot be given in that format (yet); the message is one line."""


@dataclass(frozen=True)
class ExportFormat:
    label: str
    """What the download link says."""
    content_type: str
    extension: str


FORMATS: Final[dict[str, ExportFormat]] = {
    "md": ExportFormat("Markdown", "text/markdown; charset=utf-8", "md"),
    "txt": ExportFormat("Plain text", "text/plain; charset=utf-8", "txt"),
    "srt": ExportFormat("Subtitles (SRT)", "application/x-subrip; charset=utf-8", "srt"),
    "vtt": ExportFormat("Subtitles (WebVTT)", "text/vtt; charset=utf-8", "vtt"),
    "json": ExportFormat("JSON", "application/json; charset=utf-8", "json"),
    "ics": ExportFormat("Calendar invitation", "text/calendar; charset=utf-8; method=REQUEST",
                        "ics"),
}
"""Every export, keyed by the name used in URLs, in the order the page lists them."""


@dataclass(frozen=True)
class SessionExport:
    """What every export is made from."""

    session_id: str
    title: str
    transcript: Mapping[str, Any]
    """The transcript JSON of CONTRACT.md, with ``participants`` (and ``session_date``)."""
    summary: Mapping[str, Any]
    """The stored extraction JSON (items with ``id`` and, for action items, ``status``)."""
    changed_at: datetime
    """When the session last changed (aware): the invitation's DTSTAMP, which keeps the
    file the same from one download to the next."""


@dataclass(frozen=True)
class Download:
    filename: str
    content_type: str
    text: str


def export(session: SessionExport, fmt: str, *, zone: tzinfo | None = None,
           url: str | None = None) -> Download:
    """The session in format ``fmt`` (a key of ``FORMATS``). ``zone`` is the time zone of
    the check-in's local time (None: a floating time); ``url`` links the invitation to the
    session's page. Raises ``ExportError`` when the session lacks what the format needs."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if not session.transcript.get("segments"):
        raise ExportError("this session has no transcript yet")
    writers: dict[str, Callable[[], str]] = {
        "md": lambda: recap_markdown(session),
        "txt": lambda: recap_text(session),
        "srt": lambda: formats.to_srt(_timed_transcript(session.transcript)),
        "vtt": lambda: formats.to_vtt(_timed_transcript(session.transcript)),
        "json": lambda: session_json(session),
        "ics": lambda: checkin_invitation(session, zone=zone, url=url),
    }
    kind = FORMATS[fmt]
    return Download(filename=f"{file_stem(session)}.{kind.extension}",
                    content_type=kind.content_type, text=writers[fmt]())


def file_stem(session: SessionExport) -> str:
    """``proposal-follow-up-2026-11-20``: the title in ASCII, then the session's date."""
    ascii_title = unicodedata.normalize("NFKD", session.title).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().lower()).strip("-")[:60].rstrip("-")
    date = str(session.transcript.get("session_date") or "")[:10]
    return "-".join(part for part in (slug or "session", date) if part)


# -- the recap ------------------------------------------------------------------------------


def extraction_from_json(data: Mapping[str, Any]) -> Extraction:
    """The ``Extraction`` an extraction JSON (as extracted, or as stored) describes."""

    def source(item: Mapping[str, Any]) -> Provenance:
        return Provenance(segment=int(item.get("segment") or 0), start=item.get("start"),
                          quote=str(item.get("quote") or ""))

    def each(key: str) -> list[Mapping[str, Any]]:
        return list(data.get(key) or [])

    checkin = None
    if data.get("next_checkin"):
        checkin = NextCheckin(str(data["next_checkin"]),
                              source(data.get("next_checkin_source") or {}))
    return Extraction(
        action_items=[ActionItem(i["owner"], i["text"], i.get("due"), source(i))
                      for i in each("action_items")],
        feedback=[Feedback(i["kind"], i["from"], i["to"], i["text"], source(i))
                  for i in each("feedback")],
        questions=[Question(i["speaker"], i["text"], bool(i.get("open")), source(i))
                   for i in each("questions")],
        challenges=[Challenge(i["speaker"], i["text"], source(i)) for i in each("challenges")],
        goals=[Goal(i["owner"], i["text"], i.get("target"), source(i)) for i in each("goals")],
        decisions=[Decision(i["text"], str(i.get("topic") or "other"), source(i))
                   for i in each("decisions")],
        next_checkin=checkin,
        metrics=dict(data.get("metrics") or {}),
    )


def recap_markdown(session: SessionExport) -> str:
    """The recap, then the transcript, as one Markdown document."""
    recap = render(extraction_from_json(session.summary), _parsed(session.transcript),
                   "markdown", title=session.title)
    lines = [f"**{markdown_escape(_speaker(session.transcript, s))}**"
             + (f" ({clock(s.get('start'))})" if s.get("start") is not None else "")
             + f": {markdown_escape(s['text'])}"
             for s in session.transcript["segments"]]
    return recap.rstrip("\n") + "\n\n## Transcript\n\n" + "\n\n".join(lines) + "\n"


def recap_text(session: SessionExport) -> str:
    """The recap, then the transcript, as plain text."""
    recap = render(extraction_from_json(session.summary), _parsed(session.transcript),
                   "text", title=session.title)
    lines = [(f"[{clock(s.get('start'))}] " if s.get("start") is not None else "")
             + f"{one_line(_speaker(session.transcript, s))}: {one_line(s['text'])}"
             for s in session.transcript["segments"]]
    return recap.rstrip("\n") + "\n\nTRANSCRIPT\n" + "\n".join(lines) + "\n"


def session_json(session: SessionExport) -> str:
    """The session's title, transcript JSON and extraction JSON in one document."""
    return json.dumps({"id": session.session_id, "title": session.title,
                       "transcript": session.transcript, "summary": session.summary},
                      indent=1, ensure_ascii=False) + "\n"


def _parsed(transcript: Mapping[str, Any]) -> SummaryTranscript:
    try:
        return parse_transcript(transcript)
    except TranscriptError as exc:
        raise ExportError(str(exc)) from None


def _speaker(transcript: Mapping[str, Any], segment: Mapping[str, Any]) -> str:
    role = str(segment.get("speaker") or "unknown")
    person = (transcript.get("participants") or {}).get(role) or {}
    return str(person.get("name") or role.capitalize())


def _owner(transcript: Mapping[str, Any], role: str) -> str:
    """Who an item belongs to: a participant's name, or both names."""
    if role == "both":
        return " and ".join(_speaker(transcript, {"speaker": r}) for r in ("mentor", "mentee"))
    return _speaker(transcript, {"speaker": role})


def _timed_transcript(data: Mapping[str, Any]) -> Transcript:
    """The transcript as ``transcription`` writes it; subtitles need every line's times."""
    segments = []
    for idx, raw in enumerate(data["segments"]):
        if raw.get("start") is None or raw.get("end") is None:
            raise ExportError(f"subtitles need the times of every line, and line {idx + 1} "
                              "has none (a transcript written by hand?)")
        segments.append(Segment(start=float(raw["start"]), end=float(raw["end"]),
                                text=str(raw["text"]), speaker=str(raw["speaker"])))
    return Transcript(segments=segments, duration=max(s.end for s in segments),
                      session_date=data.get("session_date"),
                      participants=dict(data.get("participants") or {}))


# -- the next check-in ----------------------------------------------------------------------


def checkin_invitation(session: SessionExport, *, zone: tzinfo | None = None,
                       url: str | None = None) -> str:
    """The next check-in as an iCalendar request from the mentor to both participants."""
    when = session.summary.get("next_checkin")
    if not when:
        raise ExportError("no next check-in was agreed in this session")
    people = session.transcript.get("participants") or {}
    mentor, mentee = people.get("mentor") or {}, people.get("mentee") or {}
    names = [str(p.get("name") or role.capitalize())
             for role, p in (("mentor", mentor), ("mentee", mentee))]

    event = Event()
    event.add("uid", f"checkin-{session.session_id}@companion")
    event.add("dtstamp", session.changed_at.astimezone(timezone.utc))
    moment = datetime.fromisoformat(str(when))
    if "T" in str(when):
        event.add("dtstart", moment if zone is None else moment.replace(tzinfo=zone))
        event.add("duration", timedelta(minutes=CHECKIN_MINUTES))
    else:  # a day without a time: an all-day event
        event.add("dtstart", moment.date())
        event.add("dtend", moment.date() + timedelta(days=1))
    event.add("summary", f"Mentoring check-in: {names[0]} & {names[1]}")
    event.add("description", _checkin_description(session, url))
    if url is not None:
        event.add("url", url)
    if mentor.get("email"):
        event.add("organizer", _address(mentor))
    for person in (mentor, mentee):
        if person.get("email"):
            event.add("attendee", _address(person, invited=True))
    event.add("status", "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    calendar.add_component(event)
    if zone is not None:
        calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def _address(person: Mapping[str, Any], *, invited: bool = False) -> vCalAddress:
    """A participant as organizer or, ``invited``, as an attendee asked to reply."""
    address = vCalAddress(f"mailto:{person['email']}")
    if person.get("name"):
        address.params["CN"] = vText(str(person["name"]))
    if invited:
        address.params.update(ROLE="REQ-PARTICIPANT", PARTSTAT="NEEDS-ACTION", RSVP="TRUE")
    return address


def _checkin_description(session: SessionExport, url: str | None) -> str:
    """Where the check-in was agreed, and the action items still open from that session."""
    date = human_date(session.transcript.get("session_date"))
    lines = [f"Agreed in “{one_line(session.title)}”" + (f" ({date})." if date else ".")]
    open_items = [item for item in session.summary.get("action_items") or []
                  if item.get("status", "open") == "open"]
    if open_items:
        lines += ["", "Open action items:"]
        lines += [f"- {_owner(session.transcript, str(item.get('owner')))}"
                  f": {one_line(item['text'])}"
                  + (f" (due {human_date(item['due'])})" if item.get("due") else "")
                  for item in open_items]
    if url is not None:
        lines += ["", url]
    return "\n".join(lines)
