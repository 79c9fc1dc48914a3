"""General cues of speech acts, shared by the feedback and challenge extractors.

The phrase tables in feedback.py and challenges.py name wordings; these cues describe the
act instead, so that unseen wordings are found:

- an evaluation: positive evaluative language ("clever", "vivid", "a model of clarity",
  "one of the clearest I've read", "it paid off") whose object is what the listener did,
  because the sentence or its turn speaks of the listener's action ("you wrote ...",
  "your notes ..."), or because the other person has just reported an action of their own
  ("I shipped it last week" - "a serious result");
- a directive: an imperative, recognised by its shape (a verb-like first word followed by
  a determiner or object: "reuse the same approach", "knock that on the head"), or a
  second-person modal ("you could read it out loud");
- the listener's habit criticised ("your emails tend to open with ...", "you do it every
  time");
- a difficulty owned by the speaker: lost time, repeated failure, being short of people
  or time, nobody to turn to, others' obstruction ("the skipper keeps cancelling our
  slots"), being behind.

Every pattern is matched against `Sentence.norm` (lower case, see text.py).
"""
from __future__ import annotations

import re

from .phrases import TASK_VERBS
from .prefilter import phrase_pattern

INTENSIFIER = (r"(?:(?:really|very|so|super|incredibly|extremely|genuinely|truly|quite|"
               r"absolutely|seriously|properly|honestly|just|actually|particularly|exceptionally|"
               r"remarkably|wonderfully|pretty)\s+)*")

STRONG_POSITIVE = (
    r"(?:clever|vivid|clear|clearer|sharp|sharper|smart|bold|brave|courageous|careful|thorough|sensible|grown-up|"
    r"cracking|mature|wise|skilled|strong|"
    r"rigorous|meticulous|thoughtful|insightful|creative|inventive|resourceful|imaginative|elegant|"
    r"polished|compelling|persuasive|convincing|impressive|remarkable|exceptional|outstanding|superb|"
    r"excellent|brilliant|stellar|masterful|skilful|skillful|textbook|exemplary|flawless|crisp|"
    r"tight|punchy|engaging|memorable|original|professional|mature|composed|confident|assured|"
    r"gutsy|savvy|shrewd|canny|spot[- ]on|first[- ]rate|top[- ]notch|world[- ]class|rare|cracking|smashing|"
    r"ace|superlative|stunning|gorgeous|masterly|impeccable|immaculate|faultless|exquisite|sterling|admirable|"
    r"commendable|phenomenal|marvellous|marvelous|nuanced|precise|seamless|watertight|airtight|well-judged|"
    r"well judged|well-organised|well-organized|top drawer|top-drawer|spotless|pristine|special|"
    r"articulate|eloquent|lucid|incisive|perceptive|astute|sensible|wise|judicious|pragmatic|decisive|"
    r"diligent|conscientious|dedicated|disciplined|organised|organized|methodical|systematic|efficient|"
    r"innovative|ingenious|graceful|tactful|diplomatic|poised|empathetic|fearless|impactful|influential|"
    r"credible|authoritative|comprehensive|concise|succinct|coherent|cohesive|inspiring|inspirational|"
    r"delightful|charming|witty|sharp-eyed|eagle-eyed|sleek|stylish|classy|tasteful|breathtaking|"
    r"extraordinary|epic|legendary|next-level|professional-grade|"
    r"strong|stronger|solid|effective|persuasive|moving|powerful|beautiful|lovely|tidy|neat|slick)")
"""Evaluative words that praise a piece of work or conduct."""
WEAK_POSITIVE = (r"(?:great|good|nice|fantastic|amazing|awesome|wonderful|terrific|incredible|"
                 r"fabulous|cool|perfect)")
"""Positive words also used as mere enthusiasm ("great, let's move on")."""
WORK_NOUN = (r"(?:work|job|effort|result|results|outcome|performance|piece of work|call|move|decision|reframe|"
             r"choice|catch|instinct|instincts|thinking|approach|answer|argument|analysis|writing|"
             r"presentation|pitch|draft|delivery|handling|response|fix|solution|stuff|(?:bit|piece) of [\w-]+|"
             r"improvement|achievement|accomplishment|feat|turnaround|skill|practice)")
"""What a verdict may be about; not "idea", "question" or "point", which acknowledge."""

_OTHER_PEOPLE = (r"own|manager|boss|lead|team|colleague|client|mentor|partner|family|mum|mom|dad|friends?|"
                 r"supervisor|director|parents?")
"""After "your", people (and "own"), not the listener's work: "your manager", "your mum"."""
_YOU_DID = re.compile(
    r"\byou(?:'ve| have)? (?:really |just |also |actually |clearly |obviously )?"
    r"(?!(?:had|said|told|asked|mentioned|were|was|thought|felt|wanted|needed|got|did not|didn't)\b)"
    r"(?:[a-z]+ed|did|made|wrote|built|kept|gave|took|ran|found|brought|chose|put|led|drew|held|"
    r"caught|set|shot|sent|spent|won|stood|sold|spoke|taught|told me|showed|shown|done|written|"
    r"built|handled|given|taken|dealt|met|paid|bought)\b"
    r"|\byou (?:really |just |also |actually )?(?!(?:can|could|should|would|will|might|must|may|need|have|had|"
    r"are|were|do|did|don't|didn't|know|think|see|mean|want|feel|get|got|said|say|told|asked)\b)[a-z]{3,} "
    r"(?:it|them|the|that|this|those|these|a|an|your|every|each|all|him|her)\b"
    rf"|\byour (?!(?:{_OTHER_PEOPLE})\b)[\w-]+"
    r"|\byou (?:haven't|havent|have not|hadn't|didn't|didnt|did not|never) (?:really |actually |even |yet )?"
    r"(?!(?:need|have|had|want|know|tell|say|think|mean|get|got|see|seem|feel|like|mind|worry|bother)\b)[a-z]{3,}"
    r" (?:it|them|the|that|this|those|these|a|an|your|any|what|how|why|where|who|whether)\b")
"""The listener's own action or work: "you kept the family calm", "your field notes", "you
haven't recorded what her daughter thinks"."""

_EVALUATION = phrase_pattern(
    rf"\b(?:that|this|it|which|that one|this one)(?:'s| is| was| has been| were| looked| looks| sounded| "
    rf"sounds| read| reads| felt)\s+{INTENSIFIER}{STRONG_POSITIVE}"
    r"(?=$|[,.!?;]| (?:and|but|too|as well|honestly|actually|indeed|of you|work)\b)"
    rf"|\b(?:that|this|it)(?:'s| is| was)\s+(?:a|an|such a|one|some)\s+{INTENSIFIER}"
    rf"(?:(?:{WEAK_POSITIVE}|serious|real|big|huge|major|considerable|significant|massive|genuine)\s+{WORK_NOUN}"
    rf"|{STRONG_POSITIVE}\s+(?:{WORK_NOUN}|one))\b"
    rf"|\b(?:that|this|it)(?:'s| is| was) exactly (?:what|the (?:right|kind|sort))\b"
    rf"|\b(?:that|this|it)(?:'s| is| was) (?:the |a )?(?:sign|mark|hallmark) of (?:a |an |something |real |"
    rf"someone )?{INTENSIFIER}(?:{STRONG_POSITIVE}|{WEAK_POSITIVE}|quality|talent|class)\b"
    rf"|\b(?:and |which |that )?(?:it|that|this|the gamble|the risk|the bet|your (?:[\w-]+ ){{0,3}}?[\w-]+) "
    rf"(?:really |clearly |totally )?paid off\b"
    rf"|\b(?:one of )?the (?:best|clearest|strongest|sharpest|tightest|cleanest|tidiest|neatest|finest|calmest|"
    rf"smartest|most \w+) "
    rf"(?:[\w-]+ ){{0,3}}(?:i(?:'ve| have| had)|i(?:'ve| have) ever|we(?:'ve| have)(?: ever)?) "
    rf"(?:ever )?(?:seen|read|heard|reviewed|come across|had)\b"
    rf"|\b(?:a|an) {INTENSIFIER}model of (?:clarity|calm|composure|how|restraint|professionalism|"
    rf"good practice|efficiency|\w+ness)\b"
    rf"|\bhow {INTENSIFIER}(?:carefully|well|clearly|thoughtfully|calmly|skil+fully|cleverly|"
    rf"neatly|elegantly|quickly|maturely|confidently|rigorously|creatively) you\b")
"""An evaluation of something done: "that was genuinely clever work", "a model of clarity",
"it reflects how carefully you built the argument", "it paid off"."""

_SUBJECT_EVALUATED = re.compile(
    rf"\b(?:the|that|this|those|these|your|a|an)\s+(?:[\w-]+\s+){{0,6}}?(?:was|were|is|are|looked|looks|"
    rf"sounded|sounds|read|reads|came across as|felt|has been|have been)\s+{INTENSIFIER}"
    rf"(?:(?:a|an|one)\s+{INTENSIFIER})?(?:{STRONG_POSITIVE}(?:\s+(?:{WORK_NOUN}|one))?|"
    rf"(?:{WEAK_POSITIVE}|serious|real)\s+{WORK_NOUN})\b(?!\s+(?:question|idea|to (?:hear|know|see))\b)"
    rf"|\b(?:[\w-]+\s+){{1,5}}(?:is|was)\s+(?:a|an)\s+{INTENSIFIER}(?:{STRONG_POSITIVE}|serious|real|considerable|"
    rf"significant|genuine)\s+"
    rf"{WORK_NOUN}\b")
"""A named piece of work judged: "eleven percent in a week is a serious result"."""

_STRONG_VERDICT = re.compile(rf"\b(?:was|were|is|are|looked|looks|sounded|sounds|read|reads|felt)\s+(?:(?:a|an)\s+)?"
                             rf"{INTENSIFIER}{STRONG_POSITIVE}\b")
