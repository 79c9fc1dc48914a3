"""Action items from short exchanges: commitments, accepted requests and offers, and the
things that only look like tasks (past plans, hypotheticals, idioms, declined requests)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from summaries.action_items import extract_action_items
from summaries.text import build_context
from summaries.transcript import parse_transcript
from summaries.types import ActionItem

SESSION = datetime(2026, 11, 18, 15, 0)  # a Wednesday
PEOPLE = {"mentor": {"name": "Dana Reyes"}, "mentee": {"name": "Sam Okafor"}}


def items(*turns: tuple[str, str], session: datetime | None = SESSION,
          checkin: date | None = None) -> list[ActionItem]:
    """Action items of a conversation given as (speaker, text) turns."""
    transcript = parse_transcript({
        "session_date": session.isoformat() if session else None,
        "participants": PEOPLE,
        "segments": [{"speaker": speaker, "text": text} for speaker, text in turns],
    })
    return extract_action_items(build_context(transcript), checkin)


def only(found: list[ActionItem]) -> ActionItem:
    assert len(found) == 1, [i.text for i in found]
    return found[0]


@pytest.mark.parametrize("speaker, text, keyword, due", [
    ("mentee", "I'll send you the revised proposal by Friday.", "revised proposal", "2026-11-20"),
    ("mentor", "I will email the committee tomorrow.", "committee", "2026-11-19"),
    ("mentee", "I'm going to rewrite the abstract over the weekend.", "abstract", "2026-11-22"),
    ("mentor", "Let me draft the agenda and circulate it on Monday.", "agenda", "2026-11-23"),
    ("mentor", "Action item for me: update the onboarding doc by the end of the week.",
     "onboarding doc", "2026-11-20"),
    ("mentee", "I'll make sure to loop in legal by Thursday.", "legal", "2026-11-19"),
    ("mentee", "i'm gonna call the vendor this afternoon", "vendor", "2026-11-18"),
    ("mentee", "Okay, I'm planning to finish the survey by the 30th.", "survey", "2026-11-30"),
    ("mentor", "I'll forward the job description in two weeks.", "job description", "2026-12-02"),
    ("mentee", "I need to submit the ethics form by December 3rd.", "ethics form", "2026-12-03"),
    ("mentee", "so um i'll send the deck my friday", "deck", "2026-11-20"),
    ("mentor", "Yes. I'll ask Priya about the budget next week.", "priya", None),
])
def test_first_person_commitments(speaker: str, text: str, keyword: str, due: str | None) -> None:
    item = only(items((speaker, text)))
    assert item.owner == speaker
    assert keyword in item.text.lower()
    assert item.due == due
    assert item.source.segment == 0 and item.source.quote in text


def test_the_quote_is_exact_and_the_text_names_the_other_person() -> None:
    item = only(items(("mentor", "Hi."), ("mentee", "Great. I'll send you the slides by Monday.")))
    assert item.source.segment == 1
    assert item.source.quote == "I'll send you the slides by Monday."
    assert item.text == "Send Dana the slides"


@pytest.mark.parametrize("text", [
    "Let's both read the paper before our next session.",
    "We'll each prepare three questions before our next session.",
])
def test_shared_tasks_belong_to_both_and_date_to_the_next_checkin(text: str) -> None:
    item = only(items(("mentor", text), checkin=date(2026, 12, 2)))
    assert item.owner == "both"
    assert item.due == "2026-12-02"


def test_before_the_next_checkin_without_a_checkin_is_undated() -> None:
    assert only(items(("mentee", "I'll read it before our next call."))).due is None


@pytest.mark.parametrize("request_text, answer, keyword, due", [
    ("Could you send me the slides by Wednesday?", "Sure, will do.", "slides", "2026-11-25"),
    ("Could you send me the slides?", "Yes, by Tuesday.", "slides", "2026-11-24"),
    ("Would you mind pulling the drop-off numbers?", "No problem, I'll have them by Monday.",
     "drop-off numbers", "2026-11-23"),
    ("Can you write down your three biggest worries?", "Yeah, I can do that.", "worries", None),
    ("Send me the revised chapter by the 1st.", "Will do.", "revised chapter", "2026-12-01"),
    ("I'd like you to start a reading log. Can you share it with me on Friday?",
     "Okay, I'll get it to you on Friday.", "reading log", "2026-11-20"),
    ("Would you be able to book a practice run?", "Of course.", "practice run", None),
])
def test_an_accepted_request_belongs_to_the_one_who_accepts(request_text: str, answer: str,
                                                            keyword: str, due: str | None) -> None:
    item = only(items(("mentor", request_text), ("mentee", answer)))
    assert item.owner == "mentee"
    assert item.source.segment == 1
    assert keyword in item.text.lower()
    assert item.due == due


def test_a_request_names_the_one_who_asked() -> None:
    item = only(items(("mentee", "Could you look over my cover letter?"), ("mentor", "Sure.")))
    assert (item.owner, item.text) == ("mentor", "Look over Sam's cover letter")


def test_a_commitment_after_a_suggestion_takes_its_wording() -> None:
    item = only(items(("mentor", "It might help to add a short section on adoption numbers."),
                      ("mentee", "Good point. I'll add that by Tuesday.")))
    assert "adoption numbers" in item.text
    assert (item.owner, item.due) == ("mentee", "2026-11-24")


def test_an_accepted_offer_is_the_offerers() -> None:
    item = only(items(("mentor", "I know Ana from the data team. Want me to introduce you to her?"),
                      ("mentee", "Yes, please, that would be great.")))
    assert item.owner == "mentor" and item.source.segment == 1
    assert "ana" in item.text.lower()


def test_an_offer_made_concrete_next_is_one_task() -> None:
    found = items(("mentor", "Would you like me to introduce you?"),
                  ("mentee", "Yes, please."),
                  ("mentor", "Okay, I'll email Mariam tomorrow and cc you."))
    item = only(found)
    assert "Mariam" in item.text and item.due == "2026-11-19" and item.source.segment == 2


def test_a_sentence_split_across_segments_is_one_task_at_its_start() -> None:
    found = items(("mentor", "What's next?"), ("mentee", "I'll send you the"),
                  ("mentee", "revised version by Monday."))
    item = only(found)
    assert item.source.segment == 1
    assert "revised version" in item.text and item.due == "2026-11-23"


def test_a_segment_that_stops_on_a_hesitation_goes_on_in_the_next() -> None:
    found = items(("mentor", "fair enough"), ("mentee", "so i'll order um"),
                  ("mentee", "two boxes of the twelve mil anchors for the van by thursday"))
    item = only(found)
    assert item.owner == "mentee" and item.source.segment == 1
    assert "anchors" in item.text and item.due == "2026-11-19"


@pytest.mark.parametrize("interruption", ["mhm", "Mm.", "sorry, you broke up there", "go on"])
def test_a_sentence_cut_off_by_the_others_mhm_is_one_task_where_it_goes_on(interruption: str) -> None:
    found = items(("mentor", "the kiln log is the thing the assessor will ask for"),
                  ("mentee", "right so i'm gonna um i'm gonna dig out the"),
                  ("mentor", interruption),
                  ("mentee", "the firing sheets for you by friday"))
    item = only(found)
    assert item.owner == "mentee" and item.source.segment == 3
    assert "firing sheets" in item.text and item.due == "2026-11-20"


@pytest.mark.parametrize("first, rest", [
    ("so i'll sand back the two oak doors in the porch", "and get the primer on them by friday"),
    ("okay i'll um i'll draft the risk notes for the ferry crossing", "by friday and send them to the skipper"),
])
def test_a_promise_that_named_its_task_before_the_mhm_is_placed_where_it_was_made(first: str, rest: str) -> None:
    found = items(("mentor", "that's the part the surveyor will look at first"),
                  ("mentee", first), ("mentor", "mm"), ("mentee", rest))
    assert [i.source.segment for i in found] and {i.source.segment for i in found} == {1}
    assert all(i.owner == "mentee" for i in found)
    assert any(i.due == "2026-11-20" for i in found)


def test_what_only_looks_cut_off_or_interrupted_stays_apart() -> None:
    # a finished sentence, and an answer that is more than listening: no joins
    found = items(("mentee", "I'll book the slot from now on"), ("mentor", "Cool."),
                  ("mentee", "and the glaze order is already in."))
    assert [i.source.segment for i in found] == [0]
    found = items(("mentee", "so i'll ring the"), ("mentor", "the supplier or the kiln engineer?"),
                  ("mentee", "the supplier tomorrow"))
    assert all(i.source.segment != 2 or "supplier" in i.text for i in found)
    assert all("kiln engineer" not in i.text for i in found)


def test_him_and_her_become_the_person_just_named() -> None:
    item = only(items(("mentee", "Did you hear back from Lena about the role?"),
                      ("mentor", "Not yet. I'll ask her on Monday.")))
    assert item.text == "Ask Lena" and item.due == "2026-11-23"


@pytest.mark.parametrize("turns, expected", [
    # lower-case speech: the name is known from the list of first names
    ([("mentee", "the booking side is all with yusuf in the regional office and i've never met him"),
      ("mentor", "oh i worked with yusuf for years i'll give him a ring tomorrow")], "Give Yusuf a ring"),
    ([("mentor", "who signs off the tender"),
      ("mentee", "um a woman called ngozi on the commercial team"),
      ("mentee", "okay i'll email her tonight")], "Email Ngozi"),
    # "her" is not the man named last, "him" not the woman
    ([("mentee", "Ingrid wants me to cover her night shifts and Rahul says I should just refuse."),
      ("mentor", "Then tell her no. Kindly."), ("mentee", "I'll tell her no on Friday.")], "Tell Ingrid no"),
    ([("mentee", "emeka runs the crusher and beatriz does the weighbridge and he's the one who'd know"),
      ("mentee", "so i'll ask him at handover")], "Ask Emeka at handover"),
])
def test_him_and_her_are_the_last_named_person_of_that_gender(turns: list[tuple[str, str]], expected: str) -> None:
    assert only(items(*turns)).text == expected


def test_a_name_opening_a_sentence_with_s_is_a_person_but_a_day_is_not() -> None:
    item = only(items(("mentee", "The course money needs the station manager's signature."),
                      ("mentor", "Mm. Okafor's a stickler. Have you asked him?"),
                      ("mentee", "I'll talk to him on Thursday.")))
    assert item.text == "Talk to Okafor"
    item = only(items(("mentor", "Shall we meet again?"), ("mentee", "Monday's good. Ask Tom, I'll email him.")))
    assert "Monday" not in item.text


def test_an_introduction_that_says_not_to_whom_is_to_the_person_just_named() -> None:
    found = items(("mentor", "Did you hear Marisol's retiring? She ran the whole Halden inquiry single-handed."),
                  ("mentee", "Wow. I'd love to meet her. Could you introduce me?"),
                  ("mentor", "Of course. I'll introduce you, she's around all spring."))
    assert [(i.owner, i.text) for i in found] == [("mentor", "Introduce Sam to Marisol")]


def test_without_a_session_date_nothing_is_dated() -> None:
    assert only(items(("mentee", "I'll send it by Friday."), session=None)).due is None


@pytest.mark.parametrize("turns", [
    [("mentee", "I sent the report to her last week.")],
    [("mentee", "I was going to call her, but I ran out of time.")],
    [("mentor", "If I had the time I'd rewrite the whole thing myself.")],
    [("mentee", "I would, but I don't want to go over his head.")],
    [("mentee", "Maybe I'll look into it at some point.")],
    [("mentee", "I'll be honest, the deadline scares me.")],
    [("mentee", "I'll admit I skipped the reading.")],
    [("mentee", "Maria will send the contract on Friday.")],
    [("mentee", "She said she'll call them on Thursday.")],
    [("mentor", "Will you send me the deck?"), ("mentee", "I'm not sure yet.")],
    [("mentor", "Could you present at the all-hands?"), ("mentee", "I can't this week, sorry.")],
    [("mentor", "Next time, try asking her directly."),
     ("mentee", "I don't think I can do that this week, honestly.")],
    [("mentor", "Good to see you. I'll see you next week.")],
    [("mentee", "Let me check my calendar.")],
    [("mentee", "Sure, I'll send it now.")],
    [("mentor", "Let's both try to reply within one working day.")],
    [("mentor", "I'll usually get back to you within a day.")],
    [("mentor", "Okay, I'll let you go.")],
    [("mentee", "I'll figure something out.")],
    [("mentor", "Let's talk again after the conference.")],
    [("mentor", "Have you considered pausing after each key number?"),
     ("mentee", "Hmm, yeah. I see what you mean.")],
    [("mentor", "If that doesn't work, let me know and I'll have a word with him.")],
    [("mentee", "Should I also rehearse in front of my lab group?"), ("mentor", "Yes, definitely.")],
    [("mentor", "Could you do Tuesday at eleven instead?"), ("mentee", "Tuesday at eleven works.")],
    [("mentee", "Honestly I keep telling myself I'll clear the inbox on Fridays.")],
    [("mentee", "i keep saying i'll update the tracker on fridays")],
    [("mentee", "Would you have time to look at it?"), ("mentor", "I'll make time.")],
    [("mentor", "Half eight on the ninth, then."), ("mentee", "Half eight on the ninth. I'll make it work.")],
    [("mentor", "Okay, shall we sort out next time?"), ("mentee", "Yes, is the same time in three weeks okay?")],
    [("mentor", "He's got it now, so leave it. Just bear it in mind for the next one."),
     ("mentee", "Okay. Can I ask about something that's been bugging me?"), ("mentor", "Of course, go for it.")],
])
def test_things_that_only_look_like_tasks(turns: list[tuple[str, str]]) -> None:
    assert items(*turns) == []


def test_a_withdrawn_request_is_dropped() -> None:
    found = items(("mentor", "Can you send me the deck?"), ("mentee", "Sure, tomorrow."),
                  ("mentor", "Actually, don't worry about the deck, I found it."))
    assert found == []


def test_letting_the_other_off_drops_their_offer_not_ones_own_promise() -> None:
    found = items(("mentee", "Yes. I'll redo the seating plan by Thursday."),
                  ("mentor", "Good. And I said last time I'd lend you my copy of the handbook."),
                  ("mentee", "You did, but honestly, don't worry about it, the library has two."))
    assert [(i.owner, i.due) for i in found] == [("mentee", "2026-11-19")]


@pytest.mark.parametrize("answer", [
    "Oh, actually, don't worry about that. Kemi is lending me hers anyway.",
    "No rush. Actually, wait, no need for that, Kemi has one.",
])
def test_letting_the_other_off_drops_the_offer_just_made(answer: str) -> None:
    found = items(("mentee", "I'll draft the grant summary over the weekend."),
                  ("mentor", "Lovely. And tell you what, I'll send you my old grant summary as a model."),
                  ("mentee", answer))
    assert [i.owner for i in found] == ["mentee"]


@pytest.mark.parametrize("answer", [
    "You could run the draft past me first if you like. Actually, no, don't worry about that, you know them best.",
    "Good. And actually, forget what I said about redoing the rota. Don't bother. HR are taking it over.",
])
def test_taking_back_ones_own_words_lets_no_one_off(answer: str) -> None:
    found = items(("mentee", "Okay. I'll write the incident summary for the board by Friday."),
                  ("mentor", answer))
    assert [(i.owner, i.due) for i in found] == [("mentee", "2026-11-20")]


def test_not_worrying_about_a_thing_lets_no_one_off() -> None:
    found = items(("mentee", "Okay, I'll sit a full practice paper on Saturday."),
                  ("mentor", "Good. And don't worry about the mark, it's only practice."))
    assert [i.owner for i in found] == ["mentee"]


def test_scratch_that_drops_what_was_just_said_only() -> None:
    found = items(("mentee", "I'll send you the survey results by Friday."),
                  ("mentor", "Great."),
                  ("mentee", "And I'll book the room. Scratch that, Ana already booked it."))
    assert [i.text for i in found] == ["Send Dana the survey results"]


def test_withdrawing_something_else_keeps_the_tasks() -> None:
    found = items(("mentor", "I'll send you the template tomorrow."),
                  ("mentee", "Thanks. Oh, and forget the handout I mentioned, nobody reads them."))
    assert len(found) == 1


@pytest.mark.parametrize("offer", [
    "I could ring a friend of mine at the trust, she's done this before, do you want me to",
    "Ha, good. I can send you our old policy as a starting point if that helps.",
    "Would it help if I came along to the first meeting?",
])
def test_no_to_the_others_offer_takes_back_nothing_of_ones_own(offer: str) -> None:
    found = items(("mentee", "okay i'll write to the records office by friday before i chicken out"),
                  ("mentor", offer),
                  ("mentee", "Um, actually, no, I think I should do this one myself. But thank you."))
    assert [(i.owner, i.due) for i in found] == [("mentee", "2026-11-20")]


def test_no_after_ones_own_acceptance_still_takes_the_task_back() -> None:
    assert items(("mentor", "head office wants someone to write up the audit findings"),
                 ("mentee", "i can do that i'll have it done by the end of the month"),
                 ("mentor", "perfect actually no hang on priya already started it let her finish it")) == []


def test_two_things_to_have_done_before_something_are_two_tasks() -> None:
    found = items(("mentee", "I'll get the rota done before the staff meeting on Tuesday."),
                  ("mentor", "Good. And the appraisals?"),
                  ("mentee", "Okay."),
                  ("mentor", "It's a lot, I know."),
                  ("mentee", "I'll get the first three appraisals done before Christmas, then."))
    assert [i.text for i in found] == ["Get the rota done before the staff meeting",
                                       "Get the first three appraisals done before Christmas"]


def test_a_summing_up_so_shares_more_than_before_with_an_earlier_task() -> None:
    found = items(("mentee", "I'll book a call with Omar before the planning meeting."),
                  ("mentor", "Good."), ("mentee", "What next?"),
                  ("mentor", "How about a first outline of the report before the month's out?"),
                  ("mentee", "So I'll do it by the twentieth, if that's okay."))
    assert len(found) == 2 and "outline" in found[1].text


def test_an_accepted_request_is_worded_by_the_answer_that_says_as_much_this_week() -> None:
    task = only(items(("mentee", "There's a first-aid course in March. The request goes in by the end of the month."),
                      ("mentor", "So put it in."),
                      ("mentee", "I will, I'll get the booking form done this week.")))
    assert (task.owner, task.text) == ("mentee", "Get the booking form done this week")


def test_a_so_sentence_sharing_only_every_with_an_earlier_task_is_a_task_of_its_own() -> None:
    found = items(("mentee", "ok i'll try that on my next runs, a full check after every stop"),
                  ("mentor", "good"), ("mentee", "and the audit"), ("mentor", "mm hm"),
                  ("mentee", "so i'll sit down with the audit log and note every point where it went wrong"))
    assert len(found) == 2 and "audit log" in found[1].text


def test_the_same_task_said_twice_is_kept_once() -> None:
    found = items(("mentee", "I'll send you the budget table by Friday."),
                  ("mentor", "Great."),
                  ("mentee", "So yes, I'll send the budget table by Friday."))
    assert len(found) == 1 and found[0].source.segment == 0


def test_extraction_is_deterministic() -> None:
    turns = [("mentor", "Could you send me the deck by Monday?"), ("mentee", "Sure, will do."),
             ("mentor", "And I'll ping Jamal today.")]
    assert items(*turns) == items(*turns)


def test_two_requests_accepted_together_are_two_tasks() -> None:
    found = items(("mentor", "Can you send me the deck by Monday? "
                              "Also, could you book a room for the dry run?"),
                  ("mentee", "Sure."))
    assert [(i.text, i.due) for i in found] == [("Send Dana the deck", "2026-11-23"),
                                                ("Book a room for the dry run", None)]


def test_a_request_and_its_details_are_one_task() -> None:
    found = items(("mentor", "Could you update your CV before she sees it? Add the handoff project."),
                  ("mentee", "Sure, will do. By Monday."))
    assert [(i.text, i.due) for i in found] == [
        ("Update your CV before she sees it and add the handoff project", "2026-11-23")]


def test_a_reminder_acknowledged_is_a_task() -> None:
    item = only(items(("mentor", "Don't forget to submit your timesheet by Friday."), ("mentee", "Got it.")))
    assert (item.owner, item.text, item.due) == ("mentee", "Submit your timesheet", "2026-11-20")


def test_anyone_may_take_an_open_task() -> None:
    item = only(items(("mentor", "Who's going to set up the shared folder?"), ("mentee", "I can take that.")))
    assert (item.owner, item.text) == ("mentee", "Set up the shared folder")


def test_do_that_today_makes_the_instructions_before_it_one_request() -> None:
    item = only(items(("mentor", "Escalate it. Loop in his manager and copy me. Can you do that today?"),
                      ("mentee", "Yes, I'll send that email by the end of the day.")))
    assert (item.owner, item.text, item.due) == ("mentee", "Loop in his manager and copy Dana", "2026-11-18")


def test_have_it_done_refers_to_what_was_asked_about() -> None:
    item = only(items(("mentor", "Where are you with the self-assessment?"),
                      ("mentee", "Half done. My plan is to have it finished by the 1st.")))
    assert (item.text, item.due) == ("Have the self-assessment finished", "2026-12-01")


def test_i_will_think_about_it_and_get_back_to_you() -> None:
    item = only(items(("mentor", "I'll think about it and get back to you by Friday.")))
    assert (item.text, item.due) == ("Get back to Sam", "2026-11-20")


@pytest.mark.parametrize("turns, text, due", [
    ([("mentor", "Send me the deck by Friday."), ("mentee", "We'll do.")],
     "Send Dana the deck", "2026-11-20"),
    ([("mentee", "Did Lena reply?"), ("mentor", "I ask her when I see her Monday.")],
     "Ask Lena when I see her", "2026-11-23"),
    ([("mentor", "Shall I put you in touch with Tom?"), ("mentee", "Yes please."),
      ("mentor", "Grand, I'll drop him a message in the morning.")], "Drop Tom a message", "2026-11-19"),
])
def test_recognition_errors(turns: list[tuple[str, str]], text: str, due: str) -> None:
    """"Will do" heard as "We'll do", "I'll" as "I"; an offer made concrete next turn."""
    item = only(items(*turns))
    assert (item.text, item.due) == (text, due)


def test_do_that_and_something_else_is_two_tasks() -> None:
    found = items(("mentor", "One practical suggestion: write down three examples before you talk to him."),
                  ("mentee", "Okay. I'll do that tonight and talk to him on Monday."))
    assert [(i.text, i.due) for i in found] == [
        ("Write down three examples before you talk to him", "2026-11-18"),
        ("Talk to him", "2026-11-23")]


# ---------------------------------------------------------------- phrasings from blind-written conversations

@pytest.mark.parametrize("text", [
    "My manager won't let me touch the budget yet.",
    "They let me sit in on the board meeting last month.",
    "Honestly I'll be straight with you and everyone else has been great.",
])
def test_someone_elses_permission_and_idioms_are_no_tasks(text: str) -> None:
    assert items(("mentee", text)) == []


def test_an_offer_after_and_is_still_an_offer() -> None:
    item = only(items(("mentor", "Good. And do you want me to call the vendor for you?"),
                      ("mentee", "Honestly, yes please.")))
    assert (item.owner, item.text, item.source.segment) == ("mentor", "Call the vendor for Sam", 1)


def test_a_further_task_does_not_replace_an_accepted_offer() -> None:
    found = items(("mentor", "Want me to talk to Priya?"), ("mentee", "Yes please."),
                  ("mentor", "Sure. Let me also send you the checklist I use."))
    assert [i.text for i in found] == ["Talk to Priya", "Send Sam the checklist I use"]


def test_an_accepted_request_keeps_the_owners_more_specific_words() -> None:
    item = only(items(("mentor", "The workshop fills up fast. Can you get registered?"),
                      ("mentee", "Sure, I'll sign up for the negotiation workshop today.")))
    assert (item.owner, item.text, item.due) == (
        "mentee", "Sign up for the negotiation workshop", "2026-11-18")


def test_a_thing_assigned_fills_the_request_that_points_back_to_it() -> None:
    item = only(items(("mentor", "Your homework is the revised budget. Can you send it to me by the 30th?"),
                      ("mentee", "Will do.")))
    assert (item.owner, item.text, item.due) == ("mentee", "Send the revised budget to Dana", "2026-11-30")


def test_a_thing_assigned_alone_is_no_task() -> None:
    assert items(("mentor", "Your homework is the revised budget."), ("mentee", "Okay.")) == []


def test_joining_a_joint_task_makes_one_task_where_the_other_joined() -> None:
    item = only(items(("mentor", "Let's both sign up for the mentoring webinar on the 3rd."),
                      ("mentee", "Oh definitely, count me in, let's both do it.")))
    assert (item.owner, item.text, item.due, item.source.segment) == (
        "both", "Sign up for the mentoring webinar", "2026-12-03", 1)


def test_joint_tasks_of_one_speaker_stay_apart() -> None:
    found = items(("mentor", "Let's both read the onboarding guide by Friday."), ("mentee", "Sure."),
                  ("mentor", "And let's both fill in the skills survey by Monday."))
    assert [(i.owner, i.due) for i in found] == [("both", "2026-11-20"), ("both", "2026-11-23")]


@pytest.mark.parametrize("after, due", [
    ("Probably early next week, say Tuesday.", "2026-11-24"),
    ("She's back on Tuesday.", None),
])
def test_a_bare_date_after_a_commitment_is_its_date(after: str, due: str | None) -> None:
    item = only(items(("mentor", f"I'll set up a call with the hiring manager. {after}")))
    assert (item.text, item.due) == ("Set up a call with the hiring manager", due)


@pytest.mark.parametrize("text, task", [
    ("I'll do a timed mock interview every Saturday.", "Do a timed mock interview every Saturday"),
    ("From now on I'll text you before every session.", None),
    ("I'll always reply within a day.", None),
])
def test_recurring_tasks_are_tasks_but_rules_for_keeping_in_touch_are_not(text: str,
                                                                          task: str | None) -> None:
    assert [(i.text, i.due) for i in items(("mentee", text))] == ([(task, None)] if task else [])


def test_an_imperative_after_a_scene_setting_clause_is_what_is_agreed_to() -> None:
    item = only(items(("mentor", "Next time the queue backs up, call the orders in pairs."),
                      ("mentee", "Okay, I'll try that on Friday's shift.")))
    assert (item.owner, item.text, item.due) == ("mentee", "Call the orders in pairs", "2026-11-20")


def test_an_offer_accepted_first_and_a_request_answered_after_are_both_tasks() -> None:
    found = items(("mentor", "Book the room early so nobody else grabs it. Do you want me to ask Ana "
                             "to co-host?"),
                  ("mentee", "Yes please, that would be great. And I'll book the room tomorrow."))
    assert [(i.owner, i.text, i.due) for i in found] == [
        ("mentee", "Book the room", "2026-11-19"), ("mentor", "Ask Ana to co-host", None)]


def test_by_heard_as_high_before_a_day() -> None:
    item = only(items(("mentor", "Can you send me the slides?"),
                      ("mentee", "Yeah, I can do that high Friday.")))
    assert (item.text, item.due) == ("Send Dana the slides", "2026-11-20")


# ------------------------------------------------- more ways to commit, and rules that are not tasks

@pytest.mark.parametrize("speaker, text, keyword, due", [
    ("mentee", "Actually, what I'll do is draft a rate card this weekend.", "rate card", "2026-11-22"),
    ("mentee", "First thing tomorrow I'm calling the recruiter.", "recruiter", "2026-11-19"),
    ("mentee", "Gonna email her tonight about the contract.", "contract", "2026-11-18"),
])
def test_more_first_person_commitments(speaker: str, text: str, keyword: str, due: str | None) -> None:
    item = only(items((speaker, text)))
    assert item.owner == speaker and keyword in item.text.lower() and item.due == due


@pytest.mark.parametrize("text", [
    "Drop me an email and I'll get back to you within two working days.",
    "Message me on Teams, and I'll answer by the end of the next school day.",
    "I'm meeting my sister on Friday.",
])
def test_response_time_rules_and_plain_plans_are_not_tasks(text: str) -> None:
    assert items(("mentor", text)) == []


# ---------------------------------------------------------------- distractors of every kind

@pytest.mark.parametrize("turns", [
    # reported speech: a promise told to someone else, or what others say one will do
    [("mentee", "I told my manager I'd redo the forecast.")],
    [("mentee", "My sister says I'll regret quitting by Christmas.")],
    [("mentee", "He said he'll review my code on Monday.")],
    # conditional and tentative
    [("mentee", "Maybe I'll phone the landlord tomorrow.")],
    [("mentee", "If I get a free evening I'll repaint the shed.")],
    [("mentee", "I was thinking I'd redo the slides at some point.")],
    [("mentee", "I'll email the dean if the budget gets approved.")],
    [("mentee", "Should the grant come through, I'll hire an intern.")],
    [("mentee", "Once I'm promoted I plan to mentor a new analyst.")],
    # questions and offers nobody took up
    [("mentee", "Should I forward the contract to legal?"), ("mentor", "Let's talk about your promotion first.")],
    [("mentor", "Do you want me to book the room?"), ("mentee", "No, I've got it covered.")],
    [("mentor", "I could introduce you to Priyanka."), ("mentee", "Thanks, but I already know her.")],
    # where or how one will be, waiting, feelings
    [("mentee", "I'll be in Lisbon next week.")],
    [("mentee", "I'll be at the conference on Friday.")],
    [("mentee", "We'll see. I'll see how it goes.")],
    [("mentee", "I'm going to scream if the build breaks again.")],
    [("mentee", "I'm going to lose my mind if they move the deadline again.")],
    # habits, advice, talk about the talk
    [("mentor", "I'll usually answer emails on Sunday evenings.")],
    [("mentor", "You'll want to rehearse the demo twice.")],
    [("mentor", "Let me ask you something. Let me be straight with you: the deck is too long.")],
    # what is merely scheduled, said in a subordinate clause, or someone else's
    [("mentee", "I'm presenting the roadmap on Thursday.")],
    [("mentor", "Tell me what you think before I submit it on Friday.")],
    [("mentee", "Jonas will send the invoices on Friday.")],
])
def test_commitment_words_that_promise_nothing(turns: list[tuple[str, str]]) -> None:
    assert items(*turns) == []


def test_a_plan_for_a_deliverable_in_the_present_tense_is_a_task() -> None:
    item = only(items(("mentee", "I'm ordering the replacement parts tomorrow.")))
    assert (item.owner, item.due) == ("mentee", "2026-11-19") and "replacement parts" in item.text


def test_that_is_on_my_plate_names_the_thing_said_before() -> None:
    item = only(items(("mentee", "The vendor contract still isn't signed. That's on my plate, "
                                 "I'll chase it on Monday.")))
    assert "vendor contract" in item.text and item.due == "2026-11-23"


def test_a_pronoun_names_the_thing_offered_a_turn_earlier() -> None:
    item = only(items(("mentor", "I still have the interview rubrics we used last year."),
                      ("mentee", "That would be so useful."),
                      ("mentor", "I'll scan them for you tomorrow.")))
    assert item.owner == "mentor" and "interview rubrics" in item.text and item.due == "2026-11-19"


def test_an_accepted_request_that_points_back_names_the_thing() -> None:
    item = only(items(("mentor", "What would help most is two sample essays. Can you dig those out?"),
                      ("mentee", "Sure, by Monday.")))
    assert item.owner == "mentee" and "two sample essays" in item.text and item.due == "2026-11-23"


def test_a_request_answered_with_other_terms_is_the_answerers_once_agreed() -> None:
    found = items(("mentor", "Could you send me the budget spreadsheet?"),
                  ("mentee", "Can I tidy it up first and send it Monday?"),
                  ("mentor", "Monday's fine."))
    item = only(found)
    assert item.owner == "mentee" and "budget spreadsheet" in item.text and item.due == "2026-11-23"


def test_should_i_is_an_offer_and_the_date_said_on_accepting_is_its_date() -> None:
    item = only(items(("mentee", "Should I send you the meeting notes?"), ("mentor", "Yes please, by Thursday.")))
    assert (item.owner, item.due, item.source.segment) == ("mentee", "2026-11-19", 1)
    assert "meeting notes" in item.text


def test_before_then_is_the_date_just_agreed() -> None:
    item = only(items(("mentor", "Let's meet again on the 4th."),
                      ("mentee", "Great, I'll finish the literature table before then.")))
    assert item.due == "2026-12-04"


def test_a_deadline_left_open_and_supplied_in_the_next_turns() -> None:
    item = only(items(("mentee", "I'll have the budget ready by..."), ("mentor", "The 30th?"),
                      ("mentee", "The 30th, yes.")))
    assert (item.owner, item.due, item.source.segment) == ("mentee", "2026-11-30", 0)


def test_saying_yes_to_a_joint_task_with_ones_own_part_is_one_joint_task() -> None:
    item = only(items(("mentor", "Let's each write down two questions for the panel."),
                      ("mentee", "Sure, I'll do mine tonight.")))
    assert item.owner == "both" and "questions" in item.text


def test_a_reminder_of_an_agreed_task_even_much_later_is_the_same_task() -> None:
    item = only(items(("mentee", "I'll draft the grant summary."), ("mentor", "Okay."),
                      ("mentee", "Then I need a coffee."), ("mentor", "Fine."), ("mentee", "Yes."),
                      ("mentor", "And remember to draft the grant summary."), ("mentee", "Yes, I will.")))
    assert item.source.segment == 0


def test_a_restated_task_gives_its_date_to_the_first_unless_it_recurs() -> None:
    item = only(items(("mentee", "My homework is a cover letter for the Hartley job."),
                      ("mentor", "Good. Get it to me by Friday."), ("mentee", "Yep, Friday.")))
    assert item.source.segment == 0 and item.due == "2026-11-20" and "cover letter" in item.text
    item = only(items(("mentor", "Here's what I'd try: sketch one thumbnail a day."),
                      ("mentee", "I'm going to do that every day this week."), ("mentor", "Good."),
                      ("mentee", "Fine."), ("mentor", "Go sketch those thumbnails."),
                      ("mentee", "I will, I'm sketching them tomorrow morning.")))
    assert item.due is None and "thumbnail" in item.text


@pytest.mark.parametrize("text, left_out", [
    ("I'll send the syllabus over if you like, tonight.", "if"),
    ("We'll each bring one journal article to the next call.", " to"),
])
def test_politeness_and_stripped_dates_leave_no_words_behind(text: str, left_out: str) -> None:
    assert not only(items(("mentee", text))).text.endswith(left_out)


def test_asking_if_is_no_condition() -> None:
    item = only(items(("mentee", "I'll ask Maria if she can cover my shift.")))
    assert item.text == "Ask Maria if she can cover my shift"


@pytest.mark.parametrize("text", [
    "I'm going to need a bigger monitor.",
    "I'll bear that in mind.",
    "I'm going to sleep on it.",
    "I'll get used to the night shifts.",
    "i'm gonna cry honestly",
    "Knowing me, I'll forget.",
    "I'm going to go with the second vendor.",
    "Next year I'll probably move to Leeds.",
    "I'll be seeing the dentist on Tuesday.",
    "I'll cross that bridge when I come to it.",
    "I'm going to take a break from the side project.",
    "That's on my plate.",
])
def test_idioms_feelings_choices_and_likelihoods_are_no_tasks(text: str) -> None:
    assert items(("mentee", text)) == []


def test_a_thing_put_first_is_what_is_on_my_plate() -> None:
    item = only(items(("mentee", "The grant appendix, that's on my plate.")))
    assert "grant appendix" in item.text.lower()


def test_a_thing_that_needs_doing_is_taken_by_whoever_takes_it() -> None:
    item = only(items(("mentor", "The onboarding checklist needs rewriting."), ("mentee", "I can take that.")))
    assert item.owner == "mentee" and item.text == "Rewrite the onboarding checklist"


def test_a_dated_obligation_taken_on_is_a_task() -> None:
    item = only(items(("mentee", "I'll be honest, I'll need to redo the cover page by Friday.")))
    assert "cover page" in item.text and item.due == "2026-11-20"


def test_scratch_that_after_a_reply_replaces_the_speakers_task() -> None:
    item = only(items(("mentee", "I'll send you the slides on Monday."), ("mentor", "Great."),
                      ("mentee", "Actually, scratch that, I'll send them Wednesday.")))
    assert "slides" in item.text and item.due == "2026-11-25"


def test_the_same_promise_twice_in_a_turn_is_one_task() -> None:
    item = only(items(("mentee", "I'll send the draft over tonight. I'll send the draft tonight, promise.")))
    assert item.text == "Send the draft"


def test_actually_no_replaces_the_task_just_said() -> None:
    item = only(items(("mentor", "I'll send you that article. Actually no, I'll just forward you the link tonight.")))
    assert item.text == "Forward Sam the link" and item.due == "2026-11-18"


def test_two_tasks_naming_the_same_person_stay_two() -> None:
    found = items(("mentor", "I'll email Sam's manager. I'll call Sam on Friday."))
    assert [i.text for i in found] == ["Email Sam's manager", "Call Sam"]


def test_an_accepted_pointer_request_names_the_thing_of_three_turns_back() -> None:
    found = items(("mentor", "Do you want me to review your slides before Thursday?"), ("mentee", "Yes! Thank you."),
                  ("mentor", "Great, send them over tonight."), ("mentee", "Will do."))
    assert [(i.owner, i.text, i.due) for i in found] == [
        ("mentor", "Review Sam's slides", "2026-11-19"), ("mentee", "Send the slides", "2026-11-18")]


def test_them_said_again_points_through_to_the_thing_before() -> None:
    found = items(("mentor", "and if you want a second opinion you could send me your shift logs"),
                  ("mentee", "would you i don't want to take up your saturday"),
                  ("mentor", "no really it's fine post them to me and i'll go through them on monday"),
                  ("mentee", "brilliant i'll ping them across on sunday"))
    assert ("mentee", "Ping the shift logs across", "2026-11-22") in [(i.owner, i.text, i.due) for i in found]


def test_that_got_sent_off_is_the_thing_owed() -> None:
    task = only(items(("mentee", "I still owe the college my site diary from the spring. I'll get that sent off "
                                 "by Friday.")))
    assert (task.text, task.due) == ("Get the site diary sent off", "2026-11-20")


def test_a_thing_ending_in_is_is_one_thing_and_it_names_it() -> None:
    task = only(items(("mentor", "what i'd suggest is a quick risk analysis, just a table of each hazard"),
                      ("mentee", "okay i'll do the risk analysis and send it over before we next talk")))
    assert task.text == "Do the risk analysis and send it"


@pytest.mark.parametrize("text, expected", [
    ("I've got a checklist I use for site visits, nothing clever, dates and a notes column. I'll dig it out "
     "tonight.", "Dig the checklist out"),
    ("we have a kind of starter pack for new volunteers i'll send it over after this", "Send the starter pack"),
    ("I've got a folder of old exam papers on my laptop. I'll share it with you.", "folder of old exam papers"),
    ("There's a mentoring circle for new data engineers that meets on Zoom. I'll send you the link.",
     "the link to the mentoring circle"),
    ("so there's a really decent costing guide from the federation i'll send you the link later",
     "the link to the decent costing guide"),
    ("The union puts out a pay survey every spring. I'll forward you the latest one.", "the latest pay survey"),
])
def test_what_the_speaker_just_brought_up_is_what_they_hand_over(text: str, expected: str) -> None:
    assert expected in only(items(("mentor", text))).text


def test_an_accepted_request_with_a_closing_no_problem_is_the_request() -> None:
    task = only(items(("mentor", "could you get the budget tab updated and the two quotes attached by friday"),
                      ("mentee", "yeah i can do that my friday no worries")))
    assert (task.owner, task.text, task.due) == ("mentee", "Get the budget tab updated and the two quotes attached",
                                                 "2026-11-20")


def test_do_that_after_saying_how_much_is_that_much() -> None:
    task = only(items(("mentor", "So how many could you manage, honestly?"),
                      ("mentee", "Honestly? Two practice essays a fortnight, until the mocks. I'll do that.")))
    assert task.text == "Do two practice essays"


def test_the_link_to_a_thing_already_named_stays_as_it_is() -> None:
    assert only(items(("mentor", "There's a good guide on the union site. I'll send you the link to the guide."))
                ).text == "Send Sam the link to the guide"


@pytest.mark.parametrize("text, who", [
    ("i need to move the exam date with the assessment office i'll ring them in the morning", "assessment office"),
    ("The visa paperwork goes through our HR team. I'll chase them this week.", "HR team"),
])
def test_them_after_getting_in_touch_is_the_people_just_named(text: str, who: str) -> None:
    assert who in only(items(("mentee", text))).text


def test_them_after_getting_in_touch_with_things_named_last_is_the_things() -> None:
    task = only(items(("mentee", "I spoke to the agency about the drawings. I'll email them tonight.")))
    assert "drawings" in task.text


# ---------------------------------------------------------------- speech acts, not phrasings (c41-c50 round)

@pytest.mark.parametrize("text", [
    "I'll know more after the board meeting on Friday.",
    "I'll have more time once the audit's done.",
    "I'll turn thirty next month.",
    "I'll lose the client if this slips again.",
    "I'll end up redoing the whole thing.",
    "I'll be starting the course in May.",
])
def test_what_befalls_the_speaker_is_no_task(text: str) -> None:
    assert items(("mentor", "How are things?"), ("mentee", text)) == []


def test_a_change_of_manner_answering_feedback_is_no_task() -> None:
    assert items(("mentee", "You tend to give me the answer straight away."),
                 ("mentor", "That's a good point, I'll hold back more.")) == []


def test_will_of_habit_describing_a_difficulty_is_no_task() -> None:
    assert items(("mentee", "I keep getting stuck on the intros. I'll sit there for forty minutes on one "
                            "sentence.")) == []


def test_a_request_that_only_points_back_takes_the_answers_words() -> None:
    task = only(items(("mentor", "Ask them anyway. The budget resets in April, so put the request in to Dev."),
                      ("mentee", "Sure, I'll email Dev about it tomorrow.")))
    assert (task.owner, task.due) == ("mentee", "2026-11-19") and "Dev" in task.text


def test_a_task_taken_on_at_the_end_of_a_clause() -> None:
    task = only(items(("mentor", "Pitch one to Dev by the end of April."),
                      ("mentee", "Okay. I've got an idea about the bus contracts, leave that one with me.")))
    assert task.owner == "mentee" and "pitch" in task.text.lower()


@pytest.mark.parametrize("answer", ["Ha, okay, a scan of the receipts, will do.", "okay scan of the receipts, will do"])
def test_will_do_after_saying_back_what_was_asked_takes_it_on(answer: str) -> None:
    task = only(items(("mentor", "And send me a scan of the receipts, not a photo, the photos are unreadable."),
                      ("mentee", answer)))
    assert task.owner == "mentee" and "scan of the receipts" in task.text


@pytest.mark.parametrize("answer, expected", [
    ("Flasks. Of course. Okay, I'll grab two from the stores after this.", "Grab two flasks from the stores"),
    ("yeah i'll pick up a couple tomorrow", "Pick up a couple of flasks"),
])
def test_a_count_taken_on_is_a_count_of_the_kind_just_named(answer: str, expected: str) -> None:
    task = only(items(("mentor", "Don't leave it on the hob. Get yourself two flasks, big ones, and keep the stock in "
                                 "those."), ("mentee", answer)))
    assert task.text == expected


def test_i_can_do_that_after_a_suggestion_takes_the_suggestion_on() -> None:
    task = only(items(("mentor", "I'd suggest, and it's what I did myself, spend ten minutes every evening on one "
                                 "reflection."),
                      ("mentee", "Ten minutes an evening. Yes, I can do that.")))
    assert task.owner == "mentee" and "reflection" in task.text
    assert items(("mentor", "Your notes were clear."), ("mentee", "Thanks. I can do that standing on my head.")) == []


@pytest.mark.parametrize("turns, expected", [
    ((("mentor", "The growers' forum meets at the library once a month, you should go."),
      ("mentee", "i went once in the spring ok ill go to the next one")), ("mentee", "Go to the next growers' forum")),
    ((("mentee", "I wish the budgeting module had come earlier in the programme."),
      ("mentor", "That's fair, and I'll pass it on to Farah at the programme office, she asked for comments.")),
     ("mentor", "Farah")),
    ((("mentor", "Divide what you need by a hundred and fifty days."),
      ("mentee", "Okay. I'll work out my day rate this weekend, and could I send it to you to check?")),
     ("mentee", "Work out my day rate")),
    ((("mentee", "I'm hopeless at the client letters."),
      ("mentor", "You're not. Send me the latest letter and I'll go through it with you, the tone mostly.")),
     ("mentor", "Go through the latest letter")),
])
def test_attending_passing_on_asking_after_and_going_through_what_is_sent_are_tasks(turns, expected) -> None:
    assert any(i.owner == expected[0] and expected[1] in i.text for i in items(*turns)), \
        [(i.owner, i.text) for i in items(*turns)]


@pytest.mark.parametrize("text", ["I'll pass, thanks.", "Let me go through the next slide.",
                                  "I'll pass it over to you."])
def test_passing_and_steering_the_talk_stay_no_tasks(text: str) -> None:
    assert items(("mentor", "Shall we look at the numbers?"), ("mentee", text)) == []


def test_an_accepted_come_and_request_is_the_doing_and_stops_at_a_new_clause() -> None:
    task = only(items(("mentee", "would you be able to come and watch one of my ward rounds just once i'd love "
                                 "someone to see me do it"),
                      ("mentor", "yes absolutely i can do that")))
    assert (task.owner, task.text) == ("mentor", "Watch one of Sam's ward rounds just once")


def test_would_you_mind_takes_any_verb_a_recogniser_heard() -> None:
    task = only(items(("mentor", "For Friday, will you mind riding down the free questions you dread most?"),
                      ("mentee", "Sure we'll do.")))
    assert task.owner == "mentee" and "questions you dread" in task.text and task.due == "2026-11-20"


def test_a_day_put_as_a_question_after_a_promise_keeps_the_promise() -> None:
    task = only(items(("mentor", "Put the case on one page."),
                      ("mentee", "Okay, I'll draft the one-pager, Friday-ish? Would you look at it before it goes?")))
    assert (task.owner, task.text, task.due) == ("mentee", "Draft the one-pager", "2026-11-20")


def test_a_condition_on_an_attempt_leaves_the_step_before_it_promised() -> None:
    task = only(items(("mentor", "Have you looked at the manufacturer's training?"),
                      ("mentee", "I'll look up the training days and try to get booked on one, if there's space.")))
    assert "training days" in task.text
    assert items(("mentor", "Any news?"), ("mentee", "I'll take the job and move to Leeds if they offer it.")) == []


def test_a_condition_on_a_maybe_leaves_the_step_before_it_promised() -> None:
    task = only(items(("mentor", "Could you check the exam dates before we next speak?"),
                      ("mentee", "Yes. I'll check the exam board's dates tomorrow, and, um, maybe enter for one "
                                 "if there's a sitting in May.")))
    assert (task.text, task.due) == ("Check the exam board's dates", "2026-11-19")


def test_an_offer_in_the_past_of_a_condition_and_its_restated_date() -> None:
    task = only(items(("mentor", "Would it help if I sent you a couple of anonymised notes?"),
                      ("mentee", "Yes please, that would really help.")))
    assert task.owner == "mentor" and "notes" in task.text
    task = only(items(("mentee", "Should I send you the new version when it's done?"),
                      ("mentor", "Yes, send it by Tuesday if you can, the client wants it on the tenth."),
                      ("mentee", "Will do.")))
    assert "new version" in task.text and task.due == "2026-11-24"


def test_recognised_ill_is_i_will_unless_it_is_the_adjective() -> None:
    assert "ticket" in only(items(("mentee", "lived with it mostly ill raise a ticket with them tomorrow"))).text
    assert items(("mentee", "my mum is ill and i felt ill all week")) == []


# ---------------------------------------------------------------- round 5: what makes a promise

@pytest.mark.parametrize("turns", [
    [("mentor", "Nervous?"), ("mentee", "A bit. I'll try not to worry about it too much.")],
    [("mentor", "How do you feel?"), ("mentee", "I'll try to be braver about asking.")],
    [("mentor", "When's the decision?"), ("mentee", "I'll find out on Friday whether I got the job.")],
    [("mentor", "Any news?"), ("mentee", "I'll find out at the end of the month if the board has approved it.")],
    [("mentor", "Here's the link, I'll put it in the chat."), ("mentee", "Thanks.")],
    [("mentee", "How did the sample go?"), ("mentor", "I send it last week, on Friday, the editor will answer.")],
    [("mentor", "Anything else?"), ("mentee", "I'll keep an eye on the numbers.")],
    [("mentor", "What's Jess doing?"), ("mentee", "She'll run onboarding and I'll support her where needed.")],
    [("mentor", "Long day?"), ("mentee", "Very. I'm going to grab a coffee after this.")],
    [("mentor", "How do you prepare?"), ("mentee", "Normally I'll write out the questions the night before.")],
    [("mentor", "Will you finish it?"), ("mentee", "I'll finish it eventually, I'm sure.")],
    [("mentor", "When shall we talk?"), ("mentee", "I'll call you on Thursday at four, same as usual.")],
    [("mentor", "I'll ring you after the meeting to see how it went."), ("mentee", "Thanks!")],
    [("mentor", "Let's both look at your numbers next time."), ("mentee", "Okay.")],
])
def test_intentions_events_and_keeping_in_touch_are_no_tasks(turns: list[tuple[str, str]]) -> None:
    assert items(*turns) == []


@pytest.mark.parametrize("turns, keyword", [
    ([("mentee", "I'll try to send the budget by Friday.")], "budget"),
    ([("mentee", "I'll find out whether the room is free on the 3rd.")], "room"),
    ([("mentor", "I'll text you the address tonight.")], "address"),
    ([("mentor", "Let's both read the circular before we next speak.")], "circular"),
])
def test_near_misses_of_those_rules_are_still_tasks(turns: list[tuple[str, str]], keyword: str) -> None:
    assert keyword in only(items(*turns)).text.lower()


@pytest.mark.parametrize("answer", ["Yeah, maybe later, I've got a lot on.", "Yeah, no, I've got it already.",
                                    "Okay. Oh, I think Ana already did."])
def test_an_offer_put_off_or_not_needed_is_not_taken_up(answer: str) -> None:
    assert items(("mentor", "Want me to send you the link?"), ("mentee", answer)) == []


def test_an_accepted_offer_restated_is_one_item_dated_by_the_restatement() -> None:
    item = only(items(("mentor", "Would it help if I sent you my access checklist?"),
                      ("mentee", "Oh yes please."), ("mentor", "I'll email it tonight.")))
    assert (item.owner, item.due) == ("mentor", "2026-11-18") and "checklist" in item.text
    item = only(items(("mentee", "Should I ask my accountant about VAT on the wholesale side?"),
                      ("mentor", "Yes, definitely."), ("mentee", "Right, I'll email her tomorrow then.")))
    assert (item.owner, item.due) == ("mentee", "2026-11-19") and "accountant" in item.text


def test_withdrawn_by_name_at_any_distance_and_after_an_acknowledgement() -> None:
    assert items(("mentor", "Could you send me last year's invoices?"), ("mentee", "Leave it with me."),
                 ("mentor", "How's Bea?"), ("mentee", "Leaving in March."), ("mentor", "And the stall?"),
                 ("mentee", "Quiet."), ("mentor", "Oh, and scrap the invoices, the accountant has them.")) == []
    assert items(("mentor", "Head office wants someone to write up the incidents."),
                 ("mentee", "I can do that by the end of the month."),
                 ("mentor", "Perfect, actually no, hang on, Kofi already started it.")) == []


def test_a_relative_who_is_no_open_request() -> None:
    item = only(items(("mentor", "Is there a group leader who could take some of the demo days?"),
                      ("mentee", "Yes, Mr Okello in Kabale village. I will ask him on Monday.")))
    assert "Okello" in item.text and item.due == "2026-11-23"


def test_two_steps_with_days_of_their_own_are_two_tasks_and_a_pointer_is_not() -> None:
    found = items(("mentee", "I'm going to move the cameras to the fence tomorrow and then check the cards Friday."))
    assert [(i.due, "cards" in i.text) for i in found] == [("2026-11-19", False), ("2026-11-20", True)]
    assert len(items(("mentee", "I'll draft the memo tonight and send it to you tomorrow."))) == 1


def test_a_listed_second_task_with_its_own_verb_is_a_task_of_its_own() -> None:
    found = items(("mentee", "I'll rewrite the cover letter by Friday, and email Priya about the reference."))
    assert [(i.due, "priya" in i.text.lower()) for i in found] == [("2026-11-20", False), (None, True)]


@pytest.mark.parametrize("turn", [
    ("mentee", "I'll phone the landlord on Monday, apologise for the mix-up, and ask if I can pop round."),
    ("mentor", "Let's both read the new guidance by Friday, and compare notes next time."),
    ("mentee", "I'll update the tracker tonight, and update the board pack tomorrow."),
])
def test_a_listed_coda_or_the_same_verb_again_is_no_task_of_its_own(turn: tuple[str, str]) -> None:
    assert len(items(turn)) == 1


def test_put_me_down_for_a_thing_is_a_task() -> None:
    assert "budget" in only(items(("mentor", "Someone needs to own the budget."),
                                  ("mentee", "Put me down for the budget."))).text.lower()


@pytest.mark.parametrize("turns, words, due", [
    ([("mentor", "Try walking the wards before the huddle."),
      ("mentee", "Yeah, put me down for that. I'll walk the wards with the charge nurse.")],
     "walk the wards", None),
    ([("mentee", "wait would you actually be a referee"),
      ("mentor", "yeah of course put me down for a reference i'll write it once you send me your log")],
     "reference", None),
    ([("mentor", "Who's doing the safety section?"),
      ("mentee", "Put me down for the safety section. I'll have a draft of those pages to you by Friday.")],
     "safety section", "2026-11-20"),
])
def test_put_me_down_then_how_is_one_task(turns: list[tuple[str, str]], words: str, due: str | None) -> None:
    item = only(items(*turns))
    assert words in item.text.lower() and item.due == due


def test_a_suggestion_taken_up_is_worded_with_its_verb() -> None:
    item = only(items(("mentor", "Have you thought about coming along to the Thursday study group?"),
                      ("mentee", "I have, yes. I'll do that this week.")))
    assert "come along" in item.text.lower()


def test_the_object_of_a_task_is_named_from_the_same_turn() -> None:
    item = only(items(("mentor", "The other thing is your profile. Can you update it with the two books?"),
                      ("mentee", "Sure, no problem.")))
    assert "profile" in item.text
    assert "draft" in only(items(("mentee", "I finished the first draft."),
                                 ("mentor", "Send me the draft and I'll have a look."))).text
    assert "cover letter" in only(items(("mentee", "I'm stuck on the cover letter for the Leeds job."),
                                        ("mentor", "Send it over and I'll look at it tonight."))).text
    assert "crew" in only(items(("mentee", "I'll prep the crew for Friday's inspection."))).text
    assert "inspection" in only(items(("mentee", "I'll prep the crew for Friday's inspection."))).text


def test_a_topic_said_first_and_a_deadline_said_after() -> None:
    assert "handover" in only(items(("mentee", "For the handover, I'll write a checklist by Friday."))).text
    assert "risk register" in only(items(("mentee", "The risk register I'll update by Friday."))).text
    item = only(items(("mentee", "I'm going to write to her and ask for the admin hour. "
                                 "By the end of next week, definitely before the software goes live.")))
    assert item.due == "2026-11-27"


def test_a_recurring_task_has_no_due_date_and_years_are_no_deadline() -> None:
    assert only(items(("mentee", "I'll do one practice test every Sunday till the 14th."))).due is None
    item = only(items(("mentor", "Let's both write down what a good week would look like in five years, "
                                 "and compare at our next meeting."), checkin=date(2026, 12, 2)))
    assert item.due == "2026-12-02"


def test_same_person_different_things_stay_two() -> None:
    found = items(("mentor", "I'll take a look at your CV tonight."), ("mentee", "Thank you!"),
                  ("mentor", "No worries. And I'll look at your cover letter too."))
    assert len(found) == 2


def test_let_me_with_a_later_day_is_a_task_and_said_now_is_not() -> None:
    assert "logs" in only(items(("mentee", "So regarding the audit, let me pull the access logs tomorrow."))).text
    assert items(("mentor", "Can we meet on the 14th?"), ("mentee", "The 14th, let me check the rota.")) == []


def test_a_task_summed_up_later_is_one_item_and_a_new_one_is_not() -> None:
    found = items(("mentee", "I'll draft the budget memo by Thursday."), ("mentor", "Good. How's the team?"),
                  ("mentee", "Busy."), ("mentor", "And hiring?"),
                  ("mentee", "Slow. So, I'll get the memo to you on Friday then."))
    assert [(i.text, i.due) for i in found] == [("Draft the budget memo", "2026-11-19")]
    found = items(("mentee", "I'll update my CV by Monday."), ("mentor", "Good. How's the team?"),
                  ("mentee", "Busy."), ("mentor", "And hiring?"),
                  ("mentee", "Slow. So I'll email the recruiter on Tuesday."))
    assert len(found) == 2


def test_i_can_is_a_promise_only_when_it_answers_or_has_a_day() -> None:
    assert items(("mentor", "Think about what you want from the role."),
                 ("mentee", "I can ask my manager for more hours, I guess.")) == []
    item = only(items(("mentor", "Could you send me the logs?"), ("mentee", "I can send the logs, yes.")))
    assert "logs" in item.text and item.owner == "mentee"


# ---------------------------------------------------------------- recognised run-on speech

def test_a_date_inside_the_task_outranks_one_said_before_its_cue() -> None:
    """A recogniser joins sentences with commas: the check-in's date said first is not the
    invite's due date."""
    item = only(items(("mentor", "So the 2nd at ten?"),
                      ("mentee", "yeah the 2nd at ten, action item for me, i'll send the calendar "
                                 "invite right after this")))
    assert "invite" in item.text and item.due == "2026-11-18"
    fronted = only(items(("mentee", "By Friday I'll have the budget ready.")))
    assert fronted.due == "2026-11-20"


