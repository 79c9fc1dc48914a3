"""A session's results as the JSON of CONTRACT.md, and extraction run again after edits.

The transcript JSON of a session is assembled from its stored segments, its start time
(as a local date-time, which anchors relative dates like "by Friday") and its mentorship's
participants: the service's API, its re-extraction and its worker all build it here.

When someone corrects a transcript segment, extraction runs again, and what people did to
the previous action items must survive it: a ticked item stays ticked, an item someone
edited stays as they wrote it. ``carry_over`` does that matching.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from companion.models import Mentorship, TranscriptSegment


def session_date(started_at: datetime | None, zone: tzinfo) -> str | None:
    """The local ``YYYY-MM-DDTHH:MM`` of a session's start, as transcript JSON carries it."""
    return started_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M") if started_at else None


def participants(mentorship: Mentorship) -> dict[str, dict[str, str]]:
    return {"mentor": {"name": mentorship.mentor_name, "email": mentorship.mentor_email},
            "mentee": {"name": mentorship.mentee_name, "email": mentorship.mentee_email}}


def transcript_json(segments: Sequence[TranscriptSegment], *, started_at: datetime | None,
                    zone: tzinfo, mentorship: Mentorship) -> dict[str, Any]:
    """The transcript JSON of stored segments (each with its ``edited`` flag)."""
    data: dict[str, Any] = {}
    date = session_date(started_at, zone)
    if date is not None:
        data["session_date"] = date
    data["participants"] = participants(mentorship)
    data["segments"] = [segment.to_json() for segment in segments]
    return data


def carry_over(previous: Mapping[str, Any], extraction: Mapping[str, Any]) -> dict[str, Any]:
    """``extraction`` with the people's changes to ``previous`` action items kept.

    A new action item said in the same segment by the same owner as a previous one takes
    its status (done or open); if a person had edited the previous one, their version is
    kept instead. Edited items that extraction no longer finds are kept too: a person
    wrote them. Other kinds are replaced: people do not edit them.
    """
    merged = dict(extraction)
    unmatched = [item for item in previous.get("action_items") or []]
    items = []
    for item in extraction.get("action_items") or []:
        match = next((old for old in unmatched
                      if old.get("segment") == item.get("segment")
                      and old.get("owner") == item.get("owner")), None)
        if match is None:
            items.append(dict(item))
            continue
        unmatched.remove(match)
        items.append(_kept(match) if match.get("edited")
                     else {**item, "status": match.get("status", "open")})
    items += [_kept(old) for old in unmatched if old.get("edited")]
    merged["action_items"] = items
    return merged


def _kept(item: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key not in ("id", "done_at")}
