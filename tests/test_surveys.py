"""Post-session surveys over HTTP: pre-filled from the session's feedback, one per session
and role, updatable, and private except for the rating. Real app, SQLite and PostgreSQL."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from companion.models import Survey
from test_agreement import S01, database_url, finished_session, relationship, \
    service  # noqa: F401
from test_api import Service, ServiceFactory, make_service  # noqa: F401


async def test_survey_round_trip_and_privacy(service: Service) -> None:
    rel = await relationship(service)
    sid, extraction = await finished_session(rel, S01, "Proposal follow-up")
    url = f"/api/sessions/{sid}/survey"

    blank = await rel.get(url)
    # What the mentee said about the mentoring ("Thanks Dana, this was really helpful...").
    said = [f["text"] for f in extraction["feedback"] if f["to"] == "mentor"]
    assert said and [s["text"] for s in blank["suggestions"]] == said
    assert blank["suggestions"][0]["question"] == "most_useful"
    assert blank["mine"] == {"rating": None, "comment": "", "saved": False,
                             "answers": {"most_useful": " ".join(said), "change": ""}}
    assert blank["other"] == {"role": "mentor", "rating": None}

    answers = {"most_useful": "The budget suggestion.", "change": "More time on the intro."}
    saved = await rel.send("PUT", url, {"rating": 4, "comment": "Felt rushed at the end.",
                                        "answers": answers})
    assert saved["mine"] == {"rating": 4, "comment": "Felt rushed at the end.",
                             "answers": answers, "saved": True}
    mentor_view = await rel.get(url, rel.mentor)
    assert mentor_view["other"] == {"role": "mentee", "rating": 4}
    assert mentor_view["mine"]["saved"] is False
    assert "rushed" not in json.dumps(mentor_view) and "intro" not in json.dumps(mentor_view)

    await rel.send("PUT", url, {"rating": 5}, token=rel.mentor)
    updated = await rel.send("PUT", url, {"rating": 3, "answers": {"change": "Shorter."}})
    assert updated["mine"]["rating"] == 3 and updated["mine"]["comment"] == ""
    assert updated["mine"]["answers"] == {"most_useful": "", "change": "Shorter."}
    assert updated["other"]["rating"] == 5
    async with service.store.transaction() as db:
        assert await db.scalar(select(func.count()).select_from(Survey)
                               .where(Survey.session_id == sid)) == 2  # one per role

    for body, text in (({"rating": 6}, "rating must be a whole number from 1 to 5"),
                       ({"rating": "5"}, "rating must be"), ({"rating": 4.5}, "rating must be"),
                       ({"stars": 5}, "unknown field 'stars'"),
                       ({"answers": {"best": "x"}}, "unknown question 'best'"),
                       ({"answers": ["x"]}, "answers must be an object"),
                       ({"comment": "x" * 2001}, "comment is too long")):
        error = await rel.send("PUT", url, body, expect=400)
        assert text in error["error"]["message"], body
    assert (await rel.get(url))["mine"]["rating"] == 3  # nothing half-stored


async def test_a_survey_opens_once_the_session_is_done(make_service: ServiceFactory) -> None:
    service = await make_service()
    rel = await relationship(service)
    sid, _ = await finished_session(rel, S01, "Still processing", finish=False)
    error = await rel.get(f"/api/sessions/{sid}/survey", expect=409)
    assert "opens once the session is processed" in error["error"]["message"]
    await rel.send("PUT", f"/api/sessions/{sid}/survey", {"rating": 4}, expect=409)