"""A strong verdict in the predicate, for a named piece of work in a turn about the listener's
work ("the cold open with the voicemail is a brilliant hook")."""
_WORK_VERDICT = re.compile(rf"\b{WORK_NOUN}$|\bone$")
_EXCLAMATION = re.compile(
    rf"^(?:{INTENSIFIER}(?:{STRONG_POSITIVE}|{WEAK_POSITIVE}|top|top-notch|cracking|ripper|quality)\s+"
    r"(?:work|job|effort|thinking|catch|call|instincts?|result)|"
    r"(?:top|cracking|ripper|quality|class) (?:effort|work|job|stuff))[!.]?$")
"""A bare verdict on what was done: "Top effort.", "Lovely work!"; not "great stuff"."""

TRAILING_VERDICT = re.compile(
    rf"^(?:(?:and|also|oh|oh and|plus)[,\s]+)*(?:the|your|that|those|this) [\w' -]{{3,60}}?, "
    rf"{INTENSIFIER}(?:{STRONG_POSITIVE}|first[- ]class|top[- ]notch|spot on|lovely work|great work)[.!]?$")
"""A bare verdict after naming a piece of work: "And the photo of the drying racks, brilliant."."""

_POSITIVE_PREDICATE = re.compile(
    rf"\b(?:was|were|is|are|looked|looks|sounded|sounds|reads|came across as|felt)\s+(?:(?:a|an|such a)\s+)?"
    rf"{INTENSIFIER}(?:{STRONG_POSITIVE}|{WEAK_POSITIVE}|gorgeous|stunning|first-class|first class|top-class|"
    rf"inspired|spot on|exactly right|just right)\b(?!\s+(?:question|idea|to (?:hear|know|see))\b)"
    r"|\b(?:was|is|were) exactly (?:the|what)\b"
    r"|\b(?:which|that|it|and that|and it) (?:really )?(?:made|makes) (?:[\w']+ ){0,4}(?:so much |much |a lot |way )?"
    r"(?:easier|better|simpler|smoother|clearer|possible)\b")
"""A positive verdict in the predicate: "... was first-class service", "... is gorgeous"."""

_PRIDE = re.compile(
    r"\bi(?:'m| am) (?:really |so |very |incredibly )?proud of (?:how|what|the way|your|the work)\b"
    r"|\bhow far (?:your [\w-]+(?: [\w-]+)? ha(?:s|ve)|you(?:'ve| have)) come\b"
    r"|\b(?:bravo|kudos|hats off|well played) (?:on|for)\b"
    r"|\b(?:a real|a big|a huge|a serious|quite a) step up from\b")
"""Pride in the listener's growth or work: "I'm proud of how far your modelling has come"."""

_COMPOSURE = re.compile(
    r"\byou (?:kept|stayed|remained|held) (?:a |your )?(?:cool head|cool|calm|composed|nerve|composure|"
    r"head|focus|professional)\b|\byou (?:didn't|never) (?:panic|flinch|lose your (?:cool|nerve|head))\b")
"""Composure under pressure, said of the listener."""

REPORTED_ACTION = re.compile(
    r"\b(?:i|we) (?:just |finally |actually |already |also )?"
    r"(?!(?:had|was|were|felt|thought|said|wanted|needed|tried|used|got stuck|failed|lost|missed)\b)"
    r"(?:re)?(?:[a-z]+ed|did|made|wrote|built|ran|won|sent|got|gave|took|led|sold|shipped|finished|passed|"
    r"presented|submitted|delivered|launched|closed|landed|handled|managed)\b"
    r"|\b(?:went up|went down|came in|was accepted|got accepted|accepted it|signed off|went live|"
    r"worked)\b"
    r"|\bi(?:'d| would) rather (?:aim|focus|do|go|wait|take)\b|\bi(?:'ve| have) decided\b|\bi want to change it\b")
"""The other person's report of something they did ("I submitted the essay last Tuesday"), or
of a decision they took ("I'd rather aim for the certificate first")."""

_ENTHUSIASM = re.compile(
    r"^(?:(?:oh|wow|okay|ok|so|well|yeah|yes|right)[,!\s]+)*(?:that's|that is|sounds|what) "
    r"(?:a |an |so )?(?:really )?(?:great|good|nice|fantastic|amazing|awesome|perfect|lovely|"
    r"brilliant|wonderful|cool|fine|exciting|fun|interesting|fair|realistic|doable)"
    r"(?:\s+(?:goal|plan|idea|question|point|start|one|thing|news))?[!.]?$")
"""Enthusiasm or acknowledgement on its own ("That's a great goal.")."""


_CREDIT = re.compile(
    r"\b(?:that's|that is|that was|it's|it is|it was|this is|this was) (?:(?:all|entirely|completely|totally|mostly|"
    r"really) )?(?:down to you|thanks to you|because of you|your doing)\b"
    r"|\b(?:(?:that|it|this)(?:'s| is| was) not|(?:that|it|this) (?:wasn't|isn't)) (?:just |simply |only |down to |"
    r"pure |dumb |blind )?(?:luck|a fluke|an accident|chance)\b"
    r"|\bi(?:'m| am) (?:really |so |very |genuinely |truly |incredibly )?proud of (?:that|this|you)\b")
"""Credit given to the listener: "that's down to you", "that wasn't luck", "I'm genuinely
proud of that" (said of the listener's work: the caller checks the turn is about it)."""


def credits_listener(norm: str, turn_about_listener: bool) -> bool:
    """Credit given to the listener for their work (the negation in "that wasn't luck" is
    part of the praise)."""
    match = _CREDIT.search(norm)
    return match is not None and (turn_about_listener or bool(re.search(r"\byou\b", norm))) \
        and not re.search(r"\b(?:if|would|whether)\b", norm[:match.start()])


_STANDOUT = re.compile(
    r"\b(?:that's|that is|that was|it's|it is) (?:a |one )?(?:real |genuine |big |definite |huge )?"
    r"(?:strength|skill|talent|gift) (?:of yours|you(?:'ve| have) got|you have)\b"
    r"|\byour (?:[\w'-]+ ){1,3}(?:is|are|was|were) (?:easily |probably |genuinely |honestly |by far |still |"
    r"also |really |definitely )?the "
    r"(?:best|cleanest|clearest|strongest|tidiest|neatest|sharpest|most [\w-]+) (?:in|on|of|i've|i have|we've)\b"
    r"|\byou(?:'re| are) (?:so |much |a lot |way |far |miles )*(?:more [\w-]+|[\w-]+er) than you were\b"
    rf"|\byour (?!(?:{_OTHER_PEOPLE}|kids?|children|son|daughter|husband|wife|face|camera|mic|audio|video|screen|"
    r"connection|internet)\b)(?:(?!(?:which|that|who|um|uh|and|but)\b)[\w-]+ ){1,3}?"
    r"(?:is|are|was|were|has been|have been|looks|look|looked) (?:clearly |really |actually |definitely |genuinely |"
    r"honestly |so |much |way |a lot |loads )*(?:fine|good|great|lovely|solid|sound|spot on|bang on|"
    r"(?:clean|tight|neat|tidi|strong|clear|sharp|fast|quick|calm|steadi|smooth)er|better)\b"
    r"(?! (?:than (?:mine|that|this)|now\?|if|when)\b)")
"""The listener set apart: "that's a real strength of yours", "your continuity records are the
cleanest in the section", "you're so much more organised than you were this time last year";
and the listener's work judged good in the predicate: "your grafting is clearly fine", "your
unisons are cleaner too" (not the listener's face, mic, manager or family)."""


def evaluates_work(norm: str, turn_about_listener: bool, after_report: bool, report: str = "") -> bool:
    """Does the sentence praise what the listener did? `turn_about_listener`: the sentence's
    turn speaks of the listener's own work; `after_report`: the other person has just
    reported an action of theirs, `report` what they said."""
    if _ENTHUSIASM.match(norm):
        return False
    if _COMPOSURE.search(norm) or _EXCLAMATION.match(norm) or _PRIDE.search(norm) or _STANDOUT.search(norm):
        return True
    about_listener = turn_about_listener or after_report
    if EXCEEDED.search(norm) or ABOVE_OTHERS.search(norm) or ((IT_WORKS.search(norm) or WHAT_WE_WANT.search(norm))
                                 and (about_listener or _YOU_DID.search(norm))):
        return True
    if _EVALUATION.search(norm):
        return about_listener or bool(_YOU_DID.search(norm))
    judged = _SUBJECT_EVALUATED.search(norm)
    if judged:
        # After a report, a verdict on something named counts when it judges work ("eleven
        # percent in a week is a serious result"), not a bare adjective ("the venue was lovely").
        # A verdict whose subject names what was just reported refers back to it ("I had the
        # mails purged by nine fifteen" - "an hour and a quarter from report to purge is excellent").
        return bool(_YOU_DID.search(norm)) or (after_report and bool(_WORK_VERDICT.search(judged.group(0)))) \
            or (bool(report) and shares_stem(judged.group(0).rsplit(" is ", 1)[0], report)) \
            or (turn_about_listener and bool(_STRONG_VERDICT.search(judged.group(0))))
    did = _YOU_DID.search(norm)
    return did is not None and _POSITIVE_PREDICATE.search(norm, did.end()) is not None


def criticises_habit(norm: str) -> bool:
    """The listener's habit, put as a critique ("you tend to give me the answer straight away")."""
    return bool(_HABIT_CRITIQUE.search(norm))


def speaks_of_listener(norm: str) -> bool:
    """Does the sentence refer to the listener's action or work?"""
    return bool(_YOU_DID.search(norm))


# ---------------------------------------------------------------- appreciation of mentoring

_MENTORING = (r"(?:you|your (?:[\w-]+ ){0,3}?(?:advice|tips?|suggestions?|feedback|idea|ideas|"
              r"framework|analogy|example|examples|question|questions|push|nudge|notes|help|"
              r"point|pointers|perspective|input|reframe|trick|exercise)(?: [\w-]+){0,12}?|"
              r"(?:these|our|the|this|today's) (?:sessions?|calls?|chats?|conversations?|talks?|"
              r"catch-ups?|meetings?)|this|that|it|today|talking (?:to|with) you|having you|"
              r"talking (?:this|it|things|that) (?:through|over)(?: with you)?|"
              r"having someone(?: [\w'-]+){0,6}?|the way you (?:[\w-]+ ){1,6}?|tonight|this evening)")
