"""Streaming transcription with the real tiny.en model on real recordings fed in 0.5 s chunks."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jiwer
import numpy as np
import pytest
from faster_whisper.audio import decode_audio
from whisper.normalizers import EnglishTextNormalizer

from transcription.engines import load_engine
from transcription.streaming import (
    ENCODER_MARGIN_S,
    MAX_COMPRESSION_RATIO,
    STREAMING_ENGINE_OPTIONS,
    Caption,
    LocalAgreement,
    ShortContextEngine,
    StreamingConfig,
    StreamingError,
    StreamingTranscriber,
    compression_ratio,
    load_streaming_engine,
    to_float32,
)
from transcription.types import SAMPLE_RATE, Engine, Segment, Word

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
SPEECH = FIXTURES / "speech"
SESSION = FIXTURES / "sessions" / "s01-proposal-followup"
JFK_TEXT = json.loads((SPEECH / "references.json").read_text())["jfk.flac"]["text"]
CHUNK_S = 0.5

# Measured with beam 5: JFK streams at 0.09 WER against its offline transcript ("my" heard as
# "am I" before the rest of the sentence arrives), the mentee's first minute at 0.15.
JFK_MAX_WER = 0.15
MENTEE_MAX_WER = 0.25
SHORT_CONTEXT_MAX_WER = 0.15
"""The live engine's short encoder context against the full window, per clip, offline."""


class CountingEngine:
    """The real engine, counting its passes and the longest audio it was given."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.calls = 0
        self.longest_s = 0.0

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        self.calls += 1
        self.longest_s = max(self.longest_s, len(audio) / SAMPLE_RATE)
        return self.engine.transcribe(audio, initial_prompt=initial_prompt)


@dataclass
class Emitted:
    caption: Caption
    fed_s: float  # how much audio had been fed when the caption came out


@dataclass
class Recorded:
    """Everything a stream did, for the invariants below."""

    emitted: list[Emitted] = field(default_factory=list)
    calls_at: list[float] = field(default_factory=list)  # fed seconds at each engine pass
    committed_until: list[float] = field(default_factory=list)
    max_buffered_s: float = 0.0
    longest_pass_s: float = 0.0

    @property
    def finals(self) -> list[Caption]:
        return [e.caption for e in self.emitted if e.caption.final]

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.finals)


def stream(engine: Engine, audio: np.ndarray, config: StreamingConfig = StreamingConfig(),
           as_int16_bytes: bool = False) -> Recorded:
    """Feed `audio` in 0.5 s chunks, calling process() after each, then finish()."""
    counting = CountingEngine(engine)
    transcriber = StreamingTranscriber(counting, config, speaker="mentee")
    out = Recorded()
    chunk = round(CHUNK_S * SAMPLE_RATE)
    pcm16 = np.round(np.clip(audio, -1, 1) * 32767).astype("<i2")
    for start in range(0, len(audio), chunk):
        transcriber.feed(pcm16[start:start + chunk].tobytes() if as_int16_bytes
                         else audio[start:start + chunk])
        fed_s = min(start + chunk, len(audio)) / SAMPLE_RATE
        calls = counting.calls
        out.emitted += [Emitted(c, fed_s) for c in transcriber.process()]
        out.calls_at += [fed_s] * (counting.calls - calls)
        out.committed_until.append(transcriber.committed_until)
        out.max_buffered_s = max(out.max_buffered_s, transcriber.buffered_seconds)
    out.emitted += [Emitted(c, len(audio) / SAMPLE_RATE) for c in transcriber.finish()]
    out.committed_until.append(transcriber.committed_until)
    out.longest_pass_s = counting.longest_s
    return out


def wer(reference: str, hypothesis: str) -> float:
    normalize = EnglishTextNormalizer()
    return jiwer.wer(normalize(reference), normalize(hypothesis))


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The live engine, as the service loads it (a short encoder context)."""
    return load_streaming_engine()


@pytest.fixture(scope="module")
def full_window_engine() -> Engine:
    """The same model and options reading Whisper's whole padded 30 s window."""
    return load_engine(options=STREAMING_ENGINE_OPTIONS)


@pytest.fixture(scope="module")
def jfk() -> np.ndarray:
    return decode_audio(str(SPEECH / "jfk.flac"))


