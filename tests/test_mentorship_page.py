"""The mentorship page's relationship sections and the trends behind them: values computed
from real extraction results, the page as the server renders it (readable without a
script), another mentorship's participant refused on every route, and one real browser
(Chromium via Playwright) editing the agreement on the page."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from playwright.async_api import async_playwright, expect
from sqlalchemy import update

from companion.models import Item
from test_agreement import S01, S02, S04, Relationship, database_url, finished_session, \
    relationship, service  # noqa: F401
from test_api import Service, ServiceFactory, make_service  # noqa: F401
from test_pages import get

CHROMIUM = "/usr/bin/chromium"


def expected_trend(extraction: dict[str, Any]) -> dict[str, Any]:
    """Talk balance, questions and feedback as the extraction JSON states them."""
    questions = {r: {"open": 0, "closed": 0} for r in ("mentor", "mentee")}
    for q in extraction["questions"]:
        if q["speaker"] in questions:
            questions[q["speaker"]]["open" if q["open"] else "closed"] += 1
    feedback = {r: {"praise": 0, "constructive": 0} for r in ("mentor", "mentee")}
    for f in extraction["feedback"]:
        feedback[f["from"]][f["kind"]] += 1
    return {"talk_share_mentee": extraction["metrics"]["talk_share"]["mentee"],
            "questions": questions, "feedback": feedback}


async def tick(rel: Relationship, item: dict[str, Any], done_at: datetime) -> None:
    """Tick an item off through the API, then fix the moment it was done."""
    await rel.send("PATCH", f"/api/items/{item['id']}", {"done": True})
    async with rel.service.store.transaction() as db:
        await db.execute(update(Item).where(Item.id == item["id"]).values(done_at=done_at))


async def test_trends_are_computed_from_the_sessions(make_service: ServiceFactory,
                                                     database_url: str | None) -> None:
    service = await make_service(database_url=database_url, timezone="Europe/Paris")
    rel = await relationship(service)
    late, first = await finished_session(rel, S01, "Proposal follow-up")  # 20 Nov 2026
    early, second = await finished_session(rel, S04, "First session")     # 14 Jan 2026
    await finished_session(rel, S02, "Unfinished", finish=False)
    items = {s: (await rel.get(f"/api/sessions/{s}"))["summary"]["action_items"]
             for s in (late, early)}
    by_text = {i["text"]: i for s in items.values() for i in s}

    def find(words: str) -> dict[str, Any]:
        return next(i for text, i in by_text.items() if words in text)

    utc = timezone.utc
    await tick(rel, find("revised version"), datetime(2026, 11, 23, 20, 0, tzinfo=utc))
    # Due 15 Jan, done at 23:30 UTC: 00:30 on the 16th in Paris, the service's zone: late.
    await tick(rel, find("system design"), datetime(2026, 1, 15, 23, 30, tzinfo=utc))
    await tick(rel, find("brag doc"), datetime(2026, 1, 16, 10, 0, tzinfo=utc))
    await rel.send("PUT", f"/api/sessions/{late}/survey", {"rating": 4})
    await rel.send("PUT", f"/api/sessions/{early}/survey", {"rating": 2}, token=rel.mentor)

    trends = (await rel.get(f"/api/mentorships/{rel.id}/trends"))["sessions"]
    assert [t["session_id"] for t in trends] == [early, late]  # in order; finished only
    for trend, extraction in zip(trends, (second, first)):
        assert {k: trend[k] for k in ("talk_share_mentee", "questions", "feedback")} == \
            expected_trend(extraction)
        assert 0 < trend["talk_share_mentee"] < 1
    assert [t["ratings"] for t in trends] == [{"mentor": 2, "mentee": None},
                                              {"mentor": None, "mentee": 4}]
    dated = [sum(1 for i in items[s] if i["due"]) for s in (early, late)]
    assert [t["items"] for t in trends] == [
        {"total": len(items[early]), "done": 2, "with_due": dated[0], "done_on_time": 1,
         "on_time_share": round(1 / dated[0], 3)},
        {"total": len(items[late]), "done": 1, "with_due": dated[1], "done_on_time": 1,
         "on_time_share": round(1 / dated[1], 3)}]

    page, _ = await get(service, f"/mentorships/{rel.id}", rel.mentee)
    chart = re.search(r'<figure class="chart" id="chart-ratings">.*?</figure>', page, re.S)
    assert chart is not None
    assert '<title id="chart-ratings-title">Ratings</title>' in chart.group(0)
    assert '<title>First session: Mentor 2</title>' in chart.group(0)
    assert '<title>Proposal follow-up: Mentee 4</title>' in chart.group(0)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td><td>(.*?)</td></tr>",
                      chart.group(0))
    assert rows == [("1. First session", "2", "–"), ("2. Proposal follow-up", "–", "4")]
    assert re.search(r'id="chart-on-time".*?<td>1 of 4 \(25%\)</td>', page, re.S)


async def test_the_page_shows_agreement_goals_and_surveys(make_service: ServiceFactory) -> None:
    service = await make_service()
    rel = await relationship(service)
    sid, extraction = await finished_session(rel, S04, "First session")
    base = f"/api/mentorships/{rel.id}"
    page, _ = await get(service, f"/mentorships/{rel.id}", rel.mentor)
    assert "No agreement written yet" in page and "No goals tracked yet." in page
    cadence = next(d for d in extraction["decisions"] if d["topic"] == "cadence")
    assert f'href="/sessions/{sid}#line-{cadence["segment"]}">said in First session' in page
    assert "Get promoted to mid-level" in page and "Track this goal" in page
    assert f'id="survey-{sid}"' in page and "What was most useful?" in page

    prefill = (await rel.get(f"{base}/agreement/suggestions"))["prefill"]
    await rel.send("PUT", f"{base}/agreement", {"terms": prefill, "note": "first draft"})
    tracked = (await rel.get(f"{base}/goals"))["trackable"][0]
    goal = await rel.send("POST", f"{base}/goals", {"item_id": tracked["item_id"]}, expect=201)
    await rel.send("PATCH", f"/api/goals/{goal['id']}", {"target": "2020-01-01"})
    await rel.send("PUT", f"/api/sessions/{sid}/survey", {"rating": 5, "comment": "secret-ish"})

    mentor_page, _ = await get(service, f"/mentorships/{rel.id}", rel.mentor)
    assert "Version 1, last changed by Sam Okafor (mentee)" in mentor_page
    assert "“first draft”" in mentor_page
    assert re.search(r'<dd data-field="cadence">[^<]*Every two weeks', mentor_page)
    assert "Agreed rhythm:" in mentor_page and "(every 14 days)" in mentor_page
    goal_html = re.search(rf'data-goal-id="{goal["id"]}">.*?</li>\s*</ul>', mentor_page, re.S)
    assert goal_html and '<span class="badge overdue">Overdue</span>' in goal_html.group(0)
    assert "Sam Okafor: 5/5" in mentor_page and "secret-ish" not in mentor_page
    mentee_page, _ = await get(service, f"/mentorships/{rel.id}", rel.mentee)
    assert "secret-ish" in mentee_page and "your rating 5/5" in mentee_page


async def test_another_mentorships_participant_gets_404_everywhere(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    rel, other = await relationship(service), await relationship(service)
    sid, _ = await finished_session(rel, S02, "First session")
    base = f"/api/mentorships/{rel.id}"
    tracked = (await rel.get(f"{base}/goals"))["trackable"][0]
    goal = await rel.send("POST", f"{base}/goals", {"item_id": tracked["item_id"]}, expect=201)
    item = (await rel.get(f"/api/goals/{goal['id']}/suggestions"))["suggestions"][0]
    await rel.send("PUT", f"/api/goals/{goal['id']}/items/{item['id']}", expect=201)
    their_goal = await other.send("POST", f"/api/mentorships/{other.id}/goals",
                                  {"title": "Theirs"}, expect=201)

    routes = [("GET", f"{base}/agreement", None), ("PUT", f"{base}/agreement", {"terms": {}}),
              ("GET", f"{base}/agreement/history", None),
              ("GET", f"{base}/agreement/suggestions", None), ("GET", f"{base}/goals", None),
              ("POST", f"{base}/goals", {"title": "x"}),
              ("POST", f"/api/mentorships/{other.id}/goals", {"item_id": tracked["item_id"]}),
              ("GET", f"/api/goals/{goal['id']}", None),
              ("PATCH", f"/api/goals/{goal['id']}", {"title": "x"}),
              ("GET", f"/api/goals/{goal['id']}/suggestions", None),
              ("PUT", f"/api/goals/{goal['id']}/items/{item['id']}", None),
              ("DELETE", f"/api/goals/{goal['id']}/items/{item['id']}", None),
              ("PUT", f"/api/goals/{their_goal['id']}/items/{item['id']}", None),
              ("DELETE", f"/api/goals/{goal['id']}", None),
              ("GET", f"/api/sessions/{sid}/survey", None),
              ("PUT", f"/api/sessions/{sid}/survey", {"rating": 1}),
              ("GET", f"{base}/trends", None)]
    for method, path, body in routes:
        error = await other.send(method, path, body, token=other.mentee, expect=404)
        assert "not found" in error["error"]["message"], (method, path)
        await service.json(method, path, expect=401, **({"json": body} if body else {}))
    # Nothing of theirs changed ours.
    ours = await rel.get(f"/api/goals/{goal['id']}")
    assert ours["title"] == tracked["text"] and [i["id"] for i in ours["items"]] == [item["id"]]
    assert (await rel.get(f"{base}/agreement"))["version"] == 0
    assert (await rel.get(f"/api/sessions/{sid}/survey"))["mine"]["saved"] is False
    await get(service, f"/mentorships/{rel.id}", other.mentor, expect=404)


async def test_editing_the_agreement_in_a_browser(make_service: ServiceFactory) -> None:
    service = await make_service()
    rel = await relationship(service)
    sid, _ = await finished_session(rel, S04, "First session")
    root = str(service.client.make_url("/")).rstrip("/")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = await browser.new_page()
            await page.goto(f"{root}/join/{rel.mentor}")
            await expect(page.locator("#agreement-heading")).to_have_text("Agreement")
            await page.get_by_text("Edit the agreement").click()
            await page.get_by_role("button", name="Fill empty fields from the sessions").click()
            await expect(page.locator("#term-cadence")).to_have_value(re.compile("Every two weeks"))
            await page.fill("#term-scope", "System design and getting to mid-level.")
            await page.fill("#agreement-note", "Our first agreement")
            await page.get_by_role("button", name="Save the agreement").click()
            history = page.locator("#agreement-history .revision").first
            await expect(history).to_contain_text("Version 1")
            await expect(history).to_contain_text("Dana Reyes (mentor)")
            await expect(history).to_contain_text("Our first agreement")
            await expect(history.locator(".changes")).to_contain_text(
                "Scope: System design and getting to mid-level.")
            await expect(page.locator("#checkin-cadence")).to_contain_text("(every 14 days)")
            await page.screenshot(path="/tmp/companion-mentorship.png", full_page=True)
        finally:
            await browser.close()
    saved = await rel.get(f"/api/mentorships/{rel.id}/agreement")
    assert saved["version"] == 1 and saved["updated_by"] == "mentor"
    assert saved["terms"]["scope"]["text"] == "System design and getting to mid-level."
    assert saved["terms"]["cadence"]["source"]["session_id"] == sid
