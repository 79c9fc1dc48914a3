"""Action items: who will do what, by when.

Tasks come about in four ways, all matched on normalised sentences (see text.py):
- a first-person commitment ("I'll ...", "I'm going to ...", "let me ...", "action item
  for me: ...", "my homework is ...", "X is on my plate"); "let's both ..." / "we'll each
  ..." belong to both;
- a request to the other person ("could you ...", "would you mind ...", "I'd like you to
  ...", "your homework is to ...", or an imperative such as "send me the slides") that the
  other accepts in their next turn ("sure", "will do", "I'll get it to you by Friday"). The
  item is theirs, worded as the request and placed where it was accepted; its date is the
  one said on accepting, else the one requested;
- an offer ("want me to set that up?", "I could send you the dates", "would it help if I
  looked over your notes?") that the other accepts ("yes, please"). It is the offerer's,
  unless it was as short as "want me to introduce you?" / "shall I put you in touch?" and
  the offerer then says what exactly they will do ("I'll email her tomorrow"): that is
  the item;
- "I'll do that" / "I'll add that by Tuesday" right after a suggestion ("it might help to
  add a section on ...") takes its wording from the suggestion.
An accepted request keeps the owner's own words when they say more ("can you get signed
up?" - "I'll register for the OSHA class by the 15th"); a thing assigned before a request
that points back to it fills the pointer ("your homework is the outline. Can you get it to
me by the 27th?"); "let's both ..." answered by the other's "let's both do it" is one joint
task, taken on where the other joined in; a date said as a bare fragment right after the
commitment ("I'll set up a mock committee. Probably Friday the tenth.") is its date.
Not tasks: past plans ("I was going to"), hypotheticals ("if I had time I'd", "maybe I'll"),
idioms ("I'll be honest", "I'll admit", "I'll see you"), vague intentions ("I'll figure
something out"), actions during the call ("let me check", "I'll send it now"), third
parties ("Maria will", "Rick won't let me near terminations"), questions, working rules
("let's both reply within a day", "I'll always text you first", which are decisions;
a recurring task of one's own, "a practice exam every Saturday", is an action item),
declined requests ("I don't think I can") and withdrawn ones ("actually, forget the
one-pager", "scratch that").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from . import phrases
from .dates import DateMention, find_dates, find_times, format_when
from .phrases import TASK_VERBS
from .text import Context, Sentence, base_form, provenance, restore_case, split_sentences
from .types import ActionItem

# ---------------------------------------------------------------- candidates

@dataclass(frozen=True)
class _Task:
    """A task as said, before it is confirmed and worded."""

    sentence: Sentence
    owner: str
    words: str
    """Normalised wording, pronouns as said ("send you the revised version")."""
    due: DateMention | None
    requester: str | None = None
    """For a request: who asked (their "me"/"my" become their name)."""
    pronoun_only: bool = False
    """"do that", "send it": the wording must come from what was asked or suggested."""
    noun_only: bool = False
    """"my homework is the CV": a thing, not an action."""
    separate: bool = False
    """Said as something more ("I'll also ask Lena"), not as the answer to a request."""
    firm: bool = False
    """A request asked as a question or an assignment: "okay" accepts it, as it does not
    accept a bare imperative ("try pausing more" - "yeah")."""


def _clean_task(words: str) -> str:
    """The task's own words: no adverbs up front, no reasons or new clauses after it."""
    words = phrases.ADVERBS.sub("", words.strip(" ,"))
    cut = phrases.CLAUSE_CUT.search(words)
    if cut:
        words = words[:cut.start()]
    words = re.sub(r"^to\s+", "", words)
    first, _, rest = words.partition(" ")
    if first.endswith(("ing", "ed")):
        words = f"{base_form(first)} {rest}".strip()
    return phrases.TRAILING_CONNECTIVES.sub("", words.strip(" ,?!")).strip(" ,")


def _not_a_verb(words: str) -> bool:
    """Broken-off speech ("I'll just ...", "so I will first uh") leaves no task behind."""
    first = words.split()[0]
    return first in phrases.NOT_VERBS or not first[0].isalpha() or bool(re.match(r"let\s+(?:me|us)\b", words))


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", words)
            if w not in phrases.STOP_WORDS and w not in TASK_VERBS and len(w) > 2}


