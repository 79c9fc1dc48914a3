"""Challenges a participant raised: blockers, struggles, isolation, worries, stress, conflict.

The speaker must own the difficulty: "I struggled with the budget", "I'm stuck on the
migration", "it gets lonely", "one worry I have is ...", "the hardest part is ...", "I don't
know how to ...", "she keeps pushing back on my designs", "he stopped answering my calls",
"I keep feeling like they let me in by mistake", "I've been avoiding that call", "I keep
getting screened out". Not challenges: the mentor's
reassurance ("that's really common", "a fair worry"), questions ("are you worried?"),
negated or resolved ones ("I'm not worried", "I used to struggle with it"), other people's
troubles ("my colleague is stressed"), nerves about the call itself, and technical trouble
with the call (a frozen video, a bad connection).

Beside feeling words, a difficulty is recognised by its effect (speech_acts.DIFFICULTY):
time lost ("I've lost two weeks to it"), falling behind, nobody to turn to, others'
obstruction ("the skipper keeps cancelling our slots"), repeated failure ("I've rewritten
it six times and it still sounds fake"), overload ("we're two nurses down", "I'm covering his
work as well as my own", "too much on my plate"), self-doubt about fit ("I don't know if I'm
cut out for this"), others ignoring the speaker, a deadline judged unrealistic (DIFFICULTY_MORE).
Not when it is over ("it was hard but we got it done", "I struggled too when I started"),
waved away in the next sentence ("a little fried. But good."), or a past worry explaining a
choice just criticised ("Fair. I was worried it would look blunt."). Not when
accepting an offer ("yes please, my inbox is a disaster"), when declining a task asked for
("can you ask Maria?" - "I can't get into the drive"), or a past feeling in answer to
praise ("Thanks! I was panicking inside.").

The mentor's words count only when they speak of themselves in the first person and the
present ("I'm stretched thin this month"; "I struggled with that too" is reassurance).
Impersonal ones ("it gets lonely") count only from the mentee, and in the past only for a
burden ("it was overwhelming"; "it was scary" looks back on a hurdle already taken). A
mentee's worry put as a question counts ("is it normal to feel this behind?"). Adjacent
challenge sentences of one turn form one item, quoted with the sentence that sets them up
("I'm at sixty percent of quota. I'm worried I won't make it.") or introduces the person
("So, Tanya, my evening lead."), and, after a bare feeling ("Honestly a bit anxious."), the
one that says why, or the rest a recogniser cut off into the next segment.
"""
from __future__ import annotations

import re

from .prefilter import phrase_pattern
from .questions import LEAD, question_kind
from .speech_acts import BARE_VERDICT, BURDEN, BURDEN_STATE, DIFFICULTY, DIFFICULTY_MORE, GOOD_SIDE, PROBLEM_FLAG
from .text import Context, Sentence, group_items, position_of, span, turn_numbers, word_start
from .types import Challenge

_ADV = (r"(?:(?:really|so|very|pretty|quite|a bit|a little|kind of|sort of|honestly|still|"
        r"just|always|often|constantly|totally|completely|super|extremely|increasingly|"
        r"genuinely|seriously|actually|also|definitely|getting|becoming|feeling|more and more|way|rather|fairly|"
        r"somewhat|slightly|a tad|terribly|awfully)\s+)*")
_FEELING = (r"(?:worried|anxious|nervous|stressed(?: out)?|overwhelmed|burn(?:ed|t) out|"
            r"exhausted|frustrated|lost|isolated|lonely|stuck|behind|confused|unsure|scared|"
            r"afraid(?= of| to| that i\b| i\b)|terrified|dreading|struggling|drowning|swamped|"
            r"out of my depth|demotivated|unmotivated|discouraged|insecure|intimidated|"
            r"stretched thin|underwater|blocked|torn|panicking|freaking out|losing sleep|"
            r"not confident|not sure how to|not sure what to do|in over my head|"
            r"on my own(?= with| here| on this| for this|$)|alone(?! with you)|invisible|useless|inadequate|"
            r"undervalued|unappreciated|drained|trapped|procrastinating|out of (?:my|the) comfort zone|"
            r"running out of (?:time|steam|money|ideas|runway|patience)|losing (?:motivation|steam|confidence|"
            r"sleep|my mind|faith|interest)|juggling too (?:much|many)|behind on|not sleeping|barely sleeping|"
            r"hitting a wall|spread (?:too |so )?thin|at the end of my rope|knackered|frazzled|shattered|"
            r"wiped out|wrecked|dead on my feet|running on empty|tired of|sick of|fed up|gutted|devastated|miserable|hopeless|helpless|"
            r"paralysed|paralyzed|numb|resentful|embarrassed|ashamed|humiliated|guilty|disheartened|deflated|"
            r"defeated|rattled|shaken|on edge|tense|restless|jittery|panicky|wound up|bored|disengaged|"
            r"checked out|stagnant|plateaued|directionless|aimless|adrift|unheard|unseen|sidelined|excluded|"
            r"pigeonholed|boxed in|out of the loop|left out|overlooked|overworked|overstretched|overloaded|"
            r"underprepared|unprepared|out of practice|rusty|a fraud|an imposter|an impostor|homesick|"
            r"burning out|heartbroken|upset|angry|furious|annoyed|irritated|resentful|jealous|envious)")
_TROUBLE = (r"(?:worry|worries|concern|concerns|fear|fears|problem|struggle|challenge|issue|"
            r"blocker|obstacle|difficulty|headache|pain point|sticking point|weakness)")

