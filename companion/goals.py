"""Goals with timelines: tracked by hand or from an extracted goal, served by action items.

A goal is made by hand (title, owner, optional target date) or with one click from a goal
extraction found (``track_item``: the item's text, owner and target; a second click on the
same item returns the goal already made). Action items are linked to a goal by a
participant; ``suggest_items`` proposes the mentorship's action items that share content
words with the goal's title (stop words removed, light stemming: "promoted" and
"promotion" meet as "promot"), best first. Progress is the share of linked items that are
done; an open goal whose target date is before today (in the service's time zone: the
caller passes ``today``) is overdue.

Links and a goal's ``source_item_id`` point to items, which are deleted and made again when
a session is processed again (``Store.save_results``): the links then cascade away and the
goal keeps its own title and target (its ``source_item_id`` becomes null).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import GOAL_STATUSES, OWNERS, Goal, GoalLink, Item, Mentorship, Session, \
    utcnow
from companion.store import InvalidData, RecordNotFound, mentorship_of
from companion.tokens import Participant

MAX_TITLE: Final = 500
MAX_SUGGESTIONS: Final = 5
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_EDITABLE = frozenset({"title", "owner", "target", "status"})

STOP_WORDS: Final = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
get gets getting got had has have having he her here hers him his how i if in into is it its
itself just let lets me more most my myself no nor not now of off on once only or other our
ours out over own really same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself next first one two three
new make made want like also back well way thing things bit lot week weeks month day days
time send share try tell ask write look put sure okay maybe able become be
""".split())
"""Words that say nothing about what a goal or task is about (common verbs of tasks too:
"send", "write", "ask" link every task to every goal)."""
_SUFFIXES: Final = ("ations", "ation", "ings", "ions", "ing", "ion", "ies", "ied", "ers", "er",
                    "ed", "es", "ly", "e", "s")
_WORD = re.compile(r"[a-z][a-z'-]*")


@dataclass(frozen=True)
class LinkedItem:
    id: str
    text: str
    owner: str | None
    due: str | None
    done: bool
    session_id: str


@dataclass(frozen=True)
class ItemSuggestion:
    item: LinkedItem
    shared: tuple[str, ...]
    """The goal's words the item shares (as written in the title)."""


@dataclass(frozen=True)
class GoalView:
    """A goal as pages and the API show it."""

    goal: Goal
    links: tuple[LinkedItem, ...]
    progress: float | None
    """Done linked items / linked items; None with none linked."""
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        goal = self.goal
        return {
            "id": goal.id, "title": goal.title, "owner": goal.owner, "target": goal.target,
            "status": goal.status, "created_by": goal.created_by,
            "source_item_id": goal.source_item_id, "source_session_id": goal.source_session_id,
            "created_at": goal.created_at.isoformat(),
            "achieved_at": goal.achieved_at.isoformat() if goal.achieved_at else None,
            "progress": self.progress, "overdue": self.overdue,
            "done_items": sum(1 for link in self.links if link.done),
            "items": [linked_json(link) for link in self.links],
        }


def linked_json(item: LinkedItem) -> dict[str, Any]:
    return {"id": item.id, "text": item.text, "owner": item.owner, "due": item.due,
            "done": item.done, "session_id": item.session_id}


# -- words ---------------------------------------------------------------------------------


def stem(word: str) -> str:
    """A light stem: the possessive, then common suffixes off while at least three letters
    stay ("engineering" and "engineer" both give "engin")."""
    word = word.lower().removesuffix("'s").strip("'-")
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word, changed = word[: -len(suffix)], True
                break
    return word


def content_words(text: str) -> dict[str, str]:
    """Stem -> the first word with that stem, for the text's words that are not stop words."""
    words: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOP_WORDS:
            continue
        words.setdefault(stem(word), word)
    return words


def shared_words(goal_title: str, item_text: str) -> tuple[str, ...]:
    goal, item = content_words(goal_title), content_words(item_text)
    return tuple(goal[s] for s in goal if s in item)


def is_overdue(goal: Goal, today: date) -> bool:
    return goal.status == "open" and goal.target is not None \
        and date.fromisoformat(goal.target[:10]) < today


# -- queries -------------------------------------------------------------------------------