def _strip_dates(words: str, dates: list[DateMention]) -> str:
    """The words without their dates ("Thursday's service" goes whole) and date particles."""
    for mention in dates:
        words = re.sub(re.escape(mention.text) + r"(?:'s\s+[\w-]+)?", " ", words)
    for t in find_times(words):
        words = words.replace(t.text, " ")
    words = re.sub(r"\b(?:by|on|before|until|till|for|at|in|over|my|from|around)\s*(?=,|$|\s\s)", " ", words)
    words = re.sub(r"[\s,]*\b(?:probably|hopefully|ideally|maybe|latest|at\s+the\s+latest|then|"
                   r"instead|please|okay|ok|either\s+way|anyway)\s*$", "", words.strip())
    return re.sub(r"\s+,", ",", re.sub(r"\s+", " ", words)).strip(" ,")


def _is_pronoun_only(words: str, dates: list[DateMention]) -> bool:
    """Only verbs and pronouns: "do that", "get it to you", "dig it out and email it over"."""
    remaining = _strip_dates(words, dates).split()
    if phrases.HAVE_IT_DONE.match(" ".join(remaining)):
        return True
    return bool(remaining) and all(
        w in phrases.PRONOUN_WORDS or w == "and" or (remaining[k] == "and" and base_form(w) in TASK_VERBS)
        for k, w in enumerate(remaining[1:]))


def _due_in(norm: str, begin: int, end: int, dates: list[DateMention]) -> DateMention | None:
    """The first definite date said between `begin` and `end`, unless it names an event."""
    for mention in dates:
        if begin <= mention.start < end and not mention.vague:
            if phrases.EVENT_FOR.search(norm[max(0, mention.start - 30):mention.start]):
                continue
            return mention
    return None


def _is_question(norm: str) -> bool:
    return norm.endswith("?") and not phrases.TAG_QUESTION.search(norm)


def _commitments(s: Sentence, dates: list[DateMention], asked: bool) -> list[_Task]:
    """First-person (or both-person) commitments in one sentence; `asked`: just requested."""
    norm = s.norm
    found: list[_Task] = []
    matches = list(phrases.COMMITMENT.finditer(norm))
    for k, m in enumerate(matches):
        kind = m.lastgroup or "will"
        clause_start = matches[k - 1].end() if k else 0
        for joint in phrases.JOINT.finditer(norm, clause_start, m.start()):
            clause_start = joint.end()
        clause_end = matches[k + 1].start() if k + 1 < len(matches) else len(norm)
        raw = norm[m.end():clause_end]
        if kind == "mine" and phrases.COMMITMENT.match(raw + " "):
            continue
        said_before = norm[:m.start()].split()
        if kind == "let" and said_before and said_before[-1] in phrases.NOT_LET_ME:
            continue
        if phrases.HEDGE_BEFORE.search(norm[clause_start:m.start()]) or phrases.HYPOTHETICAL.search(norm) \
                or re.search(r"\bif\b", norm[:m.start()]) \
                or (_is_question(norm) and kind != "mine"):
            continue
        words = _clean_task(raw)
        then = re.match(r"^[^,]*?\s+and\s+(?:then\s+)?(?P<rest>\w.*)$", words)
        if words and phrases.NOT_TASK.match(words) and then \
                and base_form(then.group("rest").split()[0]) in TASK_VERBS:
            words = _clean_task(then.group("rest"))  # "I'll think about it and get back to you"
        if not words or phrases.NOT_TASK.match(words) or re.search(r"\b(?:right\s+)?now$", words) \
                or (kind != "mine" and _not_a_verb(words)):
            continue
        if kind == "let" and phrases.IMMEDIATE.match(words):
            continue
        due = _due_in(norm, clause_start, clause_end, dates)
        if due is None and not asked and phrases.META.match(words):
            continue
        first = words.split()[0]
        if kind == "can" and (re.search(r"\bso\s+(?:that\s+)?$", norm[:m.start()]) or not (
                due or asked or re.match(r"take\s+(?:that|it|this)\b", words))):
            continue  # "so I can look at it" is a purpose; "I can hear you" no promise
        if kind in ("bare", "prog") and not (due or phrases.FUTURE.search(norm[m.end():clause_end])):
            continue
        if kind == "must" and not (due and base_form(first) in TASK_VERBS):
            continue
        if phrases.HABIT.search(raw) or (kind == "both" and phrases.SHARED_RULE.search(words)) \
                or (phrases.RECURRING.search(raw) and phrases.KEEPING_IN_TOUCH.match(words)) \
                or phrases.RESPONSE_RULE.match(words):
            continue
        owner = "both" if kind == "both" else s.speaker
        pronoun_only = _is_pronoun_only(words, dates) or bool(re.match(r"take\s+(?:that|it|this)$", words))
        found.append(_Task(s, owner, words, due, pronoun_only=pronoun_only,
                           noun_only=kind == "mine" and base_form(first) not in TASK_VERBS,
                           separate=bool(phrases.SEPARATE.search(raw))))
    for m in phrases.ON_ME.finditer(norm):
        words = m.group("task").strip()
        if words and not _is_question(norm):
            found.append(_Task(s, s.speaker, words, _due_in(norm, 0, len(norm), dates),
                               pronoun_only=words in ("that", "this", "it"), noun_only=True))
    return [part for task in _combine(found) for part in _split_pointer(task, dates)]


