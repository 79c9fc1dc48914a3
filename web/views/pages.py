"""The two pages people use: a mentorship (its sessions, a form for a new one) and a session
(recording, transcript, recap, action items, downloads, how its recap emails fared).

Pages are rendered whole on the server from the store, so they show everything without
waiting for a script; ``static/session.js`` and ``static/mentorship.js`` then add what
needs one (uploads, live progress, ticking and correcting), talking to the JSON API.
Only the two participants see a page: anyone else, signed in elsewhere or not at all,
gets 404, as for a page that does not exist.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from aiohttp import web
from markupsafe import Markup

from companion import exports, notes, results
from companion.exports import SessionExport
from companion.mailer import OutboxTransport
from companion.models import ROLES, Delivery, Item, Mentorship, Session
from companion.settings import Settings
from companion.tokens import Participant
from summaries import TranscriptError, parse_transcript
from summaries.render import Balance, build_view, human_date, render
from web.auth import current_participant
from web.pages import TEMPLATES_DIR, render_page
from web.typedefs import SETTINGS, STORE
from web.views.accountability import load as load_accountability
from web.views.recap import DELIVERIES

NOT_FOUND: Final = ("this page does not exist, or it belongs to someone else: "
                    "open your personal link again")
STATUS_LABELS: Final = {
    "created": "Waiting for a recording",
    "live": "Live",
    "queued": "Queued",
    "processing": "Processing",
    "done": "Done",
    "failed": "Failed",
}
"""What a session's status reads as (static/common.js has the same words)."""
OWNER_ORDER: Final = ("mentee", "mentor", "both")


@dataclass(frozen=True)
class LoadedSession:
    """A session with what both its page and its downloads are made of."""

    session: Session
    mentorship: Mentorship
    export: SessionExport


@dataclass(frozen=True)
class Line:
    """One transcript line as the page shows it."""

    idx: int
    speaker: str
    name: str
    start: float | None
    text: str
    edited: bool


@dataclass(frozen=True)
class ActionItemView:
    id: str
    owner: str
    text: str
    due: str | None
    done: bool
    start: float | None
    edited: bool


@dataclass(frozen=True)
class OpenItem:
    """An open action item on the mentorship page, with the session it was agreed in."""

    item: ActionItemView
    session_id: str
    session_title: str


@dataclass(frozen=True)
class ItemGroup:
    role: str
    label: str
    items: tuple[ActionItemView, ...]


@dataclass(frozen=True)
class RecapLine:
    """One participant's latest recap email, its state in words."""

    role: str
    name: str
    address: str
    status: str
    state: str


@dataclass(frozen=True)
class RecapSection:
    """The page's "Recap email" section: where emails go and how each one fared."""

    outbox: str | None
    """The folder .eml files are written to when there is no SMTP server."""
    lines: tuple[RecapLine, ...]
    held: bool
    my_recaps: bool
    can_resend: bool


@dataclass(frozen=True)
class DownloadLink:
    fmt: str
    label: str
    url: str


# -- the views ------------------------------------------------------------------------------


async def mentorship_page(request: web.Request) -> web.Response:
    from web.views import relationship  # agreement, goals, surveys, trends (issue 7)

    participant = await page_participant(request)
    if participant.mentorship_id != request.match_info["id"]:
        raise web.HTTPNotFound(text=NOT_FOUND)
    store, zone = request.app[STORE], request.app[SETTINGS].zone
    mentorship = await store.get_mentorship(participant)
    sessions = await store.list_sessions(participant)
    open_items = await store.open_action_items(participant)
    titles = {session.id: session.title for session in sessions}
    checkin_session = next((s for s in reversed(sessions) if s.next_checkin), None)
    return render_page(request, "mentorship.html.j2", {
        "mentorship": mentorship,
        "you": participant,
        "names": _names(mentorship),
        "sessions": sessions,
        "started": {s.id: human_date(s.started_at.astimezone(zone)) if s.started_at else ""
                    for s in sessions},
        "open_items": [OpenItem(_item_view(item), item.session_id, titles[item.session_id])
                       for item in open_items],
        "checkin_session": checkin_session,
        "status_labels": STATUS_LABELS,
        "now": datetime.now(zone).strftime("%Y-%m-%dT%H:%M"),
        **await relationship.page_context(request, participant),
        "notes": await _own_notes(request, participant),
    })