APPRECIATION = re.compile(
    rf"(?:^|, |\band (?:thanks,? |thank you,? |honestly,? )?|\bthanks,? |\bbut |\b(?:say|admit|tell you) (?:that )?)"
    rf"(?:(?:and|honestly|also|but|so|thanks|thank you|incidentally|by the way|seriously|mate)[,\s]+)*"
    rf"{_MENTORING}(?:'s| (?:has|have|is|are|was|were))?(?: been)?(?: \w+ly| really| so| just| all| always| still"
    rf"| truly)*"
    r" (?:help|helps|helped|saved me|saved my|keeps? me (?:sane|going|grounded|on track)|"
    r"kept me (?:sane|going)|makes? a (?:\w+ )?difference|made a (?:\w+ )?difference|"
    r"made (?:it|things|everything) click|clicked|got me through|changed how i|takes? the edge off|took the edge off|"
    r"made me (?:a lot |much |so much |far |way )?(?:braver|bolder|calmer|more (?:confident|comfortable|willing|"
    r"assertive|organised|organized|patient)|less (?:anxious|scared|afraid|nervous|worried)|better at)|"
    r"calms? me down|clears? my head|puts? things in perspective|gives? me (?:clarity|perspective|confidence|a plan)|"
    r"(?:\w+ )?(?:invaluable|priceless|gold|a lifeline|a life-saver|a lifesaver|a godsend))\b"
    r"(?! to (?:hear|know|say))"
    r"|\byou(?:'re| are) (?:such )?(?:a|an) (?!(?:new|busy|former|first-time|volunteer|assigned|"
    r"official|formal)\b)(?:[\w-]+ )?(?:mentor|coach|teacher|sounding board|listener)\b")
"""The mentee's appreciation of the mentoring: "these sessions help", "your suggestion was
invaluable", "the way you explained it made it click", "you're a ripper mentor"."""
_NOT_APPRECIATION = re.compile(r"\b(?:would|could|might|if|whether|didn't|doesn't|don't|not|never)\b")


def appreciates_mentoring(norm: str) -> bool:
    """The mentee's appreciation of the mentor's help, not hypothetical or negated."""
    if BARE_THANKS.match(norm):
        return False
    match = APPRECIATION.search(norm)
    return match is not None and not _NOT_APPRECIATION.search(match.group(0))


# ---------------------------------------------------------------- directives

_LEAD = re.compile(
    r"^(?:(?:so|and|also|then|okay|ok|right|now|but|well|honestly|look|listen|instead|plus|"
    r"maybe|perhaps|just|definitely|really|seriously|first|second|third|finally|otherwise|"
    r"(?:one|two|three)(?=[,:])|"
    r"here's (?:a|an|one|my) (?:thought|idea|suggestion|tip)|one (?:more )?(?:thing|thought|idea|"
    r"tip|observation)|(?:a|one) (?:small |quick |little )?(?:thought|observation|tip|idea)|"
    r"(?:one |a )?(?:practical|concrete|quick|small|simple) (?:thing|tip|suggestion|idea|step)|"
    r"my advice|the trick|the fix|the key)[,:!\s-]+)*")
_NOT_IMPERATIVE = frozenset("""
a an the i you we he she they it its it's this that these those there here what when where why how who
which whose if so and but or because though although while since until unless as like about above after
before below by during for from in into of off on onto out over than through to under up with without
yes yeah yep no nope not okay ok right sure well oh ah wow hey hi hello thanks thank sorry please
great good nice cool fine perfect lovely awesome fantastic brilliant wonderful amazing excellent
congrats congratulations cheers bye goodbye see enjoy have had has was were is are be been being am
does did done will would could should might may must can shall let let's lets tell talk
maybe perhaps probably definitely really just also then now even still only actually basically
honestly literally anyway besides otherwise instead both each every all any some many much more
most less least few several other another such same own my your our their his her me us them him
mine yours ours theirs everyone everybody someone somebody nobody anyone anything something nothing
everything same one two three four five six ten first second last next new old big small
bet guess imagine picture suppose say said mind bear hang hold wait stay remind welcome excuse
pardon forgive believe hope wish thought think know feel felt sounds sound looks look seems
seem mean meant kind sort lot bit mate dude man guys folks today tomorrow yesterday tonight
always never sometimes often usually once twice again already yet too very quite pretty rather
ugh hmm um uh er erm mm ha haha lol wait whoa yay oops alright love loved oof ouch yikes crikey blimey gosh geez
jeez damn phew aw aww glad sad happy true exactly totally absolutely agreed fair noted understood
interesting funny weird strange lucky shame pity typical classic bad scratch forget ignore disregard
strike whatever whichever whoever however wherever whenever monday tuesday wednesday thursday friday
saturday sunday january february march april june july august september october november december
""".split())
"""First words that do not make an imperative (function words, interjections, verbs of
conversation such as "see", "imagine", "bet", "tell")."""
_OBJECT = frozenset("""
the a an your my one some that this those these it them him her yourself yourselves up out down off
back two three four five each every more less any all what how whatever everything something
""".split())
"""Words that follow an imperative verb: its object or particle."""
_VERB_FIRST = frozenset(TASK_VERBS | set("""
reuse rethink reframe redo repeat rehearse record knock cut drop trim pair lean lead open start stop
keep protect guard block cap limit batch anchor swap split bundle group flip move shift turn spell
name own claim frame pitch sell sleep rest breathe slow speed push pull say ask bring show focus
note notice write read watch listen practise practice prep prepare plan build pick choose aim
switch play stick change offer mark flag
""".split()))
"""Verbs common in advice that make an imperative whatever follows them."""
_TASK_REQUEST = frozenset("""
add send email share forward post upload submit book schedule reschedule cancel invite call text message
ping reply remind confirm circulate print sign register enrol enroll attend join rebook go get grab come
fill complete finish update order pay buy hand file list log copy print download install open
""".split())
"""Verbs whose bare imperative usually asks for a task ("add the handoff project", "go find
better wi-fi") rather than advises, unless it says how ("go slowly")."""
_SCENE = re.compile(
    r"^(?:next (?:time|month|week|year|round|quarter)|for (?:the|your|this|that|those|these) [\w' -]{2,30}?|"
    r"when(?:ever)? [\w' -]{2,40}?|if [\w' -]{2,40}?|before [\w' -]{2,30}?|after [\w' -]{2,30}?|"
    r"in (?:the|your) [\w' -]{2,30}?|going forward|from now on|this time)[,:] ")
"""A clause setting the scene before an imperative: "Next month, try a loyalty card"."""
_MANNER = re.compile(
    r"\b(?:instead of|rather than|not|every|each|per|always|never|only|first|before you|when you|"
    r"whenever|so (?:that|you|it|they|people)|that way|otherwise|on your own|yourself|one at a time|"
    r"in one go|up front|early|earlier|slowly|properly|carefully|ahead)\b")
"""How to do it: the mark of advice in an imperative of a task verb ("do one timed section
every day instead of full tests")."""
_SCENE_UNPUNCTUATED = re.compile(
    r"^(?:when|whenever|if|once|before|after) (?:[\w']+ ){2,8}?(?=(?:get|ask|tell|try|use|make|put|write|take|keep|"
    r"stop|start|bring|show|pick|focus|cut|give|lead|open|pause|slow|push|find|check|loop|talk|go back)\b "
    r"(?:your|the|them|him|her|it|a|an|that|this|someone|one|to|back|with|for)\b)")
"""A scene-setting clause in speech without commas: "when a deal stalls in legal get your
champion to ask"."""
_GET_SOMEONE = re.compile(r"^get (?:your|the|them|him|her|someone|somebody|a) (?:[\w-]+ ){0,3}?to [a-z]+")
"""A causative imperative: "get your champion to ask legal what is blocking"."""
_HAVE_A = re.compile(r"^have (?:a|another) (?:word|chat|talk|conversation|go|look|think|crack|try|read|rest|"
                     r"break|proper look) (?:with|at|about|through)\b")
"""An imperative idiom of "have": "Have a word with Priya in legal"."""
_LABEL = re.compile(r"^[\w'-]+,|^[\w'-]+ (?:one|two|three|four|five|\d+)(?:,|$)")
"""A word repeated or numbered ("test, test", "camera one, camera two") names, not orders."""
_FINITE = frozenset("""
got gets was were is are has had went goes became becomes seems seemed felt feels looks looked will would
can could should might must did does do kept keeps made makes took takes came comes ran runs 's
""".split())
"""A finite verb after the first word makes it a subject ("work got crazy"), not an imperative."""
_ADDRESSED_TO_SPEAKER = re.compile(r"^\S+ (?:me|us|me,|us,)\b|^\S+ (?:it |that |this )?(?:to|with) (?:me|us)\b")


def imperative(norm: str) -> bool:
    """Is the sentence a directive by its shape: a verb-like first word (after discourse
    lead-ins) followed by an object, a determiner or a particle? "Reuse the same approach",
    "Knock that on the head"; not "Thanks for the notes", "See you then", "Send me the deck"."""
    body = _LEAD.sub("", norm).strip(" ,")
    body = _LEAD.sub("", _SCENE.sub("", body)).strip(" ,")
    body = _SCENE_UNPUNCTUATED.sub("", body)
    if _HAVE_A.match(body) or _GET_SOMEONE.match(body):
        return True
    if re.match(r"consider\s+(?:it|that|this|them|(?:the|my|your)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+"
                r"(?:done|sorted|handled)\b", body):
        return False  # the speaker's own promise, not a directive
    words = re.findall(r"[a-z][a-z'-]*", body)
    if len(words) < 3 or _ADDRESSED_TO_SPEAKER.match(body) or _LABEL.match(body):
        return False
    first, second = words[0], words[1]
    if first in _NOT_IMPERATIVE or first.endswith(("ed", "ing", "ly", "'s", "'ll", "'re", "'ve", "'d")):
        return False
    if first.endswith("s") and not first.endswith(("ss", "us")):
        return False
    if second in _FINITE or second.endswith("ed"):
        return False
    if first not in _VERB_FIRST and any(w in {"is", "are", "was", "were"} for w in words[2:5]) \
            and "," not in body.split(" is ")[0]:
        return False  # "half a page is a start": a noun phrase and its verb
    if first in _TASK_REQUEST and not _MANNER.search(body):
        return False
    return second in _OBJECT or (first in _VERB_FIRST and second not in {"is", "was", "are", "were", "'s"})