def _split_pointer(task: _Task, dates: list[DateMention]) -> list[_Task]:
    """"I'll do that tonight and talk to him on Monday" is two tasks: the first points back."""
    m = re.match(r"^(?P<first>(?:do|try)\s+(?:that|it|this)\b.*?)\s+and\s+(?P<rest>\w.*)$", task.words)
    if not m or task.pronoun_only or base_form(m.group("rest").split()[0]) not in TASK_VERBS:
        return [task]
    norm = task.sentence.norm
    begin = norm.find(m.group("rest"))
    first_due = _due_in(norm, norm.find(m.group("first")), begin, dates)
    rest_due = _due_in(norm, begin, len(norm), dates)
    return [replace(task, words=m.group("first"), due=first_due, pronoun_only=True),
            replace(task, words=m.group("rest"), due=rest_due)]


def _combine(found: list[_Task]) -> list[_Task]:
    """One sentence, one task per thing: "the form is on my plate, I need to finish it by
    the 15th" is "finish the form"; "let me send you X, I'll dig it out tonight" is X, tonight."""
    content = [t for t in found if not t.pronoun_only]
    pronouns = [t for t in found if t.pronoun_only]
    if not content:
        return found[:1]
    if not pronouns:
        return content
    combined = []
    for task in content:
        helper = pronouns[0]
        if task.noun_only:
            verb_phrase = re.sub(r"\b(?:it|that|this|them)\b", task.words, helper.words, count=1)
            task = replace(task, words=verb_phrase, noun_only=False, due=task.due or helper.due)
        elif task.due is None and helper.due is not None:
            task = replace(task, due=helper.due)
        combined.append(task)
    return combined


def _requests(s: Sentence, dates: list[DateMention]) -> list[_Task]:
    """Requests to the other person in one sentence."""
    norm = s.norm
    tasks: list[_Task] = []
    addressee = Context.other(s.speaker)
    for m in phrases.REQUEST.finditer(norm):
        words = _clean_task(norm[m.end():])
        if words and (base_form(words.split()[0]) in TASK_VERBS or _LOOK_OVER.match(words)):
            firm = m.lastgroup != "ask" or norm.endswith("?")
            tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker,
                               firm=firm))
        elif words and m.lastgroup == "assign" and phrases.THING.match(words):
            tasks.append(_Task(s, addressee, _strip_dates(words, dates), _due_in(norm, 0, len(norm), dates),
                               s.speaker, noun_only=True, firm=True))
    body = phrases.SCENE.sub("", norm)
    lead = phrases.LEAD_IN.match(body)
    body = phrases.SCENE.sub("", body[lead.end():] if lead else body)
    first = body.split()[0] if body.split() else ""
    if not tasks and first in TASK_VERBS and not phrases.COMMITMENT.match(body) and not norm.endswith("?") \
            and not phrases.HYPOTHETICAL.search(norm) and not phrases.NOUN_SUBJECT.match(body):
        words = _clean_task(body)
        if words:
            tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker))
    return [t for t in tasks if _is_real_request(t.words, dates)
            or (t.firm and _is_pronoun_only(t.words, dates) and not re.search(r"\bnow$", t.words))]


