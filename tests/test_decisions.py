"""Decisions about working together: topics, where they are reached, and what is no decision."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from summaries.decisions import extract_decisions
from summaries.text import build_context
from summaries.transcript import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
OWN_CASES = ROOT / "tests" / "data" / "feedback_cases"


def context(*turns: tuple[str, str]):
    return build_context(parse_transcript(
        {"segments": [{"speaker": s, "text": t} for s, t in turns]}))


def decided(*turns: tuple[str, str]) -> list[tuple[str, int]]:
    return [(d.topic, d.source.segment) for d in extract_decisions(context(*turns))]


@pytest.mark.parametrize("text, topic", [
    ("Let's use WhatsApp for quick stuff and email for anything with attachments.", "channels"),
    ("I'll always reply within 24 hours, even if it's just to say I've seen it.", "response_time"),
    ("Let's meet once a month, an hour each time.", "cadence"),
    ("Let's focus our sessions on leadership skills this year.", "scope"),
    ("Whatever you tell me here stays between us.", "confidentiality"),
    ("You own the agenda and your goals; I'll give you honest feedback.", "roles"),
    ("If either of us needs to cancel, let's give a day's notice.", "other"),
])
def test_a_rule_stated_firmly_is_a_decision_where_stated(text, topic):
    assert decided(("mentee", "Okay."), ("mentor", text)) == [(topic, 1)]


def test_a_proposal_is_decided_where_the_other_accepts_it():
    turns = (("mentor", "How often should we meet?"),
             ("mentee", "Could we try every three weeks?"),
             ("mentor", "Sure, that works."))
    items = extract_decisions(context(*turns))
    assert [(d.topic, d.source.segment, d.source.quote) for d in items] == [
        ("cadence", 2, "Sure, that works.")]
    assert "every three weeks" in items[0].text


def test_an_acceptance_that_restates_the_proposal_is_quoted():
    turns = (("mentee", "Maybe we do quick questions over Signal instead of email?"),
             ("mentor", "Yes, Signal is fine for quick things."))
    assert [(d.topic, d.source.segment, d.source.quote) for d in extract_decisions(context(*turns))] \
        == [("channels", 1, "Yes, Signal is fine for quick things.")]


def test_a_declined_proposal_is_no_decision():
    turns = (("mentor", "Should we meet weekly?"),
             ("mentee", "No, weekly is too much with my shifts."),
             ("mentor", "Fair enough, let's talk about the rota."))
    assert decided(*turns) == []


def test_a_counter_proposal_is_decided_once_where_accepted():
    turns = (("mentor", "How about weekly calls, thirty minutes?"),
             ("mentee", "Weekly might be hard. Could we do every other week?"),
             ("mentor", "Every other week works."))
    assert decided(*turns) == [("cadence", 2)]


def test_an_unanswered_proposal_is_no_decision():
    assert decided(("mentor", "Should we switch to text for quick things?"),
                   ("mentee", "Oh, before I forget, I finished the report.")) == []


@pytest.mark.parametrize("text", [
    "Email me the doc, it's easier to comment on.",
    "I'll see you in two weeks.",
    "My weekly report is due Friday.",
    "Between you and me, the reorg is a mess.",
    "Let's focus on the budget for now.",
])
def test_not_decisions(text):
    assert decided(("mentee", "Okay."), ("mentor", text)) == []


def test_one_turn_with_several_topics_gives_one_decision_each_with_its_own_clauses():
    turn = "Slack for quick questions, email for documents, and let's both reply within one working day."
    items = extract_decisions(context(("mentor", turn)))
    assert [(d.topic, d.text) for d in items] == [
        ("channels", "Slack for quick questions, email for documents."),
        ("response_time", "Let's both reply within one working day.")]
    assert all(d.source.quote == turn for d in items)


def test_a_turn_split_into_segments_is_read_as_one_turn():
    turns = (("mentee", "How should I reach you between calls?"),
             ("mentor", "Slack for quick things."),
             ("mentor", "And email for anything longer."))
    items = extract_decisions(context(*turns))
    assert [(d.topic, d.source.segment) for d in items] == [("channels", 1)]
    assert items[0].text == "Slack for quick things. Email for anything longer."


def test_cadence_in_unpunctuated_speech():
    turns = (("mentor", "lets keep these check ins to thirty minutes on tuesdays if that works"),
             ("mentee", "yes tuesdays work for me"))
    assert decided(*turns) == [("cadence", 1)]


def _recall_and_precision(directory: Path) -> tuple[float, float]:
    """A label is found by a decision within one turn (and of its topic, when labelled)."""
    found = expected = predicted = near = 0
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".truth.json"):
            continue
        conversation = json.loads(path.read_text())
        ctx = build_context(parse_transcript({"segments": [
            {"speaker": t["speaker"], "text": t["text"]} for t in conversation["turns"]]}))
        items = extract_decisions(ctx)
        labels = conversation["expected"]["decisions"]

        def matches(item, label) -> bool:
            return abs(item.source.segment - label["turn"]) <= 1 and \
                label.get("topic", item.topic) == item.topic

        found += sum(any(matches(i, label) for i in items) for label in labels)
        near += sum(any(matches(i, label) for label in labels) for i in items)
        expected += len(labels)
        predicted += len(items)
    return found / expected, near / predicted


@pytest.mark.parametrize("directory", [SESSIONS, OWN_CASES], ids=["shared-sessions", "own-cases"])
def test_decisions_on_labelled_conversations(directory):
    recall, precision = _recall_and_precision(directory)
    assert recall >= 0.9
    assert precision >= 0.9


# ---------------------------------------------------------------- phrasings from blind-written conversations

@pytest.mark.parametrize("text, topic", [
    ("Anything about the crew, let's keep that to phone calls, not texts.", "channels"),
    ("If something's urgent, just text me.", "channels"),
    ("For sources, we only talk on Signal, not email.", "channels"),
    ("Message me on LinkedIn, that's where I see things first.", "channels"),
    ("Let's make publishing the standing first item each time.", "scope"),
    ("Let's keep the sessions focused on the job search for now.", "scope"),
    ("Let's put everything in one shared Drive folder.", "other"),
])
def test_more_rules_stated_firmly(text, topic):
    assert decided(("mentee", "Okay."), ("mentor", text)) == [(topic, 1)]


def test_a_frequency_proposed_for_us_is_about_meeting():
    turns = (("mentor", "Monthly's not enough right now. Should we go every two weeks until the exam?"),
             ("mentee", "Yes, every two weeks until the exam works for me."))
    assert decided(*turns) == [("cadence", 1)]


def test_a_reservation_followed_by_a_firm_proposal_proposes():
    turns = (("mentee", "how often should we do these calls is every week too much"),
             ("mentor", "every week is a lot for both of us let's do every two weeks on mondays"))
    assert decided(*turns) == [("cadence", 1)]


@pytest.mark.parametrize("text", [
    "Send one message on Signal, tell him you'll protect his name.",
    "We do inventory every two weeks, it's a pain.",
    "Text me the photo later.",
])
def test_more_things_that_are_not_decisions(text):
    assert decided(("mentee", "Okay."), ("mentor", text)) == []


def test_a_recognisers_e_mail_reads_as_email():
    items = extract_decisions(context(("mentor", "Slack for quick things, e-mail for anything longer.")))
    assert [d.text for d in items] == ["Slack for quick things, email for anything longer."]


def test_going_back_to_a_channel_out_of_habit_is_no_rule():
    assert decided(("mentor", "Okay."), ("mentee", "Honestly, I keep going back to email.")) == []


# ------------------------------------------------- more ways to agree (issue 3)

@pytest.mark.parametrize("turns, topic, segment", [
    ((("mentor", "Can we keep this between us?"), ("mentee", "Of course.")), "confidentiality", 1),
    ((("mentor", "What we talk about doesn't leave this room."), ("mentee", "Good to know.")),
     "confidentiality", 0),
    ((("mentee", "how about we set up a shared doc where i drop questions"),
      ("mentor", "yeah that works for me")), "other", 1),
    ((("mentor", "Let's use the first ten minutes of each session for whatever's urgent."),
      ("mentee", "Yes, let's do that.")), "other", 0),
    ((("mentor", "I won't reply on weekends, just so you know."), ("mentee", "Totally fair.")),
     "response_time", 0),
    ((("mentor", "Let's stick to career questions in these calls, not your thesis content."),
      ("mentee", "That makes sense.")), "scope", 0),
    ((("mentor", "I'd like us to switch to fortnightly calls."), ("mentee", "Fine by me.")), "cadence", 1),
    ((("mentee", "Could we record these calls so I can rewatch them?"),
      ("mentor", "Sure, let's record them.")), "other", 1),
    ((("mentee", "Can I message you on WhatsApp?"), ("mentor", "WhatsApp works.")), "channels", 1),
    ((("mentor", "Let's stick with Google Meet for these."), ("mentee", "Fine.")), "channels", 0),
])
def test_agreements_in_general_phrasings(turns, topic, segment):
    assert (topic, segment) in decided(*turns)


def test_a_scope_question_is_decided_once_where_it_is_answered():
    found = extract_decisions(context(
        ("mentor", "Should these sessions cover fundraising only, or the team stuff too?"),
        ("mentee", "Fundraising only for now, let's keep the team stuff out of it."),
        ("mentor", "Agreed, fundraising only.")))
    assert [(d.topic, d.source.segment) for d in found] == [("scope", 1)]
    assert "Fundraising only" in found[0].text


@pytest.mark.parametrize("text", [
    "Every week someone calls out and I end up covering the dock myself.",
    "My manager wants weekly reports now.",
    "Let's focus on the budget for now.",
])
def test_frequencies_of_other_things_are_not_decisions(text):
    assert decided(("mentor", "Okay."), ("mentee", text)) == []


@pytest.mark.parametrize("turns, keyword", [
    ((("mentee", "Okay."), ("mentor", "Anything about the merger, let's keep it off email.")), "email"),
    ((("mentee", "Okay."), ("mentor", "For anything with client names, use the encrypted drive, not email.")), "drive"),
    ((("mentee", "Okay."), ("mentor", "Let's make the job search the main thing we talk about until you land "
                                      "something.")), "job search"),
    ((("mentee", "Okay."), ("mentor", "Let's spend the next few calls on your promotion case.")), "promotion"),
    ((("mentee", "How about we swap to Thursdays? Mondays are chaos for me."), ("mentor", "Thursdays work.")),
     "thursdays"),
    ((("mentee", "Okay."), ("mentor", "Whatever you say here doesn't get back to your boss.")), "boss"),
    ((("mentee", "Okay."), ("mentor", "I'm terrible with email, WhatsApp me instead.")), "whatsapp"),
    ((("mentee", "Okay."), ("mentor", "Let's give each other a day's notice if we need to move a session.")),
     "notice"),
    ((("mentee", "Okay."), ("mentor", "I'll answer texts within a couple of hours during the day.")),
     "couple of hours"),
    ((("mentee", "Okay."), ("mentor", "Don't expect replies on weekends, I switch off.")), "weekends"),
])
def test_working_rules_tucked_into_a_turn(turns, keyword):
    found = extract_decisions(context(*turns))
    assert any(keyword in d.text.lower() for d in found), [d.text for d in found]


@pytest.mark.parametrize("text", [
    "My manager only talks to me on Slack, not email.",
    "The client wants everything by phone, not email.",
    "It was a meeting, not a call, so I had to dress up.",
    "She said she'd never share the numbers with us.",
    "I gave my notice last week, two weeks' notice.",
])
def test_other_peoples_habits_and_past_events_are_not_agreements(text):
    assert decided(("mentor", "How's work?"), ("mentee", text)) == []


@pytest.mark.parametrize("proposal, answer", [
    ("Let's keep these calls to forty-five minutes from now on.", "Forty-five minutes suits me."),
    ("Then let's make every other session about leadership topics.", "Works for me."),
    ("Shall we switch to half-hour calls while you're this busy?", "Half an hour would be perfect."),
    ("Let's swap to a shared doc for updates between calls.", "A shared doc would be great."),
])
def test_an_arrangement_about_the_sessions_in_any_wording_is_decided_once(proposal, answer):
    found = decided(("mentor", proposal), ("mentee", answer))
    assert len(found) == 1 and found[0][1] in (0, 1), found


@pytest.mark.parametrize("proposal", [
    "Let's move on to your CV.",
    "Let's do that.",
    "Let's make sure the board sees the numbers first.",
])
def test_steering_the_conversation_is_no_arrangement(proposal):
    assert decided(("mentor", proposal), ("mentee", "Sure.")) == []


@pytest.mark.parametrize("text", [
    "Fair point. From now on I'll send the readings two days before we meet.",
    "Yes, two pages at most. That's our rule from now on.",
    "Good idea: every session starts with your latest site diary.",
    "Let's drop the case studies, and instead each session you bring one problem from your week.",
    "Sixty minutes, hard stop, I promise.",
    "Of course, video from now on.",
])
def test_a_standing_arrangement_is_a_decision(text):
    assert [turn for _, turn in decided(("mentee", "Okay."), ("mentor", text))] == [1]


@pytest.mark.parametrize("text", [
    "Sorry, I have a hard stop at noon today.",
    "From now on the warehouse opens at six.",
])
def test_a_schedule_of_ones_own_or_of_others_is_no_decision(text):
    assert decided(("mentee", "Morning!"), ("mentor", text)) == []
