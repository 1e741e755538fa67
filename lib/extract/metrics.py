"""Metrics: every quantity a sentence states (lib.extract.quantities), with the indicator it measures.

`extract_metrics(sentence)` returns one dict per quantity, with the keys in METRIC_KEYS: label, value,
value_high, unit, base_value, base_unit, qualifier, qualifier_kind, kind, year, raw, start, end. Rules
(units, qualifiers, label trimming, known indicators, part-of-speech tags) are in data/rules/metrics.json;
one name per indicator in data/rules/indicator_aliases.json.

Finding the label, in order:
1. the noun after a classifier (辖区6家上市企业 → 上市企业; 94.6%的矛盾纠纷实现就地化解 → the words after 的;
   超3万人次参与自治 → 参与自治人次: what they did);
2. the words before the number back to the last clause mark or the previous quantity, trimmed at
   word boundaries of subjects, time words, copulas and qualifiers (规模以上工业总产值达1828亿元);
   a label ending with a known indicator becomes that indicator (…企业党组织覆盖率 → 党组织覆盖率);
3. a quantity with no label of its own (…突破100亿元大关，达100.41亿元) takes the label of the
   previous quantity in the sentence with the same base unit, and a bare change (同比增长5.6%) is
   prefixed with the previous label. A quantity still without a label is dropped, and so are a formula's
   parts (246工作机制，即2个平台…). A run after 分别 takes the items of the list before it (收入、产值分别增长5%、3%).

A change is signed (下降3.2% → -3.2). A bare magnitude (73万常住人口) gets a base unit implied by its label
(人) or None. year: the nearest year written before the quantity in its sentence (2025年…), else None.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba
import jieba.posseg

from lib.core import rulefiles
from lib.core.chars import RE_CJK, split_sentences
from lib.extract import metric_context
from lib.extract.context import ArticleContext
from lib.extract.entity_rules import ENTERPRISE, PERSON
from lib.extract.quantities import (
    MetricRules,
    Quantity,
    find_all,
    find_quantities,
    inside,
    load_rules,
    normalise,
    protected_spans,
)
from lib.extract.registry import KIND, SENTENCE, SOURCE, THEME, YEAR, Column, Extractor, register
from lib.reading import dates

METRIC_KEYS = tuple(
    "label value value_high unit base_value base_unit qualifier qualifier_kind kind year raw start end".split()
)
#: Kinds of metric: money, things counted, shares, changes, positions in a ranking, physical sizes.
KINDS = ("amount", "count", "rate", "growth", "rank", "measure")

RE_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:、…\s]")
OPENING, CLOSING = "“‘（(《「", "”’）)》」"
LOOSE_MARKS = " \t—-–·/+~…"

jieba.setLogLevel(logging.WARNING)


def load_tagger() -> None:
    """Loads jieba's dictionary for the part-of-speech tags of labels (otherwise loaded on first use)."""
    jieba.initialize()


def extract_metrics(sentence: str, *, metric_rules: MetricRules | None = None) -> list[dict]:
    """Every quantity the sentence states, as dicts with the keys in METRIC_KEYS.

    >>> [(m["label"], m["value"], m["unit"]) for m in extract_metrics("规模以上工业总产值达1828亿元。")]
    [('规模以上工业总产值', 1828.0, '亿元')]
    """
    if not sentence:
        return []
    rules = metric_rules or load_rules()
    text = normalise(sentence)
    protected = protected_spans(text, rules) if rules.re_number_hint.search(text) else []
    quantities = find_quantities(text, protected, rules)
    if not quantities:
        return []
    years = [
        (pos, y) for pos, y in dates.stated_years(text, date_rules=rules.dates) if not inside(pos, protected)
    ]
    metrics: list[dict] = []
    given = metric_context.respective_labels(text, quantities, rules.data, lambda s: _clean(s, rules))
    floor = 0
    for i, q in enumerate(quantities):
        ceiling = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        label, label_end = _label(text, q, floor=floor, ceiling=ceiling, rules=rules)
        label = given.get(i) or metric_context.described_label(label, text, label_end, q, rules.data)
        floor = max(q.end, label_end)
        metric = _metric(q, label, metrics, rules)
        if metric:
            year = next((y for pos, y in reversed(years) if pos < q.start), None)
            metrics.append(
                {**metric, "year": year, "raw": sentence[q.start : q.end], "start": q.start, "end": q.end}
            )
    return metrics