@pytest.fixture(scope="module")
def mentee() -> np.ndarray:
    """The mentee's channel of a session, its first minute: four turns, silence between."""
    _mentor, right = decode_audio(str(SESSION.with_suffix(".stereo.flac")), split_stereo=True)
    return right[:60 * SAMPLE_RATE]


@pytest.fixture(scope="module")
def mentee_turns() -> list[dict]:
    truth = json.loads(SESSION.with_suffix(".truth.json").read_text())
    return [t for t in truth["turns"] if t["speaker"] == "mentee" and t["start"] < 60]


@pytest.fixture(scope="module")
def jfk_run(engine: Engine, jfk: np.ndarray) -> Recorded:
    return stream(engine, jfk)


@pytest.fixture(scope="module")
def mentee_run(engine: Engine, mentee: np.ndarray) -> Recorded:
    return stream(engine, mentee)


@pytest.fixture(params=["jfk_run", "mentee_run"])
def run(request: pytest.FixtureRequest) -> Recorded:
    return request.getfixturevalue(request.param)


def test_partials_come_before_finals(run: Recorded) -> None:
    kinds = [e.caption.final for e in run.emitted]
    assert False in kinds and True in kinds
    assert kinds.index(False) < kinds.index(True)


def test_finals_are_monotonic_and_never_revised(run: Recorded) -> None:
    committed_end = 0.0
    for e in run.emitted:
        c = e.caption
        assert c.start <= c.end
        if c.final:
            assert c.text and c.start >= committed_end
            assert all(a.end <= b.start for a, b in zip(c.words, c.words[1:]))
            committed_end = c.end
        else:
            # A partial only ever covers what comes after the final text.
            assert c.start >= committed_end
    assert run.committed_until == sorted(run.committed_until)
    assert run.committed_until[-1] >= committed_end


def test_captions_carry_the_speaker_and_stream_times(mentee_run: Recorded, mentee_turns) -> None:
    assert {e.caption.speaker for e in mentee_run.emitted} == {"mentee"}
    last = mentee_run.finals[-1]
    assert last.end == pytest.approx(mentee_turns[-1]["end"], abs=1.5)
    assert last.segment().words == last.words


def test_jfk_streams_like_offline(engine: Engine, jfk: np.ndarray, jfk_run: Recorded) -> None:
    offline = " ".join(s.text for s in engine.transcribe(jfk))
    assert wer(offline, jfk_run.text) <= JFK_MAX_WER
    assert wer(JFK_TEXT, jfk_run.text) <= JFK_MAX_WER


def test_a_stream_decodes_the_same_every_time(engine: Engine, jfk: np.ndarray,
                                              jfk_run: Recorded) -> None:
    """Live decoding never samples: the same audio gives the same captions at the same
    moments (sampling at a fallback temperature made a CI run differ from the next)."""
    assert STREAMING_ENGINE_OPTIONS.temperatures == (0.0,)
    again = stream(engine, jfk)
    assert [(e.caption.text, e.caption.final, e.fed_s) for e in again.emitted] == \
        [(e.caption.text, e.caption.final, e.fed_s) for e in jfk_run.emitted]


def test_no_caption_is_a_decoding_loop(run: Recorded) -> None:
    """Temperature 0 on a short context can loop ("ask, ask, ask, ..."); the live engine
    decodes such a pass again over the full window, so no caption carries a loop."""
    for e in run.emitted:
        assert compression_ratio(e.caption.text) <= MAX_COMPRESSION_RATIO, e.caption.text


def test_coarse_chunks_never_caption_punctuation_alone(engine: Engine) -> None:
    """A service that falls behind feeds several seconds at a time. Over such a buffer
    Whisper fills the silence after a turn with ". . .", and once committed those dots, as the
    prompt, made it write dots over the next turns (a red CI run: the mentor's captions
    ended ". . . . common. . . . Have you . . ."). Here the mentee's turns from 48 s to 116 s,
    in 4 s chunks, reproduce it without the filter."""
    _mentor, right = decode_audio(str(SESSION.with_suffix(".stereo.flac")), split_stereo=True)
    transcriber = StreamingTranscriber(engine)
    audio = right[48 * SAMPLE_RATE:116 * SAMPLE_RATE]
    chunk = 4 * SAMPLE_RATE
    finals: list[Caption] = []
    for start in range(0, len(audio), chunk):
        transcriber.feed(audio[start:start + chunk])
        finals += [c for c in transcriber.process() if c.final]
    finals += [c for c in transcriber.finish() if c.final]
    words = [w.word for c in finals for w in c.words]
    assert len(words) > 60, words
    assert all(any(ch.isalnum() for ch in w) for w in words), " ".join(words)
    assert "next one" in " ".join(words) and "helpful" in " ".join(words), " ".join(words)


