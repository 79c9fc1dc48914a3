"""The mentoring agreement: its terms, their history, and what the sessions suggest.

The terms are one JSON object (``Mentorship.agreement``; every version is also a row of
``agreement_revisions``)::

    {"mentor_role":     {"text": "...", "source": SOURCE | null},
     "mentee_role":     {"text": ..., "source": ...},
     "scope":           {"text": ..., "source": ...},
     "channels":        [{"channel": "Slack", "purpose": "quick questions", "source": ...}],
     "response_times":  {"text": ..., "source": ...},
     "cadence":         {"text": "every two weeks", "cadence_days": 14, "source": ...},
     "confidentiality": {"text": ..., "source": ...},
     "other":           {"text": ..., "source": ...}}

A ``source`` links a term to the moment it was said: ``{"session_id", "segment", "start",
"quote"}`` (the session must be one of the mentorship's). ``cadence_days`` is what the
scheduler reads (``cadence_days()`` below); when an edit gives a cadence text without it,
it is read from the text ("every two weeks" is 14).

Pre-filling, chosen to never overwrite what a person wrote: the decisions extraction found
in the mentorship's finished sessions become *suggestions* (``suggestions()``), each for one
field, with its source; the page shows them with "Use this" buttons and a "fill the empty
fields" button (``prefill()``: the current terms, with only the empty fields taken from the
newest suggestion). Nothing is stored until a participant saves, and each save is a new
revision (``update()``) authored by that participant, in the same transaction as the new
current terms. Saving from an older version (``version`` given and not the current one) is
refused with ``InvalidState``, so one participant never silently undoes the other's edit.

Agreements written before this module (free-form objects through ``PATCH
/api/mentorships/{id}``) are read leniently (``read_terms``): a known field given as a plain
string is its text, other keys are ignored; the next revision replaces them.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import AgreementRevision, Item, Mentorship, Session, TranscriptSegment
from companion.store import InvalidData, InvalidState, mentorship_of
from companion.tokens import Participant

TEXT_FIELDS: Final = ("mentor_role", "mentee_role", "scope", "response_times", "cadence",
                      "confidentiality", "other")
FIELDS: Final = ("mentor_role", "mentee_role", "scope", "channels", "response_times", "cadence",
                 "confidentiality", "other")
LABELS: Final = {
    "mentor_role": "Mentor's role and responsibilities",
    "mentee_role": "Mentee's role and responsibilities",
    "scope": "Scope",
    "channels": "Communication channels",
    "response_times": "Response times",
    "cadence": "Check-in cadence",
    "confidentiality": "Confidentiality",
    "other": "Other agreements",
}
TOPIC_FIELDS: Final = {"channels": "channels", "response_time": "response_times",
                       "cadence": "cadence", "scope": "scope",
                       "confidentiality": "confidentiality", "other": "other"}
"""Decision topics (summaries/decisions.py) and the field each suggests; "roles" goes to
the mentor's or the mentee's role (``_role_field``)."""
MAX_TEXT: Final = 2000
MAX_CHANNEL: Final = 100
MAX_PURPOSE: Final = 500
MAX_CHANNELS: Final = 20
MAX_NOTE: Final = 1000
MAX_QUOTE: Final = 2000
MAX_CADENCE_DAYS: Final = 366
_SOURCE_KEYS: Final = frozenset({"session_id", "segment", "start", "quote"})
_CHANNEL_KEYS: Final = frozenset({"channel", "purpose", "source"})


@dataclass(frozen=True)
class Suggestion:
    """One decision of a finished session, proposed as the value of one field."""

    item_id: str
    field: str
    topic: str
    text: str
    value: Any
    """What "use this" puts in the field: ``{"text", "source"}`` (with ``cadence_days``
    for the cadence), or the list of channel entries."""
    source: dict[str, Any]
    session_title: str
    in_use: bool
    """The field already holds it (same text or same source)."""

    def to_json(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "field": self.field, "label": LABELS[self.field],
                "topic": self.topic, "text": self.text, "value": self.value,
                "source": self.source, "session_title": self.session_title,
                "link": moment_link(self.source), "in_use": self.in_use}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "label": LABELS[self.field], "before": self.before,
                "after": self.after}


@dataclass(frozen=True)
class Revision:
    version: int
    author: str
    created_at: datetime
    note: str | None
    changes: tuple[Change, ...]


# -- reading -------------------------------------------------------------------------------


def empty_terms() -> dict[str, Any]:
    terms: dict[str, Any] = {name: {"text": "", "source": None} for name in TEXT_FIELDS}
    terms["cadence"]["cadence_days"] = None
    terms["channels"] = []
    return terms


def read_terms(raw: Any) -> dict[str, Any]:
    """Stored terms in the full shape above, whatever was stored (see the module doc)."""
    terms = empty_terms()
    if not isinstance(raw, Mapping):
        return terms
    for name in TEXT_FIELDS:
        value = raw.get(name)
        if isinstance(value, str):
            terms[name]["text"] = value
        elif isinstance(value, Mapping) and isinstance(value.get("text"), str):
            terms[name]["text"] = value["text"]
            source = value.get("source")
            terms[name]["source"] = dict(source) if isinstance(source, Mapping) else None
    days = raw.get("cadence", {}).get("cadence_days") if isinstance(raw.get("cadence"), Mapping) \
        else None
    terms["cadence"]["cadence_days"] = (days if isinstance(days, int) and not isinstance(days, bool)
                                        else days_from_text(terms["cadence"]["text"]))
    channels = raw.get("channels")
    if isinstance(channels, list):
        for entry in channels:
            if isinstance(entry, Mapping) and isinstance(entry.get("channel"), str):
                source = entry.get("source")
                terms["channels"].append({
                    "channel": entry["channel"], "purpose": str(entry.get("purpose") or ""),
                    "source": dict(source) if isinstance(source, Mapping) else None})
    return terms


def cadence_days(agreement: Any) -> int | None:
    """Days between check-ins that the agreement sets, or None: what the scheduler reads.
    Accepts any stored agreement (see ``read_terms``)."""
    return read_terms(agreement)["cadence"]["cadence_days"]


_NUMBERS: Final = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                   "couple of": 2, "few": 3, "other": 2}
_UNITS: Final = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
_EVERY = re.compile(r"\bevery\s+(?:(\d+|a|one|two|three|four|five|six|couple of|few|other)\s+)?"
                    r"(day|week|fortnight|month)s?\b")
_SET_PHRASES: Final = (
    (re.compile(r"\b(?:daily|every day)\b"), 1),
    (re.compile(r"\btwice a week\b"), 3),
    (re.compile(r"\b(?:bi-?weekly|fortnightly|twice a month)\b"), 14),
    (re.compile(r"\b(?:weekly|once a week|each week)\b"), 7),
    (re.compile(r"\bonce a fortnight\b"), 14),
    (re.compile(r"\b(?:monthly|once a month|each month)\b"), 30),
    (re.compile(r"\b(?:mondays|tuesdays|wednesdays|thursdays|fridays)\b"), 7),
)


def days_from_text(text: str) -> int | None:
    """The interval a cadence text states: "every two weeks" 14, "weekly" 7, "monthly" 30,
    "every 10 days" 10; None when it states none."""
    norm = text.lower()
    found: list[tuple[int, int]] = []
    for match in _EVERY.finditer(norm):
        count, unit = match.group(1), match.group(2)
        number = int(count) if count and count.isdigit() else _NUMBERS.get(count or "a", 1)
        if number:
            found.append((match.start(), number * _UNITS[unit]))
    for pattern, days in _SET_PHRASES:
        match = pattern.search(norm)
        if match:
            found.append((match.start(), days))
    return min(found)[1] if found else None


def moment_link(source: Mapping[str, Any] | None) -> str | None:
    """Where a source was said: the session page's transcript line (``#line-N``)."""
    if not source or not source.get("session_id"):
        return None
    anchor = f"#line-{source['segment']}" if isinstance(source.get("segment"), int) else ""
    return f"/sessions/{source['session_id']}{anchor}"


