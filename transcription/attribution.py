"""Scoring speaker attribution against ground truth, by speech time.

The measure is the share of true speech time given to the right person:

* predictions are the words of each segment (its whole span when it has no words), each
  carrying the segment's speaker;
* a true turn's time is shared out in proportion to how the predictions overlapping it are
  attributed: a turn overlapped 3 s by the right speaker's words and 1 s by the other's counts
  three quarters right. Gaps between words are thus not held against the prediction;
* a true turn that no prediction overlaps counts as entirely wrong (missed speech);
* the result is the right time over the total duration of the true turns.

Times are seconds from the start of the recording, in predictions and truth alike.
"""
from __future__ import annotations

import json
from pathlib import Path

from .types import Segment

Turn = tuple[float, float, str]
"""(start, end, speaker) of one stretch of true speech."""


class TruthFormatError(ValueError):
    """A ground-truth file is missing, not JSON, or not shaped as expected."""


def predicted_intervals(segments: list[Segment]) -> list[Turn]:
    """(start, end, speaker) of every word, or of the segment when it has no words."""
    out: list[Turn] = []
    for segment in segments:
        if segment.words:
            out.extend((w.start, w.end, segment.speaker) for w in segment.words)
        else:
            out.append((segment.start, segment.end, segment.speaker))
    return out


def speech_time_accuracy(predicted: list[Segment], truth: list[Turn]) -> float:
    """Share of true speech time attributed to the right person (see the module docstring)."""
    intervals = sorted(predicted_intervals(predicted))
    total = sum(end - start for start, end, _ in truth)
    if total <= 0:
        raise ValueError("the ground truth holds no speech time")
    right = 0.0
    for start, end, speaker in truth:
        matching = overlapping = 0.0
        for a, b, who in intervals:
            if a >= end:
                break
            overlap = min(b, end) - max(a, start)
            if overlap > 0:
                overlapping += overlap
                matching += overlap if who == speaker else 0.0
        if overlapping > 0:
            right += (end - start) * matching / overlapping
    return right / total


def load_truth(path: str | Path) -> list[Turn]:
    """The turns of a session fixture's `ID.truth.json` as (start, end, speaker)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TruthFormatError(f"cannot read ground truth {path}: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise TruthFormatError(f"ground truth {path} is not JSON: {exc.msg} at line {exc.lineno}"
                               ) from exc
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list):
        raise TruthFormatError(f"ground truth {path} has no list of turns")
    out: list[Turn] = []
    for i, turn in enumerate(turns):
        try:
            start, end, speaker = float(turn["start"]), float(turn["end"]), str(turn["speaker"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TruthFormatError(f"ground truth {path}: turn {i} needs speaker, start and end"
                                   ) from exc
        if end < start:
            raise TruthFormatError(f"ground truth {path}: turn {i} ends before it starts")
        out.append((start, end, speaker))
    return out
