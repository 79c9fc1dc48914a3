"""What a live call's final captions already say: extracted items and gentle cues.

Extraction is rule-based and cheap, so it simply runs again over all the finals so far
(every few seconds, by ``LiveSession``); what it finds that was not pushed before goes out
as an item event. Cues nudge one participant about the conversation's shape, after the
session metrics (summaries.metrics): talking most of the recent minutes, the mentor not
having asked anything for a while, and no summarising (the S of RASA). A cue is a
suggestion, never a block, and each kind repeats at most every ``cue_repeat_s``.

Plain Python on plain data (captions in, event dictionaries out): no engine, no sockets.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from summaries import TranscriptError, extract_json
from transcription.streaming import Caption

_ROLES = ("mentor", "mentee")
_SENTENCE_END = (".", "?", "!")
_ITEM_LISTS = (("action_items", "action_item"), ("questions", "question"),
               ("feedback", "feedback"), ("goals", "goal"), ("decisions", "decision"),
               ("challenges", "challenge"))


@dataclass(frozen=True)
class CueConfig:
    """When a cue is given. Times are seconds of session audio."""

    window_s: float = 600.0
    """Talk share is measured over this much of the latest audio."""
    talk_share: float = 0.8
    """A participant with at least this share of the window's talk gets a cue."""
    min_talk_s: float = 120.0
    """Talk in the window needed before the share means anything."""
    question_gap_s: float = 600.0
    """The mentor is cued after this long without asking a question."""
    summarise_gap_s: float = 900.0
    """The mentor is cued after this long without summarising what they heard."""
    repeat_s: float = 300.0
    """The same cue is not given to the same participant again within this time."""
    settle_s: float = 2.0
    """An item is pushed once the turn it was said in has ended (the other speaker went on,
    or this long passed after its last words): a sentence still being spoken gives
    half-heard items ("Send Sam")."""


def turns(finals: Sequence[Caption], max_gap_s: float = 1.5) -> list[dict[str, Any]]:
    """Transcript JSON segments from final captions: a speaker's consecutive captions
    join into one segment (a caption is often part of a sentence) until a pause of
    ``max_gap_s`` after a sentence end, or the other speaker."""
    segments: list[dict[str, Any]] = []
    for caption in sorted(finals, key=lambda c: (c.start, c.speaker)):
        if not caption.text.strip():
            continue
        last = segments[-1] if segments else None
        if (last is not None and last["speaker"] == caption.speaker
                and not (caption.start - last["end"] > max_gap_s
                         and last["text"].endswith(_SENTENCE_END))):
            last["text"] = f"{last['text']} {caption.text}"
            last["end"] = max(last["end"], caption.end)
        else:
            segments.append({"speaker": caption.speaker, "start": round(caption.start, 2),
                             "end": round(caption.end, 2), "text": caption.text})
    return segments


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


class Insights:
    """Items found so far and cues given so far, for one live session."""

    def __init__(self, config: CueConfig = CueConfig(), *, session_date: str | None = None,
                 participants: Mapping[str, Any] | None = None) -> None:
        self.config = config
        self._session_date = session_date
        self._participants = dict(participants or {})
        self._pushed: set[tuple[str, str, str]] = set()
        self._unsettled: set[int] = set()
        self._next_checkin: str | None = None
        self._summaries = 0
        self._last_summary_at = 0.0
        self._last_cue: dict[tuple[str, str], float] = {}
        self.segments: list[dict[str, Any]] = []
        self.extraction: dict[str, Any] = {}

    def transcript(self) -> dict[str, Any]:
        """The transcript JSON of the finals seen by the last ``update``."""
        data: dict[str, Any] = {"participants": self._participants, "segments": self.segments}
        if self._session_date:
            data["session_date"] = self._session_date
        return data

    @property
    def waiting(self) -> bool:
        """Whether a turn was still being spoken at the last update (ask again later)."""
        return bool(self._unsettled)

    def update(self, finals: Sequence[Caption], now: float) -> list[dict[str, Any]]:
        """Extract from ``finals`` again; return item events for what is new, then cues.
        ``now`` is the session's audio time."""
        self.segments = turns(finals)
        if not self.segments:
            return []
        try:
            self.extraction = extract_json(self.transcript())
        except TranscriptError:
            return []
        last_of = {seg["speaker"]: i for i, seg in enumerate(self.segments)}
        self._unsettled = {i for i in last_of.values()
                           if now - self.segments[i]["end"] < self.config.settle_s}
        return self._new_items() + self._cues(finals, now)

    def _new_items(self) -> list[dict[str, Any]]:
        events = []
        for key, kind in _ITEM_LISTS:
            for item in self.extraction.get(key) or []:
                if item.get("segment") in self._unsettled:
                    continue  # asked again at the next update, once the turn has ended
                who = item.get("owner") or item.get("speaker") or item.get("from") or ""
                identity = (kind, who, _key(item["text"]))
                if identity in self._pushed:
                    continue
                self._pushed.add(identity)
                segment = item.get("segment")
                start = self.segments[segment]["start"] if segment is not None else None
                # The item's own fields first: feedback carries a "kind" of its own
                # (praise/constructive), kept as "feedback_kind".
                fields = {("feedback_kind" if k == "kind" else k): v for k, v in item.items()}
                events.append({**fields, "type": "item", "kind": kind, "start": start})
        checkin = self.extraction.get("next_checkin")
        if checkin and checkin != self._next_checkin:
            self._next_checkin = checkin
            events.append({"type": "item", "kind": "next_checkin", "when": checkin})
        return events

    def _cues(self, finals: Sequence[Caption], now: float) -> list[dict[str, Any]]:
        cfg = self.config
        cues = []
        since = max(0.0, now - cfg.window_s)
        talk = {role: sum(max(0.0, c.end - max(c.start, since)) for c in finals
                          if c.speaker == role and c.end > since) for role in _ROLES}
        total = sum(talk.values())
        if total >= cfg.min_talk_s:
            for role, seconds in talk.items():
                share = seconds / total
                if share >= cfg.talk_share:
                    span = (f"the last {round(cfg.window_s / 60)} minutes" if now >= cfg.window_s
                            else "this call so far")
                    cues += self._cue(role, "talk_share", now,
                                      f"You have spoken {round(share * 100)}% of {span}.",
                                      share=round(share, 2))
        asked = [self.segments[q["segment"]]["end"]
                 for q in self.extraction.get("questions") or []
                 if q.get("speaker") == "mentor" and q.get("segment") is not None]
        last_question = max(asked, default=0.0)
        if now - last_question >= cfg.question_gap_s:
            minutes = round((now - last_question) / 60)
            cues += self._cue("mentor", "no_question", now,
                              f"No question from you in {minutes} minutes: "
                              "what would you like to ask?")
        rasa = (self.extraction.get("metrics") or {}).get("rasa", {}).get("mentor", {})
        summaries = int(rasa.get("summarize", 0))
        if summaries > self._summaries:
            self._summaries, self._last_summary_at = summaries, now
        if now - self._last_summary_at >= cfg.summarise_gap_s:
            cues += self._cue("mentor", "summarise", now,
                              "Try summarising what you have heard "
                              "(\"So what I'm hearing is ...\").")
        return cues

    def _cue(self, role: str, kind: str, now: float, message: str,
             **data: Any) -> list[dict[str, Any]]:
        last = self._last_cue.get((role, kind))
        if last is not None and now - last < self.config.repeat_s:
            return []
        self._last_cue[(role, kind)] = now
        return [{"type": "cue", "kind": kind, "to": role, "message": message, "at": round(now, 2),
                 **data}]