@pytest.mark.parametrize("opening", ["Would you mind", "Will you mind", "Do you mind"])
def test_a_you_mind_request_however_it_was_heard(opening: str) -> None:
    item = only(items(("mentor", f"{opening} writing down the three objections you fear most?"),
                      ("mentee", "Sure, will do.")))
    assert item.owner == "mentee" and "objections" in item.text


# ---------------------------------------------------------------- shapes from the session-7 fresh conversations

def _texts(*turns: tuple[str, str]) -> list[tuple[str, str, str | None]]:
    return [(i.owner, i.text, i.due) for i in items(*turns)]


def test_who_is_doing_a_task_taken_on():
    found = _texts(("mentor", "Who's doing the risk register for the audit?"),
                   ("mentee", "I can take that."))
    assert found == [("mentee", "Do the risk register for the audit", None)]


@pytest.mark.parametrize("text", [
    "Right, so my homework then is: redo the budget by Friday.",
    "My homework: redo the budget by Friday.",
])
def test_homework_followed_by_a_colon(text: str) -> None:
    assert _texts(("mentee", text)) == [("mentee", "Redo the budget", "2026-11-20")]


def test_homework_with_a_word_between():
    found = _texts(("mentor", "Keep a log from now on."),
                   ("mentee", "Okay. My homework then is to set up the log by Friday."))
    assert found == [("mentee", "Set up the log", "2026-11-20")]


