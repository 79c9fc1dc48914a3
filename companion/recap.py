"""The recap email: what each participant receives when a session is finalised.

What a good mentor sends after a call: the summary, the action items by owner with their
due dates (the recipient's own first), feedback, the items still open from earlier
sessions and those done since the previous one (companion/accountability.py), the next check-in as a calendar invitation, and a link back to the session page.

One wording everywhere: the recap itself is the shared templates' (summaries/templates/
recap.txt.j2 and recap.html.j2, built from ``summaries.render.build_view``); the email's
templates (email.txt.j2, email.html.j2 and its body email.body.html.j2) extend them with
a greeting, the link, the earlier items and a footer. They are rendered here rather than
through ``summaries.render.render`` because they need more than a recap: whom it is for,
their link, what is still open. The invitation is ``companion.exports``' (the page's
download), with a SEQUENCE added per finalisation so that a calendar updates the event.

Before anything leaves the machine, personal data said in the call (phone numbers, email
addresses, card and account numbers: ``companion.redact``) is masked in every text that
comes from the transcript, the invitation's included.

Messages are built with ``email.message.EmailMessage`` and ``Address`` objects, and every
header value made of people's input (names, the title) is first reduced to one printable
line: a CR or LF in a name cannot start a header of its own.
"""
from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from typing import Any, Final

import jinja2
from icalendar import Calendar

from companion import exports
from companion.exports import SessionExport
from companion.redact import redact
from summaries import parse_transcript
from summaries.render import (TEMPLATES, build_view, clock, human_date, markdown_escape,
                              one_line, span)

SENDER_NAME: Final = "Companion"
INVITATION_FILENAME: Final = "invite.ics"
_MASKED_LISTS: Final = ("action_items", "feedback", "questions", "challenges", "goals",
                        "decisions")


@dataclass(frozen=True)
class CarriedItem:
    """An action item still open from an earlier session of the mentorship."""

    owner: str
    """mentor, mentee or both."""
    text: str
    due: str | None
    session_title: str


@dataclass(frozen=True)
class DoneItem:
    """An action item of an earlier session done since the previous session
    (``companion.accountability.recap_done``)."""

    owner: str
    text: str
    session_title: str
    pending: bool
    """Mentioned as done in this session, waiting for a participant to confirm it."""


@dataclass(frozen=True)
class RecapSource:
    """Everything a session's recap is made of (``DeliveryStore.source`` reads it)."""

    session_id: str
    mentorship_id: str
    title: str
    changed_at: datetime
    finalisation: int
    """How many times the session has been finalised (the invitation's SEQUENCE)."""
    transcript: Mapping[str, Any]
    """The transcript JSON of CONTRACT.md, with ``participants``."""
    summary: Mapping[str, Any]
    """The stored extraction JSON."""
    earlier: tuple[CarriedItem, ...]
    done_since: tuple[DoneItem, ...] = ()
    """Earlier items done since the previous session ("Done since last time")."""


@dataclass(frozen=True)
class RecapEmail:
    """One participant's recap, rendered; ``to_message`` makes the email of it."""

    role: str
    name: str
    subject: str
    text: str
    html: str
    invitation: str | None
    """The next check-in as an iCalendar request, or None when none was agreed."""
    masked: bool
    """Whether personal data was masked in it."""


@dataclass(frozen=True)
class _Carried:
    owner: str
    text: str
    due: str
    session: str


@dataclass(frozen=True)
class _Done:
    owner: str
    text: str
    session: str
    pending: bool


