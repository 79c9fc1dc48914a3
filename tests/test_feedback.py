"""Feedback extraction: praise versus constructive, who gave it to whom, and what is not feedback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from summaries.feedback import extract_feedback
from summaries.text import build_context
from summaries.transcript import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
OWN_CASES = ROOT / "tests" / "data" / "feedback_cases"


def context(*turns: tuple[str, str]):
    """A context from (speaker, text) turns, one segment each."""
    return build_context(parse_transcript(
        {"segments": [{"speaker": s, "text": t} for s, t in turns]}))


def kinds(*turns: tuple[str, str]) -> list[tuple[str, str, str, int]]:
    return [(f.kind, f.giver, f.receiver, f.source.segment)
            for f in extract_feedback(context(*turns))]


@pytest.mark.parametrize("text", [
    "Shipping the migration without a single rollback is a huge achievement.",
    "Honestly, I'm really impressed with how you ran that retro.",
    "You dealt with the angry customer really well.",
    "Your write-up of the incident was incredibly clear.",
    "The dashboard you built last sprint was excellent, really thorough.",
    "Great work on the budget model.",
    "you nailed the demo",
    "I love how you framed the trade-offs for the board.",
])
def test_mentor_praise(text):
    assert kinds(("mentee", "Here's what I did."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "One small suggestion: lead with the customer quote.",
    "Next time, open with the numbers and keep the story for the end.",
    "Have you considered pairing with someone from the platform team?",
    "It might help to write the three questions down before the meeting.",
    "I'd recommend sending the agenda a day earlier.",
    "You could try timeboxing the review to twenty minutes.",
    "Try blocking Friday afternoons for deep work.",
    "You spoke a bit too fast in the second half.",
    "Your intro was a bit long.",
    "Bring your data.",
    "For the demo, cut it to the three screens they asked about.",
    "Don't work weekends for this, it's too much.",
    "What worked for me was writing the outline as a numbered list first.",
])
def test_mentor_constructive(text):
    assert kinds(("mentee", "That's the plan."), ("mentor", text)) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text, kind", [
    ("Your advice about saying no to side projects really helped me.", "praise"),
    ("Honestly this session was super useful.", "praise"),
    ("The article you sent me last week was a game changer.", "praise"),
    ("Thanks for being so patient with me.", "praise"),
    ("I'd find it more useful if we looked at real examples from my week.", "constructive"),
    ("It would help me if you pushed back harder on my plans.", "constructive"),
    ("when you mark my drafts could you leave notes in the margin instead of rewriting the lines", "constructive"),
    ("Honestly, you can be blunter. I'd rather hear it from you than from the client.", "constructive"),
])
def test_mentee_feedback_on_the_mentoring(text, kind):
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == [(kind, "mentee", "mentor", 1)]


@pytest.mark.parametrize("text", [
    "Great, let's move on.",
    "Sounds good.",
    "Thanks!",
    "Okay perfect.",
    "That would be amazing.",
    "That's a great starting point.",
    "Good point, I hadn't thought of that.",
    "My manager said I did a great job on the launch.",
    "Priya has been doing a great job with the interns.",
    "I wasn't impressed with the vendor's proposal.",
    "I'd be impressed if they shipped on time.",
    "I'd suggest every two weeks for thirty minutes, on video.",
    "Can you send me the slides by Friday?",
    "Do you think it might help to talk to my manager first?",
    "Send me the deck by Friday.",
    "Ask her this week.",
    "Take care, and don't worry about it.",
    "Honestly, that would be worth it.",
    "I'll make sure to bring the numbers.",
])
def test_not_feedback(text):
    assert kinds(("mentor", "How did it go?"), ("mentee", "It went fine."), ("mentor", text)) == []


def test_praise_then_suggestion_in_one_turn_are_two_items_with_exact_quotes():
    turn = ("Well done on getting the grant in. One suggestion though: keep a template of the "
            "budget so next year is quicker.")
    items = extract_feedback(context(("mentee", "I submitted it."), ("mentor", turn)))
    assert [(f.kind, f.giver) for f in items] == [("praise", "mentor"), ("constructive", "mentor")]
    for item in items:
        assert item.source.quote in turn
        assert item.source.segment == 1
    assert items[0].source.quote == "Well done on getting the grant in."


def test_two_suggestions_in_one_turn_are_one_item_quoted_across_both():
    turn = "Next time, try a smaller pilot. Also, I'd recommend asking finance early."
    items = extract_feedback(context(("mentor", turn)))
    assert [(f.kind, f.source.quote) for f in items] == [("constructive", turn)]


def test_recognised_speech_without_punctuation():
    turn = "um yeah so you handled that meeting really well honestly and next time maybe try sharing the doc first"
    assert {(f.kind, f.giver) for f in extract_feedback(context(("mentor", turn)))} == {
        ("praise", "mentor"), ("constructive", "mentor")}


def test_a_turn_split_into_segments_gives_one_item_quoted_in_its_first_segment():
    segments = [("mentor", "Honestly, I was impressed."),
                ("mentor", "Your opening story grabbed me."),
                ("mentor", "You handled the questions really well too.")]
    items = extract_feedback(context(*segments))
    assert [(f.kind, f.source.segment, f.source.quote) for f in items] == [
        ("praise", 0, "Honestly, I was impressed.")]
    assert items[0].text == " ".join(text for _, text in segments)


def test_unknown_speaker_gives_feedback_to_unknown():
    items = extract_feedback(context(("unknown", "Well done on the launch.")))
    assert [(f.giver, f.receiver) for f in items] == [("unknown", "unknown")]


def _labelled(directory: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))
            if not p.name.endswith(".truth.json")]


def _f1(conversations: list[dict]) -> float:
    """Feedback F1: a match is the same kind and giver within one turn, one-to-one."""
    true_positive = predicted = expected = 0
    for conversation in conversations:
        ctx = build_context(parse_transcript({"segments": [
            {"speaker": t["speaker"], "text": t["text"]} for t in conversation["turns"]]}))
        items = extract_feedback(ctx)
        labels = conversation["expected"]["feedback"]
        used: set[int] = set()
        for label in labels:
            hit = next((i for i, f in enumerate(items) if i not in used and f.kind == label["kind"]
                        and f.giver == label["from"] and abs(f.source.segment - label["turn"]) <= 1),
                       None)
            if hit is not None:
                used.add(hit)
        true_positive += len(used)
        predicted += len(items)
        expected += len(labels)
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.parametrize("directory", [SESSIONS, OWN_CASES], ids=["shared-sessions", "own-cases"])
def test_feedback_f1_on_labelled_conversations(directory):
    conversations = _labelled(directory)
    assert conversations, f"no labelled conversations in {directory}"
    assert _f1(conversations) >= 0.85


# ---------------------------------------------------------------- phrasings from blind-written conversations

@pytest.mark.parametrize("text", [
    "Ninety-two! That's a huge jump from last term. You really put the hours in, and it shows.",
    "Forty tables on your own is a lot, and you kept the line moving, which is what matters.",
    "you answered every review comment really quickly which the team noticed",
    "This draft is much stronger than the last one.",
    "Going to HR first was a smart call.",
    "The mock-ups you showed me last week were really clear.",
    "You've handled the handover really well, Ruth.",
    "you have dealt with the complaints calmly",
    "Of the two layouts, the one you picked was the right one.",
])
def test_more_mentor_praise(text):
    assert kinds(("mentee", "Here's what I did."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "You spoke too quickly in the second half.",
    "You kept the room waiting for ten minutes.",
])
def test_critique_is_not_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "Here's what I did."), ("mentor", text))


def test_approval_of_an_achievement_just_reported_is_praise():
    assert kinds(("mentee", "Big news: I passed the licensing exam."), ("mentor", "That's fantastic!")) == [
        ("praise", "mentor", "mentee", 1)]


def test_approval_of_a_plan_is_only_enthusiasm():
    assert kinds(("mentee", "I can do Tuesday at ten."), ("mentor", "That's great.")) == []


@pytest.mark.parametrize("text", [
    "I'd gently push back on comparing yourself to the cohort.",
    "One thing I'd try: walk-in interviews on Saturday mornings.",
    "Your analysis was really thorough, but you read from the slides the whole time.",
    "For the certificate, book the exam now so there's a date to work toward.",
    "Next time it backs up, call the tickets in batches of three.",
    "for the ci stuff run the hooks locally before you push it saves you the round trip",
    "please don't burn yourself out over this you need your evenings",
    "Be calm and direct with the servers, but firm.",
    "Try not to apologise for every delay.",
    "Instead of emailing him again, call him.",
    "It'd be worth asking finance for last year's numbers.",
    "okay try to keep it to ten hours a week shall we meet again in two weeks",
    "Here's a rule of thumb that works: price the labour first, then the materials.",
    "honestly the way i'd do it is split the report into three parts and do the summary last",
    "I'd start with the customer's problem, not your company history.",
    "The layout works. But it reads like a brochure, not a proposal.",
    "Where you could improve is the pacing: you rushed the last three slides.",
])
def test_more_mentor_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "That's the plan."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "That trick you showed me, starting with the biggest one, honestly that's what made it click.",
    "The framework you gave me last time, the one-reader thing, has really helped me write the intro.",
    "thank you honestly talking to you always makes these weeks feel less impossible",
    "Thanks, the pounds-per-dollar idea alone made this call worth it.",
    "The way you walked me through the records requests, one at a time, that's the only reason I got them.",
    "this is the first time somebody explained the civilian side in a way that made sense",
    "Thanks so much, Alan, you've been incredibly supportive.",
    "And thank you for being so honest about the portfolio.",
    "Thanks for the pricing tip, I'd have undercharged again.",
    "Honestly, the checklist idea unblocked me.",
    "I've really valued your patience this term.",
    "Thanks, the trick about reading the brief out loud to the client is going to make a real difference.",
    "Honestly, you've really helped me see what my time is worth.",
    "The pricing chat alone was worth the whole afternoon.",
    "Thanks. The read-it-aloud thing is going to change how I revise.",
])
def test_more_mentee_appreciation(text):
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == [("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("text", [
    "My sister's advice really helped me.",
    "The new tool made things easier for the whole team.",
    "You told me to wait, but it didn't help.",
    "The budget conversation with Alan on Monday, and the rota with Farah's help.",
])
def test_help_from_others_is_not_appreciation_of_the_mentor(text):
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == []


@pytest.mark.parametrize("text, praise", [
    ("I really appreciate you giving up your Friday evening for this.", False),
    ("Thanks, I appreciate you making the time so early.", False),
    ("I appreciate your time, honestly.", False),
    ("I really appreciate you pushing me on the pricing.", True),
])
def test_thanks_for_the_mentors_time_is_not_feedback_on_the_mentoring(text, praise):
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == (
        [("praise", "mentee", "mentor", 1)] if praise else [])


def test_mentee_feedback_on_how_the_sessions_are_spent():
    text = "Could we maybe spend a bit less time on the day-to-day stuff in these calls?"
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == [("constructive", "mentee", "mentor", 1)]


@pytest.mark.parametrize("turns", [
    [("mentee", "Should I also run it past Dr Kim?"), ("mentor", "Yeah, definitely loop her in.")],
    [("mentee", "Okay."), ("mentor", "Of course, bring a job description next time and we'll do a mock.")],
    [("mentee", "Sure."), ("mentor", "I'll set up a mock panel so you can practise defending the model.")],
    [("mentee", "I know."),
     ("mentor", "That segment build was excellent. Don't let one question erase that.")],
    [("mentor", "Can you get registered?"), ("mentee", "Yeah, consider it done.")],
    [("mentee", "How do we stay in touch?"), ("mentor", "For anything longer, send an email.")],
])
def test_more_things_that_are_not_constructive(turns):
    assert [k for k in kinds(*turns) if k[0] == "constructive"] == []


@pytest.mark.parametrize("text", [
    "When I was at the agency, review cycles were brutal.",
    "After the launch, work got crazy for everyone.",
])
def test_a_noun_after_a_scene_setting_clause_is_no_imperative(text):
    assert kinds(("mentee", "How was it for you?"), ("mentor", text)) == []


# ------------------------------------------------- general speech acts (issue 3, generalisation)

@pytest.mark.parametrize("text", [
    "Honestly, finishing module four while working nights is really impressive.",
    "Getting the narrative done two weeks early is a big deal.",
    "That took guts.",
    "I love that you pushed back.",
    "That's exactly the kind of initiative they want to see.",
    "Your slides were much cleaner this time.",
    "Good on you for asking.",
    "Well handled.",
    "You made the right call.",
    "You're getting really good at this.",
    "By the way, the way you handled the incident, stopping the line straight away, was exactly right.",
    "That was a really mature way to handle it.",
])
def test_praise_judging_what_the_listener_did(text):
    assert kinds(("mentee", "So I finished the draft and sent it on Monday."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "One thing I'd try is a short huddle before each shift.",
    "What if you had each senior pair with a junior for the last month?",
    "One small note, though: ask the publisher before you post the spreads.",
    "Maybe try a coworking day once a week.",
    "My one critique is that the intro runs long.",
    "A good rule of thumb is to send the agenda a day ahead.",
    "Could you try leading with the outcome?",
    "Why not start with the customer story?",
    "How about sharing the draft earlier next time?",
    "The intro could be tighter.",
    "I'd love to see you speak up more in those meetings.",
    "Rather than apologising, just state the facts.",
    "I think you'd get further if you asked for the data first.",
    "It's worth asking HR about that.",
    "I'd think about splitting it into two emails.",
    "one thing you could do is block your calendar on fridays",
])
def test_indirect_suggestions_are_constructive(text):
    assert kinds(("mentee", "So I finished the draft and sent it on Monday."), ("mentor", text)) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text, kind", [
    ("Having someone who's done the job makes me feel less alone in it.", "praise"),
    ("I really appreciated you sharing your own audit story.", "praise"),
    ("The consultation advice last time really made a difference.", "praise"),
    ("This was exactly what I needed today.", "praise"),
    ("I'd love more concrete examples in our sessions.", "constructive"),
    ("One thing that would help me is more time on interview practice.", "constructive"),
    ("Sometimes you jump straight to the solution, and I'd get more out of it if you let me think "
     "out loud first.", "constructive"),
])
def test_more_mentee_feedback_on_the_mentoring(text, kind):
    assert kinds(("mentor", "Anything else on your mind?"), ("mentee", text)) == [
        (kind, "mentee", "mentor", 1)]


@pytest.mark.parametrize("speaker, text", [
    ("mentor", "Great, okay. Let's move on, how's the book?"),
    ("mentor", "I'd suggest every two weeks."),
    ("mentor", "I was impressed by her talk."),
    ("mentee", "That helps to hear."),
    ("mentor", "Glad it helps."),
    ("mentor", "Nice to see you."),
    ("mentor", "I'd have liked to, but June is packed."),
    ("mentee", "I should have asked earlier."),
])
def test_fillers_and_others_are_not_feedback(speaker, text):
    other = "mentee" if speaker == "mentor" else "mentor"
    assert kinds((other, "So I finished the draft and sent it on Monday."), (speaker, text)) == []


@pytest.mark.parametrize("text", [
    "You clearly did the work, and it shows.",
    "The research question is so much sharper now.",
    "Honestly, the fact that you quantified everything is great.",
    "Under two percent? That's real work.",
    "Your model was the cleanest I've seen this year.",
    "Most people wouldn't have thought of that.",
    "Your publication record, incidentally, is considerably stronger than you give yourself credit for.",
    "You should be really pleased.",
])
def test_praise_in_a_mentors_own_words(text):
    assert kinds(("mentee", "So I finished the draft and sent it on Monday."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "I'd gently challenge the idea that you're behind.",
    "The one change I'd make is to cut the intro.",
    "What might help is writing the stories out first.",
    "A trick that works for me is writing the ask in the subject line.",
    "okay so one idea ask your lead if you can own one of the small bugs",
])
def test_suggestions_in_a_mentors_own_words(text):
    assert kinds(("mentee", "So I finished the draft and sent it on Monday."), ("mentor", text)) == [
        ("constructive", "mentor", "mentee", 1)]


# ---------------------------------------------------------------- speech acts in unseen wordings

_REPORT = ("mentee", "So I rebuilt the budget model and sent it to the board on Monday.")


@pytest.mark.parametrize("text", [
    "The budget model you built was honestly gorgeous.",
    "You cut the deck to ten slides, and that was a smart call.",
    "That was a bold move, and it paid off.",
    "The way you restructured the appendix was exactly what the board needed.",
    "I'm really proud of how you handled the finance director.",
    "Top effort.",
    "One of the tightest models I've read this year.",
    "you split it into tabs which made the review so much easier",
])
def test_praise_is_an_evaluation_of_what_the_listener_did(text):
    assert kinds(_REPORT, ("mentor", text)) == [("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "That's a great goal.",
    "Sounds good, let's move on.",
    "Love it. What's next?",
    "My old boss built a brilliant model once.",
    "If you'd sent it a week earlier it would have been perfect.",
    "The venue was lovely, by the way.",
    "Great, thanks for the update.",
])
def test_enthusiasm_anecdotes_and_hypotheticals_are_not_praise(text):
    assert [k for k in kinds(_REPORT, ("mentor", text)) if k[0] == "praise"] == []


@pytest.mark.parametrize("text", [
    "Swap the order: lead with the numbers, then the story.",
    "Next quarter, delegate your weekly report to Sam.",
    "You could record yourself and listen back.",
    "I wonder if a shorter intro would land better.",
    "In your shoes I'd ask for the budget in writing.",
    "You tend to bury the ask at the end of your emails.",
    "try pausing before you answer the hard questions",
    "Knock the jargon on the head, it's too dense.",
    "Have a word with the controller before the meeting.",
])
def test_advice_is_a_directive_by_its_shape(text):
    assert kinds(_REPORT, ("mentor", text)) == [("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "Take care, and good luck on Friday.",
    "See you next week.",
    "Go for it!",
    "Send me the deck by Friday.",
    "When I was a junior, my manager told me to always carry a notebook.",
    "Scratch that, we covered it last time.",
    "Wednesday the 6th at three works.",
    "Glad it helped.",
    "Test, test, can you hear me?",
])
def test_formulae_tasks_and_anecdotes_are_not_advice(text):
    assert [k for k in kinds(_REPORT, ("mentor", text)) if k[0] == "constructive"] == []


@pytest.mark.parametrize("text", [
    "Talking it through with you always clears my head.",
    "Your reframe about the promotion really helped.",
    "Honestly, these chats keep me sane.",
    "You're a brilliant sounding board.",
])
def test_the_mentees_appreciation_of_the_mentoring_is_praise(text):
    assert kinds(("mentor", "How was the week?"), ("mentee", text)) == [("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("text", [
    "That helps to know.",
    "It would help if the team had more budget.",
    "My sister's mentor was a huge help to her.",
])
def test_not_appreciation_of_the_mentoring(text):
    assert [k for k in kinds(("mentor", "How's the team?"), ("mentee", text)) if k[0] == "praise"] == []


def test_the_mentee_may_ask_for_more_of_something_in_the_sessions():
    assert kinds(("mentor", "Anything to change about these calls?"),
                 ("mentee", "Could you share more of your own mistakes?")) == [
        ("constructive", "mentee", "mentor", 1)]


def test_praise_before_a_critique_is_kept_beside_it():
    assert kinds(_REPORT, ("mentor", "Your summary was good. But you buried the decision, put it first.")) == [
        ("praise", "mentor", "mentee", 1), ("constructive", "mentor", "mentee", 1)]


# ---------------------------------------------------------------- speech acts, not phrasings (c41-c50 round)

@pytest.mark.parametrize("turns, expected", [
    ((("mentee", "I ran the incident and purged every inbox by nine fifteen."),
      ("mentor", "An hour from report to purge is excellent. Your write-up was thin though.")),
     [("praise", "mentor", "mentee", 1), ("constructive", "mentor", "mentee", 1)]),
    ((("mentor", "I listened to the rough cut you sent on Monday."), ("mentee", "And?"),
      ("mentor", "The cold open is a brilliant hook.")), [("praise", "mentor", "mentee", 2)]),
    ((("mentor", "I read your bid. The budget table needs work, the staff costs don't add up."),),
     [("constructive", "mentor", "mentee", 0)]),
    ((("mentor", "I'd just tighten the recording of that visit."),), [("constructive", "mentor", "mentee", 0)]),
    ((("mentor", "Next year, think about entering it in the national show."),),
     [("constructive", "mentor", "mentee", 0)]),
    ((("mentee", "He skips the sanitising steps when I'm not watching."),
      ("mentor", "Have you sat down with him and explained why they matter?")),
     [("constructive", "mentor", "mentee", 1)]),
    ((("mentee", "When I ask you something, you tend to give me the answer straight away."),),
     [("constructive", "mentee", "mentor", 0)]),
    ((("mentor", "Good. That's fine."),
      ("mentee", "The only thing is, sometimes you sort of drift into war stories and I lose track a bit.")),
     [("constructive", "mentee", "mentor", 1)]),
    ((("mentor", "Good. That's fine."), ("mentee", "But, um, sometimes you jump in with the answer too quickly.")),
     [("constructive", "mentee", "mentor", 1)]),
    ((("mentee", "Sometimes you need to let the client talk first."),), []),
    ((("mentee", "Also, can I say, the notes you send after our calls are really useful."),),
     [("praise", "mentee", "mentor", 0)]),
    ((("mentee", "I don't think I'd have got this far without your notes."),), [("praise", "mentee", "mentor", 0)]),
])
def test_acts_by_their_shape(turns, expected):
    assert kinds(*turns) == expected


@pytest.mark.parametrize("turns", [
    (("mentor", "Start with the incident."),),
    (("mentor", "Half a page is a start."),),
    (("mentee", "I went to the conference."), ("mentor", "The venue was lovely.")),
])
def test_not_feedback_by_shape(turns):
    assert kinds(*turns) == []


@pytest.mark.parametrize("turns, expected", [
    # others' notice of the listener's work, a discourse "if anything" is no hypothesis
    ((("mentee", "I chaired the supplier review on Monday."),
      ("mentor", "If anything, the whole panel noticed how firmly you held the line on price.")),
     [("praise", "mentor", "mentee", 1)]),
    ((("mentor", "The grant summary you drafted reached the board."), ("mentee", "Oh no."),
      ("mentor", "People noticed.")), [("praise", "mentor", "mentee", 2)]),
    ((("mentor", "Your onboarding checklist didn't go unnoticed."),), [("praise", "mentor", "mentee", 0)]),
    # the work used as a model, and set apart from what most people do
    ((("mentor", "We've circulated your risk log to the other sites as a template."),),
     [("praise", "mentor", "mentee", 0)]),
    ((("mentor", "Most trainees list the symptoms, but yours actually argued for a diagnosis."),),
     [("praise", "mentor", "mentee", 0)]),
    # a verdict the listener asked for, and a bare verdict later in the same review
    ((("mentee", "I sent you the lesson plan. Was it too long?"),
      ("mentor", "The pacing is solid and that's rare in a first plan.")), [("praise", "mentor", "mentee", 1)]),
    ((("mentor", "I read the essay you submitted."), ("mentee", "Was it okay? I rushed the ending a bit."),
      ("mentor", "The argument is clear and that's rare."), ("mentee", "Phew."),
      ("mentor", "And the diagram on page two, superb.")),
     [("praise", "mentor", "mentee", 2), ("praise", "mentor", "mentee", 4)]),
    # help proposed as a question after a difficulty, an imperative after an unpunctuated "ok"
    ((("mentee", "I'm the only one doing the night audits and I'm exhausted."),
      ("mentor", "Is there anyone on days who could cover one audit a week?")),
     [("constructive", "mentor", "mentee", 1)]),
    ((("mentor", "yeah i know the feeling right ok batch the small tickets into one afternoon"),),
     [("constructive", "mentor", "mentee", 0)]),
    # the mentee on the mentoring: its effect, its pace, a habit, a change in practice
    ((("mentee", "Your tip about timeboxing the inbox, honestly it worked, I'm clear by ten now."),),
     [("praise", "mentee", "mentor", 0)]),
    ((("mentee", "These calls have made me far less anxious about presenting."),),
     [("praise", "mentee", "mentor", 0)]),
    ((("mentee", "Maybe you could explain things a little slower for me?"),),
     [("constructive", "mentee", "mentor", 0)]),
    ((("mentee", "When you use a lot of jargon, I get lost."),), [("constructive", "mentee", "mentor", 0)]),
    ((("mentee", "Maybe just email me the main points afterwards."),), [("constructive", "mentee", "mentor", 0)]),
    ((("mentee", "One thing about our sessions."), ("mentor", "Go on.")),
     [("constructive", "mentee", "mentor", 0)]),
])
def test_indirect_acts(turns, expected):
    assert kinds(*turns) == expected


@pytest.mark.parametrize("turns", [
    # a real hypothesis, others' work, a request, a polite deferral, praise of a third party
    (("mentor", "If the panel noticed the gap, they didn't say."),),
    (("mentor", "Everyone noticed the new coffee machine."),),
    (("mentor", "They used the old deck as a template."),),
    (("mentee", "Shall we cover the budget now or leave it for next time?"), ("mentee", "Next time, if that's okay.")),
    (("mentee", "Is there anyone who could cover my shift?"), ("mentor", "Not that I know of.")),
    (("mentor", "I read the report you sent."), ("mentee", "Was it okay?"),
     ("mentor", "The finance team's section, brilliant, they really pulled it together.")),
    (("mentee", "One thing about our sessions I really love is the homework."),),
    (("mentor", "so yeah the release went out ok send me the notes"),),
])
def test_indirect_acts_not_feedback(turns):
    assert kinds(*turns) == []


# ---------------------------------------------------------------- shapes from the session-7 fresh conversations

@pytest.mark.parametrize("text", [
    "Where I'd push you a bit is the handover note.",
    "One thing that might work better is a single page with the three open risks.",
    "The last section lost me a bit, there were too many numbers.",
    "My one bit of advice: put a date next to every step.",
    "If I were starting out again, I'd ask for one-to-ones with the partners first.",
    "I wonder if you're taking too much on yourself.",
    "The auditor sent it back last time, so keep it short and cite the standard.",
    "the invoice bounced so just put the job number in the subject line",
    "if i were you i'd get a couple of volunteers to do the admin",
])
def test_advice_as_a_push_a_hedge_or_a_lapse(text):
    assert kinds(("mentee", "That's where it stands."), ("mentor", text)) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "Two hundred sign-ups in a week, you should be proud of that.",
    "Passing the practical first time is good going.",
    "A clean audit in your first quarter is not nothing.",
    "You told the client no and held the line. That's exactly what a senior does.",
    "And she stopped copying her boss in. That tells you she trusts you now.",
])
def test_verdicts_on_what_the_listener_did(text):
    assert kinds(("mentee", "So that's how the month went."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "Thanks, that tip about reading the card against the manual is going to save me a lot of grief.",
    "the rota idea like really helps",
    "The advice about the budget really takes the pressure off.",
    "The mock interviews you set up were honestly the most useful thing this year.",
    "These calls are the most useful hour of my week.",
    "You're a really good explainer.",
    "You always talk me down when I panic.",
    "The way you make me say the plan out loud really helps me see the gaps.",
])
def test_the_mentee_naming_what_the_mentoring_does(text):
    assert kinds(("mentor", "Anything else?"), ("mentee", text)) == [
        ("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("turns", [
    [("mentee", "I'd be proud of that if it happens."), ("mentor", "It would be good going if it did.")],
    [("mentor", "How was the course?"), ("mentee", "The tips from the trainer really helped.")],
    [("mentor", "Shall we say Tuesday?"), ("mentee", "Maybe we could do Wednesday instead.")],
])
def test_hypothetical_verdicts_others_help_and_plans_are_not_feedback(turns):
    assert [k for k in kinds(*turns) if k[1] == turns[-1][0]] == []


def test_the_mentee_asking_to_change_sessions_that_overrun():
    turns = [("mentor", "Anything about these calls?"),
             ("mentee", "The notes are great, but we always run way over. Maybe we could keep "
                        "them to thirty minutes.")]
    assert ("constructive", "mentee", "mentor", 1) in kinds(*turns)
    moved = [("mentor", "Anything else?"),
             ("mentee", "the only thing is we've rescheduled three times so maybe once we book "
                        "one we could actually keep it")]
    assert kinds(*moved) == [("constructive", "mentee", "mentor", 1)]


@pytest.mark.parametrize("text", [
    "That's great, keep it up.",
    "Brilliant, keep it going.",
    "Great, give yourself a pat on the back.",
    "Tuesday at ten then, put it in your diary.",
    "Lovely, make the most of the holiday.",
])
def test_encouragement_and_logistics_after_a_lead_in_are_not_advice(text):
    assert [k for k in kinds(("mentee", "I got the promotion."), ("mentor", text))
            if k[0] == "constructive"] == []


@pytest.mark.parametrize("text", [
    "Your site manager rang me on Friday and said he's never had a handover run as smoothly.",
    "The head of finance told me your model was the first time the board understood the cash flow.",
    "She emailed me asking for you by name on the next audit.",
    "He forwarded your write-up to the whole department as the example of how to do it.",
])
def test_praise_reported_from_someone_else(text):
    assert kinds(("mentee", "How did it land?"), ("mentor", text)) == [("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "The client said the invoice was late again.",
    "She told me the project never got its funding.",
])
def test_reports_that_praise_nobody_are_not_feedback(text):
    assert kinds(("mentee", "Any news?"), ("mentor", text)) == []


@pytest.mark.parametrize("turn", [
    "Last spring you were rewriting every email three times. This time you sent it in ten minutes.",
    "Your audits a year ago were checklists and nothing else. This one tells me what to fix first.",
    "That's not luck, that's six months of you practising the pitch.",
    "Twenty sign-ups in a week. That's down to you.",
])
def test_progress_noticed_and_credit_given_are_praise(turn):
    assert [k[0] for k in kinds(("mentee", "It went okay I think."), ("mentor", turn))] == ["praise"]


def test_a_past_without_a_present_is_not_praise():
    assert kinds(("mentee", "I'm stuck."), ("mentor", "Last year you were stuck on the same report.")) == []


@pytest.mark.parametrize("turn", [
    "When I started as a charge nurse I tried to fix every rota gap myself. What I did in the end was "
    "publish the gaps and let people pick.",
    "In my first year I answered every email the minute it came in. Since then I batch them twice a day. "
    "Would that work for you?",
])
def test_a_story_told_for_its_lesson_is_advice(turn):
    assert [k[0] for k in kinds(("mentee", "I can't keep up."), ("mentor", turn))] == ["constructive"]


def test_a_story_without_a_lesson_is_not_advice():
    assert kinds(("mentee", "I messed up the estimate."),
                 ("mentor", "When I started I messed up estimates all the time. It was awful.")) == []


def test_what_would_it_look_like_is_advice():
    assert kinds(("mentee", "I keep skipping the team lunches."),
                 ("mentor", "What would it look like if you went to tomorrow's, just for half an hour?")) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text, expected", [
    ("The most helpful bit is when you walk me through your own drafts.", ["praise"]),
    ("Honestly the part that helped me most was when you sat in on my ward round.", ["praise"]),
    ("I'd like fewer of the theory chats and more of the case reviews.", ["constructive"]),
    ("It would be easier for me if you sent the readings the day before.", ["constructive"]),
    ("One thing that would help me: could you tell me yourself when you can't make it?", ["constructive"]),
    ("Thanks for being so candid about your own first job.", ["praise"]),
])
def test_the_mentee_on_what_helps_and_what_to_change(text, expected):
    assert [k[0] for k in kinds(("mentor", "How are these calls going for you?"), ("mentee", text))] == expected


@pytest.mark.parametrize("turns", [
    [("mentor", "She's in on Tuesdays."), ("mentee", "Thanks, that helps.")],
    [("mentee", "I finished the pilot."), ("mentor", "Take the credit, you earned it.")],
    [("mentor", "How are you finding these calls? Be honest.")],
    [("mentee", "So, next time, same time in two weeks?")],
    [("mentor", "Sit a full mock exam in a fortnight and send me your answers.")],
])
def test_thanks_formulae_and_dated_tasks_are_not_feedback(turns):
    assert kinds(*turns) == []


def test_a_third_partys_meeting_is_not_meeting_logistics():
    assert kinds(("mentor", "The residents' group meets at the library every month, you should go.")) == [
        ("constructive", "mentor", "mentee", 0)]


@pytest.mark.parametrize("answer, expected", [
    ("Honestly they've been really helpful. Could we sometimes do them on site, though?",
     [("praise", 0), ("constructive", 1)]),
    ("They're good. The only thing is they start late most weeks.", [("praise", 0), ("constructive", 1)]),
    ("yeah super useful i'd like a bit more time on the practical stuff", [("praise", 0), ("constructive", 0)]),
])
def test_the_mentees_answer_on_how_the_sessions_go_is_feedback(answer, expected):
    found = extract_feedback(context(("mentor", "How are you finding these sessions, honestly?"),
                                     ("mentee", answer)))
    assert [(f.kind, f.giver) for f in found] == [(k, "mentee") for k, _ in expected]


@pytest.mark.parametrize("question", [
    "Anything you want to tell me about how I'm doing as your mentor?",
    "so is there anything you want to say about how these calls are going",
])
@pytest.mark.parametrize("answer", [
    "You're great on the kit side. But when you text back one word, I never know if you're cross.",
    "the site visits are brilliant i just forget half of it by the time i'm home",
])
def test_what_the_mentoring_makes_hard_answering_how_it_goes_is_constructive(question, answer):
    found = extract_feedback(context(("mentor", question), ("mentee", answer)))
    assert ("constructive", "mentee") in [(f.kind, f.giver) for f in found]


def test_what_the_mentoring_makes_easier_is_no_critique():
    found = extract_feedback(context(("mentor", "How are these calls going for you?"),
                                     ("mentee", "They're good. It makes me feel way less stupid.")))
    assert "constructive" not in [f.kind for f in found]


@pytest.mark.parametrize("text", [
    "That's miles better. See, you can do this.",
    "Calm, logged, customer rung within the hour. That's exactly how it's done.",
    "And Femi, four clean splices. Be proud of that.",
    "The supplier rang me about it. That was a sharp catch.",
])
def test_more_verdicts_on_what_the_listener_did(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "Here's the second go at the splices."),
                                                       ("mentor", text)), text


def test_exactly_what_someone_wants_to_see_is_praise():
    found = kinds(("mentee", "Twelve rigs passed first time this month, up from seven."),
                  ("mentor", "Going from seven to twelve in a month is exactly the curve I want to see."))
    assert ("praise", "mentor", "mentee", 1) in found


def test_a_verdict_on_what_the_listener_just_told_is_praise_in_their_words():
    found = kinds(("mentee", "I sat the rigging theory mock. Sixty-two, and the pass is sixty-five."),
                  ("mentor", "Sixty-two on a first mock is actually really good. What dragged it down?"))
    assert ("praise", "mentor", "mentee", 1) in found
    found = kinds(("mentee", "I sat the rigging theory mock. Sixty-two, and the pass is sixty-five."),
                  ("mentor", "The new hall is actually really good. What dragged it down?"))
    assert all(k[0] != "praise" for k in found)


def test_the_same_words_without_the_question_are_not_feedback():
    assert kinds(("mentor", "How was the inspection?"), ("mentee", "They're good. Could we start at eight?")) == []


@pytest.mark.parametrize("text, kind", [
    ("The new layout is lovely, and that's really hard to do in a space that small.", "praise"),
    ("Starting the log without being asked, that's what makes a good site lead.", "praise"),
    ("Your opening paragraph is far too long.", "constructive"),
    ("You're watering too often, the roots are sitting wet.", "constructive"),
    ("Next draft, lead with the recommendation and cut the history.", "constructive"),
    ("When the client pushes, just tell them you'll come back with a price.", "constructive"),
    ("One thing I did as a junior was read every contract twice before signing off.", "constructive"),
    ("that part's fiddly maybe try the smaller clamp", "constructive"),
])
def test_more_shapes_of_mentor_feedback(text, kind):
    assert kinds(("mentee", "Here's the latest."), ("mentor", text)) == [(kind, "mentor", "mentee", 1)]


def test_unpunctuated_advice_after_an_unrelated_negation_or_report():
    assert [k[0] for k in kinds(("mentee", "i rushed it"), (
        "mentor", "okay so that's the rule we said we don't break have you tried writing the steps on a card"))] == [
        "constructive"]


@pytest.mark.parametrize("turns", [
    [("mentor", "Eight then. And congratulations to your brother!")],
    [("mentor", "I'll ask Ruth whether you can use her workshop.")],
    [("mentor", "Forty minutes, hard stop.")],
    [("mentor", "Sorry I'm late."), ("mentee", "Don't be.")],
    [("mentor", "Here's my take."), ("mentee", "That helps, actually.")],
    [("mentor", "Next time, Thursday at six in the lab?")],
])
def test_more_that_is_not_feedback(turns):
    assert kinds(*turns) == []


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "Can I say something about these calls?"), ("mentor", "Of course."),
      ("mentee", "They're great, genuinely. But I'd learn more seeing your workshop in person.")],
     [("praise", 2), ("constructive", 2)]),
    ([("mentee", "um can i say something about these calls actually i really like that you read my notes "
                 "first but could we do mornings")], [("praise", 0), ("constructive", 0)]),
])
def test_feedback_the_mentee_offers_on_the_sessions(turns, expected):
    found = extract_feedback(context(*turns))
    assert sorted((f.kind, f.source.segment) for f in found if f.giver == "mentee") == sorted(expected)


@pytest.mark.parametrize("text", [
    "Spotting that it was hurting the team, that's good manager instinct.",
    "You came round in ten minutes. That says a lot about you.",
    "Honestly you're one of the most careful apprentices I've had.",
    "Your testing is sound and that's the hard bit.",
])
def test_more_verdicts_on_the_listener(text):
    assert [k[0] for k in kinds(("mentee", "It went okay."), ("mentor", text))] == ["praise"]


def test_the_hardest_part_of_a_job_is_not_praise():
    assert kinds(("mentee", "I can't get them to listen."),
                 ("mentor", "That's the hardest bit of the first promotion, no question.")) == []


def test_a_verdict_after_did_you_get_a_chance_to_look():
    assert kinds(("mentee", "Did you get a chance to look at the label I sent?"),
                 ("mentor", "I did. First off, I love it.")) == [("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("text", [
    "Have you asked your supervisor if you can have Friday afternoons for college work?",
    "Would you consider doing a much shorter version later on?",
    "And honestly you should be counting all thirty, not six.",
])
def test_more_advice(text):
    assert kinds(("mentee", "I'm behind on everything."), ("mentor", text)) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "Can I say something a bit awkward?"), ("mentor", "Go on."),
      ("mentee", "Sometimes we spend the whole hour on whatever's urgent. It'd help me if we kept the last "
                 "ten minutes for the long-term plan.")], ["constructive"]),
    ([("mentee", "Can I also say, these sessions have really helped.")], ["praise"]),
    ([("mentee", "Honestly, the way you push me to check my assumptions has been really useful.")], ["praise"]),
    ([("mentee", "You let me make the call on the rota last month. That meant a lot.")], ["praise"]),
    ([("mentee", "The tip you gave me about the seating changed period four completely.")], ["praise"]),
    ([("mentee", "And I really value that, honestly.")], ["praise"]),
])
def test_still_more_feedback_from_the_mentee(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


def test_raising_a_workload_problem_is_not_feedback_on_the_sessions():
    assert kinds(("mentee", "Can I raise something?"), ("mentor", "Sure."),
                 ("mentee", "I'm covering the whole patch on my own and I'm spending more time driving than "
                            "advising.")) == []


@pytest.mark.parametrize("turns", [
    [("mentee", "The build's up."), ("mentor", "Wait, is that new lighting? That looks way better than last month.")],
])
def test_progress_said_as_a_comparison(turns):
    assert [k[0] for k in kinds(*turns)] == ["praise"]


@pytest.mark.parametrize("text", [
    "The vesting has to be sorted before diligence, so I'd make that the priority.",
    "One trick: before you answer anything in a critique, ask one clarifying question.",
    "right id actually suggest you take the last two memos and compare them line by line",
    "I'd freeze features right now.",
])
def test_advice_said_as_the_speakers_own_choice_or_a_trick(text):
    assert [k[0] for k in kinds(("mentee", "I'm stuck."), ("mentor", text))] == ["constructive"]


def test_a_question_about_a_step_inside_an_unpunctuated_aside():
    assert [k[0] for k in kinds(("mentee", "he just doesn't listen to me and i'm really struggling with it"),
                                ("mentor", "yeah i've been there um have you actually sat down with him one on one"))] \
        == ["constructive"]


@pytest.mark.parametrize("text", ["Start wherever you like.", "Don't apologise.", "No need to apologise."])
def test_more_formulae(text):
    assert kinds(("mentee", "Sorry, where do I start?"), ("mentor", text)) == []


def test_praise_before_a_question_it_runs_on_into_still_counts():
    assert [k[0] for k in kinds(("mentee", "i'd tell him we're too low and i'm going around"),
                                ("mentor", "yes that's it you said it perfectly just now have you read the "
                                           "report on the glasgow incident"))] == ["praise"]


@pytest.mark.parametrize("text", [
    "Right. What works better is a quick private chat with the two who are actually late.",
    "The trick is to write the summary before you open the spreadsheet.",
])
def test_what_works_better_and_the_trick_are_advice(text):
    assert [k[0] for k in kinds(("mentee", "I put up a notice about lateness but nothing changed."),
                                ("mentor", text))] == ["constructive"]


def test_what_the_speaker_would_do_advises_even_with_a_day():
    assert [k[0] for k in kinds(("mentee", "I said I'd call the landlord back. I haven't."),
                                ("mentor", "Okay. So I'd ring him tomorrow, even if it's only to say you're on it."))] \
        == ["constructive"]


def test_a_not_in_what_was_done_does_not_negate_the_verdict_after_it():
    assert [k[0] for k in kinds(
        ("mentee", "i froze for a minute before i rang the registrar and i keep replaying it"),
        ("mentor", "right well a minute is nothing nobody gets it perfect the first time and you rang the "
                   "registrar which was exactly the right call"))] == ["praise"]
    assert kinds(("mentee", "I rang the registrar."), ("mentor", "That wasn't exactly the right call.")) == []


def test_do_you_before_a_past_tense_in_unpunctuated_speech_is_no_question():
    assert [k[0] for k in kinds(("mentee", "go on then be gentle"),
                                ("mentor", "gentle i can do you handled the angry parents really well on tuesday"))] \
        == ["praise"]


@pytest.mark.parametrize("text", [
    "Have a great weekend, and try not to worry about the inspection.",
    "Drink your coffee before it goes cold.",
    "Do come in, sorry, the office is freezing today.",
    "Okay, well, shout if you need a break at any point.",
    "ok end of the month then say the twenty eighth at two",
    "Lovely. Could we do Tuesday the ninth, in the afternoon?",
])
def test_leave_taking_manners_and_times_to_meet_are_not_advice(text):
    assert kinds(("mentee", "That's everything from me."), ("mentor", text)) == []


def test_how_the_calls_are_prepared_is_an_arrangement_not_advice():
    assert kinds(("mentee", "We always run out of time before my list."),
                 ("mentor", "Fair. How about you send me three bullet points the day before each call?")) == []
    assert [k[0] for k in kinds(("mentee", "I freeze in the board meetings."),
                                ("mentor", "Pick one agenda item before each meeting and prepare a question on it."))] \
        == ["constructive"]


def test_a_time_to_meet_said_with_real_advice_keeps_the_advice():
    assert [k[0] for k in kinds(("mentee", "What should I do about the backlog?"),
                                ("mentor", "Triage it by risk before you touch anything else."))] == ["constructive"]


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "Is this format working better?"),
      ("mentee", "Much better, honestly. Having the agenda in advance really helps.")], ["praise"]),
    ([("mentee", "Honestly, I always come out of these sessions feeling about ten feet tall.")], ["praise"]),
    ([("mentee", "i really value how specific you are")], ["praise"]),
    ([("mentee", "the stories you tell about your first year actually really help me")], ["praise"]),
    ([("mentee", "Can I say something about the calls?"), ("mentor", "Please."),
      ("mentee", "They're useful. Would you mind if I recorded them? Just for me.")], ["praise", "constructive"]),
])
def test_more_of_the_mentees_view_of_the_sessions(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


@pytest.mark.parametrize("text, kind", [
    ("You rolled back within the hour. That's good incident behaviour, and people noticed.", "praise"),
    ("What I'd question is the review.", "constructive"),
    ("Hmm. I'd be a bit cautious there, the timetable is fixed.", "constructive"),
    ("I'd gently suggest you separate what you enjoy from what sounds good.", "constructive"),
])
def test_round_five_mentor_shapes(text, kind):
    assert [k[0] for k in kinds(("mentee", "So that's where I am."), ("mentor", text))] == [kind]


@pytest.mark.parametrize("text", [
    "That's a difficult one. What have you tried so far?",
    "Make it the Thursday, the twenty-ninth, half five.",
    "And keep it to half an hour.",
])
def test_round_five_not_feedback(text):
    assert kinds(("mentee", "Okay."), ("mentor", text)) == []


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "Is this working for you, these sessions?"),
      ("mentee", "It is, genuinely. The directness is useful. The one thing is it's hard to reach you in between.")],
     ["praise", "constructive"]),
    ([("mentor", "These chats, are they doing anything for you? Don't be polite."),
      ("mentee", "They are. Really. Could we keep them to forty-five minutes?")], ["praise", "constructive"]),
    ([("mentee", "I wanted to say, when you came out on the van with me, that was the most helpful thing anyone's "
                 "done for me.")], ["praise"]),
    ([("mentee", "If I could ask for one thing, sometimes you give me ten ideas at once. Could we do two per call?")],
     ["constructive"]),
    ([("mentee", "My one bit of feedback: I wish we'd done the budget sessions earlier.")], ["constructive"]),
    ([("mentee", "Genuinely, this was the most useful hour of my week.")], ["praise"]),
])
def test_round_six_mentee_feedback(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


@pytest.mark.parametrize("text, kind", [
    ("The one thing I'd say is you're detailing everything to the same level.", "constructive"),
    ("What I did at my last firm was bring numbers, not feelings.", "constructive"),
    ("Okay. You've got to stop doing that.", "constructive"),
    ("Yes, but you did the hard bit, which was making it stick.", "praise"),
])
def test_round_six_mentor_feedback(text, kind):
    assert [k[0] for k in kinds(("mentee", "That's where I am."), ("mentor", text))] == [kind]


@pytest.mark.parametrize("turns", [
    [("mentor", "Then bring it up to date before our next session.")],
    [("mentor", "The load error. Don't dwell on it.")],
    [("mentee", "So before next time, should I bring anything?")],
])
def test_round_six_not_feedback(turns):
    assert kinds(*turns) == []


@pytest.mark.parametrize("turns, expected", [
    # the change the mentee asks for, about what the sessions are called here
    ([("mentor", "How are you finding our catch-ups, be straight with me."),
      ("mentee", "They're okay. Could they start a bit later? The school run is chaos.")], ["constructive"]),
    # what is good about them, and what should change
    ([("mentor", "how are you finding these sessions"),
      ("mentee", "pretty useful but sometimes um i feel like we rush the last bit")], ["praise", "constructive"]),
    ([("mentee", "Can I be honest about the supervisions?"), ("mentor", "Always."),
      ("mentee", "They're helpful, but sometimes it feels like a checklist. Could we leave room to reflect?")],
     ["praise", "constructive"]),
    # specific praise then a change, in one unpunctuated breath: both
    ([("mentee", "can i say something about the calls"), ("mentor", "go on"),
      ("mentee", "the mock interview you ran was the most useful thing all term but the calls sometimes drag "
                 "and theres no time for questions")], ["praise", "constructive"]),
    # good, then a request, unpunctuated: the good part is not a question
    ([("mentor", "are these calls working for you"),
      ("mentee", "yeah they're really helpful i like that you send the notes first um could we do fridays")],
     ["praise", "constructive"]),
])
def test_round_seven_the_mentees_view_of_the_sessions(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


@pytest.mark.parametrize("text", [
    "And thanks for Friday. Having you on the ward with me made the first round far less frightening.",
    "The trick with the index cards, I think that's going to change how I plan.",
    "While we're on it, this format works really well for me.",
    "The summary you send after each call is gold.",
])
def test_round_seven_the_mentee_praising_the_mentoring(text):
    assert [f.kind for f in extract_feedback(context(("mentor", "Same time next month then."), ("mentee", text)))
            if f.giver == "mentee"] == ["praise"]


@pytest.mark.parametrize("text", [
    "Having you there is not an option, you're on leave.",
    "This format works for the board, not for me.",
])
def test_round_seven_not_praise_of_the_mentoring(text):
    assert [f for f in extract_feedback(context(("mentor", "Anything else?"), ("mentee", text)))
            if f.kind == "praise"] == []


@pytest.mark.parametrize("text, kind", [
    ("That's real initiative, most people would have waited to be asked.", "praise"),
    ("Honestly, that's the part to work on.", "constructive"),
    ("two things though you skipped the safety brief which isnt great with new starters on site", "constructive"),
    ("On the landlord, though: never sign anything without reading the break clause.", "constructive"),
    ("the chart is fine but you havent labelled the axes on the bar chart", "constructive"),
])
def test_round_seven_mentor_shapes(text, kind):
    assert [k[0] for k in kinds(("mentee", "Here's the report."), ("mentor", text))] == [kind]


def test_a_flaw_named_while_the_mentor_is_still_reviewing_the_work():
    turns = [("mentor", "I read your chapter. You've tightened the opening a lot."),
             ("mentee", "I cut about two pages in the end."),
             ("mentor", "Where it gets thinner is the methods section. The sampling paragraph under the second "
                        "table is far too vague for a reviewer.")]
    assert [k[0] for k in kinds(*turns) if k[3] == 2] == ["constructive"]


@pytest.mark.parametrize("text", [
    "The traffic on the ring road was way too heavy this morning.",
    "They always turn up late, the suppliers.",
])
def test_round_seven_not_advice(text):
    assert kinds(("mentee", "Sorry I'm late."), ("mentor", text)) == []


def test_a_request_to_keep_a_record_is_no_habit_critique():
    assert kinds(("mentee", "Okay."), ("mentor", "And in the meantime, could you keep a little diary?")) == []
    assert [k[0] for k in kinds(("mentee", "Okay."), ("mentor", "You keep apologising before you start."))] == [
        "constructive"]


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "can i actually say something about um how we do these"), ("mentor", "yeah of course go for it"),
      ("mentee", "the worked examples were really useful but sometimes you use a lot of acronyms i don't know so "
                 "maybe just check with me")], ["praise", "constructive"]),
    ([("mentee", "There is something. I hope this is okay to say."), ("mentor", "Of course it is."),
      ("mentee", "The last three calls have been moved on the day. It's a bit deflating.")], ["constructive"]),
    ([("mentee", "um one thing and dont take this the wrong way"), ("mentor", "go on"),
      ("mentee", "when you demo on the lathe you go really fast could you let me try while youre watching")],
     ["constructive"]),
    ([("mentee", "Can I give you some feedback? It's good feedback, mostly."), ("mentor", "Ha, go on, I can take it."),
      ("mentee", "The only thing is, we spend so long on the heavy stuff we never get to the practical bits.")],
     ["constructive"]),
])
def test_round_eight_feedback_the_mentee_offers(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee" and f.source.segment == 2] \
        == expected


@pytest.mark.parametrize("text", [
    "Thanks. Seriously, the grip thing, I've been stuck on that for months and you sorted it in two minutes.",
    "And thank you for the thing about pausing. Nobody's ever told me that.",
    "Honestly, I feel so much lighter than when I logged on.",
    "That's actually really useful. I'm writing that down.",
])
def test_round_eight_the_mentee_praising_the_mentoring(text):
    assert "praise" in [f.kind for f in extract_feedback(context(("mentor", "Right, same time next week."),
                                                                 ("mentee", text))) if f.giver == "mentee"]


@pytest.mark.parametrize("text, kind", [
    ("Would you be open to a little experiment? No emails after eight.", "constructive"),
    ("You've got to anchor first, then turn the piece, not your wrist.", "constructive"),
    ("Then I'd add one. A cell that flags the mismatch.", "constructive"),
    ("I'd have a short private chat with her before you say anything in front of the team.", "constructive"),
    ("I would really encourage you to think about going back to supervision.", "constructive"),
    ("You've been properly organised about collecting evidence.", "praise"),
    ("You owned it straight away. That's what makes people trust you with the numbers.", "praise"),
])
def test_round_eight_mentor_shapes(text, kind):
    assert kind in [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", text))]


@pytest.mark.parametrize("text", [
    "I'd have done the same, honestly.",
    "You've got to be kidding, they cancelled again?",
])
def test_round_eight_not_advice(text):
    assert [k for k in kinds(("mentee", "They moved the deadline."), ("mentor", text)) if k[0] == "constructive"] \
        == []


def test_where_it_went_wrong_while_reviewing_the_work():
    turns = [("mentor", "I watched the recording of your briefing. Your opening was clear."),
             ("mentee", "Thanks, I practised it."),
             ("mentor", "Where it went wrong was after the first question. You got defensive.")]
    assert [k[0] for k in kinds(*turns) if k[3] == 2] == ["constructive"]


@pytest.mark.parametrize("text, kind", [
    ("That's a really sensible reframe, you've picked something you control.", "praise"),
    ("the site drawings i saw last month were really clearly laid out like easy to follow", "praise"),
    ("four hundred scans in three months on one scanner is actually really solid going", "praise"),
    ("honestly your instinct on that is really good", "praise"),
    ("The fact that you noticed the exact moment you lost them is half the battle.", "praise"),
    ("the fact you're even willing to go back to him shows a lot of backbone", "praise"),
    ("Okay. I'll be honest, I think you're overthinking it.", "constructive"),
    ("And honestly, you undersell your work constantly.", "constructive"),
    ("ok i'm gonna be blunt you're doing the thing again where new features feel like progress", "constructive"),
    ("i did seven days a week for months and i really don't recommend it", "constructive"),
    ("the thing is you're pricing your hours not the licence", "constructive"),
    ("one more from me and this is a bit of a nudge", "constructive"),
    ("maybe think of it as documenting your process rather than selling", "constructive"),
    ("i'd also speak to whoever does legal at the council first", "constructive"),
])
def test_round_nine_mentor_shapes(text, kind):
    assert kind in [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", text))]


@pytest.mark.parametrize("text", [
    "Oh, I'd meant to send you my old notes, but I lent them to someone years ago.",
    "You actually listen, and you don't just tell me what you'd do.",
])
def test_round_nine_not_advice(text):
    assert "constructive" not in [k[0] for k in kinds(("mentee", "Okay."), ("mentor", text))]


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "um one thing about these calls actually"), ("mentor", "yeah go for it"),
      ("mentee", "they've been moved quite last minute a couple of times so it'd be really good if we could keep "
                 "them fixed")], ["constructive"]),
    ([("mentee", "actually i've got some feedback on these calls if that's alright"), ("mentor", "yeah please"),
      ("mentee", "between calls i kind of drift a month's a long time when nobody's checking on me")],
     ["constructive"]),
    ([("mentor", "Anything you'd like me to do differently, while we're on the subject?"),
      ("mentee", "Maybe, would it be possible to meet a bit more often?")], ["constructive"]),
    ([("mentor", "Good luck with the launch."),
      ("mentee", "thanks honestly the bit about the shop page was really useful")], ["praise"]),
    ([("mentor", "Tuesday then."), ("mentee", "Brilliant. Honestly, show don't tell, that's going to stick with me.")],
     ["praise"]),
    ([("mentor", "Glad it landed."),
      ("mentee", "The chapter you sent me last time, that was really, really useful.")], ["praise"]),
])
def test_round_nine_the_mentees_view_of_the_mentoring(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


def test_a_verdict_on_a_decision_just_taken():
    assert [k[0] for k in kinds(("mentee", "Honestly, no. I'd rather aim to submit in February and do it properly."),
                                ("mentor", "I think that's a grown-up call."))] == ["praise"]


@pytest.mark.parametrize("text, kind", [
    ("and look for what it's worth you're doing really well", "praise"),
    ("the fact you sat down with the caterers in your first month that's really good", "praise"),
    ("The fact that you're worrying about missing things tells me you care.", "praise"),
    ("if you're winning every job you quote you're too cheap you're leaving money on the table", "constructive"),
    ("right so that's your problem you want to be aggregating before you join", "constructive"),
    ("One thing that helped me hugely was agreeing the agenda right at the start.", "constructive"),
    ("Something that works for a lot of people is marking up the script.", "constructive"),
    ("Honestly? It's not a story yet. What you need is a second source.", "constructive"),
    ("and i wouldn't put the base price up yet not in your first six months", "constructive"),
])
def test_round_ten_mentor_shapes(text, kind):
    assert kind in [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", text))]


def test_where_it_wobbled_while_reviewing_the_work():
    turns = [("mentor", "I listened back to your package. That opening line is a cracking top line."),
             ("mentee", "Oh. Okay. Phew."),
             ("mentor", "Where it wobbled was the delivery. You were going at a hundred miles an hour.")]
    assert [k[0] for k in kinds(*turns)] == ["praise", "constructive"]


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "Anything else before we wrap up?"),
      ("mentee", "Actually, yeah, one bit of feedback on these calls. They've genuinely helped me a lot, but I'd find "
                 "it easier if we had a rough agenda beforehand.")], ["praise", "constructive"]),
    ([("mentee", "and can i um can i just say as well these calls are honestly the most useful thing i've got")],
     ["praise"]),
    ([("mentor", "Anything about these sessions you'd want to change? Be honest."),
      ("mentee", "Sometimes I forget half the suggestions. Would it be a pain to pop a couple of lines in an email?")],
     ["constructive"]),
])
def test_round_ten_the_mentees_view_of_the_sessions(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


@pytest.mark.parametrize("text", [
    "And is there anything new you want to add, now we're halfway?",
    "Do you want to grab a coffee after?",
])
def test_round_ten_not_advice(text):
    assert "constructive" not in [k[0] for k in kinds(("mentee", "Okay."), ("mentor", text))]


@pytest.mark.parametrize("text, kind", [
    ("can i just say the walking the herd thing you started thats exactly what a manager should be doing", "praise"),
    ("you calmed him right down that was really skilled", "praise"),
    ("Overall, really good. Your photos were really well chosen.", "praise"),
    ("right ok so and this is me being straight with you youve been letting it slide", "constructive"),
    ("that's why they promoted you but that's the trap", "constructive"),
    ("The fact you don't know is the thing to fix.", "constructive"),
    ("I think you're holding on too tight.", "constructive"),
    ("you cant be the manager and the relief milker", "constructive"),
])
def test_round_eleven_mentor_shapes(text, kind):
    assert kind in [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", text))]


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "Anything for me? How am I doing, as a mentor?"),
      ("mentee", "Honestly, good. The line by line reviews have been the most useful thing this year. The only thing "
                 "is the voice notes, I can't search them. Could you write it down?")], ["praise", "constructive"]),
    ([("mentor", "Done."), ("mentee", "Thanks. Honestly, the framing thing alone made this worth it.")], ["praise"]),
    ([("mentor", "Done."), ("mentee", "Cheers, the checklist thing, I feel loads better about the brakes already.")],
     ["praise"]),
    ([("mentor", "Done."), ("mentee", "That's the most useful thing anyone's said to me about teaching.")], ["praise"]),
])
def test_round_eleven_the_mentees_view(turns, expected):
    assert [f.kind for f in extract_feedback(context(*turns)) if f.giver == "mentee"] == expected


@pytest.mark.parametrize("said", [
    "And honestly, these calls have been the most useful part of my week.",
    "I find our chats really valuable, having someone to think out loud with.",
    "When you walked me through the budget line by line, that made way more sense than the course did.",
    "Honestly, what you said about saying no early is the reason I got the promotion.",
])
def test_the_mentee_praises_the_mentoring_unasked(said):
    assert kinds(("mentor", "Shall we say Thursday then?"), ("mentee", said)) == [("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("said", [
    "yeah can i just say the checklist idea from last time that really helped i used it every shift",
    "thanks and the rota trick you suggested in march with the the split weekends that actually changed my "
    "whole month",
    "so the reading list you sent me honestly i went through all of it its the most useful thing anyones "
    "given me",
])
def test_the_mentee_says_what_the_mentors_advice_did_in_a_run_on(said):
    assert kinds(("mentor", "okay good"), ("mentee", said)) == [("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("said", [
    "And for what it's worth, you're handling that team really well for someone two months in.",
    "Passing it first time, that's not nothing.",
    "That's the right instinct.",
    "Honestly, checking your own numbers like that is more than most people manage in their first year.",
    "Good, you stopped it quickly, which a lot of supervisors wouldn't.",
])
def test_the_mentor_acknowledges_what_few_would_have_done(said):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "I stopped the job and rang the engineer."),
                                                      ("mentor", said))


def test_what_the_mentee_told_someone_else_is_no_advice():
    assert kinds(("mentor", "How did it go with the contractor?"),
                 ("mentee", "I told him I wouldn't sign it.")) == []


@pytest.mark.parametrize("said", [
    "from what i saw of your site diary your notes are clear you're better than most third years i know",
    "And for what it's worth, from everything you've told me today, you're running that ward really well.",
    "the fact you spotted the leak before the plasterers came in thats half the battle",
    "the survey you dug out of the records office that was first rate work",
])
def test_more_shapes_of_the_mentors_praise(said):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where it is."), ("mentor", said))


@pytest.mark.parametrize("said", [
    "Bring data.",
    "Don't work weekends for this.",
    "Ask anyway.",
    "Then bring him cake.",
    "Knock the jargon on the head.",
])
def test_a_short_bare_directive_is_said_in_passing(said):
    """Said with no reason, critique or suggestion, and not about the listener's work, a short
    directive moves the conversation on; the labelled conversations, read and unread, count
    it as feedback in under two of five cases."""
    assert kinds(("mentee", "So that's where I'm at."), ("mentor", said)) == []


@pytest.mark.parametrize("said", [
    "Honestly, that's the part to work on.",
    "Push your blacks harder.",
    "Try batching the emails.",
    "Cut the intro, it's too long.",
])
def test_a_directive_with_grounds_or_about_the_listeners_work_is_advice(said):
    assert [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said, advice", [
    ("The price is on page four. Nobody turns to page four on a phone. Lead with the price.", True),
    ("You buried the figures at the bottom of the email, so nobody saw them. Put them in the first line.", True),
    ("Fair enough, it's your call and I'm not going to push. Ask anyway.", False),
    ("Nobody? Ask anyway.", False),
])
def test_a_short_directive_after_fault_found_with_the_work_is_its_fix(said, advice):
    """A short directive that follows a sentence finding fault with the work is the fix for it."""
    found = [k[0] for k in kinds(("mentee", "So that's where I'm at."), ("mentor", said))]
    assert ("constructive" in found) == advice, found


@pytest.mark.parametrize("said", [
    "And you should get a pre-check from the platform's account manager.",
    "not too soon but id get the chartership application in first",
])
def test_you_should_and_an_unpunctuated_id_advise(said):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "So that's where I'm at."), ("mentor", said))


def test_you_should_be_and_you_should_have_seen_are_no_advice():
    assert kinds(("mentee", "I got the contract."), ("mentor", "You should have seen his face when I told him.")) == []


def test_praise_the_mentor_passes_on_from_others_is_the_mentors() -> None:
    """The mentor relays what others said of the mentee's work: praise to the mentee. The
    mentee reporting their manager's praise is not feedback between the two."""
    assert kinds(("mentee", "The audit went fine."),
                 ("mentor", "Priya told me your handover notes were excellent, by the way.")) == [
        ("praise", "mentor", "mentee", 1)]
    assert kinds(("mentor", "How did the audit go?"),
                 ("mentee", "Priya told me my handover notes were excellent.")) == []


