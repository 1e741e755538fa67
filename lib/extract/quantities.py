"""Quantities: the numbers a sentence states, with their unit, magnitude, qualifier and kind, before they
get a label (lib.extract.metrics). Rules in data/rules/metrics.json (and any metrics_*.json beside it,
merged in name order).

A quantity is a number (Arabic, full-width, or Chinese with 十/百/千 or a magnitude) followed by a unit
(亿元, %, 家次, 名 …) or a magnitude (73万常住人口), with qualifiers around it (近, 超, 余, 以上, 上百 …).
A number with no unit is never a quantity: years (2025年), dates (5月31日), list numbers (1+4+N, 1145),
5G, 98后, 3号厂房. Numbers in short quotes (“十四五”) or book titles are skipped, and so are bare Chinese
numerals without a qualifier (千家万户, 百家).

Kinds: amount (money), count, rate (%, ‰, 倍), growth (a change: 增长5.6%, 个百分点), rank (第31名),
measure (area, length, weight, energy). value is the number as written (1200亿元 → 1200, unit 亿元);
base_value is in base_unit (1.2e11 元). A bare magnitude (73万常住人口) has unit 万 and base_value 730000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import CN_BIG, CN_DIGITS, CN_TENS, chinese_number
from lib.reading.dates import DateRules
from lib.reading.dates import compile_rules as compile_dates

#: Full-width digits and signs become ASCII, one character for one, so offsets stay valid.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．％～－", "0123456789.%~-")
RE_FULL_WIDTH = re.compile("[０-９．％～－]")
CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
#: A number: Arabic (1,200 / 78.02) or a run of Chinese numerals (validated in `chinese_number`).
NUMBER = rf"\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERALS}]+"
#: Arabic digits longer than this are identifiers or phone numbers, not quantities.
MAX_DIGITS = 12
#: A range between two numbers: 15%—20%, 3~5个, 15至20家.
RANGE_MARKS = r"[—–\-~～至到]"

#: Short quotes and book titles: names (“十四五”, “1+4+N”, 《2024年度…千强镇》), not statements.
RE_PROTECTED = re.compile(r"“[^“”]{1,20}”|‘[^‘’]{1,20}’|《[^《》]{1,60}》|「[^「」]{1,20}」")


@dataclass(frozen=True)
class MetricRules:
    """metrics.json with its patterns compiled and its word lists in the shape they are read."""

    data: dict
    re_quantity: re.Pattern
    re_number_hint: re.Pattern  # what every quantity holds: a digit, a Chinese numeral or a number word
    re_leading: tuple[re.Pattern, ...]
    re_trailing: tuple[re.Pattern, ...]
    #: Gates, one attempt where each pattern or word would be tried: any of re_leading (None when they
    #: cannot be joined: rulefiles.any_of), any of label_cut_after.
    any_leading: re.Pattern | None
    re_cut_after: re.Pattern
    re_not_metric: re.Pattern  # any of not_metric_phrases
    #: after a quantity, what makes it a class's threshold (50人以上的企业), not a figure of the report
    re_threshold: re.Pattern
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
    nominal_tags: frozenset[str]
    verbish_tags: frozenset[str]
    verb_tags: frozenset[str]
    #: The indicator aliases of indicator_aliases.json: one name per indicator.
    aliases: dict[str, str]
    #: Which years a quantity may be stated for (dates.json).
    dates: DateRules

    def leading_for(self, label: str) -> tuple[re.Pattern, ...]:
        """re_leading, or none when none of them matches the label's start (one attempt: any_leading)."""
        return self.re_leading if self.any_leading is None or self.any_leading.match(label) else ()


def load_rules() -> MetricRules:
    """metrics.json, any metrics_*.json beside it, indicator_aliases.json and dates.json, compiled once per
    content."""
    extra = rulefiles.listed(config.RULES_DIR, "metrics_*.json")
    files = ("metrics.json", "indicator_aliases.json", "dates.json")
    return rulefiles.compiled(_compile, *map(config.rule_file, files), *extra)


