"""Every URL of the service, in one table (docs/API.md describes the API ones)."""
from __future__ import annotations

from aiohttp import web

from web import auth, pages
from web.views import api, confidentiality, events, health, recap, recordings
from web.views import downloads as download_views, pages as page_views
from web.views import live as live_views
from web.views import live_page as live_page_views


def setup_routes(app: web.Application) -> None:
    router = app.router
    router.add_get("/healthz", health.healthz, name="healthz")
    router.add_get("/metrics", health.metrics, name="metrics")
    router.add_get("/join/{token}", auth.join, name="join")
    router.add_get("/recap/{token}", recap.follow_link, name="recap_link")

    router.add_post("/api/mentorships", api.create_mentorship)
    router.add_get("/api/mentorships/{id}", api.get_mentorship)
    router.add_patch("/api/mentorships/{id}", api.update_mentorship)
    router.add_post("/api/mentorships/{id}/links/{role}/rotate", api.rotate_link)
    router.add_get("/api/mentorships/{id}/sessions", api.list_sessions)
    router.add_post("/api/mentorships/{id}/sessions", api.create_session)
    router.add_get("/api/mentorships/{id}/events", events.mentorship_events)

    router.add_get("/api/sessions/{id}", api.get_session)
    router.add_delete("/api/sessions/{id}", api.delete_session)
    router.add_post("/api/sessions/{id}/recording", recordings.upload_recording)
    router.add_get("/api/sessions/{id}/recording", recordings.download_recording)
    router.add_get("/api/sessions/{id}/transcript", api.get_transcript)
    router.add_patch("/api/sessions/{id}/segments/{idx}", api.edit_segment)
    router.add_post("/api/sessions/{id}/end", api.end_session)
    router.add_post("/api/sessions/{id}/retry", api.retry_session)
    router.add_get("/api/sessions/{id}/events", events.session_events)
    router.add_get("/api/sessions/{id}/recap", recap.get_recap)
    router.add_post("/api/sessions/{id}/recap/release", recap.release_recap)
    router.add_post("/api/sessions/{id}/recap/resend", recap.resend_recap)
    router.add_get("/api/sessions/{id}/live", live_views.live_socket)  # websocket, docs/LIVE.md
    router.add_post("/api/sessions/{id}/live/start", api.start_live)
    router.add_get("/api/sessions/{id}/live/history", live_views.live_history)

    router.add_patch("/api/items/{id}", api.update_item)
    router.add_get("/api/jobs/{id}", api.get_job)
    router.add_post("/api/jobs/{id}/retry", api.retry_job)

    # the mentoring relationship (issue 7); each block is owned by one module
    # -- agreement, goals, surveys, trends (companion/agreement.py, goals.py, surveys.py)
    from web.views import relationship  # imported here: this block is its own
    router.add_get("/api/mentorships/{id}/agreement", relationship.get_agreement)
    router.add_put("/api/mentorships/{id}/agreement", relationship.put_agreement)
    router.add_get("/api/mentorships/{id}/agreement/history", relationship.agreement_history)
    router.add_get("/api/mentorships/{id}/agreement/suggestions",
                   relationship.agreement_suggestions)
    router.add_get("/api/mentorships/{id}/goals", relationship.list_goals)
    router.add_post("/api/mentorships/{id}/goals", relationship.create_goal)
    router.add_get("/api/goals/{id}", relationship.get_goal)
    router.add_patch("/api/goals/{id}", relationship.update_goal)
    router.add_delete("/api/goals/{id}", relationship.delete_goal)
    router.add_get("/api/goals/{id}/suggestions", relationship.goal_suggestions)
    router.add_put("/api/goals/{id}/items/{item_id}", relationship.link_item)
    router.add_delete("/api/goals/{id}/items/{item_id}", relationship.unlink_item)
    router.add_get("/api/sessions/{id}/survey", relationship.get_survey)
    router.add_put("/api/sessions/{id}/survey", relationship.put_survey)
    router.add_get("/api/mentorships/{id}/trends", relationship.get_trends)
    # -- accountability: last time's items, done proposals (companion/accountability.py)
    from web.views import accountability  # imported here: this block is its own
    router.add_get("/api/sessions/{id}/carried", accountability.get_carried)
    router.add_post("/api/proposals/{id}/confirm", accountability.confirm_proposal)
    router.add_post("/api/proposals/{id}/dismiss", accountability.dismiss_proposal)
    # -- check-in rhythm and programme view (companion/scheduler.py, programme.py)
    from web.views import programme as programme_views  # imported here: this block is its own
    router.add_get("/api/programme", programme_views.programme_json)
    router.add_get("/programme", programme_views.programme_page, name="programme_page")
    router.add_post("/programme/login", programme_views.login)
    router.add_post("/programme/logout", programme_views.logout)
    # -- confidentiality: notes, deletion, export (companion/notes.py, deletion.py, archive.py)
    router.add_get("/api/mentorships/{id}/notes", confidentiality.list_notes)
    router.add_post("/api/mentorships/{id}/notes", confidentiality.add_note)
    router.add_patch("/api/notes/{id}", confidentiality.update_note)
    router.add_delete("/api/notes/{id}", confidentiality.delete_note)
    router.add_delete("/api/sessions/{id}/recording", confidentiality.delete_recording)
    router.add_get("/api/mentorships/{id}/export", confidentiality.export_mentorship)

    # pages
    router.add_get("/mentorships/{id}", page_views.mentorship_page, name="mentorship_page")
    router.add_get("/sessions/{id}", page_views.session_page, name="session_page")
    router.add_get("/sessions/{id}/download/{fmt}", download_views.download, name="download")
    router.add_static(pages.STATIC_PREFIX, pages.STATIC_DIR, name="static")

    # the live side panel of a call (docs/LIVE.md)
    router.add_get("/sessions/{id}/live", live_page_views.live_page, name="live_page")