_MODAL_YOU = re.compile(
    r"(?<!\bso )(?<!\bthat )(?<!\bif )(?<!\bwhen )(?<!\bwhere )(?<!\bthan )(?<!\bwhich )"
    r"\byou (?:could|might|may want to|might want to|could always|might try|may wish to|ought to|"
    r"could even|could also|might also|should also|should probably|might consider|should) "
    r"(?!(?:be|see|tell|hear|imagine|say|have|know|remember|feel|guess|notice|argue|call|get away|"
    r"find that|think|expect|wonder|recall|recognise|recognize|like|enjoy|already|do (?:it|that|this)$)\b)"
    r"[a-z']{2,}")
"""A second-person modal suggestion: "you could read it out loud"."""
_HABIT_CRITIQUE = re.compile(
    r"(?<!\bsince )(?<!\bbecause )(?<!\bas )(?<!\bwhile )(?<!\bwhen )"
    r"(?<!\bcould )(?<!\bcan )(?<!\bwould )(?<!\bwill )(?<!\bto )"
    r"\byou(?:r [\w-]+(?: [\w-]+)?)? (?:tend to|tends to|always|often|keep|constantly|sometimes) "
    r"(?!(?:deliver|do (?:well|great)|get it right|nail|impress|help|make me|bring|come through|"
    r"breaking up|cutting out|freezing|dropping|going quiet|asking|say|said)\b)[a-z']+"
    r"|\byou (?:do|did|say|said) (?:it|that|this) (?:every time|all the time|a lot|heaps|twice|again)\b"
    r"|(?<!\bthank )(?<!\bsee )(?<!\bif )(?<!\bwhen )\byou (?!(?:i|we|can|could|would|will|should|might|may|must|need|"
    r"have|had|are|were|do|don't|did|didn't|know|think|"
    r"feel|want|get|got)\b)[a-z]+ (?:[\w'-]+ ){0,3}?(?:far |way |much |a bit |a little )?too (?:much|often|early|late|"
    r"fast|quickly|soon|hard|little|cheap|cheaply)\b"
    r"|\byou (?:under|over)(?:charge|price|sell|explain|think|promise|commit)\b"
    r"|(?:^|[,;]\s*|\b(?:but|and|just|thing is|only thing is)\s+)(?:sometimes|often|a lot of the time) you "
    r"(?:kind of |sort of |do )?(?!(?:need|have|want|can|could|might|get to|just have)\b)[a-z']+"
    r"|\byou (?:talk|put|sell|run) yourself down\b"
    r"|\byou (?!(?:help|care|work|listen|prepare|learn|improve|read|practi[cs]e|think)\b)[a-z]{3,} (?:a lot|too much|"
    r"too often|all the time|every time|constantly|heaps)\b")
"""The listener's habit, put as a critique: "your emails tend to open with context", "you
apologise to clients far too much", "you undercharge"."""


SOMEONE_WHO_COULD = re.compile(
    r"^(?:(?:so|and|also|then|okay|ok|well|but)[,\s]+)*(?:is there|are there|isn't there|do you have|have you got) "
    r"(?:someone|anyone|somebody|anybody|any(?: [\w-]+){1,3}|a [\w-]+(?: [\w-]+){0,3}) (?:(?:[\w-]+ ){0,3}?)"
    r"(?:who|that|you) (?:\w+ )?(?:could|can|might|would) (?:\w+ )?(?:take|help|share|cover|lead|run|do|handle|"
    r"step in|pick up|lend)\b")
"""A question proposing help from someone, asked of a difficulty just raised: "is there a group
leader you trust who could take some of the demonstration days?"."""


ADVICE_QUESTION = re.compile(
    r"^(?:(?:so|and|also|then|okay|ok|well|but)[,\s]+)*(?:could|can|would|might) you (?:maybe |perhaps |also |not |"
    r"just )?(?:try|push for|push back|pair with|block out|protect|delegate|negotiate|say no)\b"
    r"(?! me\b| us\b| for me\b)"
    r"|\bwould you (?:maybe |perhaps |ever )?consider \w+ing\b"
    r"|\bwould you be (?:open|up for|willing) (?:to )?(?:a (?:little |small )?(?:experiment|trial|test)|try(?:ing)?)\b"
    r"|\bhave you (?:ever )?(?:considered|thought about|tried) [a-z]+ing\b")
"""A question asking the listener to change how they work: "could you push back on the
deadline?"; "can you ask Maria for the recordings?" asks for a task instead."""


WHAT_WOULD_HAPPEN = re.compile(r"\bwhat would (?:it look like|happen) if you (?:just |actually )?[a-z]{3,}")
"""A question that has the listener imagine a step: "what would it look like if you went to
tomorrow's, just to listen?"."""


_HEDGED = re.compile(
    r"\bi(?:'m| am)? wonder(?:ing)? (?:if|whether) (?!you (?:could|can|would) (?:send|share|give|tell)\b)"
    r"(?=[^?]*\b(?:would|could|might|may)\b)"
    r"|\b(?:in your (?:shoes|position|place)|were i you|if i was you),? i(?:'d| would)\b"
    r"|(?<!\bi )(?<!\bi'll )(?<!\bwe )(?<!\bto )(?<!\bwill )(?<!\bcan )(?<!\blet me )(?<!\byou'll )"
    r"(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bgoing to )(?<!\bcould )(?<!\bshould )(?<!\bi'd )"
    r"\btry (?:\w+ing\b|to (?!be\b)\w+|not to)"
    r"|\bsomething to (?:consider|think about|try|keep in mind)\b|\bit might be an idea to\b"
    r"|(?:^|[,.;:]\s*|\b(?:so|and|but)\s+)(?:what (?:works|helps|tends to work) (?:much |a lot |far )?(?:better|best)|"
    r"the (?:trick|key|secret)(?: here)?) is (?:to |a |an |usually |just |often |always )")
"""Hedged advice: "I wonder if a phone call would cut through", "in your shoes I'd write
three bullet points", "try standing near the back row", "something to consider: ...", "what
works better is a short, quiet word"."""


def suggests(norm: str) -> bool:
    """A second-person modal suggestion, hedged advice or a criticised habit of the listener."""
    return bool(_MODAL_YOU.search(norm) or _HABIT_CRITIQUE.search(norm) or _HEDGED.search(norm))


# ---------------------------------------------------------------- difficulties