def _turn_requests(sentences: list[Sentence], dates: dict[int, list[DateMention]]) -> tuple[_Task, ...]:
    """A turn's requests. "Loop in his manager and copy me. Can you do that today?" is one
    request, asked as a question and due today; "your homework is the regrouped outline.
    Can you get it to me by the 27th?" is "get the regrouped outline to me"."""
    requests: list[_Task] = []
    for s in sentences:
        for r in _requests(s, dates[id(s)]):
            thing = next((q for q in reversed(requests) if q.noun_only), None)
            if re.match(r"(?:do|handle|sort|manage|take\s+care\s+of)\b", r.words) \
                    and _is_pronoun_only(r.words, dates[id(s)]):
                requests = [replace(q, firm=True, due=q.due or r.due) for q in requests]
            elif thing is not None and _is_pronoun_only(r.words, dates[id(s)]) \
                    and re.search(r"\b(?:it|that|this|them)\b", r.words):
                words = re.sub(r"\b(?:it|that|this|them)\b", thing.words, r.words, count=1)
                requests[requests.index(thing)] = replace(r, words=words, due=r.due or thing.due)
            else:
                requests.append(r)
    return tuple(r for r in requests if not r.noun_only)


def _is_real_request(words: str, dates: list[DateMention]) -> bool:
    """Not a scheduling question ("could you do Tuesday at eleven?") or an action now."""
    if re.search(r"\b(?:right\s+)?now$", words):
        return False
    verb, _, rest = _strip_dates(words, dates).partition(" ")
    if not rest.strip():
        return False
    return bool(_content(rest)) or verb not in ("do", "make", "say", "meet", "try", "go", "get")


def _offers(s: Sentence, dates: list[DateMention]) -> list[_Task]:
    """Offers to do something for the other person ("want me to set that up?")."""
    if phrases.HYPOTHETICAL.search(s.norm):
        return []
    offers = []
    for m in phrases.OFFER.finditer(s.norm):
        question = m.group(0).startswith(phrases.OFFER_QUESTIONS)
        if phrases.SUBORDINATE.search(s.norm[:m.start()]) and not question:
            continue  # "send it by Wednesday, so I can look at it"; "and want me to call Tom?" is one
        words = _clean_task(s.norm[m.end():])
        if not words or base_form(words.split()[0]) not in TASK_VERBS or phrases.NOT_TASK.match(words):
            continue
        pronoun_only = _is_pronoun_only(words, dates)
        if pronoun_only and not question:
            continue
        offers.append(_Task(s, s.speaker, words, _due_in(s.norm, m.start(), len(s.norm), dates),
                            pronoun_only=pronoun_only))
    return offers


def _suggestions(s: Sentence) -> list[str]:
    found = []
    for pattern, begin_at_match in ((phrases.SUGGESTION, False), (phrases.SUGGEST_PHRASE, True)):
        for m in pattern.finditer(s.norm):
            words = _clean_task(s.norm[m.start() if begin_at_match else m.end():])
            if words and _content(words):
                found.append((m.start(), words))
    return [words for _, words in sorted(found)]


# ---------------------------------------------------------------- wording

def _first_name(ctx: Context, role: str) -> str | None:
    name = ctx.name_of(role) if role in ("mentor", "mentee") else None
    return name.split()[0] if name else None


@dataclass(frozen=True)
class _Wording:
    """What turns lower-case task words into readable text for this transcript."""

    ctx: Context
    casing: dict[str, str]
    lower: frozenset[str]

    def names_in(self, text: str) -> list[str]:
        """Names of people: capitalised words never used as common words ("Dana Ortiz"),
        which, opening a sentence, must be followed by what a person does ("Mariam chairs")."""
        names = []
        for offset, sentence in split_sentences(text):
            for m in phrases.NAME.finditer(sentence):
                words = m.group(1).split()
                while words and not self._name_like(words[0]):
                    words.pop(0)
                if not words or not all(self._name_like(w) for w in words):
                    continue
                if m.start() == 0 and len(words) == len(m.group(1).split()) \
                        and not phrases.PERSON_VERB.match(sentence[m.end():]):
                    continue
                names.append(" ".join(words))
        return names

    def _name_like(self, word: str) -> bool:
        lower = word.lower()
        common = phrases.COMMON_WORDS
        return not (lower in common or lower.rstrip("s") in common or lower in self.lower
                    or lower in TASK_VERBS or word.endswith(("ing", "ly", "ed")))

    def recent_person(self, segment: int) -> str | None:
        """The last third person named in this or the three previous turns ("her" -> "Lena")."""
        ctx = self.ctx
        participants = {(_first_name(ctx, r) or "").lower() for r in ("mentor", "mentee")}
        first_turn = max(0, ctx.turn_of(segment) - 3)
        for index in range(segment, ctx.turns[first_turn][0] - 1, -1):
            names = [n for n in self.names_in(ctx.transcript.segments[index].text)
                     if n.split()[0].lower() not in participants]
            if names:
                return names[-1]
        return None

    def text(self, task: _Task) -> str:
        """Readable, faithful task text: names for pronouns, no date, capitalised."""
        words = _strip_dates(task.words, [task.due] if task.due else [])
        if task.requester:
            name = _first_name(self.ctx, task.requester)
            if name:
                words = re.sub(r"\bme\b", name, words)
                words = re.sub(r"\bmy\b", f"{name}'s", words)
        elif task.owner in ("mentor", "mentee"):
            other = _first_name(self.ctx, Context.other(task.owner))
            if other:
                words = re.sub(r"\byou\b", other, words)
                words = re.sub(r"\byour\b", f"{other}'s", words)
        if re.search(r"\b(?:him|her)\b", words):
            person = self.recent_person(task.sentence.segment)
            if person:
                words = re.sub(r"\b(?:him|her)\b", person, words, count=1)
        return restore_case(words, self.casing)