_FIRST_PERSON = phrase_pattern(
    rf"\bi(?:'m| am| was| feel| felt|'ve been| have been| had been| get| got| keep getting)\s+"
    rf"{_ADV}{_FEELING}\b"
    rf"|\bi\s+{_ADV}(?:struggle|struggled|worry|worried|stress|panic|panicked|freeze|froze|"
    r"blank|blanked|procrastinate|dread|can't seem to|never seem to|"
    r"(?:keep|kept) (?:failing|missing|forgetting|falling|getting (?:pushed|passed|stuck|blocked|"
    r"screened out|rejected|ghosted|turned down|overlooked|ignored|knocked back)|feeling like|"
    r"re[a-z]+ing|going back and forth|changing my mind|"
    r"putting (?:it|things) off|running out|messing up|losing|second-guessing|doubting)|"
    r"fall behind|fell behind|get distracted|got distracted|lose track|lost track|lose focus|"
    r"rush|rushed|choke|choked|burn out|feel like an? (?:imposter|impostor|fraud)|"
    r"failed|messed up|bombed|got rejected|got turned down|was turned down|was passed over|"
    r"got passed over|didn't get the (?:promotion|job|role|offer|raise|position)|"
    r"don't get along|can't get (?:my head|anything|it done|through)|can't figure out|"
    r"couldn't figure out|can't keep up|couldn't keep up|can't focus|can't sleep|"
    r"haven't been sleeping|lost control|lose control|lost my (?:temper|cool|nerve|train of thought)|"
    r"keep (?:mixing|confusing|making (?:the same )?mistakes|getting \w+ wrong))\b"
    r"|\bi(?:'m| am)? (?:finding|find|found) (?:[\w-]+ ){0,5}?"
    rf"{_ADV}(?:hard|difficult|tough|overwhelming|stressful|a struggle|impossible)\b"
    r"|\b(?:is|are|'s|'re) (?:really |just )?(?:killing me|doing my head in|getting to me|"
    r"wearing me down|stressing me out|eating me up|keeping me up at night)\b"
    r"|\b(?:not helping|wrecking|testing|shot|frayed) my nerves\b|\bmy (?:nerves|anxiety|stress) "
    r"(?:is|are|has been|have been)\b"
    r"|\bi(?: have|'ve got|'ve| had) (?:absolutely )?no idea (?:where to (?:start|begin)|how to|"
    r"what to do|how i'm going to)\b"
    r"|\bi\s+(?:always |often |tend to |usually )?avoid (?:conflict|confrontation|difficult|hard|"
    r"the conversation|conversations|saying|talking|speaking|asking|pushing)\b"
    r"|\bi(?:'ve| have) been avoiding\b|\bi(?:'m| am| keep) (?:still )?avoiding\b"
    r"|\bi (?:still |often |sometimes |kind of |always |constantly |just )?feel like (?:i(?:'m| am) (?:not|a fraud|"
    r"an? imp\w+|faking|behind|failing|drowning|out of|going to (?:say|do|look|sound|get|mess|screw|make|blow|"
    r"embarrass|fail))|i (?:don't|do not|can't|cannot) |they (?:let me in|made a mistake|"
    r"hired the wrong)|everyone else|i'm the only)"
    r"|\bi (?:just )?(?:don't|do not) think (?:it's|it is|i'm|i am|we're|we are|(?:the|my) [\w-]+ is) "
    r"(?:ready|any good|good enough|working|going to work)\b"
    r"|\bi (?:can't|cannot|never|don't) (?:seem to )?(?:find|have|get) (?:the |enough |any )?time\b"
    r"|\bi (?:just )?(?:don't|didn't|do not|did not) (?:really )?know (?:how to|what to do|"
    r"where to (?:start|begin)|how i(?:'m| am) going to|how to handle|what i'm doing)\b"
    r"|\bi(?:'m| am) not sure (?:how to|what to do|i can (?:do|handle|manage|cope))\b"
    r"|\bi(?:'m| am) not sure (?:if |whether |that )?(?:the |my |i'm |i am |it's |it is |this |"
    r"i )(?:[\w-]+ ){0,3}?(?:is |are |am |'s |'m )?(?:ready|good enough|up to|enough)\b"
    r"|\bi (?:don't|do not) (?:have|get) (?:enough|any|much) (?:time|support|help|feedback|"
    r"experience|guidance|visibility|direction|\w+ \w+ work)\b"
    r"|\bi (?:don't|do not) feel (?:heard|supported|valued|seen|confident|ready|included|"
    r"respected|safe|qualified|good enough)\b"
    rf"|\bmy (?:\w+ )?(?:biggest |main |real |only )?{_TROUBLE}"
    r"(?: right now| at the moment| lately)? (?:is|are|was|has been|have been)\b"
    rf"|\b(?:one|another|the biggest|the main|the real|a big|a real|big|biggest|main) "
    rf"(?:\w+ )?{_TROUBLE} (?:i have|i've got|i've had|i'm facing|i keep running into|for me)\b"
    r"|\b(?:the thing|what|something|one thing|the part|the area|the bit) "
    r"(?:i'm|i am|i've been|i keep|i feel|i|that i) "
    rf"{_ADV}(?:most |least )?(?:struggling|struggle|struggled|stuck|worried|stressing|lost|unsure|"
    r"confident|weakest|finding (?:hard|difficult|tough)|find (?:hard|difficult|tough)|"
    r"having (?:trouble|a hard time)|can't)\b"
    r"|\bi(?:'m| am|'ve been| have been) having (?:a )?(?:real |really |some |a lot of )?"
    r"(?:trouble|difficulty|difficulties|a hard time|a tough time|a rough time|problems|"
    r"issues|a rough patch|conflict)\b"
    r"|\bi(?:'m| am| keep| kept| was| have been|'ve been) (?:getting |being )?"
    r"(?:pushed back|pushback|shut down|ignored|overlooked|talked over|interrupted|"
    r"micromanaged|left out|passed over|blamed|undermined|criticised|criticized)\b"
    r"|\bi(?:'m| am|'ve been| have been) (?:still )?(?:waiting on|blocked (?:on|by)|chasing)\b"
    r"|\bimpost[eo]r syndrome\b|\bburnout\b|\bmy confidence\b[^.]{0,20}\b(?:low|shot|hit|gone)\b")
