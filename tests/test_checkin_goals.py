"""The next check-in (proposals, acceptance, counter-proposals, rescheduling) and goals."""
from __future__ import annotations

from datetime import datetime

import pytest

from summaries.checkin import extract_next_checkin
from summaries.goals import extract_goals
from summaries.text import build_context
from summaries.transcript import parse_transcript
from summaries.types import Goal

SESSION = datetime(2026, 11, 20, 15, 0)  # a Friday


def context(*turns: tuple[str, str], session: datetime | None = SESSION):
    return build_context(parse_transcript({
        "session_date": session.isoformat() if session else None,
        "segments": [{"speaker": speaker, "text": text} for speaker, text in turns]}))


def checkin(*turns: tuple[str, str], session: datetime | None = SESSION) -> str | None:
    found = extract_next_checkin(context(*turns, session=session))
    return found.when if found else None


def test_an_accepted_proposal_with_date_and_time() -> None:
    assert checkin(("mentee", "Could we schedule our next check-in now?"),
                   ("mentor", "Sure. How about Friday the fourth of December at ten?"),
                   ("mentee", "Perfect, ten on the fourth works.")) == "2026-12-04T10:00"


def test_the_source_is_where_the_day_was_proposed() -> None:
    found = extract_next_checkin(context(("mentor", "Thanks. Could we do Tuesday at eleven?"),
                                         ("mentee", "Tuesday at eleven works.")))
    assert found is not None and found.source.segment == 0
    assert found.source.quote == "Could we do Tuesday at eleven?"


def test_a_counter_proposal_that_is_accepted_wins() -> None:
    assert checkin(("mentor", "Same time in two weeks?"),
                   ("mentee", "I'm off that Friday. Could we do Monday the 7th at eleven instead?"),
                   ("mentor", "Monday at eleven works.")) == "2026-12-07T11:00"


def test_rescheduling_later_in_the_call_replaces_the_first_plan() -> None:
    assert checkin(("mentor", "Let's meet next Thursday at two."), ("mentee", "Great."),
                   ("mentor", "Oh wait, I'm travelling then. Can we move it to Friday the 27th instead?"),
                   ("mentee", "Sure, Friday works.")) == "2026-11-27T14:00"


def test_a_declined_proposal_is_not_the_next_checkin() -> None:
    assert checkin(("mentor", "How about Monday at nine?"),
                   ("mentee", "No, I can't do Monday, sorry.")) is None


def test_a_reply_with_only_a_time_completes_the_proposal() -> None:
    assert checkin(("mentor", "Can we push our next one to three weeks from today, Thursday the 10th?"),
                   ("mentee", "The 10th, let me check. Yes. Same time, two o'clock?"),
                   ("mentor", "Two is perfect.")) == "2026-12-10T14:00"


def test_same_time_means_the_sessions_time() -> None:
    assert checkin(("mentee", "Okay, so two weeks from today, same time?"),
                   ("mentor", "Yep.")) == "2026-12-04T15:00"


def test_same_time_in_a_counter_proposal_means_the_proposed_time() -> None:
    assert checkin(("mentor", "Can we meet on Tuesday the 24th at half past four?"),
                   ("mentee", "Tuesday's tricky. Could we do Monday the 30th, same time?"),
                   ("mentor", "Monday works.")) == "2026-11-30T16:30"


def test_a_closing_see_you_states_the_plan() -> None:
    assert checkin(("mentor", "Good work today."), ("mentee", "Thanks!"),
                   ("mentor", "See you in two weeks.")) == "2026-12-04"


@pytest.mark.parametrize("turns", [
    [("mentor", "Can you send me the deck by Wednesday?"), ("mentee", "Sure.")],
    [("mentor", "Do you want to do another dry run before Thursday?"), ("mentee", "Yes, please.")],
    [("mentee", "Do you think Jamal should be on the client call Thursday?"), ("mentor", "Definitely.")],
    [("mentor", "The conference is on the seventeenth, right?"), ("mentee", "Yes.")],
    [("mentor", "Let's keep meeting every two weeks, Fridays at ten."), ("mentee", "Perfect.")],
])
def test_deadlines_events_and_habits_are_not_the_next_checkin(turns: list[tuple[str, str]]) -> None:
    assert checkin(*turns) is None


def test_no_session_date_no_checkin() -> None:
    assert checkin(("mentor", "How about Friday at ten?"), ("mentee", "Great."), session=None) is None


def goals(*turns: tuple[str, str]) -> list[Goal]:
    return extract_goals(context(*turns))


