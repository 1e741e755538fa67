"""Rewrites a JSON rule file in the project's layout: one top-level key per line, word lists inline,
explanations (`_help` and other objects of strings) one entry per line. Run after editing a rule file by
script: python scripts/format_rules.py data/rules/initiatives.json"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def layout(data: dict) -> str:
    lines = []
    for key, value in data.items():
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            inner = ",\n".join(f"    {dumps(k)}: {dumps(v)}" for k, v in value.items())
            lines.append(f"  {dumps(key)}: {{\n{inner}\n  }}")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            inner = ",\n".join(f"    {dumps(v)}" for v in value)
            lines.append(f"  {dumps(key)}: [\n{inner}\n  ]")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(layout(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
