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
Not tasks: past plans ("I was going to"), hypotheticals ("if I had time I'd", "maybe I'll"),
idioms ("I'll be honest", "I'll admit", "I'll see you"), vague intentions ("I'll figure
something out"), actions during the call ("let me check", "I'll send it now"), third
parties ("Maria will"), questions, working rules ("let's both reply within a day", which
are decisions), declined requests ("I don't think I can") and withdrawn ones ("actually,
forget the one-pager", "scratch that").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .dates import DateMention, find_dates, find_times, format_when
from .text import TASK_VERBS, Context, Sentence, base_form, provenance, restore_case, split_sentences
from .types import ActionItem

# ---------------------------------------------------------------- patterns

_SELF = re.compile(
    r"\b(?:"
    r"(?P<will>i'll|i\s+will|i\s+shall|i'm\s+going\s+to|i\s+am\s+going\s+to|i'm\s+planning\s+to|"
    r"i\s+plan\s+to|i\s+intend\s+to|i\s+promise\s+to|i'll\s+make\s+sure\s+to|i'll\s+make\s+sure\s+i|"
    r"(?:my|the)\s+plan\s+is\s+to|i\s+plan\s+on|i'm\s+planning\s+on)"
    r"|(?P<can>i\s+can)(?!')"
    r"|(?P<must>i\s+need\s+to|i\s+have\s+to|i've\s+got\s+to|i\s+got\s+to|i\s+must)"
    r"|(?P<let>let\s+me)"
    # "I'll" heard as "I": "I ask her when I see her Monday" (kept only with a date to come).
    r"|(?P<bare>i)(?=\s+(?:send|email|introduce|ask|share|forward|write|draft|book|review|update|"
    r"call|ping|text|message|post|submit|schedule|finish|add|fix|prepare|upload|circulate|compile|"
    r"reach\s+out|set\s+up|sign\s+up|get\s+back)\b)"
    r"|(?P<mine>(?:(?:my|the)\s+(?:homework|action\s+items?|tasks?|to-?dos?|next\s+steps?|assignment)"
    r"(?:\s+for\s+me)?|(?:homework|action\s+items?|tasks?|to-?dos?|next\s+steps?)\s+for\s+me)"
    r"\s+(?:is|are|will\s+be)(?:\s+to)?|action\s+items?\s+for\s+me(?:\s+is|\s+are)?"
    r"\s*:?|note\s+to\s+self\s*:?|i'll\s+take\s+care\s+of|i\s+can\s+take\s+care\s+of)"
    r"|(?P<both>let's\s+(?:both|each|all)|let\s+us\s+(?:both|each)|we(?:'ll|\s+will)\s+(?:both|each)|"
    r"we(?:'re|\s+are)\s+both\s+going\s+to|both\s+of\s+us\s+(?:will|should|need\s+to|are\s+going\s+to)|"
    r"we\s+(?:both|each)\s+(?:need\s+to|should|will|have\s+to|are\s+going\s+to)|"
    r"we\s+should\s+(?:both|each)|we\s+each)"
    r")\s+")
_ON_ME = re.compile(r"(?:^|,\s*)(?P<task>[\w' -]+?)\s+(?:is|are|'s)\s+on\s+(?:me|my\s+plate|my\s+list)\b")

_REQUEST = re.compile(
    r"\b(?:(?P<assign>"
    # Assignments: a plain "okay" accepts them.
    r"(?:i'd|i\s+would)\s+(?:like|love)\s+(?:for\s+)?you\s+to\s+"
    r"|i\s+(?:want|need)\s+you\s+to\s+"
    r"|(?:your|the)\s+(?:homework|action\s+items?|tasks?|assignment|next\s+steps?)(?:\s+for\s+you)?\s+"
    r"(?:is|are|will\s+be)(?:\s+to)?\s+"
    r"|(?:my\s+)?(?:action\s+items?|homework|tasks?)\s+for\s+you(?:\s+is|\s+are|\s+will\s+be)?"
    r"(?:\s+to)?\s*:?\s+"
    r"|(?:please\s+)?(?:make\s+sure|remember)\s+(?:you\s+|to\s+)|don't\s+forget\s+to\s+"
    r")|(?P<open>"
    # Open to whoever takes it: "who's going to set up the folder?" - "I can take that."
    r"who(?:'s|\s+is)\s+going\s+to\s+|who\s+(?:can|will|wants\s+to|could)\s+"
    r"|(?:someone|somebody)\s+(?:needs|has|should|ought)\s+to\s+|we\s+need\s+someone\s+to\s+"
    r")|(?P<ask>"
    r"(?:can|could|would|will)\s+you\s+(?:please\s+|also\s+|maybe\s+|just\s+|possibly\s+|perhaps\s+)*"
    r"(?:be\s+able\s+to\s+)?(?!(?:like|mind|think|hear|see|imagine|tell\s+me|remind\s+me\s+what|say|be|"
    r"explain|do\s+me)\b)"
    r"|would\s+you\s+mind\s+(?=\w+ing\b)"
    r"|(?:are\s+you\s+able|is\s+it\s+possible\s+for\s+you|any\s+chance\s+you\s+could|"
    r"do\s+you\s+think\s+you\s+could)\s+(?:to\s+)?"
    r"|it\s+would\s+be\s+(?:great|good|helpful|nice|ideal|awesome|useful)\s+if\s+you\s+(?:could|can|would)\s+"
    r"|can\s+i\s+(?:ask|get)\s+you\s+to\s+"
    r"|please\s+"
    r"))")
_OFFER = re.compile(
    r"\b(?:would\s+you\s+like\s+me\s+to|(?:do\s+you\s+)?want\s+me\s+to|shall\s+i|"
    r"should\s+i\s+(?=(?:send|introduce|set|ask|email|book|share|forward|loop|connect|reach)\b)|"
    r"would\s+it\s+help\s+if\s+i|how\s+about\s+i|maybe\s+i\s+could|i\s+could|"
    r"(?:one\s+thing\s+)?i\s+can(?:\s+also)?(?:\s+do\s+is)?|i'd\s+be\s+happy\s+to|happy\s+to|"
    r"i\s+might\s+be\s+able\s+to)\s+")
_SUGGEST_PHRASE = re.compile(
    r"\b(?:have\s+a\s+(?:crack|go|look|read|try|stab|bash|think)\s+at|take\s+a\s+(?:look|stab)\s+at|"
    r"check\s+out|look\s+into|read\s+up\s+on|give\s+(?:it|that|this|\w+)\s+a\s+(?:go|try|shot))\b")
"""Suggestions whose verb phrase is the task itself: "have a crack at the SQL chapter"."""
_SUGGESTION = re.compile(
    r"\b(?:it\s+(?:might|may|would|could|will|should)\s+help\s+to|(?:maybe\s+)?try\s+(?:to\s+)?(?=\w+)|"
    r"you\s+(?:may\s+want\s+to|might\s+want\s+to|could|should|might|ought\s+to|need\s+to)|"
    r"have\s+you\s+(?:considered|thought\s+about|tried)|what\s+if\s+you|"
    r"(?:i'd|i\s+would)\s+(?:suggest|recommend|advise)(?:\s+that)?(?:\s+you)?|how\s+about(?:\s+you)?|"
    r"why\s+don't\s+you|consider|(?:(?:one|a|my)\s+)?(?:[a-z]+\s+)?(?:suggestion|tip|idea)\s*:|"
    r"here's\s+what\s+i'd\s+do\s*:|(?:it's|it\s+is)\s+worth)\s+")
_LEAD = re.compile(
    r"^(?:(?:and|so|also|oh|then|just|okay|ok|now|first|right|alright|all\s+right|great|perfect|"
    r"good|yes|yeah|well|sure|of\s+course|absolutely|definitely|no\s+problem|fine|next\s+time|"
    r"for\s+now|in\s+the\s+meantime|meanwhile|after\s+that|actually|and\s+also|oh\s+and|but|"
    r"tell\s+you\s+what|here's\s+what|how\s+about\s+this|look|listen|honestly)[,\s]+)*")
_ADVERBS = re.compile(
    r"^(?:(?:also|just|actually|definitely|probably|really|then|first|quickly|finally|still|"
    r"personally|totally|absolutely|certainly|gladly|happily|at\s+least|go\s+ahead\s+and|"
    r"make\s+sure\s+(?:to|i)|try\s+and|get\s+around\s+to)\s+)*")

_NOT_TASK = re.compile(
    r"^(?:be\b(?!\s+\w+ing\b)|admit|confess|say|said|tell\s+you\s+(?:what|something|this|the\s+truth)|"
    r"bet|guess|see\s+(?:you|ya)|talk\s+to\s+you|speak\s+to\s+you|catch\s+you|hear|miss|"
    r"let\s+you\s+go|leave\s+(?:it|that|you)\b|stop\s+(?:you|there|here|sharing)|wrap\s+up|pass\b|"
    r"keep\s+(?:it|that|this)\s+(?:short|brief|in\s+mind)|keep\s+you\s+posted|think\s+about\s+it|"
    r"do\s+my\s+best|try\s+my\s+best|take\s+(?:that|it)\s+as|take\s+your\s+word|look\s+forward|"
    r"remember\s+(?:that|this)|never|not|no\b|answer\s+(?:that|your)|start\s+(?:with|by|off)|"
    r"go\s+(?:first|next|ahead|back)|jump\s+in|share\s+my\s+screen|mute|unmute|"
    r"put\s+it\s+(?:this|that)\s+way|"
    r"give\s+you\s+an\s+example|explain|repeat|rephrase|mention|need\s+to|have\s+to|let\s+you\s+know\s+if|"
    r"share\s+what\s+i|ask\s+(?:you\s+)?(?:some\s+)?questions|"
    r"give\s+you\s+(?:honest\s+|my\s+|some\s+)?feedback|"
    r"support\s+you|help\s+you\b(?!\s+with)|listen|be\s+there|challenge\s+you|guide\s+you|"
    r"(?:figure|sort|work)\s+(?:it|something|things|this|that)\s+out|see\s+(?:what|how)|"
    r"deal\s+with\s+it|manage|survive|live\s+with|cope|"
    r"see\s+(?:that|it|this|why|the\s+point|where)|imagine|understand|relate|tell\b|feel|totally|"
    r"definitely\s+see)")
_META = re.compile(
    # Steering the conversation itself: "I'll move on", "I'll come back to that", "I'll show you".
    # With a date ("I'll present it on Friday") these are tasks after all.
    r"^(?:move\s+on|wrap\s+(?:it|this|things)\s+up|show\b|present\b|go\s+(?:over|into|through|to|on)\b|"
    r"come\s+(?:back\s+)?to\s+(?:that|this|it|you)\b|leave\s+(?:space|the\s+decision|it)|wait\b|"
    r"let\s+\w+(?:\s+\w+){0,4}\s+(?:speak|go|talk|present|finish|answer)\b|agree\b|carry\s+on|continue\b|"
    r"hand\s+(?:it\s+)?over|pass\s+(?:it\s+)?(?:over|on)|get\s+(?:it|this|that)\s+right|plug\b|"
    r"do$|try$|have\s+a\s+go$|keep\s+it\s+(?:simple|short|brief)|stop\s+there|review\s+what\s+we|"
    r"raise\s+(?:another|a|one)\s+(?:point|question|thing)|point\s+out|add\s+(?:one|something|to\s+that)|"
    r"suggest|propose\s+(?:that|we)|take\s+(?:this|that|it)$)")
_IMMEDIATE = re.compile(
    r"^(?:know|check|see|think|look|pull|grab|open|share\s+my\s+screen|ask\s+you|be\b|say|start|"
    r"explain|rephrase|recap|summari[sz]e|just|quickly|guess|tell\s+you|show\s+you|find|get\s+this\s+"
    r"straight|make\s+sure\s+i|understand|repeat|play|turn|switch|move\s+on|go\s+back|jump|scroll|stop|"
    r"mute|unmute|write\s+(?:that|this|it)\s+down|note\s+(?:that|this)|jot|take\s+a\s+note|read|"
    r"double-check|confirm\s+i|suggest|propose|recommend|add\b|point\s+out|clarify|put\s+it|"
    r"give\s+you\s+(?:an?\s+)?(?:example|idea|sense|two|three|some\s+context)|"
    r"ask\s+(?:you|a|one|something|the\s+group|everyone)\b)")
_RULE = re.compile(r"\b(?:always|every|each\s+time|whenever|from\s+now\s+on|in\s+general|usually|"
                   r"normally|generally|typically|tend\s+to|never|going\s+forward)\b")
"""Habits and working rules ("I'll usually get back to you within a day") are decisions."""
_FUTURE = re.compile(r"\b(?:this|next)\s+(?:week|month)\b|\blater\s+today\b")
_SHARED_RULE = re.compile(r"\bwithin\b")
"""...and so is "let's both reply within a day"."""
_HEDGE_BEFORE = re.compile(r"(?:\bif\s+i\b|\bif\s+there's\b|\bif\s+there\s+is\b|\bif\s+possible\b|"
                           r"\bmaybe\b|\bperhaps\b|\bhope\b|\bwish\b|\bdon't\s+think\b|\bnot\s+sure\b|"
                           r"\bdoubt\b|\bdon't\s+know\s+if\b|\bwhether\b|\bsaid\b|\btold\s+\w+\b|"
                           r"\bpromised\b|\bthought\b|\bfigured\b|\bwhen\s+can\b|\bhow\b|\bwhy\b|"
                           r"\bwhat\b|\bshould\b|\bwould\b|\bdo\s+you\s+think\b|\bwhere\b|"
                           r"\bwhen\b|\bunless\b)[^,]{0,24}$")
_HYPOTHETICAL = re.compile(r"\bif\s+i\s+(?:had|have|get|got|find|could|were)\b|"
                           r"\bif\s+(?:there's|there\s+is)\s+time\b")
_TAG_QUESTION = re.compile(r"(?:,\s*|\s)(?:okay|ok|right|yeah|alright|sound\s+good|does\s+that\s+work|"
                           r"is\s+that\s+okay|fair|deal|cool)\s*\?$")
_CUT = re.compile(
    r",?\s+(?:so\s+that|so\s+(?=(?:i|he|she|we|they|you|it|that)\b)|because|since|as\s+(?=(?:i|he|she|"
    r"we|they|you|it)\b)|which|but|though|although|whereas|unless|cause)\b"
    r"|,\s+(?:and\s+)?(?=(?:i|we|you|he|she|they|it's|that's|this\s+is|there's|it\s+is|that\s+is|"
    r"let's|let\s+me|just|like|basically|for\s+example|e\.g|something\s+like|nobody|everyone)\b)"
    r"|\s+and\s+(?=(?:i'll|i\s+will|i'm|let\s+me|we'll|you|he|she|they|then\s+i)\b)"
    r"|\s+and\s+(?=(?:can|could|may|should|shall|will|would|do|did)\s+(?:i|we|you)\b)"
    r"|\s+and\s+(?=we\s+(?:can|could|should|will|might)\b)|,?\s+as\s+soon\s+as\b"
    r"|,\s+and\s+(?=(?:my|our|his|her|their)\b)"
    r"|,\s+(?=(?:do|does|did|can|could|should|would|will|is|are|what|how|when|where|why)\s+"
    r"(?:you|i|we|he|she|they|it)\b)"
    r"|;|\s+-\s+|:\s")
_JOINT = re.compile(r"\s(?:and|but|so|then)\s|;\s")
"""Where a new clause may begin: "send me the slides by Friday and I'll comment ..."."""
_EVENT_FOR = re.compile(r"\b(?:invite|invitation|booking|slot|reservation|room)\s+for\s+$")
"""A day that names an event rather than a deadline: "I'll send the invite for Wednesday"."""
_ACCEPT_STRONG = re.compile(
    r"^(?:(?:oh|well|yes|yeah|yep|yup|ok|okay|great|perfect|alright|all\s+right|right|sure)[,.!\s]+)*"
    r"(?:will\s+do|can\s+do|no\s+problem|sure|absolutely|definitely|of\s+course|certainly|"
    r"consider\s+it\s+done|on\s+it|you\s+got\s+it|happy\s+to|i'd\s+be\s+happy\s+to|i'd\s+love\s+to|"
    r"i\s+can\s+do\s+that|i'll\s+do\s+(?:that|it)|i\s+will|done|sure\s+thing|no\s+worries|"
    r"yes,?\s+i\s+(?:can|will)|i'm\s+on\s+it|deal)\b")
_ACCEPT_WEAK = re.compile(r"^(?:yes|yeah|yep|yup|ok|okay|alright|all\s+right|sounds\s+good|got\s+it|"
                          r"fine|sure)\b")
_ACCEPT_OFFER = re.compile(
    r"^(?:(?:oh|well|wow)[,\s]+)*(?:yes|yeah|yep|sure|please|ok|okay|absolutely|definitely|"
    r"of\s+course|go\s+for\s+it|please\s+do|if\s+you\s+(?:could|don't\s+mind|have\s+time)|"
    r"(?:that|that'd|it)\s+(?:would\s+)?(?:be\s+)?(?:great|amazing|helpful|lovely|brilliant|fantastic|"
    r"perfect|wonderful|a\s+(?:huge\s+|big\s+|real\s+)?help|help)|would\s+you)\b")
_DECLINE = re.compile(r"\b(?:can't|cannot|won't\s+be\s+able|not\s+able\s+to|don't\s+think\s+i\s+"
                      r"(?:can|could|will)|i'd\s+rather\s+not|not\s+this\s+week|unfortunately|"
                      r"i'm\s+afraid|don't\s+have\s+(?:the\s+)?time|nope|not\s+really|i'll\s+pass|"
                      r"no\s+thanks|no\s+need)\b|^no\b(?!\s+problem|\s+worries)")
_CANCEL = re.compile(
    r"\b(?:don't\s+worry\s+about|(?<!don't\s)(?<!never\s)forget\s+(?:about\s+)?(?=it\b|that\b|the\b|my\b|"
    r"your\b|those\b|this\b)|scratch\s+that|never\s*mind|no\s+need\s+(?:for|to\s+do)|cancel|skip|"
    r"don't\s+bother(?:\s+with)?|actually,?\s+i\s+(?:can't|won't\s+be\s+able\s+to))\s*(?P<obj>[^,?!]*)")
_OFFER_QUESTIONS = ("would", "want", "do", "shall", "should", "how")
"""Offers that may point back ("want me to set that up?"); "I can do that" is no offer."""
_SUBORDINATE = re.compile(r"\b(?:so|so\s+that|if|when|then|because|since|once|until|and)\s+$")
"""An offer in a subordinate clause is none: "send it by Wednesday, so I can look at it"."""
_REFERS_BACK = re.compile(r"\b(?:it|that|them|this|those|a\s+first\s+version|a\s+draft|the\s+same)\b")
_HAVE_IT_DONE = re.compile(r"^(?:have|get)\s+(?:it|that|this|them)\s+(?:done|finished|ready|sorted|"
                           r"drafted|sent|written|over|back)(?:\s+to\s+you)?$")
"""Also only pointing back: "I'll have it done by the 1st"."""
_TOPIC = re.compile(r"\b(?:with|about|on|for)\s+(?P<topic>(?:the|your)\s+[\w-]+(?:\s+[\w-]+)?)\s*\?")
"""What a question is about: "where are you with the self-assessment?"."""
_SEPARATE = re.compile(r"\b(?:also|too|as\s+well|another|separately)\b")

_PRONOUN_WORDS = frozenset(
    "it that this those them these one to you for me over up down back out done right "
    "away the same as well too now a an on off in with some go try shot whirl".split())
_STOP = frozenset(
    "the a an and or of to for in on at by with from my your our their his her its i you we "
    "they he she it me us them this that these those be is are was were will would can could "
    "should just also really so then now some any all one more about into over up down back out "
    "off as too very maybe probably actually what how when where who which there here get got "
    "make do done thing things stuff him his hers their today tomorrow".split())
_NOT_VERBS = frozenset("just first also then so uh um maybe probably actually really already and but or "
                       "the a an to of that this it i you we let's now here there well yeah yes okay".split())
_COMMON = frozenset("""
not yet just maybe actually anyway really then there this that these those it its what when where
why how who which let lets please thank thanks sorry nice cool wow ha hmm okay ok yep yup nope
alright fine sounds sure absolutely definitely perfect great good lovely awesome excellent
brilliant right exactly true totally fair done deal next last first second also plus still even
only because since though although if unless while after before during until once every each some
any all both most many much more less few several another other such same different everyone
everything everybody nobody nothing someone something somebody anyone anything my your our their
his her we you they he she me us them him is are was were be been do does did have has had can
could will would should shall may might must in on at by for from with without about into over
under between through to of as like honestly basically obviously seriously personally hopefully
probably yes no oh hey hi hello bye goodbye morning evening afternoon welcome congratulations happy
i monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december slack zoom teams google figma jira github linkedin
excel powerpoint word notion outlook gmail whatsapp
""".split())
_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:'s)?\b")
_PERSON_VERB = re.compile(r"(?:'s|\s+(?:said|says|is|was|has|had|will|would|can|could|should|might|"
                          r"does|did|thinks|wants|told|asked|[a-z]+s)\b)")


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
    words = _ADVERBS.sub("", words.strip(" ,"))
    cut = _CUT.search(words)
    if cut:
        words = words[:cut.start()]
    words = re.sub(r"^to\s+", "", words)
    first, _, rest = words.partition(" ")
    if first.endswith(("ing", "ed")):
        words = f"{base_form(first)} {rest}".strip()
    return re.sub(r"(?:,\s*|\s+)(?:and|but|or|so|then)$", "", words.strip(" ,?!")).strip(" ,")


def _not_a_verb(words: str) -> bool:
    """Broken-off speech ("I'll just ...", "so I will first uh") leaves no task behind."""
    first = words.split()[0]
    return first in _NOT_VERBS or not first[0].isalpha() or bool(re.match(r"let\s+(?:me|us)\b", words))


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]+", words)
            if w not in _STOP and w not in TASK_VERBS and len(w) > 2}