@pytest.mark.parametrize("text, keyword, target", [
    ("My main goal is to be promoted to senior engineer by the end of the year.", "senior", "2026-12-31"),
    ("I'd like to get onto the practice council by the end of next year.", "council", "2027-12-31"),
    ("I want to get better at system design, because I freeze up in reviews.", "system design", None),
    ("Longer term, I want to be a team lead within two years.", "team lead", "2028-11-20"),
    ("I'm aiming for the senior designer role.", "senior designer", None),
    ("I'll be honest, I really want that role.", "role", None),
    ("I hope to publish my first paper by June 30th.", "paper", "2027-06-30"),
])
def test_goals_and_their_targets(text: str, keyword: str, target: str | None) -> None:
    found = goals(("mentee", text))
    assert len(found) == 1, [g.text for g in found]
    assert keyword in found[0].text.lower()
    assert (found[0].owner, found[0].target) == ("mentee", target)
    assert found[0].source.quote == text


def test_an_answer_to_whats_your_goal_needs_no_i_want() -> None:
    found = goals(("mentor", "What's your goal for the year, concretely?"),
                  ("mentee", "Close both renewals by the end of January and book five discovery calls."))
    assert [(g.text, g.target) for g in found] == [("Close both renewals", "2027-01-31"),
                                                  ("Book five discovery calls", None)]


def test_the_same_goal_said_twice_is_kept_in_its_most_definite_form() -> None:
    found = goals(("mentee", "I want to move into a senior role."), ("mentor", "Okay."),
                  ("mentee", "My main goal is to be promoted to senior engineer by the end of the year."))
    assert len(found) == 1 and found[0].source.segment == 2


@pytest.mark.parametrize("text", [
    "I don't want to spam you.",
    "Do you want to do another dry run?",
    "I'd like to talk about my manager today.",
    "I already got the certification last spring.",
    "My goal was to finish by March, and I did.",
    "What do you want to achieve this year?",
    "I wanted to ask about the budget.",
])
def test_not_goals(text: str) -> None:
    assert goals(("mentee", text)) == []


def test_a_goal_set_for_the_other_person_is_theirs() -> None:
    found = goals(("mentor", "My goal for you this year is to publish your first paper."))
    assert [(g.owner, g.text) for g in found] == [("mentee", "Publish your first paper")]


# ---------------------------------------------------------------- phrasings from blind-written conversations

def test_keeping_the_day_but_offering_another_hour_is_a_counter_proposal() -> None:
    assert checkin(("mentor", "Okay, in two weeks, same time?"),
                   ("mentee", "In two weeks is the fourth. I've got a site visit at three. "
                              "Could we do two thirty instead?"),
                   ("mentor", "Two thirty on the fourth works.")) == "2026-12-04T14:30"


def test_an_agreement_that_names_an_hour_agrees_to_that_hour() -> None:
    assert checkin(("mentor", "How about Thursday the 3rd at ten?"),
                   ("mentee", "The 3rd I'm in training until noon, could we do the afternoon, like two?"),
                   ("mentor", "Two on the 3rd works for me.")) == "2026-12-03T14:00"


def test_a_deadline_heard_as_my_friday_is_no_meeting() -> None:
    assert checkin(("mentee", "i'll send the bullets my friday"),
                   ("mentor", "great so the twenty third is the next one"),
                   ("mentee", "twenty third works")) == "2026-11-23"


@pytest.mark.parametrize("turns, keyword, target", [
    ([("mentee", "I want my OSHA thirty card by the end of the year.")], "osha", "2026-12-31"),
    ([("mentee", "I want to run my own section at a bistro by next summer.")], "section", None),
    ([("mentee", "My goal was to be licensed by the end of next year, and it still is.")], "licensed",
     "2027-12-31"),
    ([("mentor", "What are you aiming for?"), ("mentee", "Honestly, just to pass it on March 3rd.")],
     "pass", "2027-03-03"),
    ([("mentee", "I want to bring in fifty thousand by the end of our fiscal year, which is June "
                 "thirtieth next year.")], "fifty thousand", "2027-06-30"),
    ([("mentee", "Leave ends January 31st. So I want a signed offer by then.")], "offer", "2027-01-31"),
])
def test_more_ways_to_state_a_goal(turns: list[tuple[str, str]], keyword: str, target: str | None) -> None:
    found = goals(*turns)
    assert [(keyword in g.text.lower(), g.target) for g in found] == [(True, target)]


def test_a_goal_may_go_on_in_the_next_sentence() -> None:
    found = goals(("mentor", "So what are you aiming for this year?"),
                  ("mentee", "I want my forklift licence by spring. And the big one is passing the "
                             "supervisor exam on the first try."))
    assert [g.text for g in found] == ["Get my forklift licence by spring",
                                       "Pass the supervisor exam on the first try"]


def test_a_bare_restatement_with_a_date_is_the_same_goal_made_definite() -> None:
    found = goals(("mentee", "I want my own store. Store manager by the end of next year."))
    assert [(g.text, g.target) for g in found] == [("Store manager", "2027-12-31")]


