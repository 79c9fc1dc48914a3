"""Score extraction against hand labels.

    python bench/extraction_eval.py [--fixtures DIR] [--transcripts DIR] [--verbose]

--fixtures: labelled conversations (`turns` + `expected`, as in ../shared/fixtures/sessions,
the default; tests/data/conversations holds our own, from other fields, with distractors;
bench/heldout/SET holds sets written blind by helper authors whose labels the rule authors
did not read before scoring them).
Each turn becomes one segment.
--transcripts: score recognised transcripts instead (DIR/ID.json, the transcriber's JSON).
Their segments do not line up with turns, so each predicted item is mapped to the turn its
segment overlaps most in time, using the fixture's ID.truth.json.

Matching is one-to-one, in label order. A predicted item matches a label when:
  action items  same owner, turn within 1, every keyword in the item text (case-insensitive)
  feedback      same kind and giver, turn within 1
  questions     same speaker, same turn
  challenges    same speaker, turn within 1, every keyword in the text
  goals         same owner (the label's "owner", or its "speaker"), turn within 1, every keyword in the text
  decisions     turn within 1, every keyword in the text
Due dates and goal targets are scored on matched items; the next check-in exactly.

Labels are per turn, so predictions are grouped before matching where one turn's worth of
one thing may come out as several items: all decisions predicted in one turn form one
group (a turn that settles channels and response time is one labelled decision), and so do
consecutive questions of one speaker in one turn. A group matches labels through its
members, one label per member, and counts as max(1, labels it matched) predictions; a group
that matches nothing counts as one extra. Other categories are scored item by item.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summaries import extract, load_transcript, parse_transcript  # noqa: E402

SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
CATEGORIES = ("action_items", "feedback", "questions", "challenges", "goals", "decisions")


@dataclass
class Score:
    """Counts for one category, summed over conversations."""

    true_positive: int = 0
    predicted: int = 0
    expected: int = 0
    dated: int = 0
    dated_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _keywords_in(keywords: list[str], text: str) -> bool:
    return all(k.lower() in text.lower() for k in keywords)


def _rule(category: str) -> Callable[[dict[str, Any], dict[str, Any], int], bool]:
    """Does predicted item `p` (said in turn `turn`) match label `e`?"""
    def near(e: dict[str, Any], turn: int, slack: int = 1) -> bool:
        return abs(e["turn"] - turn) <= slack

    rules: dict[str, Callable[[dict[str, Any], dict[str, Any], int], bool]] = {
        "action_items": lambda e, p, t: p["owner"] == e["owner"] and near(e, t)
        and _keywords_in(e["keywords"], p["text"]),
        "feedback": lambda e, p, t: p["kind"] == e["kind"] and p["from"] == e["from"] and near(e, t),
        "questions": lambda e, p, t: p["speaker"] == e["speaker"] and near(e, t, 0),
        "challenges": lambda e, p, t: p["speaker"] == e["speaker"] and near(e, t)
        and _keywords_in(e.get("keywords", []), p["text"]),
        # the fixtures' README names no owner field for goals: some label files say "speaker"
        "goals": lambda e, p, t: p["owner"] == e.get("owner", e.get("speaker")) and near(e, t)
        and _keywords_in(e.get("keywords", []), p["text"]),
        "decisions": lambda e, p, t: near(e, t) and _keywords_in(e.get("keywords", []), p["text"]),
    }
    return rules[category]


_DATE_FIELD = {"action_items": "due", "goals": "target"}


def group_predictions(category: str, items: list[dict[str, Any]],
                      turn_of: Callable[[int], int]) -> list[list[int]]:
    """Indices of `items` grouped as one prediction each (see the module docstring)."""
    groups: list[list[int]] = []
    for i, item in enumerate(items):
        turn = turn_of(item["segment"])
        if category == "decisions":
            same = next((g for g in groups if turn_of(items[g[0]]["segment"]) == turn), None)
        elif category == "questions" and groups:
            last = items[groups[-1][-1]]
            same = groups[-1] if (turn_of(last["segment"]) == turn
                                  and last["speaker"] == item["speaker"]) else None
        else:
            same = None
        if same is None:
            groups.append([i])
        else:
            same.append(i)
    return groups


def score_conversation(expected: dict[str, Any], predicted: dict[str, Any],
                       turn_of: Callable[[int], int], scores: dict[str, Score], name: str) -> bool:
    """Add one conversation's counts to `scores`; returns whether the next check-in is right."""
    for category in CATEGORIES:
        score = scores[category]
        labels = expected.get(category, [])
        items = predicted.get(category, [])
        groups = group_predictions(category, items, turn_of)
        score.expected += len(labels)
        rule = _rule(category)
        used: set[int] = set()
        for label in labels:
            match = next((i for i, item in enumerate(items) if i not in used
                          and rule(label, item, turn_of(item["segment"]))), None)
            if match is None:
                score.misses.append(f"{name}: missed {category} {json.dumps(label)}")
                continue
            used.add(match)
            score.true_positive += 1
            date_field = _DATE_FIELD.get(category)
            if date_field:
                score.dated += 1
                got = items[match][date_field]
                right = got == label[date_field] or (got or "")[:10] == (label[date_field] or "-")
                score.dated_right += right
                if not right:
                    score.misses.append(f"{name}: {category} {date_field} {got} != {label[date_field]}")
        for group in groups:
            matched = sum(i in used for i in group)
            score.predicted += max(1, matched)
            if not matched:
                item = items[group[0]]
                score.misses.append(f"{name}: extra {category} turn {turn_of(item['segment'])} "
                                    f"{item.get('owner', item.get('speaker', ''))} {item.get('text')!r}")
    right = predicted.get("next_checkin") == expected.get("next_checkin")
    if not right:
        scores["goals"].misses.append(
            f"{name}: next_checkin {predicted.get('next_checkin')} != {expected.get('next_checkin')}")
    return right