async def list_goals(db: AsyncSession, participant: Participant, today: date) -> list[GoalView]:
    """The mentorship's goals: open ones first (overdue, then by target date, undated
    last), then achieved, then dropped; oldest first within each."""
    await mentorship_of(db, participant)
    goals = list(await db.scalars(select(Goal).where(
        Goal.mentorship_id == participant.mentorship_id).order_by(Goal.created_at, Goal.id)))
    links = await _links(db, [goal.id for goal in goals])
    views = [_view(goal, links.get(goal.id, []), today) for goal in goals]
    order = {status: index for index, status in enumerate(GOAL_STATUSES)}
    return sorted(views, key=lambda v: (order[v.goal.status], not v.overdue,
                                        v.goal.target is None, v.goal.target or ""))


async def get_goal(db: AsyncSession, participant: Participant, goal_id: str,
                   today: date) -> GoalView:
    goal = await _goal(db, participant, goal_id)
    return _view(goal, (await _links(db, [goal.id])).get(goal.id, []), today)


async def trackable_items(db: AsyncSession, participant: Participant) -> list[Item]:
    """Goals extraction found in finished sessions that no tracked goal comes from yet."""
    tracked = select(Goal.source_item_id).where(
        Goal.mentorship_id == participant.mentorship_id, Goal.source_item_id.is_not(None))
    return list(await db.scalars(
        select(Item).join(Session, Item.session_id == Session.id)
        .where(Session.mentorship_id == participant.mentorship_id, Session.status == "done",
               Item.kind == "goal", Item.id.not_in(tracked))
        .order_by(func.coalesce(Session.started_at, Session.created_at), Item.position)))


async def suggest_items(db: AsyncSession, participant: Participant, goal_id: str
                        ) -> list[ItemSuggestion]:
    """Action items not linked to the goal that share content words with its title, most
    shared words first, then open before done, then as the sessions happened."""
    goal = await _goal(db, participant, goal_id)
    linked = select(GoalLink.item_id).where(GoalLink.goal_id == goal.id)
    items = list(await db.scalars(
        select(Item).join(Session, Item.session_id == Session.id)
        .where(Session.mentorship_id == participant.mentorship_id,
               Item.kind == "action_item", Item.id.not_in(linked))
        .order_by(func.coalesce(Session.started_at, Session.created_at), Item.position)))
    found = []
    for index, item in enumerate(items):
        shared = shared_words(goal.title, item.text)
        if shared:
            found.append((-len(shared), item.status == "done", index,
                          ItemSuggestion(_linked(item), shared)))
    return [entry[-1] for entry in sorted(found, key=lambda e: e[:3])][:MAX_SUGGESTIONS]


# -- commands ------------------------------------------------------------------------------


async def create_goal(db: AsyncSession, participant: Participant, fields: Any) -> Goal:
    """A goal made by hand: ``{"title", "owner"?, "target"?}`` (owner defaults to mentee)."""
    await mentorship_of(db, participant)
    if not isinstance(fields, dict):
        raise InvalidData("a goal must be an object with a title")
    unknown = sorted(set(fields) - {"title", "owner", "target"})
    if unknown:
        raise InvalidData(f"unknown field {unknown[0]!r} (a new goal has title, owner, target)")
    goal = Goal(mentorship_id=participant.mentorship_id, title=_title(fields.get("title")),
                owner=_choice(fields.get("owner", "mentee"), OWNERS, "owner"),
                target=_target(fields.get("target")), status="open",
                created_by=participant.role)
    db.add(goal)
    await db.flush()
    return goal


async def track_item(db: AsyncSession, participant: Participant, item_id: Any
                     ) -> tuple[Goal, bool]:
    """The goal tracking an extracted goal item, made now if there is none; returns it and
    whether it was made now."""
    if not isinstance(item_id, str):
        raise InvalidData("item_id must be the id of an extracted goal")
    await _lock(db, participant)
    item = await db.scalar(select(Item).join(Session, Item.session_id == Session.id).where(
        Item.id == item_id, Item.kind == "goal",
        Session.mentorship_id == participant.mentorship_id))
    if item is None:
        raise RecordNotFound(f"goal item {item_id} not found")
    existing = await db.scalar(select(Goal).where(
        Goal.mentorship_id == participant.mentorship_id, Goal.source_item_id == item.id))
    if existing is not None:
        return existing, False
    goal = Goal(mentorship_id=participant.mentorship_id, title=_title(item.text),
                owner=item.owner if item.owner in OWNERS else "mentee", target=item.due,
                status="open", source_item_id=item.id, source_session_id=item.session_id,
                created_by=participant.role)
    db.add(goal)
    await db.flush()
    return goal, True