def test_a_looping_pass_is_cut_where_the_loop_starts() -> None:
    """What a short-context pass gave on s01 (mentor): the speech, then a loop over the
    silence after it. The speech is kept, the loop and everything after it dropped."""
    from transcription.streaming import _until_loop

    def seg(text: str, start: float) -> Segment:
        return Segment(start=start, end=start + 1.0, text=text)

    speech = [seg("On the budget, one suggestion,", 0.0),
              seg("put the three biggest risks in a single table so the reader sees them at a glance.", 1.0)]
    loop = [seg("Thank you so much for watching, " * 8, 4.0), seg("and see you next time.", 5.0)]
    assert _until_loop(speech + loop) == speech
    assert _until_loop(speech) == speech
    assert _until_loop([seg("ask, " * 40, 0.0)]) == []


def _timed(text: str, start: float = 0.0) -> Segment:
    """A segment whose words are a quarter of a second each."""
    words = tuple(Word(w, start + i / 4, start + (i + 1) / 4) for i, w in enumerate(text.split()))
    return Segment(start=start, end=words[-1].end, text=text, words=words)


def test_a_phrase_said_over_and_over_is_cut_after_its_first_copy() -> None:
    """A loop too short to compress like one (what a pass over 12 s of read speech gave),
    and a loop across segments, are cut after the phrase's first copy; the speech before
    stays, with its words and times."""
    from transcription.streaming import _until_loop

    speech = ("The cabbage juice changes color depending on how acidic or basic the chemical "
              "is, I can't even put one to the bottom of the center, so it's because")
    looping = _timed(speech + " it's in the colors, and" * 4
                     + " it's in possible has followed protocol for infection control.")
    [kept] = _until_loop([looping])
    assert kept.text == speech + " it's in the colors, and"
    n = len(kept.text.split())
    assert kept.words == looping.words[:n] and kept.end == looping.words[n - 1].end
    assert compression_ratio(looping.text) < MAX_COMPRESSION_RATIO  # not caught before
    first = _timed("Sure.")
    again = [_timed("See you next time.", 1.0 + k) for k in range(3)]
    assert _until_loop([first, *again]) == [first, again[0]]


def test_words_said_a_few_times_over_are_speech() -> None:
    from transcription.streaming import _until_loop

    for text in ("No, no, no, that's not what I meant.", "It was very, very, very good.",
                 "Bye bye, bye bye, see you Tuesday.", "Go, go, go, go!"):
        segments = [_timed(text)]
        assert _until_loop(segments) == segments, text


def test_a_live_pass_writes_at_most_a_few_tokens_per_second_of_audio() -> None:
    """A looping pass used to write until Whisper's limit, seconds of a 2-core machine on
    a one-second buffer; the budget grows with the audio and always leaves Whisper room
    for the longest prompt it keeps (223 tokens of 448)."""
    from transcription.streaming import token_budget

    assert 16 < token_budget(SAMPLE_RATE) < 30
    assert token_budget(10 * SAMPLE_RATE) > 10 * 5  # fast speech: ~4 tokens a second
    assert token_budget(10 * SAMPLE_RATE) > token_budget(5 * SAMPLE_RATE)
    assert token_budget(30 * SAMPLE_RATE) + 223 + 4 <= 448


def test_compression_ratio_tells_a_loop_from_speech() -> None:
    assert compression_ratio("And so my fellow Americans, " + "ask, " * 40) > MAX_COMPRESSION_RATIO
    assert compression_ratio(JFK_TEXT) < MAX_COMPRESSION_RATIO
    assert compression_ratio("") == 0.0


def test_session_channel_streams_like_offline(engine: Engine, mentee: np.ndarray,
                                              mentee_run: Recorded) -> None:
    offline = " ".join(s.text for s in engine.transcribe(mentee))
    assert wer(offline, mentee_run.text) <= MENTEE_MAX_WER