def fixture_transcript(fixture: dict[str, Any]) -> dict[str, Any]:
    """A conversation's turns as transcript JSON, one segment per turn."""
    return {"session_date": fixture["session_date"], "participants": fixture.get("participants", {}),
            "segments": [{"speaker": t["speaker"], "text": t["text"]} for t in fixture["turns"]]}


def overlap_turn_map(segments: list[Any], truth_turns: list[dict[str, Any]]) -> Callable[[int], int]:
    """Map a recognised segment to the truth turn it overlaps most in time."""
    def turn_of(index: int) -> int:
        seg = segments[index]
        start, end = seg.start or 0.0, seg.end if seg.end is not None else (seg.start or 0.0)
        best = max(truth_turns, key=lambda t: (min(end, t["end"]) - max(start, t["start"]),
                                               -abs(t["start"] - start)))
        return int(best["turn"])
    return turn_of


def _same_turn(segment: int) -> int:
    return segment


def evaluate(fixtures: Path, transcripts: Path | None) -> tuple[dict[str, Score], int, int, int]:
    """Scores per category, right check-ins, conversations scored, conversations skipped."""
    scores = {c: Score() for c in CATEGORIES}
    checkins_right = conversations = skipped = 0
    for path in sorted(fixtures.glob("*.json")):
        if path.name.endswith(".truth.json"):
            continue
        fixture = json.loads(path.read_text())
        if "expected" not in fixture:
            continue
        name = fixture.get("id", path.stem)
        if transcripts is None:
            transcript = parse_transcript(fixture_transcript(fixture))
            turn_of: Callable[[int], int] = _same_turn
        else:
            recognised = transcripts / f"{name}.json"
            truth = path.with_name(f"{name}.truth.json")
            if not recognised.exists() or not truth.exists():
                skipped += 1
                continue
            transcript = load_transcript(recognised)
            turn_of = overlap_turn_map(list(transcript.segments), json.loads(truth.read_text())["turns"])
        predicted = extract(transcript, datetime.fromisoformat(fixture["session_date"])).to_json()
        checkins_right += score_conversation(fixture["expected"], predicted, turn_of, scores, name)
        conversations += 1
    return scores, checkins_right, conversations, skipped


def report(scores: dict[str, Score], checkins_right: int, conversations: int) -> str:
    lines = [f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'pred':>6}{'exp':>5}  dates"]
    total = Score()
    for category, s in scores.items():
        dates = f"{s.dated_right}/{s.dated}" if category in _DATE_FIELD else ""
        lines.append(f"{category:<14}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                     f"{s.true_positive:5d}{s.predicted:6d}{s.expected:5d}  {dates}")
        total.true_positive += s.true_positive
        total.predicted += s.predicted
        total.expected += s.expected
    lines.append(f"{'overall':<14}{total.precision:7.3f}{total.recall:7.3f}{total.f1:7.3f}"
                 f"{total.true_positive:5d}{total.predicted:6d}{total.expected:5d}")
    lines.append(f"next check-in  {checkins_right}/{conversations} right")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixtures", type=Path, default=SESSIONS,
                        help="labelled conversations (default: ../shared/fixtures/sessions)")
    parser.add_argument("--transcripts", type=Path, default=None,
                        help="score recognised transcripts DIR/ID.json instead of the turns")
    parser.add_argument("--verbose", action="store_true", help="list every miss and extra item")
    args = parser.parse_args(argv)
    if not args.fixtures.is_dir():
        print(f"error: {args.fixtures} is not a directory", file=sys.stderr)
        return 2
    scores, right, conversations, skipped = evaluate(args.fixtures, args.transcripts)
    if not conversations:
        print("error: no labelled conversation to score", file=sys.stderr)
        return 2
    source = f"transcripts in {args.transcripts}" if args.transcripts else "hand transcripts"
    print(f"{conversations} conversations from {args.fixtures} ({source})"
          + (f", {skipped} without a transcript skipped" if skipped else ""))
    print(report(scores, right, conversations))
    if args.verbose:
        for s in scores.values():
            for miss in s.misses:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