@pytest.mark.parametrize("text", [
    "Thanks, Mo, the pacing tip is exactly what I needed.",
    "And thank you for the two-bucket thing.",
    "Honestly, the bit about pricing for wholesale really helped.",
    "When you walked me through the rigging last week, that saved the whole show.",
    "Thanks Ines, really useful as always.",
    "Honestly, the checklist thing is going to fix so much.",
    "Really good session.",
    "Honestly, these calls are what keep me going this term.",
])
def test_the_mentees_thanks_naming_what_helped_is_praise(text):
    assert kinds(("mentor", "Anything else before we stop?"), ("mentee", text)) == [
        ("praise", "mentee", "mentor", 1)], text


@pytest.mark.parametrize("text", [
    "That's really good stockmanship.",
    "That's properly good rigging, that is.",
    "Forty hives through winter is proper work.",
    "You've got a good ear for this.",
    "You've come on so much since the spring.",
    "You handled the whole complaint with a lot of maturity.",
    "Honestly, that was a really good call.",
    "Look at you!",
])
def test_verdicts_in_plain_words_praise_the_listener(text):
    assert kinds(("mentee", "I sorted the swarm on my own on Saturday."), ("mentor", text)) == [
        ("praise", "mentor", "mentee", 1)], text


def test_plain_verdicts_that_are_no_praise():
    for text in ("That's good timing, I was about to call you.", "That's a good morning's work for the tractor.",
                 "The market is proper busy on Saturdays.", "Thanks, the weather was useful for drying."):
        assert all(k[0] != "praise" or k[1] != "mentor" for k in kinds(("mentee", "Hi."), ("mentor", text))), text


