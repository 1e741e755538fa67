"""Scoring the extraction against hand-annotated real reports (data/eval/, see its GUIDE.md).

`evaluate(folder)` builds the dataset of the folder's .txt reports (no cache) and compares each report
with its .json annotation, field by field:
- zone, province, city, title, year: right or wrong per report (a report whose annotation leaves the
  field empty is not scored for it); a zone is right when any of its forms (its name, full name, key or,
  for a listed zone, an alias of the gazetteer) is one of the names the annotation gives it;
- initiatives: a predicted name matches an annotated one when their normalised names are equal or one
  holds the other and they are of similar length; precision and recall over names; of the annotated
  initiatives that list parts, the share with a *complete* list: found, and every annotated part among
  the predicted components (a missed initiative counts as incomplete, so finding more never lowers it);
- metrics: a predicted quantity matches an annotated one of the same sentence with the same value and
  unit (or the same value in the base unit); precision and recall; a matched metric has a *specific*
  label when its label holds one of the annotation's `label_any` words; period and scope agree or not.
Normalising removes spaces and punctuation and makes full-width forms ASCII, so a sentence copied from
the page with ASCII commas matches the repaired text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.dataset.build import build_dataset
from lib.dataset.schema import Dataset
from lib.extract.zones import load_gazetteer, zone_key
from lib.reading.decode import to_simplified
from lib.reading.repair import drop_pinyin_glosses

RE_NOT_WORD = re.compile(r"[\W_]+")
#: Generic names a report uses for its own zone, which say nothing about which zone it is.
GENERIC_ZONE_NAMES = {
    "园区",
    "高新区",
    "经开区",
    "开发区",
    "新区",
    "工业园区",
    "产业园",
    "本区",
    "全区",
    "我区",
}
#: The file naming the held-out reports (the test split); every other report is dev.
SPLITS_FILE = "splits.json"


def norm(text) -> str:
    """Text reduced for comparison: Simplified (a Traditional report is read in Simplified, its annotation
    is not), without a reposting site's pinyin glosses (the reader drops them, the annotation copies the
    page), NFKC (full-width → ASCII), no spaces or punctuation, lower case."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    text = drop_pinyin_glosses(to_simplified(str(text)))
    return RE_NOT_WORD.sub("", unicodedata.normalize("NFKC", text)).lower()


@dataclass
class Tally:
    """Counts for one field: right / scored (accuracy), or matched / predicted / annotated (P and R)."""

    right: int = 0
    scored: int = 0
    predicted: int = 0
    annotated: int = 0
    matched_predicted: int = 0
    matched_annotated: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.scored if self.scored else None

    @property
    def precision(self) -> float | None:
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched_annotated / self.annotated if self.annotated else None

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ReportScore:
    id: str
    split: str = "dev"
    fields: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    problems: list[str] = field(default_factory=list)  # misses and false hits, with their sentences


def held_out(folder: Path) -> frozenset[str]:
    """Ids of the held-out reports, listed in splits.json beside the reports' folder."""
    path = folder.parent / SPLITS_FILE
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get("test", []))


def split_of(report_id: str, test_ids: frozenset[str]) -> str:
    return "test" if report_id in test_ids else "dev"


#: What every annotation holds (data/eval/GUIDE.md); a file without them is not scored.
REQUIRED_FIELDS = ("initiatives", "metrics")


def load_annotations(
    folder: Path, *, split: str = "all", problems: list[str] | None = None
) -> dict[str, dict]:
    """The annotations of a folder's reports, by id. A file that is not an annotation (broken JSON, a
    field missing, no .txt beside it) is left out and said in `problems`, never a crash."""
    out = {}
    test_ids = held_out(folder)
    for path in sorted(folder.glob("*.json")):
        if split != "all" and split_of(path.stem, test_ids) != split:
            continue
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            spec, why = None, f"无法读取（{type(exc).__name__}）"
        else:
            missing = [f for f in REQUIRED_FIELDS if not isinstance(spec, dict) or f not in spec]
            why = f"缺少字段 {'、'.join(missing)}" if missing else ""
            if not why and not path.with_suffix(".txt").is_file():
                why = "旁边没有同名 .txt 报道"
        if why:
            if problems is not None:
                problems.append(f"{path.name}：{why}，未计分")
            continue
        out[path.stem] = spec
    return out