def test_pauses_between_turns_cost_no_pass_and_no_caption(mentee_run: Recorded, mentee_turns) -> None:
    gaps = [(a["end"], b["start"]) for a, b in zip(mentee_turns, mentee_turns[1:])]
    assert all(b - a > 5 for a, b in gaps)
    for end, next_start in gaps:
        # One pass may confirm the last words once the speaker stops; none after that.
        assert not [t for t in mentee_run.calls_at if end + 2.5 <= t <= next_start]
        assert not [w for c in mentee_run.finals for w in c.words
                    if end + 0.5 < w.start < next_start - 0.5]


def test_buffer_stays_within_the_cap(run: Recorded) -> None:
    cap = StreamingConfig().max_buffer_s
    assert run.max_buffered_s <= cap
    assert run.longest_pass_s <= cap


def test_silence_costs_nothing(engine: Engine) -> None:
    counting = CountingEngine(engine)
    transcriber = StreamingTranscriber(counting)
    chunk = np.zeros(round(CHUNK_S * SAMPLE_RATE), dtype=np.float32)
    captions = []
    for _ in range(60):
        transcriber.feed(chunk)
        captions += transcriber.process()
        assert transcriber.buffered_seconds <= 2 * StreamingConfig().min_chunk_s
    captions += transcriber.finish()
    assert captions == []
    assert counting.calls == 0
    assert transcriber.committed_until >= 29.0


def test_int16_bytes_are_transcribed(engine: Engine, jfk: np.ndarray) -> None:
    recorded = stream(engine, jfk, as_int16_bytes=True)
    assert wer(JFK_TEXT, recorded.text) <= JFK_MAX_WER


def test_finish_makes_the_pending_tail_final(engine: Engine, jfk: np.ndarray) -> None:
    transcriber = StreamingTranscriber(engine)
    transcriber.feed(jfk)
    first = transcriber.process()
    # One pass cannot agree with anything yet: the whole clip is one partial.
    assert [c.final for c in first] == [False]
    assert transcriber.committed_until <= first[0].start
    flushed = transcriber.finish()
    assert [c.final for c in flushed] == [True, False]
    assert flushed[0].text == first[0].text
    assert flushed[1].text == "" and flushed[1].words == ()
    assert wer(JFK_TEXT, flushed[0].text) <= JFK_MAX_WER
    assert transcriber.committed_until == pytest.approx(flushed[0].end)
    assert transcriber.finish() == []
    with pytest.raises(StreamingError):
        transcriber.feed(jfk[:100])
    with pytest.raises(StreamingError):
        transcriber.process()


@pytest.mark.slow
def test_long_stream_keeps_the_buffer_bounded(engine: Engine) -> None:
    """2.7 minutes of continuous speech through small buffers: trimming and the hard cap run
    many times, and the text survives them."""
    clips = (sorted((SPEECH / "fleurs_en").glob("*.ogg")) + sorted((SPEECH / "librivox").glob("*.wav"))
             + sorted((SPEECH / "librispeech").glob("*.wav")) + sorted((SPEECH / "picovoice").glob("*.wav")))
    audio = np.concatenate([decode_audio(str(p)) for p in clips])
    reference = " ".join(p.with_suffix(".txt").read_text() for p in clips)
    assert len(audio) / SAMPLE_RATE > 150
    config = StreamingConfig(min_chunk_s=2.0, buffer_trim_s=8.0, max_buffer_s=12.0)
    recorded = stream(engine, audio, config)
    assert recorded.max_buffered_s <= config.max_buffer_s
    assert recorded.longest_pass_s <= config.max_buffer_s
    assert recorded.committed_until == sorted(recorded.committed_until)
    assert wer(reference, recorded.text) <= 0.15


def test_the_live_engine_encodes_only_the_audio_it_is_given(engine: Engine) -> None:
    assert isinstance(engine, ShortContextEngine) and ENCODER_MARGIN_S is not None
    frames = engine.encoder_frames(5 * SAMPLE_RATE)
    assert frames == round((5 + ENCODER_MARGIN_S) * 100)
    assert engine.encoder_frames(5 * SAMPLE_RATE + 37) % 2 == 0
    assert engine.encoder_frames(29 * SAMPLE_RATE) == 3000  # never beyond Whisper's window
    model = engine._model
    padded = np.zeros((80, 3000), dtype=np.float32)  # what faster-whisper hands the encoder
    model.encoder_frames = frames
    try:
        assert model.encode(padded).shape[1] == frames // 2
    finally:
        model.encoder_frames = None
    assert model.encode(padded).shape[1] == 1500  # outside a pass: the whole window