async def session_page(request: web.Request) -> web.Response:
    participant = await page_participant(request)
    loaded = await load_session(request, participant, with_words=False)
    session, export = loaded.session, loaded.export
    recording = await request.app[STORE].latest_recording(session.id, participant)
    deliveries = await request.app[DELIVERIES].for_session(session.id, participant)
    names = _names(loaded.mentorship)
    segments = export.transcript["segments"]
    recap_html, balance = _recap(export)
    return render_page(request, "session.html.j2", {
        "session": session,
        "names": names,
        "date": human_date(export.transcript.get("session_date")),
        "status_label": STATUS_LABELS.get(session.status, session.status),
        "recording": recording,
        "lines": [Line(idx, s["speaker"], names[s["speaker"]], s.get("start"), s["text"],
                       bool(s.get("edited"))) for idx, s in enumerate(segments)],
        "groups": _item_groups(export.summary.get("action_items") or [], names),
        "recap_html": recap_html,
        "balance": balance,
        "next_checkin": export.summary.get("next_checkin"),
        "downloads": _downloads(export, session.id),
        "email": _recap_section(deliveries, loaded, participant, request.app[SETTINGS]),
        "last_time": await load_accountability(request, session.id, participant),
        "notes": await _own_notes(request, participant, session.id),
    })


async def _own_notes(request: web.Request, participant: Participant,
                     session_id: str | None = None) -> list[Any]:
    """The participant's private notes (all of theirs, or one session's)."""
    async with request.app[STORE].transaction() as db:
        return await notes.list_notes(db, participant, session_id)


async def page_participant(request: web.Request) -> Participant:
    """The signed-in participant, or 404: pages give strangers nothing, not even the
    fact that a page exists (the API answers 401 instead, which scripts act on)."""
    participant = await current_participant(request)
    if participant is None:
        raise web.HTTPNotFound(text=NOT_FOUND)
    return participant


async def load_session(request: web.Request, participant: Participant, *,
                       with_words: bool = True) -> LoadedSession:
    """The session of the URL as ``participant`` sees it (``RecordNotFound`` otherwise);
    ``with_words=False`` for the page, which shows lines, not word timings."""
    store, zone = request.app[STORE], request.app[SETTINGS].zone
    session_id = request.match_info["id"]
    session = await store.get_session(session_id, participant)
    mentorship = await store.get_mentorship(participant)
    segments = await store.get_transcript(session_id, participant, with_words=with_words)
    summary = await store.get_summary(session_id, participant) if segments else {}
    transcript = results.transcript_json(segments, started_at=session.started_at, zone=zone,
                                         mentorship=mentorship)
    return LoadedSession(session, mentorship, SessionExport(
        session_id=session.id, title=session.title, transcript=transcript,
        summary=summary, changed_at=session.updated_at))


def page_url(request: web.Request, session_id: str) -> str:
    return f"{request.app[SETTINGS].public_url}/sessions/{session_id}"


# -- what the templates get -----------------------------------------------------------------


def _names(mentorship: Mentorship) -> dict[str, str]:
    return {"mentor": mentorship.mentor_name, "mentee": mentorship.mentee_name,
            "both": f"{mentorship.mentor_name} and {mentorship.mentee_name}",
            "unknown": "Unknown speaker"}


def _recap(export: SessionExport) -> tuple[Markup | None, Balance | None]:
    """The recap fragment of ``summaries`` and the numbers of its balance chart.

    The page's own ``recap.html.j2`` extends the package's and leaves out what the page
    shows interactively (action items) or as a chart (balance), and the header."""
    if not export.summary:
        return None, None
    try:
        transcript = parse_transcript(export.transcript)
    except TranscriptError:
        return None, None  # every line was corrected to nothing: nothing to summarise
    extraction = exports.extraction_from_json(export.summary)
    html = render(extraction, transcript, "html", template_dir=TEMPLATES_DIR,
                  title=export.title)
    # The package's environment autoescapes .html.j2 templates, so this is markup.
    return Markup(html), build_view(extraction, transcript).balance