def evaluate(folder: Path, *, split: str = "all", problems: list[str] | None = None) -> list[ReportScore]:
    """Scores of every annotated report of the folder (its .txt beside its .json); files that are not
    annotations are said in `problems`."""
    gold = load_annotations(folder, split=split, problems=problems)
    ds = build_dataset([folder / f"{rid}.txt" for rid in gold])
    scores = [score_report(rid, spec, ds) for rid, spec in gold.items()]
    test_ids = held_out(folder)
    for s in scores:
        s.split = split_of(s.id, test_ids)
    return scores


def _main_article(ds: Dataset, rid: str) -> pd.Series | None:
    arts = ds.articles[ds.articles["source_file"] == f"{rid}.txt"]
    return None if arts.empty else arts.sort_values("n_chars", ascending=False).iloc[0]


def score_report(rid: str, spec: dict, ds: Dataset) -> ReportScore:
    score = ReportScore(rid)
    art = _main_article(ds, rid)
    ids = set(ds.articles.loc[ds.articles["source_file"] == f"{rid}.txt", "article_id"])
    _score_zone(score, spec, art)
    for name in ("province", "city"):
        if spec.get(name) and art is not None and name in art.index:
            _right(score, name, norm(art[name]) == norm(spec[name]), spec[name], art[name])
    if spec.get("title"):
        got = art["title"] if art is not None else ""
        _right(score, "title", norm(got) == norm(spec["title"]), spec["title"], got)
    if spec.get("year"):
        got = art["year"] if art is not None else None
        _right(score, "year", pd.notna(got) and int(got) == int(spec["year"]), spec["year"], got)
    _score_initiatives(score, spec["initiatives"], ds.initiatives[ds.initiatives["article_id"].isin(ids)])
    _score_metrics(score, spec["metrics"], ds.metrics[ds.metrics["article_id"].isin(ids)])
    return score


def _right(score: ReportScore, name: str, ok: bool, want, got) -> None:
    tally = score.fields[name]
    tally.scored += 1
    tally.right += bool(ok)
    if not ok:
        score.problems.append(f"{name}: 应为 {want!r}，得到 {got!r}")


def _score_zone(score: ReportScore, spec: dict, art: pd.Series | None) -> None:
    got = art["zone"] if art is not None else ""
    if not spec.get("zone"):
        _right(score, "zone", not got, "", got)
        return
    names = {spec["zone"], spec.get("zone_short", ""), *spec.get("zone_names_in_text", [])}
    accepted = {
        form for n in names if n and n not in GENERIC_ZONE_NAMES for form in (norm(n), norm(zone_key(n)))
    }
    listed = load_gazetteer().zones.get(
        got
    )  # one zone, any of its listed forms (秀洲国家高新区 of 嘉兴高新区)
    names = {got, art["zone_full"] if "zone_full" in art.index else "", *(listed.aliases if listed else ())}
    forms = {f for n in names if n for f in (norm(n), norm(zone_key(n)))}
    _right(score, "zone", bool(got) and bool((forms | _without_place(forms)) & accepted), spec["zone"], got)


def _without_place(forms: set[str]) -> set[str]:
    """The forms without a province, city or county written before the name: 江津德感工业园区 is the
    annotation's 德感工业园 with its district before it, the same park."""
    places = load_gazetteer().places
    return {f[n:] for f in forms for n in range(2, min(len(f) - 2, 6)) if places.is_place(f[:n])}


def names_match(predicted: str, annotated: str) -> bool:
    p, a = norm(predicted), norm(annotated)
    if not p or not a:
        return False
    if p == a:
        return True
    short, long = sorted((p, a), key=len)
    return short in long and len(short) / len(long) >= 0.6


def _score_initiatives(score: ReportScore, annotated: list[dict], predicted: pd.DataFrame) -> None:
    tally, parts = score.fields["initiatives"], score.fields["components"]
    tally.annotated += len(annotated)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for gold in annotated:
        hit = next(
            (
                i
                for i, row in predicted.iterrows()
                if i not in used
                and (names_match(row["name"], gold["name"]) or names_match(row["full_name"], gold["name"]))
            ),
            None,
        )
        lists_parts = len(gold["parts"]) >= 2
        parts.scored += lists_parts  # a missed initiative that lists parts counts as an incomplete list
        if hit is None:
            score.problems.append(f"举措漏识：{gold['name']}｜{gold['sentence']}")
            continue
        used.add(hit)
        tally.matched_annotated += 1
        if lists_parts:
            found = [norm(c) for c in predicted.loc[hit, "components"]]
            complete = all(
                any(norm(p) and (norm(p) in f or f in norm(p)) and f for f in found) for p in gold["parts"]
            )
            parts.right += complete
            if not complete:
                score.problems.append(
                    f"组成不全：{gold['name']} 应为 {gold['parts']}，得到 {list(predicted.loc[hit, 'components'])}"
                )
    _false_hits(score, tally, predicted, used, lambda row: f"举措误识：{row['name']}｜{row['sentence']}")


