"""Spoken dates resolved against the session: weekdays, days of the month, spans, ends of
periods, times of day, across month and year boundaries, and as speech recognisers write them."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from summaries.dates import _TIME_RE, find_dates, find_times, resolve
from summaries.text import normalize

WED_DEC_30 = datetime(2026, 12, 30, 10, 0)
FRI_NOV_20 = datetime(2026, 11, 20, 15, 0)
WED_JUN_3 = datetime(2026, 6, 3, 17, 0)


@pytest.mark.parametrize("phrase, expected", [
    ("next Monday", "2027-01-04"),
    ("by Monday", "2027-01-04"),
    ("this Wednesday", "2026-12-30"),
    ("Wednesday", "2027-01-06"),
    ("Friday next week", "2027-01-08"),
    ("next week Tuesday", "2027-01-05"),
    ("Friday after next", "2027-01-08"),
    ("tomorrow", "2026-12-31"),
    ("end of day tomorrow", "2026-12-31"),
    ("the day after tomorrow", "2027-01-01"),
    ("today", "2026-12-30"),
    ("tonight", "2026-12-30"),
    ("right after this call", "2026-12-30"),
    ("in two weeks", "2027-01-13"),
    ("in 3 days", "2027-01-02"),
    ("in a couple of weeks", "2027-01-13"),
    ("two weeks from today", "2027-01-13"),
    ("within two years", "2028-12-30"),
    ("in a month", "2027-01-30"),
    ("end of the month", "2026-12-31"),
    ("end of month", "2026-12-31"),
    ("the end of next month", "2027-01-31"),
    ("end of the week", "2027-01-01"),
    ("end of next week", "2027-01-08"),
    ("by the end of the year", "2026-12-31"),
    ("end of Q1", "2027-03-31"),
    ("over the weekend", "2027-01-03"),
    ("by the weekend", "2027-01-01"),
    ("next weekend", "2027-01-10"),
    ("by the 15th", "2027-01-15"),
    ("by the thirty-first", "2026-12-31"),
    ("December 3rd", "2027-12-03"),
    ("January 4", "2027-01-04"),
    ("3rd of January", "2027-01-03"),
    ("the fourth of January", "2027-01-04"),
    ("the first Monday of January", "2027-01-04"),
    ("the last Friday of the month", "2026-12-25"),
    ("the first Monday of next month", "2027-01-04"),
    ("the end of February", "2027-02-28"),
    ("2027-02-01", "2027-02-01"),
])
def test_across_the_year_boundary(phrase: str, expected: str) -> None:
    assert resolve(phrase, WED_DEC_30) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("by next Monday", "2026-11-23"),
    ("Friday", "2026-11-27"),
    ("this Friday", "2026-11-20"),
    ("Friday the fourth of December at ten", "2026-12-04T10:00"),
    ("end of the month", "2026-11-30"),
    ("end of the week", "2026-11-20"),
    ("over the weekend", "2026-11-22"),
    ("the 28th at 3pm", "2026-11-28T15:00"),
    ("by the 15th", "2026-12-15"),
    ("Tuesday the 1st", "2026-12-01"),
])
def test_across_a_month_boundary(phrase: str, expected: str) -> None:
    assert resolve(phrase, FRI_NOV_20) == expected


def test_a_weekend_after_a_late_week_date_is_that_dates_weekend() -> None:
    text = "send me the revised slides by Friday the twelfth and I'll give you comments over the weekend"
    days = [m.day.isoformat() for m in find_dates(normalize(text), WED_JUN_3) if m.day]
    assert days == ["2026-06-12", "2026-06-14"]


def test_the_day_after_is_counted_from_the_date_before_it() -> None:
    days = [m.day.isoformat() for m in find_dates(normalize("send it by Friday and I'll reply the day after"),
                                                  WED_JUN_3) if m.day]
    assert days == ["2026-06-05", "2026-06-06"]


@pytest.mark.parametrize("phrase, session, expected", [
    ("Wednesday the twenty fourth at five", WED_JUN_3, "2026-06-24T17:00"),
    ("Tuesday the 24th", WED_JUN_3, "2026-11-24"),
    ("Thursday the 14th", datetime(2026, 4, 23, 14), "2026-05-14"),
])
def test_a_weekday_with_a_day_of_month_finds_the_month_where_they_agree(
        phrase: str, session: datetime, expected: str) -> None:
    assert resolve(phrase, session) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("my friday", "2026-06-05"),
    ("so um ill send it my friday okay", "2026-06-05"),
    ("by the twenty-fourth", "2026-06-24"),
    ("BY FRIDAY", "2026-06-05"),
    ("friday the 12th", "2026-06-12"),
    ("in two weeks' time", "2026-06-17"),
])
def test_recognised_speech(phrase: str, expected: str) -> None:
    assert resolve(phrase, WED_JUN_3) == expected


@pytest.mark.parametrize("phrase", [
    "next week", "this week", "later this week", "next month", "soon", "sometime in the spring",
    "for the first time", "on the second floor", "three years ago", "every two weeks", "Fridays",
    "Friday mornings", "the first draft", "within a day or two", "in a week or two",
])
def test_vague_or_no_date_is_null(phrase: str) -> None:
    assert resolve(phrase, WED_JUN_3) is None


def test_next_checkin_phrases_are_marked_for_the_caller() -> None:
    for phrase in ("before our next check-in", "at our next call", "by next time",
                   "before we meet again", "before our next session"):
        mentions = find_dates(normalize(phrase), WED_JUN_3)
        assert [m.until_checkin for m in mentions] == [True], phrase


def test_without_a_session_date_mentions_are_found_but_not_resolved() -> None:
    mentions = find_dates(normalize("by Friday"), None)
    assert len(mentions) == 1 and mentions[0].day is None


@pytest.mark.parametrize("phrase, expected", [
    ("at ten", "10:00"), ("at 3pm", "15:00"), ("10:30", "10:30"), ("at 10:30 am", "10:30"),
    ("half past two", "14:30"), ("quarter to nine", "08:45"), ("nine thirty", "09:30"),
    ("two o'clock", "14:00"), ("at noon", "12:00"), ("at 8 in the evening", "20:00"),
    ("at half four", "16:30"), ("at five", "17:00"), ("12 pm", "12:00"), ("12am", "00:00"),
    ("half four on the 12th", "16:30"), ("twelve-thirty", "12:30"), ("four-thirty", "16:30"),
    ("can we do five instead", "17:00"), ("friday the tenth, half ten", "10:30"),
    ("the tenth at ten easy to remember", "10:00"), ("monday the twentieth at one yeah", "13:00"),
    ("Nine.", "09:00"), ("Nine-ish?", "09:00"), ("Two is perfect.", "14:00"), ("six at the station", "18:00"),
    ("does thursday at eleven still work for you", "11:00"), ("the ninth is fine yeah eleven works", "11:00"),
])
def test_clock_times(phrase: str, expected: str) -> None:
    times = [t.time for t in find_times(normalize(phrase), WED_JUN_3)]
    assert [t.strftime("%H:%M") for t in times if t] == [expected]


@pytest.mark.parametrize("phrase", ["look at one chapter", "three twelves in a row", "two weeks",
                                    "at one point", "at least", "half the team", "half an hour",
                                    "i'll do five slides", "half of them", "nine at the latest", "two of them.",
                                    "Two is plenty.", "yeah two of them work", "and three is too many"])
def test_numbers_that_are_not_times(phrase: str) -> None:
    assert [t for t in find_times(normalize(phrase), WED_JUN_3) if t.time] == []


def test_sentences_without_a_time_word_are_passed_over_without_missing_a_time() -> None:
    """find_times runs its pattern only where a word starts with a digit or an hour word: on
    every sentence of the test conversations and on times written every way, it finds what
    the pattern alone finds."""
    data = Path(__file__).parent / "data" / "conversations"
    texts = [normalize(turn["text"]) for path in sorted(data.glob("*.json"))
             for turn in json.loads(path.read_text())["turns"]]
    texts += ["10:30", "3pm sharp", "at lunchtime", "the usual slot", "same hour", "noon", "midday",
              "eleven-fifteen", "tenpm", "12am", "half past two", "at 9", "say seven", "nothing here"]
    for text in texts:
        assert [t.text for t in find_times(text, WED_JUN_3)] == [m.group(0) for m in _TIME_RE.finditer(text)]
    assert find_times("nothing here", WED_JUN_3) == []


def test_same_time_is_the_sessions_time() -> None:
    times = find_times(normalize("same time?"), WED_JUN_3)
    assert [t.time.strftime("%H:%M") for t in times if t.time] == ["17:00"]


@pytest.mark.parametrize("phrase, expected", [
    ("my end on the year", "2026-12-31"),
    ("Tuesday not 24, same time", "2026-11-24"),
    ("Wednesday, but 24 at 5", "2026-06-24T17:00"),
    ("in the morning", "2026-06-04"),
    ("at nine in the morning on Friday", "2026-06-05T09:00"),
])
def test_recognised_day_numbers_and_mornings(phrase: str, expected: str) -> None:
    assert resolve(phrase, WED_JUN_3) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("that'd be the fourteenth", "2026-06-14"),
    ("twenty third at seven works for me", "2026-06-23T07:00"),
    ("the twenty-sixth's fine", "2026-06-26"),
    ("June thirtieth next year", "2027-06-30"),
    ("the 30th of June next year", "2027-06-30"),
    ("I'll text her after this", "2026-06-03"),
    ("January 31st, so yeah, an offer by then", "2027-01-31"),
    ("Friday high Friday", "2026-06-05"),
])
def test_dates_said_without_a_preposition_or_spelled_out(phrase: str, expected: str) -> None:
    assert resolve(phrase, WED_JUN_3) == expected


@pytest.mark.parametrize("phrase", [
    "every Saturday", "each Monday morning", "every other Friday", "after this week",
    "the fourth quarter", "the fifth time", "by then",
])
def test_habits_events_and_unanchored_then_are_no_dates(phrase: str) -> None:
    assert [m.day for m in find_dates(normalize(phrase), WED_JUN_3) if m.day] == []


def test_by_then_is_the_day_named_before_it() -> None:
    mentions = find_dates(normalize("leave ends January 31st and I want an offer by then"), WED_JUN_3)
    assert [(m.kind, m.day.isoformat()) for m in mentions if m.day] == [
        ("month_day", "2027-01-31"), ("then", "2027-01-31")]


@pytest.mark.parametrize("phrase, session, expected", [
    ("at seven", datetime(2026, 11, 9, 19, 0), "19:00"),
    ("at seven", datetime(2026, 11, 9, 10, 0), "07:00"),
    ("at four", datetime(2026, 9, 30, 7, 30), "16:00"),
    ("like four", datetime(2026, 9, 30, 7, 30), "16:00"),
])
def test_an_hour_without_am_or_pm_near_the_sessions_own_time(phrase: str, session: datetime,
                                                              expected: str) -> None:
    times = [t.time for t in find_times(normalize(phrase), session)]
    assert [t.strftime("%H:%M") for t in times if t] == [expected]


@pytest.mark.parametrize("phrase", ["like four people", "about two, maybe three", "around ten percent"])
def test_numbers_after_like_or_about_that_are_not_times(phrase: str) -> None:
    assert [t for t in find_times(normalize(phrase), WED_JUN_3) if t.time] == []


def test_a_weekday_and_an_ordinal_without_the() -> None:
    assert [m.day.isoformat() for m in find_dates(normalize("wednesday twenty fourth at seven"), WED_JUN_3)] == [
        "2026-06-24"]


@pytest.mark.parametrize("phrase, expected", [
    ("a week on Friday", "2027-01-08"),  # from Wednesday 30 December
    ("Friday week", "2027-01-08"),
    ("a week from Monday", "2027-01-11"),
    ("Wednesday the thirtieth", "2027-06-30"),  # said on Wednesday the 30th: the next one, not today
])
def test_a_week_on_a_weekday_and_a_weekday_date_said_on_that_day(phrase, expected):
    assert str(resolve(phrase, WED_DEC_30)) == expected


def test_an_answer_that_opens_with_a_day_of_the_month():
    assert [str(m.day) for m in find_dates("the ninth yeah half twelve works", WED_JUN_3)] == ["2026-06-09"]
    assert find_dates("the first thing i did was call her", WED_JUN_3) == []
    assert [m.kind for m in find_dates("so, the twelfth of march, one o'clock?", WED_JUN_3)] == ["day_month"]
    assert not any(m.kind == "week_on" for m in find_dates("friday weekend plans", WED_JUN_3))


@pytest.mark.parametrize("phrase, expected", [
    ("by the third of March", "2027-03-03"),
    ("on the twenty-first of June", "2027-06-21"),
    ("by the 9th of february please", "2027-02-09"),
    ("until the second of january", "2027-01-02"),
])
def test_a_day_of_a_named_month_after_by_or_on_takes_the_month(phrase: str, expected: str) -> None:
    """"by the third" alone is the next third; with "of March" it is the third of March."""
    assert resolve(phrase, WED_DEC_30) == expected
    assert len(find_dates(normalize(phrase), WED_DEC_30)) == 1