DIFFICULTY = phrase_pattern(
    r"\bi(?:'ve| have)? (?:lose|waste|lost|wasted|burn|sink|sunk) (?:\w+ ){0,3}?(?:an? |\w+ )?(?:hours?|days?|time|"
    r"mornings?|evenings?|weekends?|afternoons?|weeks?|months?|nights?)\b"
    r"|\b(?:i(?:'m| am)|we(?:'re| are)) (?:still |now |already )?(?:(?:a|an|one|two|three|four|five|six|"
    r"several|a few|\d+|a couple of) )?(?:\w+ )?(?:weeks?|days?|months?|chapters?|sessions?|modules?|"
    r"shifts?) behind\b"
    r"|\b(?:i(?:'m| am)|we(?:'re| are)) (?:still |already )?(?:way |well |really |badly |so |a bit |"
    r"a little |falling |getting )?behind (?:on|with|where|schedule|in)\b"
    r"|\b(?:nobody|no one|no-one|not anyone|not a single person)(?: [\w'-]+){0,4}? "
    r"(?:i can|i could|to) (?:go to|ask|talk to|turn to|escalate to|check with|sanity[- ]check|"
    r"review|bounce|lean on|help)\b"
    r"|\b(?:there's|there is) (?:\w+ )?(?:nobody|no one)\b"
    r"|\b(?:it|this|that|they|he|she|work|the job|[\w-]+ing)(?: has been| have been| is| are| was| keeps)?"
    r"(?: really| just| slowly)? (?:wore|wears|wearing|"
    r"ground|grinds|grinding) me down\b"
    r"|\b(?:it|this|that|work|the job|everything|[\w-]+ing)(?: really| just| honestly)? (?:drains?|drained|"
    r"exhausts?|exhausted|overwhelms?|overwhelmed|stresses|stressed|scares?|scared|terrifies|frustrates?|"
    r"frustrated|paralyses|paralyzes|wrecks?|wrecked|burns?) me(?: out)?\b"
    r"|\b(?:keeps? |then |always |still )(?:crash(?:es|ing)|fail(?:s|ing)|break(?:s|ing)|fall(?:s|ing) over|"
    r"time(?:s|ing) out)\b|\b(?:and then|then) (?:crashes|fails|breaks|dies)\b"
    r"|\bwon't (?:run|compile|converge|load|build|start|work)\b"
    r"|\bi(?:'m| am) the only (?:[\w-]+ ){0,2}(?:person|one|woman|man|junior|engineer|designer|"
    r"analyst|nurse|teacher|developer|researcher)\b"
    r"|\bkeeps? (?:cancel|los|chang|mov|ignor|reject|delay|drop|forget|push|bounc|overrid|overrul|"
    r"block|interrupt|bump|reschedul|postpon)\w* (?:my|our|me|us)\b"
    r"|\b(?:don't|do not|doesn't|does not|won't|never) take (?:my|me|us|our) (?:\w+ )?seriously\b"
    r"|\bi(?:'m| am) (?:never|not|rarely) (?:certain|sure|clear) (?:who|whom|how|what|where|which) "
    r"(?:to|i (?:can|should))\b"
    r"|\bi (?:can't|cannot|couldn't|can never|could never) (?:seem to |ever |even )?(?:get|make|convince|"
    r"persuade) (?:[\w-]+ ){1,4}?to (?:\w+ )?[a-z]{2,}"
    r"|\bi (?:can't|cannot|couldn't|can never|could never) (?:seem to |ever |even )?(?:get|find|book|land|"
    r"reach|secure) (?!over\b|enough of\b|used to\b|why\b|it\b|that\b)[\w-]+"
    r"|\bon top of (?:my|the|all (?:my|the)) (?:[\w-]+ )?(?:work|job|day job|management|caseload|studies|shifts)\b"
    r"|\bi(?:'ve| have) (?:re\w+|tried|redone|started) (?:[\w-]+ ){0,4}?(?:like )?(?:\w+|\d+) times\b"
    r"|\b(?:it|this|that|they|she|he)(?: still)? (?:sounds|looks|feels|reads|comes across) "
    r"(?:so |really |kind of |a bit |totally )?(?:fake|wrong|off|flat|forced|clunky|awful|terrible|"
    r"stiff|bland|generic|robotic)\b"
    r"|\b(?:i|we)(?: just)? (?:have|has|'ve got|got) (?:zero|no|little|not much|hardly any) "
    r"(?:experience|idea|background|training|support|budget|time|help)\b"
    r"|\b(?:i(?:'m| am)|we(?:'re| are)|i(?:'ve| have) been|we(?:'ve| have) been) (?:absolutely |completely |"
    r"totally |just |so |really )?(?:flat out|run off (?:my|our) feet|snowed under|slammed|drowning in|"
    r"short-staffed|understaffed|under-resourced|doing the work of (?:two|three|four|\w+ people))\b"
    r"|^(?:flat out|slammed|snowed under|run off my feet|swamped)(?:,? (?:mate|honestly|really))?[!.]?$"
    r"|\b(?:we(?:'re| are)|i(?:'m| am)) (?:(?:one|two|three|four|a|\d+) )?(?:people|staff|nurses|"
    r"engineers|hands|\w+ers|\w+ists) (?:down|short)\b"
    r"|\bi (?:haven't|have not|hadn't) had (?:a |one )?(?:proper |real |single )?(?:break|day off|holiday|"
    r"weekend|lunch(?: break)?|night's sleep|minute|evening off)\b"
    r"|\b(?:i|we) (?:freeze|froze|panic|blank) (?:at|when|whenever|in|on|every)\b"
    r"|\b(?:drifting|slipping|falling) (?:away from|behind on|behind with|behind)\b"
    r"|\b(?:crowded out|eaten up|swallowed) (?:all |any |my )?(?:\w+ )?(?:time|energy)\b"
    r"|\b(?:people|they|everyone|the others) (?:has |have )?(?:continue|continued|carry on|carried on|move on|"
    r"moved on|gone on|talk|talked) without me\b"
    r"|^(?:(?:a lot|much|way|so much|far) )?(?:harder|tougher|worse|messier) than (?:i|we) (?:thought|expected|hoped)\b"
    r"|\b(?:won't|don't|doesn't|never|refuse to|wouldn't|will not|do not|does not) (?:even |really )?(?:listen to|"
    r"talk to|respect|trust|help|include|back|take orders from|take me) (?:me|us)\b"
    r"|\brunning on (?:fumes|empty)\b"
    r"|\b(?:hasn't|haven't|has not|have not|never|didn't|doesn't|don't) (?:even )?(?:replied|reply|responded|respond|"
    r"answered|answer|got back|gotten back|get back|returned|return) (?:to )?(?:my|me)\b"
    r"|\bi (?:get|got|go|get really|get so) (?:so |really |all )?(?:tongue-tied|flustered|rattled|defensive|"
    r"shy|awkward|stuck|lost|nervous|anxious)\b"
    r"|\bi (?:don't|do not|can't|cannot|still don't) (?:really )?(?:understand|get|see|figure out|work out) "
    r"(?:why|how|what)\b"
    r"|\b(?:doubting|questioning|wondering) (?:whether|if) i(?:'m| am| can| should| have)\b"
    r"|\b(?:whether|if) i(?:'m| am) (?:really )?cut out for\b|\bnot (?:sure i'm |really )?cut out for\b"
    r"|\bi(?:'m| am) the one (?:taking|getting|left|dealing|picking up|cleaning up|who (?:gets|has to|takes))\b"
    r"|\b(?:has|have|keeps?|kept) (?:missed|blown|slipped) (?:\w+ ){0,2}(?:deadlines?|dates|deliveries|payments|"
    r"targets?|milestones?)\b"
    r"|\b(?:my|our) [\w-]+(?: [\w-]+)? (?:is|are) (?:still )?(?:all over the place|shaky|wobbly|a mess|not there yet|"
    r"nowhere near|going nowhere|falling apart)\b"
    r"|\b(?:keeps?|kept) (?:getting |being )(?:reassigned|moved|changed|rescheduled|bumped|dropped|replaced|swapped)\b"
    r"|\b(?:gets?|got|getting) (?:so |really |very )?(?:defensive|angry|annoyed|upset|irritated|snappy|cross|"
    r"hostile)\b(?=[^.?!]*\b(?:when i|with me|at me|if i)\b|\s*[.!]?$)"
    r"|\b(?:is|are|'s|has been) (?:still )?(?:a )?(?:(?:real|big|huge|major|constant) )?"
    r"(?:problem|struggle|issue|battle|nightmare) for me\b")
"""A difficulty the speaker owns, by its effect rather than a feeling word: time lost,
falling behind, nobody to turn to, others' obstruction, repeated failure, overload."""

_MINE_MORE = (
    # load beyond capacity: too much on, no capacity, no time, firefighting, long hours
    r"\b(?:i|we)(?:'ve| have)? (?:got |have )?(?:way |far |just |a bit |so much )?too much on\b"
    r"|\b(?:i|we) (?:just |really |honestly |simply )?(?:don't|do not|haven't|have not) (?:got |have )?"
    r"(?:the |any |enough )?(?:bandwidth|capacity|headspace|head space|headcount|resources)\b"
    r"|\bi (?:haven't|have not|hadn't) (?:had|found) (?:the |a )?(?:time|chance|minute|moment|energy|headspace) to\b"
    r"|\b(?:i'm|i am|we're|we are|i've been|we've been) (?:\w+ )?firefighting\b"
    r"|\bi(?:'m| am|'ve been| have been) (?:\w+ )?(?:working|staying (?:up|late)|up) (?:late )?(?:most|every|all|"
    r"till|until|into the|through the) (?:evenings?|nights?|weekends?|midnight|night|the night)\b"
    # lacking what the work needs, being kept out
    r"|\bi (?:don't|do not|haven't|have not)(?: got| have| get)? (?:the |any |enough |much )?(?:authority|power|"
    r"a say|access|skills|clout|seniority|backing|visibility|training|tools)\b"
    r"|\bi(?:'m| am) not (?:allowed|permitted|trusted|given (?:the|any))\b"
    r"|\bi (?:can't|cannot|couldn't|never|don't) (?:seem to )?(?:switch|turn|shut) off\b"
    r"|\bi (?:got|received|had|'ve had|have had) (?:some |a |really |very |pretty |quite )*(?:harsh|tough|brutal|"
    r"negative|bad|critical|difficult|rough) (?:feedback|review|appraisal|performance review|comments?)\b"
    r"|\bi(?:'ve| have)? (?:made|make) (?:a |some |a big |a huge |a stupid |a silly |a real |the same )?"
    r"(?:mistakes?|errors?|blunders?)\b(?! (?:is|are) (?:fine|ok|okay|normal)\b)"
    # people lost
    r"|\b(?:we|i)(?:'ve| have)? lost (?:two|three|four|five|a couple of|several|\d+|half (?:of )?(?:our|the)) "
    r"(?:\w+ )?(?:people|staff|engineers|members|colleagues|nurses|hands|developers|teachers|volunteers)\b"
    # self-doubt about fit and direction
    r"|\bi (?:don't|do not|honestly don't|really don't) know (?:if|whether) (?:i'm|i am|i'll|i will|i can|"
    r"i should|this is|it's|i'm cut)\b"
    r"|\bi (?:don't|do not|never) (?:really )?(?:feel (?:like )?i (?:belong|fit)|fit in|feel at home)\b"
    r"|\bi(?:'ve been|'m| am| have been)? feeling (?:really |a bit |quite |so |pretty |kind of |very )?"
    r"(?:flat|low|down|meh|rubbish|blah|unmotivated|stuck)\b(?! (?:for|with) (?:it|that|this)\b)"
    r"|\bi (?:can't|cannot|struggle to|find it hard to|never|don't know how to) say no\b"
    r"|\b(?:i|we)(?:'m| am|'re| are) (?:still |just )?not getting (?:any |much )?(?:traction|anywhere|buy-in|"
    r"responses|replies|feedback|support|interviews|callbacks|results)\b")
