"""What a metric's number belongs to: its period (全年, 上半年, 截至2024年底, 累计, 年均, a year the
sentence ties it to) and its scope: the zone, one named enterprise or organisation, one person, or a
wider area (全市, 全省, 全国). So an enterprise's patents never stand beside a zone's GDP as if they
were the same kind of number.

Both are read from the sentence before the number, with the cues of `data/rules/metric_context.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import last_clause
from lib.extract.named_parks import park_rules
from lib.extract.places import load_places

ZONE, ENTERPRISE, PERSON, OTHER = "zone", "enterprise", "person", "other"
#: How the scopes are shown.
SCOPE_LABELS = {ZONE: "园区", ENTERPRISE: "企业/组织", PERSON: "个人", OTHER: "更大范围"}
RE_CLAUSE_END = re.compile(r"[，,；;：:]")
#: A verb of change between two numbers is this short (调整, 提高, 发展).
MAX_CHANGE_VERB = 3
DIGITS_AND_NUMERALS = frozenset("0123456789零〇一二两三四五六七八九十百千")
#: Between the numbers of a run after 分别: 12个、156名 / 12个和156名.
RE_RUN_GAP = re.compile(r"[、，,]?(?:和|及|与|以及)?")
#: Between the items of the list a run after 分别 answers: 党组织和党员, 收入、产值及税收.
RE_LIST_ITEM = re.compile(r"、|以及|和|及|与")
#: A month in Chinese numerals (到八月底), shown in digits.
MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
RE_CHINESE_MONTH = re.compile("(十[一二]|[一二三四五六七八九十])月")


@dataclass(frozen=True)
class ContextRules:
    re_period: re.Pattern  # every period phrase; the nearest before the number wins
    period_aliases: dict[str, str]  # 截至三季度 → 前三季度
    re_other: re.Pattern  # a wider area in the number's clause or the sentence's subject (全市 …)
    place_suffixes: frozenset[str]  # 市, 县, 区, 旗: where a city's or county's full name ends
    enterprise_words: tuple[str, ...]  # words that stand for an enterprise named before (公司, 集团 …)
    person_words: tuple[str, ...]  # words that stand for a person (他, 她)
    zone_words: tuple[str, ...]  # words that put a number back on the zone (全区, 园区)
    re_speech: re.Pattern  # a person who only speaks (李伟说) is not whose number it is
    relative_years: dict[str, int]  # 今年 → 0, 去年 → -1: years counted from the report's
    period_rewrites: tuple[tuple[re.Pattern, str], ...]  # 1月至9月 → 1—9月, 到8月底 → 截至8月底
    weak_periods: dict[str, re.Pattern]  # 累计 → the parts of a year it gives way to (前三季度 …)
    list_mark: str  # 等: an enterprise before it is one of those counted (A、B等12家), not their owner
    apposition_starts: tuple[str, ...] = ()  # 作为…: a clause saying what the subject is
    #: 在全国排名, 位居全省: the wider area is what the zone's number is ranked in
    rank_words: tuple[str, ...] = ()
    #: 高于全省平均水平: the wider area's average is what the zone's number is measured against
    comparison_words: tuple[str, ...] = ()
    #: 占全市的50%: the number is the subject's share of the wider area
    share_words: tuple[str, ...] = ()
    re_carried: re.Pattern = re.compile("(?!)")  # periods that hold for the later ；-parts (2024年, 上半年)


def load_context_rules() -> ContextRules:
    return rulefiles.compiled(_compile, config.rule_file("metric_context.json"))


def _compile(content: bytes | None) -> ContextRules:
    spec = rulefiles.json_rules(content, name="metric_context.json")
    periods = "|".join(f"(?:{p})" for p in spec["period_patterns"])
    return ContextRules(
        re_period=rulefiles.gated(rulefiles.compile_pattern(periods, name="metric_context.json")),
        period_aliases=dict(spec.get("period_aliases", {})),
        re_other=rulefiles.compile_pattern("|".join(spec["other_patterns"]), name="metric_context.json"),
        place_suffixes=frozenset(spec.get("place_suffixes", [])),
        enterprise_words=rulefiles.longest_first(spec["enterprise_words"]),
        person_words=rulefiles.longest_first(spec["person_words"]),
        zone_words=rulefiles.longest_first(spec["zone_words"]),
        list_mark=spec.get("list_mark", "等"),
        apposition_starts=tuple(spec.get("apposition_starts", [])),
        rank_words=tuple(spec.get("rank_words", [])),
        comparison_words=tuple(spec.get("comparison_words", [])),
        share_words=tuple(spec.get("share_words", [])),
        relative_years={k: int(v) for k, v in spec.get("relative_years", {}).items()},
        period_rewrites=tuple(
            (rulefiles.compile_pattern(a, name="metric_context.json"), b)
            for a, b in spec.get("period_rewrites", [])
        ),
        weak_periods={
            k: rulefiles.compile_pattern(v, name="metric_context.json")
            for k, v in spec.get("weak_periods", {}).items()
        },
        re_speech=rulefiles.compile_pattern(
            "^(?:" + "|".join(spec["speech_words"]) + ")", name="metric_context.json"
        ),
        re_carried=rulefiles.compile_pattern(spec.get("carried_periods", "(?!)"), name="metric_context.json"),
    )


def period_of(
    sentence: str, start: int, rules: ContextRules | None = None, *, year: int | None = None
) -> str:
    """The period phrase nearest before position `start` of the sentence, as printed ("" when none); 今年
    and 去年 as the report's `year` when it is known (今年 → 2020年)."""
    rules = rules or load_context_rules()
    found = [m.group(0) for m in rules.re_period.finditer(sentence, 0, start)]
    weak = rules.weak_periods.get(found[-1]) if found else None
    strong = [p for p in found if weak is not None and weak.match(p)]
    if strong:
        found = strong  # 今年前三季度，园区累计完成… is 前三季度
    if not found:
        return ""
    relative = rules.relative_years.get(found[-1])
    if relative is not None:
        return f"{year + relative}年" if year else ""
    period = rules.period_aliases.get(found[-1], found[-1])
    for pattern, replacement in rules.period_rewrites:
        period = pattern.sub(replacement, period)
    for word, offset in rules.relative_years.items():  # 截至今年5月 → 截至2022年5月
        if word in period and year and period.startswith("截至"):
            period = period.replace(word, f"{year + offset}年")
    return RE_CHINESE_MONTH.sub(lambda m: f"{MONTHS.index(m.group(1)) + 1}月", period)