@pytest.mark.parametrize("text", [
    "Okay, so the first thing I'd do is sort the ledger by date joined.",
    "What I'd do instead is borrow the old exam papers and sit one.",
    "But it's on you to flag the overrun early.",
    "The late shift before a dawn climb, that's your problem right there.",
    "One thing that might help: keep a log of every call-out for a week.",
    "What a lot of kennels do is put a card on each run with the feeding times.",
    "Right. So, constructive criticism: cut the slides to ten.",
    "Okay, practical suggestion. Put the phone in another room.",
    "Before anything else, you need one figure from the treasurer, in writing.",
])
def test_the_mentors_advice_in_more_shapes(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "I keep running out of hours."),
                                                             ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "Maybe if you could just point me to the clause that matters, that'd help.",
    "Two links at a time would probably work better for me.",
    "Sometimes I'd rather you just told me the sentence is weak.",
    "I'd like the main points in writing afterwards, if that's okay.",
    "Sometimes it feels like we run out of time before we get to my list.",
    "Sometimes when you tell the long stories I kind of lose the thread.",
    "On the phone I really need the answer first and the story after.",
])
def test_the_mentee_asking_the_mentor_to_work_differently_is_constructive(text):
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", "Anything on how these calls go?"),
                                                             ("mentee", text)), text