def field_summary(terms: Mapping[str, Any], name: str) -> str:
    """A field as one line of text, for history diffs."""
    if name == "channels":
        return "; ".join(f"{c['channel']}: {c['purpose']}" if c["purpose"] else c["channel"]
                         for c in terms["channels"])
    text = terms[name]["text"]
    if name == "cadence" and terms["cadence"]["cadence_days"]:
        text = f"{text} ({terms['cadence']['cadence_days']} days)".strip()
    return text


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    """The fields whose wording changed (a changed source alone is no change)."""
    old, new = read_terms(before), read_terms(after)
    return [Change(name, field_summary(old, name), field_summary(new, name)) for name in FIELDS
            if field_summary(old, name) != field_summary(new, name)]


# -- validation ----------------------------------------------------------------------------


def validate_terms(raw: Any, session_ids: set[str]) -> dict[str, Any]:
    """Terms from a request, in the full shape; InvalidData names the first bad field.
    ``session_ids``: the mentorship's sessions, which sources may point to. A text field
    may be given as a plain string; a missing field is empty."""
    if not isinstance(raw, Mapping):
        raise InvalidData("terms must be an object")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise InvalidData(f"unknown field {unknown[0]!r} in terms (known: {', '.join(FIELDS)})")
    terms = empty_terms()
    for name in TEXT_FIELDS:
        value = raw.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            value = {"text": value}
        if not isinstance(value, Mapping):
            raise InvalidData(f"{name} must be a string or an object with a text")
        allowed = {"text", "source"} | ({"cadence_days"} if name == "cadence" else set())
        extra = sorted(set(value) - allowed)
        if extra:
            raise InvalidData(f"unknown field {extra[0]!r} in {name}")
        terms[name]["text"] = _text(value.get("text", ""), name, MAX_TEXT)
        terms[name]["source"] = _source(value.get("source"), name, session_ids)
    cadence = raw.get("cadence")
    days = cadence.get("cadence_days") if isinstance(cadence, Mapping) else None
    if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                             or not 1 <= days <= MAX_CADENCE_DAYS):
        raise InvalidData(f"cadence.cadence_days must be a whole number of days from 1 to "
                          f"{MAX_CADENCE_DAYS}, not {days!r}")
    terms["cadence"]["cadence_days"] = days if days is not None \
        else days_from_text(terms["cadence"]["text"])
    channels = raw.get("channels") or []
    if not isinstance(channels, list):
        raise InvalidData("channels must be a list of {channel, purpose}")
    if len(channels) > MAX_CHANNELS:
        raise InvalidData(f"at most {MAX_CHANNELS} channels")
    for index, entry in enumerate(channels):
        where = f"channels[{index}]"
        if not isinstance(entry, Mapping):
            raise InvalidData(f"{where} must be an object with a channel and a purpose")
        extra = sorted(set(entry) - _CHANNEL_KEYS)
        if extra:
            raise InvalidData(f"unknown field {extra[0]!r} in {where}")
        channel = _text(entry.get("channel"), f"{where}.channel", MAX_CHANNEL)
        if not channel:
            raise InvalidData(f"{where}.channel must not be empty")
        terms["channels"].append({
            "channel": channel,
            "purpose": _text(entry.get("purpose", ""), f"{where}.purpose", MAX_PURPOSE),
            "source": _source(entry.get("source"), where, session_ids)})
    return terms


