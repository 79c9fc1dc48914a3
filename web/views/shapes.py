"""The API's JSON shapes of the stored records (docs/API.md)."""
from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from companion.models import Item, Job, Mentorship, Recording, Session


def iso(moment: datetime | None, zone: tzinfo) -> str | None:
    return moment.astimezone(zone).isoformat(timespec="seconds") if moment else None


def mentorship_json(mentorship: Mentorship) -> dict[str, Any]:
    return {
        "id": mentorship.id,
        "mentor": {"name": mentorship.mentor_name, "email": mentorship.mentor_email,
                   "recaps": mentorship.mentor_recaps},
        "mentee": {"name": mentorship.mentee_name, "email": mentorship.mentee_email,
                   "recaps": mentorship.mentee_recaps},
        "agreement": mentorship.agreement,
        "goals": mentorship.goals,
    }


def session_json(session: Session, zone: tzinfo) -> dict[str, Any]:
    return {
        "id": session.id, "mentorship_id": session.mentorship_id, "title": session.title,
        "started_at": iso(session.started_at, zone), "status": session.status,
        "progress": session.progress, "stage": session.stage, "error": session.error,
        "next_checkin": session.next_checkin, "created_at": iso(session.created_at, zone),
    }


def item_json(item: Item) -> dict[str, Any]:
    return {**item.to_json(), "session_id": item.session_id}


def job_json(job: Job) -> dict[str, Any]:
    return {"id": job.id, "session_id": job.session_id, "kind": job.kind,
            "status": job.status, "progress": job.progress, "stage": job.stage,
            "attempts": job.attempts, "error": job.error}


def recording_json(recording: Recording, zone: tzinfo) -> dict[str, Any]:
    return {"id": recording.id, "filename": recording.original_filename,
            "content_type": recording.content_type, "size_bytes": recording.size_bytes,
            "duration": recording.duration, "sha256": recording.sha256,
            "created_at": iso(recording.created_at, zone)}