def _strip_dates(words: str, dates: list[DateMention]) -> str:
    for mention in dates:
        words = words.replace(mention.text, " ")
    for t in find_times(words):
        words = words.replace(t.text, " ")
    words = re.sub(r"\b(?:by|on|before|until|till|for|at|in|over|my|from|around)\s*(?=,|$|\s\s)", " ", words)
    words = re.sub(r"[\s,]*\b(?:probably|hopefully|ideally|maybe|latest|at\s+the\s+latest|then|"
                   r"instead|please|okay|ok|either\s+way|anyway)\s*$", "", words.strip())
    return re.sub(r"\s+,", ",", re.sub(r"\s+", " ", words)).strip(" ,")


def _is_pronoun_only(words: str, dates: list[DateMention]) -> bool:
    """Only verbs and pronouns: "do that", "get it to you", "dig it out and email it over"."""
    remaining = _strip_dates(words, dates).split()
    if _HAVE_IT_DONE.match(" ".join(remaining)):
        return True
    return bool(remaining) and all(
        w in _PRONOUN_WORDS or w == "and" or (remaining[k] == "and" and base_form(w) in TASK_VERBS)
        for k, w in enumerate(remaining[1:]))


def _due_in(norm: str, begin: int, end: int, dates: list[DateMention]) -> DateMention | None:
    """The first definite date said between `begin` and `end`, unless it names an event."""
    for mention in dates:
        if begin <= mention.start < end and not mention.vague:
            if _EVENT_FOR.search(norm[max(0, mention.start - 30):mention.start]):
                continue
            return mention
    return None


