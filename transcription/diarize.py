"""Who spoke when: two-voice diarization of a mono mix, and attribution of words to roles.

A mentoring call mixed to one channel holds two voices. The steps, all on the raw 16 kHz
audio so that times stay exactly aligned with the transcript:

1. webrtcvad marks speech in 30 ms frames (resemblyzer's own `preprocess_wav` would cut the
   silences out and shift every later time, so it is not used);
2. resemblyzer's pretrained voice encoder embeds sliding windows inside each speech region;
3. the windows fall into two clusters (Ward linkage on unit vectors); when their cores are
   too alike, the smaller cluster is tiny, or there are only seconds of speech, the
   recording is taken to hold one voice (with only seconds of speech, decided before any
   embedding, so that a short clip costs little);
4. every 10 ms speech frame takes the side its covering windows lean to, and flips shorter
   than `min_turn` are absorbed, giving speaker turns;
5. `attribute` gives each word the turn at its midpoint, splits segments where the speaker
   changes, absorbs one-word islands and maps clusters to roles: by enrolled voice prints
   when given, otherwise the cluster heard first is `first_speaker`.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING

import numpy as np

from .errors import EmptyAudioError, NoSpeechError
from .types import SAMPLE_RATE, Segment, Word

if TYPE_CHECKING:
    from resemblyzer import VoiceEncoder

Turn = tuple[float, float, int]
"""(start, end, cluster) of one stretch of one voice, in seconds."""

FRAME = 0.01
"""Seconds per mel frame of the voice encoder (resemblyzer's `mel_window_step`)."""
VAD_FRAME = 0.03
"""Seconds per webrtcvad decision (it accepts 10, 20 or 30 ms)."""
TARGET_DBFS = -30.0
"""Loudness of speech fed to the encoder; resemblyzer was trained on audio at -30 dBFS."""
MAX_CLUSTERED = 2000
"""Most windows clustered (Ward needs memory quadratic in their number): beyond this an
evenly spaced subset is clustered, and every window is still scored against its centroids."""
VAD_LOUD_DBFS = -20.0
"""Level given to the loud frames before webrtcvad, which misses speech in quiet recordings."""


@dataclass(frozen=True)
class DiarizationConfig:
    """Settings of the diarizer; the defaults were measured on the session fixtures."""

    window: float = 1.6
    """Seconds per embedding window: the length of resemblyzer's training partials."""
    hop: float = 0.8
    """Seconds between window starts; smaller is finer and slower. Measured on the session
    fixtures (bench/attribution.py, and their turns with the pauses cut out): 0.4, 0.6, 0.8
    and 1.0 attribute alike (0.997 mean, 0.984-0.985 without pauses), and 0.8 halves the
    encoder's work against 0.4 (the encoder is nine tenths of the diarizer's CPU time)."""
    min_window: float = 0.3
    """Speech regions shorter than this are not embedded; their words go to the nearest turn."""
    vad_mode: int = 2
    """webrtcvad aggressiveness, 0 (keeps most) to 3 (keeps least)."""
    min_pause: float = 0.2
    """Pauses shorter than this do not end a speech region."""
    max_core_similarity: float = 0.77
    """Cosine similarity of the two clusters' cores above which there is only one voice
    (measured: two voices up to 0.73, one voice over minutes 0.90 and more)."""
    min_speaker_share: float = 0.1
    """Share of the windows below which the smaller cluster is noise rather than a second voice."""
    min_two_voice_speech: float = 6.0
    """Seconds of speech (full-length windows × hop) below which the recording is taken as
    one voice: too few windows to tell two voices apart."""
    min_turn: float = 0.6
    """Seconds: a speaker flip shorter than this inside a speech region is absorbed."""
    max_island_words: int = 1
    """Runs of at most this many words between two runs of the other speaker are absorbed..."""
    max_island_gap: float = 0.3
    """...when no pause longer than this (seconds) sets them apart from their neighbours."""
    first_speaker: str = "mentor"
    """Role of the voice heard first when no reference voices are given."""
    threads: int = 1
    """torch threads while embedding. The small LSTM gains nothing from more, and on a busy
    machine OpenMP's spin-waiting made two threads 4-7 times slower than one (measured)."""


@dataclass(frozen=True, eq=False)  # arrays have no single truth value: compare fields instead
class Diarization:
    """The speaker turns of a recording and the voice print (centroid) of each cluster."""

    turns: tuple[Turn, ...]
    """(start, end, cluster) over speech, in time order; cluster 0 is the voice heard first."""
    centroids: tuple[np.ndarray, ...]
    """One L2-normalised embedding per cluster: one or two."""


def _load_encoder() -> "VoiceEncoder":
    """resemblyzer's encoder with its bundled weights; imported here so importing this is cheap."""
    with warnings.catch_warnings():
        # resemblyzer imports scipy.ndimage.morphology, and webrtcvad pkg_resources, both deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        from resemblyzer import VoiceEncoder
    return VoiceEncoder("cpu", verbose=False)


@contextmanager
def _torch_threads(n: int) -> Iterator[None]:
    """Run with `n` torch threads, then restore the count (process-wide, hence not thread-safe)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _check_audio(audio: np.ndarray) -> np.ndarray:
    audio = np.asarray(audio)
    if audio.ndim != 1:
        raise ValueError(f"audio must be mono (one dimension), got shape {audio.shape}")
    if audio.size == 0:
        raise EmptyAudioError("the audio holds no samples")
    if not np.isfinite(audio).all():
        raise ValueError("audio holds NaN or infinite samples")
    return audio.astype(np.float32, copy=False)


def _speech_regions(audio: np.ndarray, config: DiarizationConfig) -> list[tuple[int, int]]:
    """Speech as (start, stop) in 10 ms frames: webrtcvad, short pauses bridged."""
    import webrtcvad

    vad = webrtcvad.Vad(config.vad_mode)
    step = round(VAD_FRAME * SAMPLE_RATE)
    frames = audio[:len(audio) // step * step].reshape(-1, step)
    levels = np.sqrt(np.mean(np.square(frames, dtype=np.float64), axis=1))
    loud = float(np.percentile(levels, 95)) if len(levels) else 0.0
    gain = 10 ** (VAD_LOUD_DBFS / 20) / loud if loud > 0 else 1.0
    pcm = (np.clip(audio * gain, -1.0, 1.0) * 32767).astype(np.int16)
    flags = np.array(
        [vad.is_speech(pcm[i:i + step].tobytes(), SAMPLE_RATE)
         for i in range(0, len(pcm) - step + 1, step)],
        dtype=bool,
    )
    per_vad = round(VAD_FRAME / FRAME)
    runs: list[tuple[int, int]] = []
    position = 0
    for is_speech, run in groupby(flags):
        length = len(list(run))
        if is_speech:
            start, stop = position * per_vad, (position + length) * per_vad
            if runs and start - runs[-1][1] < config.min_pause / FRAME:
                runs[-1] = (runs[-1][0], stop)
            else:
                runs.append((start, stop))
        position += length
    return runs


def _normalise(audio: np.ndarray, regions: list[tuple[int, int]]) -> np.ndarray:
    """Scale so that the speech (not the silences between it) sits at TARGET_DBFS."""
    per_frame = round(FRAME * SAMPLE_RATE)
    speech = np.concatenate([audio[a * per_frame:b * per_frame] for a, b in regions])
    rms = float(np.sqrt(np.mean(np.square(speech, dtype=np.float64))))
    if rms == 0.0:
        return audio
    return audio * np.float32(10 ** (TARGET_DBFS / 20) / rms)


def _windows(regions: list[tuple[int, int]], config: DiarizationConfig) -> list[tuple[int, int]]:
    """Sliding windows (in frames) inside each region; the last one ends with the region."""
    size, hop, shortest = (round(x / FRAME) for x in (config.window, config.hop, config.min_window))
    out: list[tuple[int, int]] = []
    for a, b in regions:
        if b - a < shortest:
            continue
        if b - a <= size:
            out.append((a, b))
            continue
        starts = list(range(a, b - size + 1, hop))
        if starts[-1] + size < b:
            starts.append(b - size)
        out.extend((s, s + size) for s in starts)
    return out


def _cosine(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)) @ (y / np.linalg.norm(y))


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x)


_MEL_FFT = 400
_MEL_HOP = 160
_MEL_BANDS = 40
"""resemblyzer's mel spectrogram: 25 ms windows every 10 ms, 40 bands, at 16 kHz."""


@lru_cache(maxsize=1)
def _mel_filters() -> np.ndarray:
    import librosa.filters  # numpy only; resemblyzer imports librosa anyway

    return librosa.filters.mel(sr=SAMPLE_RATE, n_fft=_MEL_FFT, n_mels=_MEL_BANDS).astype(np.float32)


def mel_spectrogram(wav: np.ndarray) -> np.ndarray:
    """resemblyzer's `wav_to_mel_spectrogram` (frames, 40) in numpy: the same numbers
    (librosa's power spectrogram, centred, zero-padded, periodic Hann window), without the
    ~180 MB that librosa's numba-compiled code keeps once it has run."""
    samples = np.pad(np.asarray(wav, dtype=np.float32), _MEL_FFT // 2)
    count = 1 + (len(samples) - _MEL_FFT) // _MEL_HOP
    step = samples.strides[0]
    frames = np.lib.stride_tricks.as_strided(samples, (count, _MEL_FFT), (step * _MEL_HOP, step),
                                             writeable=False)
    window = np.hanning(_MEL_FFT + 1)[:-1].astype(np.float32)
    power = (np.abs(np.fft.rfft(frames * window, axis=1)) ** 2).astype(np.float32)
    return power @ _mel_filters().T


_EMBED_BATCH = 64
"""Embedding windows per forward pass of the voice encoder."""


class Diarizer:
    """Two-voice diarization with resemblyzer embeddings; load once, reuse for many recordings.

    Deterministic: the same audio gives the same turns. Not thread-safe: one torch model,
    and embedding sets torch's process-wide thread count (`config.threads`) for its duration.
    """

    def __init__(self, config: DiarizationConfig = DiarizationConfig()) -> None:
        if not 0 < config.hop <= config.window:
            raise ValueError(f"hop must be in (0, window], got {config.hop}")
        if config.threads < 1:
            raise ValueError(f"threads must be at least 1, got {config.threads}")
        if config.vad_mode not in (0, 1, 2, 3):
            raise ValueError(f"vad_mode must be 0, 1, 2 or 3, got {config.vad_mode}")
        self.config = config
        self._encoder = _load_encoder()

    def _embed(self, audio: np.ndarray) -> tuple[list[tuple[int, int]], list[tuple[int, int]],
                                                 np.ndarray]:
        """Speech regions, embedding windows (frames) and their embeddings (n, 256)."""
        regions = _speech_regions(audio, self.config)
        windows = _windows(regions, self.config)
        return regions, windows, self._embed_windows(audio, regions, windows)

    def _embed_windows(self, audio: np.ndarray, regions: list[tuple[int, int]],
                       windows: list[tuple[int, int]]) -> np.ndarray:
        """Embeddings (n, 256) of `windows` (frames) of `audio`, whose speech is `regions`."""
        import torch
        if not windows:
            return np.zeros((0, 256), dtype=np.float32)
        mel = mel_spectrogram(_normalise(audio, regions))
        embeddings = np.zeros((len(windows), 256), dtype=np.float32)
        by_length: dict[int, list[int]] = {}
        for i, (a, b) in enumerate(windows):
            by_length.setdefault(b - a, []).append(i)
        with torch.no_grad(), _torch_threads(self.config.threads):
            for _length, same in sorted(by_length.items()):
                # Bounded batches: the LSTM's activations grow with the batch, and one batch
                # of a 5-minute window's ~700 windows peaked at ~0.5 GB.
                for at in range(0, len(same), _EMBED_BATCH):
                    index = same[at:at + _EMBED_BATCH]
                    batch = np.stack([mel[windows[i][0]:windows[i][1]] for i in index])
                    embeddings[index] = self._encoder(torch.from_numpy(batch)).numpy()
        return embeddings

    def voice_print(self, audio: np.ndarray) -> np.ndarray:
        """One L2-normalised embedding of the voice in `audio` (speech of one person only)."""
        audio = _check_audio(audio)
        _regions, _windows_, embeddings = self._embed(audio)
        if len(embeddings) == 0:
            raise NoSpeechError("no speech to take a voice print from")
        return _unit(embeddings.mean(axis=0))

    def diarize(self, audio: np.ndarray) -> Diarization:
        """Speaker turns and cluster voice prints of a recording with one or two voices."""
        audio = _check_audio(audio)
        regions = _speech_regions(audio, self.config)
        windows = _windows(regions, self.config)
        if not windows:
            return Diarization(turns=(), centroids=())
        size = round(self.config.window / FRAME)
        full = np.array([b - a >= size for a, b in windows])
        if not self._enough_for_two(int(full.sum())):
            return self._one_voice(audio, regions)
        embeddings = self._embed_windows(audio, regions, windows)
        centroids = self._centroids(embeddings, full)
        scores = np.zeros(len(audio) // round(FRAME * SAMPLE_RATE) + 1)
        counts = np.zeros_like(scores)
        if len(centroids) == 2:
            lean = _cosine(embeddings, centroids[1]) - _cosine(embeddings, centroids[0])
        else:
            lean = np.full(len(embeddings), -1.0)
        for (a, b), value in zip(windows, lean):
            scores[a:b] += value
            counts[a:b] += 1
        frame_labels = np.full(len(scores), -1)
        covered = counts > 0
        frame_labels[covered] = (scores[covered] > 0).astype(int)
        turns = self._turns(regions, frame_labels)
        if turns and turns[0][2] == 1:  # number the clusters in order of first appearance
            turns = [(a, b, 1 - c) for a, b, c in turns]
            centroids = centroids[::-1]
        return Diarization(turns=tuple(turns), centroids=tuple(centroids))

    def _enough_for_two(self, full_windows: int) -> bool:
        """Whether `full_windows` full-length windows are enough to tell two voices apart."""
        return full_windows >= 2 and full_windows * self.config.hop >= self.config.min_two_voice_speech

    def _one_voice(self, audio: np.ndarray, regions: list[tuple[int, int]]) -> Diarization:
        """Too little speech for two voices: every embeddable region is one turn of voice 0.

        Nothing is clustered, and its voice print (for matching reference voices) comes from
        windows side by side rather than overlapping: window / hop times less encoder work
        for the same mean voice.
        """
        size = round(self.config.window / FRAME)
        shortest = round(self.config.min_window / FRAME)
        sparse = [w for a, b in regions if b - a >= shortest
                  for w in ([(a, b)] if b - a <= size else
                            [(s, s + size) for s in range(a, b - size + 1, size)])]
        centroid = _unit(self._embed_windows(audio, regions, sparse).mean(axis=0))
        turns = tuple((a * FRAME, b * FRAME, 0) for a, b in regions if b - a >= shortest)
        return Diarization(turns=turns, centroids=(centroid,))

    def speaker_turns(self, audio: np.ndarray) -> list[Turn]:
        """(start, end, cluster) over speech; cluster 0 speaks first, 1 is the other voice."""
        return list(self.diarize(audio).turns)

    def attribute(
        self,
        audio: np.ndarray,
        segments: list[Segment],
        roles: tuple[str, str] = ("mentor", "mentee"),
        references: dict[str, np.ndarray] | None = None,
        diarization: Diarization | None = None,
    ) -> list[Segment]:
        """Segments (times relative to `audio`) with `speaker` set, split where the voice changes.

        `references` maps roles to voice prints (`voice_print`); without them the voice heard
        first is `config.first_speaker`, whatever the order of `roles`. With no speech found
        every speaker is "unknown". `diarization`, when given, is `diarize(audio)` already
        computed (e.g. while the speech engine ran).
        """
        _check_roles(roles, self.config.first_speaker, references)
        if diarization is None:
            diarization = self.diarize(audio)
        role_of = cluster_roles(diarization, roles, self.config.first_speaker, references)
        return assign_speakers(segments, diarization.turns, role_of, self.config)

    def _centroids(self, embeddings: np.ndarray, full: np.ndarray) -> list[np.ndarray]:
        """Voice prints of two clusters of windows, or of one when the two are not distinct.

        Only full-length windows are clustered (shorter ones are noisier), by Ward linkage on
        unit vectors, where Euclidean distance follows cosine distance: unlike average linkage
        it does not make a lone outlier window a cluster of its own. Each voice print is the
        cluster's core, the half of its windows that lean to it most: windows straddling a
        change of speaker pull whole-cluster means together.
        """
        from sklearn.cluster import AgglomerativeClustering

        whole = [_unit(embeddings.mean(axis=0))]
        config = self.config
        sample = embeddings[full]
        if not self._enough_for_two(len(sample)):
            return whole
        if len(sample) > MAX_CLUSTERED:
            sample = sample[np.linspace(0, len(sample) - 1, MAX_CLUSTERED).round().astype(int)]
        sample = sample / np.linalg.norm(sample, axis=1, keepdims=True)
        labels = AgglomerativeClustering(n_clusters=2, linkage="ward").fit_predict(sample)
        means = [_unit(sample[labels == k].mean(axis=0)) for k in (0, 1)]
        lean = sample @ means[1] - sample @ means[0]
        cores = []
        for k, sign in ((0, -1.0), (1, 1.0)):
            own = sign * lean[labels == k]
            cores.append(_unit(sample[labels == k][own >= np.median(own)].mean(axis=0)))
        smaller = np.bincount(labels, minlength=2).min() / len(labels)
        if float(cores[0] @ cores[1]) > config.max_core_similarity or smaller < config.min_speaker_share:
            return whole
        return cores

    def _turns(self, regions: list[tuple[int, int]], frame_labels: np.ndarray) -> list[Turn]:
        """Runs of equal labels inside each region, flips shorter than min_turn absorbed."""
        shortest = round(self.config.min_turn / FRAME)
        turns: list[Turn] = []
        for a, b in regions:
            labels = frame_labels[a:b]
            if (labels < 0).any():  # a region too short to embed
                continue
            runs = _absorb_short_runs(_runs(labels), shortest)
            turns.extend(((a + s) * FRAME, (a + e) * FRAME, label) for s, e, label in runs)
        return turns


def _runs(labels: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, stop, label) runs of equal labels."""
    runs: list[tuple[int, int, int]] = []
    position = 0
    for label, run in groupby(labels.tolist()):
        length = len(list(run))
        runs.append((position, position + length, int(label)))
        position += length
    return runs


def _absorb_short_runs(runs: list[tuple[int, int, int]], shortest: int) -> list[tuple[int, int, int]]:
    """Give each run shorter than `shortest` (shortest first) to its neighbours, then merge."""
    runs = list(runs)
    while len(runs) > 1:
        i = min(range(len(runs)), key=lambda k: (runs[k][1] - runs[k][0], k))
        start, stop, label = runs[i]
        if stop - start >= shortest:
            break
        runs[i] = (start, stop, 1 - label)
        merged: list[tuple[int, int, int]] = []
        for run in runs:
            if merged and merged[-1][2] == run[2]:
                merged[-1] = (merged[-1][0], run[1], run[2])
            else:
                merged.append(run)
        runs = merged
    return runs


def _check_roles(roles: tuple[str, str], first_speaker: str,
                 references: dict[str, np.ndarray] | None) -> None:
    if len(roles) != 2 or roles[0] == roles[1]:
        raise ValueError(f"roles must be two different names, got {roles!r}")
    if not references and first_speaker not in roles:
        raise ValueError(f"first_speaker {first_speaker!r} is not one of the roles {roles!r}")
    for role, vector in (references or {}).items():
        if role not in roles:
            raise ValueError(f"reference voice for {role!r}, which is not one of the roles {roles!r}")
        if np.shape(vector) != (256,):
            raise ValueError(f"reference voice for {role!r} must have shape (256,), "
                             f"got {np.shape(vector)}")


def cluster_roles(diarization: Diarization, roles: tuple[str, str], first_speaker: str,
                  references: dict[str, np.ndarray] | None = None) -> dict[int, str]:
    """Map clusters to roles.

    With references, clusters and referenced roles are paired for the highest total cosine
    similarity: a single reference claims the closer cluster (the other cluster gets the other
    role), and a single cluster takes the closest referenced role. Without references, cluster
    0 (heard first) is `first_speaker` and cluster 1 the other role.
    """
    _check_roles(roles, first_speaker, references)
    other = {roles[0]: roles[1], roles[1]: roles[0]}
    centroids = diarization.centroids
    if not centroids:
        return {}
    if not references:
        return {k: (first_speaker if k == 0 else other[first_speaker]) for k in range(len(centroids))}
    similarity = {(k, role): float(_cosine(c, np.asarray(v, dtype=np.float32)))
                  for k, c in enumerate(centroids) for role, v in references.items()}
    if len(centroids) == 1:
        return {0: max(references, key=lambda role: (similarity[0, role], role == roles[0]))}
    if len(references) == 1:
        (role,) = references
        closer = 0 if similarity[0, role] >= similarity[1, role] else 1
        return {closer: role, 1 - closer: other[role]}
    straight = similarity[0, roles[0]] + similarity[1, roles[1]]
    crossed = similarity[0, roles[1]] + similarity[1, roles[0]]
    return {0: roles[0], 1: roles[1]} if straight >= crossed else {0: roles[1], 1: roles[0]}


def _clusters_at(turns: Sequence[Turn], times: np.ndarray) -> np.ndarray:
    """The cluster of the turn (in time order) holding each time, else of the nearest turn."""
    starts = np.array([t[0] for t in turns])
    ends = np.array([t[1] for t in turns])
    clusters = np.array([t[2] for t in turns])
    before = np.clip(np.searchsorted(starts, times, side="right") - 1, 0, len(turns) - 1)
    after = np.minimum(before + 1, len(turns) - 1)
    distance_before = np.maximum(times - ends[before], starts[before] - times).clip(min=0)
    distance_after = np.maximum(starts[after] - times, 0)
    return np.where(distance_before <= distance_after, clusters[before], clusters[after])


def _cluster_over(turns: Sequence[Turn], start: float, end: float) -> int:
    """The cluster overlapping [start, end] most, else the one nearest its middle."""
    overlap = [0.0, 0.0]
    for a, b, cluster in turns:
        overlap[cluster] += max(0.0, min(b, end) - max(a, start))
    if max(overlap) > 0:
        return int(np.argmax(overlap))
    return int(_clusters_at(turns, np.array([(start + end) / 2]))[0])


def _absorb_islands(words: list[Word], labels: list[int], config: DiarizationConfig) -> list[int]:
    """Relabel short runs of words that sit, without a pause, between two runs of the other voice."""
    labels = list(labels)
    runs: list[tuple[int, int]] = []
    position = 0
    for _label, run in groupby(labels):
        length = len(list(run))
        runs.append((position, position + length))
        position += length
    for (_, before), (start, stop), (after, _) in zip(runs, runs[1:], runs[2:]):
        if (stop - start <= config.max_island_words
                and labels[before - 1] == labels[after]
                and words[start].start - words[before - 1].end <= config.max_island_gap
                and words[after].start - words[stop - 1].end <= config.max_island_gap):
            labels[start:stop] = [labels[after]] * (stop - start)
    return labels


def assign_speakers(segments: list[Segment], turns: Sequence[Turn], roles: dict[int, str],
                    config: DiarizationConfig = DiarizationConfig()) -> list[Segment]:
    """Give each word the cluster of the turn at its midpoint and split segments between voices.

    Segments without words take the cluster they overlap most. A split piece spans its words
    (the first and last pieces keep the segment's outer bounds) and its text is its words.
    """
    if not turns:
        return [replace(s, speaker="unknown") for s in segments]
    words = [w for s in segments for w in s.words]
    middles = np.array([(w.start + w.end) / 2 for w in words])
    labels = _absorb_islands(words, _clusters_at(turns, middles).tolist() if words else [], config)
    out: list[Segment] = []
    position = 0
    for segment in segments:
        if not segment.words:
            cluster = _cluster_over(turns, segment.start, segment.end)
            out.append(replace(segment, speaker=roles[cluster]))
            continue
        mine = labels[position:position + len(segment.words)]
        position += len(segment.words)
        pieces = [(label, len(list(run))) for label, run in groupby(mine)]
        if len(pieces) == 1:
            out.append(replace(segment, speaker=roles[mine[0]]))
            continue
        first = 0
        for n, (label, count) in enumerate(pieces):
            chunk = segment.words[first:first + count]
            first += count
            out.append(replace(
                segment,
                start=segment.start if n == 0 else chunk[0].start,
                end=segment.end if n == len(pieces) - 1 else chunk[-1].end,
                text=" ".join(w.word.strip() for w in chunk),
                words=chunk,
                speaker=roles[label],
            ))
    return out