def test_a_pointer_is_not_that_sort_of_thing_and_may_be_a_time_owned_thing():
    found = _texts(("mentor", "They want hard numbers, that sort of thing. Have you still got last "
                              "week's site survey?"),
                   ("mentee", "Somewhere. I'll dig it out tomorrow."))
    assert found == [("mentee", "Dig out last week's site survey", "2026-11-19")]


def test_a_pointing_task_with_its_own_date_beside_another_task():
    found = _texts(("mentor", "What's left on your side?"),
                   ("mentee", "the floor plan thats on me i'll have it finished by friday and for "
                              "the caterers i'm going to ring round tomorrow"))
    assert found == [("mentee", "Have the floor plan finished", "2026-11-20"),
                     ("mentee", "Ring round", "2026-11-19")]


def test_them_names_a_group_not_a_single_thing():
    found = _texts(("mentor", "Have you thought about asking the agency for cover?"),
                   ("mentee", "I thought the budget wouldn't stretch."),
                   ("mentor", "It will for a month. Go ahead and call them."),
                   ("mentee", "Okay, I'm going to ring them straight after this."))
    assert [t for o, t, _ in found if o == "mentee"] == ["Ring the agency"]  # the owner's own verb


def test_give_it_a_read_names_the_thing_and_like_is_a_filler():
    found = _texts(("mentee", "i'll draft like a short cover letter tonight and send it to you"),
                   ("mentor", "send it over and i'll give it a quick read by monday"))
    assert found[0][1] == "Draft a short cover letter and send it to Dana"
    assert found[1] == ("mentor", "Give the short cover letter a quick read", "2026-11-23")


def test_a_look_into_something_dated_by_what_it_yields():
    found = _texts(("mentee", "I'd like to lead a team one day."),
                   ("mentor", "let me look into the leadership course i'll have the dates for you "
                              "in two weeks"))
    assert found == [("mentor", "Look into the leadership course", "2026-12-02")]