def _is_question(norm: str) -> bool:
    return norm.endswith("?") and not _TAG_QUESTION.search(norm)


def _commitments(s: Sentence, dates: list[DateMention], asked: bool) -> list[_Task]:
    """First-person (or both-person) commitments in one sentence; `asked`: just requested."""
    norm = s.norm
    found: list[_Task] = []
    matches = list(_SELF.finditer(norm))
    for k, m in enumerate(matches):
        kind = m.lastgroup or "will"
        clause_start = matches[k - 1].end() if k else 0
        for joint in _JOINT.finditer(norm, clause_start, m.start()):
            clause_start = joint.end()
        clause_end = matches[k + 1].start() if k + 1 < len(matches) else len(norm)
        raw = norm[m.end():clause_end]
        if kind == "mine" and _SELF.match(raw + " "):
            continue
        if _HEDGE_BEFORE.search(norm[clause_start:m.start()]) or _HYPOTHETICAL.search(norm) \
                or re.search(r"\bif\b", norm[:m.start()]) \
                or (_is_question(norm) and kind != "mine"):
            continue
        words = _clean_task(raw)
        then = re.match(r"^[^,]*?\s+and\s+(?:then\s+)?(?P<rest>\w.*)$", words)
        if words and _NOT_TASK.match(words) and then:
            words = _clean_task(then.group("rest"))  # "I'll think about it and get back to you"
        if not words or _NOT_TASK.match(words) or re.search(r"\b(?:right\s+)?now$", words) \
                or (kind != "mine" and _not_a_verb(words)):
            continue
        if kind == "let" and _IMMEDIATE.match(words):
            continue
        due = _due_in(norm, clause_start, clause_end, dates)
        if due is None and not asked and _META.match(words):
            continue
        first = words.split()[0]
        if kind == "can" and (re.search(r"\bso\s+(?:that\s+)?$", norm[:m.start()]) or not (
                due or asked or re.match(r"take\s+(?:that|it|this)\b", words))):
            continue  # "so I can look at it" is a purpose; "I can hear you" no promise
        if kind == "bare" and not (due or _FUTURE.search(norm[m.end():clause_end])):
            continue
        if kind == "must" and not (due and base_form(first) in TASK_VERBS):
            continue
        if _RULE.search(raw) or (kind == "both" and _SHARED_RULE.search(words)):
            continue
        owner = "both" if kind == "both" else s.speaker
        pronoun_only = _is_pronoun_only(words, dates) or bool(re.match(r"take\s+(?:that|it|this)$", words))
        found.append(_Task(s, owner, words, due, pronoun_only=pronoun_only,
                           noun_only=kind == "mine" and base_form(first) not in TASK_VERBS,
                           separate=bool(_SEPARATE.search(raw))))
    for m in _ON_ME.finditer(norm):
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
    for m in _REQUEST.finditer(norm):
        words = _clean_task(norm[m.end():])
        if words and base_form(words.split()[0]) in TASK_VERBS:
            firm = m.lastgroup != "ask" or norm.endswith("?")
            tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker,
                               firm=firm))
    lead = _LEAD.match(norm)
    body = norm[lead.end():] if lead else norm
    body = re.sub(r"^for\s+[^,]{3,30},\s*", "", body)
    first = body.split()[0] if body.split() else ""
    if not tasks and first in TASK_VERBS and not _SELF.match(body) and not norm.endswith("?") \
            and not _HYPOTHETICAL.search(norm):
        words = _clean_task(body)
        if words:
            tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker))
    return [t for t in tasks if _is_real_request(t.words, dates)
            or (t.firm and _is_pronoun_only(t.words, dates) and not re.search(r"\bnow$", t.words))]