"""A difficulty the speaker owns, in the first person."""
_FIRST_PERSON_MORE = phrase_pattern(
    r"\bi (?:just |still |always |constantly )?(?:keep|kept) (?!(?:a|an|the|my|it|in touch|track|going|at it|you|"
    r"up with|up the|doing well|improving|learning|growing|coming back|thinking about (?:what|how|your)|"
    r"practi[cs]ing|working on it|reading|trying)\b)(?:second[- ])?[a-z]+ing\b"
    r"|\b(?:i(?:'ve| have)?|i'm|i am) (?:hit|hitting|kind of hit|totally hit) (?:a|the) (?:wall|brick wall|ceiling|plateau|"
    r"rut)\b"
    r"|\bi (?:have|had|'ve got|'ve had|'ve been having) (?:real |some |a lot of |so much |such )?(?:trouble|"
    r"difficulty|a hard time|a tough time|problems) (?:with|\w+ing)\b"
    r"|\bi(?:'m| am) (?:really |pretty |so |just |kind of |honestly |still )?(?:bad|terrible|awful|hopeless|rubbish|"
    r"useless|not (?:very |that |so |particularly |great )?(?:good|great|strong|confident|comfortable)) (?:at|with)\b"
    r"|\bwhat (?:really |also )?(?:worries|scares|bothers|frustrates|stresses|concerns|gets to|keeps) me\b"
    r"|\bwhat i(?:'m| am) (?:really |most )?(?:worried|scared|nervous|anxious|stressed|afraid) (?:about|of)\b"
    r"|\bwe(?:'re| are|'ve been| have been) (?:still |completely |totally |kind of |a bit |really )?(?:blocked|"
    r"stuck|behind|stalled|understaffed|short-staffed)\b"
    r"|\bi (?:just |still )?(?:can't|cannot|couldn't) (?:get|make) [^.?!]{1,30}? to (?:work|converge|run|build|"
    r"pass|load|compile|behave|start|stop|listen|respond|reply|agree|fit|balance|add up)\b"
    r"|\btakes? me (?:twice|three times|forever|ages|so long|way longer|much longer|longer than)\b"
    r"|\b(?:part of me|sometimes i|i sometimes|i(?:'m| am|'ve been| have been)) (?:just |seriously |honestly )?"
    r"(?:wants? to|thinking (?:about|of)|tempted to|considering) (?:quit|quitting|give up|giving up|drop out|"
    r"dropping out|walk away|walking away)\b"
    r"|\b(?:no|don't have a|haven't got a|not a) clue (?:how|what|where)\b"
    r"|\bi (?:haven't|have not|hadn't|wasn't|couldn't|can't|cannot) (?:been able to|managed to|find (?:a way|"
    r"the time|the energy))\b"
    r"|\bjuggling (?:too many|so many|a lot of|too much)\b"
    r"|\bi (?:can't|cannot|couldn't) do anything right\b"
    r"|\bi (?:can't|cannot|couldn't) (?:seem to )?work out (?:how|what|where|why)\b"
    r"|\bi(?:'m| am) not (?:really )?(?:learning|growing|progressing|improving|getting anywhere)\b"
    r"|\b(?:doing|handling|figuring out|carrying) (?:it|this|everything|that|things) (?:all )?(?:alone|on my own|by myself)\b"
    r"|\bi(?:'ve been|'ve|'m| am| keep| kept| have been)? (?:still )?putting off (?:the|that|my|this|\w+ing)\b"
    r"|\bi(?:'ve been|'m| am| keep| kept| have been) (?:still )?putting (?:it|that|this|them) off\b"
    r"|\b(?:nowhere near|not even close to|not close to) (?:ready|done|finished|enough|where i need)\b"
    r"|\bi (?:really |honestly |just |absolutely )?(?:hate|dread|can't stand|loathe) (?:\w+ing|it when|having to|"
    r"being|that i)\b"
    r"|\bi (?:never|don't|do not) (?:really )?know (?:what to say|how to (?:say|talk|explain|start|sell|pitch))\b"
    r"|\bi (?:haven't|have not|still haven't|still have not) heard (?:back|anything)\b"
    r"|\bi(?:'m| am) (?:so |really |completely |totally )?(?:out of ideas|at a loss|at my wit's end|"
    r"at the end of my rope)\b")
"""More of the speaker's difficulties: "I keep undercharging", "I've hit a wall", "I'm bad
at delegating", "what worries me is ...", "we're blocked on legal", "I can't get it to work"."""