def test_a_mentee_turning_down_help_is_no_feedback():
    assert kinds(("mentor", "Want me to ring the suppliers for you?"),
                 ("mentee", "Honestly I'd rather you didn't, I need to deal with them myself.")) == []


def test_a_short_directive_in_a_turn_that_explains_it_is_advice():
    said = ("It ran to four pages and the price was at the very bottom, under the photos. Put it in the "
            "first line. The buyers read the first line and skip the rest.")
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "They never replied to the quote."),
                                                             ("mentor", said))
    assert kinds(("mentee", "The supplier's new."), ("mentor", "Bring coffee.")) == []


@pytest.mark.parametrize("text", [
    "that would be really useful yeah um and honestly really well done on the barn job",
    "no and you're right not to be honestly your instinct on that is really good",
])
def test_a_would_or_a_not_far_back_in_run_on_speech_does_not_undo_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "i'll write it up friday"), ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "I wouldn't say it was well done.",
    "It wasn't great work, to be honest.",
    "If you'd sent it on time, I'd have said great work.",
    "It's not that your draft was excellent.",
])
def test_a_near_would_or_not_still_undoes_praise(text):
    """Also a negation in a contraction ("wasn't", "wouldn't")."""
    assert all(k[0] != "praise" for k in kinds(("mentee", "Here it is."), ("mentor", text))), text