def test_telling_others_before_a_day_is_a_task():
    found = _texts(("mentor", "What if you handed the rota back to them?"),
                   ("mentee", "Alright. I'll tell them both before Friday's briefing that the rota "
                              "is theirs."))
    assert found == [("mentee", "Tell them both before the briefing that the rota is theirs",
                      "2026-11-20")]


@pytest.mark.parametrize("turns", [
    (("mentor", "you're a bit quiet"), ("mentee", "hang on let me get away from the printer")),
    (("mentee", "I'll send you my draft by Friday."),
     ("mentor", "Great, and I'll take it from there.")),
    (("mentee", "Can you see the chart?"), ("mentor", "Sort of. One sec, let me make it full screen. Okay.")),
    (("mentee", "Shall we say the ninth?"), ("mentor", "um hang on let me check yeah tuesday the ninth at two works")),
    (("mentee", "That's the project side."), ("mentor", "Good. Now let me ask about you for a bit. How are you?")),
    (("mentor", "can you hear me"), ("mentee", "yeah sorry the drill's going next door hang on ill close the window")),
    (("mentor", "You're very dark."), ("mentee", "Oh, hang on. I'll put the desk lamp on. Better?")),
])
def test_moving_about_during_the_call_and_taking_it_from_there_are_no_tasks(turns):
    assert [i.text for i in items(*turns) if i.owner == turns[-1][0]] == []


def test_a_bare_deal_takes_the_request_and_the_offer_beside_it():
    found = _texts(("mentor", "You'll need a reference from me, and I'm happy to write it. Get me a "
                              "draft of your statement by Friday."),
                   ("mentee", "Deal."))
    assert sorted(found) == [("mentee", "Get Dana a draft of your statement", "2026-11-20"),
                             ("mentor", "Write the reference", None)]


def test_a_longer_answer_to_a_request_does_not_take_the_offer_too():
    found = _texts(("mentor", "Could you book the room? I could bring the projector if you like."),
                   ("mentee", "Sure, I'll book it today. No need for the projector, they have one."))
    assert found == [("mentee", "Book the room", "2026-11-18")]


@pytest.mark.parametrize("turns", [
    [("mentee", "It'd be easier for me if the readings came earlier."),
     ("mentor", "Fair. From now on I'll send them the day before we talk.")],
    [("mentor", "Let's change how we run these: you bring one question before each call, and I'll bring "
                "an example from my week.")],
    [("mentee", "ok lets switch it up every other session ill come to the office and the rest we do online")],
])
def test_a_standing_arrangement_is_not_a_task(turns):
    assert items(*turns) == []


def test_a_recurring_task_with_a_start_is_a_task():
    item = only(items(("mentor", "I'll email you a recap after each session, starting tonight.")))
    assert item.due == "2026-11-18"


@pytest.mark.parametrize("text, task, due", [
    ("ok ill redo the seating plan and upload it tomorrow", "Redo the seating plan and upload it", "2026-11-19"),
    ("the list is long but ok ill book the venue on friday", "Book the venue", "2026-11-20"),
    ("sounds doable and ill ring the landlord tomorrow", "Ring the landlord", "2026-11-19"),
    ("right so ill print the forms tonight", "Print the forms", "2026-11-18"),
])
def test_unpunctuated_ill_starts_a_commitment(text, task, due):
    item = only(items(("mentee", text)))
    assert (item.text, item.due) == (task, due)


def test_so_ill_after_a_copula_stays_an_adjective():
    assert items(("mentee", "last week i was so ill i missed the audit")) == []


def test_taking_up_a_suggestion_for_an_occasion_names_it():
    item = only(items(("mentor", "What if you opened with the patient story instead?"),
                      ("mentee", "Okay, I'll try that for the grand round on Friday.")))
    assert "patient story" in item.text.lower() and item.due == "2026-11-20"


def test_handing_over_dates_the_task_taken_on_before():
    item = only(items(("mentor", "Let me dig out my old grant template. It's in a folder somewhere. "
                                 "I'll have it to you by Monday.")))
    assert ("grant template" in item.text.lower(), item.due) == (True, "2026-11-23")


def test_an_exclamation_is_not_the_thing_offered():
    item = only(items(("mentor", "I've got a spare tripod you can borrow."),
                      ("mentee", "oh my god yes please that would be amazing"),
                      ("mentor", "okay ill drop it off tomorrow morning")))
    assert "god" not in item.text.lower()


def test_a_skipper_is_not_a_skip():
    found = items(("mentee", "I'll chase the harbour office tomorrow."),
                  ("mentor", "Good."),
                  ("mentee", "The skipper keeps changing our slots at the last minute."))
    assert [i.text for i in found] == ["Chase the harbour office"]


def test_one_of_several_is_the_thing_offered():
    item = only(items(("mentor", "If you want, I can lend you one of my spare tripods."),
                      ("mentee", "Yes please, that would be great."),
                      ("mentor", "Okay, I'll drop it off on Friday.")))
    assert ("tripods" in item.text, item.due) == (True, "2026-11-20")


def test_it_is_never_a_person():
    item = only(items(("mentor", "the cover letter was two pages and who actually reads it"),
                      ("mentee", "the panel and like not for long ok fair ill cut it down to half a page")))
    assert "panel" not in item.text.lower() and "cover letter" in item.text.lower()


def test_finding_out_and_reporting_back_is_one_task():
    item = only(items(("mentor", "I'll find out from HR when the rota goes out, and I'll let you know by Friday.")))
    assert (item.text, item.due) == ("Find out from HR when the rota goes out", "2026-11-20")


@pytest.mark.parametrize("text, words", [
    ("So I'm going to rewrite the glazing guide, and I'll get the new version to you by Friday.",
     "Rewrite the glazing guide"),
    ("Fine, I'll log the kiln temperatures, and I'll bring you the numbers on Friday.", "Log the kiln temperatures"),
])
def test_handing_over_what_a_task_makes_dates_that_task(text, words):
    item = only(items(("mentor", "The guide is out of date."), ("mentee", text)))
    assert (item.text, item.due) == (words, "2026-11-20")


@pytest.mark.parametrize("answer", ["The 20th is fine, yes.", "Friday works for the sketches.",
                                    "Friday. Will do."])
def test_naming_the_asked_date_back_accepts_the_request(answer):
    item = only(items(("mentor", "Can you get the revised sketches to me by Friday?"), ("mentee", answer)))
    assert item.owner == "mentee" and "sketches" in item.text


def test_naming_a_date_back_before_asking_another_accepts_nothing():
    assert items(("mentor", "Bring me the sketches on Friday so I can look."),
                 ("mentee", "Friday... I'm off Friday, it's a wedding. Could it be Monday instead?")) == []


def test_one_of_a_kind_named_before_is_that_kind_even_when_a_request_was_made():
    item = only(items(("mentor", "Have you thought about bringing a real fault log to the review? Pick a messy one."),
                      ("mentee", "Yeah, I'll bring one on Friday.")))
    assert (item.text, item.due) == ("Bring a real fault log", "2026-11-20")
    item = only(items(("mentor", "Put a towel down. It'll survive."),
                      ("mentee", "Ha. Right, a loupe. I'll order one this week.")))
    assert item.text.startswith("Order a loupe")


@pytest.mark.parametrize("answer, words", [
    ("i went once it was nice ok i'll go to the next one", "go to the next potters' drop-in"),
    ("Okay, I'll go to the Thursday one.", "go to the potters' drop-in"),
])
def test_the_next_one_is_of_the_gathering_named_before(answer, words):
    item = only(items(("mentor", "the guild runs a potters' drop-in every month, you should go"), ("mentee", answer)))
    assert item.text.lower() == words


@pytest.mark.parametrize("text, words", [
    ("The forms are a nightmare. Agnes at the county office knows them. I'll send you her number.",
     "Send Sam Agnes's number"),
    ("Pilar in Girona may have stock. I'll pass you her address.", "Pass Sam Pilar's address"),
    ("Agnes at the county office knows the forms. I'll ask her again tomorrow.", "Ask Agnes again"),
])
def test_her_is_a_person_named_before_and_her_details_are_theirs(text, words):
    item = only(items(("mentee", "Where do I even start with the licence?"), ("mentor", text)))
    assert item.text == words


@pytest.mark.parametrize("answer, words, due", [
    ("That's sensible. The grant proposal goes to the trust by Friday, then.",
     "The grant proposal goes to the trust", "2026-11-20"),
    ("Okay, okay. The kiln log goes back in the binder over the weekend.",
     "The kiln log goes back in the binder", "2026-11-22"),
])
def test_a_task_taken_on_as_the_state_of_its_thing_after_advice(answer, words, due):
    item = only(items(("mentor", "Send the grant proposal. It costs you nothing to try."), ("mentee", answer)))
    assert (item.owner, item.text, item.due) == ("mentee", words, due)


def test_a_state_of_things_said_unasked_is_no_task():
    assert items(("mentor", "How's the week looking?"),
                 ("mentee", "Busy. The rental memo goes to council on Friday.")) == []


def test_checking_with_someone_then_coming_back_is_one_dated_task():
    item = only(items(("mentee", "Could we use the big kiln on the 12th?"),
                      ("mentor", "Let me check with Ruth whether it's booked that week. "
                                 "I'll come back to you by Friday.")))
    assert (item.owner, item.due) == ("mentor", "2026-11-20") and "Ruth" in item.text


@pytest.mark.parametrize("text", [
    "Hang on, let me step outside, the compressor's going.",
    "One sec, let me wind the window up.",
    "Let me check with you what time suits.",
])
def test_moving_about_on_the_call_is_no_task(text):
    assert items(("mentor", "Morning, you sound windy."), ("mentee", text)) == []


@pytest.mark.parametrize("text", [
    "Right, I'm going to go and sleep for about ten hours.",
    "There was a great talk on soil carbon and... anyway, I'll spare you.",
])
def test_rest_and_sparing_the_details_are_not_tasks(text):
    assert items(("mentee", text)) == []


def test_listening_to_a_thing_then_another_step_keeps_both():
    item = only(items(("mentee", "ok lets both listen to the new episode and pick apart the structure")))
    assert item.text == "Listen to the new episode and pick apart the structure"


@pytest.mark.parametrize("turns", [
    [("mentee", "sorry I'm in the workshop, let me shut the door, that's better")],
    [("mentee", "hang on let me move the mic is that better")],
    [("mentor", "Ha, I'll allow it. Go on, back to work.")],
    [("mentor", "I read every email, but I'll answer on Sundays.")],
    [("mentee", "I'd love to shadow her, but I'm scared I'll slow her down.")],
    [("mentor", "Make three test pieces with the longer schedule I'll give you.")],
])
def test_more_that_is_not_a_task(turns):
    assert items(*turns) == []


def test_sending_the_photos_of_it_is_part_of_the_task():
    item = only(items(("mentee", "okay i'll redo the joints and i'll send you photos by friday before i paint")))
    assert (item.text, item.due) == ("Redo the joints", "2026-11-20")


def test_a_causative_read_names_its_thing_and_drops_the_sign_off():
    item = items(("mentor", "I'll email you the safety paper tonight, have a read before our call."),
                 ("mentee", "will do i'll have it read by friday cheers dana"))[-1]
    assert (item.owner, item.text, item.due) == ("mentee", "Have the safety paper read", "2026-11-20")


@pytest.mark.parametrize("turns, keyword", [
    ([("mentor", "also the torque wrench you borrowed can you bring that back when you're in town"),
      ("mentee", "oh yeah sorry i'll drop it off thursday")], "torque wrench"),
    ([("mentee", "Could you look at my lesson plan if I send it?"),
      ("mentor", "Sure. Get it to me by Friday and I'll comment over the weekend."),
      ("mentee", "Consider it done. Oh wait, I'm away Friday. I'll send it Thursday night.")], "lesson plan"),
    ([("mentor", "Homework from me: two timed essays by Sunday."),
      ("mentee", "Two timed essays, Sunday, got it. I'll do them and send you the marks on Sunday night.")],
     "essays"),
])
def test_what_a_request_points_at_is_named(turns, keyword):
    assert any(keyword in i.text.lower() for i in items(*turns) if i.owner == "mentee")


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "I'll get a torque wrench, I keep borrowing yours. Actually, no, I'll order one tonight.")],
     ("Order a torque wrench", "2026-11-18")),
    ([("mentor", "Have you thought about a shared rota, a spreadsheet you both edit?"),
      ("mentee", "That would help. I'll set one up on Monday.")], ("Set a shared rota up", "2026-11-23")),
    ([("mentor", "You should go to the Friday clinic in IT, it's really good."),
      ("mentee", "Then I'll go along this Friday.")], ("Go to the Friday clinic in IT", "2026-11-20")),
    ([("mentor", "I use a printer in Leeds, far cheaper. I'll send you their details today.")],
     ("Send Sam the printer's details", "2026-11-18")),
    ([("mentor", "Build yourself a glossary of the terms."), ("mentee", "Okay, I can do that by Friday."),
      ("mentor", "And I'll send you mine, it's old but useful.")], None),
    ([("mentee", "I'll send you a draft of the abstract on Friday."),
      ("mentor", "Yes please, and I'll turn it around over the weekend.")], None),
])
def test_more_things_named(turns, expected):
    found = items(*turns)
    if expected is not None:
        assert (found[-1].text, found[-1].due) == expected
    elif "glossary" in turns[0][1]:
        assert found[-1].text == "Send Sam my glossary"
    else:
        assert "abstract" in found[-1].text


@pytest.mark.parametrize("turns", [
    [("mentor", "Message me. Texts, not calls. I'll answer by evening.")],
    [("mentee", "Ten minutes. I'll make that my rule.")],
    [("mentor", "Okay. Let me ask it differently. Does every plate look the same?")],
    [("mentor", "Good, I'll hold you to that.")],
    [("mentee", "I won't promise I'll never shout. I'll try to, like, keep it calmer.")],
    [("mentee", "the thirtieth should be fine unless we get kept late then i'll text you")],
    [("mentee", "Could we do a mock hearing?"),
     ("mentor", "I'd love to, but honestly not before January. Let's talk about it in the new year.")],
])
def test_still_more_that_is_not_a_task(turns):
    assert items(*turns) == []


def test_handing_over_a_new_thing_named_in_between_is_its_own_task():
    found = items(("mentor", "I'll dig out the audit we did last year, there's a one-page checklist at the back "
                             "of it. I'll send that over to you by Friday."))
    assert [(i.text, i.due) for i in found][-1] == ("Send the one-page checklist over to Sam", "2026-11-20")


def test_having_it_up_dates_the_task_before():
    item = items(("mentee", "I'll do the photos. I'll have them up before Saturday service."))[0]
    assert (item.text, item.due) == ("Do the photos", "2026-11-21")


@pytest.mark.parametrize("turns, keyword", [
    ([("mentor", "And the supporting statement, where are you with that?"),
      ("mentee", "Barely started. I'll get a first draft to you by the end of the month.")], "supporting statement"),
    ([("mentee", "Would you look at a draft of the poster before I print it?"),
      ("mentor", "Of course. Send it by the 25th and I'll have comments back to you by the 27th.")], "poster"),
    ([("mentor", "Have you signed up for the conference mailing list so you get the dates?"),
      ("mentee", "Not yet. I'll, uh, I'll do that tonight.")], "sign up for the conference mailing list"),
])
def test_what_a_deliverable_or_a_step_is_about_is_named(turns, keyword):
    assert keyword in items(*turns)[-1].text.lower()


def test_an_introduction_made_by_one_email_to_both():
    found = items(("mentor", "ill introduce you to the coordinator ros hartley ill email you both tomorrow morning"))
    assert [(i.text, i.due) for i in found] == [("Introduce Sam to the coordinator ros hartley", "2026-11-19")]


@pytest.mark.parametrize("turns", [
    [("mentor", "Email is fine for anything in between, I'll reply within a couple of days.")],
    [("mentee", "I'm in the car park, give me one sec, let me get the heat going.")],
])
def test_even_more_that_is_not_a_task(turns):
    assert items(*turns) == []


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "okay yeah i'll book an extra sim slot buy the end of the month there's usually gaps on sundays")],
     ("Book an extra sim slot", "2026-11-30")),
    ([("mentor", "And if you like, I'll look over the complaint before you send it.")],
     ("Look over the complaint before Sam send it", None)),
    ([("mentor", "If it would help, I'll forward you the template today.")],
     ("Forward Sam the template", "2026-11-18")),
    ([("mentee", "I'll send you a draft by the end of the month, if you're happy to look at it?")],
     ("Send Dana a draft", "2026-11-30")),
    ([("mentor", "Send me the messy one! I'll go through your spreadsheet and mark up where I'd tidy it.")],
     ("Go through Sam's spreadsheet and mark up where I'd tidy it", None)),
])
def test_round_five_commitments(turns, expected):
    item = items(*turns)[-1]
    assert (item.text, item.due) == expected


@pytest.mark.parametrize("turns", [
    [("mentor", "That's next door. Hang on, I'll shut the window. Right, go on.")],
    [("mentee", "Okay, sure. I'll have a look, but no promises.")],
    [("mentor", "Come and help if you like, I'll put you to work, mind.")],
])
def test_round_five_not_tasks(turns):
    assert items(*turns) == []


def test_actually_no_with_a_new_day_moves_the_task():
    item = only(items(("mentee", "I'll redo the calcs and get them back to you by Wednesday. Actually, no, I'm on "
                                 "site all day Wednesday. Thursday.")))
    assert (item.text, item.due) == ("Redo the calcs and get them back to Dana", "2026-11-19")


@pytest.mark.parametrize("text, expected", [
    ("I'll send you the template we used, it's just a spreadsheet. I'll dig it out later today.",
     ("Send Sam the template we used", "2026-11-18")),
    ("I'll send you the template I use. I'll pop it in your pigeon hole tomorrow.",
     ("Send Sam the template I use", "2026-11-19")),
])
def test_how_a_thing_is_handed_over_dates_the_task(text, expected):
    item = only(items(("mentor", text)))
    assert (item.text.lower(), item.due) == (expected[0].lower(), expected[1])


@pytest.mark.parametrize("text", ["I hadn't, no. Let me have a think about it.", "Let's both do some homework."])
def test_thinking_it_over_is_not_a_task(text):
    assert items(("mentee", text)) == []


def test_run_on_commitments_in_recognised_speech_are_tasks_of_their_own() -> None:
    found = items(("mentee", "the tenants meeting is on the ninth"),
                  ("mentor", "okay that's loads of time tell you what i'll phone the housing officer today and "
                             "let her know so there's no rush on you"),
                  ("mentee", "oh would you that would really help i'll have the floor plan redone by "
                             "thursday anyway"))
    assert [(i.owner, i.due) for i in found] == [("mentor", "2026-11-18"), ("mentee", "2026-11-19")]
    assert "housing officer" in found[0].text and "floor plan" in found[1].text


def test_a_pronoun_whose_thing_the_task_already_names_is_left_alone() -> None:
    found = items(("mentor", "and send me your cover letter if you get it done over the weekend ill read it "
                             "by monday"), ("mentee", "ill send it sunday night promise"))
    assert [i.owner for i in found] == ["mentor", "mentee"]
    assert found[0].text == "Read the cover letter"
    assert found[1].text.count("cover letter") == 1  # not "if you get the cover letter done"


@pytest.mark.parametrize("text, words, due", [
    ("Right. I'll dig out the old tender pack for you. You'll have it by Friday.", "tender pack", "2026-11-20"),
    ("I never did read your statement. You'll have my notes on the statement tomorrow.", "notes on the statement",
     "2026-11-19"),
])
def test_a_promise_put_as_what_the_listener_will_have(text, words, due):
    task = only(items(("mentee", "Thanks for making time."), ("mentor", text)))
    assert (task.owner, task.due) == ("mentor", due) and words in task.text


@pytest.mark.parametrize("text", [
    "You'll have a lot on your plate by Friday.",
    "Will you have it by Friday?",
    "If you'd rather, you'll have it when it's ready.",
])
def test_what_the_listener_will_have_without_a_promise(text):
    assert items(("mentee", "Okay."), ("mentor", text)) == []


def test_a_delivery_of_what_the_same_turn_named_is_not_the_others_suggestion():
    found = items(("mentee", "i didn't know you could do that yeah i'll look up the listings"),
                  ("mentor", "great and i'll send you the two best appraisal forms i've seen ill get those to you "
                             "by friday"))
    assert [(i.owner, i.due) for i in found] == [("mentee", None), ("mentor", "2026-11-20")]
    assert "appraisal forms" in found[1].text