"""Difficulties the speaker owns, said in the first person: tried only where "i" or "we" starts."""
_OWNED_MORE = (
    r"\b(?:a lot|too much|so much|loads|tons|a ton|way too much|a full) (?:going )?on (?:my|our) plate\b"
    r"|\bspread (?:across|over|between) (?:\w+ ){0,2}(?:projects|teams|roles|jobs|sites|clients|accounts|wards|"
    r"schools)\b"
    r"|\b(?:not|never) enough (?:hours|time) in the day\b"
    r"|\b(?:covering|doing|picking up|carrying) (?:[\w-]+ ){1,4}?as well as (?:my|our) own\b"
    # kept out, effort going nowhere, others' silence or obstruction
    r"|\b(?:he|she|they|it|(?:my|our|the) [\w-]+) (?:just )?(?:won't|don't|doesn't|wouldn't|never) let (?:me|us)\b"
    r"|\b(?:nobody|no one|no-one) (?:tells|told|explains|explained|shows|showed|asks|asked|invites|invited|"
    r"includes|included) (?:me|us)\b|\bthe last (?:one |person )?to (?:know|hear|find out)\b"
    r"|\bthrown (?:in|into) (?:at )?the deep end\b|\ba lot to (?:take in|handle|juggle|deal with|process)\b"
    r"|(?<!i'd been )(?<!i had been )(?<!we'd been )\b(?:treading water|spinning (?:my|our) wheels|"
    r"going (?:round|around) in circles)\b"
    r"|\b(?:banging|hitting) my head against\b|\bout of my (?:element|league)\b"
    r"|\b(?:nobody|no one|he|she|they)(?:'s| has| have| was| were)? (?:not |never |still not )?(?:been )?"
    r"replaced\b|\b(?:did not|didn't|haven't|have not|hasn't|has not|never) (?:yet )?replace (?:him|her|them)\b"
    r"|\bnot sure (?:this|it|the job|the role|this job|this role|that|the field|this career) is (?:really )?"
    r"(?:for me|right for me|what i want)\b"
    r"|\bmy confidence (?:has )?(?:really )?(?:taken|took) a (?:\w+ )?(?:knock|hit|beating|battering|bruising)\b"
    r"|\bnobody (?:reads|uses|looks at|opens|notices|cares about|listens to|replies to|answers) (?:my|our|me)\b"
    r"|\b(?:is|are) being (?:really |so |very |a bit |quite |pretty |super |incredibly )?(?:difficult|awkward|"
    r"unreasonable|impossible|hostile|rude|dismissive|demanding|a pain|obstructive|cagey)\b"
    r"|\b(?:they|he|she|the [\w-]+|people|everyone|my [\w-]+)(?: [\w-]+)? (?:kind of |sort of |just |always |"
    r"often |basically |totally |completely |mostly )?(?:ignore|ignores|dismiss|dismisses|overrule|overrules|"
    r"undermine|undermines|talk over|talks over|bypass|bypasses|sit on|sits on) (?:me|my|us|our)\b"
    # money, a deadline or a plan judged beyond reach, and what worries the speaker
    r"|\b(?:money|cash|budget|funding|finances?)(?:'s| is| are| has been) (?:\w+ )?(?:tight|short|a worry|"
    r"running out|drying up)\b"
    r"|\b(?:deadline|timeline|target|schedule|workload|expectation|plan)s?(?:'s| is| are| feels?| seems?) "
    r"(?:completely |totally |just |a bit |really |pretty |kind of |honestly )?(?:unrealistic|impossible|"
    r"unachievable|not doable|undoable|insane|ridiculous|crazy|brutal|relentless)\b"
    r"|\b(?:it|this|that|which)(?: really| also| honestly| just)? (?:worries|scares|bothers|stresses|frustrates|"
    r"upsets|concerns|terrifies|unsettles) me\b")
_HARD_GOING = (
    # an activity of the speaker's judged hard: "balancing the shifts and the course is really hard"
    r"^(?:(?:and|but|so|honestly|just|yeah)[,\s]+)*(?!(?:thing|nothing|something|anything|everything|morning|"
    r"evening|during|spring|ceiling|king|string)\b)[a-z]+ing\b[^.?!,]{0,60}?\b(?:is|'s|has been|'s been|"
    r"is getting|gets|are) (?:really |so |pretty |quite |very |a bit |kind of |just |super |incredibly |getting |"
    r"still )*(?:hard|difficult|tough|tricky|a struggle|impossible|exhausting|draining|a nightmare|overwhelming|"
    r"stressful)\b(?! (?:to (?:beat|say|tell|argue)|but)\b)"
    r"|^(?:\w+ )?getting (?:[\w-]+ ){1,6}?(?:takes?|took|is) (?:weeks|months|ages|forever|impossible|"
    r"like pulling teeth|a battle|a nightmare)\b")
"""Getting something done judged hard, said at the start of the sentence."""
_OWNED_FIRST_WORD = (r"(?:a|too|so|loads|tons|way|spread|not|never|covering|doing|picking|carrying|he|she|they|it|"
                     r"my|our|the|nobody|no|no-one|thrown|treading|spinning|going|banging|hitting|out|did|didn't|"
                     r"haven't|have|hasn't|has|is|are|people|everyone|money|cash|budget|funding|finances?|"
                     r"deadlines?|timelines?|targets?|schedules?|workloads?|expectations?|plans?|this|that|which)")
"""The first words of `_OWNED_MORE`: a cheap guard, so its alternatives are tried only there."""
DIFFICULTY_MORE = re.compile(rf"\b(?=(?:i|we)\b)(?:{_MINE_MORE})|\b(?={_OWNED_FIRST_WORD}\b)(?:{_OWNED_MORE})"
                             rf"|{_HARD_GOING}")
"""More difficulties by their effect: too much on, no capacity, long hours, another's work on
top of one's own, people lost, self-doubt about fit, no traction, others ignoring or keeping
the speaker out, a deadline judged unrealistic, money tight."""


# ---------------------------------------------------------------- difficulties said lightly

_DEGREE = r"(?:(?:really|pretty|so|very|quite|super|incredibly|a bit|a little|kind of|sort of|honestly|just|still)\s+)*"
_BURDEN_NOUN = (r"(?:slog|juggle|juggling act|handful|pain|nightmare|struggle|grind|headache|mess|chore|drag|battle|"
                r"hassle|strain|circus|minefield|rollercoaster|shock to the system|steep learning curve|"
                r"uphill (?:battle|struggle)|car crash|disaster|trial)")
"""Nouns that judge a situation as a burden ("it's been a bit of a slog", "he's a handful")."""
_BURDEN_STATE = (r"(?:heavy|hectic|brutal|rough|tough|hard|difficult|tricky|full[- ]on|intense|relentless|"
                 r"chaotic|overwhelming|exhausting|draining|stressful|frustrating|miserable|grim|lonely|"
                 r"awkward|painful|slow going|a lot(?! (?:easier|better|more|less|calmer|nicer|simpler|of)\b)|too much|"
                 r"(?:a bit|a little|all a bit|rather) much|non-stop|nonstop|"
                 r"mad|manic|crazy)")
"""Adjectives that judge a situation as hard ("the caseload's been heavy")."""
_HARDEST = r"(?:hard|harder|hardest|difficult|tricky|trickiest|tough|toughest|awkward|daunting|impossible|exhausting)"

BURDEN = phrase_pattern(
    # an evaluation of one's situation as a burden, often understated
    rf"\b(?:it|its|this|that|things|he|she|they|[\w-]+)(?:'s|'re| is| are| was| were| has| have)?(?: been)?\s+"
    rf"(?:{_DEGREE})(?:a bit of |a real |a total |an absolute |quite a |such a |a |an |bit of |a right |a proper )"
    rf"(?:{_DEGREE})(?:real )?{_BURDEN_NOUN}\b"
    r"|\b(?:are|is|'s|'re) (?:a (?:whole )?)?(?:different|another) (?:story|matter|kettle of fish)\b"
    # an experiencer who finds something hard, and the weak spot where they always falter
    rf"|\bi (?:still |really |always |do )?find (?:it |this |that |them |[\w-]+ (?:[\w-]+ )?)?{_DEGREE}(?:the )?"
    rf"{_HARDEST}\b(?! to believe)"
    rf"|\b(?:part|bit|thing|stuff)s? (?:that )?i (?:still |always )?(?:find|struggle with|dread)\b"
    r"|\b(?:is|'s|are) (?:where|when) i (?:always |usually |normally |still |tend to |keep )+\w+"
    # repeated failure, and effort without result
    r"|\bi (?:keep|kept) (?:getting|coming|running|hitting|making|messing|losing|going|tripping|"
    r"falling|mixing|mucking)\b"
    r"|\bi(?:'ve| have) tried (?:everything|all sorts|every\w*|[\w-]+ing)\b"
    r"|\b(?:is|are|'s|'re|has been|have been) (?:still |completely |totally |just )?(?:stuck|stalled|plateaued|"
    r"going nowhere)\b|\bhas plateaued\b|\b(?:she|he|they|it)'s plateaued\b"
    r"|\b(?:isn't|is not|aren't|are not|not) (?:\w+ly )?(?:coming back|improving|getting (?:any )?better|budging|"
    r"shifting|moving)\b"
    # others' silence towards the speaker, or others going round them
    r"|\b(?:heard|had|got|getting) nothing back\b|\b(?:haven't|have not|still haven't|not) (?:yet )?heard "
    r"(?:anything )?back\b"
    r"|\b(?:nobody|no one|no-one)(?:'s| is)? (?:\w+ing|\w+s) (?:me|us) back\b"
    r"|\bwithout (?:telling|asking|checking with|consulting|warning|including|copying|running it past) (?:me|us)\b"
    r"|\bbehind my back\b|\bwhen i'm not (?:watching|looking|there|around)\b"
    # work accumulating, a chore one is forced into, and its toll
    r"|\b(?:piling|stacking|mounting) up\b|\bon top of (?:my|our) own\b"
    r"|\bi (?:always |usually |just |still )?end up (?:\w+ing)\b"
    r"|\b(?:doing my head in|killing me|driving me (?:mad|crazy|nuts|up the wall|round the bend)|"
    r"getting (?:to|on top of) me|keeping me up|stressing me out|wearing me out|taking (?:its|a) toll)\b"
    # fear for one's image
    r"|\bi (?:don't|do not) want (?:to (?:look|seem|come across|sound|appear)(?: \w+)? (?:like|as if|as though|weak|"
    r"stupid|incompetent|bad|unprofessional|pushy|needy|lazy|difficult|rude|arrogant|desperate|clueless)|"
    r"(?:them|people|him|her|anyone|everyone) to think)\b"
    r"|\b(?:nobody|no one|no-one)(?: has| have|'s)? (?:got|gotten|come|written|replied|responded)(?: back)?\b")