def test_a_fault_said_with_a_contraction_makes_the_next_short_directive_advice():
    assert ("constructive", "mentor", "mentee", 1) in kinds(
        ("mentee", "Here's the letter I drafted."),
        ("mentor", "The client's name isn't anywhere on the first page. Put it up top."))


@pytest.mark.parametrize("text", [
    "And I want to say, the way you've dealt with the landlords has been really careful.",
    "The drivers tell me you're really good with them.",
    "That's a sound backup, and it's well thought through.",
    "It's well researched and easy to follow.",
])
def test_more_plain_verdicts_on_the_listeners_work(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "I wrote up the plan on Sunday."),
                                                       ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "Also, the thing you said about pricing by the hour genuinely stuck.",
    "And the rope idea alone, that's the first time the knot has made sense to me.",
    "Your cheat sheets are honestly the most useful thing on my bench.",
    "oh and the walk through you did last week with the router honestly that helped loads",
    "I really like these calls, I come out of them with a plan.",
])
def test_the_mentee_crediting_what_the_mentor_did_is_praise(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "How did the week go?"), ("mentee", text)), text


@pytest.mark.parametrize("text", [
    "the way you made me redo the stitch count that week has made the biggest difference of anything",
    "Telling me to ring the council myself was really good advice.",
    "Letting me run the tasting on my own did more for my nerve than any course.",
    "Getting me to keep the fermentation log is the best habit I've picked up.",
    "Honestly, you're brilliant on the pricing side, I've learned loads.",
])
def test_more_ways_the_mentee_credits_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything for me?"), ("mentee", text)), text


@pytest.mark.parametrize("turn", [
    "The sketches you send after our calls? Those are gold.",
    "And your red-pen notes on my floor plans, I keep every one. They're the best teaching I've had.",
    "Also, the thing you said about quoting by the room. That genuinely stuck.",
])
def test_what_the_mentor_did_then_what_it_did_for_the_mentee_is_praise(turn):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "How are the calls going for you?"),
                                                       ("mentee", turn)), turn


@pytest.mark.parametrize("turn", [
    "The sketches you send after our calls? Those come a week late.",
    "Your red-pen notes on my floor plans. Could they be shorter?",
    "Letting me know earlier would help if you can.",
])
def test_what_the_mentor_did_then_no_effect_is_no_praise(turn):
    assert all(k[0] != "praise" for k in kinds(("mentor", "How are the calls going for you?"),
                                                ("mentee", turn))), turn


@pytest.mark.parametrize("text", [
    "The other thing is I keep getting stuck on the intros.",
    "Would it be okay if I messaged you when I'm stuck, rather than saving it for these calls?",
    "If your notes came earlier, that would help.",
])
def test_a_mentor_thing_beside_a_problem_is_no_praise(text):
    assert all(k[0] != "praise" for k in kinds(("mentor", "Anything else?"), ("mentee", text))), text


@pytest.mark.parametrize("text", [
    "And the invoice you sent, the layout was really clean.",
    "The first ten minutes, where you walked them through the why, that was really, really good.",
    "Honestly, your instinct on that is really good.",
])
def test_an_intensified_verdict_on_the_listeners_work_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "I ran the open evening on Tuesday."),
                                                       ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "Checking the load cells before promising him a date is exactly the right instinct, well done.",
    "And the risk assessment really is good, Femi.",
    "Your knot work is clearly strong.",
    "the splice is genuinely clean",
])
def test_a_closing_well_done_and_a_plain_really_is_good_are_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "I rigged the truss on Saturday."),
                                                       ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "She sorted the permits on her own, well done to her.",
    "It really is good news about the venue.",
])
def test_praise_of_someone_else_or_of_news_stays_out(text):
    assert all(k[0] != "praise" for k in kinds(("mentee", "I rigged the truss on Saturday."),
                                                ("mentor", text))), text


@pytest.mark.parametrize("text", [
    "the venue's fine and i'd also call the council before the end of the month",
    "Good, and I'd start logging the loads now rather than in August.",
    "You're hanging the points too late in the day.",
    "you're not giving the paint long enough between coats",
    "You're guessing the weights instead of weighing them.",
    "yeah the rota's always a mess um i'd print the crane schedule and pin it up by the gate",
    "nobody checks the inbox i'd call the harbourmaster direct",
])
def test_what_the_mentor_would_do_and_what_the_listener_does_wrong_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "So that is where the rig is."),
                                                             ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "I'd send you my old plot but it's out of date.",
    "I'd love to see it when it's up.",
    "yeah i told him i'd check the moorings myself",
    "honestly if i'd known i would have booked the crane sooner",
    "You're checking the shackles yourself instead of just trusting the crew, that's good.",
])
def test_an_offer_a_wish_or_praise_with_instead_of_is_not_constructive(text):
    assert all(k[0] != "constructive" for k in kinds(("mentee", "The rig went up late again."),
                                                      ("mentor", text))), text


@pytest.mark.parametrize("text", [
    "Ask Danny, she's really good and you can ask her what she charges.",
    "That's really good news about your sister.",
    "Was the layout really clean, do you think?",
    "If the layout were really clean, they'd have signed.",
])
def test_an_intensified_verdict_on_something_else_is_no_praise(text):
    assert all(k[0] != "praise" for k in kinds(("mentee", "I ran the open evening on Tuesday."),
                                                ("mentor", text))), text


@pytest.mark.parametrize("turn", [
    "One thing, if that's okay. When you mark up my drawings, the notes come in by text, email and on paper. "
    "I lose track. Could you put them all in one place?",
    "only thing is um your voice notes are like ten minutes long and it's hard to take in on my break "
    "maybe shorter ones",
    "I like that you explain why. But sometimes you talk really fast and I caught half of it.",
])
def test_the_mentees_turn_on_a_way_of_the_mentors_that_makes_things_hard_is_constructive(turn):
    assert any(k[:3] == ("constructive", "mentee", "mentor")
               for k in kinds(("mentor", "Anything about how we do these?"), ("mentee", turn))), turn


def test_the_mentee_losing_track_of_their_own_work_is_no_feedback():
    assert kinds(("mentor", "How's the site?"),
                 ("mentee", "When you asked about the snag list, honestly I lose track of it. I'll sort it.")) == []


def test_a_frequency_of_something_other_than_meetings_is_no_logistics():
    assert ("constructive", "mentor", "mentee", 1) in kinds(
        ("mentee", "I didn't want it to look like complaining."),
        ("mentor", "I'd email the sponsor explaining the lag and propose fortnightly figures instead."))
    assert kinds(("mentee", "How often should we talk?"), ("mentor", "I'd propose fortnightly calls.")) == []


@pytest.mark.parametrize("said, expected", [
    ("Honestly, I think you're sometimes too easy on me. When I say I'll do something and I don't, you let it "
     "slide.", ["constructive"]),
    ("the calls keep getting moved and i never really know when we're on", ["constructive"]),
    ("You're really good at telling me what you'd do. But it's hard to get hold of you in the day.",
     ["praise", "constructive"]),
])
def test_what_the_mentor_takes_as_fair_criticism_is_feedback_on_the_mentoring(said, expected):
    found = extract_feedback(context(("mentor", "Anything else?"), ("mentee", said),
                                     ("mentor", "That's fair, that's on me. Let's fix a time.")))
    assert [(f.kind, f.giver, f.receiver) for f in found] == [(k, "mentee", "mentor") for k in expected]


