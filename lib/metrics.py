"""Metrics: every quantity a sentence states, with the indicator it measures.

`extract_metrics(sentence)` returns one dict per quantity, with the keys in METRIC_KEYS:
label, value, value_high, unit, base_value, base_unit, qualifier, qualifier_kind, kind, year,
raw, start, end. Rules (units, qualifiers, label trimming, known indicators) are in
data/rules/metrics.json.

Finding a quantity: a number (Arabic, full-width, or Chinese with 十/百/千 or a magnitude) followed
by a unit (亿元, %, 家次, 名 …) or a magnitude (73万常住人口), with qualifiers around it (近, 超,
余, 以上, 上百 …). A number with no unit is never a metric: years (2025年), dates (5月31日), list
numbers (1+4+N, 1145), 5G, 98后, 3号厂房. Numbers in short quotes (“十四五”) or book titles are
skipped, and so are bare Chinese numerals without a qualifier (千家万户, 百家).

Finding the label, in order:
1. the noun after a classifier (辖区6家上市企业 → 上市企业; 94.6%的矛盾纠纷实现就地化解 → the words
   after 的);
2. the words before the number back to the last clause mark or the previous quantity, trimmed at
   word boundaries of subjects, time words, copulas and qualifiers (规模以上工业总产值达1828亿元);
   a label ending with a known indicator becomes that indicator (…企业党组织覆盖率 → 党组织覆盖率);
3. a quantity with no label of its own (…突破100亿元大关，达100.41亿元) takes the label of the
   previous quantity in the sentence with the same base unit, and a bare change (同比增长5.6%) is
   prefixed with the previous label. A quantity still without a label is dropped.

Kinds: amount (money), count, rate (%, ‰, 倍), growth (a change: 增长5.6%, 个百分点; the value is
signed, 下降3.2% → -3.2), rank (第31名), measure (area, length, weight, energy).
value is the number as written (1200亿元 → 1200, unit 亿元); base_value is in base_unit
(1.2e11 元). A bare magnitude (73万常住人口) has unit 万 and base_value 730000, with a base unit
implied by the label (人) or None. year is the nearest year written before the quantity in the
sentence (2025年累计走访企业近4000家次 → 2025), None when there is none.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba
import jieba.posseg

from lib.config import RULES_DIR
from lib.text import RE_CJK, split_sentences

METRICS_FILE = RULES_DIR / "metrics.json"
INDICATOR_ALIASES_FILE = RULES_DIR / "indicator_aliases.json"
METRIC_KEYS = (
    "label",
    "value",
    "value_high",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "qualifier_kind",
    "kind",
    "year",
    "raw",
    "start",
    "end",
)
#: Kinds of metric: money, things counted, shares, changes, positions in a ranking, physical sizes.
KINDS = ("amount", "count", "rate", "growth", "rank", "measure")

#: Full-width digits and signs become ASCII, one character for one, so offsets stay valid.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％～－", "0123456789.%~-")
RE_FULL_WIDTH = re.compile("[０-９．％～－]")
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_TENS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
#: A number: Arabic (1,200 / 78.02) or a run of Chinese numerals (validated in `_chinese_value`).
NUMBER = rf"\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERALS}]+"
#: Arabic digits longer than this are identifiers or phone numbers, not quantities.
MAX_DIGITS = 12
#: A range between two numbers: 15%—20%, 3~5个, 15至20家.
RANGE_MARKS = r"[—–\-~～至到]"

#: A year stated for what follows (not 2019年以来 / 2020年起, which open a period).
RE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!以来|来|起|至今)")
#: Short quotes and book titles: names (“十四五”, “1+4+N”, 《2024年度…千强镇》), not statements.
RE_PROTECTED = re.compile(r"“[^“”]{1,20}”|‘[^‘’]{1,20}’|《[^《》]{1,60}》|「[^「」]{1,20}」")
RE_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:、…\s]")
OPENING, CLOSING = "“‘（(《「", "”’）)》」"
LOOSE_MARKS = " \t—-–·/+~…"

#: Part-of-speech tags (jieba) of words that can end a noun phrase.
NOMINAL_TAGS = {"vn", "an", "j", "l", "eng", "nz", "b", "s", "g", "zg"}
#: Tags of words that cannot be a label on their own (集聚, 站稳, 乐美包装获得).
VERBISH_TAGS = {
    "v",
    "vd",
    "vi",
    "vg",
    "d",
    "p",
    "c",
    "r",
    "a",
    "ad",
    "u",
    "uj",
    "ul",
    "uz",
    "ug",
    "uv",
    "ud",
    "y",
}

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Rules:
    """metrics.json with its patterns compiled."""

    data: dict
    re_quantity: re.Pattern
    re_number_hint: re.Pattern  # what every quantity holds: a digit, a Chinese numeral or a number word
    re_leading: tuple[re.Pattern, ...]
    re_trailing: tuple[re.Pattern, ...]
    re_not_metric: re.Pattern  # any of not_metric_phrases
    #: Word lists of `data` in the shape the extractor reads them: longest first, or as sets.
    known_indicators: tuple[str, ...]
    growth_words: tuple[str, ...]
    leading_strip: tuple[str, ...]
    trailing_strip: tuple[str, ...]
    unit_clashes: tuple[str, ...]
    big_magnitudes: tuple[str, ...]  # magnitudes written with 万/亿 only, longest first
    attribute_after_amount: tuple[str, ...]
    noun_after_stops: frozenset[str]
    noun_after_stop_prefixes: tuple[str, ...]
    nominal_words: frozenset[str]


@dataclass
class Quantity:
    """A number with its unit and qualifier, before it gets a label."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str
    base_value: float | None
    base_unit: str | None
    qualifier: str | None
    qualifier_kind: str | None
    kind: str
    bare: bool  # a magnitude with no unit (73万常住人口)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Reads metrics.json and merges any metrics_*.json next to it."""
    data = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
    for extra in sorted(RULES_DIR.glob("metrics_*.json")):
        _merge(data, json.loads(extra.read_text(encoding="utf-8")))
    return Rules(
        data=data,
        re_quantity=_compile_quantity(data),
        re_number_hint=re.compile(f"\\d|[{CN_NUMERALS}]|{_alternation(data['number_words'])}"),
        re_leading=tuple(re.compile(p) for p in data["label_leading_patterns"]),
        re_trailing=tuple(re.compile(p) for p in data["label_trailing_patterns"]),
        re_not_metric=re.compile(_alternation(data["not_metric_phrases"])),
        known_indicators=_longest_first(data["known_indicators"]),
        growth_words=_longest_first(data["growth_words"]),
        leading_strip=_longest_first(data["label_leading_strip"]),
        trailing_strip=_longest_first(data["label_trailing_strip"]),
        unit_clashes=tuple(data["unit_clashes"]),
        big_magnitudes=_longest_first(k for k in data["magnitudes"] if set(k) <= set(CN_BIG)),
        attribute_after_amount=tuple(data["attribute_after_amount"]),
        noun_after_stops=frozenset(data["noun_after_stops"]),
        noun_after_stop_prefixes=tuple(s for s in data["noun_after_stops"] if len(s) > 1),
        nominal_words=frozenset(data["nominal_words"]),
    )


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def load_tagger() -> None:
    """Loads jieba's dictionary for the part-of-speech tags of labels (otherwise loaded on first use)."""
    jieba.initialize()