def test_keeping_a_record_is_a_task_going_on_as_before_is_not():
    task = only(items(("mentor", "Meanwhile, could you keep a little diary of the night feeds? Just the times."),
                      ("mentee", "I can do that.")))
    assert task.owner == "mentee" and "diary" in task.text
    assert items(("mentee", "The colour-coded labels you did were great. Could you keep doing those?"),
                 ("mentor", "Sure, easy.")) == []
    task = only(items(("mentee", "I'll start the tally tomorrow and keep it going until we next talk.")))
    assert task.text.startswith("Start the tally") and task.due == "2026-11-19"


@pytest.mark.parametrize("proposal, answer, words, due", [
    ("Right, what if we go down there together and walk the site with the foreman? Friday morning?",
     "Yes please. Friday's good.", "walk the site", "2026-11-20"),
    ("we could turn your case notes into a poster together do you fancy it", "yes definitely lets do it",
     "case notes into a poster", None),
    ("Why don't we draft the grant outline together?", "Oh, I'd love that.", "grant outline", None),
])
def test_a_joint_proposal_taken_up_is_both_peoples_task(proposal, answer, words, due):
    task = only(items(("mentor", proposal), ("mentee", answer)))
    assert (task.owner, task.due) == ("both", due) and words in task.text
    assert "fancy" not in task.text


@pytest.mark.parametrize("proposal", [
    "Shall we sketch a few questions together right now?",
    "We could sort it over email, I don't know my dates yet.",
    "What if we set up a shared doc where you drop questions as they come up?",
    "We could meet at the depot next time.",
])
def test_joint_proposals_of_the_moment_a_channel_or_a_meeting_are_no_task(proposal):
    assert items(("mentor", proposal), ("mentee", "Yeah, let's do that.")) == []


def test_a_joint_proposal_turned_down_is_no_task():
    assert items(("mentor", "What if we go in together and run the training?"),
                 ("mentee", "Honestly, I'd rather do it on my own.")) == []


@pytest.mark.parametrize("text, due", [
    # an estimate, a deadline someone has, or the date of the event it comes before, said after it
    ("I'll dig out the old site survey. Give me ten days or so, it's in the archive.", "2026-11-28"),
    ("I'll find my old rate card and send it to you. I'll probably need till Tuesday.", "2026-11-24"),
    ("I'm going to redo the quote for the café. They want it by the twenty-fifth.", "2026-11-25"),
    ("I'll add a totals check to the model before the month-end review. That's on the twenty-seventh.",
     "2026-11-27"),
    # a day said earlier in the sentence that the task points back to
    ("I'm seeing Priya on Friday, and I'll ask Priya about the spare desk.", "2026-11-20"),
    ("i'm on the ward myself on the twenty fourth ill put you down to shadow me that afternoon", "2026-11-24"),
    ("yeah i've got my one to one with her on monday i'll raise it with her then", "2026-11-23"),
])
def test_a_date_said_around_the_task(text, due):
    found = items(("mentee", "So what's the plan?"), ("mentor", text))
    assert found and found[-1].due == due, [(i.text, i.due) for i in found]


def test_an_estimate_of_someone_else_is_no_date_for_the_task():
    task = only(items(("mentee", "So what's the plan?"),
                      ("mentor", "I'll email the planning officer. Honestly, she probably won't reply before the "
                                 "thirtieth, she's swamped.")))
    assert task.due is None


@pytest.mark.parametrize("text, words", [
    ("I'll ask Priya whether there's room for you on the spring intake.", "on the spring intake"),
    ("i'll check with finance if there's budget left this year", "budget left this year"),
])
def test_a_task_keeps_the_question_it_asks(text, words):
    assert words in only(items(("mentee", "What about the course?"), ("mentor", text))).text


def test_a_new_clause_run_on_is_still_cut():
    assert only(items(("mentee", "i'll book a slot by friday there's usually gaps"))).text == "Book a slot"


@pytest.mark.parametrize("turns", [
    [("mentor", "Shall we book the next one now?"), ("mentee", "Yes, let's.")],
    [("mentor", "What if we finish every call with you reading back the actions?"), ("mentee", "Deal.")],
    [("mentee", "Could you let me have a go at the dovetails while you watch?"), ("mentor", "Sure.")],
    [("mentor", "Let's make that the routine then: a voice note plus three bullets by text, every time."),
     ("mentee", "Perfect.")],
    [("mentee", "I'm fine, I'll keep it really short.")],
    [("mentor", "By then you'll have had the budget meeting, so I'll want the whole story.")],
])
def test_arrangements_leave_wishes_and_manners_are_no_tasks(turns):
    assert items(*turns) == []


def test_what_ill_do_is_a_thing_to_do():
    task = only(items(("mentor", "Measure it every single time."),
                      ("mentee", "Fair enough. So what I'll do is a test board over the weekend with a measured "
                                 "batch.")))
    assert task.text.startswith("Do a test board") and task.due == "2026-11-22"


def test_what_i_want_you_to_try_is_a_request():
    task = only(items(("mentor", "So here's what I want you to try: fill a practice sheet with nothing but "
                                 "straight lines. A sheet a day."),
                      ("mentee", "A sheet a day? Okay. Yeah. I can do the lines, I'm in early anyway.")))
    assert task.owner == "mentee" and "lines" in task.text


def test_look_that_up_names_what_was_suggested():
    task = only(items(("mentor", "there's a welding short course at the college in june might be worth a look"),
                      ("mentee", "oh yeah i'll look that up")))
    assert task.text == "Look up the welding short course"


def test_a_bare_do_that_before_the_task_that_says_how_is_one_task():
    task = only(items(("mentor", "Why not ask the teachers first?"),
                      ("mentee", "Okay, so I'll actually do that then. I'll email Mrs Adeyemi this week.")))
    assert "Adeyemi" in task.text


def test_a_fallback_after_and_if_is_no_condition_on_the_task_before_it():
    task = only(items(("mentor", "So what's the alternative?"),
                      ("mentee", "I'll message Priya tonight, and if she can't, I'll go to the bank office.")))
    assert task.text == "Message Priya" and task.due == "2026-11-18"


@pytest.mark.parametrize("turns", [
    [("mentee", "Could you look over the first report before I send it?"),
     ("mentor", "I'd love to, but I'm in Lisbon all week without a laptop.")],
    [("mentee", "Long shift. One of the nurses let me stay for the handover, which was good.")],
    [("mentor", "Okay, let me flip it round. What's actually going well?")],
    [("mentor", "I'm going to gently say that 'in my head' is how people end up behind.")],
    [("mentor", "I'll send you my old sponsor deck actually no scratch that it's from years ago"),
     ("mentee", "ha ok noted")],
])
def test_declined_others_leave_moves_of_talk_and_withdrawn_offers_are_no_tasks(turns):
    assert items(*turns) == []


def test_a_laughing_yes_takes_on_a_request():
    task = only(items(("mentor", "oh and ask the book cover client for a deposit this time please"),
                      ("mentee", "ha yes fifty percent up front i'm going to be so brave")))
    assert task.owner == "mentee" and "deposit" in task.text


def test_having_it_live_is_the_request_it_answers():
    task = only(items(("mentor", "can you get the price list up on the website by the end of the month"),
                      ("mentee", "um yeah okay i can have it live by the end of the month")))
    assert "price list" in task.text and task.due == "2026-11-30"


def test_a_look_at_the_draft_not_at_a_pair_of_eyes():
    found = items(("mentor", "and send me a draft first if you want a second pair of eyes"),
                  ("mentee", "yeah i'll send you a draft over the weekend"),
                  ("mentor", "lovely i'll have a look on monday morning"))
    assert found[-1].owner == "mentor" and "draft" in found[-1].text and "pair" not in found[-1].text


@pytest.mark.parametrize("turns, text", [
    ([("mentor", "Yeah, Priya's running the extension, I'll have a word with her today and see if there's room.")],
     "Have a word with Priya"),
    ([("mentor", "I could ask my friend Dani, she was with them for years. Do you want me to?"),
      ("mentee", "Oh yes please."), ("mentor", "Okay, I'll message her this afternoon.")], "Ask my friend Dani"),
    ([("mentee", "Yes, Mr Okoro in Mbale village, he is very serious. I will ask him on Monday.")], "Ask Mr Okoro"),
    ([("mentee", "Before a shift, yeah. Danny comes in early on Thursdays, I'll catch him then.")], "Catch Danny"),
])
def test_him_or_her_is_the_person_just_named(turns, text):
    assert any(i.text.startswith(text) for i in items(*turns)), [i.text for i in items(*turns)]


def test_a_lower_case_transcript_names_a_listed_first_name_and_keeps_other_pronouns():
    task = only(items(("mentor", "yeah priya's running it i'll have a word with her today")))
    assert task.text.startswith("Have a word with Priya")
    task = only(items(("mentor", "yeah the site foreman's running it i'll have a word with him today")))
    assert task.text.startswith("Have a word with him")


def test_getting_in_touch_says_what_about():
    task = only(items(("mentee", "Do trainees have to buy their own boots?"),
                      ("mentor", "Ha. No, there's a boot allowance, I think. I'll check with HR and let you know.")))
    assert task.text == "Check with HR about the boot allowance and let Sam know"
    task = only(items(("mentee", "Can we put the donated plates online?"), ("mentor", "I'll email legal first.")))
    assert task.text.startswith("Email legal about the donated plates")
    assert only(items(("mentor", "What's the alternative?"), ("mentee", "I'll message Priya tonight."))).text \
        == "Message Priya"  # a question of what to do is no topic


@pytest.mark.parametrize("turns, words, due", [
    ([("mentee", "Oh, my knees are killing me on the boards."), ("mentor", "Tell Phil, it's a safety thing."),
      ("mentee", "I'll mention it to Phil in the morning.")], "Mention it to Phil", "2026-11-19"),
    ([("mentor", "I know the programmer on that tour, Siobhan. Want me to ask?"), ("mentee", "Yes. Massively."),
      ("mentor", "She's very busy, so no promises, but I'll message her over the weekend.")], "Siobhan",
     "2026-11-22"),
    ([("mentee", "Could you look at my ninety day plan?"),
      ("mentor", "Yes, happily. Send it whenever and I'll turn it round quickly.")], "ninety day plan", None),
    ([("mentee", "yes please the deadline's the seventeenth so i'll get you a draft by um by the tenth ish")],
     "draft", "2026-12-10"),
])
def test_round_ten_tasks(turns, words, due):
    task = items(*turns)[-1]
    assert words in task.text and task.due == due, (task.text, task.due)


@pytest.mark.parametrize("turns", [
    [("mentor", "I will ask you about the skills bursary, though. Have you looked at it?")],
    [("mentor", "Go and eat something."), ("mentee", "Ha. Will do. Cheers.")],
    [("mentor", "have you thought about just saying to her i'll pick up messages from half seven")],
    [("mentor", "I'll try, no promises.")],
])
def test_round_ten_no_tasks(turns):
    assert items(*turns) == []


def test_an_offer_set_aside_in_the_same_breath_is_not_taken_up():
    task = only(items(("mentor", "I could mention it to her, but honestly it lands better coming from you."),
                      ("mentee", "Okay. Yeah. I'll email Priya tomorrow.")))
    assert task.owner == "mentee" and "Priya" in task.text


@pytest.mark.parametrize("turns", [
    [("mentee", "Could you ask what I think before you jump in?"),
     ("mentor", "That's fair. Okay: from now on I'll ask what you reckon before I chip in. Pull me up if I forget."),
     ("mentee", "Ha, deal.")],
    [("mentor", "That's a habit of mine. I'll try to ask more and tell less. Call me out when I don't.")],
    [("mentor", "Right. I'm going to push on that a bit, if that's okay.")],
])
def test_arrangements_and_manners_of_the_mentor_are_no_tasks(turns):
    assert items(*turns) == []


def test_end_of_play_on_a_weekday_and_you_both():
    task = only(items(("mentee", "Oh my god, yes."), ("mentor", "Okay. Let me get that over to you by end of play "
                                                                "Wednesday.")))
    assert task.due == "2026-11-18" and "end of play" not in task.text
    task = only(items(("mentor", "i'd like to introduce you to Fiona"), ("mentee", "oh yes that would be amazing"),
                      ("mentor", "cool i'll email you both on monday")))
    assert "both" in task.text and "Sam both" not in task.text


@pytest.mark.parametrize("wish, thing", [
    ("And I'd like a short write-up of the pilot.", "short write-up"),
    ("I would really like a costed option for the second site.", "costed option"),
])
def test_what_the_asker_would_like_is_what_that_names(wish, thing):
    task = items(("mentee", "I meant to pull the old survey numbers, but the survey got scrapped."),
                 ("mentor", f"No matter. {wish} Could you get that to me before Friday?"),
                 ("mentee", "Leave it with me."))[-1]
    assert thing in task.text and "survey" not in task.text, task.text


@pytest.mark.parametrize("said", [
    "You need the budget. Tell her directly.",
    "I want the budget and I want to run my own.",
    "I want the budget, and I want a life.",
])
def test_adverbs_own_and_a_life_are_no_things_that_it_names(said):
    task = items(("mentor", said), ("mentee", "Okay, I'll raise it at my review."))[-1]
    assert task.text.startswith("Raise the budget"), task.text


def test_an_answer_that_adds_a_step_is_worded_by_the_answer():
    task = items(("mentee", "I've redone my cover letter. Could you read it before Thursday?"),
                 ("mentor", "Sure. I'll go over it tonight and send you some comments."))[-1]
    assert task.owner == "mentor" and "cover letter" in task.text and "comments" in task.text, task.text
    task = items(("mentee", "Could you read my cover letter before Thursday?"),
                 ("mentor", "Sure, I'll read it tonight."))[-1]
    assert task.text.startswith("Read my cover letter") or task.text.startswith("Read Sam's cover letter"), task.text


def test_a_cue_inside_what_is_asked_belongs_to_the_asking():
    task = only(items(("mentee", "Okay. I'll ask Priya on Monday if I can present the numbers at the huddle.")))
    assert task.text == "Ask Priya if I can present the numbers at the huddle" and task.due == "2026-11-23", task
    task = only(items(("mentee", "i'll check with facilities whether i can book the big room for the workshop")))
    assert task.text.endswith("book the big room for the workshop"), task.text


def test_what_a_piece_of_writing_is_about_stays_with_it():
    task = only(items(("mentor", "There's a great article about pricing for freelancers. I'll send it over tomorrow.")))
    assert task.text == "Send over the great article about pricing for freelancers", task.text
    task = only(items(("mentor", "Oh, I was meant to send you that piece on managing up. Sorry. "
                                 "I'll dig it out tonight.")))
    assert task.text == "Dig out the piece on managing up", task.text


def test_a_short_thing_stays_before_its_particle():
    task = only(items(("mentee", "I've got the draft somewhere."), ("mentee", "I'll dig it out tonight.")))
    assert task.text == "Dig the draft out", task.text


def test_leave_it_with_me_is_the_speakers_pledge_not_a_request():
    found = items(("mentor", "Okay, leave it with me. I'll email Dolores and get you on the list by Monday."),
                  ("mentee", "Thank you. And the goal sheet, I'll finish it and send it to you before the 30th."))
    assert [(i.owner, i.text) for i in found] == [
        ("mentor", "Email Dolores and get Sam on the list"),
        ("mentee", "Finish the goal sheet and send it to Dana")], [(i.owner, i.text) for i in found]


@pytest.mark.parametrize("said, text", [
    ("I'll go back through the transcript and strip them all out before Friday.",
     "Go back through the transcript and strip them all out"),
    ("Two references, yeah. I'll be one of your referees, obviously.", "Be one of Sam's referees"),
])
def test_going_back_through_a_thing_and_a_role_taken_on_are_tasks(said, text):
    assert only(items(("mentor", said))).text == text


@pytest.mark.parametrize("said", ["I'll go back to my desk after this.", "I'll be honest, it was rough.",
                                  "I'll go back and forth on it."])
def test_going_back_and_being_honest_are_still_no_tasks(said):
    assert items(("mentee", said)) == []


def test_a_step_whose_thing_is_also_a_verb_is_a_step_of_its_own():
    found = items(("mentee", "Okay. I'll ask Kev about the rims tomorrow and do the build over the weekend."))
    assert [(i.text, i.due) for i in found] == [("Ask Kev about the rims", "2026-11-19"),
                                                ("Do the build", "2026-11-22")]


def test_forget_that_after_an_aside_of_its_own_takes_back_only_the_aside():
    found = items(("mentor", "And send me your CV draft when it's done."),
                  ("mentee", "I'll send it Sunday night, promise."),
                  ("mentor", "great i was going to say i could get you on the ward round as well but actually "
                             "theyre not taking anyone till january so forget that"))
    assert [(i.owner, i.due) for i in found] == [("mentee", "2026-11-22")], [i.text for i in found]


def test_hold_me_to_it_is_no_request():
    found = items(("mentor", "Okay, when you bring me a problem, I'll ask what you'd try first. Hold me to it."),
                  ("mentee", "I will, ha."))
    assert all(i.owner == "mentor" for i in found), [(i.owner, i.text) for i in found]


@pytest.mark.parametrize("invite, answer, text", [
    ("Also, come and do a shift with us on Sunday, you'll see how we run the pass.",
     "Wait, really? Yes, I'm off Sunday, I'll be there.", "Do a shift with us"),
    ("so first come and watch me present the appeal at committee", "yeah count me in", "Watch Dana present the appeal"),
])
def test_an_invitation_taken_up_is_the_listeners_task(invite, answer, text):
    task = only(items(("mentor", invite), ("mentee", answer)))
    assert task.owner == "mentee" and task.text.startswith(text), task.text


def test_an_invitation_declined_or_asked_about_is_no_task():
    assert items(("mentor", "Come along to the clinic on Wednesday."), ("mentee", "No, I can't, sorry.")) == []
    assert items(("mentor", "Do you want to come to the clinic on Wednesday?"), ("mentee", "Maybe.")) == []


@pytest.mark.parametrize("request_turn, answer, keyword, stray", [
    ("could you redo the sample board by thursday",
     "yeah i can do that thursday morning the shop's quiet then", "sample board", "quiet"),
    ("i'd like two mock interviews from you before the fifth",
     "two mock interviews before the fifth, sure, i can do that i've already booked a room",
     "mock interviews", "booked"),
])
def test_an_answer_that_runs_on_after_i_can_do_that_takes_the_request(
        request_turn: str, answer: str, keyword: str, stray: str) -> None:
    """A recogniser's run-on answer: what follows "I can do that" and its day is a clause
    of its own ("the shop's quiet then"), not the task, so "that" still points back."""
    item = only(items(("mentor", request_turn), ("mentee", answer)))
    assert item.owner == "mentee"
    assert keyword in item.text.lower() and stray not in item.text.lower(), item.text


def test_good_wishes_at_parting_are_not_a_request_that_will_do_accepts() -> None:
    assert items(("mentor", "Right, that's us. Look after yourself, Aoife, and enjoy the long weekend."),
                 ("mentee", "Will do, thanks.")) == []
    assert items(("mentor", "Take care, and have a safe flight."), ("mentee", "Will do!")) == []
    item = only(items(("mentor", "Could you take care of the room booking by Friday?"), ("mentee", "Will do.")))
    assert (item.owner, item.text) == ("mentee", "Take care of the room booking")


def test_names_with_accents_keep_their_letters() -> None:
    """Normalising kept only a-z: "José" became "jos", "Tomás" two words."""
    item = only(items(("mentor", "Could you email Zoë the rota by Friday?"), ("mentee", "Will do.")))
    assert item.text == "Email Zoë the rota"
    item = only(items(("mentee", "I'll ask Søren about the kiln on Monday.")))
    assert "Søren" in item.text and "kiln" in item.text


def test_good_call_is_praise_not_an_order_to_call() -> None:
    """ "Good call on the masterclass." opened with an acknowledgement ("good") before an
    imperative ("call on the masterclass"); "Good, call him" still asks for a call."""
    assert [(i.owner, i.text) for i in items(
        ("mentor", "Good call on the night course. Could you do one unit a week until June?"),
        ("mentee", "One a week won't happen. But I'll do one unit every fortnight."))] == [
        ("mentee", "Do one unit every fortnight")]
    item = only(items(("mentor", "Good, call the landlord tomorrow then."), ("mentee", "Will do.")))
    assert item.text == "Call the landlord"