def _same_quantity(row: pd.Series, gold: dict) -> bool:
    """The same number and unit. Magnitudes are compared: the annotation writes the number as printed
    (降低70元 → 70), the dataset signs a decrease (-70, metrics.json's growth words)."""
    value = gold["value"]
    if value is None or pd.isna(row["value"]):
        return False
    if abs(abs(float(row["value"])) - abs(float(value))) < 1e-6 * max(1.0, abs(float(value))):
        return (
            norm(row["unit"]) == norm(gold["unit"])
            or norm(gold["unit"]) in norm(row["unit"])
            or not gold["unit"]
        )
    return False


def _score_metrics(score: ReportScore, annotated: list[dict], predicted: pd.DataFrame) -> None:
    tally, labels = score.fields["metrics"], score.fields["metric_labels"]
    periods, scopes = score.fields["metric_period"], score.fields["metric_scope"]
    tally.annotated += len(annotated)
    tally.predicted += len(predicted)
    used: set[int] = set()
    for gold in annotated:
        sentence = norm(gold["sentence"])
        hit = next(
            (
                i
                for i, row in predicted.iterrows()
                if i not in used
                and _same_quantity(row, gold)
                and (norm(row["sentence"]) in sentence or sentence in norm(row["sentence"]))
            ),
            None,
        )
        if hit is None:
            score.problems.append(f"指标漏识：{gold['label']} {gold['raw']}｜{gold['sentence']}")
            continue
        used.add(hit)
        tally.matched_annotated += 1
        row = predicted.loc[hit]
        specific = any(norm(w) in norm(row["label"]) for w in gold.get("label_any") or [gold["label"]])
        labels.scored += 1
        labels.right += specific
        if not specific:
            score.problems.append(
                f"指标名不具体：{row['label']}（应含 {gold.get('label_any')}）{gold['raw']}｜{gold['sentence']}"
            )
        for name, facet in (("period", periods), ("scope", scopes)):
            if name in row.index:
                facet.scored += 1
                ok = norm(row[name]) == norm(gold.get(name, ""))
                facet.right += ok
                if not ok:
                    score.problems.append(
                        f"指标{name}：应为 {gold.get(name, '')!r}，得到 {row[name]!r}｜{gold['raw']}｜{gold['sentence']}"
                    )
    _false_hits(
        score, tally, predicted, used, lambda row: f"指标误识：{row['label']} {row['raw']}｜{row['sentence']}"
    )


def _false_hits(score: ReportScore, tally: Tally, predicted: pd.DataFrame, used: set, describe) -> None:
    """Counts the predicted rows matched to an annotation and lists every other one as a false hit."""
    tally.matched_predicted += len(used)
    score.problems += [describe(row) for i, row in predicted.iterrows() if i not in used]


def totals(scores: list[ReportScore]) -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for s in scores:
        for name, tally in s.fields.items():
            out[name].add(tally)
    return dict(out)


def _pct(x: float | None) -> str:
    return "  —  " if x is None else f"{100 * x:5.1f}"


def report_text(scores: list[ReportScore], *, show: bool = False) -> str:
    """The scores as the command line prints them: totals per field, then per report (with each miss and
    false hit when `show`)."""
    lines = ["字段              准确率   精确率   召回率   （计数）"]
    for name, t in sorted(totals(scores).items()):
        counts = (
            f"{t.right}/{t.scored}"
            if t.scored
            else f"P {t.matched_predicted}/{t.predicted} R {t.matched_annotated}/{t.annotated}"
        )
        lines.append(f"{name:<16} {_pct(t.accuracy)}%  {_pct(t.precision)}%  {_pct(t.recall)}%   ({counts})")
    lines.append("")
    for s in scores:
        cells = " ".join(
            f"{n}={_pct(t.accuracy if t.scored else t.recall).strip()}" for n, t in sorted(s.fields.items())
        )
        lines.append(f"{s.id} [{s.split}] {cells}")
        if show:
            lines += [f"    {p}" for p in s.problems]
    return "\n".join(lines)
