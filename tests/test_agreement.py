"""The agreement over HTTP: pre-filled from the decisions of finished sessions, edited by
both participants, its history and its validation. The real app on a loopback port, SQLite
and PostgreSQL, sessions holding real extraction results of hand-written conversations
(../shared/fixtures/sessions), finished the way the worker finishes them.

The helpers here (``Relationship``, ``finished_session``) serve test_goals.py,
test_surveys.py and test_mentorship_page.py too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from companion import agreement, processing
from test_api import MENTEE, MENTOR, SAMPLE, SESSIONS, Service, ServiceFactory, \
    make_service  # noqa: F401

S01 = SESSIONS / "s01-proposal-followup"
S02 = SESSIONS / "s02-first-session"
S04 = SESSIONS / "s04-first-session-expectations"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str | None:
    """None: SQLite in the service's data directory; or a fresh PostgreSQL database."""
    return None if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
async def service(make_service: ServiceFactory, database_url: str | None) -> Service:
    """The service on SQLite and on PostgreSQL."""
    return await make_service(database_url=database_url)


@dataclass(frozen=True)
class Relationship:
    """A mentorship through the API: its id and both personal tokens."""

    service: Service
    mentorship: dict[str, Any]

    @property
    def id(self) -> str:
        return self.mentorship["id"]

    @property
    def mentor(self) -> str:
        return self.mentorship["tokens"]["mentor"]

    @property
    def mentee(self) -> str:
        return self.mentorship["tokens"]["mentee"]

    async def get(self, path: str, token: str | None = None, expect: int = 200) -> Any:
        return await self.service.json("GET", path, token or self.mentee, expect=expect)

    async def send(self, method: str, path: str, body: Any = None, token: str | None = None,
                   expect: int = 200) -> Any:
        kwargs = {} if body is None else {"json": body}
        return await self.service.json(method, path, token or self.mentee, expect=expect,
                                       **kwargs)


async def relationship(service: Service) -> Relationship:
    return Relationship(service, await service.mentorship())