def test_a_fair_point_about_something_else_is_no_feedback_on_the_mentoring():
    assert kinds(("mentor", "Will you apply this round?"),
                 ("mentee", "Maybe not, November is full with the recurrent training."),
                 ("mentor", "That's fair. Next round, then.")) == []


@pytest.mark.parametrize("answer", ["Really well on the technical side. You explain things without making me "
                                    "feel stupid.", "when you watched my clip that was so much more useful than "
                                                    "just talking it through"])
def test_more_ways_of_saying_the_sessions_work(answer):
    found = extract_feedback(context(("mentor", "How are these calls working for you?"), ("mentee", answer)))
    assert [(f.kind, f.giver) for f in found] == [("praise", "mentee")]


@pytest.mark.parametrize("said", [
    "You're better on the regulations than most people who sit it.",
    "You're picking up the practical side faster than most.",
    "honestly you're further along than i was at eighteen months",
    "Your statements are already cleaner than half the team's.",
])
def test_the_listener_set_above_others_is_praise(said):
    assert kinds(("mentee", "I think I'm ready to sit the exam."), ("mentor", said)) == [
        ("praise", "mentor", "mentee", 1)]


@pytest.mark.parametrize("said", ["You're more worried than most about it, I think.", "You're better off than most."])
def test_more_worried_or_better_off_than_most_is_no_praise(said):
    assert [k for k, *_ in kinds(("mentee", "I think I'm ready to sit the exam."), ("mentor", said))] != ["praise"]


@pytest.mark.parametrize("turns, expected", [
    ((("mentor", "Can I ask how you're finding these calls? Honestly."),
      ("mentee", "Honestly, they're great. The only thing is the video, I'm in a layby with one bar of signal.")),
     ["praise", "constructive"]),
    ((("mentee", "Can I say something about these calls?"), ("mentor", "Go for it, I'm all ears."),
      ("mentee", "The voice note you send after each call has been amazing. But monthly feels too far apart.")),
     ["praise", "constructive"]),
    ((("mentee", "Can I raise something about us, too?"), ("mentor", "Of course."),
      ("mentee", "The last two calls got moved on the day, and I'd blocked out the evening both times.")),
     ["constructive"]),
])
def test_more_ways_the_mentee_reviews_the_sessions(turns, expected):
    assert [(f.kind, f.giver) for f in extract_feedback(context(*turns))] == [(k, "mentee") for k in expected]


@pytest.mark.parametrize("said", ["Bring your log of supervised acts to our next call.",
                                  "Have a go at the first ten before we next talk."])
def test_an_imperative_dated_to_the_next_call_is_a_task_not_feedback(said):
    assert kinds(("mentee", "I've started the log."), ("mentor", said)) == []


def test_consider_it_done_is_a_promise_not_advice():
    assert kinds(("mentee", "Could you send me the wording?"), ("mentor", "Consider it done.")) == []
    assert kinds(("mentee", "I'm stuck on the intro."), ("mentor", "Consider cutting the first paragraph.")) == [
        ("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("said", [
    "What you want is to lift those bags up a rung before the next heat.",
    "Three clear days is the legal minimum, not the target. I'd aim for a week.",
])
def test_more_ways_of_putting_advice(said):
    assert [k for k, *_ in kinds(("mentee", "They keep dying on the neaps."), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said", [
    "Great, Thursday it is. Thanks, I really appreciate the pricing tip especially.",
    "Eleven's fine. Honestly, that idea about photographing the board first is probably going to save me.",
    "Thanks Rob, the point about booking the assessor early, that's going to change how I plan.",
    "Perfect. Honestly, the rota swap idea alone, that's made my week.",
    "cheers and thanks for the mystery shopper idea honestly that's going to settle it with my boss",
])
def test_the_mentee_thanking_the_mentor_for_a_piece_of_advice_is_praise(said):
    assert kinds(("mentor", "Right, Thursday at four then."), ("mentee", said)) == [("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("said", ["Thanks for the notes.", "Thanks for sending the slides over.",
                                  "Great, thanks, see you Thursday."])
def test_thanks_for_a_thing_sent_is_not_praise(said):
    assert kinds(("mentor", "Right, Thursday at four then."), ("mentee", said)) == []


@pytest.mark.parametrize("said", [
    "what i'd do is pick one supplier and do that every time a big job comes in",
    "Right. So what I'd do, put that request in writing today, and copy in his accountant.",
    "Okay. Two things. One, find out which school he moved to and send your notes over.",
    "Honestly? Switch to the past papers now, timed, and mark them yourself.",
])
def test_advice_by_what_the_mentor_would_do_or_a_numbered_directive(said):
    assert [k for k, *_ in kinds(("mentee", "He still hasn't sent the paperwork."), ("mentor", said))] \
        == ["constructive"]


def test_meeting_every_two_weeks_is_still_logistics_not_advice():
    assert kinds(("mentee", "How often should we talk?"), ("mentor", "Let's do that every two weeks.")) == []


@pytest.mark.parametrize("said", [
    "Honestly, keeping the volunteers on side through all that, that's a real strength of yours.",
    "Eleven stalls with two helpers. That's a genuinely impressive bit of organising.",
    "Your handover notes are the clearest on the ward. Seriously.",
    "You're so much calmer than you were this time last year, you know.",
])
def test_the_listener_set_apart_is_praise(said):
    assert [k for k, *_ in kinds(("mentee", "We got through the whole fair on Saturday."), ("mentor", said))] \
        == ["praise"]


@pytest.mark.parametrize("said", ["Her notes are the clearest on the ward.",
                                  "Patience is a real strength of hers."])
def test_someone_else_set_apart_is_not_praise_of_the_listener(said):
    assert kinds(("mentee", "Who should I shadow?"), ("mentor", said)) == []


@pytest.mark.parametrize("said", [
    "Your plastering is clearly fine, and your corners are neater too.",
    "Your spring treatment clearly paid off.",
    "It's the tidiest site diary I've seen from an apprentice.",
    "Honestly, it was one of the calmest briefings I've had all year.",
])
def test_the_listeners_work_judged_good(said):
    assert [k for k, *_ in kinds(("mentee", "I finished the extension on Friday."), ("mentor", said))] == ["praise"]


@pytest.mark.parametrize("said", ["Just your face, um, which is fine.", "Your manager is clearly fine with it.",
                                  "Is your connection better now?"])
def test_things_that_are_fine_but_not_the_listeners_work(said):
    assert kinds(("mentee", "Can you see me?"), ("mentor", said)) == []


@pytest.mark.parametrize("said", [
    "And one thing from my side. You apologise to clients far too much.",
    "But, and I say this kindly, you undercharge, and customers read the price as the quality.",
])
def test_a_habit_overdone_is_a_critique(said):
    assert [k for k, *_ in kinds(("mentee", "Any other notes?"), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said", ["Yeah honestly thank you, I have way too much on right now.",
                                  "Ha, you know me too well."])
def test_too_much_of_ones_own_or_a_joke_is_no_critique(said):
    assert kinds(("mentor", "How are things?"), ("mentee", said)) == []


@pytest.mark.parametrize("said", [
    "When you annotate my drawings with the arrows, that's brilliant, I keep them on the wall.",
    "The way you asked me what I'd check first, instead of telling me, that was really good.",
    "The shifts where you came along were worth ten of these calls, honestly.",
    "The way you ask me questions instead of handing me the answer makes me actually think.",
    "yeah like youre the only one who explains the why and not just the what",
    "The mock interview you ran with me was the single most useful thing anyone's done for me.",
    "Honestly, that's the clearest anyone's explained it.",
])
def test_the_mentee_crediting_how_the_mentor_helps_is_praise(said):
    assert kinds(("mentor", "How are you finding these sessions?"), ("mentee", said)) == [
        ("praise", "mentee", "mentor", 1)]


@pytest.mark.parametrize("said", [
    "I do. The only thing is, could they be shorter? One ran to nine minutes and I lost the thread.",
    "no it was great but like if you could talk a bit more while you're doing it cause i couldn't follow",
    "that was fine maybe just um tell me beforehand that you're leaving it to me",
    "I think I needed you to push me on the costings back then.",
    "Since we're being honest, sometimes you jump in with the answer before I've finished.",
])
def test_the_mentee_asking_the_mentor_to_change_how_they_help(said):
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", "Anything about how I do this?"),
                                                             ("mentee", said))


def test_asking_the_mentor_for_a_thing_is_a_request_not_feedback():
    assert kinds(("mentor", "Anything else?"), ("mentee", "Could you send me the template before Friday?")) == []


def test_a_state_promised_is_no_advice_and_asking_what_was_tried_is_a_question():
    assert kinds(("mentor", "So, are you entering it?"),
                 ("mentee", "I am. Consider the entry form done by the end of the month.")) == []
    assert kinds(("mentee", "She keeps missing the handovers."),
                 ("mentor", "So, what have you tried, and what are you thinking?")) == []


@pytest.mark.parametrize("said", [
    "Don't buy the freezers outright, rent them by the month until you know the demand.",
    "Keep the spares on the board in the van, not in a drawer at the unit.",
])
def test_a_noun_ending_like_an_ordinal_is_no_date(said):
    """'by the month', 'on the board': not 'by the fifth', so the advice is not a dated task."""
    assert [k for k, *_ in kinds(("mentee", "The stock keeps going missing."), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said", [
    "Oh, and thanks, Ines, the thing about quoting a range first is genius.",
    "That bit about pricing the call-out separately was really useful.",
    "what you said about leaving the footnotes out really freed me up",
    "Thank you for what you said about saying no to the rush jobs.",
    "that point about the ground plane, honestly I'd never have figured that out on my own",
])
def test_the_mentee_crediting_a_point_the_mentor_made(said):
    assert kinds(("mentor", "Same time in a fortnight, then."), ("mentee", said)) == [
        ("praise", "mentee", "mentor", 1)]


def test_what_the_mentee_found_by_themselves_is_no_credit():
    assert kinds(("mentor", "Good."), ("mentee", "Funny, if I hadn't tried the test piece I'd never have spotted "
                                                 "the drainage thing.")) == []


def test_finding_a_time_for_the_next_call_is_no_advice():
    assert kinds(("mentee", "Thanks for that."), ("mentor", "so let's find a time for next time um"),
                 ("mentor", "after the open day makes sense so maybe the week after")) == []


@pytest.mark.parametrize("said", [
    "What happens if you just open the stall on Saturdays and drop the Thursday?",
    "Okay, what about printing a smaller run first, instead?",
    "So what would you think about costing each job from your own hours upwards?",
    "Would it be worth entering it for the regional award?",
    "Going forward I'd photograph every joint before the boards go back down.",
    "Right, one thing I'd really push is a written quote for every job, however small.",
    "well the main thing is you don't answer him at all not a word",
])
def test_the_mentor_directing_the_next_step(said):
    assert [k for k, *_ in kinds(("mentee", "That's where it's at."), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said", ["What about pricing?", "Would it help to see one of mine?",
                                  "I'd like you to send me the figures by Friday."])
def test_a_topic_an_offer_or_an_assignment_is_no_advice(said):
    assert kinds(("mentee", "That's where it's at."), ("mentor", said)) == []


@pytest.mark.parametrize("said", [
    "Good, that's good that you rang her first, most people just send an email.",
    "Honestly, they're better than mine were at your stage.",
    "And keep doing what you did with the Patels, people remember that.",
    "Taking the blame the way you did was exactly the right call.",
    "Marta on reception says your handovers are the clearest on the floor.",
    "The inspector said it was the tidiest install he'd seen all year.",
])
def test_the_mentor_approving_what_the_listener_did(said):
    assert [k for k, *_ in kinds(("mentee", "So that's what happened."), ("mentor", said))] == ["praise"]


@pytest.mark.parametrize("said", ["Good, you'll need that for the audit.", "She says the best bit is the garden.",
                                  "Right, you said earlier the van was booked."])
def test_approval_words_that_judge_nothing_the_listener_did(said):
    assert kinds(("mentee", "So that's what happened."), ("mentor", said)) == []


@pytest.mark.parametrize("said", [
    "Draft the letter yourself first, and send it to me before it goes to the client.",
    "Can you send me your timesheets and a line on each job?",
    "So next time, are you around the week after?",
    "okay um next time does the tuesday work same time",
])
def test_asking_to_be_sent_something_or_when_to_meet_is_no_advice(said):
    assert kinds(("mentee", "That's where it's at."), ("mentor", said)) == []


def test_next_time_do_it_first_is_still_advice():
    said = "Next time, you do the measurements before anyone cuts."
    assert [k for k, *_ in kinds(("mentee", "I ran out of time."), ("mentor", said))] == ["constructive"]


@pytest.mark.parametrize("said", [
    "That's achievable if you keep the practice hours up.",
    "You'll need two referees from the trade before they'll look at it.",
])
def test_a_plan_judged_or_a_requirement_is_no_advice(said):
    assert kinds(("mentee", "That's where it's at."), ("mentor", said)) == []


def test_you_need_to_is_still_advice():
    assert [k for k, *_ in kinds(("mentee", "I keep running out of time."),
                                 ("mentor", "You need to slow down and read the brief twice."))] == ["constructive"]


@pytest.mark.parametrize("text", [
    "Have you been to the drop-in clinic on Thursdays?",
    "have you put a sample chart in the front of the logbook",
    "Have you looked at the old survey reports?",
])
def test_asking_whether_the_listener_took_a_step_after_a_difficulty_suggests_it(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(
        ("mentee", "I'm really struggling with the tide tables, I keep getting the heights wrong."),
        ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "That's absolutely fine. Knowing when to say no is a skill in itself, and you judged that one well.",
    "You're genuinely good at that, I saw the splices you did last month.",
    "honestly asking the skipper for the old charts was a great move most people never think to",
])
def test_a_judgement_a_skill_or_a_move_of_the_listener_named_well_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(
        ("mentee", "I turned down the extra shift and asked the skipper for his old charts."), ("mentor", text)), text


@pytest.mark.parametrize("text", [
    "Perfect. Thanks Dana, the tonnage stuff was a real eye-opener.",
    "i won't um thanks dana honestly that buddy idea is brilliant i'm really excited to try it",
    "you too thanks dana honestly the handover idea is gonna make such a difference bye",
])
def test_the_mentee_crediting_an_idea_at_parting_is_praise_of_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Good. Same time next week then."),
                                                      ("mentee", text)), text


@pytest.mark.parametrize("text", [
    "Thanks, Dana. You always make it all sound a lot less scary.",
    "That's a good point. You're always good at linking the shifts to the bigger picture.",
])
def test_the_mentee_naming_what_the_mentor_always_does_well_is_praise(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "You'll manage the winch fine."),
                                                      ("mentee", text)), text


def test_a_fault_found_after_praise_of_the_same_work_is_constructive_too():
    found = kinds(("mentee", "Here's my write-up of the berth survey."),
                  ("mentor", "The core of the survey is solid, and the tide table is really clear. "
                             "The cost section is thin, though, there isn't a single number in it."))
    assert ("praise", "mentor", "mentee", 1) in found and ("constructive", "mentor", "mentee", 1) in found