@pytest.mark.parametrize("answer, thing, due", [
    ("Okay, updated rota to you by the 3rd.", "updated rota", "2026-12-03"),
    ("Fine, so the costings come to you end of next week.", "costings", "2026-11-27"),
    ("The second chapter will be with you by Friday.", "second chapter", "2026-11-20"),
])
def test_a_promise_said_without_its_verb(answer: str, thing: str, due: str) -> None:
    item = only(items(("mentor", "When could I see it?"), ("mentee", answer)))
    assert (item.owner, item.due) == ("mentee", due)
    assert thing in item.text, item.text


@pytest.mark.parametrize("text", [
    "I emailed it to you on Friday.",
    "Text me for quick things, and I'll get back to you within a day.",
    "It's up to you by Friday, honestly.",
    "Will the second chapter be with you by Friday?",
    "cool talk to you on the 28th same time",
])
def test_what_only_looks_like_a_promise_without_its_verb(text: str) -> None:
    assert items(("mentor", "When could I see it?"), ("mentee", text)) == []


@pytest.mark.parametrize("proposal, answer, keyword, due", [
    ("Let's go over your portfolio together. Are you free Tuesday afternoon?",
     "Tuesday after three works for the portfolio.", "portfolio", "2026-11-24"),
    ("I can't that week. What we can do is a practice interview together on Friday the 27th.",
     "Yes please, that would really help.", "practice interview", "2026-11-27"),
    ("Would you be up for checking the site drawings with me on Thursday?", "Yes, Thursday morning works.", "drawings",
     "2026-11-19"),
    ("How about we both read the new standard by Friday and compare notes?", "Deal.", "standard", "2026-11-20"),
])
def test_a_joint_task_proposed_and_taken_up_belongs_to_both(proposal: str, answer: str, keyword: str,
                                                             due: str) -> None:
    item = only(items(("mentor", proposal), ("mentee", answer)))
    assert (item.owner, item.due) == ("both", due)
    assert keyword in item.text.lower(), item.text


def test_what_is_not_a_joint_task() -> None:
    """ "Putting together" is no company; keeping the calls fortnightly is an arrangement."""
    item = only(items(("mentor", "Would you be up for putting together a rota for the team?"),
                      ("mentee", "Yes, I'll do it by Friday.")))
    assert item.owner == "mentee"
    assert items(("mentor", "Shall we keep it every two weeks?"), ("mentee", "Every two weeks works for me.")) == []


@pytest.mark.parametrize("answer, text, due", [
    ("I'll aim to get the cost plan to you by Friday, if that works for you?", "Get the cost plan to Dana",
     "2026-11-20"),
    ("I'll send the floor plan over by Monday, does that work?", "Send the floor plan over", "2026-11-23"),
    ("I'll have the quotes to you by the 30th. Is that realistic?", "Have the quotes to Dana", "2026-11-30"),
    ("That's on me. I'll send the minutes by Friday, how about that?", "Send the minutes", "2026-11-20"),
])
def test_a_commitment_that_ends_asking_if_it_suits_is_still_one(answer: str, text: str, due: str) -> None:
    item = only(items(("mentor", "When's the deadline?"), ("mentee", answer)))
    assert (item.owner, item.text, item.due) == ("mentee", text, due)


@pytest.mark.parametrize("promise, text, due", [
    ("Lovely. You'll get comments back from me by Friday.", "Send Sam comments", "2026-11-20"),
    ("You'll have feedback on it by Monday, promise.", "Send Sam feedback on the chapter", "2026-11-23"),
])
def test_what_the_listener_will_get_back_is_the_speakers_promise(promise: str, text: str, due: str) -> None:
    item = only(items(("mentee", "Here's the chapter, I sent it this morning."), ("mentor", promise)))
    assert (item.owner, item.text, item.due) == ("mentor", text, due)


def test_what_the_listener_will_have_may_be_a_thing_not_yet_named() -> None:
    item = only(items(("mentor", "When can I see it?"), ("mentee", "You'll have a first cut by Friday.")))
    assert (item.owner, item.text, item.due) == ("mentee", "Send Dana a first cut", "2026-11-20")
    assert items(("mentor", "Any news?"), ("mentee", "You'll get a shock, the whole team is leaving by Friday.")) == []


def test_it_is_not_filled_with_a_comparison_or_a_degree() -> None:
    """ "It makes me look like a tyrant" names no thing that a later "it" means, nor does "the
    20th is a bit tight"."""
    item = only(items(("mentee", "I'm worried it makes me look like a tyrant, being new."),
                      ("mentor", "Why don't we both go to the staff meeting on Friday and announce it together?"),
                      ("mentee", "Would you? Yes, let's do that.")))
    assert item.owner == "both" and "tyrant" not in item.text, item.text
    item = only(items(("mentor", "Could you redo the costings by the 20th?"),
                      ("mentee", "The 20th is a bit tight, but yes, I'll get it done by then.")))
    assert item.owner == "mentee" and "bit tight" not in item.text, item.text


@pytest.mark.parametrize("ask, text", [
    ("Could you photograph the hive frames before you move them?", "Photograph the hive frames"),
    ("Can you have a read of the loading regulations before Friday?", "Have a read of the loading regulations"),
    ("Would you re-tile the sample board this week?", "Re-tile the sample board"),
])
def test_a_request_needs_no_listed_verb_when_it_is_taken_on(ask: str, text: str) -> None:
    """Any verb can carry a request; the acceptance is what makes it a task."""
    item = only(items(("mentor", ask), ("mentee", "Yep, will do.")))
    assert item.owner == "mentee" and item.text.startswith(text), item.text


def test_asking_what_the_listener_believes_or_can_picture_is_no_request() -> None:
    for ask in ("Could you ever see yourself running the yard?", "Would you recommend the course to others?",
                "Can you believe the price of feed now?", "Could you live with a smaller stall?"):
        assert items(("mentor", ask), ("mentee", "Yes, definitely.")) == [], ask


def test_a_yes_that_turns_into_a_but_declines_after_an_interjection() -> None:
    assert items(("mentor", "Would you fancy writing up the open day for the newsletter?"),
                 ("mentee", "Oh. I'd love to, but not before the inspection. Maybe in spring?")) == []


def test_it_skips_a_sentence_that_is_itself_about_it() -> None:
    """ "It's short, and it'll help with the boiler" speaks of the thing already in hand: the
    "it" of the answer is what was named before that."""
    item = only(items(("mentor", "The gas safety leaflet is on the shared drive. It's short, and it'll help with "
                                 "the boiler."),
                      ("mentee", "I'll read it before I start the quote.")))
    assert item.owner == "mentee" and "gas safety leaflet" in item.text and "boiler" not in item.text, item.text


def test_a_thing_named_with_accents_can_be_what_it_means() -> None:
    item = only(items(("mentor", "I've put the Sétra guidance in the shared folder for you."),
                      ("mentee", "Great, I'll read it before I start the comparison.")))
    assert "sétra guidance" in item.text.lower(), item.text


def test_a_check_before_the_yes_still_takes_the_request() -> None:
    item = only(items(("mentor", "Could you skim the footbridge guidance by Friday?"),
                      ("mentee", "The French one? Sure, I'll read it before I start the comparison.")))
    assert (item.owner, item.due) == ("mentee", "2026-11-20") and "guidance" in item.text, item


def test_going_through_a_piece_of_work_is_a_task_going_through_the_points_is_not() -> None:
    item = only(items(("mentor", "Did you get the match recordings?"),
                      ("mentee", "Yes. I'll go through all three recordings and clip the bad calls.")))
    assert item.owner == "mentee" and "three recordings" in item.text, item.text
    assert items(("mentor", "Where shall we start?"), ("mentee", "I'll go through the points I wrote down.")) == []
    assert items(("mentor", "Ready?"), ("mentee", "Okay, I'll go over it quickly.")) == []


def test_telling_someone_what_one_decided_is_a_task() -> None:
    item = only(items(("mentor", "Then say no, you need the weekend."),
                      ("mentee", "Okay, I'll tell Marek I can't cover his Saturday.")))
    assert item.owner == "mentee" and "marek" in item.text.lower(), item.text
    assert items(("mentor", "Well?"), ("mentee", "I'll tell you I was nervous.")) == []


@pytest.mark.parametrize("answer, text, due", [
    ("Yes, it'll be with you by Monday at the latest.", "Send Dana the risk assessment", "2026-11-23"),
    ("Fair enough. You'll have it in your inbox today.", "Send Dana the risk assessment", "2026-11-18"),
    ("It's tight, but you'll have three by the 30th.", "Send three site plans to Dana", "2026-11-30"),
])
def test_what_will_reach_the_listener_answers_the_request(answer: str, text: str, due: str) -> None:
    ask = "Could you get me three site plans by the end of the month?" if "three" in answer \
        else "Send me the risk assessment when you can."
    item = only(items(("mentor", ask), ("mentee", answer)))
    assert (item.owner, item.text, item.due) == ("mentee", text, due)


def test_him_is_the_person_the_talk_has_been_about_for_some_turns() -> None:
    item = items(("mentee", "I'd need a supervisor to sign the logbook, and I don't know if Mr Osei has time."),
                 ("mentor", "Have you asked him?"),
                 ("mentee", "No. I assumed he'd say he's too busy."),
                 ("mentor", "What's the worst he can say? I'd ask him directly rather than assume."),
                 ("mentee", "Fair. I'll ask him at the Monday briefing."))[-1]
    assert item.owner == "mentee" and "Osei" in item.text, item.text
    item = items(("mentee", "Mr Osei signs the logbooks."), ("mentor", "Right."), ("mentee", "The audit is soon."),
                 ("mentor", "Okay."), ("mentee", "The new starter is shadowing me."),
                 ("mentor", "Good, ask him to read the audit notes, please."),
                 ("mentee", "Sure, I'll ask him tomorrow."))[-1]
    assert "Osei" not in item.text, item.text


@pytest.mark.parametrize("said, thing", [
    ("The new fire code came out last week. Let's both read it before we next talk.", "the new fire code"),
    ("and the guild has new guidance on apprentices let's both read it before next time", "new guidance"),
])
def test_it_may_be_a_thing_said_as_a_subject_or_just_out(said: str, thing: str) -> None:
    item = only(items(("mentor", said), ("mentee", "Yes, let's.")))
    assert item.owner == "both" and thing in item.text.lower(), item.text


@pytest.mark.parametrize("answer", [
    "Fair. From now on I'll keep a firing log every session.",
    "Reading the checklist aloud, okay, I'll do that from now on.",
    "I'll start keeping notes after every session.",
])
def test_the_mentees_own_new_habit_is_a_task(answer: str) -> None:
    item = only(items(("mentor", "Write down what happens each time, or you're guessing."), ("mentee", answer)))
    assert item.owner == "mentee", item


def test_a_standing_arrangement_between_the_two_is_still_no_task() -> None:
    assert items(("mentor", "How should we handle the readings?"),
                 ("mentee", "From now on I'll send you the articles a day before each call.")) == []


def test_and_you_do_this_asked_in_the_present_is_a_request() -> None:
    item = items(("mentor", "I'll look at the budget. And you make a start on the grant narrative over the "
                            "weekend?"),
                 ("mentee", "Yep. Weekend, narrative. Deal."))[-1]
    assert item.owner == "mentee" and "grant narrative" in item.text, item
    assert items(("mentor", "So you said in your email you wanted to talk about rotas?"), ("mentee", "Yes.")) == []


def test_an_echo_of_what_was_asked_with_a_yes_takes_it_on() -> None:
    item = only(items(("mentor", "Homework: I'd like you to write up two near misses from the month."),
                      ("mentee", "Two near misses, fine. Typed or handwritten?")))
    assert item.owner == "mentee" and "near misses" in item.text, item
    assert items(("mentor", "Put the price on slide one, not slide nine."), ("mentee", "Slide one, got it.")) == []


def test_you_know_what_is_no_hedge_before_a_promise() -> None:
    item = items(("mentee", "honestly no worries if it's a bad time"),
                 ("mentor", "no you know what it matters i'll ask priya on monday i'll pitch it as cover"))[0]
    assert item.owner == "mentor" and "priya" in item.text.lower(), item
    assert items(("mentee", "Right."), ("mentor", "What I'll need is a bigger van, honestly.")) == []


@pytest.mark.parametrize("ask", [
    "Let's both read the new guidance by the end of next week, and argue about it next time?",
    "and um one for both of us could we both read the new guidance before friday",
])
def test_a_joint_task_asked_and_taken_up_is_both(ask: str) -> None:
    item = only(items(("mentor", ask), ("mentee", "Sure, yeah, that's fine.")))
    assert item.owner == "both" and "guidance" in item.text, item


def test_a_joint_proposal_answered_with_a_bare_great_is_both() -> None:
    item = only(items(("mentor", "How is the inspection training going?"),
                      ("mentee", "Fine. Let's do the Station Street visit together on the 3rd."),
                      ("mentor", "Great.")))
    assert item.owner == "both" and "Station Street" in item.text and item.due == "2026-12-03", item
    assert items(("mentor", "Let's look at your notes together on Friday."),
                 ("mentee", "Great, let's move on to the rota question first, then.")) == []


@pytest.mark.parametrize("ask", ["Could you get the draft to me tomorrow?", "Get the draft to me tomorrow."])
def test_a_thing_whose_word_is_also_a_verb_makes_a_real_request(ask: str) -> None:
    item = only(items(("mentor", ask), ("mentee", "Sure.")))
    assert item.owner == "mentee" and "draft" in item.text and item.due == "2026-11-19", item


def test_a_request_is_taken_up_by_naming_its_day_back_as_fine() -> None:
    item = only(items(("mentor", "Get the letter to me by Friday."), ("mentee", "Friday's fine.")))
    assert item.owner == "mentee" and "letter" in item.text and item.due == "2026-11-20", item
    assert items(("mentor", "Get the letter to me by Friday."), ("mentee", "Nothing's fine this week.")) == []


@pytest.mark.parametrize("ask", ["Would you have time to look at my draft on Monday?",
                                 "Could you find a minute to look at my draft on Monday?"])
def test_having_time_to_do_it_is_not_part_of_the_task(ask: str) -> None:
    item = only(items(("mentee", ask), ("mentor", "Sure.")))
    assert item.text == "Look at Sam's draft" and item.owner == "mentor", item


def test_a_request_that_points_back_is_worded_with_the_owners_own_verb() -> None:
    item = items(("mentee", "I've written the appeal letter."),
                 ("mentee", "Would you have time to look at it on Monday?"),
                 ("mentor", "Monday's a bank holiday. Send it to me tomorrow and I'll review it Tuesday morning."))[-1]
    assert item.owner == "mentor" and item.text == "Review the appeal letter" and item.due == "2026-11-24", item
    item = only(items(("mentee", "Could you do that with my revised report?"), ("mentor", "Sure, I'll mark it up.")))
    assert item.owner == "mentor" and "report" in item.text, item


@pytest.mark.parametrize("said, keyword", [("And I'm tidying the photos into the appendix tonight.", "photos"),
                                           ("I'm chasing the supplier on Monday.", "supplier")])
def test_a_task_put_in_the_present_with_its_day_is_a_commitment(said: str, keyword: str) -> None:
    item = only(items(("mentor", "Okay."), ("mentee", said)))
    assert item.owner == "mentee" and keyword in item.text, item
    assert items(("mentor", "Okay."), ("mentee", "I'm tidying the photos into the appendix at the moment.")) == []


def test_what_comes_back_with_ones_comments_is_a_promise() -> None:
    item = only(items(("mentee", "Here's the survey report."),
                      ("mentor", "You'll have it back with my comments over the weekend.")))
    assert item.owner == "mentor" and "with my comments" in item.text and item.due == "2026-11-22", item


def test_an_offer_to_come_over_and_do_something_together_is_both() -> None:
    item = only(items(("mentor", "How about I swing by the loft on Tuesday and we put the first ring in together?"),
                      ("mentee", "Yes please, Tuesday's clear.")))
    assert item.owner == "both" and "first ring" in item.text and item.due == "2026-11-24", item
    assert items(("mentor", "Last year I swung by the loft and we put the first ring in together."),
                 ("mentee", "Yes, I remember.")) == []


@pytest.mark.parametrize("said, keyword, due", [
    ("Yeah, let's say the list is split by Sunday.", "list is split", "2026-11-22"),
    ("Say the scans are with you by the end of the month.", "scans", "2026-11-30"),
])
def test_lets_say_the_thing_is_done_by_a_date_is_a_promise(said: str, keyword: str, due: str) -> None:
    item = only(items(("mentor", "How are the scans coming on?"), ("mentee", said)))
    assert item.owner == "mentee" and keyword in item.text and item.due == due, item
    assert items(("mentor", "How is it going?"), ("mentee", "Let's say the client is happy, then what?")) == []


def test_a_thing_stated_done_after_so_takes_the_day_said_before() -> None:
    item = only(items(("mentor", "Then book the oral this week."),
                      ("mentee", "Okay. We're alongside tomorrow morning and I'll have signal, so the oral gets booked "
                                 "then.")))
    assert item.owner == "mentee" and "oral" in item.text and item.due == "2026-11-19", item


@pytest.mark.parametrize("said, keyword, due", [
    ("Consider it done, the checking sheet will be in your inbox by end of day.", "checking sheet", "2026-11-18"),
    ("You'll have his number by text tonight.", "number", "2026-11-18"),
    ("It's nearly there, and you'll get the draft a week today.", "draft", "2026-11-25"),
])
def test_more_promises_put_as_what_the_listener_will_have(said: str, keyword: str, due: str) -> None:
    item = only(items(("mentee", "Yes please."), ("mentor", said)))
    assert item.owner == "mentor" and keyword in item.text and item.due == due, item


@pytest.mark.parametrize("said, keyword", [("Right, the four care homes get visited by me by the 30th.", "care homes"),
                                           ("Fair enough. Sunita gets an email from me on Monday.", "Sunita")])
def test_a_promise_put_in_the_passive_or_as_what_someone_gets_from_me(said: str, keyword: str) -> None:
    item = only(items(("mentor", "Say that to Sunita yourself."), ("mentee", said)))
    assert item.owner == "mentee" and keyword in item.text, item
    assert items(("mentor", "How did it go?"), ("mentee", "Sunita got an email from me on Monday.")) == []


def test_i_said_ill_repeats_ones_own_promise() -> None:
    item = only(items(("mentor", "Sorry, you froze there."), ("mentee", "I said I'll chase Pritchards on Friday.")))
    assert item.owner == "mentee" and "Pritchards" in item.text and item.due == "2026-11-20", item
    assert items(("mentor", "Sorry, you froze there."), ("mentee", "She said I'll chase Pritchards on Friday.")) == []


def test_what_a_third_person_will_have_from_me_is_my_promise() -> None:
    item = only(items(("mentee", "Dave needs a reference by the twenty fifth."),
                      ("mentor", "Right, he'll have a reference from me by the twenty fifth.")))
    assert item.owner == "mentor" and "reference" in item.text and item.due == "2026-11-25", item


def test_sitting_down_with_the_results_side_by_side_is_a_joint_proposal() -> None:
    item = only(items(("mentor", "Let's sit down with both results side by side. A fortnight from today?"),
                      ("mentee", "Yes, let's.")))
    assert item.owner == "both" and "results" in item.text and item.due == "2026-12-02", item


def test_a_pronoun_answering_a_request_points_to_the_things_just_named_in_the_answer() -> None:
    item = only(items(("mentor", "What would help most?"),
                      ("mentee", "Study material, and a couple of hours a week off the floor."),
                      ("mentor", "My old study notes are in a box in the loft. I'll dig them out for you over the "
                                 "weekend.")))
    assert item.owner == "mentor" and "study notes" in item.text and item.due == "2026-11-22", item


def test_a_request_for_a_thing_named_before_keeps_it_past_a_new_thing_in_the_answer() -> None:
    item = items(("mentee", "Could you look at my plan for the first block if I send it?"),
                 ("mentor", "Sure. Get it to me by the 3rd and I'll have comments back to you by the 8th."),
                 ("mentee", "Oh, wait, the 3rd's a Saturday and I've got a wedding. I'll send it over the weekend, "
                            "Sunday at the latest."))[-1]
    assert item.owner == "mentee" and "plan" in item.text and "wedding" not in item.text, item


def test_checking_which_keeps_what_is_checked() -> None:
    item = only(items(("mentor", "Have you got the original templates?"),
                      ("mentee", "I'll check which set of templates stores have and let you know tomorrow.")))
    assert item.text.startswith("Check which set of templates"), item


def test_something_i_can_use_is_no_promise_and_a_fronted_thing_with_a_is_the_object() -> None:
    assert items(("mentor", "How are these calls working for you?"),
                 ("mentee", "They're good. You always come with something I can use on Monday morning.")) == []
    item = only(items(("mentor", "Have you considered a single sheet?"),
                      ("mentee", "Fair. A one-pager I can do, and you'll have it by the 12th.")))
    assert item.text == "Do a one-pager" and item.due == "2026-12-12", item


