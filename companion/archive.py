"""A whole mentorship as one zip: ``mentorship.json`` plus the recordings' audio.

``export_mentorship`` writes what a participant may take away: the mentorship, its
agreement and the agreement's history, goals and their linked items, every session with
its transcript, extracted items, done proposals and recordings (the audio files under
``audio/``). Private things stay private: only the exporting participant's own notes, and
of the other participant's survey only the rating. Operational rows (tokens, jobs, email
deliveries, reminders) are not part of a mentorship's content and are left out.

``import_mentorship`` reads such a zip back into a database as a new mentorship, with new
ids and new personal links: moving a mentorship to another Companion, or restoring one.
Every audio file is checked against the SHA-256 its recording row carries before anything
is written, and the rows go in in one transaction; a failure leaves no row and no file.

Rows are written generically, column by column, from the tables' own definitions, so the
archive follows the schema: a column added by a migration is exported and imported without
changes here. ``FORMAT_VERSION`` changes only if that stops being true.
"""
from __future__ import annotations

import hashlib
import json
import secrets
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Final

from sqlalchemy import DateTime, Table, false, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion import tokens
from companion.models import (AgreementRevision, Base, DoneProposal, Goal, GoalLink, Item,
                              Mentorship, Note, Recording, Session, Survey, TranscriptSegment,
                              UTCDateTime, new_id, utcnow)
from companion.store import mentorship_of
from companion.tokens import Participant

FORMAT: Final = "companion-mentorship"
FORMAT_VERSION: Final = 1
MANIFEST: Final = "mentorship.json"
AUDIO_DIR: Final = "audio"
MAX_MANIFEST_BYTES: Final = 512 * 1024 * 1024

TABLES: Final = ("mentorships", "agreement_revisions", "sessions", "recordings", "segments",
                 "items", "goals", "goal_links", "done_proposals", "surveys", "notes")
"""What an archive holds, parents before children (the order rows are inserted in)."""
BUSY_STATUSES: Final = ("live", "queued", "processing")


class ArchiveError(ValueError):
    """The file is not a Companion mentorship archive, or a damaged one (one line)."""


@dataclass(frozen=True)
class Imported:
    mentorship_id: str
    tokens: dict[str, str]
    """The new personal tokens (plaintext, returned only here), by role."""
    counts: dict[str, int]


# -- export -------------------------------------------------------------------------------


async def collect(db: AsyncSession, participant: Participant) -> dict[str, list[dict[str, Any]]]:
    """The mentorship's rows, table by table, as JSON values (what the archive holds)."""
    mentorship = await mentorship_of(db, participant)
    sessions = list(await db.scalars(select(Session).where(
        Session.mentorship_id == mentorship.id).order_by(Session.created_at, Session.id)))
    session_ids = [s.id for s in sessions]

    def in_sessions(column: Any) -> Any:
        return column.in_(session_ids) if session_ids else false()
    goals = list(await db.scalars(select(Goal).where(
        Goal.mentorship_id == mentorship.id).order_by(Goal.created_at, Goal.id)))
    goal_ids = [g.id for g in goals]
    rows: dict[str, list[Any]] = {
        "mentorships": [mentorship],
        "agreement_revisions": list(await db.scalars(select(AgreementRevision).where(
            AgreementRevision.mentorship_id == mentorship.id)
            .order_by(AgreementRevision.version))),
        "sessions": sessions,
        "recordings": list(await db.scalars(select(Recording).where(
            in_sessions(Recording.session_id)).order_by(Recording.created_at, Recording.id))),
        "segments": list(await db.scalars(select(TranscriptSegment).where(
            in_sessions(TranscriptSegment.session_id))
            .order_by(TranscriptSegment.session_id, TranscriptSegment.idx))),
        "items": list(await db.scalars(select(Item).where(in_sessions(Item.session_id))
                                       .order_by(Item.session_id, Item.kind, Item.position))),
        "goals": goals,
        "goal_links": list(await db.scalars(select(GoalLink).where(
            GoalLink.goal_id.in_(goal_ids)).order_by(GoalLink.goal_id, GoalLink.item_id)))
        if goal_ids else [],
        "done_proposals": list(await db.scalars(select(DoneProposal).where(
            in_sessions(DoneProposal.session_id)).order_by(DoneProposal.created_at,
                                                           DoneProposal.id))),
        "surveys": list(await db.scalars(select(Survey).where(in_sessions(Survey.session_id))
                                         .order_by(Survey.session_id, Survey.role))),
        "notes": list(await db.scalars(select(Note).where(
            Note.mentorship_id == mentorship.id, Note.author == participant.role)
            .order_by(Note.created_at, Note.id))),
    }
    out = {name: [_row_json(row) for row in rows[name]] for name in TABLES}
    for survey in out["surveys"]:
        if survey["role"] != participant.role:  # the other's answers are theirs
            survey["comment"], survey["answers"] = "", {}
    return out