def extract_metrics_from_text(text: str, *, metric_rules: MetricRules | None = None) -> list[dict]:
    """`extract_metrics` on every sentence of a text; each dict also gets its `sentence`."""
    rules = metric_rules or load_rules()
    return [
        {**m, "sentence": s} for s in split_sentences(text) for m in extract_metrics(s, metric_rules=rules)
    ]


def canonical_label(label: str, *, aliases: dict[str, str] | None = None) -> str:
    """The indicator's one name when reports write it several ways (规上工业总产值 → 规模以上工业总产值)."""
    return (load_rules().aliases if aliases is None else aliases).get(label, label)


# --- labels -------------------------------------------------------------------------------------


def _label(text: str, q: Quantity, *, floor: int, ceiling: int, rules: MetricRules) -> tuple[str, int]:
    """The label of a quantity and where it ends (a following label starts after it)."""
    clause_start = max([floor] + [mark.end() for mark in RE_CLAUSE_MARK.finditer(text, 0, q.start)])
    next_mark = RE_CLAUSE_MARK.search(text, q.end)
    clause_end = next_mark.start() if next_mark else len(text)
    if floor and clause_start == floor and metric_context.change_target(text[floor : q.start], rules.data):
        return "", q.end  # …由8个调整为14个: the number changed to takes the label of the one it changed from
    if q.kind == "rank":
        label = _clean(text[clause_start : q.start], rules, extra=tuple(rules.data["rank_strip"]))
        suffix = rules.data["rank_label_suffix"]
        return (label + suffix if label and not label.endswith(suffix) else label), q.end
    prefix = _clean(text[clause_start : q.start], rules)
    follows_de = text.startswith("的", q.end)
    if follows_de and q.kind == "rate":  # 94.6%的矛盾纠纷实现就地化解
        return _trim_marks(text[q.end + 1 : clause_end]), clause_end
    if q.kind in ("rate", "growth") or (follows_de and _is_label(prefix, rules)):
        return prefix, q.end
    noun, noun_end = _noun_after(text, q.end + follows_de, min(ceiling, clause_end), clause_end, rules)
    did = "" if noun or prefix else metric_context.described_phrase(text[q.end : clause_end], rules.data)
    if did:  # 超3万人次参与自治 → 参与自治人次: what those counted did names them
        return (did if _is_label(did, rules) else did + (q.base_unit or q.unit)), clause_end
    if (
        not noun
        or noun in rules.data["container_nouns"]
        or metric_context.changed_to(text, noun_end, rules.data)
    ):
        return prefix, q.end  # 党支部由8个调整为14个: a verb of change after the number, not what is counted
    if (
        prefix and _tagged(noun)[0][1] in rules.verbish_tags and _nominal(*_tagged(prefix)[-1], rules)
    ):  # 企业500家参与活动
        return prefix, q.end
    return noun, noun_end


def _noun_after(text: str, pos: int, stop: int, clause_end: int, rules: MetricRules) -> tuple[str, int]:
    """The noun phrase right after a classifier (6家上市企业均… → 上市企业), or "" when there is none."""
    span = text[pos:stop]
    if not span or not (RE_CJK.match(span) or span[0] in OPENING or span[0].isascii() and span[0].isalpha()):
        return "", pos
    words: list[tuple[str, str]] = []
    seen_noun, depth = False, 0
    for word, flag in _tagged(span):
        is_stop = word in rules.noun_after_stops or word.startswith(rules.noun_after_stop_prefixes)
        is_verb = flag in rules.verb_tags and not _nominal(word, flag, rules)
        if depth == 0 and (is_stop or seen_noun and is_verb):
            break
        depth += sum(c in OPENING for c in word) - sum(c in CLOSING for c in word)
        words.append((word, flag))
        seen_noun = seen_noun or _nominal(word, flag, rules)
    while words and not (_nominal(*words[-1], rules) or words[-1][0] in CLOSING):
        words.pop()
    noun = "".join(w for w, _ in words)
    if not noun or (stop < clause_end and len(noun) == len(span)):
        return "", pos  # the noun runs into the next quantity, whose label it is
    return _trim_marks(noun), pos + len(noun)