def test_two_goals_in_one_breath_are_two() -> None:
    found = goals(("mentee", "i want a signed offer by march first and long term i'd like to be "
                             "running a warehouse within five years"))
    assert [(g.text, g.target) for g in found] == [("Get a signed offer", "2027-03-01"),
                                                  ("Be running a warehouse", "2031-11-20")]


@pytest.mark.parametrize("text", [
    "I want to run through the agenda first.",
    "The big one is that my manager left.",
    "Store manager by the end of next year is what my boss said.",
])
def test_more_things_that_are_not_goals(text: str) -> None:
    assert goals(("mentee", text)) == []


# ------------------------------------------------- more ways to set the next meeting (issue 3)

@pytest.mark.parametrize("turns, expected", [
    ((("mentor", "So next Monday at ten."), ("mentee", "Next Monday, great.")), "2026-11-23T10:00"),
    ((("mentor", "We'll pick this back up on Thursday the 3rd at half nine."),
      ("mentee", "Thursday the 3rd works.")), "2026-12-03T09:30"),
    ((("mentor", "How does the 2nd look? Eleven?"), ("mentee", "The 2nd at eleven is fine.")),
     "2026-12-02T11:00"),
    ((("mentor", "Catch up again on Tuesday at 3?"), ("mentee", "Tuesday at three works.")),
     "2026-11-24T15:00"),
    ((("mentor", "Same day next week, four o'clock?"), ("mentee", "Perfect.")), "2026-11-27T16:00"),
    ((("mentor", "Let's touch base next Wednesday at noon."), ("mentee", "Noon Wednesday, perfect.")),
     "2026-11-25T12:00"),
    ((("mentor", "Let's get together again at the end of the month."), ("mentee", "Sure.")), "2026-11-30"),
    ((("mentee", "Could we meet on the 4th instead of the 3rd?"), ("mentor", "The 4th is fine.")),
     "2026-12-04"),
    ((("mentor", "Same time next month?"), ("mentee", "Yes.")), "2026-12-20T15:00"),
    ((("mentor", "Let's talk again next Friday at the usual time."), ("mentee", "Great.")),
     "2026-11-27T15:00"),
    ((("mentor", "So we're on for Tuesday the 1st at 4."), ("mentee", "Yes.")), "2026-12-01T16:00"),
])
def test_next_checkin_in_general_phrasings(turns, expected) -> None:
    assert checkin(*turns) == expected


def test_a_calendar_invite_sent_tonight_is_no_meeting_day() -> None:
    assert checkin(("mentee", "Two weeks from today, same time?"),
                   ("mentor", "Friday the 4th at three works. I'll send you an invite tonight.")) \
        == "2026-12-04T15:00"


def test_a_negotiation_over_three_turns_settles_on_the_last_agreed_slot() -> None:
    assert checkin(("mentor", "When are we meeting next?"),
                   ("mentee", "Two weeks from now? The fourth?"),
                   ("mentor", "The 4th I'm at a conference. How about Monday the 7th, at ten?"),
                   ("mentee", "Monday the 7th at ten is fine.")) == "2026-12-07T10:00"


def test_a_slot_in_the_week_after_a_stated_absence() -> None:
    assert checkin(("mentor", "I'm away next week. So the week after, Thursday the 3rd at two?"),
                   ("mentee", "Sounds good.")) == "2026-12-03T14:00"


def test_a_formal_proposal_asking_if_it_is_convenient() -> None:
    assert checkin(("mentor", "Would the ninth of December at ten o'clock be convenient?"),
                   ("mentee", "The ninth of December at ten is perfect.")) == "2026-12-09T10:00"


@pytest.mark.parametrize("turns, keyword", [
    ([("mentee", "I'd like to open a second clinic by next summer.")], "second clinic"),
    ([("mentee", "I want to defend my thesis by June 30th.")], "defend"),
    ([("mentee", "What I want this year is to move into a staff role by the end of the year.")], "staff role"),
    ([("mentee", "Target is to be signed off for solo night shifts by April.")], "signed off"),
    ([("mentor", "What would make this year a success for you?"), ("mentee", "Building a team of three.")], "team"),
    ([("mentor", "What do you want from the next six months?"), ("mentee", "To lead a workshop on my own.")],
     "workshop"),
])
def test_goals_by_any_verb_when_dated_or_asked_for(turns, keyword) -> None:
    found = goals(*turns)
    assert len(found) == 1 and keyword in found[0].text.lower(), [g.text for g in found]


@pytest.mark.parametrize("text", [
    "I want to look at the filters first.",
    "I'd like to go over the notes from last time.",
    "I want to get into the details of the contract.",
])
def test_wishes_about_the_conversation_are_not_goals_even_with_any_verb(text) -> None:
    assert goals(("mentee", text)) == []


