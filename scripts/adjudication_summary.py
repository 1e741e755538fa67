"""How far a second reader, blind to where each name came from, agrees with the evaluation set's initiatives.

data/eval/adjudication/ holds a sample of dev initiative names with their sentences (items.json), drawn at
random from three sources (key.json): names the program found that the annotation also has (tp), names the
program found that the annotation lacks (fp), and annotated names the program missed (fn). A helper who had
never seen the program's output or the annotations judged each item by data/eval/GUIDE.md alone
(judgements.json). Run: python scripts/adjudication_summary.py"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "data" / "eval" / "adjudication"
SOURCES = {
    "tp": "found by the program and annotated",
    "fp": "found by the program, not annotated",
    "fn": "annotated, missed by the program",
}


def summary(folder: Path = FOLDER) -> dict[str, tuple[int, int]]:
    """Per source: (judged an initiative, items)."""
    key = {k["item"]: k["source"] for k in json.loads((folder / "key.json").read_text(encoding="utf-8"))}
    judged = json.loads((folder / "judgements.json").read_text(encoding="utf-8"))
    yes, total = Counter(), Counter()
    for j in judged:
        total[key[j["item"]]] += 1
        yes[key[j["item"]]] += bool(j["initiative"])
    return {s: (yes[s], total[s]) for s in SOURCES}


def main() -> None:
    for source, (yes, n) in summary().items():
        print(
            f"{source}  {SOURCES[source]:<40} judged an initiative: {yes:>3} of {n:>3} ({100 * yes / max(n, 1):.0f} %)"
        )


if __name__ == "__main__":
    main()