def extract_metrics(sentence: str) -> list[dict]:
    """Every quantity the sentence states, as dicts with the keys in METRIC_KEYS.

    >>> [(m["label"], m["value"], m["unit"]) for m in extract_metrics("规模以上工业总产值达1828亿元。")]
    [('规模以上工业总产值', 1828.0, '亿元')]
    """
    if not sentence:
        return []
    rules = load_rules()
    text = sentence.translate(FULL_WIDTH) if RE_FULL_WIDTH.search(sentence) else sentence
    if not rules.re_number_hint.search(text):
        return []
    matches = list(rules.re_quantity.finditer(text))
    if not matches:
        return []
    protected = [m.span() for m in RE_PROTECTED.finditer(text)]
    if rules.re_not_metric.search(text):
        protected += [(i, i + len(p)) for p in rules.data["not_metric_phrases"] for i in _find_all(text, p)]
    years = [
        (m.start(), int(m.group(1))) for m in RE_YEAR.finditer(text) if not _inside(m.start(), protected)
    ]
    quantities = [q for m in matches if (q := _read_quantity(m, text, protected, rules))]
    metrics: list[dict] = []
    floor = 0
    for i, q in enumerate(quantities):
        ceiling = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        label, label_end = _label(text, q, floor=floor, ceiling=ceiling, rules=rules)
        floor = max(q.end, label_end)
        metric = _metric(q, label, metrics, rules)
        if metric:
            year = next((y for pos, y in reversed(years) if pos < q.start), None)
            metrics.append(
                {**metric, "year": year, "raw": sentence[q.start : q.end], "start": q.start, "end": q.end}
            )
    return metrics