def _text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise InvalidData(f"{what} must be a string")
    value = value.strip()
    if len(value) > limit:
        raise InvalidData(f"{what} is too long: at most {limit} characters, not {len(value)}")
    return value


def _source(value: Any, what: str, session_ids: set[str]) -> dict[str, Any] | None:
    if value is None:
        return None
    where = f"{what}.source"
    if not isinstance(value, Mapping):
        raise InvalidData(f"{where} must be an object {{session_id, segment, start, quote}}")
    extra = sorted(set(value) - _SOURCE_KEYS)
    if extra:
        raise InvalidData(f"unknown field {extra[0]!r} in {where}")
    session_id = value.get("session_id")
    if session_id not in session_ids:
        raise InvalidData(f"{where}.session_id is not a session of this mentorship")
    segment, start, quote = value.get("segment"), value.get("start"), value.get("quote")
    if segment is not None and (isinstance(segment, bool) or not isinstance(segment, int)
                                or segment < 0):
        raise InvalidData(f"{where}.segment must be a segment index")
    if start is not None and (isinstance(start, bool) or not isinstance(start, (int, float))
                              or start < 0):
        raise InvalidData(f"{where}.start must be a non-negative number of seconds")
    return {"session_id": session_id, "segment": segment,
            "start": float(start) if start is not None else None,
            "quote": _text(quote, f"{where}.quote", MAX_QUOTE) if quote is not None else None}


# -- queries and commands ------------------------------------------------------------------


