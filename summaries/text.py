"""The shared view of a transcript that every extractor reads: sentences with a normal form.

Extractors match patterns against `Sentence.norm` (lower case, fillers removed, spoken
contractions such as "gonna" expanded) and quote `Sentence.text`, an exact substring of the
segment's text, so that every item can be checked against what was said.

Recognised speech often arrives as long lower-case runs without punctuation, and a recogniser
may cut one sentence across two segments. `split_sentences` therefore also splits long
unpunctuated runs at discourse markers, and `build_context` joins an unfinished sentence
with the start of the same speaker's next segment (the sentence belongs to the first one).
A sentence cut off by the other speaker's "mhm" and taken up after it belongs to the
segment where it goes on, which holds what was said.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from .phrases import TASK_VERBS
from .prefilter import phrase_pattern
from .transcript import Transcript
from .types import Provenance


def word_start(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile `pattern` so that a match may start only at the start of a word or at an
    apostrophe, space or comma (where "'s" or " is" begin). The engine then skips positions
    inside words at once, which makes the long phrase alternations about twice as fast on an
    hour of talk; every alternative of such a pattern must begin at one of those places. Its
    rare alternatives run only on text holding their words (summaries.prefilter)."""
    return phrase_pattern(pattern, flags, word_start=True)


@dataclass(frozen=True)
class Sentence:
    """One sentence (or clause of an unpunctuated run) of one segment."""

    segment: int
    speaker: str
    text: str
    """Exact substring of the segment's text (its part in this segment, if it runs on)."""
    norm: str
    """Normal form of the whole sentence, including any continuation in the next segment."""
    start: float | None
    """Start time of the segment (seconds), when known."""
    char_start: int
    """Offset of `text` in the segment's text."""
    continues_in: int | None = None
    """Index of the same speaker's next segment this sentence runs on into, if any."""


@dataclass(frozen=True)
class Context:
    """A transcript split into sentences, with the date the session took place."""

    transcript: Transcript
    sentences: tuple[Sentence, ...]
    session_date: datetime | None
    turns: tuple[tuple[int, ...], ...] = ()
    """Segment indices grouped into turns: maximal runs of one known speaker. Segments of
    an "unknown" speaker are one turn each, since consecutive ones may be different people."""
    _by_segment: tuple[tuple[Sentence, ...], ...] = ()
    _turn_of: tuple[int, ...] = ()
    _pieces: tuple[tuple[tuple[int, str], ...], ...] = ()
    """`split_sentences` of each segment's text."""

    def by_segment(self, index: int) -> tuple[Sentence, ...]:
        """The sentences that begin in segment `index`, in order."""
        if 0 <= index < len(self._by_segment):
            return self._by_segment[index]
        return ()

    def turn_of(self, segment: int) -> int:
        """Index in `turns` of the turn that holds `segment`."""
        return self._turn_of[segment]

    @staticmethod
    def other(role: str) -> str:
        """The other participant: mentor <-> mentee; "unknown" has no other."""
        if role == "mentor":
            return "mentee"
        if role == "mentee":
            return "mentor"
        return role

    @cached_property
    def turn_sentences(self) -> tuple[tuple[Sentence, ...], ...]:
        """The sentences of each turn, in order (a turn whose segments hold none is empty)."""
        return tuple(tuple(s for seg in turn for s in self.by_segment(seg)) for turn in self.turns)

    @cached_property
    def casing(self) -> dict[str, str]:
        """Spellings of the transcript's always-capitalised words (see `casing_of`)."""
        return casing_of(self.transcript, self.lower_case, self._pieces or None)

    @cached_property
    def lower_case(self) -> frozenset[str]:
        """Words the transcript writes in lower case somewhere (see `lower_case_words`)."""
        return lower_case_words(self.transcript)

    def name_of(self, role: str) -> str | None:
        """The participant's given name, or None when the transcript names nobody."""
        name = (self.transcript.participants.get(role) or {}).get("name")
        return name or None


