"""Confidentiality on the real server and database (SQLite and PostgreSQL): private notes
only their author reads, deleting a recording or a session leaves no file and no row, and
a mentorship's export (JSON plus audio, a zip) imports back as an equal mentorship.

Sessions are seeded as the worker stores them (tests/test_pages.py: the s01 recording is
really uploaded and stored, the transcript and extraction saved through the store).
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from companion.cli import main
from companion.db import create_engine
from companion.models import Base
from tests.test_api import Service, ServiceFactory, make_service  # noqa: F401 (fixture)
from tests.test_pages import Seeded, processed_session

pytestmark = pytest.mark.asyncio

OTHER_MENTOR = {"name": "Lee Park", "email": "lee.park@example.org"}


@pytest.fixture(params=["sqlite", "postgresql"])
async def service(request: pytest.FixtureRequest, make_service: ServiceFactory,
                  postgres_url: str) -> Service:
    """A service without a worker, on SQLite and on PostgreSQL (an empty database is made
    for both runs: async fixtures cannot be requested conditionally)."""
    return await make_service(
        database_url=postgres_url if request.param == "postgresql" else None)


async def rows_referring_to(service: Service, column: str, value: str) -> dict[str, int]:
    """How many rows of each table carry ``value`` in ``column`` (any table that has it)."""
    engine = create_engine(service.settings.database_url)
    counts = {}
    try:
        async with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                if column in table.c:
                    counts[table.name] = await connection.scalar(
                        select(func.count()).select_from(table).where(table.c[column] == value))
    finally:
        await engine.dispose()
    return {name: n for name, n in counts.items() if n}


async def download(service: Service, path: str, token: str, expect: int = 200) -> bytes:
    async with service.client.get(path, headers={"Authorization": f"Bearer {token}"}) as r:
        body = await r.read()
        assert r.status == expect, (r.status, body[:300])
        return body


# -- private notes --------------------------------------------------------------------------


async def test_a_note_is_read_by_its_author_only(service: Service) -> None:
    seeded = await processed_session(service)
    mid = seeded.mentorship["id"]
    mine = await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentor,
                              expect=201, json={"text": "Sam seems tired: ask about workload"})
    on_session = await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentor,
                                    expect=201, json={"text": "Revisit the budget part",
                                                      "session_id": seeded.session_id})
    assert on_session["session_id"] == seeded.session_id

    listed = await service.json("GET", f"/api/mentorships/{mid}/notes", seeded.mentor)
    assert [n["text"] for n in listed["notes"]] == ["Sam seems tired: ask about workload",
                                                    "Revisit the budget part"]
    only_session = await service.json(
        "GET", f"/api/mentorships/{mid}/notes?session={seeded.session_id}", seeded.mentor)
    assert [n["id"] for n in only_session["notes"]] == [on_session["id"]]

    # the mentee sees none of them, and cannot touch them: they look missing
    assert (await service.json("GET", f"/api/mentorships/{mid}/notes", seeded.mentee)
            )["notes"] == []
    await service.json("PATCH", f"/api/notes/{mine['id']}", seeded.mentee, expect=404,
                       json={"text": "changed"})
    await service.json("DELETE", f"/api/notes/{mine['id']}", seeded.mentee, expect=404)

    # another mentorship's participant neither
    other = await processed_session(service, mentor=OTHER_MENTOR)
    await service.json("GET", f"/api/mentorships/{mid}/notes", other.mentor, expect=404)
    await service.json("PATCH", f"/api/notes/{mine['id']}", other.mentor, expect=404,
                       json={"text": "changed"})
    await service.json("POST", f"/api/mentorships/{other.mentorship['id']}/notes", other.mentor,
                       expect=404, json={"text": "x", "session_id": seeded.session_id})

    edited = await service.json("PATCH", f"/api/notes/{mine['id']}", seeded.mentor,
                                json={"text": "Ask about workload first"})
    assert edited["text"] == "Ask about workload first"
    await service.json("DELETE", f"/api/notes/{mine['id']}", seeded.mentor, expect=204)
    listed = await service.json("GET", f"/api/mentorships/{mid}/notes", seeded.mentor)
    assert [n["id"] for n in listed["notes"]] == [on_session["id"]]

    # the session page of the mentee and the recap never show the mentor's notes
    async with service.client.get(f"/sessions/{seeded.session_id}", headers={
            "Cookie": f"companion_token={seeded.mentee}"}) as response:
        assert "Revisit the budget part" not in await response.text()


@pytest.mark.parametrize("body, message", [
    ({"text": "   "}, "needs some text"),
    ({}, "needs some text"),
    ({"text": 42}, "needs some text"),
    ({"text": "x" * 20_001}, "at most"),
])
async def test_a_bad_note_is_refused_and_not_stored(make_service: ServiceFactory,
                                                    body: dict[str, Any], message: str) -> None:
    service = await make_service()
    seeded = await processed_session(service)
    mid = seeded.mentorship["id"]
    error = await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentor,
                               expect=400, json=body)
    assert message in json.dumps(error)
    assert (await service.json("GET", f"/api/mentorships/{mid}/notes", seeded.mentor)
            )["notes"] == []


# -- deletion -------------------------------------------------------------------------------


async def test_deleting_the_recording_keeps_the_transcript(service: Service) -> None:
    seeded = await processed_session(service)
    stored = service.stored_files()
    assert len(stored) == 1
    await service.json("DELETE", f"/api/sessions/{seeded.session_id}/recording", seeded.mentee,
                       expect=204)
    assert service.stored_files() == set()
    assert "recordings" not in await rows_referring_to(service, "session_id", seeded.session_id)
    await download(service, f"/api/sessions/{seeded.session_id}/recording", seeded.mentor,
                   expect=404)
    transcript = await service.json("GET", f"/api/sessions/{seeded.session_id}/transcript",
                                    seeded.mentor)
    assert len(transcript["segments"]) == len(seeded.segments)
    # twice: nothing left to delete
    await service.json("DELETE", f"/api/sessions/{seeded.session_id}/recording", seeded.mentee,
                       expect=404)


async def test_another_mentorship_cannot_delete_a_recording(service: Service) -> None:
    seeded = await processed_session(service)
    other = await processed_session(service, mentor=OTHER_MENTOR)
    await service.json("DELETE", f"/api/sessions/{seeded.session_id}/recording", other.mentor,
                       expect=404)
    assert len(service.stored_files()) == 2


async def test_a_recording_in_use_cannot_be_deleted(make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    session = await service.session(token, mentorship["id"])
    from tests.test_pages import RECORDING
    await service.upload(token, session["id"], RECORDING, content_type="audio/mpeg")
    error = await service.json("DELETE", f"/api/sessions/{session['id']}/recording", token,
                               expect=409)
    assert "in use" in json.dumps(error)
    assert len(service.stored_files()) == 1


async def test_deleting_a_session_leaves_no_file_and_no_row(service: Service) -> None:
    seeded = await processed_session(service)
    mid = seeded.mentorship["id"]
    await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentor, expect=201,
                       json={"text": "about this call", "session_id": seeded.session_id})
    live_dir = service.settings.data_dir / "live" / seeded.session_id
    live_dir.mkdir(parents=True)
    (live_dir / "mentor.wav").write_bytes(b"RIFF")
    before = await rows_referring_to(service, "session_id", seeded.session_id)
    assert {"recordings", "segments", "items", "jobs", "notes"} <= set(before)

    await service.json("DELETE", f"/api/sessions/{seeded.session_id}", seeded.mentee,
                       expect=204)
    assert await rows_referring_to(service, "session_id", seeded.session_id) == {}
    assert await rows_referring_to(service, "id", seeded.session_id) == {}
    assert service.stored_files() == set()
    assert not live_dir.exists()
    await service.json("GET", f"/api/sessions/{seeded.session_id}", seeded.mentor, expect=404)


# -- export and import ----------------------------------------------------------------------


def comparable(manifest: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The archive's content without what an import renews: ids, references, stored names
    and the personal data of time of export."""
    renewed = {"id", "mentorship_id", "session_id", "recording_id", "item_id", "goal_id",
               "source_item_id", "source_session_id", "stored_name", "file"}
    out = {}
    for name, rows in manifest["tables"].items():
        out[name] = sorted((json.dumps({k: v for k, v in row.items() if k not in renewed},
                                       sort_keys=True) for row in rows))
    return out