def _turn_requests(sentences: list[Sentence], dates: dict[int, list[DateMention]]) -> tuple[_Task, ...]:
    """A turn's requests. "Loop in his manager and copy me. Can you do that today?" is one
    request, asked as a question and due today."""
    requests: list[_Task] = []
    for s in sentences:
        for r in _requests(s, dates[id(s)]):
            if re.match(r"(?:do|handle|sort|manage|take\s+care\s+of)\b", r.words) \
                    and _is_pronoun_only(r.words, dates[id(s)]):
                requests = [replace(q, firm=True, due=q.due or r.due) for q in requests]
            else:
                requests.append(r)
    return tuple(requests)


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
    if _HYPOTHETICAL.search(s.norm):
        return []
    offers = []
    for m in _OFFER.finditer(s.norm):
        if _SUBORDINATE.search(s.norm[:m.start()]):
            continue
        words = _clean_task(s.norm[m.end():])
        if not words or base_form(words.split()[0]) not in TASK_VERBS or _NOT_TASK.match(words):
            continue
        pronoun_only = _is_pronoun_only(words, dates)
        if pronoun_only and not m.group(0).startswith(_OFFER_QUESTIONS):
            continue
        offers.append(_Task(s, s.speaker, words, _due_in(s.norm, m.start(), len(s.norm), dates),
                            pronoun_only=pronoun_only))
    return offers