# ---------------------------------------------------------------- sentence splitting

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st vs etc e.g i.e jr sr approx dept inc ltd cf fig".split())
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")
_WORD = re.compile(r"\S+")
_UNPUNCTUATED_MIN_WORDS = 12
"""Runs at least this long with no punctuation at all are split at discourse markers."""

# A discourse marker starts a new clause only when the words around it make that likely:
# "so I'll ..." starts one, "so much" and "or so" do not.
_MARKER = re.compile(
    r"\s(?=(?:"
    r"okay|ok|alright|all right|anyway|anyways"
    r")\s+(?:so|i|i'll|ill|i'm|we|we'll|let's|let|and|then|great|cool|thanks|thank|sounds|perfect|"
    r"yeah|yes|sure|um|uh|next|last|one|how|what|can|could|do)\b)"
    r"|\s(?=so\s+(?:i|i'll|i'm|we|we'll|you|let's|let|how|what|when|where|um|uh|yeah|next|"
    r"then|anyway|basically|overall|for|the|my|our|your|last|it's|that's|can|could|do|does|"
    r"did|is|are|should|would)\b)"
    r"|\s(?=(?:and|but)\s+(?:i'll|ill|i will|i'm going to|i'm gonna|i am going to|let me|we'll|"
    r"let's|then i|also)\b)"
    r"|\s(?=(?:also|but)\s+(?:i|we|you|can|could|would|do|did|have|what|how)\b)"
    r"|\s(?=tell you what\b)|(?<=\btell you what)\s",
    re.IGNORECASE)
