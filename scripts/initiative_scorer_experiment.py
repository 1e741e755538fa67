"""An experiment, kept so its figures can be checked: would a learned filter over initiative candidates beat
the rules? Candidates are the rules' initiatives and every other quoted term of each dev report; each is
labelled by the annotation (lib.dataset.evaluation.names_match) and described by a few features (its first and
last characters, the words around its quotes, its length, whether a rule found it). A logistic regression
(numpy, L2) is trained and scored by five-fold cross-validation over reports. Prints precision and recall
against every annotated initiative at several thresholds. Run: python scripts/initiative_scorer_experiment.py
(docs/EVAL.md, seventh session: it did no better than the rules, and was not put in the product)."""

from __future__ import annotations

import random
import re

import numpy as np

from lib import config
from lib.dataset.build import build_dataset
from lib.dataset.evaluation import load_annotations, names_match, norm

RE_QUOTED = re.compile(r"[“\"「‘『]([^“”\"「」‘’『』\n]{1,40})[”\"」’』]")
NUMERALS = set("一二三四五六七八九十两双百千万0123456789")


def features(name: str, before: str, after: str, rule: int, kind: str) -> list[str]:
    out = ["bias", f"rule={rule}", f"kind={kind}", f"len={min(len(name), 12) // 2}"]
    out += [f"last1={name[-1:]}", f"last2={name[-2:]}", f"first1={name[:1]}"]
    out += [f"numstart={name[:1] in NUMERALS}", f"list={any(c in name for c in '、，,；')}"]
    out += [f"a{k}={after[:k]}" for k in (1, 2, 3, 4)] + [f"b{k}={before[-k:]}" for k in (1, 2)]
    return out


def candidates(split: str = "dev") -> tuple[list[tuple[str, list[str], int]], int]:
    folder = config.DATA_DIR / "eval" / "reports"
    gold = load_annotations(folder, split=split)
    ds = build_dataset([folder / f"{rid}.txt" for rid in gold])
    rows = []
    for rid, spec in gold.items():
        text = (folder / f"{rid}.txt").read_text(encoding="utf-8", errors="replace")
        ids = set(ds.articles.loc[ds.articles["source_file"] == f"{rid}.txt", "article_id"])
        found = ds.initiatives[ds.initiatives["article_id"].isin(ids)]
        names = [g["name"] for g in spec["initiatives"]]
        seen: dict[str, tuple] = {}
        for name, full, kind in zip(found["name"], found["full_name"], found["kind"], strict=True):
            at = text.find(name)
            before, after = (
                (text[max(0, at - 6) : at], text[at + len(name) : at + len(name) + 6])
                if at >= 0
                else ("", "")
            )
            seen[norm(name)] = (name, full, before.rstrip('“"「‘'), after.lstrip('”"」’'), 1, kind)
        for m in RE_QUOTED.finditer(text):
            name = m.group(1)
            if norm(name) and not any(names_match(name, c[0]) for c in seen.values()):
                seen[norm(name)] = (
                    name,
                    name,
                    text[max(0, m.start() - 6) : m.start()],
                    text[m.end() : m.end() + 6],
                    0,
                    "quoted",
                )
        for name, full, before, after, rule, kind in seen.values():
            label = int(any(names_match(name, g) or names_match(full, g) for g in names))
            rows.append((rid, features(name, before, after, rule, kind), label))
    return rows, sum(len(s["initiatives"]) for s in gold.values())


def cross_validated(rows: list, l2: float = 1.0, folds: int = 5) -> np.ndarray:
    vocab = {f: i for i, f in enumerate(sorted({f for _, fs, _ in rows for f in fs}))}
    x = np.zeros((len(rows), len(vocab)), np.float32)
    for i, (_, fs, _) in enumerate(rows):
        x[i, [vocab[f] for f in fs]] = 1
    y = np.array([label for _, _, label in rows], np.float32)
    reports = sorted({rid for rid, _, _ in rows})
    random.Random(1).shuffle(reports)
    scores = np.zeros(len(rows))
    for k in range(folds):
        held = np.array([rid in set(reports[k::folds]) for rid, _, _ in rows])
        w = np.zeros(len(vocab), np.float32)
        for _ in range(1500):
            p = 1 / (1 + np.exp(-(x[~held] @ w)))
            w -= 2.0 * (x[~held].T @ (p - y[~held]) / len(p) + l2 * w / len(p))
        scores[held] = 1 / (1 + np.exp(-(x[held] @ w)))
    return scores


def main() -> None:
    rows, annotated = candidates()
    y = np.array([label for _, _, label in rows])
    rules = np.array(["rule=1" in fs for _, fs, _ in rows])
    print(f"rules: precision {y[rules].mean():.3f}, recall {y[rules].sum() / annotated:.3f}")
    scores = cross_validated(rows)
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        kept = scores >= threshold
        print(
            f"learned, threshold {threshold}: precision {y[kept].mean():.3f}, recall {y[kept].sum() / annotated:.3f}"
        )


if __name__ == "__main__":
    main()