def test_both_things_named_and_a_promise_broken_off_at_its_article() -> None:
    item = only(items(("mentee", "Yeah."), ("mentor", "What I can do is send you the deck I used last year and the "
                                                      "list of questions they always ask. You'll have both tomorrow.")))
    assert "deck" in item.text and item.due == "2026-11-19", item
    assert items(("mentor", "are you logging the blade changes"),
                 ("mentee", "um not properly it's on a scrap of paper so yeah i'll um i'll redo the")) == []
    assert only(items(("mentee", "Who should I ask?"), ("mentor", "Actually, I'll ask her, I see her Monday."))).text \
        == "Ask her"


@pytest.mark.parametrize("send_off", ["Great, let's leave it there. Go and get something to eat before your shift.",
                                      "Awesome. Go sell some bowls!", "Perfect. Now go and run that payment."])
def test_being_sent_off_at_parting_is_no_task(send_off: str) -> None:
    assert items(("mentor", send_off), ("mentee", "Will do. Thanks, Rob, bye!")) == []
    item = only(items(("mentor", "Go and book the course this week."), ("mentee", "Will do.")))
    assert item.owner == "mentee" and "course" in item.text, item


def test_go_and_do_it_mid_call_with_thanks_is_still_a_task() -> None:
    item = items(("mentor", "Go and talk to HR about the rota."), ("mentee", "Will do, thanks."),
                 ("mentor", "Now, the budget."), ("mentee", "Yes, the budget."), ("mentor", "It's tight."),
                 ("mentee", "I know."))[0]
    assert item.owner == "mentee" and "HR" in item.text, item


@pytest.mark.parametrize("said, text", [
    ("Okay, portfolio on Gerald's desk by the end of October.", "Put the portfolio on Gerald's desk"),
    ("The report will be on your desk by Friday.", "Put the report on Dana's desk"),
])
def test_a_thing_promised_onto_a_desk_by_a_date(said: str, text: str) -> None:
    item = only(items(("mentor", "Put together a short portfolio."), ("mentee", said)))
    assert item.owner == "mentee" and item.text == text, item


def test_both_things_asked_for_are_what_is_sent() -> None:
    item = only(items(("mentor", "Send me the QLab file and a stereo bounce of the storm once you've tried it."),
                      ("mentee", "I'll send you both by Sunday.")))
    assert item.owner == "mentee" and "QLab file" in item.text and item.due == "2026-11-22", item


@pytest.mark.parametrize("said", [
    "I was going to book the hall, but I'll hold off on the hall until we hear back.",
    "Honestly I'll skip the Harrogate fair this year, the van's full.",
    "I'll give the networking evening a miss, I went last spring.",
    "I'll make do with the old laptop until the grant lands.",
    "I'll wait until the audit's done before I change the rota.",
])
def test_deciding_not_to_do_something_is_no_task(said: str) -> None:
    assert items(("mentor", "What about the other thing?"), ("mentee", said)) == []


@pytest.mark.parametrize("said, words", [
    ("I'll have a word with Marguerite. I'll ring her Thursday and ask about the kiln.", ["marguerite", "kiln"]),
    ("I'll dig out the template. Then I'll send the template to Kofi with the names taken out.",
     ["dig out", "kofi"]),
])
def test_one_thing_said_twice_in_a_turn_is_one_task(said: str, words: list[str]) -> None:
    item = only(items(("mentor", "Anything else?"), ("mentee", said)))
    assert all(w in item.text.lower() for w in words), item.text


def test_a_suggestion_taken_up_and_a_step_of_ones_own_stay_two() -> None:
    found = items(("mentor", "You might want to sit down with the surveyor and go through the options."),
                  ("mentee", "Yeah, I'll set that up. I'm going to email Ravi at the surveyor's tomorrow."))
    assert [i.owner for i in found] == ["mentee", "mentee"], [i.text for i in found]


def test_both_reading_it_before_the_next_call_is_a_joint_task() -> None:
    item = only(items(("mentor", "Once you've sent the accounts, let's both go through them properly before "
                                 "the next call and each bring three questions."),
                      ("mentee", "Three questions each. Deal."), checkin=date(2026, 12, 2)))
    assert item.owner == "both" and "go through" in item.text.lower()
    assert item.due == "2026-12-02"


def test_what_we_do_at_the_next_call_is_still_its_agenda() -> None:
    assert items(("mentor", "Let's both go through your numbers next time."), ("mentee", "Deal.")) == []


@pytest.mark.parametrize("offer, answer, words, due", [
    ("Do you want to do a practice interview with me first? I could do Monday evening.",
     "Yes please, a practice interview on Monday would really help.", "practice interview", "2026-11-23"),
    ("Then how about Friday the twentieth, first thing, and we go through the draft together?",
     "Friday works.", "go through the draft", "2026-11-20"),
])
def test_an_offer_to_do_something_together_taken_up_is_both(offer: str, answer: str, words: str,
                                                            due: str) -> None:
    item = only(items(("mentor", offer), ("mentee", answer)))
    assert item.owner == "both" and words in item.text.lower()
    assert item.due == due


def test_helping_the_one_who_asked_is_a_joint_task() -> None:
    item = only(items(("mentor", "The handbook is the problem, which is why I want it rewritten. "
                                 "Would you help me with the handbook?"),
                      ("mentee", "Yeah, definitely. I'd love to.")))
    assert item.owner == "both" and "handbook" in item.text.lower()


@pytest.mark.parametrize("asked", ["ah perfect well have a read of the safety section then",
                                   "Have a listen to the recording before you go back."])
def test_have_a_read_of_asked_and_taken_on(asked: str) -> None:
    item = only(items(("mentor", asked), ("mentee", "yeah will do")))
    assert item.owner == "mentee" and item.text.lower().startswith("have a")


@pytest.mark.parametrize("said, due", [
    ("I am. Consider the entry form done by the end of the month.", "2026-11-30"),
    ("Fine, fine. The booking will be done by Friday, promise.", "2026-11-20"),
])
def test_a_state_promised_outright_is_a_task(said: str, due: str) -> None:
    item = only(items(("mentor", "So, are you entering it?"), ("mentee", said)))
    assert item.owner == "mentee" and item.due == due
    assert not item.text.lower().startswith("consider")


def test_a_state_said_of_others_is_no_task() -> None:
    assert items(("mentor", "So, any news?"), ("mentee", "The results will be out by Friday.")) == []


def test_a_joint_outing_with_any_verb_taken_up_is_both() -> None:
    found = items(("mentor", "Why don't we walk the site together, Monday morning at half seven, before the "
                             "diggers arrive?"),
                  ("mentee", "Yes, let's do that. Monday at half seven, I'll bring the plans."))
    walk = next(i for i in found if "walk" in i.text.lower())
    assert walk.owner == "both" and walk.due == "2026-11-23T07:30"
    assert ",," not in walk.text and ", ," not in walk.text


def test_a_joint_offer_points_to_the_thing_named_before_it_and_a_bare_yes_lets_both_go_adds_nothing() -> None:
    item = only(items(("mentor", "The volunteer induction is on the twenty-sixth. Shall we both sit in on it?"),
                      ("mentee", "Yes, let's both go. I'd feel better with you there.")))
    assert item.owner == "both" and "volunteer induction" in item.text.lower()


def test_a_shortened_answer_takes_the_thing_as_asked() -> None:
    item = only(items(("mentor", "brilliant and bring me a set of hinges next time we talk i want to see them"),
                      ("mentee", "yeah course i'll bring a set")))
    assert item.owner == "mentee" and "hinges" in item.text.lower()
    assert "want to see" not in item.text.lower()


def test_a_request_after_lovely_and_um_is_still_asked() -> None:
    item = only(items(("mentor", "lovely and um send me your mileage claims my friday so i can have a look before"),
                      ("mentee", "yep can do")))
    assert item.owner == "mentee" and "mileage" in item.text.lower() and item.due == "2026-11-20"


def test_if_i_can_only_softens_a_promise_but_a_real_condition_stays_one() -> None:
    item = only(items(("mentee", "The draft's nearly there."),
                      ("mentor", "Good. And I'll review the draft on Thursday if I can.")))
    assert item.owner == "mentor" and item.text == "Review the draft" and item.due == "2026-11-19"
    assert items(("mentor", "What's the practical piece?"),
                 ("mentee", "I'm going to do a chaise, I think, if I can find one.")) == []


def test_the_mentees_own_new_practice_on_a_day_of_the_week_is_a_task() -> None:
    item = only(items(("mentor", "You do one practice weld a week and bring them along to our calls."),
                      ("mentee", "One a week, okay. The bay's only free at weekends, "
                                 "so I'll do the welds on Sundays.")))
    assert item.owner == "mentee" and "welds" in item.text.lower()
    assert items(("mentee", "How quickly do you reply?"), ("mentor", "I'll usually reply within a day.")) == []


@pytest.mark.parametrize("turns", [
    (("mentor", "i could do monday the seventh at four again"), ("mentee", "the seventh at four yeah fine")),
    (("mentee", "Next one?"), ("mentor", "I'll do Thursday at ten then, same as always.")),
    (("mentor", "Shall we meet in a fortnight?"), ("mentee", "I can make the 14th at two.")),
])
def test_a_time_offered_with_nothing_to_do_at_it_is_no_task(turns):
    assert items(*turns) == []


def test_a_thing_named_before_i_can_do_is_still_the_task():
    item = only(items(("mentor", "Have you thought about a single sheet for the volunteers?"),
                      ("mentee", "A one-page brief I can do, and you'll have it by the 20th.")))
    assert "one-page brief" in item.text and item.due == "2026-11-20"


def test_what_the_speaker_will_only_be_is_no_task():
    assert items(("mentor", "Are you applying?"),
                 ("mentee", "I want to. I know I'll only be eighteen months in by then, but I'll go for it.")) == []


def test_a_name_opening_a_sentence_with_a_past_tense_verb_is_a_person():
    item = only(items(("mentor", "Who could show you the old rota?"),
                      ("mentee", "Okay. Rosalind kept copies of all the rotas, so I'll ask her for those on Friday.")))
    assert item.text == "Ask Rosalind for those" and item.due == "2026-11-20"


@pytest.mark.parametrize("said", ["Could we leave that for now? Let me get through the audit first, I think.",
                                  "Maybe. Let me get the open day out of the way first and then I'll see."])
def test_putting_something_off_is_no_task(said):
    assert items(("mentor", "Have you thought about the diploma?"), ("mentee", said)) == []


@pytest.mark.parametrize("turns, expected", [
    ([("mentor", "have you been to the um the welding surgery the one on fridays in the workshop"),
      ("mentee", "no i didn't know apprentices could go"), ("mentor", "yeah anyone can"),
      ("mentee", "okay i'll go this friday")], "Go to the welding surgery"),
    ([("mentee", "The harbour users asked if someone could come to their meeting on the twelfth."),
      ("mentor", "You'd be good at that, you know the harbour better than anyone."), ("mentee", "Okay, I'll go.")],
     "Go to their meeting"),
])
def test_a_bare_go_is_to_the_place_or_event_just_named(turns: list[tuple[str, str]], expected: str) -> None:
    assert only(items(*turns)).text == expected


def test_a_name_from_the_list_put_for_him_does_not_make_a_second_task_a_repeat() -> None:
    found = items(("mentor", "who's the contact at the depot"),
                  ("mentee", "um that's callum he does the night loads i'll ring callum tomorrow"),
                  ("mentor", "good and the new pallet rates"),
                  ("mentee", "yeah i'll update him on the rates as well on friday"))
    assert [i.text for i in found] == ["Ring callum", "Update Callum on the rates as well"]


def test_the_plan_for_the_whole_venture_is_a_goal_and_my_plan_for_a_task_a_promise() -> None:
    assert items(("mentee", "So the plan is to have the new quarry face opened by the end of the year.")) == []
    assert only(items(("mentee", "My plan is to have the blast log finished by the 1st."))).text \
        == "Have the blast log finished"


def test_noting_the_time_just_agreed_is_no_task() -> None:
    assert items(("mentor", "Monday the eleventh, four o'clock, same as today?"),
                 ("mentee", "Done. I'll put it in the diary.")) == []
    assert items(("mentor", "How about the ninth at half two?"),
                 ("mentee", "The ninth at half two, I'll put it in.")) == []
    assert only(items(("mentee", "I'll put the crew rota in the shared calendar tonight."))).text \
        == "Put the crew rota in the shared calendar"


@pytest.mark.parametrize("turns", [
    [("mentor", "Right, I'll let you go. Send me the spotting list when it's done."),
     ("mentee", "will do thanks Dana bye")],
    [("mentor", "Go on, get your feet up, and mind the logbook."), ("mentee", "Will do. Cheers, Dana.")],
    [("mentor", "Take care and get some rest."), ("mentee", "i will i will bye dana")],
])
def test_a_bare_yes_at_parting_takes_on_no_task(turns: list[tuple[str, str]]) -> None:
    assert items(*turns) == []


def test_a_bare_yes_earlier_in_the_call_still_takes_the_request_on() -> None:
    found = items(("mentor", "Send me the spotting list when it's done."), ("mentee", "Will do, thanks."),
                  ("mentor", "Now, the rates."), ("mentee", "Yes, the rates are the hard part."),
                  ("mentor", "Let's talk about how you price."), ("mentee", "Okay."))
    assert [i.owner for i in found] == ["mentee"]


@pytest.mark.parametrize("turns", [
    [("mentee", "The council says the new berth is coming in spring, but I'll believe it when I see it.")],
    [("mentor", "Let's talk again on the ninth."), ("mentee", "Good, I'll have heard from the surveyor by then.")],
    [("mentee", "I'll have a better idea what March looks like by then.")],
    [("mentor", "Right, I'll let you get back to your lunch.")],
    [("mentor", "You sound shattered. Take a day off this week."), ("mentee", "I'll try.")],
    [("mentor", "Now go and drink your tea before it goes cold."), ("mentee", "Ha, I'll try.")],
])
def test_an_idiom_a_state_to_come_letting_go_and_self_care_are_no_tasks(turns: list[tuple[str, str]]) -> None:
    assert items(*turns) == []


def test_a_promise_cut_by_an_mm_goes_on_and_stays_where_it_was_made() -> None:
    found = items(("mentor", "the crane course runs on thursdays ask for bev she runs it"),
                  ("mentee", "right okay so i'll ring the training centre"),
                  ("mentor", "mm"),
                  ("mentee", "tomorrow yeah and put my name down for the night slinging course"))
    assert [(i.source.segment, i.text) for i in found] == [
        (1, "Ring the training centre and put my name down for the night slinging course")]
    # with punctuation a finished sentence stays where it was said
    found = items(("mentee", "Right, so I'll ring the training centre."), ("mentor", "Mm."),
                  ("mentee", "And I'll put my name down for the slinging course."))
    assert [i.source.segment for i in found] == [0, 2]


def test_going_back_and_doing_something_is_a_task() -> None:
    found = items(("mentor", "and then can you go back and retag the switch room on monday"),
                  ("mentee", "um monday i'm on site till two but yeah i'll go back and"),
                  ("mentee", "retag the whole switch room monday afternoon"))
    assert [(i.owner, i.text) for i in found] == [("mentee", "Go back and retag the whole switch room")]


@pytest.mark.parametrize("text", [
    "right i've got to go in a minute i've got a delivery coming thursday the twenty sixth",
    "okay i've got to get off at the next stop are we still on for next friday",
    "Okay, so, I'm going to push back a little.",
])
def test_leaving_the_call_and_pushing_back_are_no_tasks(text: str) -> None:
    assert items(("mentor", text)) == []


def test_having_to_go_and_do_something_by_a_day_is_still_a_task() -> None:
    assert only(items(("mentee", "I've got to go to the depot on Friday and collect the permits."))).text \
        .startswith("Go to the depot")


def test_a_request_on_a_condition_that_may_never_hold_is_no_task() -> None:
    assert items(("mentor", "And if the winch still slips after that, send me the service log and we'll look at it."),
                 ("mentee", "Sure. Can I ask about the exam?")) == []
    assert only(items(("mentor", "If you want, send me the service log before Friday."),
                      ("mentee", "Yes please, I'll send it Thursday."))).owner == "mentee"


@pytest.mark.parametrize("text", [
    "right so what im going to do is um tomorrow morning ill rewrite the bio",
    "So what I'm going to do is, tomorrow morning, I'll rewrite the bio.",
])
def test_a_plan_announced_before_its_date_is_the_task_after_the_date(text: str) -> None:
    item = only(items(("mentor", "How will you sort the bio out?"), ("mentee", text)))
    assert (item.owner, item.text, item.due) == ("mentee", "Rewrite the bio", "2026-11-19")


@pytest.mark.parametrize("text", [
    "so what i'm going to do is tomorrow morning",
    "what i'll do is over the weekend i'll redo the price list and ring the printer",
])
def test_a_plan_announced_with_only_a_date_words_no_empty_task(text: str) -> None:
    found = items(("mentor", "How will you sort it?"), ("mentee", text))
    assert all(item.text for item in found) and len(found) <= 1, [item.text for item in found]


def test_it_is_never_a_time_or_a_somewhere() -> None:
    """"it" stands for the thing named, not for "somewhere" nor "three weeks ago"; "before the
    fair?" asks (no question tag "..., fair?"), so it is no request worded as asked."""
    found = items(("mentor", "I kept a costing sheet for exactly this somewhere, I'll find it tonight. "
                             "Do you want to run your price list past me before the fair?"),
                  ("mentee", "Please. I'll have it finished by Friday."))
    assert [(i.owner, i.text) for i in found][-1] == ("mentee", "Have the price list finished")
    found = items(("mentee", "No need, I had lunch with her three weeks ago."),
                  ("mentor", "Oh good. Fine, I'll tick that off then."))
    assert all("weeks" not in i.text for i in found), [i.text for i in found]
    assert found == []  # ticking a thing off the list is no task
    assert items(("mentor", "I'm going to contradict myself now: the course does help you.")) == []


@pytest.mark.parametrize("text", [
    "sorry my mic hang on let me just um is that any better",
    "i reckon i'm going to get grilled on the numbers by the panel on friday",
    "Before we move on, I'm going to push back on one point.",
])
def test_a_broken_off_let_me_what_befalls_one_and_pushing_back_are_no_tasks(text: str) -> None:
    assert items(("mentor", "So how are things?"), ("mentee", text)) == []


def test_her_is_the_one_woman_named_further_back() -> None:
    """Five turns after the only woman named, with no "she" between, "her" is still Marisol;
    with two women named, the pronoun stays."""
    turns = [("mentee", "It's Marisol again. She took my budget sheet to the steering group as her own work."),
             ("mentor", "That stings. What do you want out of it?"),
             ("mentee", "Credit, mostly. And not to be the awkward one on the team."),
             ("mentor", "Fair. Start with the facts, not the feelings."),
             ("mentee", "The facts are easy, the tone is the hard part."),
             ("mentor", "It always is. Keep it short and factual."),
             ("mentee", "Okay. I'll talk to her on Monday, we're both in then.")]
    assert only(items(*turns)).text == "Talk to Marisol"
    turns[2] = ("mentee", "Credit, mostly. Fiona saw the whole thing too.")
    assert only(items(*turns)).text == "Talk to her"


def test_stealing_the_others_idea_is_no_task() -> None:
    assert items(("mentor", "Ask them what a no would cost them."),
                 ("mentee", "Oh, that's good. I'm going to steal that.")) == []


@pytest.mark.parametrize("turns, expected", [
    # "do you want ...?" is a question, not the task's words
    ((("mentor", "I'll check the cover letter tonight."),
      ("mentee", "Great. And I can do - do you want Priya to look at the budget too?")), ["Check the cover letter"]),
])
def test_a_do_that_runs_into_a_question_and_a_time_proposed_is_no_task(turns, expected) -> None:
    assert [i.text for i in items(*turns)] == expected
    # "I can do that what time": the pointer alone, and the next meeting's day taken up is no task
    assert items(("mentor", "okay next call how about thursday the twenty sixth"),
                 ("mentee", "um the twenty sixth yeah i can do that what time"), checkin=date(2026, 11, 26)) == []


def test_a_request_dated_in_other_words_by_the_answer_loses_no_half_of_its_date() -> None:
    found = items(("mentor", "One page on the pricing. Could you have a draft by the end of the month?"),
                  ("mentee", "End of the month, yeah, I can do that."))
    assert [(i.text, i.due) for i in found] == [("Have a draft", "2026-11-30")]