async def update_goal(db: AsyncSession, participant: Participant, goal_id: str,
                      fields: Any) -> Goal:
    """Change any of title, owner, target (null clears it) and status."""
    goal = await _goal(db, participant, goal_id)
    if not isinstance(fields, dict) or not fields:
        raise InvalidData("give at least one of title, owner, target, status")
    unknown = sorted(set(fields) - _EDITABLE)
    if unknown:
        raise InvalidData(f"unknown field {unknown[0]!r} (a goal has {', '.join(sorted(_EDITABLE))})")
    if "title" in fields:
        goal.title = _title(fields["title"])
    if "owner" in fields:
        goal.owner = _choice(fields["owner"], OWNERS, "owner")
    if "target" in fields:
        goal.target = _target(fields["target"])
    if "status" in fields:
        status = _choice(fields["status"], GOAL_STATUSES, "status")
        if status != goal.status:
            goal.achieved_at = utcnow() if status == "achieved" else None
        goal.status = status
    goal.updated_at = utcnow()
    await db.flush()
    return goal


async def delete_goal(db: AsyncSession, participant: Participant, goal_id: str) -> None:
    await db.delete(await _goal(db, participant, goal_id))


async def link_item(db: AsyncSession, participant: Participant, goal_id: str,
                    item_id: str) -> bool:
    """Link an action item to the goal; False when it already was."""
    goal = await _goal(db, participant, goal_id)
    item = await db.scalar(select(Item).join(Session, Item.session_id == Session.id).where(
        Item.id == item_id, Item.kind == "action_item",
        Session.mentorship_id == participant.mentorship_id))
    if item is None:
        raise RecordNotFound(f"action item {item_id} not found")
    if await db.get(GoalLink, (goal.id, item.id)) is not None:
        return False
    db.add(GoalLink(goal_id=goal.id, item_id=item.id, created_by=participant.role))
    await db.flush()
    return True


async def unlink_item(db: AsyncSession, participant: Participant, goal_id: str,
                      item_id: str) -> None:
    goal = await _goal(db, participant, goal_id)
    link = await db.get(GoalLink, (goal.id, item_id))
    if link is None:
        raise RecordNotFound(f"action item {item_id} is not linked to goal {goal_id}")
    await db.delete(link)


# -- helpers -------------------------------------------------------------------------------


async def _goal(db: AsyncSession, participant: Participant, goal_id: str) -> Goal:
    goal = await db.scalar(select(Goal).where(
        Goal.id == goal_id, Goal.mentorship_id == participant.mentorship_id))
    if goal is None:
        raise RecordNotFound(f"goal {goal_id} not found")
    return goal


async def _lock(db: AsyncSession, participant: Participant) -> None:
    """Serialise goal tracking per mentorship (PostgreSQL row lock; SQLite has one writer)."""
    found = await db.scalar(select(Mentorship.id).where(
        Mentorship.id == participant.mentorship_id).with_for_update())
    if found is None:
        raise RecordNotFound(f"mentorship {participant.mentorship_id} not found")


async def _links(db: AsyncSession, goal_ids: list[str]) -> dict[str, list[LinkedItem]]:
    if not goal_ids:
        return {}
    rows = await db.execute(
        select(GoalLink.goal_id, Item).join(Item, GoalLink.item_id == Item.id)
        .join(Session, Item.session_id == Session.id)
        .where(GoalLink.goal_id.in_(goal_ids))
        .order_by(func.coalesce(Session.started_at, Session.created_at), Item.position))
    out: dict[str, list[LinkedItem]] = {}
    for goal_id, item in rows:
        out.setdefault(goal_id, []).append(_linked(item))
    return out


def _linked(item: Item) -> LinkedItem:
    return LinkedItem(item.id, item.text, item.owner, item.due, item.status == "done",
                      item.session_id)


def _view(goal: Goal, links: list[LinkedItem], today: date) -> GoalView:
    progress = sum(1 for link in links if link.done) / len(links) if links else None
    return GoalView(goal, tuple(links), progress, is_overdue(goal, today))


def _title(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidData("a goal needs a title")
    if len(value.strip()) > MAX_TITLE:
        raise InvalidData(f"title is too long: at most {MAX_TITLE} characters")
    return value.strip()


def _choice(value: Any, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise InvalidData(f"{what} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _target(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InvalidData(f"target must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {value!r}")
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidData(f"target {value!r} is not a real date") from exc
    return value