async def current_version(db: AsyncSession, mentorship_id: str) -> int:
    version = await db.scalar(select(func.max(AgreementRevision.version))
                              .where(AgreementRevision.mentorship_id == mentorship_id))
    return int(version or 0)


async def get_agreement(db: AsyncSession, participant: Participant
                        ) -> tuple[dict[str, Any], AgreementRevision | None]:
    """The current terms and the revision that made them (None before the first edit)."""
    mentorship = await mentorship_of(db, participant)
    latest = await db.scalar(
        select(AgreementRevision).where(AgreementRevision.mentorship_id == mentorship.id)
        .order_by(AgreementRevision.version.desc()).limit(1))
    return read_terms(mentorship.agreement), latest


async def update(db: AsyncSession, participant: Participant, terms: Any, *,
                 note: Any = None, version: Any = None) -> tuple[dict[str, Any], int, bool]:
    """Replace the terms as ``participant``: a new revision and the new current terms, in
    the caller's transaction. ``version``: the version the edit started from (refused with
    InvalidState when another edit came first). Returns the terms, the current version and
    whether anything changed (identical terms and no note make no revision)."""
    await mentorship_of(db, participant)
    # Lock the mentorship row (PostgreSQL; SQLite serialises writers anyway), so that two
    # edits cannot both become version n+1.
    mentorship = await db.scalar(select(Mentorship).where(Mentorship.id ==
                                                          participant.mentorship_id)
                                 .with_for_update().execution_options(populate_existing=True))
    assert mentorship is not None
    if note is not None:
        note = _text(note, "note", MAX_NOTE) or None
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise InvalidData("version must be the whole number of the version edited")
    session_ids = set(await db.scalars(select(Session.id)
                                       .where(Session.mentorship_id == mentorship.id)))
    new = validate_terms(terms, session_ids)
    current = await current_version(db, mentorship.id)
    if version is not None and version != current:
        raise InvalidState(f"the agreement changed since you opened it (now version {current}, "
                           f"you edited version {version}): reload it and edit again")
    if new == read_terms(mentorship.agreement) and note is None and current > 0:
        return new, current, False
    db.add(AgreementRevision(mentorship_id=mentorship.id, version=current + 1,
                             author=participant.role, terms=new, note=note))
    mentorship.agreement = new
    await db.flush()
    return new, current + 1, True


async def history(db: AsyncSession, participant: Participant) -> list[Revision]:
    """Every revision, newest first, each with what it changed from the one before (the
    first, from what the mentorship held when it was created)."""
    mentorship = await mentorship_of(db, participant)
    rows = list(await db.scalars(
        select(AgreementRevision).where(AgreementRevision.mentorship_id == mentorship.id)
        .order_by(AgreementRevision.version)))
    revisions = []
    before: Mapping[str, Any] = {}
    for row in rows:
        revisions.append(Revision(row.version, row.author, row.created_at, row.note,
                                  tuple(diff(before, row.terms))))
        before = row.terms
    return revisions[::-1]


async def suggestions(db: AsyncSession, participant: Participant) -> list[Suggestion]:
    """The decisions of the mentorship's finished sessions as proposed terms, oldest
    session first (so the last one per field is the newest)."""
    terms, _ = await get_agreement(db, participant)
    rows = (await db.execute(
        select(Item, Session.title).join(Session, Item.session_id == Session.id)
        .where(Session.mentorship_id == participant.mentorship_id, Session.status == "done",
               Item.kind == "decision")
        .order_by(func.coalesce(Session.started_at, Session.created_at), Session.id,
                  Item.position))).all()
    speakers = await _speakers(db, [item for item, _ in rows])
    found = []
    for item, title in rows:
        topic = str(item.data.get("topic") or "other")
        field = (_role_field(item.text, speakers.get((item.session_id, item.segment)))
                 if topic == "roles" else TOPIC_FIELDS.get(topic, "other"))
        source = {"session_id": item.session_id, "segment": item.segment, "start": item.start,
                  "quote": item.quote}
        if field == "channels":
            value: Any = [{**entry, "source": source} for entry in parse_channels(item.text)]
            in_use = all(entry["channel"].lower() in
                         {c["channel"].lower() for c in terms["channels"]} for entry in value)
        else:
            value = {"text": item.text, "source": source}
            if field == "cadence":
                value["cadence_days"] = days_from_text(item.text)
            held = terms[field]
            in_use = held["text"] == item.text or _same_source(held["source"], source)
        found.append(Suggestion(item.id, field, topic, item.text, value, source, title, in_use))
    return found