def _compile(
    content: bytes | None, aliases: bytes | None, dates: bytes | None, *extra: bytes | None
) -> MetricRules:
    data = rulefiles.json_rules(content, name="metrics.json")
    for more in extra:
        _merge(data, rulefiles.json_rules(more, name="metrics_*.json"))
    leading, trailing = (
        tuple(rulefiles.compile_pattern(p, name="metrics.json") for p in data[key])
        for key in ("label_leading_patterns", "label_trailing_patterns")
    )
    return MetricRules(
        data=data,
        re_quantity=_compile_quantity(data),
        re_number_hint=re.compile(f"\\d|[{CN_NUMERALS}]|{rulefiles.alternation(data['number_words'])}"),
        re_leading=leading,
        re_trailing=trailing,
        any_leading=rulefiles.any_of(leading),
        re_cut_after=re.compile(rulefiles.alternation(data["label_cut_after"])),
        re_not_metric=re.compile(rulefiles.alternation(data["not_metric_phrases"])),
        re_threshold=rulefiles.compile_pattern(data["threshold_after"], name="metrics.json"),
        known_indicators=rulefiles.longest_first(data["known_indicators"]),
        growth_words=rulefiles.longest_first(data["growth_words"]),
        leading_strip=rulefiles.longest_first(data["label_leading_strip"]),
        trailing_strip=rulefiles.longest_first(data["label_trailing_strip"]),
        unit_clashes=tuple(data["unit_clashes"]),
        big_magnitudes=rulefiles.longest_first(k for k in data["magnitudes"] if set(k) <= set(CN_BIG)),
        attribute_after_amount=tuple(data["attribute_after_amount"]),
        noun_after_stops=frozenset(data["noun_after_stops"]),
        noun_after_stop_prefixes=tuple(s for s in data["noun_after_stops"] if len(s) > 1),
        nominal_words=frozenset(data["nominal_words"]),
        nominal_tags=frozenset(data["nominal_tags"]),
        verbish_tags=frozenset(data["verbish_tags"]),
        verb_tags=frozenset(data["verb_tags"]),
        aliases=rulefiles.json_rules(aliases, name="indicator_aliases.json")["aliases"],
        dates=compile_dates(dates),
    )