def _suggestions(s: Sentence) -> list[str]:
    found = []
    for pattern, begin_at_match in ((_SUGGESTION, False), (_SUGGEST_PHRASE, True)):
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
            for m in _NAME.finditer(sentence):
                words = m.group(1).split()
                while words and not self._name_like(words[0]):
                    words.pop(0)
                if not words or not all(self._name_like(w) for w in words):
                    continue
                if m.start() == 0 and len(words) == len(m.group(1).split()) \
                        and not _PERSON_VERB.match(sentence[m.end():]):
                    continue
                names.append(" ".join(words))
        return names

    def _name_like(self, word: str) -> bool:
        lower = word.lower()
        return not (lower in _COMMON or lower.rstrip("s") in _COMMON or lower in self.lower
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
        commitments = [c for s in sentences for c in _commitments(s, dates[id(s)], bool(previous.requests))]
        if provisional is not None and provisional.owner == speaker and \
                any(_concretises(c, provisional, ctx) for c in commitments):
            confirmed.remove(provisional)
        provisional = None
        answered = len(confirmed)
        commitments = _answer_requests(previous, sentences, commitments, dates, confirmed)
        opening = " ".join(s.norm for s in sentences[:2])
        if previous.offers and len(confirmed) == answered and speaker != "unknown" \
                and not _DECLINE.search(sentences[0].norm) and _ACCEPT_OFFER.match(opening):
            offer = next((o for o in reversed(previous.offers) if not o.pronoun_only), previous.offers[-1])
            provisional = replace(offer, sentence=sentences[0])
            confirmed.append(provisional)
        for c in commitments:
            if c.pronoun_only and previous.suggestions:  # worded as the one who suggested it
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
                           for m in _TOPIC.finditer(s.norm)), "")
        said.suggestions = tuple(w for s in sentences for w in _suggestions(s)) + \
            tuple(r.words for r in said.requests)
    wording = _Wording(ctx, ctx.casing, ctx.lower_case)
    return _finish(ctx, confirmed, next_checkin, wording)