_IMPERSONAL = word_start(
    r"\b(?:it|this|things|work|everything|the job|the role|the team|home|remote work|"
    r"working from home)(?:'s| is| gets| has been| can be| can get| feels| keeps)"
    rf"\s+{_ADV}(?:lonely|isolating|overwhelming|stressful|frustrating|exhausting|"
    r"(?:hard|difficult|tough)(?! to (?:say|tell|believe|beat|argue|know|judge|predict))|"
    r"too much|a lot(?! of| more| better| easier)|a struggle|chaotic|a mess|draining|"
    r"demoralising|demoralizing|intimidating|scary|brutal|rough|slipping|falling behind|"
    r"piling up|awkward|tense|uncomfortable|toxic)\b"
    r"|\b(?:weeks|days|months|shifts|nights|things|the last (?:few|couple of) \w+) (?:have|'ve) been "
    rf"{_ADV}(?:rough|hard|tough|brutal|difficult|a lot|a struggle|overwhelming|exhausting|stressful)\b"
    rf"|\bthe {_TROUBLE} (?:now |right now |at the moment |lately |for me )?(?:is|has been)\b"
    r"|\b(?:that's|it's|that is|it is) (?:now )?off the table\b"
    r"|\bthe (?:hard|hardest|difficult|tough|toughest|tricky|trickiest|worst|scary|scariest) "
    r"(?:part|bit|thing)\b[^.?!]{0,30}\b(?:is|has been)\b"
    rf"|\bthe (?:biggest|bigger|main|real|other|only) {_TROUBLE} (?:right now |at the moment |lately )?"
    r"(?:is|has been)\b"
    r"|\bwhat(?:'s| is) (?:really )?(?:hard|hardest|difficult|tough|tricky|frustrating)\b"
    r"|\b(?:falls|fall|falling|slipping) behind\b"
    r"|\b(?:keeps?|kept) (?:slipping|getting (?:pushed|delayed|moved|cancelled|canceled)|"
    r"falling through|breaking|failing)\b"
    r"|\b(?:it|this|that|things|everything) (?:was|were|felt|has been) "
    rf"{_ADV}(?:overwhelming|stressful|exhausting|isolating|lonely|brutal|draining|a nightmare)\b"
    r"|(?<!\bthat)(?<!\bwhich)(?<!\bthis)(?<!\bit)(?<!\bthere)"
    r"(?: is|'s| are| has been| remains?) (?:still |also |really |kind of |a bit of )*(?:a )?"
    r"(?:big |real |major |huge |constant |total |complete |bit of a )?(?:problem|issue|struggle|nightmare|mess|"
    r"disaster|headache|pain|battle|slog)\b"
    r"(?! for (?:them|him|her|you))"
    r"|\b(?:changed|moved|cancelled|canceled|postponed|delayed|rejected|dropped|pushed back) "
    r"(?:[\w-]+ ){0,3}again\b"
    r"|\b(?:nobody|no one) (?:listens|takes me seriously|gives me|answers|replies|helps)\b"
    r"|\bi don't (?:know|think) (?:if it's|whether it's) (?:me|my fault)\b"
    r"|\bdon't talk to anyone\b|\bno one to talk to\b|\bnobody to talk to\b"
    rf"|^(?!that\b|which\b|what\b)(?:[\w'-]+ ){{2,8}}?(?:is|gets|has been|can be|can get|feels|keeps)"
    r"\s+(?:really |so |very |pretty |quite |incredibly |increasingly |a bit |kind of |still )*"
    r"(?:lonely|isolating|overwhelming|stressful|exhausting|draining|demoralising|demoralizing|"
    r"a mess|a nightmare|chaos|chaotic|falling apart)\b"
    r"|^(?:honestly,? |to be honest,? )?(?:not (?:great|good|well|so good|too good|brilliant)|"
    r"badly|terrible|awful|pretty bad|could be better)\b"
    r"|^(?:honestly,? )?(?:rough|hard|tough|difficult|messy)(?:,? honestly)?$"
    rf"|^{_ADV}(?:a bit |a little |pretty |quite |really |very |so |super )*"
    r"(?:anxious|worried|stressed|overwhelmed|nervous|exhausted|burnt out|burned out|lost|stuck|"
    r"frustrated|lonely|isolated|swamped|drowning|demotivated|discouraged)\b")
"""A difficulty phrased impersonally."""
_IMPERSONAL_MORE = word_start(
    r"\b(?:what|the thing|the part|something)(?: that)?(?:'s| is| has) (?:been )?(?:really |also |most |been really )?"
    r"(?:hard|hardest|difficult|tough|toughest|tricky|frustrating|stressful|scary|getting to me|bothering me|"
    r"worrying me|killing me|eating me|weighing on me)\b"
    rf"|\b(?:it|this|that|things|work|everything)'s been\s+{_ADV}(?:(?:really |so |very )?(?:hard|difficult|tough|"
    r"rough|lonely|isolating|overwhelming|stressful|frustrating|exhausting|a struggle|brutal|draining)\b"
    r"(?! to (?:say|tell|believe|beat|argue|know|judge|predict)))"
    rf"|\b(?:it's|it has) been (?:a|an) {_ADV}(?:hard|tough|rough|difficult|brutal|exhausting|stressful|lonely|"
    r"horrible|awful|bad|long) (?:\w+ )?(?:month|week|year|weeks|months|term|quarter|semester|stretch|time|"
    r"few days|couple of weeks)\b"
    r"|\b(?:nobody|no one) (?:[\w' ]{0,25} )?(?:gets|understands|cares|listens|notices|asks me|talks to me|"
    r"explains|tells me|reviews|answers|lets me|trusts me|gives me|shows up|responds|replies)\b"
    r"|^(?:(?:pretty|kind of|a bit|really|honestly|so)\s+)*(?:rough|hard|tough|difficult|messy|brutal|grim|slow|"
    r"painful|awful|terrible|exhausting|stressful|chaotic|miserable|bleak|meh|grim|heavy|hectic)"
    r"(?:,? (?:honestly|to be honest|tbh))?$"
    r"|\b(?:the )?(?:loneliness|isolation)\b(?! (?:is|was) (?:better|gone|fine))"
    r"|\b(?:weighing|weighs) on me\b|\b(?:keeps|keeping|kept) me up at night\b"
    r"|^(?:(?:it's|it is|it's been|honestly|just|a|bit)\s+)*(?:bit of a|a bit of a|a real|an absolute|a total|"
    r"a complete) (?:nightmare|struggle|mess|headache|battle|pain|disaster|slog)\b"
    r"|\b(?:a|an absolute|a total|a real|bit of a) (?:nightmare|headache|battle|pain|struggle) with\b")
