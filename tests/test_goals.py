"""Goals over HTTP: tracked from an extracted goal (once) or made by hand, action items
linked by suggestion and a click, progress from them, overdue goals. Real app, SQLite and
PostgreSQL, sessions holding real extraction results (see test_agreement.py)."""
from __future__ import annotations

from datetime import date

from companion import goals
from companion.tokens import Participant
from test_agreement import S02, S04, database_url, finished_session, relationship, \
    service  # noqa: F401
from test_api import Service, ServiceFactory, make_service  # noqa: F401


async def test_track_an_extracted_goal_link_items_and_progress(service: Service) -> None:
    rel = await relationship(service)
    sid, extraction = await finished_session(rel, S02, "First session")
    base = f"/api/mentorships/{rel.id}/goals"

    listed = await rel.get(base)
    assert listed["goals"] == []
    extracted = extraction["goals"][0]
    assert [(t["text"], t["target"], t["session_id"]) for t in listed["trackable"]] == \
        [(extracted["text"], extracted["target"], sid)]
    item_id = listed["trackable"][0]["item_id"]

    goal = await rel.send("POST", base, {"item_id": item_id}, expect=201)
    assert (goal["title"], goal["target"], goal["owner"]) == \
        (extracted["text"], extracted["target"], extracted["owner"])
    assert (goal["source_item_id"], goal["source_session_id"], goal["created_by"]) == \
        (item_id, sid, "mentee")
    assert goal["progress"] is None and goal["overdue"] is False
    again = await rel.send("POST", base, {"item_id": item_id}, token=rel.mentor, expect=200)
    assert again["id"] == goal["id"]  # one click more makes no second goal
    listed = await rel.get(base)
    assert [g["id"] for g in listed["goals"]] == [goal["id"]] and listed["trackable"] == []

    # "Be promoted to senior engineer": the items about seniority and promotion, best first.
    suggested = (await rel.get(f"/api/goals/{goal['id']}/suggestions"))["suggestions"]
    actions = {a["text"]: a for a in extraction["action_items"]}
    senior = next(t for t in actions if "senior" in t.lower())
    criteria = next(t for t in actions if "promotion" in t.lower())
    unrelated = next(t for t in actions if "focus blocks" in t.lower())
    assert [s["text"] for s in suggested] == [senior, criteria]
    assert suggested[0]["shared"] == ["senior", "engineer"]
    assert suggested[1]["shared"] == ["promoted"]
    assert unrelated not in [s["text"] for s in suggested]

    url = f"/api/goals/{goal['id']}/items"
    linked = await rel.send("PUT", f"{url}/{suggested[0]['id']}", expect=201)
    assert linked["progress"] == 0.0 and [i["id"] for i in linked["items"]] == [suggested[0]["id"]]
    await rel.send("PUT", f"{url}/{suggested[0]['id']}", token=rel.mentor, expect=200)
    await rel.send("PATCH", f"/api/items/{suggested[0]['id']}", {"done": True})
    linked = await rel.send("PUT", f"{url}/{suggested[1]['id']}", expect=201)
    assert (linked["progress"], linked["done_items"], len(linked["items"])) == (0.5, 1, 2)
    remaining = (await rel.get(f"/api/goals/{goal['id']}/suggestions"))["suggestions"]
    assert remaining == []  # linked items are suggested no more
    unlinked = await rel.send("DELETE", f"{url}/{suggested[1]['id']}")
    assert unlinked["progress"] == 1.0
    await rel.send("DELETE", f"{url}/{suggested[1]['id']}", expect=404)

    # Linking is for action items of this mentorship only.
    await rel.send("PUT", f"{url}/{item_id}", expect=404)  # a goal item, not an action item
    await rel.send("POST", base, {"item_id": suggested[0]["id"]}, expect=404)


