"""Questions (open or closed, not tags or requests) and challenges (owned difficulties)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from summaries.challenges import extract_challenges
from summaries.questions import extract_questions
from summaries.text import build_context
from summaries.transcript import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
OWN_CASES = ROOT / "tests" / "data" / "feedback_cases"


def context(*turns: tuple[str, str]):
    return build_context(parse_transcript(
        {"segments": [{"speaker": s, "text": t} for s, t in turns]}))


def asked(text: str, speaker: str = "mentor") -> list[tuple[str, bool]]:
    return [(q.speaker, q.open) for q in extract_questions(context((speaker, text)))]


# ---------------------------------------------------------------- questions

@pytest.mark.parametrize("text", [
    "How did the interview go?",
    "What's been on your mind since we last spoke?",
    "Why do you think the launch slipped?",
    "Tell me more about the reorg.",
    "walk me through what happened at the standup",
    "so what would success look like for you by June",
    "Okay. Which of the two offers feels more like you?",
])
def test_open_questions(text):
    assert asked(text) == [("mentor", True)]


@pytest.mark.parametrize("text", [
    "Can you hear me okay?",
    "Did you get a chance to read the RFC?",
    "do you want to do the role play now",
    "Is Thursday still good for you?",
    "So the review is on the ninth, right?",
    "Would it help if I introduced you to Ben?",
    "Same time next week?",
    "How about Tuesday at three?",
])
def test_closed_questions(text):
    assert asked(text) == [("mentor", False)]


@pytest.mark.parametrize("text", [
    "It's a lot to carry, you know?",
    "That's the whole problem, right?",
    "Honestly?",
    "Guess what? They said yes.",
    "Can you send me the draft by Friday?",
    "Would you mind forwarding the invite?",
    "Try it for a week and tell me how it goes next time.",
    "I asked her what she needed and she didn't answer.",
    "Isn't it funny how every plan slips?",
    "Say it out loud, something like, can we agree how edits get made?",
    "Yes, do that.",
    "Have a look at chapter four before Friday.",
])
def test_not_questions(text):
    assert asked(text) == []


def test_question_inside_unpunctuated_recognised_speech():
    text = "yeah year eleven after lunch is hard for everyone what did the observer write"
    assert asked(text) == [("mentor", True)]


def test_stacked_questions_in_one_turn_are_one_open_question():
    questions = extract_questions(context(("mentor", "When should we talk next? Same time in two weeks?")))
    assert [(q.open, q.source.quote) for q in questions] == [
        (True, "When should we talk next? Same time in two weeks?")]


def test_every_question_keeps_its_exact_quote_and_segment():
    turns = (("mentee", "Hi! Can you see my screen?"), ("mentor", "Yes. How was the week?"))
    questions = extract_questions(context(*turns))
    assert [(q.speaker, q.source.segment, q.source.quote) for q in questions] == [
        ("mentee", 0, "Can you see my screen?"), ("mentor", 1, "How was the week?")]


# ---------------------------------------------------------------- challenges

@pytest.mark.parametrize("text", [
    "I've been struggling to get the team to review my pull requests.",
    "I'm stuck on the data model and it's blocking everything.",
    "Honestly, working nights has been really isolating.",
    "My biggest worry right now is the visa renewal.",
    "The hardest part is saying no to my old team.",
    "I don't know how to tell him the project is late.",
    "I keep getting pushed back to the next release.",
    "She's been really dismissive in planning meetings.",
    "I'm finding the on-call rota really hard to keep up with.",
    "is it normal to feel this behind after six months?",
    "i feel totally overwhelmed with the move and the new job",
    "The variance report keeps slipping because I'm waiting on numbers from procurement.",
    "Honestly a bit anxious.",
])
def test_mentee_challenges(text):
    items = extract_challenges(context(("mentor", "How are things?"), ("mentee", text)))
    assert [(c.speaker, c.source.segment) for c in items] == [("mentee", 1)]
    assert items[0].source.quote in text


@pytest.mark.parametrize("speaker, text", [
    ("mentor", "That's really common, everyone struggles with it in the first year."),
    ("mentor", "It's hard at the beginning, that's a fair worry."),
    ("mentee", "I'm not worried about it anymore, we shipped it."),
    ("mentee", "I used to struggle with public speaking, but it's fine now."),
    ("mentee", "My colleague is really stressed about the audit."),
    ("mentee", "Sorry, my wifi is terrible and the video keeps freezing."),
    ("mentee", "I was a bit nervous about this call, to be honest."),
    ("mentee", "It was kind of scary, but it worked out."),
    ("mentee", "Are you worried about the reorg?"),
    ("mentee", "I'm afraid it's not possible to move the deadline."),
])
def test_not_challenges(speaker, text):
    assert extract_challenges(context(("mentee", "Hello."), (speaker, text))) == []


def test_mentor_challenge_needs_the_first_person():
    items = extract_challenges(context(
        ("mentor", "I'll be honest, I'm stretched thin this month with the board meeting.")))
    assert [c.speaker for c in items] == ["mentor"]


def test_challenge_keeps_the_sentence_that_sets_it_up():
    turn = "Thanks. I'm at sixty percent of my target for the half. I'm worried I won't hit it."
    items = extract_challenges(context(("mentee", turn)))
    assert [c.source.quote for c in items] == [
        "I'm at sixty percent of my target for the half. I'm worried I won't hit it."]


# ---------------------------------------------------------------- labelled conversations

def _scores(directory: Path) -> tuple[float, float]:
    """F1 of questions (same speaker and turn) and challenges (same speaker, turn within 1)."""
    counts = {"questions": [0, 0, 0], "challenges": [0, 0, 0]}
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".truth.json"):
            continue
        conversation = json.loads(path.read_text())
        ctx = build_context(parse_transcript({"segments": [
            {"speaker": t["speaker"], "text": t["text"]} for t in conversation["turns"]]}))
        for name, items, slack in (("questions", extract_questions(ctx), 0),
                                   ("challenges", extract_challenges(ctx), 1)):
            labels = conversation["expected"][name]
            used: set[int] = set()
            for label in labels:
                hit = next((i for i, item in enumerate(items) if i not in used
                            and item.speaker == label["speaker"]
                            and abs(item.source.segment - label["turn"]) <= slack), None)
                if hit is not None:
                    used.add(hit)
            counts[name][0] += len(used)
            counts[name][1] += len(items)
            counts[name][2] += len(labels)

    def f1(tp: int, predicted: int, expected: int) -> float:
        p, r = tp / predicted if predicted else 1.0, tp / expected if expected else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    return f1(*counts["questions"]), f1(*counts["challenges"])


@pytest.mark.parametrize("directory", [SESSIONS, OWN_CASES], ids=["shared-sessions", "own-cases"])
def test_f1_on_labelled_conversations(directory):
    questions, challenges = _scores(directory)
    assert questions >= 0.9
    assert challenges >= 0.85


# ---------------------------------------------------------------- phrasings from blind-written conversations

@pytest.mark.parametrize("text", [
    "um yeah sorry i'm just walking out of the building i just finished a shift is this better",
    "okay that's really important first thing did you flag the overtime to your manager",
    "yep can do friday um should i also run it past doctor kim she's presenting with me",
    "the eighth i'm on days that week so seven thirty is my shift start could we do the afternoon",
    "Okay, so two weeks from today, same time.",
    "Tuesday the 24th, same time.",
])
def test_questions_whose_question_mark_a_recogniser_lost(text):
    assert [speaker for speaker, _ in asked(text)] == ["mentor"]


@pytest.mark.parametrize("text", [
    "Can you call the vendor by Tuesday?",
    "While I've got you, could you come talk to my new starters on the tenth?",
    "for the talk don't open with the timeline and um can you send me your slides my friday",
    "But my main source, the guy in procurement, is getting nervous.",
    "Friday works, same time then.",
    "i told her you can do better than that",
])
def test_more_things_that_are_not_questions(text):
    assert asked(text) == []


@pytest.mark.parametrize("text", [
    "Could you tell me more about the rota?",
    "Can you explain what the committee wants?",
    "could you do Tuesday at eleven",
])
def test_asking_to_explain_or_to_meet_is_still_a_question(text):
    assert len(asked(text)) == 1


@pytest.mark.parametrize("turn, keyword", [
    ("Um, Greg, the volunteer coordinator. He keeps going around me to the director. It's getting "
     "kind of awkward.", "Greg"),
    ("So, Tanya, my evening lead. Whenever I post the schedule, she changes it. I don't know how to "
     "handle it.", "Tanya"),
    ("My main source is getting nervous about all this. He stopped answering my calls this week.", "source"),
    ("I'll admit the last few weeks have been rough. I keep feeling like they let me in by mistake.",
     "mistake"),
    ("He's on sabbatical, so I'm kind of on my own with it.", "sabbatical"),
    ("Tom wants it for Sunday and I don't think it's ready. I've been avoiding that call.", "Tom"),
    ("The problem now is busy season. I can't find time to study for audit.", "audit"),
    ("Recruiters want direct experience and I keep getting screened out.", "screened out"),
    ("yeah my command denied the transfer so that's off the table", "transfer"),
])
def test_more_mentee_challenges(turn, keyword):
    items = extract_challenges(context(("mentor", "How are things?"), ("mentee", turn)))
    assert [(c.speaker, keyword in c.text) for c in items] == [("mentee", True)]


@pytest.mark.parametrize("text", [
    "I denied the refund request myself, it was the right call.",
    "I don't think it's ready yet? Let me check.",
    "My manager's kind of on his own with the budget.",
    "The problem was solved last week, luckily.",
])
def test_more_things_that_are_not_challenges(text):
    assert extract_challenges(context(("mentor", "How are things?"), ("mentee", text))) == []


def test_the_rest_of_a_sentence_cut_into_the_next_segment_belongs_to_the_challenge():
    items = extract_challenges(context(("mentee", "I'm just worried I don't have enough shipped."),
                                       ("mentee", "Systems work compared to the internal people.")))
    assert [c.text for c in items] == [
        "I'm just worried I don't have enough shipped. Systems work compared to the internal people."]


@pytest.mark.parametrize("text", ["Would you change anything about the plan?",
                                  "Could you use a hand with it?"])
def test_hypothetical_questions_with_a_task_verb_are_questions(text):
    assert len(asked(text)) == 1


def test_a_rejection_of_someone_elses_thing_is_no_challenge():
    assert extract_challenges(context(("mentee", "The committee rejected the other bids, so we won."))) == []


# ------------------------------------------------- general ways to say it is hard (issue 3)

@pytest.mark.parametrize("text", [
    "I keep undercharging.",
    "What's been tough lately is the loneliness of working from home.",
    "I've hit a wall with the thesis.",
    "I have trouble saying no.",
    "I'm bad at delegating.",
    "What worries me is the audit.",
    "Nobody on my team really gets what I do.",
    "I feel really alone in this role.",
    "I'm running out of time for the application.",
    "We're blocked on legal sign-off.",
    "I just can't get the model to converge.",
    "It's been a really hard month.",
    "Everything takes me twice as long as everyone else.",
    "Part of me wants to quit.",
    "My manager doesn't give me any feedback.",
    "I'm worried that I'm not cut out for this.",
    "I don't have a clue how to price this.",
    "I haven't been able to finish a single chapter.",
    "i keep second guessing myself",
])
def test_challenges_in_general_phrasings(text):
    items = extract_challenges(context(("mentor", "How are things going?"), ("mentee", text)))
    assert [(c.speaker, c.source.segment) for c in items] == [("mentee", 1)]


@pytest.mark.parametrize("text", [
    "I don't know how to thank you.",
    "I was worried, but it went fine.",
    "I finally fixed the bug that was blocking me.",
    "I keep a journal now.",
    "I keep thinking about what you said.",
    "I'm terrible at email anyway, so Slack is better for me.",
])
def test_resolved_troubles_and_idioms_are_not_challenges(text):
    assert extract_challenges(context(("mentor", "So, tell me more."), ("mentee", text))) == []


@pytest.mark.parametrize("text", [
    "What's been hard lately is the commute.",
    "The way you handled the client, calmly and on time, was exactly right.",
    "Where you could improve is the pacing.",
    "When I was at your stage I was barely managing forty an hour.",
    "How you open the meeting is up to you.",
])
def test_statements_opening_like_questions_are_not_questions(text):
    assert asked(text) == []


@pytest.mark.parametrize("text", ["how long is the course", "where is the next one", "when you're back is it okay"])
def test_unmarked_questions_that_open_with_a_wh_word_still_ask(text):
    assert len(asked(text)) == 1


@pytest.mark.parametrize("text", [
    "Pretty rough, to be honest. They've got me sweeping floors and nobody lets me touch the panels.",
    "I can't work out how to structure the chapter, every outline collapses.",
    "My supervisor takes weeks to reply, so I'm basically doing it alone.",
    "Every time I post the schedule, she changes it behind my back.",
    "My main source has gone quiet, he won't pick up anymore.",
    "I've been putting off that call for a week.",
    "The exam is in August and I'm nowhere near ready.",
    "i hate networking i never know what to say about myself",
    "The new system has been a headache for the whole team and me especially.",
    "I haven't heard back from anyone and it's been three weeks.",
    "Bit of a nightmare with the foreman, he's on at me every day.",
])
def test_challenges_said_in_passing(text):
    items = extract_challenges(context(("mentor", "How are things going?"), ("mentee", text)))
    assert [(c.speaker, c.source.segment) for c in items] == [("mentee", 1)]


@pytest.mark.parametrize("text", [
    "I hate to ask, but could you look at my CV?",
    "I'm presenting at grand rounds next week, I'm excited.",
    "I've been putting it off because I was on holiday, but it's fine.",
    "Yeah, I did three twelves in a row, so I'm a little fried.",
])
def test_asides_are_not_challenges(text):
    assert extract_challenges(context(("mentor", "So, tell me more."), ("mentee", text))) == []


# ---------------------------------------------------------------- difficulties by their effect

@pytest.mark.parametrize("text", [
    "I've lost a whole week to the migration scripts.",
    "Work has been grinding me down lately.",
    "There's honestly nobody on my team I can ask about pricing.",
    "The vendor keeps moving our delivery dates.",
    "The client hasn't replied to my emails in two weeks.",
    "I can't get the board to sign off on the budget.",
    "We're three weeks behind on the launch.",
    "I'm running on fumes.",
    "I've rewritten the cover letter five times and it still sounds generic.",
    "I get flustered when people interrupt me.",
    "I'm the one taking the blame when shipments are late.",
    "i cant get the team to use the new tracker",
    "My Spanish is still a problem for me in client calls.",
])
def test_difficulties_named_by_their_effect(text):
    items = extract_challenges(context(("mentor", "How are things going?"), ("mentee", text)))
    assert [(c.speaker, c.source.segment) for c in items] == [("mentee", 1)]


@pytest.mark.parametrize("turns", [
    [("mentor", "How did it go?"), ("mentee", "It went fine in the end, I was nervous beforehand.")],
    [("mentor", "Want me to send you my template?"), ("mentee", "Yes please, my calendar is a mess.")],
    [("mentor", "Are you feeling stretched at the moment?")],
    [("mentor", "How's home?"), ("mentee", "My sister is drowning in work.")],
    [("mentor", "And last year?"), ("mentee", "Last year I struggled much more, so it's fine now.")],
    [("mentor", "What's next?"), ("mentee", "If the grant falls through I'd be stuck.")],
    [("mentee", "I'm new to tooling."), ("mentor", "When I started, I lost weeks to bad tooling.")],
    [("mentor", "That was a great drill."), ("mentee", "Thanks! I was panicking inside.")],
    [("mentor", "Can you ask Dana for the recordings?"), ("mentee", "Dana's away, and I can't get into the drive.")],
])
def test_resolved_hypothetical_others_and_declined_tasks_are_not_challenges(turns):
    assert extract_challenges(context(*turns)) == []


def test_a_vague_difficulty_is_quoted_with_the_sentence_that_says_what_it_is():
    items = extract_challenges(context(("mentor", "How was the month?"), (
        "mentee", "Honestly it wore me down. The owners changed the booking software mid-season.")))
    assert len(items) == 1 and "booking software" in items[0].text


# ---------------------------------------------------------------- difficulties said lightly (c41-c50 round)

@pytest.mark.parametrize("text", [
    "It's been a bit of a juggle, honestly.",
    "Honestly he's been a bit of a handful.",
    "Analysis is where I always run out of steam.",
    "Cutting people down is the part I find hardest.",
    "I've tried everything in the protocol and she's plateaued.",
    "I still need two parents on the record and nobody's calling me back.",
    "I pitched it to the editor last week and heard nothing back.",
    "Two of the auditors keep swapping shifts without telling me.",
    "The caseload's been heavy and the write-ups are piling up.",
    "I don't want to look like I can't cope.",
    "its a pain every week i end up copying it out by hand",
])
def test_difficulties_said_lightly(text):
    assert len(extract_challenges(context(("mentor", "How are things?"), ("mentee", text)))) == 1


@pytest.mark.parametrize("text", [
    "Things have been hectic but fun.",
    "Honestly the team are another story, they're brilliant.",
    "I don't want to look back and regret not trying.",
    "The dad was hostile at first, but by the end he was showing me the school reports.",
])
def test_burden_words_turned_around(text):
    assert extract_challenges(context(("mentor", "How are things?"), ("mentee", text))) == []


def test_a_state_described_to_negotiate_a_request_is_no_challenge():
    assert extract_challenges(context(("mentor", "Could you send me the glossary?"),
                                      ("mentee", "Hmm, actually it's a mess right now."))) == []


@pytest.mark.parametrize("text", [
    "I've got way too much on my plate this term.",
    "I'm rather unsure whether my chapter two holds up.",
    "Since Ana left I've been covering her rota as well as my own.",
    "I'm working most weekends just to stay level.",
    "The planners basically ignore my change requests.",
    "I always feel like I'm going to get it wrong in front of the consultants.",
    "We lost three volunteers in spring and nobody's been replaced.",
    "I don't know if I'm cut out for fieldwork.",
    "Money's been tight since the grant ended.",
    "The deadline is completely unrealistic.",
    "It worries me that the audit starts in a week.",
    "Balancing the lab rota and the write-up is getting really hard.",
    "Nobody tells me anything about the reorganisation.",
    "I got some harsh feedback on the pilot.",
    "My supervisor barely replies to my emails.",
])
def test_difficulties_by_effect(text):
    assert len(extract_challenges(context(("mentor", "How are things?"), ("mentee", text)))) == 1


@pytest.mark.parametrize("turns", [
    (("mentee", "It was hard but we got it done on time."),),
    (("mentee", "The conversion was tough, but it's finished now."),),
    (("mentee", "The hardest part is over now."),),
    (("mentee", "I struggled with pivot tables too when I started."),),
    (("mentee", "It's a lot easier now that we share the queue."),),
    (("mentee", "I'm a bit stressed. But good, honestly."),),
    (("mentor", "Your summary buried the answer."), ("mentee", "Fair. I was worried it would look too blunt.")),
    (("mentee", "Your checklist really helped, I'd been going round in circles."),),
    (("mentee", "Don't let me forget the invoices."),),
])
def test_difficulties_over_or_waved_away(turns):
    assert extract_challenges(context(*turns)) == []


def test_a_bare_topic_before_the_trouble_is_quoted():
    found = extract_challenges(context(("mentor", "Anything else?"),
                                       ("mentee", "The new rota. It's been a nightmare.")))
    assert len(found) == 1 and "rota" in found[0].text


@pytest.mark.parametrize("text", [
    "It's quiet out here in the winter, a bit isolated really.",
    "I still don't really know anyone outside the office.",
    "Some weeks I go days without talking to another grown-up.",
    "Margins are thin and I just don't know where it's all going.",
    "When two patients call at once I just freeze.",
    "The two leads won't talk to each other and I'm stuck in the middle.",
    "The audit is in March and I lie awake about it.",
    "Nobody has told us about the restructure, I feel completely in the dark.",
    "The lamination still isn't there yet.",
    "I want to apply in spring but I don't have enough supervised hours.",
])
def test_struggles_said_without_a_word_of_difficulty(text):
    items = extract_challenges(context(("mentor", "How are things?"), ("mentee", text)))
    assert [(c.speaker, c.source.segment) for c in items] == [("mentee", 1)]


@pytest.mark.parametrize("text", [
    "I used to freeze on the phone, but not any more.",
    "The new café is lovely, I go there with people from work.",
    "We have enough chairs for everyone.",
])
def test_not_struggles(text):
    assert extract_challenges(context(("mentor", "How are things?"), ("mentee", text))) == []


def test_a_reason_keeps_the_question_it_answers():
    items = extract_challenges(context(("mentee", "Is it normal that I spend two hours a night on rota "
                                                  "admin? Because I'm worn out.")))
    assert len(items) == 1 and "rota admin" in items[0].text


@pytest.mark.parametrize("text", [
    "Which is exactly why you're going to be good at this.",
    "Which, to be fair, is what the partners hired us to do.",
    "which makes the next one the fifth of October",
    "Which was mortifying.",
])
def test_a_which_clause_going_on_from_what_was_said_is_no_question(text):
    assert asked(text) == []


def test_which_asked_is_still_a_question():
    assert asked("Which one did the client pick?") == [("mentor", True)]