# ---------------------------------------------------------------- the conversation

def _same_thing(a: str, b: str) -> bool:
    return bool(_content(a) & _content(b))


@dataclass
class _Said:
    """What one turn left open for the next speaker to take up."""

    turn: int = -1
    speaker: str = ""
    requests: tuple[_Task, ...] = ()
    offers: tuple[_Task, ...] = ()
    suggestions: tuple[str, ...] = ()
    topic: str = ""


def extract_action_items(ctx: Context, next_checkin: date | None = None) -> list[ActionItem]:
    """Action items in the order they were agreed; `next_checkin` dates "by our next call"."""
    dates = {id(s): find_dates(s.norm, ctx.session_date) for s in ctx.sentences}
    confirmed: list[_Task] = []
    said = _Said()
    provisional: _Task | None = None
    for turn_index, turn in enumerate(ctx.turns):
        sentences = [s for seg in turn for s in ctx.by_segment(seg)]
        if not sentences:
            continue
        speaker = sentences[0].speaker
        answering = said.turn == turn_index - 1 and (said.speaker != speaker or speaker == "unknown")
        previous = said if answering else _Said()
        commitments = [_dated_after(c, sentences, dates)
                       for s in sentences for c in _commitments(s, dates[id(s)], bool(previous.requests))]
        commitments = [_joined(c, confirmed, ctx, turn_index) for c in commitments]
        if provisional is not None and provisional.owner == speaker and \
                any(_concretises(c, provisional, ctx) for c in commitments):
            confirmed.remove(provisional)
        provisional = None
        answered = len(confirmed)
        commitments = _answer_requests(previous, sentences, commitments, dates, confirmed)
        opening = " ".join(s.norm for s in sentences[:2])
        opening_answered = any(t.sentence is sentences[0] for t in confirmed[answered:])
        if previous.offers and not opening_answered and speaker != "unknown" \
                and not phrases.DECLINE.search(sentences[0].norm) and phrases.ACCEPT_OFFER.match(opening):
            offer = next((o for o in reversed(previous.offers) if not o.pronoun_only), previous.offers[-1])
            provisional = replace(offer, sentence=sentences[0])
            confirmed.append(provisional)
        own_offers = [replace(o, sentence=s) for s in sentences
                      for o in _offers(replace(s, norm=_OPENING_AND.sub("", s.norm)), []) if not o.pronoun_only]
        for c in commitments:
            offered = next((o for o in reversed(own_offers) if c.pronoun_only and o.owner == c.owner
                            and sentences.index(o.sentence) < sentences.index(c.sentence)), None)
            if offered is not None:  # "I can send you the checklist. I'll get it to you tomorrow."
                confirmed.append(replace(c, words=offered.words))
            elif c.pronoun_only and previous.suggestions:  # worded as the one who suggested it
                confirmed.append(replace(c, words=previous.suggestions[-1], requester=previous.speaker))
            elif c.pronoun_only and previous.topic:
                confirmed.append(replace(c, words=re.sub(r"\b(?:it|that|this)\b", previous.topic,
                                                         c.words, count=1)))
            elif not (c.pronoun_only and any(o.sentence is c.sentence and not o.pronoun_only
                                             for o in commitments)):
                confirmed.append(c)  # a bare "do that" beside a real task adds nothing
        _withdraw(confirmed, sentences, ctx)
        said = _Said(turn_index, speaker, _turn_requests(sentences, dates),
                     tuple(o for s in sentences for o in _offers(s, dates[id(s)])))
        said.topic = next((m.group("topic") for s in reversed(sentences)
                           for m in phrases.TOPIC.finditer(s.norm)), "")
        said.suggestions = tuple(w for s in sentences for w in _suggestions(s)) + \
            tuple(r.words for r in said.requests)
    wording = _Wording(ctx, ctx.casing, ctx.lower_case)
    return _finish(ctx, confirmed, next_checkin, wording)


