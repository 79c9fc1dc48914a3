"""transcription.decode on real recordings re-encoded to every format an upload may use,
on a 20-minute file (blocks stay bounded), and on every kind of bad input."""
from __future__ import annotations

import io
import json
import struct
import tracemalloc
from pathlib import Path

import av
import numpy as np
import pytest

from transcription.decode import AudioInfo, check_decodable, iter_blocks, load, probe
from transcription.errors import CorruptAudioError, EmptyAudioError, NotAudioError, TooLongError
from transcription.types import SAMPLE_RATE

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
JFK = SHARED / "speech" / "jfk.flac"  # 11.0 s, 44.1 kHz stereo
STEREO = SHARED / "speech" / "stereo_diarization.wav"  # a different speaker per channel
SESSION = "s03-presentation-feedback"

# name: (file suffix, muxer, audio codec, audio rate, muxer options, with a video stream)
FORMATS = {
    "wav": (".wav", "wav", "pcm_s16le", 44100, {}, False),
    "flac": (".flac", "flac", "flac", 44100, {}, False),
    "mp3": (".mp3", "mp3", "libmp3lame", 44100, {}, False),
    "m4a": (".m4a", "ipod", "aac", 44100, {}, False),
    "m4a-faststart": (".m4a", "ipod", "aac", 44100, {"movflags": "faststart"}, False),
    "mp4-video": (".mp4", "mp4", "aac", 44100, {}, True),
    "webm": (".webm", "webm", "libopus", 48000, {}, False),
    "ogg": (".ogg", "ogg", "libopus", 48000, {}, False),
}


def _encode(src: Path, dst: Path, muxer: str, codec: str, rate: int,
            options: dict[str, str], video: bool) -> None:
    """Re-encode `src`'s audio with PyAV, optionally beside a few tiny H.264 frames."""
    with av.open(str(src)) as inp, av.open(str(dst), "w", format=muxer, options=options) as out:
        stream = out.add_stream(codec, rate=rate, layout="stereo")
        if video:
            picture = out.add_stream("libx264", rate=2)
            picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
            for i in range(22):
                frame = av.VideoFrame.from_ndarray(
                    np.full((48, 64, 3), i * 10, np.uint8), format="rgb24")
                frame.pts = i
                out.mux(picture.encode(frame))
            out.mux(picture.encode(None))
        for frame in inp.decode(audio=0):
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))


def _remux(src: Path, dst: Path, muxer: str, options: dict[str, str]) -> None:
    """Copy `src`'s audio packets into another container without re-encoding."""
    with av.open(str(src)) as inp, av.open(str(dst), "w", format=muxer, options=options) as out:
        stream = out.add_stream_from_template(inp.streams.audio[0])
        for packet in inp.demux(inp.streams.audio[0]):
            if packet.dts is not None:
                packet.stream = stream
                out.mux(packet)