"""A difficulty by its shape rather than a feeling word: a situation judged a burden,
understated ("it's been a bit of a slog", "the parents are another story"); what the speaker
finds hard or where they always falter; repeated failure and effort without result ("I've
tried everything and she's plateaued"); others' silence or going round the speaker ("nobody's
calling me back", "swapping shifts without telling me"); work piling up; fear for how one
looks ("I don't want to look like I can't cope")."""
BURDEN_STATE = re.compile(
    rf"^(?:(?:honestly|and|but|so|yeah|well|oh|the other thing is)[,\s]+)*(?:it|its|it's|things|work|life|"
    rf"the [\w-]+(?: [\w-]+)?|my [\w-]+(?: [\w-]+)?)(?:'s| is| are| has been|'s been| have been| was| were)\s+"
    rf"{_DEGREE}{_BURDEN_STATE}\b")
"""The speaker's situation judged hard, said of a thing ("the caseload's been heavy")."""
BARE_VERDICT = re.compile(
    r"^(?:(?:honestly|really|pretty|quite|so|yeah|ugh|oof|mate|a bit|kind of|bit)[,\s]+)*(?:hard|tough|rough|brutal|"
    r"hectic|slow|grim|rubbish|not great|not good|not brilliant|could be better|mixed|messy|stressful|exhausting)"
    r"(?:[,.!]|\s+(?:honestly|mate|really|to be honest|if i'm honest)\b|\s+(?:he|she|they|it|i|the|my|we)\b|$)")
"""A bare verdict opening an answer ("Slow.", "honestly hard he still wants to make every call")."""
GOOD_SIDE = re.compile(
    r"\b(?:better|brilliant|great|fun|nicely|in a (?:good|great) way|rewarding|enjoy\w*|lov(?:e|ed|ing)|"
    r"works? (?:really )?well|exciting|a good one|legend|amazing|fantastic|good|to believe|to say)\b")
"""A good side in the same sentence turns a burden word around ("hectic but fun", "the team
are another story, they're brilliant", "I keep getting better")."""
PROBLEM_FLAG = re.compile(r"\b(?:another|different) (?:story|matter)\b|\b(?:is|'s) the (?:real |big )?problem\b")
"""A sentence that flags a problem and leaves the next one to say what it is."""


# ---------------------------------------------------------------- critique and advice by shape

_FLAW = (r"(?:thin|long|too long|short|weak|vague|dense|busy|crowded|cluttered|messy|flat|rushed|unclear|confusing|"
         r"wordy|generic|shallow|light|sparse|bloated|repetitive|abstract|buried|hard to follow|all over the place|"
         r"mostly description|one line|off|not quite there|not there yet|too \w+|a bit much|overkill)")
"""What a piece of work may be faulted for ("your write-up was thin")."""
CRITIQUE = phrase_pattern(
    rf"\b(?:your|the|that|this) (?:[\w-]+ ){{0,7}}?(?:was|is|were|are|felt|feels|reads|read|looked|looks|sounded|"
    rf"sounds|came across as) (?:a bit |a little |too |quite |rather |pretty |really |still |very |just |mostly |"
    rf"slightly |way )*{_FLAW}\b"
    r"|\b(?:needs|need) (?:more |a bit more |some |another |a )?(?:work|tightening|a rethink|cutting|trimming|detail|"
    r"pass|polish|restructuring|fixing|sharpening)\b"
    r"|\b(?:don't|doesn't|didn't) (?:quite )?(?:add up|land|hold together|flow|hang together)\b"
    r"|\b(?:sags|drags|loses (?:me|the reader|the audience|people|them)|falls flat|goes on too long|"
    r"gets lost|is throat-clearing)\b"
    r"|\b(?:is|are|'s) too (?:many|much|few|long|short|busy|crowded|dense|slow|fast|vague)\b"
    r"|\bwhere (?:it|this|that|the \w+)(?:'s| is| gets| goes) (?:a bit |a little |much |far )?(?:weaker|thinner|"
    r"less (?:strong|clear|convincing|sure)|wobbly|shaky)\b|\b(?:the )?weaker (?:bit|part|section|spot|side) (?:is"
    r"|was)\b"
    r"|\b(?:which|and that|that) (?:isn't|wasn't|isnt|wasnt|is not|was not) (?:great|ideal|a good look)\b"
    r"|\bwhere (?:it|you|things) (?:went wrong|fell apart|fell down|wobbled|dipped|sagged|dragged|"
    r"lost (?:me|them|the room))\b"
    r"|\byou (?:got|get|went|were) (?:a bit |quite |really |very )?(?:defensive|flustered|rattled)\b"
    r"|\byou (?:haven't|havent|have not|didn't|didnt|did not|don't|dont|never) (?:actually |even |really |yet )?"
    r"(?:labelled|labeled|label|included|include|added|mentioned|mention|recorded|record|named|explained|explain|"
    r"say|said|shown|show|cited|referenced|checked|tested|dated|stated|covered|answered|addressed)\b")
"""A flaw found in the listener's work: "your write-up was thin though", "the budget table
needs work", "the staff costs don't add up", "the middle sags", "five drills is too many",
"where it's weaker is the ending", "you haven't labelled the axes"."""
YOUR_TOO = re.compile(
    r"\byour [\w-]+(?: [\w-]+)?(?:'s| is| are| was| were) (?:a bit |a little |way |far |much |slightly |just )?"
    r"too (?!(?:kind|good|generous)\b)[a-z]{3,}"
    r"|\byou(?:'re| are| were) [a-z]+ing (?:a bit |way |far |much )?too (?:much|fast|quickly|slowly|wet|dry|hard|"
    r"soon|early|late|long|often|little)\b")
"""Too much of something in the listener's own work or doing: "your brine's too strong",
"you're washing too wet"."""

SPEAKER_WOULD = re.compile(
    r"(?:^|,\s+(?:so\s+|and\s+|but\s+)?|\sbut\s+)"
    r"(?:(?:so|and|but|okay|ok|well|honestly|personally|myself|now|good|great|right|"
    r"yeah|yes|sure|fine|then|um|uh|one|two|three|first|second)[,\s]+)*"
    r"i(?:'d| would) (?:just |also |probably |"
    r"personally |definitely |really |still )?(?![a-z]+ed\b|(?:meant|been|gone|got|forgotten|thought|told|done|had"
    r"|seen|heard|left|lent|sent|already|"
    r"love|like|say|be|have(?!\s+(?:a|an)\s)|need|want|think|guess|"
    r"imagine|rather|"
    r"hate|prefer|bet|argue|expect|hope|appreciate|welcome|recommend you not)\b)[a-z]+ "
    r"(?:the|your|it|that|this|them|him|her|those|with|to|more|less|a|an|one|two|three|out|back|down|up|off|"
    r"[a-z]{3,}s)\b")
"""The speaker's own choice offered as advice: "I'd just tighten the recording"."""
YOU_NEED = re.compile(
    r"\byou(?:'ll| will)? (?:really |probably |just |also |still |definitely )?need (?:to (?!(?:tell|let|send|give|"
    r"show|remind) (?:me|us)\b)|a |an |more |some |better |another |one |two |three |a couple of |someone "
    r"|somebody )"
    r"|\byou(?:'ve| have|ve)? (?:really |just |also |still |definitely )?got to (?!(?:be kidding|love|admit|laugh)\b)"
    r"[a-z]{3,}|\bi(?:'d| would) (?:want|like) you (?:to )?[a-z]+ing\b"
    r"|\bi(?:'d| would) (?:really |strongly |gently )?(?:encourage|urge) you to\b")
"""A need of the listener's, stated as advice: "then you need a long-form piece in your clips"."""
THINK_ABOUT = re.compile(r"(?:^|[,:;] |^next \w+,? |^(?:and|so|maybe|perhaps) )(?:have a )?think (?:about|of) "
                         r"(?:\w+ing)\b")
"""An invitation to consider doing something: "next year, think about entering it"."""
MENTEE_CRITIQUE = phrase_pattern(
    r"\b(?:could|can|would) (?:you|they|those|these|the [\w-]+) (?:maybe |just |please |perhaps )?"
    r"(?:be |get |talk |go |come |run |speak )?(?:a (?:bit|little|lot) )?(?:shorter|slower|louder|earlier|sooner|"
    r"simpler|clearer)\b"
    r"|\bif you could (?:maybe |just |um |like )*(?:talk|speak|explain|say|go|narrate) (?:a (?:bit|little|lot) )?"
    r"(?:more|less|slower|louder)\b"
    r"|\b(?:maybe|perhaps) (?:just )?(?:um |uh )?tell me (?:beforehand|first|in advance|up front)\b"
    r"|\bi (?:think i )?needed you to (?:push|challenge|tell|be|pull)\b"
    r"|\byou (?:sometimes |often |always |tend to )?(?:jump in|cut in|cut me off|interrupt me|finish my sentences)\b"
    r"|\b(?:could|can|would) you (?:maybe |just |please |try to |perhaps )?(?:slow down|speed up|go slower|"
    r"push (?:me|back)|challenge me|be (?:more|less|harder|tougher|blunter|straighter))\b"
    r"|\bi(?:'d| would)? (?:learn|get) (?:a lot |much |so much )?more (?:out of (?:these|this|them|it|the \w+) )?"
    r"if you\b"
    r"|\bit (?:would|'d) help (?:me )?(?:more |a lot )?if you (?!could send|can send)\b"
    r"|\b(?:could|can|would|maybe|perhaps) you (?:could |can |maybe |please |just |try to |perhaps )*(?:speak|talk|go|"
    r"explain(?: things)?)(?: a (?:little|bit))? (?:slower|more slowly|more simply|more plainly)\b"
    r"|\bwhen you (?!do that\b)[^,.?!]{3,40}?,? i (?:always |often |sometimes |just )?(?:lose|get lost|can't follow|"
    r"cannot follow|miss|switch off|zone out|lose track|struggle to follow)\b"
    r"|^(?:(?:and|but|also|so)[,\s]+)*(?:maybe|perhaps) (?:sometimes |just |also |in future |going forward )*"
    r"(?:you could |could you |can you )?(?:just )?[a-z]+ (?:me|us) (?:[\w-]+ ){0,5}?(?:after(?:wards)?|each time|"
    r"every time|in future|going forward|from now on|before (?:our|the|each) (?:call|session|chat)s?)\b"
    r"|^(?:(?:and|also|so|okay|ok)[,\s]+)*one (?:small |other |more |last )?thing about (?:these|our|the|this) "
    r"(?:sessions?|calls?|check-ins?|chats?|meetings?|catch-ups?)[.:]?$")
