"""Reading requests: JSON bodies, values in them, and the caller's membership."""
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from aiohttp import web

from companion.store import InvalidData, Person, RecordNotFound
from companion.tokens import Participant
from web.auth import require_participant


async def json_object(request: web.Request) -> dict[str, Any]:
    """The body as a JSON object; 400 for malformed JSON, 413 beyond ``client_max_size``."""
    try:
        data = await request.json()
    except json.JSONDecodeError as exc:
        raise web.HTTPBadRequest(
            text=f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except UnicodeDecodeError:
        raise web.HTTPBadRequest(text="the body is not UTF-8 text") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="the body must be a JSON object")
    return data


async def member(request: web.Request) -> Participant:
    """The participant, who must belong to the mentorship in the URL (else 404)."""
    participant = await require_participant(request)
    if participant.mentorship_id != request.match_info["id"]:
        raise RecordNotFound(f"mentorship {request.match_info['id']} not found")
    return participant


def person(body: Mapping[str, Any], role: str) -> Person:
    value = body.get(role)
    if not isinstance(value, Mapping):
        raise InvalidData(f"{role} must be an object with a name and an email")
    return Person(name=value.get("name"), email=value.get("email"))


def boolean(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidData(f"{what} must be true or false")
    return value


def segment_index(value: str) -> int:
    if not value.isdigit():
        raise RecordNotFound(f"segment {value} not found")
    return int(value)


def local_datetime(value: Any, zone: tzinfo) -> datetime | None:
    """An ISO date-time; without an offset it is in the configured time zone."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise InvalidData(f"started_at must be an ISO date-time such as 2026-11-20T15:00, "
                          f"not {value!r}")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