"""More impersonal difficulties: "what's been tough lately is ...", "it's been a hard month",
"nobody on my team gets what I do", "the loneliness"."""

_CONFLICT = phrase_pattern(
    r"\b(?:been|is|was|are|were|keeps?|kept|'s|'re) (?:kind of |really |pretty |quite |a bit |"
    r"so |very |always |constantly )?(?:short with me|rude to me|cold to me|dismissive|hostile|"
    r"ignoring me|undermining me|taking credit|micromanaging|talking over me|"
    r"pushing back on (?:me|my|everything)|blocking me|shutting me down|on my case|"
    r"(?:picking on|yelling at|snapping at) me)\b"
    r"|\bkeeps? \w+ing (?:\w+ )?(?:my|me)\b(?! (?:posted|updated|in the loop))"
    r"|\b(?:stopped|isn't|is not|won't|hasn't been|keeps not) (?:answering|returning|replying to|"
    r"responding to|answer|return|reply to|respond to|talking to) (?:my|me)\b"
    r"|\b(?:my [\w-]+|they|he|she)(?: [\w-]+)? (?:denied|rejected|vetoed|turned down|refused) "
    r"(?:my|me|the|our)\b"
    r"|\b(?:conflict|tension|friction|clash|clashes|falling out) (?:with|between)\b"
    r"|\b(?:on at me|on my back|breathing down my neck|having a go at me|giving me a hard time|"
    r"giving me grief|out to get me|behind my back|over my head)\b"
    r"|\b(?:has|have|'s) (?:gone|went) (?:quiet|silent|dark|radio silent|cold)\b"
    r"|\b(?:won't|doesn't|don't|isn't|aren't|stopped) (?:even )?(?:pick(?:ing)? up|call(?:ing)? (?:me )?back|get(?:ting)? back to me)\b"
    r"|\btakes? (?:him|her|them) (?:weeks|days|ages|forever|months) to (?:reply|respond|answer|get back)\b"
    r"|\bmicromanag\w* (?:me|us|my|everything (?:i|we))\b")
"""Someone else's behaviour towards the speaker: another person is the subject."""
_CONFLICT_MORE = re.compile(
    r"\b(?:my [\w-]+|they|he|she)(?: [\w-]+)? (?:doesn't|don't|won't|never|didn't|hasn't|haven't|rarely|barely) "
    r"(?:\w+ )?(?:give|gives|giving|tell|tells|include|includes|invite|invites|listen|listens|reply|replies|respond|"
    r"responds|answer|answers|back|support|supports|explain|explains|share|shares|trust|trusts|let|lets|"
    r"acknowledge|acknowledges|credit|credits) (?:me|us|to me|my|to my|to our)\b"
    r"|\b(?:he|she|they|my [\w-]+)(?: [\w-]+)? (?:keeps?|kept) (?:going|going around|going over|going behind|"
    r"cancelling|canceling|moving|changing|ignoring|interrupting|undermining|questioning|second-guessing|"
    r"overruling|dumping)\b")
"""Someone's neglect or obstruction: "my manager doesn't give me any feedback"."""
_RESOLVED = phrase_pattern(
    r"\bbut (?:it|that|things|everything|in the end it)\b[^.?!]{0,20}\b(?:went|turned out|worked out|ended up|"
    r"was|is) (?:fine|ok|okay|well|great|good|alright|all right)\b"
    r"|\bbut (?:it's|that's|it is|that is) (?:all )?(?:fine|ok|okay|alright|all right)\b"
    r"|\b(?:finally |now )?(?:fixed|solved|sorted|resolved|figured out|got past|got through|unblocked|cracked|"
    r"overcame|beat)\b(?=.*\b(?:blocking|stuck|problem|issue|struggl))"
    r"|\bknow how to (?:thank|repay)\b|\b(?:is|works|would be) (?:better|easier|best) for me\b"
    r"|\bso (?:it's|that's|i'm) (?:fine|ok|okay|all right|alright|better)(?: now)?\b"
    r"|\b(?:ready|up) for (?:that|this|it)(?: yet)?$"
    r"|\b(?:at first|initially|to begin with|to start with)\b[^.?!]*\bbut\b[^.?!]*\b(?:by the end|in the end|"
    r"eventually|then|now)\b"
    r"|\bbut (?:we|i|it|they) (?:\w+ )?(?:got (?:it |there|through|it done)|managed|pulled (?:it |that )?off|made it|"
    r"did it|finished|shipped|passed|sorted it|delivered)\b"
    r"|\bbut (?:it's|it is|that's|that is|we're|we are|i'm|i am) (?:all |now |finally )?(?:finished|done|over|behind "
    r"(?:me|us)|sorted|fixed|resolved|out of the way)\b"
    r"|\b(?:is|'s|are) (?:now |finally |all )?(?:over|behind (?:me|us)|done with|sorted|fixed|resolved) now\b"
    r"|\b(?:is|'s) (?:now |finally )?over(?: now)?[.!]?$"
    r"|\bbut (?:that's |it's )?(?:fine|ok|okay)[.!]?$")