def test_instead_of_something_is_no_new_meeting_day() -> None:
    """A recogniser moved "instead of email" into the next sentence: "instead of email, you're
    not going to check email in the morning" offers no meeting tomorrow morning."""
    assert checkin(("mentor", "Can we push our next one to Thursday the 3rd?"),
                   ("mentee", "Same time, 3 o'clock."),
                   ("mentor", "Perfect. Should we switch quick stuff to text?"),
                   ("mentor", "Instead of email, you're not going to check email in the morning."),
                   ("mentee", "Yeah, text is better."),
                   ("mentor", "Go get some sleep, and I'll see you on the 3rd.")) == "2026-12-03T15:00"
    assert checkin(("mentor", "Could we do Friday the 4th at ten?"),
                   ("mentee", "I'm away then. Monday the 7th instead?"),
                   ("mentor", "Sure.")) == "2026-12-07T10:00"


def test_an_hour_moved_after_the_day_was_agreed() -> None:
    assert checkin(("mentee", "Could we do Monday the 30th, at four?"),
                   ("mentor", "Monday the 30th at four. Actually wait, I have a briefing at four. Half four?"),
                   ("mentee", "Half four's fine. Thirtieth, half four.")) == "2026-11-30T16:30"


def test_a_day_offered_after_a_meeting_without_a_day_and_a_counter_without_wording() -> None:
    assert checkin(("mentor", "Let's do the next one in person at the depot."),
                   ("mentee", "great so thursday the third"),
                   ("mentor", "the third i'm on nights so wednesday the second at seven in the evening"),
                   ("mentee", "wednesday second seven pm at the depot perfect")) == "2026-12-02T19:00"


def test_next_time_with_a_day_proposes_it() -> None:
    assert checkin(("mentor", "so next time friday the fourth half ten in the lab"),
                   ("mentee", "friday the fourth half ten yeah")) == "2026-12-04T10:30"


def test_an_echo_ending_in_yes_agrees_and_replaces_an_earlier_agreement() -> None:
    assert checkin(("mentor", "I'll have comments back by Tuesday."), ("mentee", "Tuesday works for me."),
                   ("mentor", "Next call. Thursday the 10th, six o'clock?"),
                   ("mentee", "The 10th at six, yes.")) == "2026-12-10T18:00"


@pytest.mark.parametrize("turns, expected", [
    # the day agreed, another hour put forward in the same breath; the hour set aside is not it
    ([("mentor", "Same slot in a fortnight, so Friday the fourth?"),
      ("mentee", "The fourth suits me, but could we do four instead of three?"),
      ("mentor", "Four on the fourth, then.")], "2026-12-04T16:00"),
    ([("mentor", "Let's say Thursday the 3rd at two."),
      ("mentee", "The 3rd at two is fine, oh hang on, I've got the depot briefing at one, can we say half two"),
      ("mentor", "Half two is fine.")], "2026-12-03T14:30"),
    # "make it" an hour, after the day was accepted
    ([("mentor", "Next call, Monday the 7th, same time?"),
      ("mentee", "Monday the 7th, yes. Actually, can we make it four? I've got the school pick-up."),
      ("mentor", "Four.")], "2026-12-07T16:00"),
    # "<hour> instead" is the hour put forward, an event's hour after it is not
    ([("mentor", "Same time in two weeks, Friday the 4th."),
      ("mentee", "can we do four instead i have a fire drill at half two that day"),
      ("mentor", "four is fine")], "2026-12-04T16:00"),
])
def test_an_hour_put_forward_in_answer_keeps_the_day(turns: list[tuple[str, str]], expected: str) -> None:
    assert checkin(*turns) == expected


@pytest.mark.parametrize("turns, expected", [
    # the hour in a sentence of its own after the day
    ([("mentor", "So the next one is the first Tuesday of December. The first. Ten o'clock."),
      ("mentee", "See you then.")], "2026-12-01T10:00"),
    # the proposer names the day again by its weekday, with the hour
    ([("mentor", "Next time. The 9th? Wednesday, half three again?"),
      ("mentee", "The 9th is good. Half three.")], "2026-12-09T15:30"),
    # "at ten does that work", and an hour asked again on its own
    ([("mentor", "two weeks today, friday the fourth at ten does that work"),
      ("mentee", "yeah the fourth works")], "2026-12-04T10:00"),
    ([("mentee", "Could we do Tuesday the 8th?"),
      ("mentor", "The 8th is fine. Eleven again?"),
      ("mentee", "Eleven again, yes.")], "2026-12-08T11:00"),
])
def test_the_proposers_own_follow_up_gives_the_hour(turns: list[tuple[str, str]], expected: str) -> None:
    assert checkin(*turns) == expected