def _merge(data: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        elif isinstance(value, list) and isinstance(data.get(key), list):
            data[key].extend(value)
        else:
            data[key] = value


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


def normalise(sentence: str) -> str:
    """Full-width digits and signs as ASCII, one character for one, so offsets stay valid."""
    return sentence.translate(FULL_WIDTH) if RE_FULL_WIDTH.search(sentence) else sentence


def protected_spans(text: str, metric_rules: MetricRules) -> list[tuple[int, int]]:
    """Where numbers are names, not quantities: short quotes, book titles, not_metric_phrases."""
    protected = [m.span() for m in RE_PROTECTED.finditer(text)]
    if metric_rules.re_not_metric.search(text):
        protected += [
            (i, i + len(p)) for p in metric_rules.data["not_metric_phrases"] for i in find_all(text, p)
        ]
    return protected


def find_quantities(text: str, protected: list[tuple[int, int]], metric_rules: MetricRules) -> list[Quantity]:
    """The quantities of a normalised sentence, in order."""
    if not metric_rules.re_number_hint.search(text):
        return []
    return [
        q
        for m in metric_rules.re_quantity.finditer(text)
        if (q := _read_quantity(m, text, protected, metric_rules)) and not _threshold(q, text, metric_rules)
    ]


def _threshold(q: Quantity, text: str, metric_rules: MetricRules) -> bool:
    """Whether the quantity is the threshold of a class of things: 50人以上的企业, 80名职工以上的企业 (not
    100家以上的企业, a count of them)."""
    m = metric_rules.re_threshold.match(text, q.end)
    if not m:
        return False
    return bool(m["more"]) or (
        q.qualifier_kind == "lower_bound" and q.unit not in metric_rules.data["threshold_class_units"]
    )


def _compile_quantity(data: dict, *, gated: bool = True) -> re.Pattern:
    """The quantity pattern; `gated`, behind a lookahead for the characters a match can start with
    (rulefiles.gated: a number word's first, a qualifier's first, 第, a digit, a Chinese numeral), so that
    a position where none stands fails at once instead of trying every alternative (0.4 → 0.25 s at 10 MB)."""
    magnitudes = rulefiles.alternation(data["magnitudes"])
    units = rulefiles.alternation([*data["units"], *data["not_metric_units"]])
    number = f"(?<![0-9A-Za-z.+\\-/#])(?P<num>{NUMBER})"
    pattern = re.compile(
        f"(?:(?P<word>{rulefiles.alternation(data['number_words'])})"
        f"|(?P<pre>{rulefiles.alternation(data['qualifiers_before'])})?(?P<ord>第)?{number}"
        f"(?:(?P<mag1>{magnitudes})?(?P<unit1>{units})?(?P<sep>{RANGE_MARKS})(?P<num2>{NUMBER}))?)"
        f"(?P<mag>{magnitudes})?(?P<mid>{rulefiles.alternation(data['qualifiers_between'])})?"
        f"(?P<unit>{units})?(?P<post>{rulefiles.alternation(data['qualifiers_after'])})?"
    )
    return rulefiles.gated(pattern) if gated else pattern


def _read_quantity(
    m: re.Match, text: str, protected: list[tuple[int, int]], metric_rules: MetricRules
) -> Quantity | None:
    """The quantity a match of RE_QUANTITY states, or None when it is not one (no unit, a name …)."""
    data = metric_rules.data
    num_start = m.start("num") if m["num"] else m.start()
    if inside(m.start(), protected) or (num_start > 0 and text[num_start - 1] in data["vague_before"]):
        return None
    unit = m["unit"]
    if unit in data["not_metric_units"]:
        return None
    if unit and text.startswith(metric_rules.unit_clashes, m.start("unit")):
        unit = None
    magnitude = m["mag"]
    if m["word"]:
        value, value_high = float(data["number_words"][m["word"]]["value"]), None
    else:
        parsed = _number(m["num"], m["num2"], magnitude, metric_rules)
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
    if kind == "amount" and text.startswith(metric_rules.attribute_after_amount, end):
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
    num: str, num2: str | None, magnitude: str | None, metric_rules: MetricRules
) -> tuple[float, float | None, str | None, bool] | None:
    """(value, value_high, magnitude, bare Chinese numeral) or None when the text is no number."""
    if num[0].isdigit():
        if len(num.split(".")[0].replace(",", "")) > MAX_DIGITS:
            return None
        value, bare = float(num.replace(",", "")), False
    else:
        num, magnitude = _split_magnitude(num, magnitude, metric_rules)
        parsed = chinese_number(num)
        if parsed is None or not (magnitude or any(c in CN_TENS for c in num)):
            return None
        value, bare = parsed, not any(c in CN_DIGITS for c in num)
    if num2 is None:
        return value, None, magnitude, bare
    if not num2[0].isdigit():
        num2, magnitude = _split_magnitude(num2, magnitude, metric_rules)
    high = float(num2.replace(",", "")) if num2[0].isdigit() else chinese_number(num2)
    if high is None or high <= value:
        return None
    return value, high, magnitude, bare


def _split_magnitude(num: str, magnitude: str | None, metric_rules: MetricRules) -> tuple[str, str | None]:
    """百亿 → (百, 亿): a trailing 万/亿 is the magnitude of the unit (超百亿元 is 100 亿元)."""
    for big in metric_rules.big_magnitudes:
        if num.endswith(big) and len(num) > len(big) and magnitude is None:
            return num[: -len(big)], big
    return num, magnitude


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


def find_all(text: str, word: str) -> list[int]:
    """Starts of the non-overlapping occurrences of word in text, left to right."""
    if not word:
        return list(range(len(text) + 1))
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + len(word))
    return found


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _round(value: float) -> float:
    """Removes float noise from multiplying by a factor (1828 × 1e8)."""
    return float(f"{value:.10g}") if abs(value) < 1e15 else value
