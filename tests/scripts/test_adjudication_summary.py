"""scripts/adjudication_summary.py on a made-up sample, and on the stored one."""

from __future__ import annotations

import json

from tests.scripts.script_tables import load_script

adjudication = load_script("adjudication_summary")


def test_summary_counts_judgements_per_source(tmp_path):
    key = [{"item": 1, "source": "tp"}, {"item": 2, "source": "fp"}, {"item": 3, "source": "fp"}]
    judged = [
        {"item": 1, "initiative": True},
        {"item": 2, "initiative": False},
        {"item": 3, "initiative": True},
    ]
    (tmp_path / "key.json").write_text(json.dumps(key), encoding="utf-8")
    (tmp_path / "judgements.json").write_text(json.dumps(judged), encoding="utf-8")
    assert adjudication.summary(tmp_path) == {"tp": (1, 1), "fp": (1, 2), "fn": (0, 0)}


def test_the_stored_sample_is_judged_whole():
    items = json.loads((adjudication.FOLDER / "items.json").read_text(encoding="utf-8"))
    counts = adjudication.summary()
    assert sum(n for _, n in counts.values()) == len(items) == 100