@pytest.mark.parametrize("closing", ["See you Sunday at the market.", "see you on the 30th for the site walk",
                                     "Good luck Wednesday, see you there."])
def test_see_you_on_an_earlier_day_once_the_next_call_is_set_is_another_meeting(closing: str) -> None:
    assert checkin(("mentor", "Next call in three weeks, Friday the 11th of December, same time?"),
                   ("mentee", "The 11th at three works."),
                   ("mentor", closing)) == "2026-12-11T15:00"


def test_an_answer_that_echoes_the_proposed_hour_accepts_it() -> None:
    # the earlier plan (a visit on Thursday) gives way to the call proposed and answered by its hour
    assert checkin(("mentor", "Shall we visit the depot together? Thursday afternoon?"),
                   ("mentee", "Thursday's great."),
                   ("mentee", "And our next call, can we do Monday the 7th? Same time?"),
                   ("mentor", "Monday, three o'clock, on video. Done.")) == "2026-12-07T15:00"


def test_same_time_asked_back_does_not_accept_the_day() -> None:
    assert checkin(("mentor", "Same time in two weeks? Friday the 4th, three o'clock."),
                   ("mentee", "Hang on, I'm on a course that day. Can we go a day earlier? Same time?"),
                   ("mentor", "Thursday the 3rd, three o'clock. Done.")) == "2026-12-03T15:00"


def test_the_agreed_day_said_again_with_a_new_hour_and_nothing_else_moves_the_hour() -> None:
    assert checkin(("mentor", "Next one, the 10th? It's a Thursday, half ten again?"),
                   ("mentee", "The 10th, yes... oh no, the 10th I have the dentist in the morning. "
                              "Can we do the afternoon?"),
                   ("mentor", "Three o'clock then. Thursday the 10th at three.")) == "2026-12-10T15:00"
    # a sentence about something else on that day keeps the agreed hour
    assert checkin(("mentor", "Thursday the 10th at ten?"),
                   ("mentee", "The 10th at ten works."),
                   ("mentor", "Great, I have the board on Thursday the 10th at three, so ten is perfect.")) \
        == "2026-12-10T10:00"


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "Let's say Saturday the fifth, in the morning, before you go out."), ("mentee", "Nine-ish?"),
      ("mentor", "Nine.")], "2026-12-05T09:00"),
    ([("mentee", "Could we do Monday the seventh in the evening instead?"),
      ("mentor", "Monday the seventh at seven. See you then.")], "2026-12-07T19:00"),
    ([("mentor", "Thursday week at seven, same as today?"),
      ("mentee", "Thursday week at seven, yep. Oh wait, that's fine, the spay's in the morning.")],
     "2026-12-03T19:00"),
])
def test_the_hour_is_read_in_the_morning_or_evening_said_with_the_slot(turns, expected) -> None:
    assert checkin(*turns, session=datetime(2026, 11, 20, 19, 0)) == expected


def test_an_hour_said_just_after_the_day_was_agreed_completes_it() -> None:
    assert checkin(("mentor", "Next time, let's say Tuesday the first of December."),
                   ("mentee", "First of December, yes. Morning?"), ("mentor", "Ten o'clock.")) == "2026-12-01T10:00"
    assert checkin(("mentor", "Could we move to Thursday afternoons?"),
                   ("mentee", "Thursdays are better. Two o'clock?"),
                   ("mentor", "Two is perfect. Every other Thursday at two, then. So our next one is December third."),
                   ("mentee", "December third.")) == "2026-12-03T14:00"
    assert checkin(("mentor", "Shall we say Tuesday the first of December?"),
                   ("mentee", "Yes. I'm on shift till six, or maybe till seven.")) == "2026-12-01"


@pytest.mark.parametrize("proposal, answer, when", [
    ("How about the first Monday in January, same time?", "The fourth, at three. Yes, that works.",
     "2027-01-04T15:00"),
    ("Shall we say the first Tuesday back after Christmas, the fifth of January?", "Four on the fifth, perfect.",
     "2027-01-05T16:00"),
])
def test_a_bare_day_of_the_month_agreeing_keeps_the_proposals_month(proposal: str, answer: str, when: str) -> None:
    assert checkin(("mentor", proposal), ("mentee", answer)) == when


@pytest.mark.parametrize("turns", [
    (("mentor", "Could you get me a first draft of the playbook by the end of the month?"),
     ("mentee", "Yeah, end of the month, I can do that.")),
    (("mentee", "Could we both watch the footage and compare notes?"),
     ("mentor", "Yes, let's. We'll both watch it and write three lines each, by the 30th.")),
])
def test_a_deadline_agreed_is_not_the_next_checkin(turns) -> None:
    assert checkin(*turns) is None