_COMMITMENT_START = re.compile(r"\s(?=(?:i'll|ill|i will|i'm going to|i'm gonna|let me)\s)", re.IGNORECASE)
_BEFORE_A_COMMITMENT = frozenset("""
if so as or and but then that what when once until unless before after because cause whether where how why who
which while since think thought said say says hope guess maybe probably know sure bet reckon promise mean like
um uh er oh yeah yes okay ok just also well right fine great cool perfect alright actually honestly definitely
no not now and i you we
""".split())
"""Words after which "I'll" goes on the clause they open ("if I'll", "yeah I'll", "I think I'll");
after any other word, in a run with no punctuation, "I'll" starts a clause of its own."""
_FRAMES_A_COMMITMENT = frozenset("""
every each forward now told tell telling said saying say keep kept promised promise decided hope think thought
guess know knew reckon mean meant
""".split())
"""Words that, among the four before it, make "I'll" part of a report or a standing arrangement."""


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the full stop ending at `end` close an abbreviation rather than a sentence?"""
    if text[end - 1] != ".":
        return False
    word = text[:end].rsplit(None, 1)[-1].rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    if word in ("a.m", "p.m"):
        following = text[end:].lstrip()
        return not following[:1].isupper()
    return len(word) == 1 and word.isalpha() and word != "i"


def _commitment_cuts(text: str) -> set[int]:
    """Where a first-person commitment opens a clause of its own in an unpunctuated run: not
    after a word that leads into it, not in a report or a standing arrangement ("I told him
    I'll ...", "going forward I'll ..."), and not after another commitment, whose clause it
    may finish ("let me look into it I'll have the dates in two weeks")."""
    cuts: set[int] = set()
    for k, match in enumerate(_COMMITMENT_START.finditer(" " + text)):  # the space: one may open the run
        before = text[:match.start()].lower().split()
        if k or not before or before[-1] in _BEFORE_A_COMMITMENT \
                or _FRAMES_A_COMMITMENT.intersection(before[-4:]):
            continue
        cuts.add(match.start())
    return cuts


def _marker_split(text: str, offset: int) -> list[tuple[int, str]]:
    """Split one long unpunctuated run at discourse markers; pieces keep >= 3 words."""
    cuts = sorted({m.start() + 1 for m in _MARKER.finditer(text)} | _commitment_cuts(text))
    pieces: list[tuple[int, str]] = []
    begin = 0
    for cut in cuts + [len(text)]:
        piece = text[begin:cut].strip()
        if cut != len(text) and len(piece.split()) < 3:
            continue
        rest = text[cut:].strip()
        if cut != len(text) and len(rest.split()) < 3:
            continue
        if piece:
            lead = len(text[begin:cut]) - len(text[begin:cut].lstrip())
            pieces.append((offset + begin + lead, piece))
        begin = cut
    return pieces


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split text into (offset, sentence) pairs, each sentence an exact substring of `text`.

    Splits after ".", "!" and "?" (not after abbreviations such as "Dr." or "e.g.").
    A piece of at least twelve words with no punctuation at all, as recognisers often
    produce, is further split before discourse markers that usually open a clause:
    "okay"/"alright"/"anyway" + a clause opener, "so" + a pronoun or question word
    ("so I'll", "so how"), "and"/"but" + a first-person commitment ("and I'll", "and let
    me"), "also"/"but" + a pronoun, around "tell you what", and before a first-person
    commitment after a word that does not lead into it ("... over the weekend I'll read it").
    No piece made this way is shorter than three words.
    """
    pieces: list[tuple[int, str]] = []
    begin = 0
    for match in _END.finditer(text):
        end = match.end()
        if _is_abbreviation(text, match.start() + 1):
            continue
        pieces.append((begin, text[begin:end]))
        begin = end
    if begin < len(text):
        pieces.append((begin, text[begin:]))
    sentences: list[tuple[int, str]] = []
    for offset, piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        offset += len(piece) - len(piece.lstrip())
        words = len(_WORD.findall(stripped))
        if words >= _UNPUNCTUATED_MIN_WORDS and not re.search(r"[,;:.!?]", stripped):
            sentences.extend(_marker_split(stripped, offset))
        else:
            sentences.append((offset, stripped))
    return sentences


# ---------------------------------------------------------------- normal form

# (pattern, replacement, text one of which a match holds: the rule runs only where it is)
_SPOKEN = (
    (re.compile(r"\b([ap])\.\s?m\b\.?"), r"\1m", (".",)),
    (re.compile(r"\bgonna\b"), "going to", ("gonna",)),
    (re.compile(r"\bwanna\b"), "want to", ("wanna",)),
    (re.compile(r"\bgotta\b"), "got to", ("gotta",)),
    (re.compile(r"\bgimme\b"), "give me", ("gimme",)),
    (re.compile(r"\blemme\b"), "let me", ("lemme",)),
    (re.compile(r"\bkinda\b"), "kind of", ("kinda",)),
    (re.compile(r"\bi\s+m\b"), "i'm", ()),
    (re.compile(r"\bi\s+ll\b"), "i'll", ("ll",)),
    # a hedge on a time: "the tenth-ish", "Thursday ish"
    (re.compile(r"(?<=[a-z])(?:-|\s)ish\b"), "", ("ish",)),
    # "I'll" written without its apostrophe by a recogniser: "ill get my roommate to play it".
    # Adjective "ill" stands after a copula or degree word and before "with", "and", a noun of
    # health or a time; after a pause it opens a clause, and there it is "I'll". After "so" it is
    # the adjective only when a copula comes first ("I was so ill"), not in "ok so ill cut it".
    # "(?=ill\s)" first: the look-behinds after it then run only where "ill" stands, not at
    # every position of every sentence (they cost more than all other rules together).
    (re.compile(r"(?=ill\s)(?<!\bbeen )(?<!\bwas )(?<!\bis )(?<!\bfeel )(?<!\bfelt )(?<!\bget )"
                r"(?<!\bgot )(?<!\bam )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bfell )(?<!\bfalls )"
                r"(?<!\bgetting )(?<!\bfeeling )"
                r"(?<!\bvery )(?<!\breally )"
                r"(?<!\bwas so )(?<!\bam so )(?<!\bis so )(?<!\bbeen so )(?<!\bfelt so )(?<!\bfeel so )(?<!\bget so )"
                r"(?<!\bgot so )(?<!\bbe so )(?<!'m so )(?<!\bwere so )(?<!'s so )(?<!'re so )"
                r"(?<!\bseriously )(?<!\bcritically )(?<!\bterminally )"
                r"(?<!\bmentally )(?<!\bchronically )(?<!\bquite )(?<!\bbit )(?<!\bthe )(?<!\ban )(?<!\ba )"
                r"(?<!\bhe's )(?<!\bshe's )(?<!\bi'm )(?<!\bthey're )(?<!\bwe're )(?<!\byou're )"
                r"\bill\s+(?!(?:with|and|or|for|at|health|effects?|advised|will|in|from|since|of|patients?|"
                r"people|enough|today|again|but|so|the|a|an|to|because|all|after|ease|feeling|treated|"
                r"prepared|equipped|suited|fitting|tempered|informed|timed|afford|repute|will)\b)[a-z]"),
     lambda m: "i'll " + m.group(0)[-1], ("ill",)),
    (re.compile(r"\bit'd\s+(?=be\b)"), "it would ", ("it'd",)),
    # Contractions a recogniser wrote without the apostrophe: "i cant get them to use it".
    (re.compile(r"\b(can|don|didn|doesn|isn|wasn|weren|aren|haven|hasn|hadn|couldn|wouldn|shouldn)t\b"),
     r"\1't", ("nt",)),
    (re.compile(r"\bwont\b"), "won't", ("wont",)),
    # A weekday's possessive without its apostrophe, after a preposition and before a noun:
    # "at mondays team meeting" ("on mondays" is a habit and stays).
    (re.compile(r"\b(at|by|before|after|until|till|for)\s+(monday|tuesday|wednesday|thursday|friday|saturday|"
                r"sunday)s\b(?=\s+(?!and\b|or\b|too\b|as\b)[a-z])"), r"\1 \2's", ("days",)),
    (re.compile(r"\bi(m|ve|d)\b"), r"i'\1", ()),
    (re.compile(r"\b(that|there|what|who|she|he|it)s\b(?=\s+(?:a|an|the|not|just|really|been|going|what|how|why|"
                r"when|where|all|it|my|your|our|their|his|her|so|too|very|still|also|always|never)\b)"), r"\1's", ()),
    (re.compile(r"\b(you|they)re\b"), r"\1're", ("youre", "theyre")),
    (re.compile(r"\blets\s+(?=(?:do|go|meet|talk|try|keep|make|say|start|move|get|see|call|aim|plan|schedule|"
                r"pick|book|focus|use|spend|catch|agree|stick|switch|put|have|wrap|check|look|chat|sync|review|"
                r"both|each)\b)"),
     "let's ", ("lets",)),
    # Recognisers hear "by Friday" as "high Friday" or "bye Friday" ("my Friday" too, but
    # "my" is a word of its own; the extractors allow for it where a deadline may stand).
    (re.compile(r"\b(?:high|bye|buy)\s+(?=(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                r"tomorrow|tonight|the\s+end|end\s+of|next\s+\w+|the\s+\d)\b)"), "by ", ("high", "bye", "buy")),
)
_FILLERS = (
    re.compile(r"\b(?:u+m+|u+h+|e+rm|e+r|h+m+|m+h?m+|a+h)\b[,.]?"),
    # "you know"/"I mean"/"like" are fillers only when set off by commas or opening the
    # sentence; "do you know what I mean" keeps them.
    re.compile(r"(?:^|(?<=,))\s*(?:you know|i mean|like)\s*,"),
    re.compile(r",\s*(?:you know|i mean)\s*(?=[,?!]|$)"),
)
_ANNOTATION = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]|<[^<>]*>|\((?:laughs?|laughter|inaudible|crosstalk|"
                         r"pause|silence|coughs?|noise|music|applause)\)")
"""Transcriber annotations, not speech: "{disfmarker}", "[inaudible]", "(laughs)"."""
_KEEP = re.compile(r"[^\w' ,?!:.$%&/\-]|_")
"""What normalising drops: all but letters (any alphabet: "José" stays a word), digits and
the punctuation extractors read."""
_STRAY_STOP = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_SPACES = re.compile(r"\s+")
_HYPHEN = re.compile(r"(?<=\w)\s+-(?=\w)|(?<=\w)-\s+(?=\w)")
"""Recognisers space hyphens: "mid -level"."""
_COMMAS = re.compile(r"\s*,(?:\s*,)*\s*")


def normalize(text: str) -> str:
    """Lower case, straight quotes, fillers, annotations and most punctuation removed, spaces
    collapsed.

    Kept: apostrophes, hyphens, commas, "?" and "!", and ":" / "." inside numbers
    ("10:30", "3.5"), because extractors use them.
    """
    norm = _ANNOTATION.sub(" ", text.lower())
    norm = norm.replace("’", "'").replace("‘", "'").replace("“", " ").replace("”", " ")
    norm = norm.replace("—", ", ").replace("–", ", ")
    for pattern, replacement, needed in _SPOKEN:
        for part in needed or ("",):
            if part in norm:
                norm = pattern.sub(replacement, norm)
                break
    norm = _KEEP.sub(" ", norm)
    norm = _STRAY_STOP.sub(" ", norm)
    for filler in _FILLERS if "," in norm else _FILLERS[:1]:  # all but the first need a comma
        norm = filler.sub(" ", norm)
    if "-" in norm:
        norm = _HYPHEN.sub("-", norm)
    if "," in norm:
        norm = _COMMAS.sub(", ", norm)
    norm = _SPACES.sub(" ", norm).replace(" ?", "?").replace(" !", "!").strip(" ,")
    return _STAMMER.sub(r"\1", norm)


_STAMMER = re.compile(r"\b(by|to|the|a|an|on|at|for|in|and|i|we|my|your)(?:\s+\1)+\b(?!')")
"""A small word said twice once fillers are gone: "by um by the tenth"."""


# ---------------------------------------------------------------- context

_DANGLING = frozenset("""
the a an to of for and or but with my your our their his her its by on at in into from about
is are was were be will i'll i we you he she they can could would should if that's than as
""".split())
"""Words a sentence cannot end on: "I'll send you the" | "revised version by Monday"."""
_HESITATION = frozenset("um uh er erm uhm hmm".split())
"""A segment that ends on a hesitation stops mid-sentence: "so I'll get um" | "some three star in"."""


def _unfinished(sentence: str) -> bool:
    return not sentence.rstrip("\"'”’)] ").endswith((".", "!", "?"))


def _runs_on(transcript: Transcript, index: int, punctuated: bool) -> bool:
    """Does the same speaker's next segment continue segment `index`'s last sentence?

    The next segment must start in lower case (recognisers capitalise new sentences) and,
    when times are known, follow within two seconds. In a transcript without punctuation
    every segment looks unfinished, so there the segment must also end on a word no
    sentence ends on ("the", "to", "my").
    """
    segments = transcript.segments
    if index + 1 >= len(segments):
        return False
    here, after = segments[index], segments[index + 1]
    text = here.text.strip()
    if here.speaker != after.speaker or not _unfinished(text):
        return False
    first = after.text.strip()[:1]
    if not first or not first.islower():
        return False
    if here.end is not None and after.start is not None and after.start - here.end > 2.0:
        return False
    last_word = normalize(text).rsplit(" ", 1)[-1] if text else ""
    return punctuated or last_word in _DANGLING or text.lower().rsplit(" ", 1)[-1] in _HESITATION


_CUT_OFF = frozenset("the a an to of for my your our their his her by i'll i'm will going".split())
"""Words a speaker who is cut off mid-commitment stops on: "so I'm gonna, um" | "I'll book the"."""
_BACKCHANNEL = frozenset("""
mm mhm hmm huh uh-huh mm-hmm - yeah yep yes right okay ok sure go on sorry you broke up there cut out say
again lost me what was that
""".split())
"""Words of a listener's "mhm", "go on" or "sorry, you broke up there": no turn of their own."""


def _resumes_after(transcript: Transcript, index: int, punctuated: bool = True) -> bool:
    """Does segment `index`, cut off mid-sentence, go on two segments later, after the other
    speaker's "mhm" or "sorry, you broke up there"?

    Segment `index` must end on a word no commitment stops on ("the", "I'll", "gonna") or, in
    speech without punctuation, hold a promise that the continuation carries on with "and ..."
    or its day ("so i'll go down to the college" | "mm" | "tomorrow yeah and put my name down");
    the interruption must be a few words of listening only, and the continuation must start in
    lower case, within four seconds when times are known.
    """
    segments = transcript.segments
    if index + 2 >= len(segments):
        return False
    here, between, after = segments[index], segments[index + 1], segments[index + 2]
    if here.speaker != after.speaker or between.speaker == here.speaker or here.speaker == "unknown":
        return False
    text = here.text.strip()
    if not _unfinished(text) or not after.text.strip()[:1].islower():
        return False
    words = re.findall(r"[\w'-]+", normalize(between.text))
    if len(words) > 6 or not set(words) <= _BACKCHANNEL or between.text.rstrip().endswith("?"):
        return False
    if here.end is not None and after.start is not None and after.start - here.end > 4.0:
        return False
    norm = normalize(text)
    if not punctuated and _PROMISE.search(norm) and _GOES_ON.match(normalize(after.text)):
        return True
    return bool(norm) and norm.rsplit(" ", 1)[-1] in _CUT_OFF


def _names_its_task(text: str) -> bool:
    """Does the promise in `text` name its task before it stops, with two words beyond the
    verb that are not grammar ("I'll dig out my old revision notes from when I did the")?
    "So I'm gonna, um", "I'll book the", "I'll email the network" leave the task to what
    follows."""
    norm = normalize(text)
    heads = list(_PROMISE_HEAD.finditer(norm))
    if not heads:
        return False
    beyond_verb = norm[heads[-1].end():].split()[1:]
    return sum(word not in _GRAMMAR for word in beyond_verb) >= 2


_PROMISE_HEAD = re.compile(r"\b(?:i'll|i\s+will|i'm\s+going\s+to)\s+")


_GRAMMAR = frozenset("""
the a an to of for my your our their his her its it them him me myself yourself with on in at by from and or
but so that this these those up out down over about into some any
""".split())


_PROMISE = re.compile(r"\b(?:i'll|i\s+will|i'm\s+going\s+to|going\s+to)\s+(?:\w+\s+)?\w+")
_GOES_ON = re.compile(r"(?:(?:yeah|yes|so|um|uh)\s+)*(?:and\s+(?:then\s+)?[a-z]+|tomorrow|tonight|today|"
                      r"this\s+(?:week|weekend|"
                      r"afternoon|evening)|next\s+week|same\s+time|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
                      r"saturday|sunday|the)|by\s+(?:monday|tuesday|wednesday|thursday|friday|the|end))\b")
"""How a promise cut by an "mm" goes on: "and get my name down ...", "tomorrow yeah and ..."."""


def _group_turns(transcript: Transcript) -> list[list[int]]:
    """Consecutive segments of one known speaker form a turn."""
    turns: list[list[int]] = []
    previous = None
    for seg in transcript.segments:
        if turns and seg.speaker == previous and seg.speaker != "unknown":
            turns[-1].append(seg.index)
        else:
            turns.append([seg.index])
        previous = seg.speaker
    return turns


def build_context(transcript: Transcript, session_date: datetime | None = None) -> Context:
    """Split every segment into sentences; `session_date` overrides the transcript's."""
    split = [split_sentences(seg.text) for seg in transcript.segments]
    punctuated = any(re.search(r"[.?!]", seg.text) for seg in transcript.segments)
    consumed: set[int] = set()
    sentences: list[Sentence] = []
    per_segment: list[list[Sentence]] = [[] for _ in transcript.segments]
    carried: dict[int, str] = {}
    """Segment -> the cut-off start of its first sentence, said before an interruption."""
    for seg, pieces in zip(transcript.segments, split):
        for k, (offset, text) in enumerate(pieces):
            if k == 0 and seg.index in consumed:
                continue
            resumes = k == len(pieces) - 1 and _resumes_after(transcript, seg.index, punctuated) \
                and bool(split[seg.index + 2]) and not _runs_on(transcript, seg.index, punctuated)
            if resumes and not _names_its_task(f"{carried.get(seg.index, '')} {text}" if k == 0 else text):
                # "so I'm gonna, um" | "mhm" | "ring the engineer tomorrow": the sentence is
                # said, and quoted, where it goes on; the words before the "mhm" lead it in.
                carried[seg.index + 2] = f"{carried.pop(seg.index, '')} {text}".strip() if k == 0 else text
                continue
            lead = carried.pop(seg.index, "") if k == 0 else ""
            full, continues_in, tail = f"{lead} {text}".strip(), None, seg.index
            if resumes:
                # "i'll write up the case notes" | "mm" | "and get them to you by friday": a
                # promise that named its task goes on past the "mm"; it is quoted where it was made.
                continues_in, tail = seg.index + 2, seg.index + 2
                full = f"{full} {split[tail][0][1]}"
                consumed.add(tail)
            # A segment's last sentence may run on, through segments that hold nothing else.
            while k == len(pieces) - 1 and (not resumes or len(split[tail]) == 1) \
                    and _runs_on(transcript, tail, punctuated) and split[tail + 1]:
                continues_in = continues_in if continues_in is not None else tail + 1
                full = f"{full} {split[tail + 1][0][1]}"
                consumed.add(tail + 1)
                tail += 1
                if len(split[tail]) > 1:
                    break
            sentence = Sentence(seg.index, seg.speaker, text, normalize(full), seg.start, offset,
                                continues_in)
            sentences.append(sentence)
            per_segment[seg.index].append(sentence)
    turns = _group_turns(transcript)
    turn_of = [0] * len(transcript.segments)
    for t, members in enumerate(turns):
        for index in members:
            turn_of[index] = t
    return Context(
        transcript=transcript,
        sentences=tuple(sentences),
        session_date=session_date if session_date is not None else transcript.session_date,
        turns=tuple(tuple(t) for t in turns),
        _by_segment=tuple(tuple(s) for s in per_segment),
        _turn_of=tuple(turn_of),
        _pieces=tuple(tuple(pieces) for pieces in split),
    )


def provenance(sentence: Sentence) -> Provenance:
    """Where a sentence was said: its segment, the segment's start and the exact quote."""
    return Provenance(segment=sentence.segment, start=sentence.start, quote=sentence.text)


# ---------------------------------------------------------------- items per turn

def turn_numbers(ctx: Context) -> list[int]:
    """The turn of each segment: consecutive segments by one speaker form one turn.

    A recogniser splits a turn into several segments; items are grouped per turn.
    """
    numbers: list[int] = []
    for seg in ctx.transcript.segments:
        same = numbers and ctx.transcript.segments[seg.index - 1].speaker == seg.speaker
        numbers.append(numbers[-1] if same else (numbers[-1] + 1 if numbers else 0))
    return numbers


def group_items(ctx: Context, keep: Callable[[Sentence], bool],
                max_gap: int = 2) -> list[tuple[Sentence, Sentence]]:
    """Runs of kept sentences within one turn, at most `max_gap` sentences apart.

    Returns (first, last) pairs; a run is one item, quoted from the first to the last.
    """
    turn = turn_numbers(ctx)
    runs: list[tuple[Sentence, Sentence]] = []
    last_pos = 0
    for pos, sentence in enumerate(ctx.sentences):
        if not keep(sentence):
            continue
        same_turn = bool(runs) and turn[runs[-1][1].segment] == turn[sentence.segment]
        if same_turn and pos - last_pos <= max_gap:
            runs[-1] = (runs[-1][0], sentence)
        else:
            runs.append((sentence, sentence))
        last_pos = pos
    return runs


def position_of(ctx: Context, sentence: Sentence) -> int:
    """The index of `sentence` in `ctx.sentences`."""
    return bisect_left(ctx.sentences, (sentence.segment, sentence.char_start),
                       key=lambda s: (s.segment, s.char_start))


def span(ctx: Context, first: Sentence, last: Sentence) -> tuple[str, Provenance]:
    """The text from `first` through `last`, and its provenance.

    Within one segment the quote is the whole span; a span across the segments of one turn
    is quoted in its first segment (a quote is a substring of one segment), and the text
    joins the parts.
    """
    segments = ctx.transcript.segments
    parts: dict[int, tuple[int, int]] = {}
    for sentence in ctx.sentences[position_of(ctx, first):position_of(ctx, last) + 1]:
        begin, _ = parts.get(sentence.segment, (sentence.char_start, 0))
        parts[sentence.segment] = (begin, sentence.char_start + len(sentence.text))
    pieces = [segments[i].text[begin:end].strip() for i, (begin, end) in parts.items()]
    source = Provenance(segment=first.segment, start=first.start, quote=pieces[0])
    return " ".join(pieces), source


# ---------------------------------------------------------------- wording helpers

_IRREGULAR_GERUNDS = {"getting": "get", "putting": "put", "setting": "set", "cutting": "cut",
                      "running": "run", "planning": "plan", "shopping": "shop", "jotting": "jot",
                      "mapping": "map", "dropping": "drop", "skimming": "skim", "lying": "lie",
                      "dying": "die", "being": "be", "having": "have", "trimming": "trim",
                      "swapping": "swap", "stopping": "stop", "submitting": "submit"}


def base_form(word: str) -> str:
    """The base form of a gerund, past or third-person verb ("writing" -> "write"), if known."""
    if word in _IRREGULAR_GERUNDS:
        return _IRREGULAR_GERUNDS[word]
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        for candidate in (stem, stem + "e"):
            if candidate in TASK_VERBS:
                return candidate
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in TASK_VERBS:
            return stem[:-1]
        return stem + "e" if re.search(r"[^aeiou][aeiou][cgkmvz]$|[^aeiou][aeiou]t$|at$|iz$", stem) \
            and not stem.endswith(("ect", "ent", "ant", "ort", "ist", "ast", "eat", "oat")) else stem
    if word.endswith("ed") and len(word) > 4:
        for candidate in (word[:-2], word[:-1], word[:-3]):
            if candidate in TASK_VERBS:
                return candidate
    if word.endswith("es") and word[:-2] in TASK_VERBS:
        return word[:-2]
    if word.endswith("s") and word[:-1] in TASK_VERBS:
        return word[:-1]
    return word


_CASED_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def lower_case_words(transcript: Transcript) -> frozenset[str]:
    """Every word the transcript writes in lower case somewhere (so: not only a name)."""
    words = set(_CASED_WORD.findall("\n".join(seg.text for seg in transcript.segments)))
    return frozenset(w.replace("’", "'") for w in words if w == w.lower())


def casing_of(transcript: Transcript, lower: frozenset[str] | None = None,
              pieces: Sequence[Sequence[tuple[int, str]]] | None = None) -> dict[str, str]:
    """Spellings of words that are capitalised wherever they occur ("Maria", "CV", "Figma").

    Lets extractors, which match lower-case text, show such words as said. A word also
    written in lower case somewhere ("Doc" in "Google Doc" but "the doc") keeps lower case;
    the first word of a sentence tells nothing. `lower` (`lower_case_words`) and `pieces`
    (`split_sentences` of each segment) may be given when already known.
    """
    if lower is None:
        lower = lower_case_words(transcript)
    if pieces is None:
        pieces = [split_sentences(seg.text) for seg in transcript.segments]
    later: list[str] = []  # every word but the first of each sentence, in order
    for seg, sentences in zip(transcript.segments, pieces):
        if seg.text != seg.text.lower():
            for _, sentence in sentences:
                later.extend(_CASED_WORD.findall(sentence)[1:])
    casing: dict[str, str] = {}
    for said in dict.fromkeys(later):
        word = said.replace("’", "'")
        if word != word.lower() and word.lower() not in lower:
            casing.setdefault(word.lower(), word)
    casing["i"] = "I"
    return casing


def restore_case(text: str, casing: dict[str, str]) -> str:
    """Re-capitalise known words of lower-case text and its first letter."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in casing:
            return casing[word]
        if word.endswith("'s") and word[:-2] in casing:
            return casing[word[:-2]] + "'s"
        return word

    cased = _CASED_WORD.sub(fix, text)
    return cased[:1].upper() + cased[1:]