def _envelope(audio: np.ndarray) -> np.ndarray:
    """RMS per 10 ms: compares content across codecs whatever their phase and delay."""
    frames = audio[: len(audio) // 160 * 160].reshape(-1, 160)
    return np.sqrt((frames ** 2).mean(axis=1))


@pytest.fixture(scope="module")
def encoded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("encoded")
    out = {}
    for name, (suffix, muxer, codec, rate, options, video) in FORMATS.items():
        out[name] = folder / f"jfk-{name}{suffix}"
        _encode(JFK, out[name], muxer, codec, rate, options, video)
    return out


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return load(JFK)


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_decodes_to_16khz_with_the_same_content(
    name: str, encoded: dict[str, Path], reference: np.ndarray
) -> None:
    audio = load(encoded[name])
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert len(audio) / SAMPLE_RATE == pytest.approx(11.0, abs=0.1)
    n = min(len(audio), len(reference))
    similarity = np.corrcoef(_envelope(audio[:n]), _envelope(reference[:n]))[0, 1]
    assert similarity > 0.95, f"{name} decodes to different audio ({similarity:.3f})"


@pytest.mark.parametrize("name", FORMATS)
def test_probe_and_check_report_the_source(name: str, encoded: dict[str, Path]) -> None:
    info = probe(encoded[name])
    assert info.duration == pytest.approx(11.0, abs=0.1)
    assert info.channels == 2
    assert info.sample_rate == FORMATS[name][3]
    assert check_decodable(encoded[name], max_duration=60) == info


def test_mp4_with_video_is_decoded_for_its_audio(encoded: dict[str, Path]) -> None:
    with av.open(str(encoded["mp4-video"])) as container:
        assert len(container.streams.video) == 1
    assert probe(encoded["mp4-video"]).codec == "aac"


def test_split_gives_each_channel_and_mix_is_their_mean() -> None:
    split = load(STEREO, channels="split")
    assert split.shape == (2, 5 * SAMPLE_RATE)
    assert abs(np.corrcoef(split)[0, 1]) < 0.2  # two different speakers
    np.testing.assert_allclose(load(STEREO), split.mean(axis=0), atol=1e-6)


def test_split_keeps_the_channel_order_of_a_compressed_stereo_upload() -> None:
    """The mentor is on the left: in the mentor's first turn the left channel is louder."""
    path = SHARED / "sessions" / f"{SESSION}.stereo.m4a"
    turns = json.loads((SHARED / "sessions" / f"{SESSION}.truth.json").read_text())["turns"]
    first = next(t for t in turns if t["speaker"] == "mentor")
    block = next(iter_blocks(path, channels="split", block_seconds=first["end"] + 1))
    left, right = block[:, int(first["start"] * SAMPLE_RATE):int(first["end"] * SAMPLE_RATE)]
    assert np.sqrt((left ** 2).mean()) > 4 * np.sqrt((right ** 2).mean())


def test_split_of_a_mono_file_has_one_channel() -> None:
    audio = load(SHARED / "speech" / "librispeech" / "61-70968-0002.wav", channels="split")
    assert audio.ndim == 2 and audio.shape[0] == 1


def test_a_long_file_streams_in_bounded_blocks(tmp_path: Path) -> None:
    """20 minutes of 8 kbps MP3 (made by repeating 10 encoded seconds) stream in 30 s
    blocks; traced allocations stay a fraction of the 77 MB the whole file takes."""
    piece = io.BytesIO()
    bare = {"write_xing": "0", "id3v2_version": "0"}  # frames only: copies concatenate
    with av.open(piece, "w", format="mp3", options=bare) as out:
        stream = out.add_stream("libmp3lame", rate=8000, layout="mono")
        stream.bit_rate = 8000
        tone = 0.1 * np.sin(2 * np.pi * 220 * np.arange(80_000) / 8000)
        frame = av.AudioFrame.from_ndarray(
            tone.astype(np.float32)[None], format="fltp", layout="mono")
        frame.sample_rate = 8000
        out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    path = tmp_path / "long.mp3"
    path.write_bytes(piece.getvalue() * 120)

    block = 30 * SAMPLE_RATE
    tracemalloc.start()
    try:
        sizes = [len(b) for b in iter_blocks(path, block_seconds=30)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(sizes) / SAMPLE_RATE == pytest.approx(1218, abs=2)
    assert all(size == block for size in sizes[:-1]) and 0 < sizes[-1] <= block
    assert peak < 16_000_000
    assert probe(path).duration == pytest.approx(1218, abs=2)


def _wav_header(samples: int) -> bytes:
    data = samples * 2
    return (b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, SAMPLE_RATE, 2 * SAMPLE_RATE, 2, 16)
            + b"data" + struct.pack("<I", data))


def _video_only(path: Path) -> None:
    with av.open(str(path), "w") as out:
        picture = out.add_stream("libx264", rate=5)
        picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        for i in range(5):
            frame = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            frame.pts = i
            out.mux(picture.encode(frame))
        out.mux(picture.encode(None))


@pytest.fixture(scope="module")
def bad_files(
    encoded: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    rng = np.random.default_rng(7)
    files = {
        "random.mp3": rng.integers(0, 256, 50_000, dtype=np.uint8).tobytes(),
        "notes.txt": b"Agenda: proposal, budget, next steps.\n" * 200,
        "notes.m4a": b"Agenda: proposal, budget, next steps.\n" * 200,
        "empty.wav": b"",
        "no-samples.wav": _wav_header(0),
    }
    for name in ("mp3", "m4a", "m4a-faststart", "flac", "webm"):
        data = encoded[name].read_bytes()
        suffix = encoded[name].suffix
        files[f"half-{name}{suffix}"] = data[: len(data) // 2]
        files[f"1k-{name}{suffix}"] = data[:1024]
    for name, keep in (("mp3", 2000), ("flac", 9000), ("m4a-faststart", 4000)):
        data = encoded[name].read_bytes()
        noise = rng.integers(0, 256, len(data) - keep, dtype=np.uint8).tobytes()
        files[f"garbage-{name}{encoded[name].suffix}"] = data[:keep] + noise
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["video-only.mp4"] = folder / "video-only.mp4"
    _video_only(paths["video-only.mp4"])
    paths["missing.wav"] = folder / "missing.wav"
    return paths


EXPECTED = {
    "random.mp3": NotAudioError,
    "notes.txt": NotAudioError,  # FFmpeg reads text as ANSI art: a video stream, no audio
    "notes.m4a": NotAudioError,
    "video-only.mp4": NotAudioError,
    "missing.wav": NotAudioError,
    "empty.wav": EmptyAudioError,
    "no-samples.wav": EmptyAudioError,
    **{f"{cut}-{name}{FORMATS[name][0]}": CorruptAudioError
       for cut in ("half", "1k") for name in ("mp3", "m4a", "m4a-faststart", "flac", "webm")},
    "garbage-mp3.mp3": CorruptAudioError,
    "garbage-flac.flac": CorruptAudioError,
    "garbage-m4a-faststart.m4a": CorruptAudioError,
}


@pytest.mark.parametrize("name", EXPECTED)
def test_bad_input_raises_its_typed_error(name: str, bad_files: dict[str, Path]) -> None:
    for attempt in (load, check_decodable):
        with pytest.raises(EXPECTED[name]) as caught:
            attempt(bad_files[name])
        message = str(caught.value)
        assert name in message and "\n" not in message


def test_too_long_is_refused_before_decoding_when_the_header_tells(
    encoded: dict[str, Path]
) -> None:
    blocks = iter_blocks(encoded["mp3"], block_seconds=1, max_duration=5)
    with pytest.raises(TooLongError, match="over the 0:00:05 limit"):
        next(blocks)
    with pytest.raises(TooLongError):
        check_decodable(encoded["mp3"], max_duration=5)


def test_too_long_is_caught_while_decoding_when_the_header_does_not_tell(
    encoded: dict[str, Path], tmp_path: Path
) -> None:
    """A live-muxed WebM (what a browser's MediaRecorder sends) declares no duration."""
    live = tmp_path / "live.webm"
    _remux(encoded["webm"], live, "webm", {"live": "1"})
    with av.open(str(live)) as container:
        assert container.duration is None and container.streams.audio[0].duration is None
    assert probe(live).duration == pytest.approx(11.0, abs=0.1)
    seen = 0
    with pytest.raises(TooLongError):
        for _ in iter_blocks(live, block_seconds=1, max_duration=3):
            seen += 1
    assert seen <= 3
    with pytest.raises(TooLongError):
        check_decodable(live, max_duration=3)
    assert check_decodable(live, max_duration=20) == AudioInfo(
        duration=probe(live).duration, channels=2, sample_rate=48000, codec="opus",
        container="matroska,webm")


def test_bad_arguments_are_rejected(encoded: dict[str, Path]) -> None:
    with pytest.raises(ValueError):
        next(iter_blocks(encoded["wav"], block_seconds=0))
    with pytest.raises(ValueError):
        next(iter_blocks(encoded["wav"], channels="left"))  # type: ignore[arg-type]
