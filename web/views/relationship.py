"""The JSON API of the agreement, goals, surveys and trends (docs/API.md, "Agreement,
goals, surveys and trends"). Thin: authenticate, one transaction, a companion module, JSON.

Every route is scoped to the caller's mentorship: another mentorship's agreement, goal,
item or session answers 404, like a missing one.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiohttp import web

from companion import agreement, goals, surveys, trends
from companion.tokens import Participant
from web.auth import require_participant
from web.typedefs import SETTINGS, STORE
from web.views.inputs import json_object, member


def today(request: web.Request) -> date:
    """Today in the service's time zone (overdue goals are judged by it)."""
    return datetime.now(request.app[SETTINGS].zone).date()


# -- agreement -----------------------------------------------------------------------------


def agreement_json(terms: dict[str, Any], version: int, author: str | None,
                   updated_at: str | None) -> dict[str, Any]:
    return {"terms": terms, "version": version, "updated_by": author,
            "updated_at": updated_at, "labels": agreement.LABELS}


async def get_agreement(request: web.Request) -> web.Response:
    participant = await member(request)
    async with request.app[STORE].transaction() as db:
        terms, latest = await agreement.get_agreement(db, participant)
    return web.json_response(agreement_json(
        terms, latest.version if latest else 0, latest.author if latest else None,
        latest.created_at.isoformat() if latest else None))


async def put_agreement(request: web.Request) -> web.Response:
    """``{"terms": {...}, "note"?: str, "version"?: int}``: the full new terms."""
    participant = await member(request)
    body = await json_object(request)
    unknown = sorted(set(body) - {"terms", "note", "version"})
    if unknown:
        raise web.HTTPBadRequest(text=f"unknown field {unknown[0]!r} (send terms, note, version)")
    if "terms" not in body:
        raise web.HTTPBadRequest(text="send the full terms as {\"terms\": {...}}")
    async with request.app[STORE].transaction() as db:
        terms, version, changed = await agreement.update(
            db, participant, body["terms"], note=body.get("note"), version=body.get("version"))
        _, latest = await agreement.get_agreement(db, participant)
    return web.json_response({
        **agreement_json(terms, version, latest.author if latest else None,
                         latest.created_at.isoformat() if latest else None),
        "changed": changed})


async def agreement_history(request: web.Request) -> web.Response:
    participant = await member(request)
    async with request.app[STORE].transaction() as db:
        revisions = await agreement.history(db, participant)
    return web.json_response({"revisions": [
        {"version": r.version, "author": r.author, "created_at": r.created_at.isoformat(),
         "note": r.note, "changes": [c.to_json() for c in r.changes]} for r in revisions]})


async def agreement_suggestions(request: web.Request) -> web.Response:
    participant = await member(request)
    async with request.app[STORE].transaction() as db:
        terms, _ = await agreement.get_agreement(db, participant)
        found = await agreement.suggestions(db, participant)
    return web.json_response({"suggestions": [s.to_json() for s in found],
                              "prefill": agreement.prefill(terms, found)})


# -- goals ---------------------------------------------------------------------------------


async def list_goals(request: web.Request) -> web.Response:
    participant = await member(request)
    async with request.app[STORE].transaction() as db:
        views = await goals.list_goals(db, participant, today(request))
        trackable = await goals.trackable_items(db, participant)
    return web.json_response({
        "goals": [view.to_json() for view in views],
        "trackable": [{"item_id": item.id, "text": item.text, "owner": item.owner,
                       "target": item.due, "session_id": item.session_id,
                       "segment": item.segment, "start": item.start} for item in trackable]})


async def create_goal(request: web.Request) -> web.Response:
    """``{"title", "owner"?, "target"?}`` by hand, or ``{"item_id"}`` to track an extracted
    goal (201 when made, 200 with the goal already tracking that item)."""
    participant = await member(request)
    body = await json_object(request)
    async with request.app[STORE].transaction() as db:
        if "item_id" in body:
            if set(body) != {"item_id"}:
                raise web.HTTPBadRequest(text="send either {\"item_id\"} or a title, not both")
            goal, made = await goals.track_item(db, participant, body["item_id"])
        else:
            goal, made = await goals.create_goal(db, participant, body), True
        view = await goals.get_goal(db, participant, goal.id, today(request))
    return web.json_response(view.to_json(), status=201 if made else 200)