async def test_hand_goals_edit_status_overdue_and_order(service: Service) -> None:
    rel = await relationship(service)
    base = f"/api/mentorships/{rel.id}/goals"
    later = await rel.send("POST", base, {"title": "Lead a project", "target": "2031-06-30"},
                           expect=201)
    past = await rel.send("POST", base, {"title": "Publish a paper", "owner": "mentee",
                                         "target": "2020-01-31"}, expect=201)
    undated = await rel.send("POST", base, {"title": "Give a talk", "owner": "both"},
                             token=rel.mentor, expect=201)
    assert (past["overdue"], later["overdue"], undated["overdue"]) == (True, False, False)
    assert undated["created_by"] == "mentor" and undated["owner"] == "both"
    order = [g["title"] for g in (await rel.get(base))["goals"]]
    assert order == ["Publish a paper", "Lead a project", "Give a talk"]

    achieved = await rel.send("PATCH", f"/api/goals/{past['id']}", {"status": "achieved"})
    assert achieved["overdue"] is False and achieved["achieved_at"] is not None
    edited = await rel.send("PATCH", f"/api/goals/{later['id']}",
                            {"title": "Lead the migration project", "target": None,
                             "owner": "mentor"}, token=rel.mentor)
    assert (edited["title"], edited["target"], edited["owner"]) == \
        ("Lead the migration project", None, "mentor")
    order = [g["title"] for g in (await rel.get(base))["goals"]]
    assert order == ["Lead the migration project", "Give a talk", "Publish a paper"]  # by age

    for body, text in (({}, "a goal needs a title"), ({"title": " "}, "a goal needs a title"),
                       ({"title": "x" * 501}, "too long"),
                       ({"title": "x", "target": "2026-02-30"}, "not a real date"),
                       ({"title": "x", "target": "next year"}, "YYYY-MM-DD"),
                       ({"title": "x", "owner": "boss"}, "owner must be one of"),
                       ({"title": "x", "colour": "red"}, "unknown field 'colour'"),
                       ({"item_id": "x", "title": "y"}, "not both")):
        error = await rel.send("POST", base, body, expect=400)
        assert text in error["error"]["message"], (body, error)
    for body, text in (({"status": "won"}, "status must be one of"), ({}, "at least one"),
                       ({"progress": 1}, "unknown field 'progress'")):
        error = await rel.send("PATCH", f"/api/goals/{undated['id']}", body, expect=400)
        assert text in error["error"]["message"]
    assert len((await rel.get(base))["goals"]) == 3
    await rel.send("DELETE", f"/api/goals/{undated['id']}", expect=204)
    await rel.get(f"/api/goals/{undated['id']}", expect=404)


async def test_overdue_is_judged_on_a_given_day(make_service: ServiceFactory) -> None:
    """The core takes today's date (the view passes today in settings.zone)."""
    service = await make_service()
    rel = await relationship(service)
    await finished_session(rel, S04, "First session")
    store = service.store
    participant = Participant(rel.id, "mentee", "Sam Okafor", "sam.okafor@example.org", "t")
    async with store.transaction() as db:
        [promoted, design] = await goals.trackable_items(db, participant)
        goal, _ = await goals.track_item(db, participant, promoted.id)
        undated, _ = await goals.track_item(db, participant, design.id)
    assert goal.target == "2026-12-31" and undated.target is None
    for today, overdue in ((date(2026, 12, 31), False), (date(2027, 1, 1), True)):
        async with store.transaction() as db:
            views = await goals.list_goals(db, participant, today)
        assert [(v.goal.id, v.overdue) for v in views] == [(goal.id, overdue),
                                                           (undated.id, False)]
    async with store.transaction() as db:
        await goals.update_goal(db, participant, goal.id, {"status": "dropped"})
        views = await goals.list_goals(db, participant, date(2027, 1, 1))
    assert [(v.goal.id, v.overdue) for v in views] == [(undated.id, False), (goal.id, False)]


def test_shared_words_ignore_stop_words_and_light_endings() -> None:
    assert goals.shared_words("Be promoted to senior engineer",
                              "Share the promotion criteria our engineering team uses") == \
        ("promoted", "engineer")
    assert goals.shared_words("Get better at system design", "Send you a couple of write-ups") == ()
    assert goals.shared_words("Get a new job", "Get the job description") == ("job",)