_LOOK_OVER = re.compile(r"^(?:have|take)\s+a\s+(?:quick\s+|proper\s+)?(?:look|read|peek|glance)\s+(?:at|over|through)\s+\w"
                        r"|^cast\s+an\s+eye\s+over\s+\w")
"""A request whose verb phrase is the task: "could you have a look at my portfolio?"."""
_OPENING_AND = re.compile(r"^(?:(?:and|also|oh|so|plus)[,\s]+)+")


def _dated_after(task: _Task, sentences: list[Sentence], dates: dict[int, list[DateMention]]) -> _Task:
    """A task whose date follows in the next sentence, said as a bare date: "I'll set up a mock
    committee. Probably end of next week, so Friday the tenth." The most specific date wins."""
    if task.due is not None or task.sentence is sentences[-1]:
        return task
    after = sentences[sentences.index(task.sentence) + 1]
    found = [m for m in dates[id(after)] if not m.vague]
    if not found:
        return task
    rest = after.norm
    for mention in dates[id(after)]:
        rest = rest.replace(mention.text, " ")
    for t in find_times(rest):
        rest = rest.replace(t.text, " ")
    if [w for w in re.findall(r"[a-z']+", rest) if w not in phrases.DATE_FILLER]:
        return task
    return replace(task, due=next((m for m in reversed(found) if m.specific), found[-1]))


def _joined(task: _Task, confirmed: list[_Task], ctx: Context, turn: int) -> _Task:
    """"let's both do the webinar on the 12th" - "yes, let's both do it": one joint task, taken
    on where the other joined in. It keeps the first wording when the second only points back,
    and the first date when the second names none."""
    if task.owner != "both":
        return task
    earlier = next((t for t in reversed(confirmed) if t.owner == "both"
                    and ctx.turn_of(t.sentence.segment) == turn - 1
                    and t.sentence.speaker != task.sentence.speaker), None)
    if earlier is None:
        return task
    confirmed.remove(earlier)
    words = earlier.words if task.pronoun_only else task.words
    return replace(task, words=words, due=task.due or earlier.due, pronoun_only=False)


def _concretises(commitment: _Task, offer: _Task, ctx: Context) -> bool:
    """Is this the offerer saying what exactly they will do? "Want me to introduce you?" -
    "yes" - "I'll email Mariam tomorrow"; "shall I put you in touch with Tom?" - "yes" -
    "I'll drop him a message". Something more ("let me also send you the checklist") is not."""
    if commitment.pronoun_only or commitment.separate:
        return False
    offered = _content(offer.words)
    named = any(w in ctx.casing for w in offered)
    if (len(offered) <= 1 and not named) or offered & _content(commitment.words):
        return True
    named = named or bool(re.search(r"\b(?:him|her|them)\b", offer.words))
    return named and bool(re.search(r"\b(?:him|her|them)\b", commitment.words))