async def get_goal(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        view = await goals.get_goal(db, participant, request.match_info["id"], today(request))
    return web.json_response(view.to_json())


async def update_goal(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    body = await json_object(request)
    goal_id = request.match_info["id"]
    async with request.app[STORE].transaction() as db:
        await goals.update_goal(db, participant, goal_id, body)
        view = await goals.get_goal(db, participant, goal_id, today(request))
    return web.json_response(view.to_json())


async def delete_goal(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        await goals.delete_goal(db, participant, request.match_info["id"])
    return web.Response(status=204)


async def link_item(request: web.Request) -> web.Response:
    """``PUT /api/goals/{id}/items/{item_id}``: 201 when linked now, 200 if it was."""
    participant = await require_participant(request)
    goal_id = request.match_info["id"]
    async with request.app[STORE].transaction() as db:
        made = await goals.link_item(db, participant, goal_id, request.match_info["item_id"])
        view = await goals.get_goal(db, participant, goal_id, today(request))
    return web.json_response(view.to_json(), status=201 if made else 200)


async def unlink_item(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    goal_id = request.match_info["id"]
    async with request.app[STORE].transaction() as db:
        await goals.unlink_item(db, participant, goal_id, request.match_info["item_id"])
        view = await goals.get_goal(db, participant, goal_id, today(request))
    return web.json_response(view.to_json())


async def goal_suggestions(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        found = await goals.suggest_items(db, participant, request.match_info["id"])
    return web.json_response({"suggestions": [
        {**goals.linked_json(s.item), "shared": list(s.shared)} for s in found]})


# -- surveys and trends --------------------------------------------------------------------


async def get_survey(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    async with request.app[STORE].transaction() as db:
        view = await surveys.get_survey(db, participant, request.match_info["id"])
    return web.json_response(view.to_json())


async def put_survey(request: web.Request) -> web.Response:
    participant = await require_participant(request)
    body = await json_object(request)
    async with request.app[STORE].transaction() as db:
        view = await surveys.save_survey(db, participant, request.match_info["id"], body)
    return web.json_response(view.to_json())


async def get_trends(request: web.Request) -> web.Response:
    participant = await member(request)
    zone = request.app[SETTINGS].zone
    async with request.app[STORE].transaction() as db:
        found = await trends.session_trends(db, participant, zone)
    return web.json_response({"sessions": [t.to_json(zone) for t in found]})



# -- the mentorship page's sections --------------------------------------------------------


async def page_context(request: web.Request, participant: Participant) -> dict[str, Any]:
    """What the mentorship page shows of the agreement, goals, surveys and trends
    (web/templates/mentorship.html.j2), read in one transaction."""
    zone = request.app[SETTINGS].zone
    async with request.app[STORE].transaction() as db:
        terms, latest = await agreement.get_agreement(db, participant)
        revisions = await agreement.history(db, participant)
        found = await agreement.suggestions(db, participant)
        goal_views = await goals.list_goals(db, participant, today(request))
        link_suggestions = {view.goal.id: await goals.suggest_items(db, participant, view.goal.id)
                            for view in goal_views if view.goal.status == "open"}
        trackable = await goals.trackable_items(db, participant)
        session_trends = await trends.session_trends(db, participant, zone)
        survey_views = [await surveys.get_survey(db, participant, t.session_id)
                        for t in session_trends]
    return {
        "agreement": {
            "terms": terms, "labels": agreement.LABELS, "text_fields": agreement.TEXT_FIELDS,
            "version": latest.version if latest else 0, "latest": latest,
            "revisions": revisions, "suggestions": found,
            "prefill": agreement.prefill(terms, found),
            "link": agreement.moment_link,
        },
        "goals": goal_views,
        "goal_suggestions": link_suggestions,
        "trackable": trackable,
        "trends": trends.charts(session_trends),
        "trend_count": len(session_trends),
        "surveys": survey_views,
        "survey_questions": surveys.QUESTIONS,
        "zone": zone,
    }