async def test_export_round_trips_through_import(
        service: Service, make_service: ServiceFactory, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    seeded = await processed_session(service)
    mid = seeded.mentorship["id"]
    second = await service.session(seeded.mentee, mid, title="Second call",
                                   started_at="2026-11-27T15:00")
    await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentor, expect=201,
                       json={"text": "mentor's private note"})
    await service.json("POST", f"/api/mentorships/{mid}/notes", seeded.mentee, expect=201,
                       json={"text": "mentee's private note", "session_id": second["id"]})
    item = (await service.json("GET", f"/api/mentorships/{mid}", seeded.mentor)
            )["open_action_items"][0]
    await service.json("PATCH", f"/api/items/{item['id']}", seeded.mentor, json={"done": True})

    body = await download(service, f"/api/mentorships/{mid}/export", seeded.mentee)
    manifest, audio = read_zip(body)
    tables = manifest["tables"]
    assert manifest["exported_by"] == "mentee"
    assert [n["text"] for n in tables["notes"]] == ["mentee's private note"]
    assert b"mentor's private note" not in body
    assert len(tables["sessions"]) == 2 and len(tables["segments"]) == len(seeded.segments)
    assert not any("token" in name for name in tables)
    (recording,) = tables["recordings"]
    assert hashlib.sha256(audio[recording["file"]]).hexdigest() == recording["sha256"]
    assert [i["status"] for i in tables["items"] if i["id"] == item["id"]] == ["done"]

    # into another service (a new data directory; on PostgreSQL, the same database)
    zip_path = tmp_path / "export.zip"
    zip_path.write_bytes(body)
    target = tmp_path / "restored"
    url = service.settings.database_url
    database_url = url if url.startswith("postgresql") else None
    capsys.readouterr()
    assert await cli("import", str(zip_path), "--data-dir", str(target),
                     *(["--database-url", database_url] if database_url else [])) == 0
    printed = capsys.readouterr().out
    new_id = printed.split()[2]
    mentee_token = printed.split("mentee: ")[1].split("/join/")[1].strip()
    assert new_id != mid

    restored = await make_service(data_dir=target, database_url=database_url)
    manifest2, audio2 = read_zip(await download(
        restored, f"/api/mentorships/{new_id}/export", mentee_token))
    assert comparable(manifest2) == comparable(manifest)
    assert sorted(audio2.values()) == sorted(audio.values())
    page = await restored.json("GET", f"/api/mentorships/{new_id}", mentee_token)
    assert [s["title"] for s in page["sessions"]] == ["Proposal follow-up", "Second call"]
    # the old links do not open the new mentorship
    await restored.json("GET", f"/api/mentorships/{new_id}", seeded.mentee,
                        expect=404 if database_url else 401)