def test_having_time_is_no_task() -> None:
    found = items(("mentor", "Can you get me your CV by the end of the month?"),
                  ("mentee", "Yes, I'll send you the CV by then. We're quiet from the twentieth, so I'll have time."))
    assert [i.text for i in found] == ["Send Dana the CV"]


def test_done_way_before_a_date_is_worded_without_the_way() -> None:
    item = only(items(("mentor", "Shall we talk again on Monday?"),
                      ("mentee", "Yes. I'll have the estimate finished well before then anyway.")))
    assert item.text == "Have the estimate finished"


@pytest.mark.parametrize("text, task", [
    ("I will. I'll tell Marta at my one-to-one next week.", "Tell Marta at my one-to-one next week"),
    ("Okay. I'll tell Gavin, he's the site lead, at the briefing tomorrow.", "Tell Gavin"),
    ("Fair. I'll tell my manager it's a timing thing, not a no.", "Tell my manager"),
])
def test_telling_a_named_person_is_a_task(text: str, task: str) -> None:
    assert only(items(("mentor", "So what will you do about it?"), ("mentee", text))).text == task


@pytest.mark.parametrize("text", ["Okay, I'll tell them.", "I'll tell you what, let's do Friday."])
def test_telling_them_or_you_what_is_no_task(text: str) -> None:
    assert items(("mentor", "So what will you do about it?"), ("mentee", text)) == []


def test_you_re_in_a_task_is_worded_with_the_name() -> None:
    item = only(items(("mentee", "I need a quiet week for the write-up."),
                      ("mentor", "I'll tell the team you're not to be disturbed.")))
    assert item.text == "Tell the team Sam is not to be disturbed"


@pytest.mark.parametrize("speaker, text, task", [
    ("mentee", "Okay. I'll explain the delay to my director on Monday.", "Explain the delay to my director"),
    ("mentor", "And let me mention your name to Bukola, she runs the graduate scheme.", "Mention Sam's name to Bukola"),
])
def test_explaining_or_mentioning_to_someone_else_is_a_task(speaker: str, text: str, task: str) -> None:
    other = "mentor" if speaker == "mentee" else "mentee"
    assert only(items((other, "So where does that leave us?"), (speaker, text))).text == task


@pytest.mark.parametrize("text", ["Let me explain.", "I'll explain that to you in a second.", "I'll mention it."])
def test_explaining_to_the_listener_is_no_task(text: str) -> None:
    assert items(("mentee", "So where does that leave us?"), ("mentor", text)) == []


@pytest.mark.parametrize("turns, expected", [
    ((("mentor", "So let's say you book the review for the first week of March."), ("mentee", "Yes, let's do that.")),
     [("mentee", "Book the review for the first week of March")]),
    ((("mentor", "Would you like to sit in on the tribunal I'm chairing on the second of December? Just to observe."),
      ("mentee", "Yes, absolutely, I'd love to.")),
     [("mentee", "Sit in on the tribunal Dana is chairing")]),
    ((("mentor", "How about we both read one case study a week and bring it to the call?"),
      ("mentee", "I love that. Yes, let's do it.")),
     [("both", "Read one case study a week and bring it to the call")]),
])
def test_an_assignment_an_invitation_and_a_joint_plan_taken_up(turns, expected) -> None:
    assert [(i.owner, i.text) for i in items(*turns)] == expected


@pytest.mark.parametrize("asker, task", [("mentee", "Send Sam the template"), ("mentor", "Send Helena the template")])
def test_the_first_name_is_past_a_title(asker: str, task: str) -> None:
    other = "mentor" if asker == "mentee" else "mentee"
    transcript = parse_transcript({"session_date": SESSION.isoformat(),
                                   "participants": {"mentor": {"name": "Dr Helena Marsh"},
                                                    "mentee": {"name": "Sam Okafor"}},
                                   "segments": [{"speaker": asker, "text": "Could you send me the template?"},
                                                {"speaker": other, "text": "Sure, I'll send it tonight."}]})
    assert [i.text for i in extract_action_items(build_context(transcript), None)] == [task]


def test_introducing_you_two_after_naming_someone_is_an_introduction_to_them() -> None:
    item = only(items(("mentee", "Do you know anyone who's moved from the ramp to the tower?"),
                      ("mentor", "Ingrid, in approach control. She did ramp for six years. "
                                 "I'll introduce you two on Friday.")))
    assert (item.owner, item.text, (item.due or "")[:10]) == ("mentor", "Introduce Sam to Ingrid", "2026-11-20")


def test_a_sentence_opening_with_a_common_word_and_a_comma_names_nobody() -> None:
    item = only(items(("mentee", "Who should I ask about the rota?"),
                      ("mentor", "Grant, that's the thing, nobody owns it. I'll introduce you two anyway.")))
    assert "Grant" not in item.text


def test_him_after_someone_named_by_their_role_is_that_role_not_an_older_name() -> None:
    found = items(("mentee", "Pedro did the last rota, and it was chaos."),
                  ("mentor", "Right. The loose rail on the steps though, i'll ring the landlord about it, "
                             "actually no, you ring him, it's good practice."),
                  ("mentee", "Okay, I'll ring him tomorrow."))
    assert [(i.owner, i.text) for i in found] == [("mentee", "Ring the landlord")]


def test_her_after_a_role_at_a_place_keeps_the_place() -> None:
    item = only(items(("mentee", "I'm short of cover at half term."),
                      ("mentor", "I still know the manager over at Kelvinside. I'll ring her tomorrow.")))
    assert item.text == "Ring the manager over at Kelvinside" and item.owner == "mentor"


def test_a_number_opening_a_sentence_is_no_person() -> None:
    item = only(items(("mentee", "Mr Hollis has only had emails from me."),
                      ("mentor", "Ring him first. Nine times out of ten the loud ones just want to be heard."),
                      ("mentee", "Okay, I'll call him on Monday.")))
    assert item.text == "Call Mr Hollis"


@pytest.mark.parametrize("turns, expected", [
    ([("mentee", "Would it be cheeky if I asked my shift lead for a reference too? Marek can be prickly."),
      ("mentor", "Not at all, you should ask him."),
      ("mentee", "Okay, I'll ask him on Friday.")], "Ask Marek for a reference"),
    ([("mentee", "Freya's back on Monday, she could run the second sample. I'll ask her.")],
     "Ask Freya to run the second sample"),
    ([("mentee", "Freya knows the archive better than anyone. I'll ask her.")], "Ask Freya"),
])
def test_a_bare_ask_him_or_her_says_what_was_to_be_asked(turns: list[tuple[str, str]], expected: str) -> None:
    assert only(items(*turns)).text == expected


def test_a_day_taken_off_stays_in_the_task() -> None:
    item = only(items(("mentor", "You need one full day with no client work."),
                      ("mentee", "Okay. I'll take Saturday off, no emails at all.")))
    assert item.text.startswith("Take Saturday off") and item.due == "2026-11-21"


def test_a_joint_task_with_a_deadline_within_weeks_is_a_task_not_a_rule():
    item = only(items(("mentor", "Who else could cover the Saturday walks?"),
                      ("mentee", "Yes. Let's both bring three names of stand-in guides within two weeks.")))
    assert (item.owner, item.due) == ("both", "2026-12-02")
    assert "stand-in guides" in item.text


def test_replying_within_a_day_is_still_a_rule_between_the_two():
    assert items(("mentor", "How quickly should we answer each other?"),
                 ("mentee", "Let's both reply within a day, even if it's just to say got it.")) == []


@pytest.mark.parametrize("text, place", [
    ("Yes, let's both go to the careers fair.", "careers fair"),
    ("Okay, I'll go to the parents' forum.", "parents' forum"),
])
def test_going_to_an_event_is_a_task(text, place):
    assert place in only(items(("mentor", "There's something coming up you might like."), ("mentee", text))).text


@pytest.mark.parametrize("text", ["Let me go to your second question.", "I'll go to the next slide."])
def test_going_to_a_point_of_the_talk_steers_it(text):
    assert items(("mentee", "I had two questions about the budget."), ("mentor", text)) == []


@pytest.mark.parametrize("turns", [
    (("mentee", "Should I chair the stand-up from now on?"), ("mentor", "Yes, you run it and I'll watch.")),
    (("mentor", "The mock panel is on the ninth."), ("mentee", "Oh no. Okay, I'll prepare.")),
    (("mentee", "Would your old manager give me a reference?"), ("mentor", "No promises, but I'll ask.")),
])
def test_a_bare_verb_with_nothing_to_do_it_to_is_no_task(turns):
    assert items(*turns) == []


def test_a_task_whole_in_one_word_is_kept():
    item = only(items(("mentor", "The register closes on the fifteenth."), ("mentee", "I'll register by Friday then.")))
    assert (item.text, item.due) == ("Register", "2026-11-20")


def test_a_request_turned_down_after_i_would_love_to_is_no_task():
    assert items(("mentor", "Could you cover for Gwen at the spring open day?"),
                 ("mentee", "um i'd love to but i'm at my cousin's wedding that weekend so i can't sorry")) == []


@pytest.mark.parametrize("request_, answer, keyword", [
    ("Send me the part you've finished and I'll comment on it by Monday.",
     "Deal. I'll send you the loss adjuster's summary first thing tomorrow.", "summary"),
    ("And once you've talked to the panel, drop me a couple of lines on how it went.",
     "I will. You'll have my notes by Friday at the latest.", "notes"),
    ("Can you compare the survey marks against your route plan before the simulator block?",
     "Yes, leave that with me. The comparison will be done by the 20th.", "comparison"),
    ("So could you sit in on one of the year ten lessons and watch how they run it?",
     "Okay, I'll ask Dan if I can sit in on his on Thursday.", "dan"),
])
def test_a_request_taken_on_in_the_answers_own_words_is_worded_by_the_answer(request_, answer, keyword):
    item = only([i for i in items(("mentor", request_), ("mentee", answer)) if i.owner == "mentee"])
    assert keyword in item.text.lower(), item.text


@pytest.mark.parametrize("answer", ["Sure, I'll bring two or three.", "Yes, I'll grab a slot."])
def test_an_answer_naming_only_how_many_keeps_the_requests_words(answer):
    item = only(items(("mentor", "Could you bring some worked examples of the new claim forms?"),
                      ("mentee", answer)))
    assert "examples" in item.text.lower() or "slot" in item.text.lower(), item.text


@pytest.mark.parametrize("request_", [
    "the way you give me the actual numbers is really useful so yeah keep doing that",
    "Honestly, keep pushing me on the pricing, it's working.",
])
def test_asked_to_carry_on_as_before_is_no_task(request_):
    assert items(("mentee", request_), ("mentor", "Ha, will do.")) == []


@pytest.mark.parametrize("answer", [
    "That line about being fair before friendly, I'm going to hang on to that.",
    "I'll mull the pricing over this weekend.",
    "Yes please. Notebook to every call, two random entries. I'll make sure.",
])
def test_something_kept_in_mind_is_no_task(answer):
    assert [i.text for i in items(("mentor", "Does that make sense?"), ("mentee", answer))] == []


def test_remember_to_do_something_is_still_a_task():
    item = only(items(("mentor", "And remember to bring your logbook on Friday."), ("mentee", "Will do.")))
    assert item.owner == "mentee" and "logbook" in item.text.lower()


@pytest.mark.parametrize("answer, keyword, due", [
    ("Oh that would really help, yeah. I'll draft the rota changes by Friday.", "rota changes", "2026-11-20"),
    ("that'd be a big help um i'll tidy up the stock counts tomorrow", "stock counts", "2026-11-19"),
])
def test_a_promise_after_welcoming_the_offer_is_kept(answer, keyword, due):
    item = only([i for i in items(("mentor", "I can lend you my old checklist if you like."), ("mentee", answer))
                 if i.owner == "mentee"])
    assert keyword in item.text.lower() and item.due == due, item


def test_a_condition_of_the_purpose_does_not_undo_the_promise():
    item = only(items(("mentee", "I'll book the meeting room for Thursday so it's there if the auditors come.")))
    assert "meeting room" in item.text.lower()


@pytest.mark.parametrize("request_", [
    "Right, here's my challenge: check every cage on the back dock before Friday. Can you manage that?",
    "And before then, once you've had the quote, send me the costings for the new chillers.",
    "And speaking of the shrink report: redo the figures for aisle nine and bring them on Monday.",
])
def test_requests_behind_lead_ins_are_taken_on(request_):
    item = only(items(("mentor", request_), ("mentee", "Will do.")))
    assert item.owner == "mentee" and item.text.split()[0] in ("Check", "Send", "Redo"), item.text


def test_speaking_of_a_thing_names_what_it_points_to():
    item = only(items(("mentor", "Speaking of the shrink report: tidy it up before the area visit."),
                      ("mentee", "Will do.")))
    assert "shrink report" in item.text.lower(), item.text


@pytest.mark.parametrize("turn", [
    "One thing I'd like us both to do: read the new fire plan before Tuesday.",
    "And if you've got time, let's both read the new fire plan before Tuesday. Deal?",
])
def test_a_task_for_both_of_us_asked_politely(turn):
    item = only(items(("mentor", turn), ("mentee", "Deal.")))
    assert item.owner == "both" and "fire plan" in item.text.lower(), item.text


def test_what_a_person_is_is_no_thing_a_pronoun_names():
    found = items(("mentee", "Could you look over the lease with me once it comes?"),
                  ("mentor", "I'm not a surveyor, but send it over as soon as you have it and I'll read it tonight."))
    assert not any("surveyor" in i.text.lower() for i in found), [i.text for i in found]


def test_them_names_the_things_held_not_their_holder():
    item = only(items(("mentor", "I've got a box of my old planogram sheets in the loft, I'll dig them out "
                                 "and post you copies tonight.")))
    assert "planogram sheets" in item.text.lower(), item.text


def test_keeping_away_from_something_is_no_task():
    found = items(("mentor", "I'll stay away from the contract side, that's for your solicitor."))
    assert [i.text for i in found] == []


@pytest.mark.parametrize("turns", [
    [("mentor", "hi jo um listen i'm really sorry but i'm gonna have to cut this short today")],
    [("mentee", "so um i'm really sorry but i'm gonna have to cancel this afternoon the auditors turned up")],
    [("mentee", "I keep dodging the waste figures."), ("mentor", "Let me push you a bit on the waste, then.")],
    [("mentor", "Tuesday the first I could do half five. Too late?"), ("mentee", "Half five's fine. I'll stay on.")],
    [("mentor", "Twelve thirty on the ninth?"), ("mentee", "Twelve thirty works. I'll find a quiet room.")],
    [("mentor", "Eight on the ninth?"), ("mentee", "Eight is fine. I'll come in early.")],
])
def test_the_call_itself_and_how_one_makes_it_are_no_tasks(turns):
    assert [i.text for i in items(*turns)] == []


@pytest.mark.parametrize("answer", [
    "the twenty third um yeah i can do the twenty third but not five um half four",
    "thursday the third um i can do the morning not the afternoon like ten",
])
def test_the_hours_one_can_do_are_no_task(answer):
    assert [i.text for i in items(("mentee", "could we do the week after"), ("mentor", answer))] == []


def test_a_request_put_off_is_no_task():
    assert [i.text for i in items(("mentee", "Could you come to the store for the launch?"),
                                  ("mentor", "Not this month, sorry. Ask me again in the spring."),
                                  ("mentee", "No worries, spring it is."))] == []


def test_what_ill_do_instead_is_a_promise():
    item = only(items(("mentee", "Could you sit in on the Saturday briefing?"),
                      ("mentor", "Saturday's hard. What I'll do instead is observe your Monday huddle.")))
    assert item.owner == "mentor" and "observe" in item.text.lower(), item.text


@pytest.mark.parametrize("turn, thing", [
    ("no that doesn't sound right leave the rota with me i'll have a word with the area manager tomorrow", "rota"),
    ("Leave the chiller quotes with me, I'll ask whether facilities can pay for them.", "chiller quotes"),
    ("The training budget, leave that with me. I'll find out by Friday whether head office covers it.",
     "training budget"),
])
def test_a_thing_left_with_the_speaker_words_the_promise(turn, thing):
    item = only(items(("mentee", "I don't know where to start with it."), ("mentor", turn)))
    assert item.owner == "mentor" and thing in item.text.lower(), item.text


def test_that_one_left_with_the_speaker_names_nothing_more():
    item = only(items(("mentee", "Who do I ask about the site manager course dates?"),
                      ("mentor", "Leave that one with me, I'll get onto Janet this week about the course dates.")))
    assert item.text.lower().endswith("course dates"), item.text


def test_a_recurring_recap_given_a_start_is_a_task():
    item = only(items(("mentee", "How do you keep track of it all?"),
                      ("mentor", "I'll send you a recap after every call, starting with this one.")))
    assert item.owner == "mentor" and "recap" in item.text.lower(), item.text


def test_the_owner_restating_a_request_in_their_own_words():
    item = only(items(("mentee", "Could you send me a few lines after each session? I forget things."),
                      ("mentor", "Sure, I can do that. I'll send you a recap after every session, "
                                 "starting today.")))
    assert item.owner == "mentor" and "recap" in item.text.lower(), item.text


def test_that_is_the_thing_asked_for_not_what_it_is_for():
    item = only(items(("mentor", "One more thing: a list of the late deliveries you remember from March, "
                                 "so we can pick a case to write up. Could you get that to me by Friday?"),
                      ("mentee", "Can do.")))
    assert item.owner == "mentee" and "late deliveries" in item.text.lower() and item.due == "2026-11-20", \
        item.text


def test_those_asked_for_are_the_two_things_named_together():
    item = only(items(("mentor", "The auditors want the March figures signed off, so I'll need your timesheets export "
                                 "and the expenses summary. Can you get those over to me?"),
                      ("mentee", "Yes, I'll have them over to you by tomorrow.")))
    assert item.owner == "mentee" and "timesheets export and the expenses summary" in item.text.lower(), item.text


def test_a_subject_and_its_verb_are_no_thing():
    item = only(items(("mentor", "The board wants the safety report signed. Can you send those over to me?"),
                      ("mentee", "Sure, by Friday.")))
    assert item.owner == "mentee" and "wants" not in item.text.lower(), item.text


def test_noting_the_meeting_in_the_diary_is_no_task():
    assert [i.text for i in items(("mentee", "Thursday the eighth works, any time after two?"),
                                  ("mentor", "Three o'clock, Thursday the eighth. Put it in your diary before you "
                                             "forget."),
                                  ("mentee", "Done, it's in."))] == []


def test_replying_same_day_is_a_working_rule():
    assert [i.text for i in items(("mentee", "It's a busy month."),
                                  ("mentor", "Fair. For anything on the diploma, text me and I'll reply "
                                             "same day."))] == []


def test_doing_it_later_in_the_turn_dates_the_task_just_said():
    item = only(items(("mentor", "Have you checked the probes against the handheld meter?"),
                      ("mentee", "No, I haven't. I don't want to touch the timers yet. I'll recalibrate the probes "
                                 "in all the tanks, and I'll do it over the weekend when it's quieter.")))
    assert item.text == "Recalibrate the probes in all the tanks" and item.due == "2026-11-22", item


def test_that_yet_is_no_thing():
    item = only(items(("mentor", "Where are you with the grant report?"),
                      ("mentee", "I haven't finished that yet, sorry. I'll send it to you on Friday.")))
    assert "yet" not in item.text.lower(), item.text


def test_one_task_of_two_dated_steps_is_due_when_the_last_step_is():
    item = only(items(("mentor", "How's the picture briefing coming along?"),
                      ("mentee", "I'll take the photos for the briefing on Monday night and get it over "
                                 "to you by next Tuesday.")))
    assert item.owner == "mentee" and item.due == "2026-11-24", item


def test_a_deadline_said_just_before_the_promise_in_run_on_speech():
    item = only(items(("mentor", "so half three on friday then"),
                      ("mentee", "half three friday done"),
                      ("mentor", "great and before we next speak i'll have the first batch checked"),
                      checkin=date(2026, 11, 20)))
    assert item.owner == "mentor" and item.due == "2026-11-20", item


@pytest.mark.parametrize("after, due", [
    ("Next Tuesday, when I'm back in the office.", "2026-11-24"),
    ("Monday week at the latest, I'm snowed under until then.", "2026-11-30"),
])
def test_a_date_said_first_in_the_next_sentence_dates_the_promise(after, due):
    item = only(items(("mentee", "Have you got an example of the template I could borrow?"),
                      ("mentor", f"Ha. I'll send you the template Tariq and I used. {after}")))
    assert item.owner == "mentor" and item.due == due, item