def test_a_short_context_hears_what_the_full_window_hears(
        engine: Engine, full_window_engine: Engine, jfk: np.ndarray, mentee: np.ndarray,
        mentee_turns: list[dict]) -> None:
    clips = [jfk] + [mentee[round(t["start"] * SAMPLE_RATE):round(t["end"] * SAMPLE_RATE)]
                     for t in mentee_turns]
    short, full = [], []
    for audio in clips:
        segments = engine.transcribe(audio)
        short.append(" ".join(s.text for s in segments))
        full.append(" ".join(s.text for s in full_window_engine.transcribe(audio)))
        ends = [w.end for s in segments for w in s.words]
        assert ends == sorted(ends) and ends[-1] <= len(audio) / SAMPLE_RATE + 0.1
    # Measured 0.29 on the mentee's first turn alone ("Yeah" heard as "yet"): the bound is
    # over all of them, as the streaming WER is.
    error = wer(" ".join(full), " ".join(short))
    print(f"short context against the full window: WER {error:.3f}")
    assert error <= SHORT_CONTEXT_MAX_WER, short
    assert engine._model.encoder_frames is None


def word(text: str, start: float, end: float) -> Word:
    return Word(text, start, end)


def test_agreement_commits_the_prefix_two_passes_share() -> None:
    agreement = LocalAgreement()
    assert agreement.update([word("ask", 0.0, 0.4), word("not", 0.5, 0.8)]) == []
    committed = agreement.update([word("Ask", 0.0, 0.4), word("not.", 0.5, 0.8), word("what", 0.9, 1.1)])
    # Case and punctuation do not block agreement; the newer spelling is kept.
    assert [w.word for w in committed] == ["Ask", "not."]
    assert [w.word for w in agreement.tail] == ["what"]
    assert agreement.committed_end == 0.8


def test_agreement_skips_committed_words_a_pass_repeats() -> None:
    agreement = LocalAgreement()
    first = [word("ask", 0.0, 0.4), word("not", 0.5, 0.8)]
    agreement.update(first)
    agreement.update(first)
    # After a trim the pass starts a little early and hears "not" again.
    repeat = [word("not", 0.75, 1.0), word("what", 1.1, 1.3)]
    agreement.update(repeat)
    assert [w.word for w in agreement.update(repeat)] == ["what"]


def test_agreement_never_moves_time_backwards() -> None:
    agreement = LocalAgreement()
    agreement.update([word("a", 0.0, 1.0)])
    agreement.update([word("a", 0.0, 1.0)])
    agreement.update([word("b", 0.95, 1.2)])
    (b,) = agreement.commit_tail()
    assert b.start == 1.0 and b.end == 1.2


def test_forced_commit_stops_at_the_given_time() -> None:
    agreement = LocalAgreement()
    agreement.update([word("a", 0.0, 0.5), word("b", 1.0, 1.5), word("c", 2.0, 2.5)])
    assert [w.word for w in agreement.commit_tail(before=1.2)] == ["a", "b"]
    assert [w.word for w in agreement.tail] == ["c"]


def test_int16_conversion() -> None:
    samples = np.array([-32768, 0, 16384, 32767], dtype="<i2")
    expected = np.array([-1.0, 0.0, 0.5, 32767 / 32768], dtype=np.float32)
    np.testing.assert_array_equal(to_float32(samples.tobytes()), expected)
    np.testing.assert_array_equal(to_float32(samples), expected)