@pytest.mark.parametrize("answer", ["Half six on the first. Perfect. See you Saturday, Gwen.",
                                    "First at half six, great. I'll see you on the twenty-eighth before that anyway."])
def test_a_meeting_before_the_one_just_agreed_in_the_same_turn_is_not_the_next_checkin(answer: str) -> None:
    assert checkin(("mentor", "Tuesday the first of December, half six again?"), ("mentee", answer)) \
        == "2026-12-01T18:30"


def test_a_bare_day_asked_after_a_promise_is_the_tasks_day_not_a_meeting() -> None:
    assert checkin(("mentor", "Price it up first, then talk to them."),
                   ("mentee", "So I'll cost the tiling and send it over to you. Wednesday, probably?"),
                   ("mentor", "Wednesday's fine. I'm on site all week but I'll read it on my phone."),
                   ("mentee", "Cool. That's everything from me."),
                   ("mentor", "Sorted then. Shall we talk again in two weeks? Friday the fourth, same time?"),
                   ("mentee", "Three o'clock? Yeah, go on.")) == "2026-12-04T15:00"


def test_a_span_counted_out_to_its_day_offers_the_day() -> None:
    assert checkin(("mentor", "Right, I need to run. Three weeks?"),
                   ("mentee", "Three weeks is Friday the eleventh. I'm in court that morning, could we do the "
                              "afternoon?"),
                   ("mentor", "Afternoon's fine. Two o'clock?"),
                   ("mentee", "Two's good.")) == "2026-12-11T14:00"


def test_a_work_shift_is_not_moving_the_call() -> None:
    assert checkin(("mentor", "Let's say Tuesday the first, then, I'll come and do the early shift with you."),
                   ("mentee", "Great. Shall we book the next call too?"),
                   ("mentor", "Thursday the tenth at four?"),
                   ("mentee", "Thursday the tenth at four, fine."),
                   ("mentor", "See you on the first for the shift.")) == "2026-12-10T16:00"


def test_the_proposer_moving_their_own_day_to_a_new_hour_after_an_objection() -> None:
    assert checkin(("mentor", "Same time in a fortnight? Wednesday the second, half nine?"),
                   ("mentee", "I'm down the quarry that morning. Could we do the afternoon?"),
                   ("mentor", "Three o'clock?"),
                   ("mentee", "Three's grand.")) == "2026-12-02T15:00"
    # said again without a question, an hour does not move the day's proposal
    assert checkin(("mentor", "Wednesday the second, half nine?"),
                   ("mentee", "Yes, half nine is fine."),
                   ("mentor", "Good. I'm in meetings till three that day anyway.")) == "2026-12-02T09:30"


@pytest.mark.parametrize("turns", [
    # a task's day, even with "instead"; a deadline aimed at; a day taken; a day left out
    (("mentor", "Don't email the supplier, ring them."), ("mentee", "Fine. I'll ring them on Monday instead.")),
    (("mentor", "Let's aim to have the budget ready for the panel on the twenty-sixth."), ("mentee", "Okay.")),
    (("mentee", "I'm around all next week apart from Wednesday."), ("mentor", "Good to know.")),
    (("mentor", "Could you get the figures over by, like, the end of next week?"), ("mentee", "Yes.")),
])
def test_days_that_are_not_the_next_meeting(turns) -> None:
    assert checkin(*turns) is None


def test_a_day_already_taken_is_not_offered_back() -> None:
    assert checkin(("mentor", "Next call, how about the first of December?"),
                   ("mentee", "I'd love to, but I've got a site visit on the first."),
                   ("mentor", "No problem, I'll email you some other dates.")) is None


def test_an_hour_said_after_evening_is_better_is_in_the_evening() -> None:
    assert checkin(("mentor", "Next session, Thursday the third, same time?"),
                   ("mentee", "We're away that week. Could we do the Monday after? Evening's better, so seven?"),
                   ("mentor", "Monday the seventh at seven. Done.")) == "2026-12-07T19:00"


def test_a_day_wished_luck_for_is_no_meeting() -> None:
    assert checkin(("mentor", "When shall we talk next? After the fair, I'd say."),
                   ("mentee", "Yes. Can we do the week after? The Tuesday, the eighth?"),
                   ("mentor", "Tuesday the eighth, six o'clock. Good luck for the fourth."),
                   ("mentee", "Thanks!")) == "2026-12-08T18:00"


@pytest.mark.parametrize("answer", [
    "Can I check and come back to you? My diary's a mess that week.",
    "i don't know my rota for that week yet can i message you when i know",
    "Thursday... no, sorry, I'm at the depot all day Thursday.",
])
def test_a_proposal_put_off_or_turned_down_is_no_next_meeting(answer) -> None:
    assert checkin(("mentor", "Let's fix the next call. How about Thursday the third at nine thirty?"),
                   ("mentee", answer)) is None