def compose(source: RecapSource, role: str, *, link: str, page_url: str, zone: tzinfo,
            link_days: int) -> RecapEmail:
    """``role``'s recap. ``link`` is what the email links to (a sign-in link, or the page
    itself in a preview), ``page_url`` the session page the invitation points to, ``zone``
    the time zone of the check-in's local time, ``link_days`` how long the link works."""
    summary, masked = _masked_summary(source.summary)
    transcript = parse_transcript(source.transcript)
    people = transcript.participants

    def name(who: str) -> str:
        if who == "both":
            return f"{name('mentor')} and {name('mentee')}"
        return str((people.get(who) or {}).get("name") or who.capitalize())

    view = build_view(exports.extraction_from_json(summary), transcript, one_line(source.title))
    view = replace(view, actions=tuple(sorted(view.actions, key=lambda g: g.role != role)))
    earlier = []
    for item in source.earlier:
        text = redact(item.text)
        masked = masked or text != item.text
        earlier.append(_Carried(owner=name(item.owner), text=text, due=human_date(item.due),
                                session=item.session_title))
    done_since = []
    for done in source.done_since:
        text = redact(done.text)
        masked = masked or text != done.text
        done_since.append(_Done(owner=name(done.owner), text=text, session=done.session_title,
                                pending=done.pending))
    invitation = _invitation(source, summary, zone, page_url) if summary["next_checkin"] \
        else None
    subject = header_text(f"Recap: {view.title}" + (f" ({view.date})" if view.date else ""))
    context = {"recap": view, "recipient": {"role": role, "name": name(role)}, "link": link,
               "link_days": link_days, "earlier": earlier, "done_since": done_since,
               "invitation": invitation is not None,
               "masked": masked, "subject": subject}
    env = _environment()
    return RecapEmail(role=role, name=name(role), subject=subject,
                      text=env.get_template("email.txt.j2").render(context),
                      html=env.get_template("email.html.j2").render(context),
                      invitation=invitation, masked=masked)


def to_message(email: RecapEmail, *, sender: str, address: str, message_id: str,
               date: datetime) -> EmailMessage:
    """The email: text and HTML alternatives, and the invitation both as an alternative
    part (which Gmail and Outlook turn into Accept/Decline buttons) and as an attachment
    (which other clients offer to import), the way calendar servers send them."""
    message = EmailMessage()
    message["From"] = header_address(SENDER_NAME, sender)
    message["To"] = header_address(email.name, address)
    message["Subject"] = email.subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(email.text)
    message.add_alternative(email.html, subtype="html")
    if email.invitation is not None:
        message.add_alternative(email.invitation, subtype="calendar",
                                params={"method": "REQUEST"})
        message.add_attachment(email.invitation.encode("utf-8"), maintype="application",
                               subtype="ics", filename=INVITATION_FILENAME)
    return message


def _masked_summary(summary: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """The extraction JSON with personal data masked in its texts and quotes."""
    masked = copy.deepcopy(dict(summary))
    changed = False
    items = [item for key in _MASKED_LISTS for item in masked.get(key) or []]
    if masked.get("next_checkin_source"):
        items.append(masked["next_checkin_source"])
    for item in items:
        for field in ("text", "quote"):
            if isinstance(item.get(field), str):
                clean = redact(item[field])
                changed = changed or clean != item[field]
                item[field] = clean
    masked.setdefault("next_checkin", None)
    return masked, changed


def _invitation(source: RecapSource, summary: Mapping[str, Any], zone: tzinfo,
                page_url: str) -> str:
    """The page's invitation download, with SEQUENCE set to the finalisation: each new
    recap of the session updates the event its first one created (same UID)."""
    text = exports.checkin_invitation(
        SessionExport(session_id=source.session_id, title=one_line(source.title),
                      transcript=source.transcript, summary=summary,
                      changed_at=source.changed_at),
        zone=zone, url=page_url)
    calendar = Calendar.from_ical(text)
    for event in calendar.walk("VEVENT"):
        event.add("sequence", max(0, source.finalisation - 1))
    return calendar.to_ical().decode("utf-8")


def header_text(value: str) -> str:
    """One line of printable characters: nothing in it can end a header."""
    return "".join(c for c in one_line(value) if c.isprintable())


def header_address(name: str, email: str) -> Address:
    """A header address; the domain in its IDNA form, which every server reads."""
    local, _, domain = email.partition("@")
    return Address(display_name=header_text(name), username=local,
                   domain=domain.encode("idna").decode("ascii"))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The package's templates with the shared recap's filters, escaping HTML ones."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters.update(md=markdown_escape, line=one_line, human_date=human_date, clock=clock,
                       span=span)
    return env