def _recap_section(deliveries: Sequence[Delivery], loaded: LoadedSession,
                   participant: Participant, settings: Settings) -> RecapSection:
    """Each participant's latest delivery (``deliveries`` are newest first)."""
    mentorship, done = loaded.mentorship, loaded.session.status == "done"
    names = _names(mentorship)
    addresses = {"mentor": mentorship.mentor_email, "mentee": mentorship.mentee_email}
    nothing_yet = ("none was sent for this session" if done
                   else "no recap yet: it is sent when the session is processed")
    lines = []
    for role in ROLES:
        latest = next((d for d in deliveries if d.role == role), None)
        if latest is None:
            lines.append(RecapLine(role, names[role], addresses[role], "none", nothing_yet))
        else:
            lines.append(RecapLine(role, names[role], latest.address, latest.status,
                                   delivery_state(latest, settings)))
    return RecapSection(
        outbox=str(settings.outbox_dir.resolve()) if settings.smtp is None else None,
        lines=tuple(lines), held=any(line.status == "held" for line in lines),
        my_recaps=(mentorship.mentor_recaps if participant.role == "mentor"
                   else mentorship.mentee_recaps),
        can_resend=done)


def delivery_state(delivery: Delivery, settings: Settings) -> str:
    """A delivery's state as the page says it: "sent Tue 24 Nov 2026, 16:02"..."""
    def when(moment: datetime | None) -> str:
        return human_date(moment.astimezone(settings.zone)) if moment else "soon"

    reason = delivery.last_error or "no reason given"
    if delivery.status == "sent" and delivery.channel == "outbox":
        eml = OutboxTransport(settings.outbox_dir.resolve()).path(delivery.id)
        return f"written to the outbox: {eml} ({when(delivery.sent_at)})"
    if delivery.status == "sent":
        return f"sent {when(delivery.sent_at)}"
    if delivery.status == "held" and delivery.next_attempt_at is None:
        return "held for review until someone releases it"
    if delivery.status == "held":
        return f"held for review until {when(delivery.next_attempt_at)}"
    if delivery.status == "pending" and delivery.last_error:
        return f"will retry at {when(delivery.next_attempt_at)}: {reason}"
    if delivery.status == "pending":
        return f"waiting to be sent ({when(delivery.next_attempt_at)})"
    if delivery.status == "sending":
        return "being sent now"
    if delivery.status == "skipped":
        return f"not sent: {reason}"
    return f"failed: {reason}"


def _item_view(item: Item | Mapping[str, Any]) -> ActionItemView:
    data = item.to_json() if isinstance(item, Item) else item
    return ActionItemView(id=data["id"], owner=data["owner"], text=data["text"],
                          due=data.get("due"), done=data.get("status") == "done",
                          start=data.get("start"), edited=bool(data.get("edited")))


def _item_groups(items: Sequence[Mapping[str, Any]], names: Mapping[str, str]
                 ) -> list[ItemGroup]:
    """Action items by owner: the mentee's first (theirs are most of them), in the order
    they were said."""
    views = [_item_view(item) for item in items]
    return [ItemGroup(role, names[role], tuple(v for v in views if v.owner == role))
            for role in OWNER_ORDER if any(v.owner == role for v in views)]


def _downloads(export: SessionExport, session_id: str) -> list[DownloadLink]:
    """The formats this session can be downloaded in now."""
    segments = export.transcript["segments"]
    if not segments:
        return []
    timed = all(s.get("start") is not None and s.get("end") is not None for s in segments)
    unavailable = ({"srt", "vtt"} if not timed else set()) | (
        {"ics"} if not export.summary.get("next_checkin") else set())
    return [DownloadLink(fmt, kind.label, f"/sessions/{session_id}/download/{fmt}")
            for fmt, kind in exports.FORMATS.items() if fmt not in unavailable]