"""A difficulty already overcome, or an idiom: "I was worried, but it went fine"."""

_ACCEPTING = re.compile(r"^(?:yes,? please|please do|that would be (?:great|lovely|amazing|brilliant))\b")
"""Accepting an offer, with the reason for it ("yes please, my inbox is a disaster"): the
difficulty is not raised for itself."""
_THANKS = re.compile(r"^(?:oh,? )?(?:thanks|thank you|cheers|aw|ha)\b")
_ACKNOWLEDGED = re.compile(r"^(?:(?:yeah|yes|ok|okay|right|true|fair|sure)[,!.\s]+)*(?:fair|true|fair enough|"
                          r"good point|that's fair|that's true|point taken|noted|makes sense|you're right)\b")
"""The speaker grants a critique just made; a past feeling said next explains the choice
("Fair. I was worried I'd look like I was skipping steps.")."""
_DISMISSED = re.compile(r"^(?:but|though|still|anyway|otherwise)[,\s]+(?:i'm |i am |it's |it is |all |otherwise |"
                        r"overall |mostly |generally )?(?:really |pretty |all )?(?:good|fine|ok|okay|alright|all right|"
                        r"great|not bad|happy|grand|well)\b(?![^.?!]*\b(?:except|apart from|but)\b)")
"""The speaker waves the difficulty away in their next sentence: "I'm a little fried. But good, good."."""
_PAST_ONLY = re.compile(r"^(?:(?:honestly|and|but|though)[,\s]+)*i (?:was|felt)\b(?!.*\b(?:am|i'm|still|now|is|are)\b)")
_WENT_WELL = re.compile(
    r"\b(?:it|that|things|everything|the \w+)(?: actually| all| really)? (?:went|turned out|worked out|ended up|was)"
    r"(?: actually| really)? (?:fine|ok|okay|well|great|alright|all right|smoothly)\b")
"""An outcome said to be good: a difficulty in the past tense beside it is over."""
_BACK_THEN = re.compile(r"\b(?:when i (?:started|was (?:new|younger|junior|starting|a \w+))|back then|early on|"
                        r"in the beginning|at the start|years ago|in my first (?:year|job|role|month))\b")
"""A past difficulty placed in the past ("I struggled with that too when I started")."""
_PAST_FEELING = re.compile(r"\b(?:was|were|felt|had been|got)\b")
_WORRY_QUESTION = re.compile(
    r"^(?:is it (?:normal|okay|ok|common) (?:to|that i|if i) (?:feel|be|struggle|not know|worry|find|"
    r"get|still)|is it just me|does everyone (?:feel|struggle|"
    r"get)|how do (?:you|i|people) (?:deal|cope) with|am i (?:the only one|behind|doing (?:something|"
    r"it|this) wrong)|why do i (?:always|keep))\b")
"""A worry the mentee voices as a question ("is it normal to feel behind?")."""

_GLITCH = re.compile(
    r"\b(?:wi-?fi|internet|connection|bandwidth|pixelated|echo|lag(?:gy|ging)?|on mute|muted|"
    r"breaking up|cutting out|cut out(?! for)|(?:my|your) (?:camera|mic|microphone|headset|audio|video)|"
    r"(?:video|screen|camera|call|zoom|app) (?:froze|frozen|keeps freezing|dropped|drops|crashed)|"
    r"can't hear|can't see you|hear you|hear me)\b")
"""Trouble with the call itself is no challenge of the mentee's."""
_SESSION_META = re.compile(
    r"\b(?:about|before) (?:this|the first one|the first session|our first|today|meeting you|"
    r"this call|this session|talking to you)\b|\b(?:was|were|felt) [^,.;]{0,30}\bcoming in(?:to (?:this|today))?\b")
_NOT_MINE = re.compile(
    r"\b(?:not|n't|never|no longer|less|used to|stopped|anymore|no more)\b[^,;]{0,30}$")
_OTHERS = re.compile(
    r"^(?:(?:my|his|her|their|our) (?:\w+ ){0,2}|he|she|they|everyone|lots of people|"
    r"a lot of people|many people|most people|people|nobody|everybody|you)\b")
_REASSURANCE = re.compile(
    r"\b(?:that's|it's|that is|it is) (?:really |very |super |totally |completely |pretty )?"
    r"(?:common|normal|natural|understandable|fair|okay|ok|fine)\b"
    r"|\beveryone (?:does|feels|struggles|has)\b|\bnobody feels\b|\byou're not alone\b")


_PAST = re.compile(r"\b(?:struggled|was|were|felt|had|got|froze|failed|messed|bombed|fell|lost|"
                   r"panicked|choked|rushed|blanked)\b")
"""The mentor's past difficulties are reassurance ("I struggled with that too"), not challenges."""
_PLEASANTRY = re.compile(r"^(?:thanks|thank you|okay|ok|yeah|yes|sure|right|great|cool|hi|hey|"
                         r"no problem|sorry)\b")