def _concretises(commitment: _Task, offer: _Task, ctx: Context) -> bool:
    """Is this the offerer saying what exactly they will do? "Want me to introduce you?" -
    "yes" - "I'll email Mariam tomorrow"; "shall I put you in touch with Tom?" - "yes" -
    "I'll drop him a message"."""
    if commitment.pronoun_only:
        return False
    offered = _content(offer.words)
    if len(offered) <= 1 or offered & _content(commitment.words):
        return True
    named = any(w in ctx.casing or w in ("him", "her", "them") for w in offer.words.split())
    return named and bool(re.search(r"\b(?:him|her|them)\b", commitment.words))


def _answer_requests(previous: _Said, sentences: list[Sentence], commitments: list[_Task],
                     dates: dict[int, list[DateMention]], confirmed: list[_Task]) -> list[_Task]:
    """Turn accepted requests into tasks; returns the commitments not used in answering."""
    pending = previous.requests
    if not pending or _DECLINE.search(sentences[0].norm):
        return commitments
    opening = " ".join(s.norm for s in sentences[:2])
    # With no known speakers, "yeah" may be the asker still talking: only a clear yes counts.
    firm = any(t.firm for t in pending) and sentences[0].speaker != "unknown"
    accept = _ACCEPT_STRONG.match(opening) or (firm and _ACCEPT_WEAK.match(opening)) \
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
        if own:
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
        if groups and (not request.firm or _REFERS_BACK.search(request.words)
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
        for m in _CANCEL.finditer(s.norm):
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
