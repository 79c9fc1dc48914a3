"""False "mentioned as done" proposals (companion/done_mentions.py) on our conversations.

    python bench/done_mentions.py

Each conversation (tests/data/conversations and ../shared/fixtures/sessions) is extracted
as the service extracts it; then its own action items are looked for in its own call (an
item is agreed there, never done: every proposal is false), and every conversation's items
in every other call (different people and topics: a proposal is almost always false;
the pairs are printed to read). Prints the counts and the cross pairs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import SESSIONS  # noqa: E402
from companion.done_mentions import Line, OpenItem, find_mentions  # noqa: E402
from companion.processing import extract  # noqa: E402

CONVERSATIONS = ROOT / "tests" / "data" / "conversations"


def load(path: Path) -> tuple[str, list[OpenItem], list[Line], list[str]]:
    data = json.loads(path.read_text())
    segments = [{"speaker": t["speaker"], "text": t["text"]} for t in data["turns"]]
    names = [p["name"] for p in (data.get("participants") or {}).values()]
    found = extract({"session_date": data.get("session_date"), "segments": segments})
    items = [OpenItem(f"{path.stem}#{n}", i["owner"], i["text"])
             for n, i in enumerate(found["action_items"])]
    lines = [Line(n, s["speaker"], None, s["text"]) for n, s in enumerate(segments)]
    return path.stem, items, lines, names


def main() -> None:
    paths = sorted(CONVERSATIONS.glob("*.json")) + sorted(
        p for p in SESSIONS.glob("*.json") if not p.name.endswith(".truth.json"))
    calls = [load(p) for p in paths]
    text = {i.id: i.text for _, items, _, _ in calls for i in items}
    own = [m for _, items, lines, names in calls
           for m in find_mentions(items, lines, names=names)]
    total = sum(len(items) for _, items, _, _ in calls)
    print(f"{len(calls)} conversations, {total} action items")
    print(f"own items proposed from their own call: {len(own)} of {total}")
    for mention in own:
        print(f"  {text[mention.item_id]!r}: {mention.quote!r} ({mention.score})")
    cross = []
    for name, items, _, _ in calls:
        for other, _, lines, names in calls:
            if other != name:
                cross += [(m, other) for m in find_mentions(items, lines, names=names)]
    pairs = len(calls) * (len(calls) - 1)
    print(f"items proposed from another call: {len(cross)} "
          f"(over {total * (len(calls) - 1)} item-call pairs, {pairs} call pairs)")
    for mention, other in cross:
        print(f"  {text[mention.item_id]!r} <- {other}: {mention.quote!r} ({mention.score})")


if __name__ == "__main__":
    main()