def conversation(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """A fixture conversation's date and its segments, timed by its recording's truth."""
    turns = json.loads(path.with_suffix(".json").read_text())
    truth = json.loads(path.with_suffix(".truth.json").read_text())["turns"]
    segments = [{"speaker": turn["speaker"], "start": timing["start"], "end": timing["end"],
                 "text": turn["text"]} for turn, timing in zip(turns["turns"], truth)]
    return turns["session_date"], segments


async def finished_session(rel: Relationship, path: Path, title: str, *,
                           finish: bool = True) -> tuple[str, dict[str, Any]]:
    """A session holding ``path``'s conversation and its real extraction, stored as the
    worker stores a processed recording (upload, claim the job, save, finish). Without
    ``finish`` its job stays running (the session is "processing"). Returns the session id
    and the extraction."""
    date, segments = conversation(path)
    session = await rel.service.session(rel.mentor, rel.id, title=title, started_at=date)
    await rel.service.upload(rel.mentor, session["id"], SAMPLE, content_type="audio/ogg")
    store = rel.service.store
    job = await store.claim_next_job("test-relationship")
    assert job is not None and job.session_id == session["id"]
    extraction = processing.extract({"session_date": date, "segments": segments})
    await store.save_results(session["id"], segments, extraction)
    if finish:
        await store.finish_job(job.id)
    return session["id"], extraction


# -- pre-filled from the sessions, edited by both, with history -----------------------------


async def test_suggestions_prefill_edits_and_history(service: Service) -> None:
    rel = await relationship(service)
    s04, extraction = await finished_session(rel, S04, "First session")
    pending, _ = await finished_session(rel, S02, "Still processing", finish=False)
    base = f"/api/mentorships/{rel.id}/agreement"

    empty = await rel.get(base)
    assert empty["version"] == 0 and empty["updated_by"] is None
    assert all(not empty["terms"][name]["text"] for name in agreement.TEXT_FIELDS)

    # The finished session's decisions, each proposed for its field, with the moment.
    found = (await rel.get(f"{base}/suggestions"))["suggestions"]
    decisions = extraction["decisions"]
    assert [s["text"] for s in found] == [d["text"] for d in decisions]
    assert all(s["source"]["session_id"] == s04 for s in found)  # not the unfinished one
    by_field = {s["field"]: s for s in found}
    assert set(by_field) == {"cadence", "channels", "response_times", "confidentiality"}
    cadence = by_field["cadence"]
    decision = next(d for d in decisions if d["topic"] == "cadence")
    assert cadence["value"]["cadence_days"] == 14
    assert cadence["source"]["segment"] == decision["segment"]
    assert cadence["link"] == f"/sessions/{s04}#line-{decision['segment']}"
    assert cadence["source"]["quote"] == decision["quote"]
    assert [c["channel"] for c in by_field["channels"]["value"]] == ["Slack", "Email"]

    # The mentee adopts the pre-filled terms: version 1, the current agreement everywhere.
    prefill = (await rel.get(f"{base}/suggestions"))["prefill"]
    saved = await rel.send("PUT", base, {"terms": prefill, "version": 0,
                                         "note": "From our first session"})
    assert (saved["version"], saved["updated_by"], saved["changed"]) == (1, "mentee", True)
    assert saved["terms"]["cadence"]["cadence_days"] == 14
    assert saved["terms"]["channels"][0] == {
        "channel": "Slack", "purpose": "quick things",
        "source": by_field["channels"]["source"]}
    mentorship = await rel.get(f"/api/mentorships/{rel.id}", rel.mentor)
    assert mentorship["agreement"] == saved["terms"]
    assert agreement.cadence_days(mentorship["agreement"]) == 14
    assert all(s["in_use"] for s in (await rel.get(f"{base}/suggestions"))["suggestions"])

    # The mentor writes the scope and changes the cadence; the mentee's terms stay.
    terms = saved["terms"]
    terms["scope"] = {"text": "Getting to mid-level: system design and visibility."}
    terms["cadence"] = {"text": "Every three weeks on Wednesdays", "source": None}
    edited = await rel.send("PUT", base, {"terms": terms, "version": 1}, token=rel.mentor)
    assert (edited["version"], edited["updated_by"]) == (2, "mentor")
    assert edited["terms"]["cadence"]["cadence_days"] == 21  # read from the new text
    assert edited["terms"]["confidentiality"] == saved["terms"]["confidentiality"]

    # Saving from version 1 again would undo the mentor's edit: refused, nothing stored.
    stale = await rel.send("PUT", base, {"terms": prefill, "version": 1}, expect=409)
    assert "changed since you opened it" in stale["error"]["message"]
    assert (await rel.get(base))["version"] == 2
    # Pre-filling never touches a field that holds something.
    again = (await rel.get(f"{base}/suggestions"))["prefill"]
    assert again["cadence"]["text"] == "Every three weeks on Wednesdays"
    assert again["scope"]["text"].startswith("Getting to mid-level")
    # The same terms again change nothing and make no revision.
    same = await rel.send("PUT", base, {"terms": edited["terms"]}, token=rel.mentor)
    assert (same["version"], same["changed"]) == (2, False)

    history = (await rel.get(f"{base}/history", rel.mentor))["revisions"]
    assert [(r["version"], r["author"]) for r in history] == [(2, "mentor"), (1, "mentee")]
    assert history[1]["note"] == "From our first session"
    newest = {c["field"]: c for c in history[0]["changes"]}
    assert set(newest) == {"scope", "cadence"}
    assert newest["scope"]["before"] == "" and newest["scope"]["after"].startswith("Getting")
    assert newest["cadence"]["after"] == "Every three weeks on Wednesdays (21 days)"
    assert newest["cadence"]["before"] == f"{decision['text']} (14 days)"
    assert {c["field"] for c in history[1]["changes"]} == {
        "channels", "response_times", "cadence", "confidentiality"}
    assert pending  # the unfinished session exists and suggested nothing


async def test_roles_decisions_go_to_the_speakers_role(make_service: ServiceFactory) -> None:
    rel = await relationship(await make_service())
    _, extraction = await finished_session(rel, S02, "First session")
    found = (await rel.get(f"/api/mentorships/{rel.id}/agreement/suggestions"))["suggestions"]
    roles = [s for s in found if s["topic"] == "roles"]
    assert roles and roles[0]["text"] == next(d["text"] for d in extraction["decisions"]
                                              if d["topic"] == "roles")
    # "I'm not here to have all the answers. I'll share what I've seen" - said by the mentor.
    assert roles[0]["field"] == "mentor_role"


@pytest.mark.parametrize(("terms", "message"), [
    ({"scope": "x", "tone": "friendly"}, "unknown field 'tone'"),
    ({"scope": 5}, "scope must be a string"),
    ({"scope": "x" * (agreement.MAX_TEXT + 1)}, "scope is too long"),
    ({"channels": [{"channel": "Slack", "purpose": "q", "colour": "red"}]}, "unknown field 'colour'"),
    ({"channels": [{"channel": "", "purpose": "q"}]}, "channels[0].channel must not be empty"),
    ({"channels": "Slack"}, "channels must be a list"),
    ({"cadence": {"text": "weekly", "cadence_days": 0}}, "cadence.cadence_days"),
    ({"cadence": {"text": "weekly", "cadence_days": True}}, "cadence.cadence_days"),
    ({"confidentiality": {"text": "ok", "source": {"session_id": "0123456789abcdef"}}},
     "is not a session of this mentorship"),
    ({"confidentiality": {"text": "ok", "source": {"session_id": "S", "segment": -1}}},
     "is not a session of this mentorship"),
])
async def test_bad_terms_are_refused_and_nothing_is_stored(
        make_service: ServiceFactory, terms: dict[str, Any], message: str) -> None:
    rel = await relationship(await make_service())
    base = f"/api/mentorships/{rel.id}/agreement"
    await rel.send("PUT", base, {"terms": {"scope": "Career growth"}})
    error = await rel.send("PUT", base, {"terms": terms}, expect=400)
    assert message in error["error"]["message"]
    current = await rel.get(base)
    assert current["version"] == 1 and current["terms"]["scope"]["text"] == "Career growth"
    assert len((await rel.get(f"{base}/history"))["revisions"]) == 1


async def test_a_source_must_be_a_session_of_the_mentorship(make_service: ServiceFactory) -> None:
    service = await make_service()
    ours, theirs = await relationship(service), await relationship(service)
    their_session, _ = await finished_session(theirs, S04, "Theirs")
    our_session, _ = await finished_session(ours, S04, "Ours")
    base = f"/api/mentorships/{ours.id}/agreement"
    source = {"session_id": their_session, "segment": 3, "start": 1.5, "quote": "x"}
    error = await ours.send("PUT", base, {"terms": {"scope": {"text": "x", "source": source}}},
                            expect=400)
    assert "not a session of this mentorship" in error["error"]["message"]
    source["session_id"] = our_session
    saved = await ours.send("PUT", base, {"terms": {"scope": {"text": "x", "source": source}}})
    assert saved["terms"]["scope"]["source"] == source
    for body, text in (({"terms": {}, "colour": 1}, "unknown field 'colour'"),
                       ({"note": "no terms"}, "send the full terms"),
                       ({"terms": {}, "version": "1"}, "version must be")):
        error = await ours.send("PUT", base, body, expect=400)
        assert text in error["error"]["message"]


def test_cadence_days_read_from_words_and_from_old_agreements() -> None:
    cases = {"Every two weeks works.": 14, "Let's meet weekly instead of every other week.": 7,
             "Monthly, first Tuesday": 30, "every 10 days": 10, "fortnightly calls": 14,
             "Whenever it suits us": None}
    assert {text: agreement.days_from_text(text) for text in cases} == cases
    assert agreement.cadence_days({"cadence": "every two weeks", "confidential": True}) == 14
    assert agreement.cadence_days({"cadence": {"text": "weekly", "cadence_days": 5}}) == 5
    assert agreement.cadence_days({}) is None
    assert agreement.parse_channels("Chat is fine for quick things. For anything longer, "
                                    "send an email.") == [
        {"channel": "Chat", "purpose": "quick things"},
        {"channel": "Email", "purpose": "anything longer"}]