def extract_metrics_from_text(text: str) -> list[dict]:
    """`extract_metrics` on every sentence of a text; each dict also gets its `sentence`."""
    return [{**m, "sentence": s} for s in split_sentences(text) for m in extract_metrics(s)]


# --- finding quantities -------------------------------------------------------------------------


def _compile_quantity(data: dict) -> re.Pattern:
    magnitudes = _alternation(data["magnitudes"])
    units = _alternation([*data["units"], *data["not_metric_units"]])
    number = f"(?<![0-9A-Za-z.+\\-/#])(?P<num>{NUMBER})"
    return re.compile(
        f"(?:(?P<word>{_alternation(data['number_words'])})"
        f"|(?P<pre>{_alternation(data['qualifiers_before'])})?(?P<ord>第)?{number}"
        f"(?:(?P<mag1>{magnitudes})?(?P<unit1>{units})?(?P<sep>{RANGE_MARKS})(?P<num2>{NUMBER}))?)"
        f"(?P<mag>{magnitudes})?(?P<mid>{_alternation(data['qualifiers_between'])})?"
        f"(?P<unit>{units})?(?P<post>{_alternation(data['qualifiers_after'])})?"
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _read_quantity(m: re.Match, text: str, protected: list[tuple[int, int]], rules: Rules) -> Quantity | None:
    """The quantity a match of RE_QUANTITY states, or None when it is not one (no unit, a name …)."""
    data = rules.data
    num_start = m.start("num") if m["num"] else m.start()
    if _inside(m.start(), protected) or (num_start > 0 and text[num_start - 1] in data["vague_before"]):
        return None
    unit = m["unit"]
    if unit in data["not_metric_units"]:
        return None
    if unit and text.startswith(rules.unit_clashes, m.start("unit")):
        unit = None
    magnitude = m["mag"]
    if m["word"]:
        value, value_high = float(data["number_words"][m["word"]]["value"]), None
    else:
        parsed = _number(m["num"], m["num2"], magnitude, rules)
        if parsed is None:
            return None
        value, value_high, magnitude, bare_numeral = parsed
        qualified = m["pre"] or m["mid"] or (m["post"] and unit)
        if bare_numeral and not qualified:
            return None
        if m["sep"] and (m["unit1"] not in (None, unit) or m["mag1"] not in (None, magnitude)):
            return None
    if not unit and not magnitude:
        return None
    is_rank = bool(m["ord"])
    if is_rank and unit not in data["rank_units"]:
        return None
    spec = data["units"].get(unit, {"kind": "count", "base_unit": None, "factor": 1})
    kind = "rank" if is_rank else spec["kind"]
    end = m.end() if unit else max(m.end(g) for g in ("word", "num", "num2", "mag", "mid") if m[g])
    if kind == "amount" and text.startswith(rules.attribute_after_amount, end):
        return None
    factor = data["magnitudes"].get(magnitude, 1) * spec["factor"]
    qualifier, qualifier_kind = _qualifier(m, unit, data)
    return Quantity(
        start=m.start(),
        end=end,
        value=value,
        value_high=value_high,
        unit=(magnitude or "") + (unit or ""),
        base_value=None if is_rank else _round(value * factor),
        base_unit=None if is_rank else spec["base_unit"],
        qualifier=qualifier,
        qualifier_kind=qualifier_kind,
        kind=kind,
        bare=not unit,
    )


def _number(
    num: str, num2: str | None, magnitude: str | None, rules: Rules
) -> tuple[float, float | None, str | None, bool] | None:
    """(value, value_high, magnitude, bare Chinese numeral) or None when the text is no number."""
    if num[0].isdigit():
        if len(num.split(".")[0].replace(",", "")) > MAX_DIGITS:
            return None
        value, bare = float(num.replace(",", "")), False
    else:
        num, magnitude = _split_magnitude(num, magnitude, rules)
        parsed = _chinese_value(num)
        if parsed is None or not (magnitude or any(c in CN_TENS for c in num)):
            return None
        value, bare = parsed, not any(c in CN_DIGITS for c in num)
    if num2 is None:
        return value, None, magnitude, bare
    if not num2[0].isdigit():
        num2, magnitude = _split_magnitude(num2, magnitude, rules)
    high = float(num2.replace(",", "")) if num2[0].isdigit() else _chinese_value(num2)
    if high is None or high <= value:
        return None
    return value, high, magnitude, bare


def _split_magnitude(num: str, magnitude: str | None, rules: Rules) -> tuple[str, str | None]:
    """百亿 → (百, 亿): a trailing 万/亿 is the magnitude of the unit (超百亿元 is 100 亿元)."""
    for big in rules.big_magnitudes:
        if num.endswith(big) and len(num) > len(big) and magnitude is None:
            return num[: -len(big)], big
    return num, magnitude


def _chinese_value(num: str) -> float | None:
    """三千 → 3000, 两百 → 200, 十五 → 15, 一亿二千万 → 120000000; None for a run that is no number."""
    total, section, digit = 0, 0, None
    for ch in num:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 一二三: a list of digits, not a number
            digit = CN_DIGITS[ch]
        elif ch in CN_TENS:
            section += (1 if digit is None else digit) * CN_TENS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * CN_BIG["万"]
            section, digit = 0, None
        else:
            total = (total + section + (digit or 0)) * CN_BIG["亿"]
            section, digit = 0, None
    value = total + section + (digit or 0)
    return float(value) if value else None


def _qualifier(m: re.Match, unit: str | None, data: dict) -> tuple[str | None, str | None]:
    if m["word"]:
        return m["word"], data["number_words"][m["word"]]["qualifier_kind"]
    for group, table in (
        ("pre", "qualifiers_before"),
        ("mid", "qualifiers_between"),
        ("post", "qualifiers_after"),
    ):
        if m[group] and (group != "post" or unit):
            return m[group], data[table][m[group]]
    return None, None


# --- labels -------------------------------------------------------------------------------------


def _label(text: str, q: Quantity, *, floor: int, ceiling: int, rules: Rules) -> tuple[str, int]:
    """The label of a quantity and where it ends (a following label starts after it)."""
    clause_start = max([floor] + [mark.end() for mark in RE_CLAUSE_MARK.finditer(text, 0, q.start)])
    next_mark = RE_CLAUSE_MARK.search(text, q.end)
    clause_end = next_mark.start() if next_mark else len(text)
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
    if not noun or noun in rules.data["container_nouns"]:
        return prefix, q.end
    if (
        prefix and _tagged(noun)[0][1] in VERBISH_TAGS and _nominal(*_tagged(prefix)[-1], rules)
    ):  # 企业500家参与活动
        return prefix, q.end
    return noun, noun_end


def _noun_after(text: str, pos: int, stop: int, clause_end: int, rules: Rules) -> tuple[str, int]:
    """The noun phrase right after a classifier (6家上市企业均… → 上市企业), or "" when there is none."""
    span = text[pos:stop]
    if not span or not (RE_CJK.match(span) or span[0] in OPENING or span[0].isascii() and span[0].isalpha()):
        return "", pos
    words: list[tuple[str, str]] = []
    seen_noun, depth = False, 0
    for word, flag in _tagged(span):
        is_stop = word in rules.noun_after_stops or word.startswith(rules.noun_after_stop_prefixes)
        is_verb = flag in {"v", "vd", "vi"} and not _nominal(word, flag, rules)
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


def _metric(q: Quantity, label: str, previous: list[dict], rules: Rules) -> dict | None:
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


def _clean(label: str, rules: Rules, *, extra: tuple[str, ...] = ()) -> str:
    """Trims the words before a number down to the indicator's name (see metrics.json); `extra`
    words are stripped from both ends."""
    data = rules.data
    trailing = _longest_first((*rules.trailing_strip, *extra)) if extra else rules.trailing_strip
    leading = _longest_first((*rules.leading_strip, *extra)) if extra else rules.leading_strip
    previous = None
    while label != previous:
        previous = label
        label = _trim_marks(label)
        ends_known = label.endswith(rules.known_indicators)
        known = next((k for k in rules.known_indicators if label.endswith(k)), None) if ends_known else None
        if known:
            return known
        label = _strip_trailing(label, trailing, rules.re_trailing, always=data["label_trailing_always"])
        label = _cut_after(label, data["label_cut_after"])
        label = _strip_leading(label, leading, rules.re_leading)
    return label


def _strip_leading(label: str, words: tuple[str, ...], patterns: tuple[re.Pattern, ...]) -> str:
    for pattern in patterns:
        m = pattern.match(label)
        if m and m.end() > 0 and m.end() in _boundaries(label):
            return label[m.end() :]
    if not label.startswith(words):
        return label
    return next((label[len(w) :] for w in words if label.startswith(w) and len(w) in _boundaries(label)), label)


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
        for i in _find_all(label, w)
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


def _is_label(label: str, rules: Rules) -> bool:
    """A label names something: not empty and not only verbs or adverbs (站稳, 集聚)."""
    return bool(label) and not all(
        flag in VERBISH_TAGS and not _nominal(w, flag, rules) for w, flag in _tagged(label)
    )


def _nominal(word: str, flag: str, rules: Rules) -> bool:
    return flag.startswith("n") or flag in NOMINAL_TAGS or word in rules.nominal_words


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


def _find_all(text: str, word: str) -> list[int]:
    """Starts of the non-overlapping occurrences of word in text, left to right."""
    if not word:
        return list(range(len(text) + 1))
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + len(word))
    return found


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _round(value: float) -> float:
    """Removes float noise from multiplying by a factor (1828 × 1e8)."""
    return float(f"{value:.10g}") if abs(value) < 1e15 else value


def _merge(data: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        elif isinstance(value, list) and isinstance(data.get(key), list):
            data[key].extend(value)
        else:
            data[key] = value



@lru_cache(maxsize=2)
def load_indicator_aliases(path: Path = INDICATOR_ALIASES_FILE) -> dict[str, str]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["aliases"]


def canonical_label(label: str, *, aliases: dict[str, str] | None = None) -> str:
    """The indicator's one name when reports write it several ways (规上工业总产值 → 规模以上工业总产值)."""
    return (load_indicator_aliases() if aliases is None else aliases).get(label, label)
