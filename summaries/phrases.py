"""The wording of tasks: the phrase and verb tables that the extractors match.

Kept apart from the code that walks the conversation (action_items.py) so that the rules
read as a short program and the vocabulary as a list that grows: a new way of promising,
asking, offering or declining is one more alternative here. Every pattern is matched
against `Sentence.norm` (lower case, fillers removed, "gonna" expanded; see text.py).
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- verbs

TASK_VERBS = frozenset("""
add address analyse analyze apply approve archive arrange ask assess attend audit benchmark
block book brainstorm bring browse build buy calculate call cancel catch change chase chat
check choose circulate clarify clean clear close coach collect compare compile complete
condense configure confirm connect contact copy correct cover create cut debug decide define
delete deliver deploy design dig do document download draft drop edit email enrol enroll
estimate evaluate expand extend file fill finalise finalize find finish fix flag follow
forward gather get give go grab grade hand help hire hold host implement improve install
interview introduce invite join keep jot label lead learn leave list log look loop make map mark
measure mention meet merge message migrate mock move note nudge observe onboard open order organise
organize outline pair pass pause pay pick ping pitch plan polish post practice practise
prepare present print prioritise prioritize profile proofread propose prototype publish pull
push put raise rank rate reach read rebook reconcile record redo reduce refactor reformat
register rehearse release remind rename renew reply request reschedule research reserve
respond restructure review revise rework rewrite run save scan schedule score select send set
shadow share ship shorten sign simplify sit sketch skim sort start study submit summarise
summarize tag take talk teach test text tidy track train transcribe translate trim try turn
type update upload use validate verify visit watch wireframe work write
""".split())
"""Verbs that open a task ("send", "book", "review"): imperatives and requests start with one."""

# ---------------------------------------------------------------- commitments, requests, offers

COMMITMENT = re.compile(
    r"\b(?:"
    r"(?P<will>what\s+i(?:'ll|\s+will|'m\s+going\s+to)\s+do(?:\s+(?:instead|then|now|first))?\s+is(?:\s+to)?"
    r"|^going\s+to|i'll|i\s+will|i\s+shall"
    r"|i'm\s+going\s+to|i\s+am\s+going\s+to|i'm\s+planning\s+to|"
    r"i\s+plan\s+to|i\s+intend\s+to|i\s+promise\s+to|i'll\s+make\s+sure\s+to|i'll\s+make\s+sure\s+i|"
    r"my\s+plan\s+is\s+to|i\s+plan\s+on|i'm\s+planning\s+on)"
    r"|(?P<can>i\s+can)(?!')"
    # "I'm calling the recruiter tomorrow": the present for a plan, kept only with a date.
    r"|(?P<prog>i'm|i\s+am)(?=\s+(?:calling|emailing|sending|submitting|booking|messaging|texting|ringing|"
    r"applying|writing|finishing|filing|posting|uploading|phoning|handing\s+in|signing\s+up|tidying|fixing|"
    r"drafting|updating|preparing|printing|ordering|collecting|rewriting|redoing|sorting\s+out|chasing|"
    r"setting\s+up|dropping\s+off|reviewing|editing|typing\s+up|"
    r"compiling|scanning|returning|forwarding|sharing|circulating)\b)"
    r"|(?P<must>i\s+need\s+to|i\s+have\s+to|i've\s+got\s+to|i\s+got\s+to|i\s+must)"
    r"|(?P<let>let\s+me)"
    # "I'll" heard as "I": "I ask her when I see her Monday" (kept only with a date to come).
    r"|(?P<bare>i)(?=\s+(?:send|email|introduce|ask|share|forward|write|draft|book|review|update|"
    r"call|ping|text|message|post|submit|schedule|finish|add|fix|prepare|upload|circulate|compile|"
    r"reach\s+out|set\s+up|sign\s+up|get\s+back)\b)"
    r"|(?P<mine>(?:(?:my|the)\s+(?:homework|action\s+items?|tasks?|to-?dos?|next\s+steps?|assignment)"
    r"(?:\s+for\s+me)?|(?:homework|action\s+items?|tasks?|to-?dos?|next\s+steps?)\s+for\s+me)"
    r"(?:,?\s+(?:then|now|so|for\s+(?:this|next)\s+(?:week|time)|this\s+(?:week|time)),?)?"
    r"(?:\s+(?:is|are|will\s+be)(?:\s+to)?:?|\s*:)|action\s+items?\s+for\s+me(?:\s+is|\s+are)?"
    r"\s*:?|note\s+to\s+self\s*:?|i'll\s+take\s+care\s+of|i\s+can\s+take\s+care\s+of|"
    r"(?:you\s+can\s+)?put\s+me\s+down\s+for)"
    r"|(?P<both>let's\s+(?:both|each|all)|let\s+us\s+(?:both|each)|we(?:'ll|\s+will)\s+(?:both|each)|"
    r"we(?:'re|\s+are)\s+both\s+going\s+to|both\s+of\s+us\s+(?:will|should|need\s+to|are\s+going\s+to)|"
    r"we\s+(?:both|each)\s+(?:need\s+to|should|will|have\s+to|are\s+going\s+to)|"
    r"we\s+should\s+(?:both|each)|we\s+each|"
    r"(?:i'd|i\s+would)\s+like\s+us\s+(?:both|each|all|two)\s+to(?:\s+do\s*:)?)"
    r")\s+")
ON_ME = re.compile(r"(?:^|,\s*)(?P<task>[\w' -]+?)\s+(?:is|are|'s)\s+on\s+(?:me|my\s+plate|my\s+list)\b")

REQUEST = re.compile(
    r"\b(?:(?P<assign>"
    # Assignments: a plain "okay" accepts them.
    r"(?:i'd|i\s+would)\s+(?:like|love)\s+(?:for\s+)?you\s+to\s+"
    r"|(?:here's\s+|so\s+)?what\s+i(?:'d)?\s+(?:want|like|need)\s+you\s+to\s+(?:try|do)(?:\s+is)?(?:\s+to)?\s*:?\s+"
    r"|i\s+(?:want|need)\s+you\s+to\s+|let's\s+say\s+(?:that\s+)?you\s+(?!(?:can|could|might|are|were|have|had)\b)"
    r"|(?:your|the)\s+(?:homework|action\s+items?|tasks?|assignment|next\s+steps?)(?:\s+for\s+you)?\s+"
    r"(?:(?:then|now|so|for\s+(?:this|next)\s+(?:week|time)|this\s+(?:week|time)),?\s+)?"
    r"(?:is|are|will\s+be)(?:\s+to)?\s+"
    r"|(?:my\s+)?(?:action\s+items?|homework|tasks?)\s+for\s+you(?:\s+is|\s+are|\s+will\s+be)?"
    r"(?:\s+to)?\s*:?\s+"
    r"|(?:please\s+)?(?:make\s+sure|remember)\s+(?:you\s+|to\s+)|don't\s+forget\s+to\s+"
    # "here's my challenge: get through the question bank by the end of the month"
    r"|here(?:'s|\s+is)\s+(?:my|your|the|a|one)\s+(?:challenge|homework|task|assignment|ask|request)"
    r"(?:\s+for\s+you)?(?:\s+then)?\s*:\s+"
    r")|(?P<open>"
    # Open to whoever takes it: "who's going to set up the folder?" - "I can take that."
    r"who(?:'s|\s+is)\s+going\s+to\s+|who\s+(?:can|will|wants\s+to|could)\s+"
    # "who's doing the access statement?": the task in its -ing form
    r"|who(?:'s|\s+is)\s+(?=(?:doing|writing|drafting|taking|handling|running|leading|preparing|booking|"
    r"organi[sz]ing|sorting|covering|sending|updating|chasing|presenting|owning)\s+(?:the|this|that|our|a|an)\b)"
    r"|(?:someone|somebody)\s+(?:needs|has|should|ought)\s+to\s+|we\s+need\s+someone\s+to\s+"
    r"|(?:wants|needs|want|need|asked\s+for|is\s+looking\s+for)\s+(?:someone|somebody)\s+to\s+"
    r")|(?P<ask>"
    r"(?:can|could|would|will)\s+you\s+(?:please\s+|also\s+|maybe\s+|just\s+|possibly\s+|perhaps\s+)*"
    r"(?:be\s+able\s+to\s+|(?:have|find|get)\s+(?:the\s+|some\s+|a\s+)?(?:time|chance|minute|moment)\s+to\s+)?"
    r"(?!(?:like|mind|think|hear|see|imagine|tell\s+me|remind\s+me\s+what|say|be|"
    r"explain|do\s+me)\b)"
    r"|(?:would|will|do)\s+you\s+mind\s+(?=\w+ing\b)"  # "will": "would" as often misheard
    # an invitation: "would you like to sit in on the hearing?", "would you be willing to co-write it?"
    r"|would\s+you\s+(?:like|want|be\s+(?:willing|up\s+for\s+it|keen))\s+to\s+(?=(?:sit|come|join|co-write|write|"
    r"help|shadow|run|lead|present|observe|attend|do)\b)"
    r"|(?:are\s+you\s+able|is\s+it\s+possible\s+for\s+you|any\s+chance\s+you\s+could|"
    r"do\s+you\s+think\s+you\s+could)\s+(?:to\s+)?"
    r"|it\s+would\s+be\s+(?:great|good|helpful|nice|ideal|awesome|useful)\s+if\s+you\s+(?:could|can|would)\s+"
    r"|can\s+i\s+(?:ask|get)\s+you\s+to\s+"
    # Checking what the other takes on: "so you'll send me the draft by Friday?"
    r"|(?:so|and)\s+you(?:'ll|\s+will|'re\s+going\s+to)\s+(?=[^?]*\?$)"
    # ... or in the present: "and you make a start on the first section over the weekend?"
    r"|^(?:so|and),?\s+you\s+(?=(?!(?:know|think|feel|mean|see|want|need|like|reckon|agree|remember|have|are|were"
    r"|do|did|can|could|would|should|might|must|got|get|said|told|mentioned|asked|thought|[a-z]+ed)\b)[a-z]+\s"
    r"[^?]*\?$)"
    r"|please\s+"
    r"))")
OFFER = re.compile(
    r"\b(?:would\s+you\s+like\s+me\s+to|(?:do\s+you\s+)?want\s+me\s+to|shall\s+i|"
    r"should\s+i(?=\s+(?:send|introduce|set|ask|email|book|share|forward|loop|connect|reach)\b)|"
    r"would\s+it\s+help\s+if\s+i|how\s+about\s+i|maybe\s+i\s+could|i\s+could|"
    r"(?:one\s+thing\s+)?i\s+can(?:\s+also)?(?:\s+do\s+is)?|i'd\s+be\s+happy\s+to|happy\s+to|"
    r"i\s+might\s+be\s+able\s+to)\s+")
SUGGEST_PHRASE = re.compile(
    r"\b(?:have\s+a\s+(?:crack|go|look|read|try|stab|bash|think)\s+at|take\s+a\s+(?:look|stab)\s+at|"
    r"check\s+out|look\s+into|read\s+up\s+on|give\s+(?:it|that|this|\w+)\s+a\s+(?:go|try|shot))\b")
"""Suggestions whose verb phrase is the task itself: "have a crack at the SQL chapter"."""
SUGGESTION = re.compile(
    r"\b(?:it\s+(?:might|may|would|could|will|should)\s+help\s+to|(?:maybe\s+)?try\s+(?:to\s+)?(?=\w+)|"
    r"you\s+(?:may\s+want\s+to|might\s+want\s+to|could|should|might|ought\s+to|need\s+to)|"
    r"have\s+you\s+(?:considered|thought\s+about|tried)|what\s+if\s+you|"
    r"(?:i'd|i\s+would)\s+(?:suggest|recommend|advise)(?:\s+that)?(?:\s+you)?|how\s+about(?:\s+you)?|"
    r"why\s+don't\s+you|consider|(?:(?:one|a|my)\s+)?(?:[a-z]+\s+)?(?:suggestion|tip|idea)\s*:|"
    r"here's\s+what\s+i'd\s+do\s*:|(?:it's|it\s+is)\s+worth)\s+")
LEAD_IN = re.compile(
    r"^(?:(?:and|so|also|oh|then|just|okay|ok|now|first|right|alright|all\s+right|um|uh|er|erm|"
    r"(?:great|perfect|good|fine|lovely|brilliant|excellent|cool|nice)(?!\s+(?:call|work|job|catch|point|idea|luck|"
    r"question|shout|stuff|show|start|"
    r"effort|try|move|thinking|plan|news)\b)|yes|yeah|well|sure|of\s+course|absolutely|definitely|no\s+problem|"
    r"next\s+time|"
    r"for\s+now|in\s+the\s+meantime|meanwhile|after\s+that|actually|and\s+also|oh\s+and|but|"
    r"tell\s+you\s+what|here's\s+what|how\s+about\s+this|look|listen|honestly"
    r"|(?:speaking|talking)\s+of\s+(?:that|the|this|those|your|my)(?:\s+[\w'-]+){1,3}?\s*[:,])[,\s]+)*")
ADVERBS = re.compile(
    r"^(?:(?:also|just|only|actually|definitely|probably|really|then|first|quickly|finally|still|always|gently|briefly|"
    r"personally|totally|absolutely|certainly|gladly|happily|at\s+least|go\s+ahead\s+and|aim\s+to|"
    r"make\s+sure\s+(?:to|i)|try\s+and|get\s+around\s+to)\s+)*")

_LEAVE_TAKING = (
    r"(?:take\s+care\b(?!\s+of)|look\s+after\s+yourself|stay\s+(?:safe|warm|dry|well|sane)\b|rest\s+up\b|"
    r"enjoy\s+(?:the|your)\s+(?:weekend|break|holiday|evening|day|trip|time\s+off)\b|"
    r"have\s+a\s+(?:good|great|nice|lovely|safe)\s+(?:one|weekend|evening|day|break|holiday|trip|flight)\b|"
    r"(?:good)?bye\b|cheers\b)")
LEAVE_TAKING = re.compile(_LEAVE_TAKING)
"""Good wishes at parting, no task: "take care, and try to get some sleep" / "will do"."""
_CARE = (r"(?:go\s+and\s+(?:eat|drink|sleep|rest|relax|enjoy|have\s+(?:a|some)|get\s+some)\b|"
         r"get\s+some\s+(?:sleep|rest)\b|take\s+(?:a|the)\s+(?:day|weekend|night|evening|morning|afternoon)\s+off\b)")
CARE = re.compile(_CARE)
"""Looking after oneself, no task: "go and get some food", "take a day off" - "I'll try"."""
NOT_TASK = re.compile(
    r"^(?:be\b(?!\s+\w+ing\b|\s+(?:one\s+of\s+)?(?:your|his|her|their)\s+[\w-]+)|admit|confess|say|said|"
    r"(?:cross|tick|strike)\s+(?:that|it|this|them|those)\s+off\b|contradict\s+myself|"
    r"steal\s+(?:that|it|this)\b(?!\s+(?:from|off)\b)|"
    r"tell\s+you\s+(?:what|something|this|the\s+truth)|"
    r"bet|guess|see\s+(?:you|ya)|talk\s+to\s+you|speak\s+to\s+you|catch\s+you|hear|miss|"
    r"let\s+you\s+go|leave\s+(?:it|that|you)\b|stop\s+(?:you|there|here|sharing)|wrap\s+up|"
    r"pass\b(?!\s+(?:it|this|that|them|those|these|the\s+[\w-]+)\s+(?:on|along|over|back)\s+to\s+(?!you\b)\w"
    r"|\s+(?:you|him|her|them)\s+(?:the|my|his|her|their|a|an|some)\s)|"
    r"keep\s+(?:it|that|this)\s+(?:short|brief|in\s+mind)|keep\s+you\s+posted|think\s+about\s+it|"
    r"do\s+my\s+best|try\s+my\s+best|take\s+(?:that|it)\s+as|take\s+your\s+word|look\s+forward|"
    r"remember\s+(?:that|this)|never|not|no\b|answer\s+(?:that|your)|start\s+(?:with|by|off)|"
    r"give\s+(?:him|her|them|you)\s+that\b|"
    r"go\s+(?:first|next|ahead|back(?!\s+(?:through|over|into)\b|\s+and\s+(?!forth\b)))|"
    r"jump\s+in|share\s+my\s+screen|mute|unmute|"
    r"put\s+it\s+(?:this|that)\s+way|take\s+(?:it|things)\s+from\s+there|play\s+it\s+by\s+ear|"
    r"see\s+how\s+(?:it|things)\s+go(?:es)?|"
    r"give\s+you\s+an\s+example|repeat|rephrase|need\s+to|"
    r"(?:stay|keep)\s+(?:well\s+)?(?:away\s+from|out\s+of)|steer\s+clear\s+of|"  # "I'll stay away from the legal side"
    # the call itself cut or moved, and how one will make the agreed slot: "I'll stay on in the office"
    r"cut\s+(?:this|it|things|today|the\s+call|us)\s+short|cancel\s+(?:this|today|tonight|our|on\s+you)\b|"
    r"make\s+(?:the\s+)?time$|make\s+it\s+work$|sort\s+out\s+(?:next\s+time|when\s+we\s+(?:next\s+)?(?:meet|speak))\b|"
    r"stay\s+(?:on|late)\b(?!\s+(?:top|it|the|to)\b)|come\s+in\s+early$|"
    r"find\s+a\s+(?:quiet|free|spare|empty)\s+(?:room|spot|corner|office)\b|"
    # explaining or mentioning to someone else is a task: "I'll explain that to my director"
    r"(?:explain|mention)(?!\s+(?:it|this|that|them|you|(?:your|my|the|our)\s+[\w-]+)\s+to\s+(?!you\b|me\b))|"
    r"have\s+to|"
    r"let\s+you\s+know\s+(?:if|how|what\s+(?:happens|they\s+say))|"
    # Keeping in touch with the other participant is no task: "I'll call you Monday", "I'll
    # ring you after the meeting to see how it went" ("I'll text you the address" is one).
    r"(?:call|ring|phone|buzz|check\s+in\s+(?:with|on)|catch\s+up\s+with|touch\s+base\s+with)\s+(?:you|me)\b"
    r"(?!\s+(?:about|re|regarding|with)\b)|give\s+(?:you|me)\s+a\s+(?:call|ring|buzz|bell|shout)\b|"
    r"share\s+what\s+i|ask\s+(?:you\s+)?(?:some\s+)?questions|ask\s+you\s+(?:about|something|one\s+thing)\b|"
    r"ask\s+(?:about\s+)?something\b|ask\s+a\s+(?:quick\s+|silly\s+|daft\s+|personal\s+|cheeky\s+)?question\b|"
    + _CARE + "|"
    # putting something off: "let me get through Christmas first", "get the festival out of the way first"
    r"get\s+(?:through|past)\s+[\w' -]{2,30}?\s+first\b|get\s+[\w' -]{2,30}?\s+out\s+of\s+the\s+way\s+first\b|"
    r"(?:pull|call)\s+me\s+(?:up|out)\b|push\s+(?:on|back\s+on)\s+(?:that|this|it)\b|"
    r"push\s+back(?:\s+(?:a\s+(?:little|bit|touch)|slightly|there|here))?$|"
    r"push\s+back\s+on\s+(?:one|a\s+couple\s+of|two)\s+(?:things?|points?|bits?)\b|"
    r"(?:ask|listen|talk|tell|speak)\s+(?:more|less)\s+and\s+(?:ask|listen|talk|tell|speak)\s+(?:more|less)\b|"
    r"give\s+you\s+(?:honest\s+|my\s+|some\s+)?feedback|"
    r"support\s+you|help\s+you\b(?!\s+with)|listen|be\s+there|challenge\s+you|guide\s+you|"
    r"(?:figure|sort|work)\s+(?:it|something|things|this|that)\s+out|see\s+(?:what|how)|"
    r"deal\s+with\s+it|manage|survive|live\s+with|cope|spare\s+you\b|allow\s+(?:it|that)\b|"
    r"make\s+(?:that|it|this)\s+(?:my|a|the|our)\s+(?:rule|habit|mantra|motto)\b|hold\s+you\s+to\b|"
    r"have\s+a\s+(?:think|ponder)\b|do\s+some\s+homework$|"
    r"have\s+(?:a\s+|some\s+|decent\s+|good\s+)?(?:signal|reception|wi-?fi|internet|coverage|a\s+connection)\b|"
    r"put\s+you\s+to\s+work\b|"
    # an idiom, a state to come, letting the other go: "I'll believe it when I see it", "I'll have
    # heard from Dr Kessler by then", "I'll let you get back to your sandwich"
    r"believe\s+(?:it|that)\b|have\s+(?:heard\b|news\b|a\s+(?:better|clearer|rough)\s+(?:idea|picture|sense)\b|"
    r"room\s+for\b)|let\s+you\s+(?:get\s+(?:back\s+)?to|finish|go)\b|"
    # noting the time just agreed: "Monday the eleventh, four o'clock" - "Done. I'll put it in the diary."
    r"put\s+(?:it|that)\s+(?:in|down)(?:\s+(?:the|my|our)\s+(?:diary|calendar))?$|"
    r"keep\s+it\s+(?:straight|honest|real|simple|calm|calmer|cooler|tidier|\w+er)\b|"
    r"want\b|"  # "I'll want the full story": a wish, not a task
    # not doing something: "I'll hold off on the minibus", "I'll skip Leicester this year"
    r"hold\s+off|hang\s+fire|sit\s+tight|skip\b|make\s+do\b|steer\s+clear|stay\s+(?:away|out)\s+of|"
    r"give\s+(?:it|that|this|them|(?:the|this|that)\s+[\w-]+(?:\s+[\w-]+)?)\s+a\s+miss\b|"
    r"wait\s+(?:until|till|til|and\s+see|for\s+(?:now|the\s+(?:outcome|result|decision)))\b|park\s+(?:it|that|this)\b|"
    # going on with something, not a task: "keep it going", "keep doing that", "keep the calls for ..."
    r"keep\s+(?:it|them|that|this|things)\s+(?:really\s+|very\s+|nice\s+and\s+|super\s+|quite\s+)?"
    r"(?:short|brief|simple|tight|light|small|quick|focused|casual|informal|low-key|general)\b|"
    r"keep\s+(?:(?:it|them|that|this|those)\s+)?(?:going|doing|up\b|on\b|at\s+it|working|coming|"
    r"the\s+(?:calls?|sessions?|meetings?|chats?))|"
    # A relative clause, not a promise: "the soak schedule I'll give you".
    r"(?:give|send|show)\s+you$|"
    # Rest is no task: "I'm going to go and sleep for fourteen hours".
    r"(?:go\s+(?:and\s+)?)?(?:sleep|nap|collapse|crash)\b|get\s+some\s+(?:sleep|rest)\b|"
    + _LEAVE_TAKING + "|"
    r"see\s+(?:that|it|this|why|the\s+point|where)|imagine|understand|relate|feel|totally|"
    # "tell you ..." steers the talk; telling others about something is a task.
    r"tell\b(?!\s+(?!you\b|ya\b)(?:them|him|her|everyone|everybody|the\s+[\w-]+|my\s+[\w-]+|[a-z]+)"
    r"(?:[\s,]+[\w'-]+){0,6}?[\s,]+(?:about|that|before|by|on|at|when|after|next|this|to|tomorrow|tonight|today|"
    r"first\s+thing|i|i'm|i'll|i've|we|we're|we'll|it's|it|no|yes|she|he|they|she's|he's|they're|what|how|why)\b"
    r"|\s+(?!(?:you|ya|them|him|her|everyone|everybody|people|it|that|this|so|me|us)\b)(?:(?:my|the|our)\s+)?"
    r"[a-z][\w'-]*$)|"
    r"definitely\s+see)")
META = re.compile(
    # Steering the conversation itself: "I'll move on", "I'll come back to that", "I'll show you".
    # With a date ("I'll present it on Friday") these are tasks after all.
    r"^(?:move\s+on|wrap\s+(?:it|this|things)\s+up|show\b|present\b|"
    r"go\s+(?:into|on)\b(?!\s+your\b|\s+(?:the\s+)?next\s+one\b|\s+one\s+of\b)|"
    # "I'll go to your question" steers the talk; "let's both go to the open day" is somewhere to be
    r"go\s+to\s+(?=(?:the\s+|that\s+|this\s+|a\s+|your\s+|my\s+)?(?:(?:next|last|previous|first|second|other)\s+)?"
    r"(?:questions?|points?|slides?|pages?|section|topic|item|bit|part|that|this|it|them|you|him|her|something)\b)|"
    # "I'll go through the options" steers the talk; "I'll go through all three VODs" is work
    r"go\s+(?:over|through)\b(?=\s+(?:(?:the|my|our|a\s+few|some|two|three|all|all\s+the)\s+)?(?:agenda|points?|"
    r"options?|questions?|list|plan|basics|details|steps|what|how|why|where|when|that|this|it|them|those|these|things|"
    r"everything|each|both|quickly|briefly|again|now|first|with\s+you|next|slides?)\b|\s*$)|"
    r"come\s+(?:back\s+)?to\s+(?:that|this|it|you)\b|leave\s+(?:space|the\s+decision|it)|wait\b|"
    r"let\s+\w+(?:\s+\w+){0,4}\s+(?:speak|go|talk|present|finish|answer)\b|agree\b|carry\s+on|continue\b|"
    r"hand\s+(?:it\s+)?over|pass\s+(?:it\s+)?(?:over|on)(?!\s+to\s+(?!you\b)\w)|get\s+(?:it|this|that)\s+right|"
    r"plug\b|"
    r"do$|try$|have\s+a\s+go$|keep\s+it\s+(?:simple|short|brief)|stop\s+there|review\s+what\s+we|"
    r"raise\s+(?:another|a|one)\s+(?:point|question|thing)|point\s+out|add\s+(?:one|something|to\s+that)|"
    r"suggest|propose\s+(?:that|we)|take\s+(?:this|that|it)$)")
IMMEDIATE = re.compile(
    # "let me check" now; "let me check with Pete whether it's free" is asking someone
    r"^(?:know|check(?!\s+with\s+(?!you\b|myself\b)[a-z]+(?:\s+[a-z]+)?\s+(?:whether|if|about|what|when)\b)|"
    r"see|think|look(?!\s+into\b)|pull|grab|open|share\s+my\s+screen|ask\s+you|be\b|say|start|"
    r"explain|rephrase|recap|summari[sz]e|just|quickly|guess|tell\s+you|show\s+you|find|flip|get\s+this\s+"
    r"straight|make\s+sure\s+i|understand|repeat|play|turn|switch|move\s+on|go\s+back|jump|scroll|stop|"
    r"shut|close|adjust|move\s+(?:the|my)\s+(?:mic|microphone|camera|laptop|phone|headset)|ask\s+(?:it|that|this)\b|"
    r"get\s+(?:the\s+)?(?:heat|heating|engine|kettle|coffee|tea|lights?)\s+(?:going|on|off)\b|"
    r"mute|unmute|write\s+(?:that|this|it)\s+down|note\s+(?:that|this)|jot|take\s+a\s+note|read|"
    r"double-check|confirm\s+i|suggest|propose|recommend|add\b|point\s+out|clarify|put\s+it|"
    r"give\s+you\s+(?:an?\s+)?(?:example|idea|sense|two|three|some\s+context)|push\s+you\b|challenge\s+you\b|"
    r"ask\s+(?:you|a|one|something|the\s+group|everyone|about\s+you)\b|"
    r"make\s+(?:it|this|that|the\s+\w+)\s+(?:bigger|smaller|larger|louder|full[\s-]?screen)\b"
    # moving about during the call: "hang on, let me get away from the fermenters"
    r"|get\s+(?:away\s+from|out\s+of|closer\s+to)|find\s+a\s+(?:quieter|better)\s+(?:spot|room|place)|"
    r"close\s+(?:the|my)\s+(?:door|window)|wind\s+(?:the|my)\s+window|step\s+(?:outside|out|away|inside)\b|"
    r"plug\s+(?:in|my)|grab\s+my\s+(?:headphones|charger|notes)"
    r"|put\s+(?:the|a|my)\s+(?:\w+\s+)?(?:light|lamp)s?\s+on\b)")
HABIT = re.compile(r"\b(?:in\s+general|usually|normally|generally|typically|tend\s+to|"
                   r"in\s+the\s+(?:evenings|mornings|afternoons)|on\s+(?:weekends|weekdays|"
                   r"mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))\b")
"""Habits ("I'll usually get back to you within a day") describe, they do not promise."""
RECURRING = re.compile(r"\b(?:always|every|each\s+time|whenever|from\s+now\s+on|never|going\s+forward)\b")
NOTE_THE_MEETING = (r"(?:put|pop|stick|write|pencil)\s+(?:it|that)\s+(?:down\s+)?(?:in|into)\s+(?:your|the)\s+"
                    r"(?:diary|calendar)\b")
"""Asking the other to note the meeting just agreed ("put it in your diary before you forget"):
neither a task nor advice."""
KEEPING_IN_TOUCH = re.compile(
    r"^(?:reply|respond|answer|get\s+back|check\s+in|meet|call|text|message|email|e-mail|ping|"
    r"let\s+(?:you|each\s+other)\s+know|keep\s+(?:you|each\s+other)\s+posted|update|send\s+(?:you\s+)?"
    r"(?:an?\s+)?(?:update|agenda|recap|summary|notes)|share\s+(?:an?\s+)?(?:update|agenda)|be\s+available|"
    r"come\s+(?:to|with)|bring|talk|touch\s+base|cancel|reschedule)\b")
"""A recurring promise about reaching each other ("I'll always reply within a day", "let's
text each time") is a working rule, a decision; a recurring task of one's own ("I'll do a
timed practice exam every Saturday") is an action item."""
RESPONSE_RULE = re.compile(
    r"^(?:reply|respond|answer|get\s+back)\b(?:\s+to\s+(?:you|them|messages|emails))?.*\b(?:within\s+(?:a|an|one|two|"
    r"three|\d+|twenty[- ]four|forty[- ]eight|the\s+same)\s+(?:working\s+|business\s+|school\s+)?(?:day|days|hours?)|"
    r"(?:by|before)\s+the\s+end\s+of\s+the\s+(?:next|following|same)\s+(?:\w+\s+)?day|"
    r"within\s+(?:a\s+couple\s+of|a\s+few|a\s+day\s+or\s+two|two\s+or\s+three)\s*(?:working\s+)?(?:days?|hours)?|"
    r"by\s+(?:the\s+)?evening$|(?:the\s+)?same\s+day$)\b")
"""A promise of how fast one answers ("I'll get back to you within two working days") is a
working rule, a decision, not a task."""
FUTURE = re.compile(r"\b(?:this|next)\s+(?:week|month)\b|\blater\s+today\b")
STANDING = re.compile(
    r"\b(?:from\s+now\s+on|going\s+forward|in\s+(?:the\s+)?future|"
    r"(?:each|every)\s+(?:other\s+|single\s+)?(?:session|call|meeting|check-in|catch-up|time\s+we\s+(?:meet|talk))|"
    r"(?:make|making)\s+(?:that|it|this)\s+(?:the|a|our)\s+(?:routine|rule|default|norm|habit|standard)|"
    r"(?:the|our)\s+(?:routine|default)\s+(?:is|will\s+be)|every\s+time)\b")
"""A change to how the two work together ("from now on I'll send the articles a day before",
"you send me a recording before each call and I'll come with three notes") is a standing
arrangement, a decision, not a task to tick off."""
STARTING = re.compile(r"\bstarting\b")
"""...unless it is given a start ("a recap after each session, starting tonight")."""
SHARED_RULE = re.compile(r"\bwithin (?:a|an|one|two|three|the same|twenty-four|forty-eight|24|48)?\s*"
                         r"(?:working |business )?(?:hours?|days?)\b")
"""...and so is "let's both reply within a day" (within hours or days; "let's both bring two
names within two weeks" is a task with its date)."""
HEDGE_BEFORE = re.compile(r"(?:\bif\s+i\b|\bif\s+there's\b|\bif\s+there\s+is\b|\bif\s+possible\b|"
                          r"\bmaybe\b|\bperhaps\b|\bhope\b|\bwish\b|\bdon't\s+think\b|\bnot\s+sure\b|"
                          r"\bdoubt\b|\bdon't\s+know\s+if\b|\bwhether\b|(?<!\bi\s)\bsaid\b|\btold\s+\w+\b|"
                          r"\b(?:keep|kept)\s+(?:telling\s+(?:myself|me|everyone|people)|saying)\b|"
                          r"\bpromised\b|\bthought\b|\bfigured\b|\bwhen\s+can\b|\bhow\b|\bwhy\b|"
                          r"(?<!\bknow\s)(?<!\bguess\s)\bwhat\b|\bshould\b|\bwould\b|\bdo\s+you\s+think\b|\bwhere\b|"
                          r"\bwhen\b|\bunless\b|\bscared\b|\bafraid\b|\bworried\b|\bterrified\b|\bnervous\b|"
                          r"\bfear\b)[^,]{0,24}$")
HYPOTHETICAL = re.compile(r"\bif\s+i\s+(?:had|have|get|got|find|could|were)\b|"
                          r"\bif\s+(?:there's|there\s+is)\s+time\b")
TAG_QUESTION = re.compile(r"(?<!\bthe)(?<!\ba)(?<!\bthat)(?<!\bthis)(?<!\bmy)(?<!\byour)(?<!\bour)(?<!\btheir)"
                          r"(?:,\s*|\s)(?:okay|ok|right|yeah|alright|sound\s+good|does\s+that\s+work|"
                          r"(?<=,\s)(?:would|will|could|can)\s+you|"
                          r"is\s+that\s+okay|fair|deal|cool)\s*\?$")
"""A question tag on a statement ("I'll take the first half, okay?"), not a noun ("before the fair?")."""
CLAUSE_CUT = re.compile(
    r",?\s+(?:so\s+that|so\s+(?=(?:i|he|she|we|they|you|it|that|there|there's|the|everyone|people|"
    r"nobody)\b)|because|since|as\s+(?=(?:i|he|she|"
    r"we|they|you|it)\b)|(?<!\bcheck\s)(?<!\bsee\s)(?<!\bask\s)(?<!\bconfirm\s)(?<!\bfind\sout\s)which|"
    r"but(?<!\bnothing but)(?<!\banything but)(?<!\ball but)|though|although|whereas|"
    r"unless|cause)\b"
    r"|,\s+(?:and\s+)?(?=(?:i|we|you|he|she|they|it's|that's|this\s+is|there's|it\s+is|that\s+is|"
    r"it\s+(?:takes|needs|was|will|would|should|might|may|can|could)\b|"
    r"let's|let\s+me|just|like|basically|for\s+example|e\.g|something\s+like|nobody|everyone)\b)"
    r"|\s+and\s+(?=(?:i'll|i\s+will|i'm|let\s+me|we'll|you|he|she|they|then\s+i)\b)"
    r"|\s+and\s+(?=(?:can|could|may|should|shall|will|would|do|did)\s+(?:i|we|you)\b)"
    r"|\s+and\s+(?=we\s+(?:can|could|should|will|might)\b)|,?\s+as\s+soon\s+as\b"
    r"|\s+(?=i'd\s+(?:love|like|rather|prefer|hate)\b)"  # "... just once i'd love someone to watch"
    r"|,\s+and\s+(?=(?:my|our|his|her|their)\b)"
    r"|,?\s+and\s+(?:as\s+)?for\s+(?=(?:the|my|your|our|his|her|their)\s)"  # "... and for the marshals, ..."
    r"|,\s+(?=(?:do|does|did|can|could|should|would|will|is|are|what|how|when|where|why)\s+"
    r"(?:you|i|we|he|she|they|it)\b)"
    r"|,?\s+(?:and|or|but)\s+(?=if\b)|,?\s+(?:while|whilst)\s+(?=(?:it's|it\s+is|i|i'm|you|we|they)\b)"
    r"|,\s+(?=that\s+(?:gives|means|way|should|will|would)\b)|\s+and\s+(?=what\s+i(?:'d|\s+would)\s+do\b)"
    r"|\s+(?=(?:do\s+you\s+fancy|fancy)\s+(?:it|that|this)\b|what\s+do\s+you\s+(?:think|reckon)\b"
    r"|how\s+does\s+that\s+sound\b|does\s+that\s+(?:sound|work)\b|how\s+about\s+that\b|how's\s+that\b)"
    r"|;|\s+-\s+|:\s")
JOINT = re.compile(r"\s(?:and|but|so|then)\s|;\s")
"""Where a new clause may begin: "send me the slides by Friday and I'll comment ..."."""
EVENT_FOR = re.compile(r"\b(?:invite|invitation|booking|slot|reservation|room)\s+for\s+$")
"""A day that names an event rather than a deadline: "I'll send the invite for Wednesday"."""
ACCEPT_STRONG = re.compile(
    r"^(?:(?:oh|well|yes|yeah|yep|yup|ok|okay|great|perfect|alright|all\s+right|right|sure|ha|haha)[,.!\s]+)*"
    r"(?:will\s+do|can\s+do|no\s+problem|sure|absolutely|definitely|of\s+course|certainly|"
    r"consider\s+it\s+done|on\s+it|you\s+got\s+it|happy\s+to|i'd\s+be\s+happy\s+to|i'd\s+love\s+to|"
    r"leave\s+(?:it|that|this)\s+with\s+me|i\s+can\s+manage\s+(?:that|it)|"
    r"i\s+can\s+do\s+that|i'll\s+do\s+(?:that|it)|i\s+will|done|sure\s+thing|no\s+worries|"
    r"yes,?\s+i\s+(?:can|will)|i'm\s+on\s+it|deal|course(?=\s*[,.!]|\s*$|\s+i\s+(?:will|can)\b|\s+i'll\b)"
    r"|no\s+bother)\b")
ACCEPT_WEAK = re.compile(r"^(?:(?:ha|haha|ah|oh),?\s+)?(?:yes|yeah|yep|yup|ok|okay|alright|all\s+right"
                         r"|sounds\s+good|got\s+it|"
                         r"fine|sure|sounds\s+like\s+a\s+plan)\b")
ACCEPT_OFFER = re.compile(
    r"^(?:(?:oh|well|wow|honestly|ah|okay|ok|oh\s+my\s+god|gosh|god)[,\s]+)*"
    r"(?:yes|yeah|yep|sure|please|ok|okay|absolutely|definitely|deal|done|you're\s+on|"
    r"of\s+course|go\s+for\s+it|please\s+do|if\s+you\s+(?:could|don't\s+mind|have\s+time)|"
    r"(?:that|that'd|it)\s+(?:would\s+)?(?:be\s+)?(?:great|amazing|helpful|lovely|brilliant|fantastic|"
    r"perfect|wonderful|a\s+(?:huge\s+|big\s+|real\s+)?help|help)|would\s+you|"
    r"i(?:'d|\s+would)\s+(?:really\s+)?(?:love|like)\s+(?:that|to)|let's\s+do\s+(?:it|that)|i'm\s+in|"
    r"i\s+love\s+(?:that|it)|(?:are\s+you\s+kidding\W+)?i'm\s+there|"
    r"(?:great|perfect|lovely|brilliant|fantastic|wonderful|excellent)(?=\s*[.!]|\s*,\s*thank|\s*$))\b")
DECLINE = re.compile(r"\b(?:can't|cannot|won't\s+be\s+able|not\s+able\s+to|don't\s+think\s+i\s+"
                     r"(?:can|could|will)|i'd\s+rather\s+not|not\s+this\s+week|unfortunately|"
                     r"i'm\s+afraid|don't\s+have\s+(?:the\s+)?time|nope|not\s+really|i'll\s+pass|"
                     r"no\s+thanks|no\s+need|(?:i'd|i\s+would)\s+(?:love|like)\s+to,?\s+but)\b"
                     r"|^no\b(?!\s+problem|\s+worries)")
CANCEL = re.compile(
    r"\b(?:don't\s+worry\s+about|(?<!don't\s)(?<!never\s)forget\s+(?:about\s+)?(?=it\b|that\b|the\b|my\b|"
    r"your\b|those\b|this\b)|scratch\s+that|never\s*mind|no\s+need\s+(?:for|to\s+do)|cancel\b|skip\b|"
    r"(?:scrap|ditch)\s+(?=(?:the|that|those|my|your)\b)|"
    r"don't\s+bother(?:\s+with)?|actually,?\s+i\s+(?:can't|won't\s+be\s+able\s+to))\s*(?P<obj>[^,?!]*)")
OFFER_QUESTIONS = ("would", "want", "do", "shall", "should", "how")
"""Offers that may point back ("want me to set that up?"); "I can do that" is no offer."""
NOT_LET_ME = frozenset(
    "won't wouldn't doesn't didn't don't can't couldn't never not to will would could should might "
    "may must they he she you we i who that which it them him her people everyone nobody".split())
"""Words before "let me" that make it someone else's permission ("Rick won't let me near
terminations", "they let me in by mistake"), not the speaker's promise ("let me send it")."""
SUBORDINATE = re.compile(r"\b(?:so|so\s+that|if|when|then|because|since|once|until|and)\s+$")
"""An offer in a subordinate clause is none: "send it by Wednesday, so I can look at it"."""
REFERS_BACK = re.compile(r"\b(?:it|that|them|this|those|a\s+first\s+version|a\s+draft|the\s+same)\b")
HAVE_IT_DONE = re.compile(r"^(?:have|get)\s+(?:it|that|this|them)\s+(?:done|finished|ready|sorted|"
                          r"drafted|sent|written|over|back|live|up|in|booked|fixed|printed|uploaded|submitted|"
                          r"up\s+and\s+running|running)(?:\s+to\s+you)?$")
"""Also only pointing back: "I'll have it done by the 1st"."""
TOPIC = re.compile(r"\b(?:with|about|on|for)\s+(?P<topic>(?:the|your)\s+[\w-]+(?:\s+[\w-]+)?)\s*\?")
"""What a question is about: "where are you with the self-assessment?"."""
SEPARATE = re.compile(r"\b(?:also|too|as\s+well|another|separately)\b")

PRONOUN_WORDS = frozenset(
    "it that this those them these one to you for me over up down back out done right "
    "away the same as well too now a an on off in with some go try shot whirl both".split())
STOP_WORDS = frozenset(
    "the a an and or of to for in on at by with from my your our their his her its i you we "
    "they he she it me us them this that these those be is are was were will would can could "
    "should just also really so then now some any all one more about into over up down back out "
    "off as too very maybe probably actually what how when where who which there here get got "
    "make do done thing things stuff him his hers their today tomorrow".split())
NOT_VERBS = frozenset("just first also then so uh um maybe probably actually really already and but or "
                      "the a an to of that this it i you we let's now here there well yeah yes okay "
                      "is are was were am".split())
COMMON_WORDS = frozenset("""
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
NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:'s)?\b")
PERSON_VERB = re.compile(r"(?:'s|\s+(?:said|says|is|was|has|had|will|would|can|could|should|might|"
                         r"may|must|does|did|thinks|wants|told|asked|[a-z]+s|[a-z]{3,}ed|took|went|came|made|gave|"
                         r"got|ran|wrote|sent|knew|saw|found|left|kept|brought|bought|taught)\b)")

SENT_TO_SPEAKER = re.compile(r"\b(?:send|email|e-mail|forward|give|get|pass|share)\s+(?:me|(?:it|them|that|those|"
                             r"these|the\s+\w+|your\s+\w+)\s+(?:over\s+)?to\s+me)\b")
"""The speaker asking to be sent something: "send it to me", "email me your notes"."""

# ---------------------------------------------------------------- wording

TRAILING_CONNECTIVES = re.compile(r"(?:(?:,\s*|\s+)(?:and|but|or|so|then|yeah|yes|okay|ok|also|anyway|actually|"
                                  r"um|uh|though|really))+$")
"""Connectives left dangling where a new clause was cut off: "text Dr Kim after this and yeah"."""
NOUN_SUBJECT = re.compile(r"^[\w'-]+(?: [\w'-]+)? (?:is|was|were|are|got|gets|has|had|went|became|seemed|"
                          r"felt|'s)\b")
"""A task verb that is the subject's noun ("work got crazy", "review cycles were brutal")."""
SCENE = re.compile(r"^(?:for|next\s+time|when|whenever|once|if|before|after|on|with)\s+[^,]{3,40},\s*")
"""A clause that sets the scene for an imperative: "for the budget, ...", "next time it
backs up, call the tickets in batches"."""
THING = re.compile(r"^(?:the|a|an|your|this|that|those|these|some|one)\s+\w")
"""An assignment that names a thing, not an action: "your homework is the regrouped outline"."""
DATE_FILLER = frozenset("so probably maybe hopefully ideally say let's by on at the latest or then that's "
                        "that is which and i think guess like around about realistically".split())
"""Words that may stand around a bare date: "Probably end of next week, so Friday the tenth."."""
