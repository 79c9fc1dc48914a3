"""A demo to look at on first start: the bundled sample call, in a mentorship of its own.

``companion serve`` on an empty data directory creates a mentorship for the people of
``assets/sample-session.json``, a session at that call's date, and queues the transcription
of ``assets/sample-session.ogg``; it then prints both personal links, so that a new user
has a finished session page to open a minute later. ``--no-demo`` turns this off.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Final

from companion.settings import Settings
from companion.store import Person, Store
from companion.uploads import UploadFile

ASSETS: Final = Path(__file__).resolve().parent / "assets"
SAMPLE_AUDIO: Final = ASSETS / "sample-session.ogg"
SAMPLE_INFO: Final = ASSETS / "sample-session.json"


@dataclass(frozen=True)
class Demo:
    mentorship_id: str
    session_id: str
    job_id: str
    links: dict[str, str]
    """Personal link per role."""
    names: dict[str, str]


def is_empty(data_dir: Path) -> bool:
    """Whether the data directory is new: missing, or holding nothing at all."""
    return not data_dir.exists() or not any(data_dir.iterdir())


async def create_demo(store: Store, settings: Settings) -> Demo:
    """The demo mentorship and session, with the sample call queued for processing."""
    info = json.loads(SAMPLE_INFO.read_text(encoding="utf-8"))
    people = {role: Person(p["name"], p["email"]) for role, p in info["participants"].items()}
    mentorship, tokens = await store.create_mentorship(people["mentor"], people["mentee"])
    participant = await store.authenticate(tokens["mentor"])
    assert participant is not None, "a token just issued authenticates"
    session = await store.create_session(participant, info["title"],
                                         _local(info["session_date"], settings.zone))
    with UploadFile(settings.uploads_dir, settings.max_upload_bytes) as upload:
        with SAMPLE_AUDIO.open("rb") as source:
            shutil.copyfileobj(source, _Writer(upload))
        accepted = upload.accept(settings.recordings_dir, original_filename=SAMPLE_AUDIO.name,
                                 content_type="audio/ogg", max_duration=None)
    try:
        _, job = await store.add_recording(session.id, participant, accepted.recording)
    except BaseException:
        accepted.path.unlink(missing_ok=True)
        raise
    return Demo(mentorship.id, session.id, job.id,
                links={role: f"{settings.public_url}/join/{token}"
                       for role, token in tokens.items()},
                names={role: person.name for role, person in people.items()})


class _Writer:
    """Adapts ``UploadFile.write`` to the file interface ``copyfileobj`` expects."""

    def __init__(self, upload: UploadFile) -> None:
        self._upload = upload

    def write(self, chunk: bytes) -> int:
        self._upload.write(chunk)
        return len(chunk)


def _local(value: str, zone: tzinfo) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=zone)
