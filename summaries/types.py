"""What extraction finds. Serialised as the extraction JSON of CONTRACT.md.

Every item carries provenance: the index of the input segment it was said in (for a
request accepted later, the accepting segment), that segment's start time, and the exact
quote (a substring of the segment's text) so that a reader can check it in one click.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Provenance:
    segment: int
    start: float | None
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"segment": self.segment, "start": self.start, "quote": self.quote}


@dataclass(frozen=True)
class ActionItem:
    owner: str  # mentor | mentee | both
    text: str  # the task, imperative, e.g. "Send the revised proposal"
    due: str | None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"owner": self.owner, "text": self.text, "due": self.due, **self.source.to_json()}


@dataclass(frozen=True)
class Feedback:
    kind: str  # praise | constructive
    giver: str  # "from" in JSON
    receiver: str  # "to" in JSON
    text: str
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "from": self.giver, "to": self.receiver, "text": self.text,
                **self.source.to_json()}


@dataclass(frozen=True)
class Question:
    speaker: str
    text: str
    open: bool  # open ("how", "what", "why" ...) versus closed (yes/no)
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, "open": self.open, **self.source.to_json()}


@dataclass(frozen=True)
class Challenge:
    speaker: str
    text: str
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, **self.source.to_json()}


@dataclass(frozen=True)
class Goal:
    owner: str
    text: str
    target: str | None
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"owner": self.owner, "text": self.text, "target": self.target, **self.source.to_json()}


@dataclass(frozen=True)
class Decision:
    text: str
    topic: str  # channels | response_time | cadence | scope | confidentiality | roles | other
    source: Provenance

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "topic": self.topic, **self.source.to_json()}


@dataclass(frozen=True)
class NextCheckin:
    when: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    source: Provenance


@dataclass
class Extraction:
    action_items: list[ActionItem] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    challenges: list[Challenge] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    next_checkin: NextCheckin | None = None
    metrics: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "action_items": [i.to_json() for i in self.action_items],
            "feedback": [i.to_json() for i in self.feedback],
            "questions": [i.to_json() for i in self.questions],
            "challenges": [i.to_json() for i in self.challenges],
            "goals": [i.to_json() for i in self.goals],
            "decisions": [i.to_json() for i in self.decisions],
            "next_checkin": self.next_checkin.when if self.next_checkin else None,
            "next_checkin_source": self.next_checkin.source.to_json() if self.next_checkin else None,
            "metrics": self.metrics,
        }