def _answer_requests(previous: _Said, sentences: list[Sentence], commitments: list[_Task],
                     dates: dict[int, list[DateMention]], confirmed: list[_Task]) -> list[_Task]:
    """Turn accepted requests into tasks; returns the commitments not used in answering."""
    pending = previous.requests
    if not pending or phrases.DECLINE.search(sentences[0].norm):
        return commitments
    opening = " ".join(s.norm for s in sentences[:2])
    # With no known speakers, "yeah" may be the asker still talking: only a clear yes counts.
    firm = any(t.firm for t in pending) and sentences[0].speaker != "unknown"
    accept = phrases.ACCEPT_STRONG.match(opening) or (firm and phrases.ACCEPT_WEAK.match(opening)) \
        or re.fullmatch(r"(?:\w+,?\s+)?we'll\s+do", sentences[0].norm)  # "Will do." misheard
    binding = [c for c in commitments if c.pronoun_only or c.noun_only
               or any(_same_thing(c.words, r.words) for r in pending)]
    if accept and not binding:
        binding = [c for c in commitments if c.sentence is sentences[0] and not c.separate]
    if not (accept or binding):
        return commitments
    where = binding[0].sentence if binding else sentences[0]
    said_due = next((c.due for c in binding if c.due), None) or next(
        (d for d in (_due_in(x.norm, 0, len(x.norm), dates[id(x)]) for x in (where, *sentences[:2])) if d),
        None)
    for group in _request_groups(pending):
        due = said_due or next((r.due for r in group if r.due), None)
        own = [c for c in binding if not (c.pronoun_only or c.noun_only)
               and any(_same_thing(c.words, r.words) for r in group)]
        if not own and len(pending) == 1:
            own = [c for c in binding if not (c.pronoun_only or c.noun_only)
                   and not phrases.REFERS_BACK.search(c.words)
                   and len(_content(_strip_dates(c.words, dates[id(c.sentence)])))
                   > len(_content(group[0].words))]
        if own:  # the owner's own words, when they say more: "get signed up" - "I'll register for ..."
            confirmed.append(replace(own[0], due=own[0].due or due))
        else:
            words = " and ".join(r.words for r in group[:2])
            confirmed.append(_Task(where, sentences[0].speaker, words, due, group[0].requester))
    return [c for c in commitments if c not in binding]


def _request_groups(requests: tuple[_Task, ...]) -> list[list[_Task]]:
    """Requests of one turn, grouped by task: "start a brag doc ... can you get a first
    version to me by Friday?" is one task, so is a question followed by an imperative that
    details it ("update your CV? Add the handoff project."); "send me the deck? Also, could
    you book a room?" are two."""
    groups: list[list[_Task]] = []
    for request in requests:
        if groups and (not request.firm or phrases.REFERS_BACK.search(request.words)
                       or any(_same_thing(request.words, r.words) for r in groups[-1])):
            groups[-1].append(request)
        else:
            groups.append([request])
    return groups


def _withdraw(confirmed: list[_Task], sentences: list[Sentence], ctx: Context) -> None:
    """Drop tasks this turn withdraws. "forget the one-pager" drops a recent task about the
    one-pager; a bare "scratch that" / "don't worry about it" drops one said earlier in the
    same turn, or, opening the turn, one from the turn before that its speaker owns or asked for."""
    for k, s in enumerate(sentences):
        for m in phrases.CANCEL.finditer(s.norm):
            target = _content(m.group("obj"))
            turn = ctx.turn_of(s.segment)

            def before(t: _Task) -> bool:
                return (t.sentence.segment, t.sentence.char_start) < (s.segment, s.char_start)

            if target:
                recent = [i for i, t in enumerate(confirmed) if before(t)
                          and turn - ctx.turn_of(t.sentence.segment) <= 2 and target & _content(t.words)]
            elif k > 0:
                recent = [i for i, t in enumerate(confirmed) if before(t)
                          and ctx.turn_of(t.sentence.segment) == turn]
            else:
                recent = [i for i, t in enumerate(confirmed)
                          if ctx.turn_of(t.sentence.segment) == turn - 1
                          and s.speaker in (t.owner, t.requester)]
            if recent:
                del confirmed[recent[-1]]


def _finish(ctx: Context, confirmed: list[_Task], next_checkin: date | None,
            wording: _Wording) -> list[ActionItem]:
    """Word and date the tasks; a task repeated within three turns is kept once."""
    items: list[ActionItem] = []
    seen: list[tuple[str, set[str], int]] = []
    for task in confirmed:
        due = task.due
        day = next_checkin if due is not None and due.until_checkin else (due.day if due else None)
        content = _content(task.words)
        turn = ctx.turn_of(task.sentence.segment)
        if any(owner == task.owner and content and len(content & words) >= max(1, len(content) * 2 // 3)
               and turn - at <= 3 for owner, words, at in seen):
            continue
        seen.append((task.owner, content, turn))
        clock = due.time if due is not None and not due.until_checkin else None
        items.append(ActionItem(owner=task.owner, text=wording.text(task),
                                due=format_when(day, clock) if day is not None else None,
                                source=provenance(task.sentence)))
    return items