_CONTRAST = re.compile(r"^(?:but|however|although|though|still|yet)\b")
_CLAUSE_BREAK = re.compile(r"[,;]| but | and | so | because | since | which | though ")
_SUBJECT_START = re.compile(r"^(?:(?:and|but|so|okay|ok|yeah|well|oh|um)[,\s]+)*"
                            r"(?:i|i'm|i'll|i've|i'd|we|you|"
                            r"he|she|they|it|it's|that|that's|this|there|thanks|thank|yes|no)\b")
_INTRODUCTION = re.compile(r"^(?:(?:so|and|okay|ok|the other thing is)[,\s]+)?[\w'-]+(?: [\w'-]+)?, "
                           r"(?:my|the|our|his|her) [\w' -]{2,30}$")
"""A person introduced before the trouble with them: "So, Tanya, my evening lead."."""
_TOPIC = re.compile(r"^(?:(?:so|and|okay|ok|right|well|then|now|oh|also|the other thing)[,\s]+)*(?:the|my|our|this|"
                    r"that|these|those) (?!(?:[\w'-]+ )*?(?:is|are|was|were|'s|has|have|had|do|did|will|went|got)\b)"
                    r"[\w'-]+(?: [\w'-]+){0,4}$")
"""A bare topic named before the trouble with it: "The new rota." - "It's been a nightmare."."""
_VAGUE = re.compile(r"^(?:(?:honestly|really|yeah|well|oh|and|but|so)[,\s]+)*(?:(?:it|this|that|things|everything|"
                   r"it all|all of it|the whole thing)(?:'s)?\b(?:\s+[\w']+){1,5}|(?:a |bit of a |a bit of a |pretty |"
                   r"kind of |a real )?[\w-]+(?: [\w-]+)?(?:,? (?:if i'm honest|to be honest|honestly|really|tbh))?)[.!]?$")
"""A short difficulty whose subject is only a pronoun ("Honestly it wore me down."): the next
sentence says what it is."""
_ABOUT_ME = re.compile(r"\b(?:me|my)\b")


_INTERJECTION = re.compile(r"^(?:(?:ugh|argh|urgh|oof|ouch|man|mate|god|gosh|jeez|geez|sigh|yikes|"
                           r"well|like)[,!\s]+)+")
"""Interjections before what the speaker says: "Ugh, honestly not great"."""


_STRUGGLE_SHAPES = phrase_pattern(
    r"\b(?:a bit|quite|really|so|pretty|very|kind of|sort of|feeling|feel|felt|getting) (?:isolated|lonely|cut off)\b"
    r"|\bi (?:still )?(?:don't|do not) (?:really )?know anyone\b|\bgo (?:days|weeks) without (?:seeing|talking to)\b"
    r"|\bi (?:just |honestly |really )?(?:don't|do not) know (?:where (?:it's|its|the \w+ (?:is|are)) (?:all )?going|"
    r"how (?:people|anyone|other \w+) (?:do|manage|fund|afford|cope))\b"
    r"|\bi (?:just |always |kind of |sort of )?(?:freeze|lock up|go blank|blank)\b"
    r"|\b(?:stuck|caught) in the middle\b|\b(?:lie|lying) awake\b|\blos(?:e|ing) sleep\b"
    r"|\bkeeps? me up at night\b|\bi (?:feel|am|'m) (?:a bit |completely |totally |kind of )?in the dark\b"
    r"|\b(?:still )?not where i want (?:it|them|to be)\b"
    r"|\b(?:aren't|isn't|are not|is not) (?:quite |really )?there yet\b"
    r"|\bi (?:still )?(?:don't|do not) have enough\b"
    r"|\b(?:i'm|i am|i feel|feeling) (?:so |really |completely |totally |a bit |just )?"
    r"(?:worn out|burnt out|burned out|knackered|wiped out|drained)\b")
"""Struggles said without a word of difficulty: isolation ("a bit isolated", "I still don't
know anyone outside work"), not knowing where the money goes, freezing, being stuck in the
middle, lying awake, being in the dark, work not there yet, not enough of what is needed,
being worn out."""


def _is_challenge(sentence: Sentence) -> bool:
    body = LEAD.sub("", _INTERJECTION.sub("", LEAD.sub("", sentence.norm))).strip(" ,")
    if not body or _GLITCH.search(body):
        return False
    mentor = sentence.speaker == "mentor"
    if question_kind(sentence) is not None:
        return not mentor and any(_WORRY_QUESTION.match(LEAD.sub("", c).strip())
                                  for c in body.split(","))
    if _SESSION_META.search(body):
        return False
    if _RESOLVED.search(body) or _ACCEPTING.match(sentence.norm):
        return False
    settled = _WENT_WELL.search(body)
    conflict = None if mentor else (_CONFLICT.search(body) or _CONFLICT_MORE.search(body))
    if conflict is not None:
        return not _NOT_MINE.search(body[:conflict.start()])
    match = _FIRST_PERSON.search(body) or _FIRST_PERSON_MORE.search(body)
    if match is None and not mentor:
        match = DIFFICULTY.search(body) or DIFFICULTY_MORE.search(body) or _IMPERSONAL.search(body) \
            or _IMPERSONAL_MORE.search(body) or _STRUGGLE_SHAPES.search(body)
        if match is None:
            burden = BURDEN.search(body) or BURDEN_STATE.search(body) or BARE_VERDICT.match(sentence.norm)
            if burden is not None and GOOD_SIDE.search(body, burden.start()):
                return False
            # A burden judged ("he's been a bit of a handful") is the speaker's, whoever it names.
            return burden is not None and not _NOT_MINE.search(body[:burden.start()].split(",")[-1])
    if match is None:
        return False
    if mentor and (_REASSURANCE.search(body) or _PAST.search(match.group(0))):
        return False
    if settled is not None and _PAST_FEELING.search(match.group(0)):
        return False
    if _BACK_THEN.search(body) and _PAST.search(match.group(0)):
        return False
    before = body[:match.start()]
    clause = _CLAUSE_BREAK.split(before)[-1].strip()
    return not (_NOT_MINE.search(clause)
                or (_OTHERS.match(clause) and not _ABOUT_ME.search(match.group(0))))