@pytest.mark.parametrize("answer", [
    "the ninth hang on is that the audit no that's the tenth yeah the ninth at two is fine",
    "ninth at two yeah let me check the rota oh no that's the eleventh so the ninth is fine",
])
def test_a_day_put_right_as_another_things_is_no_counter_offer(answer: str) -> None:
    assert checkin(("mentor", "so next time how about wednesday the ninth of december at two"),
                   ("mentee", answer)) == "2026-12-09T14:00"


def test_a_weekday_put_forward_in_answer_is_a_counter_offer() -> None:
    # SESSION is Friday 20 November 2026
    assert checkin(("mentor", "So next call, how about Monday evening?"),
                   ("mentee", "monday evening i'm at my sister's what about wednesday"),
                   ("mentor", "wednesday i'm travelling um thursday at five"),
                   ("mentee", "thursday at five yeah that works")) == "2026-11-26T17:00"


def test_the_weekday_of_a_proposed_date_is_no_counter_offer() -> None:
    assert checkin(("mentee", "When shall we meet next?"),
                   ("mentor", "the fourth is a friday one o'clock again and bring the audit"),
                   ("mentee", "fourth at one yep")) == "2026-12-04T13:00"


def test_a_slot_settled_with_it_is_takes_its_new_hour() -> None:
    assert checkin(("mentor", "Would Tuesday the first work, at four?"),
                   ("mentee", "The first is fine, but could we start at half past?"),
                   ("mentor", "Half past four on the first it is.")) == "2026-12-01T16:30"


def test_an_hour_agreed_after_asking_for_an_evening_is_in_the_evening() -> None:
    assert checkin(("mentor", "Right, next call. Friday the 4th at eleven?"),
                   ("mentee", "I'm in court all day on the 4th. What about Saturday the 5th?"),
                   ("mentor", "Saturdays I'm at the practice, sorry. Could you do an evening? Thursday the 3rd, "
                              "eight o'clock?"),
                   ("mentee", "Thursday the 3rd at eight works.")) == "2026-12-03T20:00"


def test_an_hour_agreed_after_asking_for_the_next_morning_stays_in_the_morning() -> None:
    assert checkin(("mentor", "Shall we say Wednesday the 2nd, same time?"),
                   ("mentee", "I'm on site all day on the 2nd. Could we do the next morning instead?"),
                   ("mentor", "Thursday the 3rd... I can do half eight, before my team meeting."),
                   ("mentee", "Half eight on Thursday the 3rd, done."),
                   ("mentor", "And the template will be in your inbox tonight.")) == "2026-12-03T08:30"


def test_a_next_call_left_open_is_no_checkin() -> None:
    assert checkin(("mentor", "We should find a time for the next one. Does Monday the 30th work?"),
                   ("mentee", "I'm on holiday that week, sorry. I'm back on the 7th."),
                   ("mentor", "And that week I'm at a conference. Okay, let's not fight it now. I'll email you "
                              "some slots once my travel's booked.")) is None
    assert checkin(("mentee", "When are we next meeting?"),
                   ("mentor", "I'm away for two weeks from the 1st, so let's not fix it now. Once I'm back "
                              "I'll send you an invite.")) is None


def test_a_day_echoed_only_to_turn_it_down_is_not_agreed() -> None:
    assert checkin(("mentor", "When shall we talk again?"),
                   ("mentee", "What about Saturday the 5th?"),
                   ("mentor", "I'm free, but the 5th is my son's birthday, so that's a no."),
                   ("mentee", "Okay. Could we leave it open and I'll text you when I hear back?")) is None


def test_asking_for_the_day_before_turns_the_day_down() -> None:
    assert checkin(("mentor", "so next time how about thursday the 3rd same time"),
                   ("mentee", "uh the 3rd i'm at my sister's um could we do the day before"),
                   ("mentor", "wednesday the 2nd yeah mornings are bad for me though is two o'clock okay"),
                   ("mentee", "two on wednesday is great")) == "2026-12-02T14:00"


def test_a_day_of_the_month_said_with_a_filler_after_it() -> None:
    assert checkin(("mentor", "next time do you want to do it in a fortnight"),
                   ("mentee", "the fourth i'm at a wedding so i can't do that one"),
                   ("mentor", "okay what about the saturday then the fifth like late afternoon four o'clock"),
                   ("mentee", "saturday the fifth at four yeah that works")) == "2026-12-05T16:00"