def _metric(q: Quantity, label: str, previous: list[dict], rules: MetricRules) -> dict | None:
    """The metric of a labelled quantity, with growth and inherited labels resolved; None if unlabelled."""
    data = rules.data
    kind, sign = q.kind, 1
    growth = next((w for w in rules.growth_words if label.endswith(w)), None)
    if growth and kind != "rank":
        kind, sign = "growth", data["growth_words"][growth]
        if not _strip_words(label[: -len(growth)], data["growth_modifiers"]):  # 同比增长 of what came before
            label = next((m["label"] for m in reversed(previous) if m["kind"] != "growth"), "") + label
    elif not _is_label(label, rules) and q.base_unit is not None:  # …突破100亿元大关，达100.41亿元
        label = next((m["label"] for m in reversed(previous) if m["base_unit"] == q.base_unit), "")
    if not _is_label(label, rules):
        return None
    base_unit = q.base_unit
    if q.bare:
        base_unit = next((u for end, u in data["implied_base_units"].items() if label.endswith(end)), None)
    return {
        "label": label,
        "value": _signed(q.value, sign),
        "value_high": _signed(q.value_high, sign),
        "unit": q.unit,
        "base_value": _signed(q.base_value, sign),
        "base_unit": base_unit,
        "qualifier": q.qualifier,
        "qualifier_kind": q.qualifier_kind,
        "kind": kind,
    }


def _signed(value: float | None, sign: int) -> float | None:
    return None if value is None else sign * value


def _clean(label: str, rules: MetricRules, *, extra: tuple[str, ...] = ()) -> str:
    """Trims the words before a number down to the indicator's name (see metrics.json); `extra`
    words are stripped from both ends."""
    data = rules.data
    trailing = rulefiles.longest_first((*rules.trailing_strip, *extra)) if extra else rules.trailing_strip
    leading = rulefiles.longest_first((*rules.leading_strip, *extra)) if extra else rules.leading_strip
    previous = None
    while label != previous:
        previous = label
        label = _trim_marks(label)
        ends_known = label.endswith(rules.known_indicators)
        known = next((k for k in rules.known_indicators if label.endswith(k)), None) if ends_known else None
        if known:
            return known
        label = _strip_trailing(label, trailing, rules.re_trailing, always=data["label_trailing_always"])
        label = _cut_after(label, data["label_cut_after"]) if rules.re_cut_after.search(label) else label
        label = _strip_leading(label, leading, rules.leading_for(label))
    return label


def _strip_leading(label: str, words: tuple[str, ...], patterns: tuple[re.Pattern, ...]) -> str:
    for pattern in patterns:
        m = pattern.match(label)
        if m and m.end() > 0 and m.end() in _boundaries(label):
            return label[m.end() :]
    if not label.startswith(words):
        return label
    return next(
        (label[len(w) :] for w in words if label.startswith(w) and len(w) in _boundaries(label)), label
    )


def _strip_trailing(
    label: str, words: tuple[str, ...], patterns: tuple[re.Pattern, ...], *, always: list[str]
) -> str:
    for pattern in patterns:
        m = pattern.search(label)
        if m and m.start() in _boundaries(label):
            return label[: m.start()]
    if not label.endswith(words):
        return label
    stripped = (
        w for w in words if label.endswith(w) and (w in always or len(label) - len(w) in _boundaries(label))
    )
    return next((label[: -len(w)] for w in stripped), label)


def _cut_after(label: str, words: list[str]) -> str:
    """Keeps what follows the last cut word (…党务规范等课程 → 课程; 知识产权等 → "")."""
    ends = [
        i + len(w)
        for w in words
        if w in label
        for i in find_all(label, w)
        if i in _boundaries(label) and i + len(w) in _boundaries(label)
    ]
    return label[max(ends, default=0) :]


def _strip_words(text: str, words: list[str]) -> str:
    """Removes any of the words from both ends of text, repeatedly."""
    previous = None
    while text != previous:
        previous = text
        for w in words:
            text = text.removeprefix(w).removesuffix(w)
    return text


def _trim_marks(label: str) -> str:
    """Removes spaces, dashes and unpaired quotes or brackets from both ends."""
    previous = None
    while label != previous:
        previous = label
        label = label.strip(LOOSE_MARKS)
        if label and (label[0] in CLOSING or label[0] in OPENING and _pair(label[0]) not in label):
            label = label[1:]
        if label and (label[-1] in OPENING or label[-1] in CLOSING and _pair(label[-1]) not in label):
            label = label[:-1]
        if (
            len(label) > 2
            and label[0] in OPENING
            and label[-1] == _pair(label[0])
            and label.count(label[0]) == 1
        ):
            label = label[1:-1]  # “书记项目” → 书记项目
    return label