async def cli(*args: str) -> int:
    """``companion ARGS`` in a thread (it runs its own event loop), as from a shell."""
    return await asyncio.to_thread(main, list(args))


def read_zip(body: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(body)) as exported:
        return (json.loads(exported.read("mentorship.json")),
                {name: exported.read(name) for name in exported.namelist()
                 if name.startswith("audio/")})


async def test_a_damaged_archive_is_refused_and_leaves_nothing(
        service: Service, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeded = await processed_session(service)
    body = await download(service, f"/api/mentorships/{seeded.mentorship['id']}/export",
                          seeded.mentor)
    manifest, audio = read_zip(body)
    (name, data), = audio.items()
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(damaged, "w") as out:  # same size, one byte changed
        out.writestr("mentorship.json", json.dumps(manifest))
        out.writestr(name, data[:-1] + bytes([data[-1] ^ 1]))
    target = tmp_path / "restored"
    capsys.readouterr()
    assert await cli("import", str(damaged), "--data-dir", str(target)) == 2
    assert "SHA-256" in capsys.readouterr().err
    assert list((target / "recordings").iterdir()) == []
    engine = create_engine(f"sqlite:///{target / 'companion.db'}")
    try:
        async with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                if table.name != "alembic_version":
                    assert await connection.scalar(
                        select(func.count()).select_from(table)) == 0, table.name
    finally:
        await engine.dispose()

    not_ours = tmp_path / "not-ours.zip"
    with zipfile.ZipFile(not_ours, "w") as out:
        out.writestr("mentorship.json", json.dumps({"format": "something else"}))
    assert await cli("import", str(not_ours), "--data-dir", str(target)) == 2
    assert "not a Companion mentorship archive" in capsys.readouterr().err


async def test_another_mentorship_cannot_export(service: Service) -> None:
    seeded = await processed_session(service)
    other = await processed_session(service, mentor=OTHER_MENTOR)
    await download(service, f"/api/mentorships/{seeded.mentorship['id']}/export", other.mentor,
                   expect=404)
    await download(service, f"/api/mentorships/{seeded.mentorship['id']}/export", "nope",
                   expect=401)


# -- in a browser ---------------------------------------------------------------------------


async def test_notes_and_deleting_the_recording_in_a_browser(
        make_service: ServiceFactory) -> None:
    """Chromium on the session page: a private note saved by the mentor is on their page
    and not on the mentee's; deleting the recording removes the player and the file."""
    from playwright.async_api import async_playwright, expect

    service = await make_service()
    seeded = await processed_session(service)
    root = str(service.client.make_url("/")).rstrip("/")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            mentor = await (await browser.new_context()).new_page()
            await mentor.goto(f"{root}/join/{seeded.mentor}")
            await mentor.goto(f"{root}/sessions/{seeded.session_id}")
            notes = mentor.locator('[data-region="notes"]')
            await notes.get_by_label("New note").fill("Ask how the budget talk went")
            await notes.get_by_role("button", name="Save note").click()
            await expect(mentor.locator(".note-text")).to_have_text(
                "Ask how the budget talk went")

            mentee = await (await browser.new_context()).new_page()
            await mentee.goto(f"{root}/join/{seeded.mentee}")
            await mentee.goto(f"{root}/sessions/{seeded.session_id}")
            await expect(mentee.locator('[data-region="notes"] .empty')).to_have_text(
                "No notes yet.")
            await expect(mentee.locator("body")).not_to_contain_text("budget talk")

            await expect(mentor.locator("#player")).to_have_count(1)
            mentor.once("dialog", lambda dialog: asyncio.ensure_future(dialog.accept()))
            await mentor.get_by_role("button", name="Delete the recording").click()
            await expect(mentor.locator("#player")).to_have_count(0)
        finally:
            await browser.close()
    assert service.stored_files() == set()
    transcript = await service.json("GET", f"/api/sessions/{seeded.session_id}/transcript",
                                    seeded.mentee)
    assert len(transcript["segments"]) == len(seeded.segments)