"""The mentee asking the mentor to change how they mentor: "could you slow down a bit",
"I think I'd learn more if you made me work it out first", "could they be shorter?", "maybe
just tell me beforehand", "sometimes you jump in with the answer before I've finished"."""
BARE_THANKS = re.compile(r"^(?:(?:ok|okay|great|right|cool|thanks|thank you)[,\s]+)*(?:that|this|it) (?:helps|helped)"
                         r"(?:,? (?:actually|really|a lot|thanks))?$")
"""Thanks in passing ("Thanks, that helps."), not appreciation of the mentoring."""
REPORTED_PRAISE = re.compile(
    r"\b(?:told me|tells me|said|says|emailed|wrote|rang|called|asked|asking|forwarded|mentioned|texted)\b"
    r"[^.?!]{0,120}?(?:\bnever (?:\w+ ){0,4}?(?:as|so) (?:easily|well|quickly|clearly|smoothly|calmly)\b"
    r"|\bthe first time\b|\byou(?:r)?\b[^.?!]{0,80}?\bthe best\b|\bthe best\b(?=[^.?!]*\byou)"
    r"|\bas (?:the|an) example\b|\bfor you (?:by name|specifically|again)\b|\basking for you\b"
    r"|\basked for you\b|\bfor your name\b|\b(?:loved|raved about) (?:it|your|you|the)\b"
    r"|\bbest (?:\w+ ){0,2}(?:she|he|they)(?:'s|'ve| has| have)? (?:ever )?(?:seen|had|read|heard)\b"
    r"|\byours? (?:[\w-]+ ){0,2}(?:is|are|was|were) the (?:neatest|tidiest|cleanest|clearest|best|sharpest|most "
    r"(?:professional|thorough|organised|organized|reliable|careful|polished))\b"
    r"|\bthe (?:neatest|tidiest|cleanest|clearest|best|sharpest) (?:[\w-]+ ){0,2}(?:he|she|they)(?:'d|'s|'ve| had| has"
    r"| have)? (?:ever )?(?:seen|had|read|heard)\b)")
"""Praise reported from someone else, said by the mentor to the mentee: "She told me the
strings have never followed an assistant as easily as in your sectional", "she emailed the
agency asking for you for the rest of the case"."""
HELPED_MOST = phrase_pattern(
    r"\b(?:most useful|most helpful|most valuable|best) (?:part|thing|bit|moments?)(?: (?:for me|of (?:these|this|the|"
    r"our) [\w-]+))?(?: (?:is|was|has been|are|were))? (?:when|how|that|where) you\b"
    r"|\b(?:thing|part|bit) that(?:'s| has)? (?:really )?(?:helped|helps)(?: me)?(?: the)? most (?:is|was|has been) "
    r"(?:when|how|that|where|you|your)\b"
    r"|\bthank(?:s| you) for being so (?!late|busy|slow)[a-z]{4,}"
    r"|\b(?:the way you|your (?:[\w-]+ ){0,3}?(?:advice|tips?|notes|feedback|questions?|push|pushing|idea|suggestions?)"
    r"|(?:these|our|the) (?:sessions|calls|chats)|the (?:[\w-]+ )?(?:card|tip|trick|idea|advice|framework|exercise|"
    r"stories|story|examples|questions|notes|comments) you)"
    r"[^.?!]{0,60}?\b(?:has|have|is|are|was|were)(?: been)? (?:really |so |super |very |incredibly |genuinely )?"
    r"(?:useful|helpful|valuable|brilliant|great|good|helped)\b"
    r"|\bthe (?:stories|story|examples|questions|notes|comments|tips) you "
    r"(?:tell|told|give|gave|ask|asked|send|sent|write|wrote)\b[^.?!]{0,40}?\b(?:really |actually |so )*"
    r"(?:help|helps|helped)\b"
    r"|\bcome out of (?:these|our|the) (?:sessions|calls|chats) feeling\b"
    r"|\bthe first time anyone(?:'s| has) (?:given|shown|told|taught)\b|\b(?:that|it) (?:really )?meant a lot\b"
    r"|\bi (?:really |genuinely |honestly )?value (?:that|this|it|these|them|our|what you|how (?:\w+ )?you)\b"
    r"|\bthe most (?:helpful|useful|valuable) (?:thing|hour|call|session) (?:anyone(?:'s| has) (?:ever )?done|of my)\b"
    r"|\b(?:the|that) [\w-]+(?: [\w-]+)? (?:we|you) (?:did|had|ran|tried|gave me)(?: [\w-]+){0,3} "
    r"(?:was|were|has been) "
    r"(?:really |so |genuinely |super |incredibly )?(?:helpful|useful|valuable)\b"
    r"|\byou've been (?:a|an) (?:\w+ )?(?:mentor|coach|help|sounding board)\b")
"""The mentee on what helps most in the mentoring: "the most useful part for me is when you're
really specific", "the thing that helped me most was when you came to the shop", "thanks for
being so open about it"."""
LESS_OF = re.compile(
    r"\b(?:less|fewer) of (?:the|that|this|those|these|me|your|our|it|them|is)\b"
    r"|\bit (?:would|'d) be (?:so |much |a lot |way |far )?(?:easier|better|more useful) (?:for me )?if you\b"
    r"|\bit (?:would|'d) help(?: me)?(?: a lot)? if we\b|\bi wish (?:we|you)(?:'d| had| would)\b"
    r"|\bi(?:'d| would) find it (?:\w+ )?(?:easier|better|more useful) if\b"
    r"|\b(?:one|the) (?:\w+ )?thing that (?:would|'d) (?:really )?help(?: me)?(?: more)?(?: is| would be)?"
    r"[:,]? (?:if you|could you|can you|you)\b")
"""The mentee asking for less of something in the mentoring, or for a change that would make
it easier: "more of the specific stuff and less of the big picture", "it'd be easier for me
if you sent them a day before", "one thing that would help me: could you ..."."""
WHAT_WE_WANT = re.compile(r"\b(?:is|was) exactly (?:what|the (?:right|kind|sort))\b")

_MENTOR_THING = (r"(?:the|those|these) (?:[\w-]+ ){0,2}?(?:that )?you (?:send|sent|gave|give|shared|share|wrote|write|"
                 r"made|recommended|suggested|showed|pointed|lent|did)(?: me)?(?: [\w-]+){0,6}?")
APPRECIATION_MORE = re.compile(
    rf"(?:^|, |\band |\bthanks,? )(?:(?:honestly|also|but|so|and|by the way)[,\s]+)*{_MENTOR_THING} "
    rf"(?:(?:is|are|was|were|has been|have been) {INTENSIFIER}(?:useful|helpful|valuable|invaluable|gold|"
    rf"brilliant|great|spot on|eye-opening|a (?:huge |big |real )?help)|(?:\w+ly )?(?:taught|showed|helped|"
    rf"saved|changed) (?:me|my|everything|how|the way|\w+(?: \w+){{0,2}} (?:completely|entirely|totally))\b)"
    r"|\b(?:wouldn't|would not|couldn't|could not|don't think i'd|don't think i would|never would) have "
    r"(?:[\w'-]+ ){0,8}?without (?:you|your)\b")
"""More appreciation of the mentoring: "the notes you send after our calls are really useful",
"I don't think I'd have got this far without your notes"."""
EXCEEDED = re.compile(
    r"\byou (?:really |clearly |totally |absolutely |honestly )?(?:went above and beyond|went the extra mile|"
    r"nailed it|smashed it|knocked it out of the park|pulled (?:it|that|this) off|aced it|crushed it)\b")
"""The listener said to exceed: "you clearly went above and beyond"."""
ABOVE_OTHERS = re.compile(
    r"\byou(?:'re| are)\s+(?:already\s+|clearly\s+|way\s+|well\s+|miles\s+)?(?:[a-z]+ing\s+(?:[\w'-]+\s+){0,4}?)?"
    rf"(?:better(?!\s+off)|faster|further(?:\s+along)?|ahead|quicker|sharper|stronger|cleaner|tidier|"
    rf"more\s+{STRONG_POSITIVE})\s+"
    r"(?:[\w'-]+\s+){0,4}?than\s+(?:most|half|many|a\s+lot|i\s+was|anyone|plenty|some)\b"
    r"|\byour\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|were|was)\s+(?:already\s+|clearly\s+|way\s+)?"
    r"(?:better|cleaner|tidier|clearer|stronger|sharper|neater|tighter)\s+than\s+(?:most|half|many|mine|anyone|"
    r"plenty|some)\b")
"""The listener set above others: "you're better on the regulations than most people who sit
it", "you're picking up the practical side faster than most", "your statements are already
cleaner than half the team's"."""
IT_WORKS = re.compile(r"\b(?:it|that|this)(?:'s| is) (?:clearly |really |definitely |obviously )?(?:working"
                      r"|paying off)\b")
"""What the listener chose said to work: "it was your call and it's clearly working"."""


def shares_stem(a: str, b: str) -> bool:
    """Do two texts share a content word, compared on its first five letters ("purge" and
    "purged")? A verdict that names what was just reported refers back to it."""
    def stems(text: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z]{5,}", text) if w not in _COMMON_LONG}
    return bool(stems(a) & stems(b))


_COMMON_LONG = frozenset("""
about after again their there these those which would could should really think thing things great
every other first right honestly actually basically where while today before still being going doing
""".split())