def lead_period(
    text: str, sentence: str, rules: ContextRules | None = None, *, year: int | None = None
) -> str:
    """The period a sentence takes from the earlier parts of its sentence, split off at ；, when it names
    none: 2024年，A完成…；B完成… — B's figure is 2024年's too. Only a date's period is carried so (a year, part
    of a year, 截至…: `carried_periods`; the nearest such, past a 累计 or 今年以来); "" when there is none."""
    rules = rules or load_context_rules()
    at = text.find(sentence)
    if at <= 0:
        return ""
    lead = text[max(text.rfind(mark, 0, at) for mark in "。！？!?") + 1 : at]
    for m in reversed(list(rules.re_period.finditer(lead))):
        found = period_of(lead, m.end(), rules, year=year)
        if rules.re_carried.fullmatch(found):
            return found
    return ""


def clauses_before(sentence: str, start: int) -> list[str]:
    """The clauses of the sentence up to the number, nearest first (the number's own clause cut at it)."""
    ends = [m.end() for m in RE_CLAUSE_END.finditer(sentence, 0, start)]
    bounds = [0, *ends, start]
    return [sentence[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a][::-1]


def scope_of(
    sentence: str,
    start: int,
    *,
    enterprises: list[str] = (),
    people: list[str] = (),
    zone: str = "",
    rules: ContextRules | None = None,
) -> tuple[str, str]:
    """(scope, name): whose number it is, from the first clause that says, walking back from the number
    to the start of the sentence. `enterprises` and `people` are names the article's entities table
    found (the zone's own names left out); `zone` is the report's zone, whose name is a zone word."""
    rules = rules or load_context_rules()
    for text in clauses_before(sentence, start):
        if text.startswith(rules.apposition_starts):
            continue  # 作为全市科技创新主阵地，…: what the subject is, not whose number it is
        named = [e for e in enterprises if e and e in text and rules.list_mark not in text[text.rfind(e) :]]
        if named:
            return ENTERPRISE, max(named, key=text.rfind)
        other = rules.re_other.search(text)
        if other and not _measured_against(text, other, rules):
            return OTHER, ""
        if any(w in text for w in rules.zone_words) or (zone and _names_zone_last(text, zone, rules)):
            return ZONE, ""
        if _names_a_county_or_city(text, rules):  # 龙泉驿区已引导…, 广西扶绥县…现有企业257家
            return OTHER, ""
        who = [
            p for p in people if p and p in text and not rules.re_speech.search(text, text.find(p) + len(p))
        ]
        if who or any(w in text for w in rules.person_words):
            return PERSON, who[-1] if who else ""
        if any(w in text and rules.list_mark not in text[text.rfind(w) :] for w in rules.enterprise_words):
            before = [e for e in enterprises if e and e in sentence[:start]]
            return ENTERPRISE, before[-1] if before else ""
    return ZONE, ""


def _measured_against(clause: str, other: re.Match, rules: ContextRules) -> bool:
    """Whether the wider area in the clause is what the zone's number is ranked in (在全国排名第88名),
    measured against (高于全省平均水平5.5个百分点) or a share of (占全市的50%), not whose number it is (全市有
    企业…, 高于全省的9%)."""
    before = clause[: other.start()]  # the clause ends at the number: a rank word in it comes before
    return (
        any(w in clause for w in rules.rank_words)
        or any(w in before for w in rules.share_words)
        or (any(w in before for w in rules.comparison_words) and clause.startswith("平均", other.end()))
    )


def _names_zone_last(clause: str, zone: str, rules: ContextRules) -> bool:
    """Whether the clause names the report's zone with no city or county after it (福州软件园已建成7个片区,
    not 某某物流基地预计将在巴南区的5个产业中)."""
    at = clause.rfind(zone)
    return at >= 0 and not _names_a_county_or_city(clause[at + len(zone) :], rules)


#: How far after a place a park suffix makes the place the start of the park's name.
PARK_NAME_CHARS = 10


def _starts_a_park(after: str) -> bool:
    """Whether the words after a place name end with a park suffix before the clause does (邵阳县|高新材料
    产业园项目): the place begins a park's name, and the number is the park's, not the county's."""
    m = park_rules().re_suffix.search(after)
    return m is not None and not RE_CLAUSE_END.search(after, 0, m.start())


def _names_a_county_or_city(clause: str, rules: ContextRules) -> bool:
    """Whether the clause names a city or county with its suffix (龙泉驿区, 扶绥县, 阜康市): a number of
    that place, wider than the zone, when no zone word is in the clause."""
    names = None
    for end, ch in enumerate(clause, 1):
        if ch in rules.place_suffixes:
            names = names if names is not None else load_places().admin_names
            if any(clause[i:end] in names for i in range(max(0, end - 9), end - 2)) and not _starts_a_park(
                clause[end : end + PARK_NAME_CHARS]
            ):
                return True
    return False


#: The periods that compare with one another: a year's figure, a full year's, a level as of a date, or one
#: with no period given.
ANNUAL = "全年或未注明"


def period_class(period: str) -> str:
    """ANNUAL for 全年, a single year (2024年), a level as of a date (截至2024年底: what a year's figure
    states too) or none; else the period itself (上半年, 1—8月, 累计, 年均, 今年以来), which compares only
    with the same period."""
    period = period or ""
    yearly = (
        period in ("", "全年") or (len(period) == 5 and period[:4].isdigit()) or period.startswith("截至")
    )
    return ANNUAL if yearly else period


#: What a described label's phrase runs to: the end of the clause.
RE_CLAUSE_REST = re.compile(r"[^，,。；;：:！？!?、（）()]*")


def described_label(label: str, text: str, label_end: int, quantity, data: dict) -> str:
    """A generic counted noun right after its number (metrics.json generic_counted_nouns) is labelled by
    what those things did (到16家企业开展读书沙龙 → 开展读书沙龙的企业) or by the verb that counts them
    (已覆盖80余家企业 → 覆盖企业); any other label (one before its number, a specific noun) as it is."""
    if label_end <= quantity.end or label not in data["generic_counted_nouns"]:
        return label
    phrase = RE_CLAUSE_REST.match(text, label_end).group(0)
    if phrase.startswith(tuple(data["described_by_verbs"])):
        return f"{phrase[: int(data['described_max_chars'])]}的{label}"
    verb = _counting_verb(text[max(0, quantity.start - 8) : quantity.start], data)
    return f"{verb}{label}" if verb else label


def described_phrase(phrase: str, data: dict) -> str:
    """What a count with no noun did, when it starts with a verb of described_by_verbs (参与自治 after
    超3万人次); "" otherwise."""
    return (
        phrase[: int(data["described_max_chars"])]
        if phrase.startswith(tuple(data["described_by_verbs"]))
        else ""
    )


def _counting_verb(before: str, data: dict) -> str:
    """The verb of metrics.json counted_by_verbs that ends `before`, perhaps followed by a link word (了,
    累计): 已覆盖 → 覆盖, 走访了 → 走访; "" when there is none."""
    for link in sorted(["", *data.get("counted_by_links", [])], key=len, reverse=True):
        if before.endswith(link):
            head = before[: len(before) - len(link)]
            verb = next((v for v in data.get("counted_by_verbs", []) if head.endswith(v)), "")
            if verb:
                return verb
    return ""


def respective_labels(
    text: str, quantities: Sequence, data: dict, clean: Callable[[str], str]
) -> dict[int, str]:
    """Labels for a run of numbers (objects with start and end) after 分别 (metrics.json respective_words),
    one per item of the list before it (up to metric_context.json's list_mark), in order: 技工贸收入、规模工业总产值等指标分别增长25%、20% → {i: 技工贸收入, i+1: 规模工业总产值}.
    Nothing unless the list has exactly as many items as the run has numbers. `clean` trims an item."""
    word = next((w for w in data.get("respective_words", []) if w in text), None)
    if word is None:
        return {}
    at = text.find(word)
    after = [i for i, q in enumerate(quantities) if q.start > at]
    run = after[:1]
    for i in after[1:]:
        if not RE_RUN_GAP.fullmatch(text[quantities[run[-1]].end : quantities[i].start]):
            break
        run.append(i)
    clause = last_clause(text[:at], "，,；;：:")
    mark = load_context_rules().list_mark  # 等: the list ends before it
    clause = clause[: clause.rfind(mark)] if mark in clause else clause
    items = [clean(p) for p in RE_LIST_ITEM.split(clause)]
    if len(run) < 2 or len(items) != len(run) or not all(items):
        return {}
    return dict(zip(run, items, strict=True))


def changed_to(text: str, at: int, data: dict) -> bool:
    """Whether a change marker and a number follow `at` (…调整为14个, …发展到7个): metrics.json change_markers."""
    marker = next((m for m in data.get("change_markers", []) if text.startswith(m, at)), "")
    return bool(marker) and text[at + len(marker) : at + len(marker) + 1] in DIGITS_AND_NUMERALS


def change_target(between: str, data: dict) -> bool:
    """Whether the words between two numbers are a short verb of change and its marker (调整为, 发展到)."""
    return 0 < len(between) <= MAX_CHANGE_VERB + 1 and between.endswith(tuple(data.get("change_markers", [])))


def formula_parts(initiatives: list[dict]) -> list[str]:
    """The parts of the report's formulas: 246工作机制 → 2个平台, 4支队伍, 6项制度."""
    return [p for row in initiatives if row.get("kind") == "formula" for p in row.get("components") or ()]


def is_formula_part(metric: dict, sentence: str, parts: Sequence[str]) -> bool:
    """Whether a metric only restates a part of a formula, listed in its sentence: its number and its label
    are the part (2个平台 of a “246”)."""
    return any(p.startswith(metric["raw"]) and metric["label"] in p and p in sentence for p in parts)