def is_challenge(sentence: Sentence) -> bool:
    """Does the sentence, on its own, raise a difficulty of the speaker's?"""
    return _is_challenge(sentence)


class _Turns:
    """Neighbouring sentences within one turn."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.turn = turn_numbers(ctx)

    def neighbour(self, sentence: Sentence, step: int) -> Sentence | None:
        """The sentence before (-1) or after (+1) in the same turn, if any."""
        position = position_of(self.ctx, sentence) + step
        if not 0 <= position < len(self.ctx.sentences):
            return None
        other = self.ctx.sentences[position]
        return other if self.turn[other.segment] == self.turn[sentence.segment] else None

    def with_context(self, first: Sentence) -> Sentence:
        """The sentence before a challenge in its turn, when it sets the challenge up.

        "I'm at sixty percent of quota. I'm worried I won't make it." reads as one challenge;
        a pleasantry, a question, a short aside or a contrast ("but it gets lonely") does not.
        A person introduced just before ("So, Tanya, my evening lead.") is always included.
        """
        before = self.neighbour(first, -1)
        if before is not None and _INTRODUCTION.match(before.norm):
            return before
        if before is not None and _TOPIC.match(before.norm) and question_kind(before) is None:
            return before
        if before is not None and re.match(r"(?:because|'cause|cause|cos)\b", first.norm):
            return before  # "Is it normal that I spend three hours a night on it? Because I'm exhausted."
        if (before is None or _CONTRAST.match(first.norm) or len(before.norm.split()) < 6
                or _PLEASANTRY.match(before.norm) or question_kind(before) is not None):
            return first
        introduced = self.neighbour(before, -1)
        return introduced if introduced is not None and _INTRODUCTION.match(introduced.norm) else before

    def with_reason(self, last: Sentence) -> Sentence:
        """The sentence after a bare feeling ("Honestly a bit anxious."), which says why, or
        the rest of a sentence a recogniser cut at a segment boundary ("... I don't have
        enough shipped" | "Systems work compared to the internal people.")."""
        after = self.neighbour(last, +1)
        if after is None or question_kind(after) is not None:
            return last
        if len(last.norm.split()) <= 4 or _VAGUE.match(last.norm) or PROBLEM_FLAG.search(last.norm) \
                or self._cut_off(last, after):
            return after
        return last

    def _cut_off(self, last: Sentence, after: Sentence) -> bool:
        """Does `after` open the next segment with the unfinished rest of `last`?"""
        segment_text = self.ctx.transcript.segments[last.segment].text.rstrip()
        return after.segment == last.segment + 1 and after.char_start == 0 \
            and last.char_start + len(last.text) >= len(segment_text) \
            and len(after.norm.split()) <= 8 and not _SUBJECT_START.match(after.norm)


_TASK_REQUEST = re.compile(r"\b(?:can|could|would|will) you (?:also |please |maybe )?(?:ask|send|share|get|bring|book|"
                           r"email|set up|check|find|look|forward|introduce|pull|grab|dig)\b[^?]*\?")
_UNABLE = re.compile(r"\b(?:can't|cannot|couldn't|won't be able|not able|unable)\b")


def _asked_for_tasks(ctx: Context) -> set[int]:
    """Segments of a turn that answers the other person's request for a task."""
    answering: set[int] = set()
    for previous, turn in zip(ctx.turns, ctx.turns[1:]):
        said = [s for seg in previous for s in ctx.by_segment(seg)]
        if said and any(_TASK_REQUEST.search(s.norm) for s in said[-2:]):
            answering.update(turn)
    return answering


def extract_challenges(ctx: Context) -> list[Challenge]:
    """Challenges in the order raised; adjacent sentences of one turn are one item."""
    turns = _Turns(ctx)

    asked = _asked_for_tasks(ctx)

    def keep(sentence: Sentence) -> bool:
        if not _is_challenge(sentence):
            return False
        # "Can you ask Maria for the recordings?" - "Maria's out, and I can't get into the
        # drive": the reason for declining a task, not a difficulty raised.
        if sentence.segment in asked and (_UNABLE.search(sentence.norm) or BURDEN.search(sentence.norm)):
            return False  # "could you send me the glossary?" - "it's a mess right now": terms, not a trouble
        # "Thanks! I was panicking inside.": a past feeling in answer to praise is over.
        before = turns.neighbour(sentence, -1)
        thanked = before is not None and (_THANKS.match(before.norm) or _ACKNOWLEDGED.match(before.norm))
        after = turns.neighbour(sentence, +1)
        dismissed = after is not None and _DISMISSED.match(after.norm)
        return not (thanked and _PAST_ONLY.match(sentence.norm) or dismissed)

    items = []
    for first, last in group_items(ctx, keep):
        text, source = span(ctx, turns.with_context(first), turns.with_reason(last))
        items.append(Challenge(speaker=first.speaker, text=text, source=source))
    return items
