"""Every URL of the service, in one table (docs/API.md describes the API ones)."""
from __future__ import annotations

from aiohttp import web

from web import auth, pages
from web.views import api, events, health, recap, recordings
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

    router.add_patch("/api/items/{id}", api.update_item)
    router.add_get("/api/jobs/{id}", api.get_job)
    router.add_post("/api/jobs/{id}/retry", api.retry_job)

    # the mentoring relationship (issue 7); each block is owned by one module
    # -- agreement, goals, surveys, trends (companion/agreement.py, goals.py, surveys.py)
    # -- accountability: last time's items, done proposals (companion/accountability.py)
    # -- check-in rhythm and programme view (companion/scheduler.py, programme.py)
    # -- confidentiality: notes, deletion, export (companion/notes.py, exports_zip.py)

    # pages
    router.add_get("/mentorships/{id}", page_views.mentorship_page, name="mentorship_page")
    router.add_get("/sessions/{id}", page_views.session_page, name="session_page")
    router.add_get("/sessions/{id}/download/{fmt}", download_views.download, name="download")
    router.add_static(pages.STATIC_PREFIX, pages.STATIC_DIR, name="static")

    # the live side panel of a call (docs/LIVE.md)
    router.add_get("/sessions/{id}/live", live_page_views.live_page, name="live_page")