def write_archive(target: Path, tables: Mapping[str, list[dict[str, Any]]], *,
                  recordings_dir: Path, exported_by: str) -> int:
    """Write the zip to ``target`` (blocking: run it in a thread); returns its size.

    A recording whose file is gone (deleted by retention, say) is listed without audio.
    """
    recordings = [dict(r) for r in tables["recordings"]]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for recording in recordings:
            source = recordings_dir / recording["stored_name"]
            if source.is_file():
                name = f"{AUDIO_DIR}/{recording['id']}{PurePosixPath(recording['stored_name']).suffix}"
                archive.write(source, name, compress_type=zipfile.ZIP_STORED)
                recording["file"] = name
            else:
                recording["file"] = None
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION,
            "exported_at": utcnow().isoformat(), "exported_by": exported_by,
            "tables": {**tables, "recordings": recordings},
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return target.stat().st_size


# -- import -------------------------------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    """The archive's manifest, checked for format, version and tables (ArchiveError)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                raise ArchiveError(f"{MANIFEST} is larger than {MAX_MANIFEST_BYTES} bytes")
            manifest = json.loads(archive.read(info))
    except KeyError:
        raise ArchiveError(f"not a mentorship archive: no {MANIFEST} in it") from None
    except zipfile.BadZipFile as exc:
        raise ArchiveError(f"not a zip file ({exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ArchiveError(f"{MANIFEST} is not valid JSON ({exc})") from None
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("not a Companion mentorship archive")
    if manifest.get("version") != FORMAT_VERSION:
        raise ArchiveError(f"archive version {manifest.get('version')!r} is not supported "
                           f"(this Companion reads version {FORMAT_VERSION})")
    tables = manifest.get("tables")
    if not isinstance(tables, dict) or any(
            not isinstance(tables.get(name), list) for name in TABLES):
        raise ArchiveError("the archive's tables are missing or malformed")
    if len(tables["mentorships"]) != 1:
        raise ArchiveError("an archive holds exactly one mentorship")
    return manifest


async def import_mentorship(db: AsyncSession, path: Path, *,
                            recordings_dir: Path) -> Imported:
    """Insert the archive as a new mentorship in ``db``'s transaction, copying its audio
    into ``recordings_dir``. If anything fails, the copied files are removed again and the
    caller's transaction rolls back: nothing is left behind."""
    manifest = read_manifest(path)
    tables: dict[str, list[dict[str, Any]]] = manifest["tables"]
    metadata_tables = Base.metadata.tables
    new_ids: dict[str, dict[str, str]] = {name: {} for name in TABLES}
    for name in TABLES:
        if "id" in metadata_tables[name].c:
            for row in tables[name]:
                if not isinstance(row, dict) or not isinstance(row.get("id"), str):
                    raise ArchiveError(f"a row of {name} has no id")
                new_ids[name][row["id"]] = new_id()
    copied: list[Path] = []
    try:
        audio = _copy_audio(path, tables["recordings"], recordings_dir, copied)
        counts = {}
        for name in TABLES:
            table = metadata_tables[name]
            values = [_row_values(table, row, new_ids, name) for row in tables[name]]
            if name == "recordings":
                for row, stored in zip(values, audio):
                    row["stored_name"] = stored
            if name == "sessions":
                for row in values:
                    if row.get("status") in BUSY_STATUSES:
                        row["status"], row["progress"] = "failed", 0.0
                        row["error"] = "imported while it was being processed: upload again"
            if values:
                await db.execute(table.insert(), values)
            counts[name] = len(values)
        mentorship_id = new_ids["mentorships"][tables["mentorships"][0]["id"]]
        issued = await tokens.issue_tokens(db, mentorship_id)
        await db.flush()
    except BaseException:
        for file in copied:
            file.unlink(missing_ok=True)
        raise
    return Imported(mentorship_id=mentorship_id, tokens=issued, counts=counts)


def _copy_audio(path: Path, recordings: list[dict[str, Any]], recordings_dir: Path,
                copied: list[Path]) -> list[str]:
    """Copy each recording's audio out of the zip under a new stored name, checking its
    SHA-256; returns the stored names in the recordings' order."""
    recordings_dir.mkdir(parents=True, exist_ok=True)
    stored_names = []
    with zipfile.ZipFile(path) as archive:
        for recording in recordings:
            member = recording.get("file")
            suffix = PurePosixPath(str(recording.get("stored_name", ""))).suffix[:16]
            stored = secrets.token_hex(16) + suffix
            stored_names.append(stored)
            if member is None:
                continue
            if not isinstance(member, str) or not member.startswith(f"{AUDIO_DIR}/"):
                raise ArchiveError(f"recording {recording.get('id')}: bad file name {member!r}")
            try:
                info = archive.getinfo(member)
            except KeyError:
                raise ArchiveError(f"recording {recording.get('id')}: {member} is missing "
                                   "from the archive") from None
            if info.file_size != recording.get("size_bytes"):
                raise ArchiveError(f"{member}: {info.file_size} bytes, the recording says "
                                   f"{recording.get('size_bytes')}")
            target = recordings_dir / stored
            partial = target.with_name(target.name + ".part")
            digest = hashlib.sha256()
            copied.append(partial)
            with archive.open(info) as source, partial.open("wb") as out:
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != recording.get("sha256"):
                raise ArchiveError(f"{member} does not match its SHA-256: the archive is "
                                   "damaged")
            partial.replace(target)
            copied[-1] = target
    return stored_names


# -- rows as JSON and back ----------------------------------------------------------------


def _row_json(row: Any) -> dict[str, Any]:
    table: Table = row.__table__
    out = {}
    for column in table.c:
        value = getattr(row, _attribute(row, column.name))
        out[column.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def _attribute(row: Any, column_name: str) -> str:
    mapper = row.__mapper__
    for attr in mapper.column_attrs:
        if attr.columns[0].name == column_name:
            return attr.key
    raise KeyError(column_name)


def _row_values(table: Table, row: Mapping[str, Any], new_ids: dict[str, dict[str, str]],
                name: str) -> dict[str, Any]:
    """One row ready for ``table.insert()``: ids renewed, references followed, times
    parsed; a column the archive lacks takes its default."""
    if not isinstance(row, Mapping):
        raise ArchiveError(f"a row of {name} is not an object")
    values: dict[str, Any] = {}
    for column in table.c:
        if column.name not in row:
            if column.default is None and not column.nullable and not column.primary_key:
                raise ArchiveError(f"{name}: a row lacks {column.name!r}")
            continue
        value = row[column.name]
        if column.name == "id" and name in new_ids and new_ids[name]:
            value = new_ids[name][value]
        for foreign in column.foreign_keys:
            target = foreign.column.table.name
            if value is None:
                break
            if target not in new_ids:
                raise ArchiveError(f"{name}.{column.name} refers to {target}, "
                                   "which an archive does not hold")
            try:
                value = new_ids[target][value]
            except KeyError:
                if column.nullable:
                    value = None  # e.g. a goal's source item that was not exported
                else:
                    raise ArchiveError(f"{name}.{column.name} refers to a missing "
                                       f"{target} row {value!r}") from None
        if value is not None and _is_datetime(column):
            value = _parse_time(value, f"{name}.{column.name}")
        values[column.name] = value
    return values


def _is_datetime(column: Any) -> bool:
    return isinstance(column.type, (UTCDateTime, DateTime))


def _parse_time(value: Any, what: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ArchiveError(f"{what}: not a time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def export_name(mentorship: Mentorship) -> str:
    """The download's file name: both names and the day, ASCII only."""
    def slug(text: str) -> str:
        return "".join(c if c.isalnum() else "-" for c in text.encode("ascii", "ignore")
                       .decode()).strip("-").lower()[:40] or "x"
    day = utcnow().strftime("%Y-%m-%d")
    return f"mentorship-{slug(mentorship.mentor_name)}-{slug(mentorship.mentee_name)}-{day}.zip"
