"""Recap templates: every section in every format, empty sections, escaping, user overrides."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from summaries import extract, parse_transcript
from summaries.render import RenderError, build_view, human_date, markdown_escape, render
from summaries.types import Challenge, Extraction, Feedback, Provenance

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
FORMATS = ("markdown", "html", "text")
EMPTY_MESSAGES = ("No action items were agreed.", "No feedback was given.",
                  "No challenges were raised.", "No goals were set.", "No agreements were made.",
                  "No next check-in was scheduled.", "No conversation metrics.")


def session(name: str = "s04-first-session-expectations"):
    """A fixture conversation with the truth timings, and its real extraction."""
    fixture = json.loads((SESSIONS / f"{name}.json").read_text())
    truth = json.loads((SESSIONS / f"{name}.truth.json").read_text())
    transcript = parse_transcript({
        "session_date": fixture["session_date"], "participants": fixture["participants"],
        "segments": [{"speaker": t["speaker"], "text": t["text"], "start": t["start"],
                      "end": t["end"]} for t in truth["turns"]]})
    return fixture, transcript, extract(transcript)


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_section_renders_with_names_and_human_dates(fmt):
    fixture, transcript, extraction = session()
    out = render(extraction, transcript, fmt, title=fixture["title"])
    text = visible_text(out) if fmt == "html" else out
    assert "Marcus Feld" in text and "Aisha Bello" in text
    assert "Wed 14 Jan 2026, 10:00" in text                   # session date
    assert "Wed 28 Jan 2026, 10:00" in text                   # next check-in
    assert "Fri 16 Jan 2026" in text                          # the brag doc's due date
    assert "brag doc" in text.lower()
    assert "that's a big step" in text                        # praise
    assert "one chapter alongside a real design doc" in text   # suggestion
    assert "freeze up" in text                                # challenge
    assert "mid-level" in text                                # goal
    assert "confidential" in text                             # agreement
    assert "Confidentiality" in text and "Channels" in text
    assert re.search(r"\b\d{1,2}%", text)                     # talk share
    for message in EMPTY_MESSAGES:
        assert message not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_section_renders_when_empty(fmt):
    out = render(Extraction(), None, fmt)
    text = visible_text(out) if fmt == "html" else out
    for message in EMPTY_MESSAGES:
        assert message in text
    assert "Mentoring session" in text


def test_feedback_lists_praise_and_suggestions_apart_with_giver_and_receiver():
    _, transcript, extraction = session("s01-proposal-followup")
    out = render(extraction, transcript, "markdown")
    praise, suggestions = out.split("### Praise")[1].split("### Suggestions")
    assert "**Sam Okafor → Dana Reyes:** “Thanks Dana, this was really helpful.”" in praise
    assert "one suggestion" in suggestions and "one suggestion" not in praise


def test_action_items_are_grouped_by_owner():
    _, transcript, extraction = session("s01-proposal-followup")
    view = build_view(extraction, transcript)
    assert [g.owner for g in view.actions] == ["Sam Okafor", "Dana Reyes"]
    assert view.actions[0].items[0].due == "Mon 23 Nov 2026"


HOSTILE = "<script>alert('x')</script> & *bold* [link](http://evil)"


def hostile_extraction() -> Extraction:
    source = Provenance(segment=0, start=3.0, quote=HOSTILE)
    return Extraction(feedback=[Feedback("praise", "mentor", "mentee", HOSTILE, source)],
                      challenges=[Challenge("mentee", HOSTILE, source)])


@pytest.mark.parametrize("standalone", [False, True])
def test_html_escapes_user_text(standalone):
    transcript = parse_transcript({"participants": {"mentor": {"name": "<b>Eve</b>"}},
                                   "segments": [{"speaker": "mentor", "text": HOSTILE}]})
    out = render(hostile_extraction(), transcript, "html", title="<i>t</i>", standalone=standalone)
    assert "<script>" not in out and "<b>Eve</b>" not in out and "<i>t</i>" not in out
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *bold*" in out
    assert "&lt;b&gt;Eve&lt;/b&gt;" in out


def test_markdown_escapes_user_text():
    out = render(hostile_extraction(), None, "markdown")
    assert "<script>" not in out
    assert r"\<script\>alert('x')\</script\> \& \*bold\* \[link\](http://evil)" in out


def test_standalone_html_is_a_document_and_the_fragment_is_not():
    _, transcript, extraction = session()
    page = render(extraction, transcript, "html", standalone=True, title="Kick-off")
    fragment = render(extraction, transcript, "html", title="Kick-off")
    assert page.startswith("<!DOCTYPE html>") and "<title>Kick-off — Wed 14 Jan 2026, 10:00</title>" in page
    assert fragment.lstrip().startswith("<section") and "<html" not in fragment
    assert fragment.strip() in page
    assert "<script" not in page


@pytest.mark.parametrize("fmt", FORMATS)
def test_contract_minimum_metrics_render(fmt):
    metrics = {"talk_share": {"mentor": 0.55, "mentee": 0.45}, "questions": {"mentor": 4, "mentee": 2}}
    out = render(Extraction(metrics=metrics), None, fmt)
    assert "55%" in out and "45%" in out and "No conversation metrics." not in out


def test_talk_bar_widths_add_up_to_a_hundred_percent():
    _, transcript, extraction = session()
    out = render(extraction, transcript, "html")
    widths = [int(w) for w in re.findall(r"<td style=\"width:(\d+)%", out)]
    assert len(widths) == 2 and sum(widths) == 100


def test_user_template_directory_overrides_and_extends_the_package(tmp_path):
    (tmp_path / "recap.txt.j2").write_text("Recap for {{ recap.title }}: "
                                           "{{ recap.actions | length }} owners\n")
    (tmp_path / "recap.html.j2").write_text(
        '{% extends "companion/recap.html.j2" %}{% block balance %}<p>hidden</p>{% endblock %}')
    _, transcript, extraction = session()
    assert render(extraction, transcript, "text", template_dir=tmp_path, title="X") == \
        "Recap for X: 2 owners\n"
    html = render(extraction, transcript, "html", template_dir=tmp_path)
    assert "<p>hidden</p>" in html and "Conversation balance" not in html
    assert "Action items" in html
    page = render(extraction, transcript, "html", template_dir=tmp_path, standalone=True)
    assert "<p>hidden</p>" in page
    assert "Conversation balance" in render(extraction, transcript, "markdown", template_dir=tmp_path)


def test_bad_requests_raise_one_line_render_errors(tmp_path):
    with pytest.raises(RenderError, match="unknown recap format 'pdf'"):
        render(Extraction(), None, "pdf")  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="does not exist"):
        render(Extraction(), None, "text", template_dir=tmp_path / "missing")
    (tmp_path / "recap.md.j2").write_text("{% for x in %}\n")
    with pytest.raises(RenderError) as broken:
        render(Extraction(), None, "markdown", template_dir=tmp_path)
    assert "line 1" in str(broken.value) and "\n" not in str(broken.value)
    (tmp_path / "recap.txt.j2").write_text("{{ recap.no_such_field }}\n")
    with pytest.raises(RenderError, match="no_such_field"):
        render(Extraction(), None, "text", template_dir=tmp_path)


@pytest.mark.parametrize("value, expected", [
    ("2026-11-23", "Mon 23 Nov 2026"),
    ("2026-12-04T10:00", "Fri 4 Dec 2026, 10:00"),
    (datetime(2026, 3, 10, 9, 30), "Tue 10 Mar 2026, 09:30"),
    (datetime(2026, 3, 10), "Tue 10 Mar 2026"),
    (None, ""),
])
def test_human_dates(value, expected):
    assert human_date(value) == expected


def test_markdown_escape_keeps_one_line_and_neutralises_list_starts():
    assert markdown_escape("- first\nsecond") == r"\- first second"
    assert markdown_escape("1. one") == r"1\. one"


def test_names_default_to_roles_and_both_owners_read_naturally():
    _, transcript, extraction = session("s01-proposal-followup")
    item = replace(extraction.action_items[0], owner="both")
    view = build_view(replace(extraction, action_items=[item]), transcript)
    assert view.actions[0].owner == "Dana Reyes and Sam Okafor"
    assert build_view(replace(extraction, action_items=[item])).actions[0].owner == "Both"
    assert build_view(extraction).praise[0].giver == "Mentor"