@pytest.mark.parametrize("bad", [
    b"\x00\x01\x02",
    np.zeros((2, 160), dtype=np.float32),
    np.zeros(160, dtype=np.int32),
    np.array([0.0, np.nan], dtype=np.float32),
    [0.0, 0.1],
])
def test_malformed_audio_is_rejected(bad: object) -> None:
    with pytest.raises(StreamingError):
        to_float32(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [
    {"max_buffer_s": 40.0},
    {"buffer_trim_s": 30.0, "max_buffer_s": 30.0},
    {"min_chunk_s": 0.0},
    {"keep_silence_s": 1.0},
    {"vad_lookback_s": -1.0},
])
def test_inconsistent_config_is_rejected(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        StreamingConfig(**kwargs)


class SignOffEngine:
    """Says "And so my fellow Americans" over the speech the VAD hears in the audio it is
    given, then "Thank you for watching, bye.": over the silence after it ("after"),
    squeezed into its last instants ("squeezed", as Whisper times the sign-offs it makes
    up), or said over the speech ("said")."""

    name = "sign-off"

    def __init__(self, where: str, sign_off: str = "Thank you for watching, bye.") -> None:
        self.where = where
        self.sign_off = sign_off

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        from transcription.vad import speech_regions

        regions = speech_regions(audio, StreamingConfig().vad)
        if not regions:
            return []
        start, end = regions[0][0] / SAMPLE_RATE, regions[-1][1] / SAMPLE_RATE
        said, sign_off = "And so my fellow Americans", self.sign_off
        spans = {"said": [(start, end)], "after": [(start, end), (end + 0.1, end + 1.5)],
                 "squeezed": [(start, end - 0.08), (end - 0.08, end + 0.12)]}[self.where]
        texts = [f"{said} {sign_off}"] if self.where == "said" else [said, sign_off]
        words: list[Word] = []
        for text, (a, b) in zip(texts, spans):
            pieces = text.split()
            step = (b - a) / len(pieces)
            words += [Word(w, a + k * step, a + (k + 1) * step, 0.9) for k, w in enumerate(pieces)]
        return [Segment(start=words[0].start, end=words[-1].end, text=" ".join(w.word for w in words),
                        words=tuple(words), avg_logprob=-0.2, no_speech_prob=0.05)]


@pytest.mark.parametrize("where", ["after", "squeezed", "said"])
def test_a_sign_off_the_vad_did_not_hear_is_dropped(jfk: np.ndarray, where: str) -> None:
    """ "...at a glance. Thank you for watching." came out of live calls at the end of
    utterances, from a pass Whisper was sure of; said over speech it stays."""
    audio = np.concatenate([jfk[:round(2.5 * SAMPLE_RATE)], np.zeros(3 * SAMPLE_RATE, dtype=np.float32)])
    transcriber = StreamingTranscriber(SignOffEngine(where))
    transcriber.feed(audio)  # one pass over speech and silence, its words final at the end
    text = " ".join(c.text for c in transcriber.finish() if c.final)
    assert text.startswith("And so my fellow Americans")
    assert ("watching" in text) == (where == "said"), text


@pytest.mark.parametrize("where", ["after", "squeezed", "said"])
def test_a_chain_of_sign_offs_longer_than_one_is_dropped_whole(jfk: np.ndarray, where: str) -> None:
    """A live call's last pass ended "...really helpful. Thank you so much for watching, and
    I'll see you next time, bye": thirteen words of sign-offs, more than the longest one
    looked for, of which only the last six used to go."""
    audio = np.concatenate([jfk[:round(2.5 * SAMPLE_RATE)], np.zeros(3 * SAMPLE_RATE, dtype=np.float32)])
    transcriber = StreamingTranscriber(SignOffEngine(
        where, "Thank you so much for watching, and I'll see you next time, bye."))
    transcriber.feed(audio)
    text = " ".join(c.text for c in transcriber.finish() if c.final)
    assert text.startswith("And so my fellow Americans")
    assert ("watching" in text) == (where == "said"), text
    assert ("bye" in text) == (where == "said"), text


@pytest.mark.parametrize("text, n", [
    ("them at a glance. Thank you for watching.", 4),
    ("helpful. Thank you for watching, bye", 5),
    ("tomorrow. Thank you for watching, and I hope you enjoyed,", 9),
    ("Thanks for watching!", 3),
    ("okay, thanks, bye bye.", 3),
    ("at a glance. Thanks for watching, I'll see you guys next time,", 9),
    ("at a glance. Thank you so much for watching, I'll", 7),
    ("really helpful. Thank you so much for joining us today, and", 9),
    ("Thanks for coming tonight.", 4),
    ("see you on the 14th.", 0),
    ("I'll send it by Friday.", 0),
    ("Thank you for the feedback.", 0),
    ("goodbye", 0),
])
def test_a_sign_off_at_the_end_of_a_pass_is_found(text: str, n: int) -> None:
    from transcription.filters import trailing_outro

    assert trailing_outro(text.split()) == n