@pytest.mark.parametrize("text", [
    "Have you checked the tide gauge logs against the chart datum?",
    "Have you ever asked him what he'd change if it was his boat?",
    "mm have you written your reasoning up anywhere",
    "Have you checked whether the relief crew are logging the fuel before it goes in the tank?",
    "ok that's a lot for one week um have you checked the settling time for the new mix because it drags the schedule",
    "And the pre-start briefing they teach now, have you given that a proper go?",
])
def test_asking_whether_the_listener_took_a_helpful_step_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "So that's where the survey is."),
                                                             ("mentor", text)), text


@pytest.mark.parametrize("text", ["Have you asked him?", "Have you done the dive plan yet?",
                                  "Have you heard back from the harbour board about the berth?",
                                  "Have you run a night dive before?",
                                  "okay good what have you checked so far on the hull",
                                  "and while we're on money have you done your invoice to the marina"])
def test_asking_how_things_stand_is_not_constructive(text):
    assert all(k[0] != "constructive" for k in kinds(("mentee", "So that's where the survey is."),
                                                      ("mentor", text))), text


@pytest.mark.parametrize("text", [
    "Honestly? I'd really double-check the load figures before you send it.",
    "Personally I'd always price the call-out separately.",
    "Then I'd maybe park the night fishing for now and get the ticket done first.",
])
def test_what_the_mentor_would_do_said_with_an_adverb_or_another_verb_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "So that's where the quote is."),
                                                             ("mentor", text)), text


def test_the_thing_to_work_on_run_on_in_speech_is_constructive():
    assert ("constructive", "mentor", "mentee", 1) in kinds(
        ("mentee", "that was hard to do in front of the examiner"),
        ("mentor", "it always is now the thing to work on you slipped into reported speech he says that he was "
                   "on watch and so on you need to keep to first person"))


@pytest.mark.parametrize("text, advice", [
    ("the buyers never ring back after the first quote so maybe send them a shorter one with a photo", True),
    ("that's the right call honestly don't promise a date you can't keep give them a window", True),
    ("yeah it's a big jump and perhaps talk to the regional team before you put your name down", True),
    # no advice: what other people don't do, a reassurance, a reminder
    ("most people starting out don't price the travel at all so you're ahead there", False),
    ("it happens to all of us so don't beat yourself up about the spoiled batch", False),
    ("good and the forms go in on monday so don't forget to sign the second page", False),
    ("i know maybe it sounds odd but he liked the first draft more than the second", False),
    ("Okay, that's loads of time, don't panic.", False),
])
def test_advice_opening_a_clause_inside_unpunctuated_speech(text, advice):
    found = kinds(("mentee", "so that's where the quote is"), ("mentor", text))
    assert (("constructive", "mentor", "mentee", 1) in found) == advice, found


@pytest.mark.parametrize("text, praise", [
    ("Honestly, that's a really healthy habit, logging every call.", True),
    ("that's a much better idea than mine you know the crew i don't", True),
    ("Mm, that's exactly the kind of thinking they promoted you for.", True),
    ("And that's a sensible way to look at it, by the way.", True),
    ("Is that the right answer, do you think?", False),
    ("I'm not sure that's the right answer for the panel.", False),
])
def test_the_mentor_calling_an_instinct_habit_or_answer_right_is_praise(text, praise):
    found = kinds(("mentee", "I'd rather ask the crew first and then decide."), ("mentor", text))
    assert (("praise", "mentor", "mentee", 1) in found) == praise, found


@pytest.mark.parametrize("text", [
    "And thanks for the push on the pricing, I needed that.",
    "The bit about letting the client talk first, that really landed.",
    "Thanks, you've made the whole audit feel a lot less scary.",
    "The thing you said about owning the mistake early, that's going to stay with me.",
    "Honestly the deadline stuff was the kick up the backside I needed.",
    "That seating plan idea, I'm going to steal that for every event.",
])
def test_the_mentee_crediting_the_mentoring_in_new_words_is_praise(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything else before we stop?"), ("mentee", text))


@pytest.mark.parametrize("text", [
    "Fair enough. Next time I'd go and see the site lead first, in person.",
    "what i would do though is um shadow the night shift for a week",
    "yeah and i'd maybe not quote until you've seen the roof",
])
def test_what_the_mentor_would_do_after_next_time_or_as_what_i_would_do_is_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "So that's where the job is."), ("mentor", text))


@pytest.mark.parametrize("speaker, text", [
    ("mentor", "Please don't spend your whole weekend on the slides."),
    ("mentor", "Don't kill yourself over it while you're on site, though."),
    ("mentee", "Okay, go on. Please be gentle."),
    ("mentee", "perfect please be harsh it's better coming from you than from the panel"),
])
def test_care_and_asking_to_be_spared_are_no_advice(speaker, text):
    other = "mentee" if speaker == "mentor" else "mentor"
    assert all(k[0] != "constructive" for k in kinds((other, "So that's the draft."), (speaker, text)))


@pytest.mark.parametrize("text", [
    "It's small, but it would really help me if we ended each call with a two-minute recap.",
    "honestly it'd help me if we picked one thing to practise each time",
    "um one small thing can you maybe not send me voice notes during my shifts",
])
def test_the_mentee_asking_for_a_change_in_the_mentoring_is_constructive(text):
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", "Right, anything else before we stop?"),
                                                             ("mentee", text))


@pytest.mark.parametrize("text", [
    "Honestly, the pricing advice last month saved the whole order, so thank you.",
    "The tip you gave me about opening with a question. It worked really well at the fair.",
    "You've never once made me feel slow, and that's made all the difference.",
    "The deposit idea and the weekly list have basically solved my month.",
    "The thing you said about reading the room, I'm going to hear that in my head for years.",
    "The session where you walked me through the budget line by line was the most useful hour I've had.",
])
def test_the_mentee_crediting_advice_a_session_or_the_mentor_is_praise(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Right, anything else before we stop?"),
                                                       ("mentee", text))


@pytest.mark.parametrize("text", [
    "Cheers, Anil. Walking through the policy wording clause by clause was so much more use than the e-learning.",
    "thanks jo um you showing me your old file notes really helps i'd never have seen that in a textbook",
    "Thanks, Mei. Splitting it as a pilot first is a total game-changer for me.",
    "The back-to-front drafting thing makes so much more sense now you've shown me on my own report.",
    "thanks pat honestly these chats are the one place i think about the long term so yeah they really help",
    "That line about being firm before friendly, I'm going to hang on to that.",
    "Thank you. Honestly, talking it through has made me feel a lot calmer about the panel.",
    "Thanks, Ruth, the cc/bcc idea alone was worth getting up early for.",
])
def test_the_mentee_crediting_the_mentoring_in_yet_more_words_is_praise(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Right, anything else before we stop?"),
                                                       ("mentee", text))


@pytest.mark.parametrize("text", [
    "Thanks, that helps. The other thing is the audit itself.",
    "Oh, thank you, that would really help.",
    "Doing it as a pilot would save a lot of arguing, I think.",
])
def test_thanks_for_an_offer_or_a_bare_that_helps_is_not_crediting_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) not in kinds(("mentor", "I can send you my checklist."),
                                                           ("mentee", text))


@pytest.mark.parametrize("turn", [
    "I know the depot keeps you busy. But when you moved our session on the morning itself I'd already "
    "arranged cover. A day's notice would really help.",
    "the only thing is um sometimes the calls drag on past six and i've got to collect my daughter "
    "so could we stop at half five",
    "Your notes on my draft were useful. But sometimes there are thirty of them and I freeze. "
    "I'd really rather you picked the three that matter.",
])
def test_the_mentee_turning_to_a_wish_for_the_mentoring_is_constructive(turn):
    found = kinds(("mentor", "Anything you'd change about how we do this?"), ("mentee", turn))
    assert ("constructive", "mentee", "mentor", 1) in found


@pytest.mark.parametrize("turn", [
    "But the supplier keeps moving the deadline, could we look at the plan again?",  # not the mentoring
    "The calls have been brilliant, could we do the next one on Tuesday?",  # no turn to a critique
    "I told the client what it would cost, but the advice I gave them was to buy a used one instead.",
])
def test_no_wish_for_the_mentoring_without_its_name_and_a_turn_to_critique(turn):
    found = kinds(("mentor", "How's it going?"), ("mentee", turn))
    assert ("constructive", "mentee", "mentor", 1) not in found


@pytest.mark.parametrize("text", [
    "Your Spanish has come on a lot since the spring.",
    "Honestly, that's the best proposal you've written.",
    "The risk register is easily the clearest one I've seen from this team.",
    "Your bid was the strongest thing the panel received all round.",
    "You've got a real ear for how customers talk.",
    "And you're brilliant at rotas, everyone knew where to be.",
    "You were calm, and the room followed you.",
    "the set on saturday was honestly world class",
])
def test_praise_by_its_shape_progress_superlatives_gifts_and_verdicts(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where I've got to."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "The best book I've ever read on negotiation is Never Split the Difference.",
    "You were worried about the rota, weren't you?",
    "The best thing you can do is ring them first.",
])
def test_a_recommendation_or_a_question_is_no_superlative_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So that's where I've got to."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "Honestly, you're so easy to talk to, I never feel daft asking.",
    "You're the only person here who explains the why.",
    "the way you break it down is the part i get the most out of",
    "I always leave feeling calmer about the whole thing.",
    "You're really patient with me.",
])
def test_the_mentee_describing_the_mentor_well_is_praise_of_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "How are these calls going for you?"),
                                                      ("mentee", text))


def test_you_are_kind_of_is_no_praise():
    assert ("praise", "mentee", "mentor", 1) not in kinds(
        ("mentor", "How are these calls going for you?"), ("mentee", "You're kind of rushing me at the end."))


def test_what_would_really_help_is_a_wish_not_praise():
    found = kinds(("mentor", "How are these calls going for you?"),
                  ("mentee", "Mostly fine. But a day's warning when you move one would really help."))
    assert ("praise", "mentee", "mentor", 1) not in found
    assert ("constructive", "mentee", "mentor", 1) in found


@pytest.mark.parametrize("text", [
    "i was gonna say you should do the welding short course actually no forget that it's full till june",
    "you should present it to the board in march actually no scratch that it's too soon",
])
def test_advice_taken_back_as_it_is_said_is_no_feedback(text):
    assert kinds(("mentee", "What else should I be doing?"), ("mentor", text)) == []


@pytest.mark.parametrize("text", [
    "I was going to say you could start pricing the rebuilds too, but actually, no, let that wait.",
    "Have you thought about calling them the founding flows? Actually no, ignore me, that sounds naff.",
    "you could like do the home visits yourself um no scratch that the family worker does those now",
    "Try the evening course at the college. Oh, forget it, they stopped running it last spring.",
    "so maybe drop the saturday shift but that's your call not mine forget i said that",
    "I was also going to say you should shadow the night audits, but actually, no, that's your exam week.",
])
def test_advice_taken_back_in_other_words_is_no_feedback(text):
    assert kinds(("mentee", "What else should I be doing?"), ("mentor", text)) == []


@pytest.mark.parametrize("text", [
    "So my suggestion, and feel free to ignore it: bring Anya a one-page summary.",
    "I'm not going to tell you to work less, you'd ignore me anyway. But have you thought about stopping at six?",
    "Scratch that, here's a better idea: you should send the report to the panel a day early.",
])
def test_advice_that_survives_an_aside_about_ignoring_it_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "What else should I be doing?"),
                                                           ("mentor", text))


@pytest.mark.parametrize("text", [
    "Now the harder part. Your risk register still lists forty items. Nobody on the board will read past ten.",
    "The rota looks tidy. But the real issue is that you cover every gap yourself.",
    "I've read the report. One thing I noticed: your summary only comes on page six.",
    "Okay, I'll say this gently. You answer for the team in every meeting, and they've stopped speaking up.",
    "so this is the bit i'd push on you keep booking clients back to back with no time to write notes",
    "Good numbers overall. The one thing that let it down was the follow-up calls, you made half of them.",
])
def test_a_fault_the_mentor_announces_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "How did it look to you?"), ("mentor", text))


@pytest.mark.parametrize("text", [
    "Now, the other thing I wanted to raise. Last time you mentioned the leadership course.",
    "The real problem is the supplier, and I'll chase them myself tomorrow.",
    "Here's the thing: I had exactly the same worry when I started.",
])
def test_an_announcement_without_a_fault_of_the_listener_is_no_feedback(text):
    assert ("constructive", "mentor", "mentee", 1) not in kinds(("mentee", "Anything else?"), ("mentor", text))


@pytest.mark.parametrize("text", ["You did a brilliant job on the handover.", "That was a superb job, honestly.",
                                  "Cracking job with the rota."])
def test_a_job_done_well_in_other_words_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "The handover went fine."), ("mentor", text))


@pytest.mark.parametrize("text", ["getting the grant on your first go is like really really impressive",
                                  "your write-up was like super clear"])
def test_praise_with_a_filler_among_its_intensifiers_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "so that's the news"), ("mentor", text))


@pytest.mark.parametrize("text", [
    "That was genuinely well handled.",
    "You've also been really patient with the new starters.",
    "you've done brilliantly to get the shop this far",
    "And fair play for owning up to it straight away.",
    "Your last ten reviews were all five stars. That doesn't happen by accident.",
    "Honestly, that reply was calmer than I managed in my first year.",
    "your handover notes are clearer than most of the team's",
    "the questions you're asking are the right ones",
    "you're handling the step up to supervisor really well",
])
def test_praise_in_more_shapes(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where things are."), ("mentor", text))


@pytest.mark.parametrize("text", ["You haven't done well enough on the audits yet.",
                                  "You've done well enough to scrape through, no more."])
def test_praise_shapes_keep_their_negations(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So that's where things are."), ("mentor", text))


def test_what_about_a_hyphenated_step_is_advice():
    assert ("constructive", "mentor", "mentee", 1) in kinds(
        ("mentee", "We're always short on days when someone rings in sick."),
        ("mentor", "What about cross-training a couple of the evening staff on the day rooms?"))


@pytest.mark.parametrize("text", [
    "And one more thing. When you email the parents you never say hello.",
    "I'll be honest, you talk over the quieter ones in the team meeting, so they've stopped offering ideas.",
    "I'll be honest. Your reports still arrive a day after the shift ends.",
])
def test_a_fault_said_outright_after_a_loose_announcement_is_constructive(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "That's where I am."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "One thing: you'll get the rota on Friday.",
    "I'll be honest, you've handled a tough month.",
])
def test_a_loose_announcement_without_a_fault_is_no_critique(text):
    assert ("constructive", "mentor", "mentee", 1) not in kinds(("mentee", "That's where I am."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "and um i do really like that you send the notes the same evening",
    "Cutting the intro was exactly the nudge I needed.",
    "The rota idea makes more sense to me than anything the course said.",
    "Thanks, I always come away from these calls with a clearer plan.",
    "okay this has honestly been like really helpful",
    "You were blunt with me about the budget last time, and I needed that.",
    "you were totally right about the parents' evening",
    "you putting me in touch with the county adviser changed everything",
])
def test_the_mentees_thanks_in_more_shapes_is_praise_of_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything else on your mind?"), ("mentee", text))


def test_needing_a_thing_is_no_thanks():
    assert ("praise", "mentee", "mentor", 1) not in kinds(("mentor", "Anything else on your mind?"),
                                                          ("mentee", "I needed that form back by Tuesday."))


@pytest.mark.parametrize("question, answer", [
    ("Anything I should be doing differently?", "Could we meet a bit more often? Three weeks is a long gap for me."),
    ("Anything you'd change?", "Just one. I'd rather we did them in person than on the phone."),
])
def test_what_the_mentee_would_change_when_asked_is_constructive(question, answer):
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", question), ("mentee", answer))


@pytest.mark.parametrize("text", [
    "I'll be honest, nobody feels ready for their first inspection, so you're in good company.",
    "I'll be honest, everybody struggles with the rota at first, you're not the only one.",
])
def test_comfort_after_an_announcement_is_no_critique(text):
    assert ("constructive", "mentor", "mentee", 1) not in kinds(("mentee", "I feel so behind."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "Sixty-one on your first mock, that's about right. Most people are in the low fifties.",
    "Ringing the client before the invoice went out, I'm glad you did. Most juniors never think to do that.",
    "that's the right order to check things in and a lot of people skip it",
    "I'm glad you pushed back there. Saying no to a partner is something plenty of seniors take years to learn.",
    "Walking the site first shows real patience. Most new surveyors go straight for the drawings.",
])
def test_setting_the_listener_above_others_after_a_good_word_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's how the week went."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "Most clinics don't know they can ask for a rebate, so do ask yours.",
    "Most people just panic in their first audit.",
    "It's a good rule: most adjusters never read the policy schedule, and you should.",
])
def test_others_falling_short_alone_or_as_advice_is_not_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So that's how the week went."),
                                                           ("mentor", text))