def _pair(mark: str) -> str:
    i = OPENING.find(mark)
    return CLOSING[i] if i >= 0 else OPENING[CLOSING.find(mark)]


def _is_label(label: str, rules: MetricRules) -> bool:
    """A label names something: not empty and not only verbs or adverbs (站稳, 集聚)."""
    return bool(label) and not all(
        flag in rules.verbish_tags and not _nominal(w, flag, rules) for w, flag in _tagged(label)
    )


def _nominal(word: str, flag: str, rules: MetricRules) -> bool:
    return flag.startswith("n") or flag in rules.nominal_tags or word in rules.nominal_words


@lru_cache(maxsize=8192)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


@lru_cache(maxsize=8192)
def _boundaries(text: str) -> frozenset[int]:
    """Offsets between words of text (jieba), so trimming never cuts a word in half.
    Asked only when a trimming rule matches, so most labels are never tagged for it."""
    cuts, pos = {0}, 0
    for word, _ in _tagged(text):
        pos += len(word)
        cuts.add(pos)
    return frozenset(cuts)


@register
class Metrics(Extractor):
    table = "metrics"
    id_prefix = "m"
    order = 35  # after the entities, whose names tell an enterprise's numbers from the zone's
    columns = (
        Column("metric_id", "str", "指标编号"),
        *SOURCE,
        Column("label", "str", "指标", text=True),
        Column("value", "float", "数值"),
        Column("value_high", "float", "数值上限"),
        Column("unit", "str", "单位"),
        Column("base_value", "float", "基准单位数值"),
        Column("base_unit", "str", "基准单位"),
        Column("qualifier", "str", "限定词"),
        Column("qualifier_kind", "str", "限定类型"),
        KIND,
        YEAR,
        Column("period", "str", "时段"),
        Column("scope", "str", "范围"),
        Column("scope_name", "str", "所属主体", text=True),
        THEME,
        Column("raw", "str", "原文数量"),
        SENTENCE,
    )

    def load(self) -> None:
        load_rules()
        load_tagger()

    def extract(self, ctx: ArticleContext) -> list[dict]:
        rules, context = load_rules(), metric_context.load_context_rules()
        own = [ctx.facts.get("zone", ""), *ctx.facts.get("zones_mentioned", [])]
        names = _entity_names(ctx.found.get("entities", []), [z for z in own if z])
        parts = metric_context.formula_parts(ctx.found.get("initiatives", []))
        owners = dict(enterprises=names[ENTERPRISE], people=names[PERSON], zone=own[0], rules=context)
        rows, year = [], ctx.facts.get("year")
        for index, text in enumerate(ctx.body_texts):
            for m in extract_metrics_from_text(text, metric_rules=rules):
                sentence = normalise(m["sentence"])
                if metric_context.is_formula_part(m, sentence, parts):  # 246工作机制，即2个平台: parts
                    continue
                row = {k: m[k] for k in METRIC_KEYS if k not in ("start", "end")}
                scope, scope_name = metric_context.scope_of(sentence, m["start"], **owners)
                period = metric_context.period_of(sentence, m["start"], context, year=year)
                period = period or metric_context.lead_period(text, m["sentence"], context, year=year)  # ；
                row.update(
                    label=canonical_label(m["label"], aliases=rules.aliases),
                    sentence=m["sentence"],
                    paragraph_index=index,
                    theme=ctx.theme_of(m["sentence"], index),
                    period=period,
                    scope=scope,
                    scope_name=scope_name,
                )
                rows.append(row)
        return rows


def _entity_names(entities: list[dict], zones: list[str]) -> dict[str, list[str]]:
    """Names (and short names) of the article's enterprises and people, the zone's own names left out
    (张江科学城 is the zone, not an enterprise in it)."""
    out: dict[str, list[str]] = {ENTERPRISE: [], PERSON: []}
    for e in entities:
        if e["type"] in out:
            for name in (e["name"], e.get("short_name")):
                if name and not any(z in name or name in z for z in zones):
                    out[e["type"]].append(name)
    return out