def prefill(terms: Mapping[str, Any], found: list[Suggestion]) -> dict[str, Any]:
    """The terms with each *empty* field taken from its newest suggestion; fields that hold
    anything are left exactly as they are."""
    out = read_terms(terms)
    for suggestion in reversed(found):
        if suggestion.field == "channels":
            if not terms_empty(out, "channels"):
                continue
            out["channels"] = [dict(c) for c in suggestion.value]
        elif not out[suggestion.field]["text"]:
            out[suggestion.field] = dict(suggestion.value)
    return out


def terms_empty(terms: Mapping[str, Any], name: str) -> bool:
    return not terms["channels"] if name == "channels" else not terms[name]["text"]


_CHANNEL_WORDS = re.compile(
    r"(?<!between )\b(slack|e-?mail|text(?:s|ing)?|chat|teams(?: chat)?|whatsapp|signal|phone(?: calls?)?|"
    r"calls?|video(?: calls?)?|audio[- ]only|zoom|google meet|in person|messages?|dms?|sms|"
    r"voice (?:notes?|messages?)|telegram|discord|linkedin|imessage|facetime|skype|webex)\b",
    re.IGNORECASE)
_GENERIC_CHANNELS = re.compile(r"(?:messages?|calls?|dms?|texts?|texting)", re.IGNORECASE)
_FOR = re.compile(r"\bfor\s+(.+)$", re.IGNORECASE)
_CLAUSES = re.compile(r"\s*(?:[.;!?]|,(?!\d)|\band\b(?= (?:save|use|keep|send)))\s*")


def parse_channels(text: str) -> list[dict[str, str]]:
    """Channel entries of a channels decision: "Slack for quick things, email for anything
    longer." gives Slack: quick things, Email: anything longer. A clause naming a channel
    without "for ..." keeps the whole clause as the purpose; clauses without a channel
    give their "for ..." to the next channel named ("For anything longer, send an email")."""
    entries: list[dict[str, str]] = []
    pending = ""
    for clause in filter(None, _CLAUSES.split(text)):
        named = list(_CHANNEL_WORDS.finditer(clause))
        specific = [m for m in named if not _GENERIC_CHANNELS.fullmatch(m.group(1))]
        channel = (specific or named or [None])[0]
        purpose_match = _FOR.search(clause)
        if channel is None:
            pending = purpose_match.group(1) if purpose_match else pending
            continue
        name = channel.group(1)
        name = "Email" if re.fullmatch(r"e-?mail", name, re.IGNORECASE) else name[:1].upper() + \
            name[1:]
        purpose = purpose_match.group(1) if purpose_match and purpose_match.start() > \
            channel.start() else (pending or clause)
        pending = ""
        if not any(e["channel"].lower() == name.lower() for e in entries):
            entries.append({"channel": name, "purpose": purpose.strip()})
    return entries or [{"channel": text.strip()[:MAX_CHANNEL], "purpose": ""}]


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'll|i've|me|my|mine)\b", re.IGNORECASE)


def _role_field(text: str, speaker: str | None) -> str:
    """Whose role a "roles" decision describes: the speaker's when it speaks of "I", the
    other participant's when it speaks only of "you" ("you own your goals")."""
    speaker = speaker if speaker in ("mentor", "mentee") else "mentor"
    other = "mentee" if speaker == "mentor" else "mentor"
    if _SECOND_PERSON.search(text) and not _FIRST_PERSON.search(text):
        return f"{other}_role"
    return f"{speaker}_role"


async def _speakers(db: AsyncSession, items: list[Item]) -> dict[tuple[str, int], str]:
    wanted = {(item.session_id, item.segment) for item in items
              if item.data.get("topic") == "roles" and item.segment is not None}
    if not wanted:
        return {}
    rows = await db.execute(
        select(TranscriptSegment.session_id, TranscriptSegment.idx, TranscriptSegment.speaker)
        .where(TranscriptSegment.session_id.in_({s for s, _ in wanted})))
    return {(s, i): speaker for s, i, speaker in rows if (s, i) in wanted}


def _same_source(held: Mapping[str, Any] | None, source: Mapping[str, Any]) -> bool:
    return bool(held) and held.get("session_id") == source["session_id"] \
        and held.get("segment") == source["segment"]  # type: ignore[union-attr]