@pytest.mark.parametrize("text", [
    "And the fact that you came to me with the claim numbers already pulled, that's how people get on here.",
    "the fact you went back and found out why the boiler failed that's exactly the mindset for loss adjusting",
    "For what it's worth, the fact that your first thought was the family is why they made you senior.",
])
def test_the_fact_that_the_listener_did_something_said_approvingly_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where the file is."), ("mentor", text))


@pytest.mark.parametrize("text", [
    "The fact you don't know which policy it is, that's the thing to fix.",
    "Given the fact that you start in May, book the course now.",
    "The fact that you're new is a problem for the panel, but not a big one.",
])
def test_the_fact_that_in_a_fault_or_a_reason_is_not_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So that's where the file is."),
                                                           ("mentor", text))


@pytest.mark.parametrize("text", [
    "Every claim needs its photos dated on the day, otherwise the insurer will query every one of them.",
    "Write the reading down as you take it. Otherwise you're just guessing at the end of the shift.",
    "you tell the regulars about a new blend before they taste it not after otherwise it looks like you don't "
    "know your own coffee",
])
def test_what_to_do_with_what_goes_wrong_otherwise_is_advice(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "That's how I did the last one."),
                                                           ("mentor", text))


@pytest.mark.parametrize("text", [
    "Text me if it's urgent, otherwise email is fine and I'll answer the same day.",
    "And let me tell the partners it's mandatory, otherwise they'll ignore it.",
    "Good. How's the new team otherwise?",
    "One typo on page four, otherwise it's clean.",
])
def test_otherwise_in_an_arrangement_a_question_or_the_mentors_own_step_is_no_advice(text):
    assert ("constructive", "mentor", "mentee", 1) not in kinds(("mentee", "That's how I did the last one."),
                                                               ("mentor", text))


@pytest.mark.parametrize("text", [
    "And if the insurer won't cover it, leave the paperwork side with me.",
    "Run the valuation past me before it goes to the client, so the figures are watertight.",
    "And keep a log for me: arrivals and departures, morning and evening.",
    "You should come out with me on Friday, I've got a full survey and you can shadow the whole thing.",
])
def test_work_for_the_mentor_or_with_them_is_no_advice(text):
    assert ("constructive", "mentor", "mentee", 1) not in kinds(("mentee", "I'm not sure where to start."),
                                                               ("mentor", text))


def test_what_worked_for_the_mentor_is_still_advice():
    found = kinds(("mentee", "I'm not sure where to start."),
                  ("mentor", "One thing that worked for me: print the schedule off and mark each claim in colour."))
    assert ("constructive", "mentor", "mentee", 1) in found


@pytest.mark.parametrize("text", [
    "What worked for me, and for most of the juniors since, is ten reconciliations a day, timed.",
    "It's a tough one. What I used to do was sit the client down away from the counter and walk them through it.",
    "Well, it reads fine. The only thing I'd add is a summary table at the front.",
    "honestly what's worked for me is writing the file note while you're still in the car",
    "What worked for me, back at the Leeds office, this was ages ago, was booking the first hour as focus time.",
    "what worked for me on a site like that was um i walked the snag list with the client every friday",
    "What worked for me when I sat mine: flashcards on the bus, twenty a day.",
    "Can I tell you what worked for me? I kept a one-line diary of every difficult call.",
    "I'll tell you what I did, for what it's worth. I picked one module a week and ignored the rest.",
    "Here's what I've learned in fifteen years. The plan is never the problem, the handover is.",
    "I got burned by that once. What I started doing after that was reading the contract cold every Monday.",
    "They're meant to disagree. What I'd gently push you on is this: put both numbers side by side.",
])
def test_what_served_the_mentor_is_advice(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "I keep falling behind."), ("mentor", text))


def test_what_served_the_mentor_taken_back_is_no_advice():
    found = kinds(("mentee", "I keep falling behind."),
                  ("mentor", "what worked for me was reading the whole standard twice actually no forget that"))
    assert ("constructive", "mentor", "mentee", 1) not in found


@pytest.mark.parametrize("text", [
    "Honestly, you'd be good at it. You already think like an assessor.",
    "Which is exactly why you're going to be great at this.",
    "and you'd be really good at that i've seen your reconciliations",
])
def test_the_mentor_saying_the_listener_would_be_good_at_it_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "I'm thinking of applying for the senior role."),
                                                       ("mentor", text))


def test_asking_whether_they_would_be_good_at_it_is_not_praise():
    assert ("praise", "mentor", "mentee", 1) not in kinds(
        ("mentee", "I'm thinking of applying for the senior role."),
        ("mentor", "Do you think you'd be good at it?"))


@pytest.mark.parametrize("text", [
    "You had the address in the first minute and kept him on the line. That's textbook.",
    "See, you worked that out yourself. That's the whole job, really.",
    "Good, that's exactly the right way to test it, one change at a time.",
    "following up the next day with the spec sheet that's how you build trust with those buyers",
])
def test_the_mentor_calling_what_the_listener_did_the_way_to_do_it_is_praise(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So I rang him back the next morning."),
                                                       ("mentor", text))


@pytest.mark.parametrize("text", ["Ha, that's the job. Long day?", "That's exactly it."])
def test_the_job_as_it_is_or_plain_agreement_is_not_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So the point is to ask first."),
                                                           ("mentor", text))


@pytest.mark.parametrize("text", [
    "Thank you. Honestly, I always come off these calls feeling like it's actually possible.",
    "I always walk away from these calls feeling calmer.",
])
def test_how_the_mentee_comes_off_the_calls_is_praise_of_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything else before we stop?"), ("mentee", text))


@pytest.mark.parametrize("text", [
    "Thanks. Having someone lay out the week like that, step by step, was exactly what I needed.",
    "and thanks for today like the bit about the waste log made it feel fixable honestly",
    "And thanks for going through the planogram with me, it was so much more useful than the manual.",
    "aw thanks that means a lot and your tip last month about doing the chilled counts before the doors open "
    "totally worked",
    "Honestly, this evening helped more than the training day did.",
    "Thank you. Asking what would make it fair was exactly the question I needed.",
    "You rang me back within ten minutes on Sunday. I can't tell you how much that helped.",
    "The thing that's helped most is that you never just hand me the answer.",
    "can i also just say the way you text me before store visits makes me feel less on my own",
    "Thanks, that was genuinely the most useful feedback I've had on a rota.",
    "Honestly, the way you always open with last month's actions keeps me accountable.",
])
def test_the_mentee_crediting_what_the_mentor_did(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything else before we stop?"), ("mentee", text))


def test_emphasis_is_no_denial_but_a_real_denial_is():
    assert ("praise", "mentee", "mentor", 1) not in kinds(("mentor", "How was the audit?"),
                                                          ("mentee", "I can't tell you how much I hated it."))


@pytest.mark.parametrize("text", [
    "And for what it's worth, the markdown plan itself was good.",
    "For what it's worth, Helen said your new rota was clever.",
    "You've been really good about sending me the figures before our calls.",
    "And for what it's worth, you were very straight with me today about the shrink numbers.",
    "The window display is the strongest one in the set.",
    "Honestly, that's a genuinely good paragraph.",
])
def test_more_ways_the_mentor_credits_the_mentee(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where I am with the store."),
                                                      ("mentor", text))


@pytest.mark.parametrize("text", [
    "For what it's worth, I think you should call it the summer range.",
    "That's really normal in a first year, for what it's worth.",
    "For what it's worth, when I was a deputy I had the same trouble with the rota.",
])
def test_for_what_its_worth_opening_advice_or_a_story_is_not_praise(text):
    assert ("praise", "mentor", "mentee", 1) not in kinds(("mentee", "So that's where I am with the store."),
                                                          ("mentor", text))


@pytest.mark.parametrize("asked, answer", [
    ("How did you find this, going through the figures line by line?",
     "It was useful. Maybe going forward you could send the marked-up sheet the day before?"),
    ("Now, how's the mentoring working for you?",
     "Really well. One small thing: could you put the links you mention in the chat?"),
])
def test_the_mentee_asked_about_the_mentoring_says_what_to_change(asked, answer):
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", asked), ("mentee", answer))


def test_what_the_mentors_habit_makes_hard_and_the_change_asked():
    text = ("the only thing is sometimes i get your voice notes on the shop floor and i can't listen to them "
            "till the evening could you maybe type them instead")
    assert ("constructive", "mentee", "mentor", 1) in kinds(("mentor", "great"), ("mentee", text))


@pytest.mark.parametrize("text", [
    "Okay. One thing to try: give the first ten minutes entirely to the night team.",
    "The quickest way to win the night team over is a bit boring: be there at the start of their shift.",
])
def test_advice_framed_before_it_is_given(text):
    assert ("constructive", "mentor", "mentee", 1) in kinds(("mentee", "I keep losing track of the markdowns."),
                                                            ("mentor", text))


@pytest.mark.parametrize("text, kind", [
    ("I've done all the sessions with the family but I'm stuck on the write-up.", "praise"),
    ("I don't know how to turn the survey into a recommendation.", "constructive"),
])
def test_being_stuck_or_a_recommendation_of_ones_own_work_is_no_feedback(text, kind):
    assert (kind, "mentee", "mentor", 1) not in kinds(("mentor", "What's next on your list?"), ("mentee", text))


@pytest.mark.parametrize("text", [
    "Thanks. And thanks for setting out the agenda at the start. Knowing we'd do goals first made it a lot less "
    "awkward than I'd expected.",
    "Can I just say, this is exactly why these sessions help. You turn a panic into a list.",
])
def test_more_of_the_mentee_crediting_the_mentoring(text):
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "Anything else before we stop?"), ("mentee", text))


def test_what_the_mentee_can_do_now_credits_the_mentor():
    text = "yeah yeah i know um thanks jo honestly the bit about putting your reasons in a single line like i can " \
           "actually do that now instead of dreading it"
    assert ("praise", "mentee", "mentor", 1) in kinds(("mentor", "great and don't forget the stock count friday"),
                                                      ("mentee", text))


def test_thanks_for_making_time_then_a_good_outcome_is_no_credit():
    text = "Thanks for making the time. Knowing the audit is done made the week a lot less stressful."
    assert ("praise", "mentee", "mentor", 1) not in kinds(("mentor", "Hi, how are you?"), ("mentee", text))


@pytest.mark.parametrize("text", [
    "Honestly, the way you handle the delivery drivers is a real strength.",
    "That's a sound plan. Honestly, I wouldn't change a thing.",
    "Your shrink report in March was the clearest one I got from any store.",
])
def test_yet_more_ways_the_mentor_credits_the_mentee(text):
    assert ("praise", "mentor", "mentee", 1) in kinds(("mentee", "So that's where I am with the store."),
                                                      ("mentor", text))


def test_being_good_with_people_is_praise_not_advice():
    found = kinds(("mentee", "ok yeah i can take that i'll start the monday check ins this monday"),
                  ("mentor", "and i'll be honest jo you're really good with those drivers the ones who don't turn up "
                             "on time like they actually respond to you"))
    assert ("praise", "mentor", "mentee", 1) in found and ("constructive", "mentor", "mentee", 1) not in found


@pytest.mark.parametrize("verdict", [
    "That is a remarkable improvement.",
    "Twelve weeks without a missed delivery is a considerable achievement.",
    "That's a real skill.",
    "Honestly, that's really good practice.",
])
def test_a_verdict_on_what_was_just_reported_is_praise(verdict):
    assert kinds(("mentee", "I finally got the team's response times down from four days to one."),
                 ("mentor", verdict)) == [("praise", "mentor", "mentee", 1)]


def test_your_work_the_best_on_the_team_is_praise():
    assert ("praise", "mentor", "mentee", 1) in kinds(
        ("mentee", "Stage two is done."),
        ("mentor", "Your handover sheets are also the clearest on the ward; the matron mentioned them to me."))


@pytest.mark.parametrize("advice", [
    "What I'd do on weeks like that is block out the Friday morning for the reports.",
    "What you can do is ask the PDU head for temporary cover.",
])
def test_what_one_would_do_or_can_do_is_advice(advice):
    assert kinds(("mentee", "I'm drowning in the reports at the moment."),
                 ("mentor", advice)) == [("constructive", "mentor", "mentee", 1)]


@pytest.mark.parametrize("turn", [
    "That's useful. I'll ring the supplier on Monday and ask for the certificates.",
    "okay that's really helpful so i'll go through the freezer log this week",
    "That actually helps. Should I send him the summary now or wait?",
])
def test_useful_advice_taken_up_is_no_praise_of_the_mentoring(turn):
    assert [k for k in kinds(("mentor", "I'd ask for the paperwork before you sign anything."),
                             ("mentee", turn)) if k[0] == "praise"] == []


@pytest.mark.parametrize("turn", [
    "That's really useful, thank you. I'll ring the supplier on Monday.",
    "That's actually really useful. I'm writing that down.",
    "That's helpful. Nobody's ever explained it to me like that.",
])
def test_useful_with_thanks_or_more_is_praise_of_the_mentoring(turn):
    assert ("praise", "mentee", "mentor", 1) in kinds(
        ("mentor", "I'd ask for the paperwork before you sign anything."), ("mentee", turn))


def test_noting_the_meeting_in_the_diary_is_no_advice():
    assert kinds(("mentee", "Thursday the eighth works, any time after two?"),
                 ("mentor", "Three o'clock, Thursday the eighth. Put it in your diary before you forget.")) == []
