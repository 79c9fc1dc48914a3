"""Text filters shared by offline and live transcription: what Whisper writes when it
hears no speech, and when its decoding loops."""
from __future__ import annotations

import re
import zlib
from typing import Sequence

MAX_COMPRESSION_RATIO = 2.4
"""Text that zlib compresses better than this is a decoding loop ("ask, ask, ask, ..."):
Whisper's own threshold for falling back to sampling."""


def compression_ratio(text: str) -> float:
    """Bytes of `text` over bytes of its zlib compression (Whisper's repetition measure)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


SENTENCE_END = (".", "?", "!")
"""Punctuation a word ends with when it ends a sentence."""


def spoken(word: str) -> bool:
    """Whether a word has a letter or digit: over silence Whisper writes punctuation alone
    (". . .")."""
    return any(ch.isalnum() for ch in word)


_STOCK_PHRASES = re.compile(
    r"^(thank you( very much)?( for watching)?|thanks( for watching)?|bye( bye)?|you|"
    r"please subscribe.*|\[?(music|silence|applause|blank_audio)\]?|♪+)[.!]*$",
    re.IGNORECASE,
)
"""What Whisper is known to write over silence, noise or music (its training data's
subtitles): a segment that says only this is suspect."""


def stock_phrase(text: str) -> bool:
    """Whether `text` is one of Whisper's stock phrases over non-speech ("Thank you.")."""
    return bool(_STOCK_PHRASES.match(text.strip()))


_OUTRO_PHRASE = (r"(?:thank\s+you|thanks)(?:\s+(?:so|very)\s+much)?(?:\s+(?:all|everyone|guys))?"
                 r"(?:\s+for\s+(?:watching|listening|joining(?:\s+us)?|coming)(?:\s+(?:today|tonight|here))?)?"
                 r"|bye(?:\s+bye)?|(?:(?:i'll|we'll)\s+)?see\s+you(?:\s+(?:guys|all|everyone))?"
                 r"(?:\s+(?:next\s+time|soon|in\s+the\s+next\s+(?:one|video)))?"
                 r"|(?:i\s+)?hope\s+you\s+enjoyed(?:\s+(?:it|this|the\s+video))?|please\s+subscribe")
_OUTRO = re.compile(rf"(?:{_OUTRO_PHRASE})(?:\s+(?:and\s+)?(?:{_OUTRO_PHRASE}))*"
                    r"(?:\s+(?:and|so|i|i'll|we'll))?")
"""Sign-offs one after the other, perhaps with the first word of another where the pass
ended ("Thank you so much for watching, I'll")."""
_LONGEST_OUTRO_WORDS = 12


def trailing_outro(words: Sequence[str]) -> int:
    """How many of the last `words` form a video's sign-off ("Thank you for watching,
    bye"): what Whisper appends over the silence after speech. 0 if they do not end so."""
    keys = [re.sub(r"[^\w']", "", w.casefold()) for w in words[-_LONGEST_OUTRO_WORDS:]]
    for n in range(len(keys), 0, -1):
        if _OUTRO.fullmatch(" ".join(keys[-n:])):
            return n
    return 0