def test_a_bare_day_offered_back_is_in_the_month_under_discussion() -> None:
    assert checkin(("mentor", "How about Thursday the seventh of January at ten?"),
                   ("mentee", "The seventh I'm at the depot all day. Could we do the fourteenth?"),
                   ("mentor", "The fourteenth at ten is fine.")) == "2027-01-14T10:00"


def test_a_weekday_and_day_offered_back_agree_in_the_month_under_discussion() -> None:
    # Thursday the 12th falls in February and in March 2026: March is the month being discussed
    assert checkin(("mentor", "So, a date. Tuesday the tenth of March, same time?"),
                   ("mentee", "The tenth I'm on a course. Could we do Thursday the twelfth?"),
                   ("mentor", "Thursday the twelfth at half seven works."),
                   session=datetime(2026, 2, 10, 7, 30)) == "2026-03-12T07:30"


def test_a_day_taken_with_another_hour_is_not_turned_down() -> None:
    assert checkin(("mentor", "Could we do Tuesday the eighth of December at nine?"),
                   ("mentee", "The eighth works, but I've got a delivery at nine that day. Could you do eleven?"),
                   ("mentor", "Eleven's fine.")) == "2026-12-08T11:00"


def test_a_weekday_put_forward_with_its_article_is_a_counter_offer() -> None:
    assert checkin(("mentor", "How about Thursday the third of December at four?"),
                   ("mentee", "um the third i'm on a stock count all day could we do the friday"),
                   ("mentor", "friday's fine yeah four o'clock")) == "2026-12-04T16:00"


def test_an_hour_turned_down_keeps_the_day() -> None:
    assert checkin(("mentor", "so next time how about tuesday the eighth of december at half six"),
                   ("mentee", "the eighth i'm at the depot till late could we do the wednesday"),
                   ("mentor", "wednesday the ninth um i can't do evening but i could do like eight in the morning"),
                   ("mentee", "eight's fine yeah eight on the ninth")) == "2026-12-09T08:00"


def test_an_hour_without_am_or_pm_is_read_near_the_hour_in_hand() -> None:
    assert checkin(("mentor", "What about Tuesday the eighth of December, seven again?"),
                   ("mentee", "I've got a closing meeting that'll run over. Could we push it to eight thirty?"),
                   ("mentor", "Eight thirty on the eighth works."),
                   session=datetime(2026, 11, 20, 19, 0)) == "2026-12-08T20:30"


def test_an_hour_taken_by_something_else_is_not_the_one_offered() -> None:
    assert checkin(("mentee", "Could we do Wednesday the ninth of December after work?"),
                   ("mentor", "Wednesday yes, but it'd have to be half five, I've got pilates at half six."),
                   ("mentee", "Half five's fine.")) == "2026-12-09T17:30"


def test_a_day_under_discussion_a_year_away_sets_no_month() -> None:
    # recognised speech: "Tuesday the fifteenth of December at three" heard with a past day in it,
    # which resolves a year ahead; the answer's day of the month is the coming one
    assert checkin(("mentor", "Let's meet again on Tuesday 15th on December 3."),
                   ("mentee", "The 15th works for me."),
                   session=datetime(2026, 12, 4, 10, 0)) == "2026-12-15"


def test_a_deadline_said_trailing_off_is_no_meeting_day() -> None:
    assert checkin(("mentor", "So a written plan for the cover would help."),
                   ("mentee", "Yes. I'll draft one by... um... the end of the month? Before the holidays."),
                   ("mentor", "Great."),
                   ("mentee", "Should we book the next one?"),
                   ("mentor", "My diary's a mess, shall we leave it open for now?")) is None


def test_rather_not_turns_a_day_down_and_the_next_day_offered_is_taken() -> None:
    # session: Friday 20 November 2026
    assert checkin(("mentor", "when's good for next time, what about the sunday then, the 6th"),
                   ("mentee", "um i'd rather not do sundays if that's okay could we do a weekday evening"),
                   ("mentor", "yeah course um tuesday the 8th"),
                   ("mentee", "tuesday's good yeah after work so like seven"),
                   ("mentor", "seven's grand tuesday the 8th of december at seven")) == "2026-12-08T19:00"


def test_an_hour_conceded_with_then_is_the_new_hour() -> None:
    assert checkin(("mentor", "Monday the seventh, three o'clock?"),
                   ("mentee", "Could it be a bit later? My handover's at three."),
                   ("mentor", "Four then."),
                   ("mentee", "Yeah, four's good.")) == "2026-12-07T16:00"


def test_make_it_a_later_hour_in_run_on_speech() -> None:
    assert checkin(("mentor", "right when are we next doing this wednesday the second i'm on the desk till two"),
                   ("mentee", "half two then"),
                   ("mentor", "make it three i'll need a minute to eat something"),
                   ("mentee", "three on wednesday the second yeah cool")) == "2026-12-02T15:00"
