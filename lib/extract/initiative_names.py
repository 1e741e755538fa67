"""Initiative names: the kinds of name and the count a name implies (the rules, data/rules/initiatives.json,
are compiled by lib.extract.initiative_rules). Where names occur in a sentence is
lib.extract.initiative_mentions; their parts, lib.extract.initiative_parts.

Kinds, and the count each one implies (`expected_count`):
- formula: digits or a letter joined by + (1+4+N), a 3–5 digit code (1145), or terms joined by + or a dash
  (党建+网格, 采集—研判—处置). Expected count = the number of terms (1+4+N → 3, 1145 → 4): reports spell
  formulas out a term at a time (一个核心、一套班子、四项工程、五联机制), or expand one term (1+4+N's four
  stations: found 4 ≠ expected 3). A term chain's parts are its terms.
- counted: a numeral phrase. Expected = the numeral before a measure word (五个一 → 5); for parallel names
  the numeral when the numerals are equal (七联七带 → 7, its parts pairs), else their sum (一长八员 → 9); a
  single numeral counts itself (六联工作法 → 6); 一 only (一人一策): a brand.
- brand: everything else, and any term with a brand head (“五光十色”…党建品牌, “五美党建”). No count."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lib.core.chars import CJK
from lib.extract.initiative_rules import LIST_ITEM, LIST_ITEM_CHARS, InitiativeRules, load_initiative_rules
from lib.reading import dates

FORMULA, COUNTED, BRAND = "formula", "counted", "brand"

#: A quoted term with no quote or sentence end inside (“五个一”, ‘1+4+N’ nested), one level of ‘’ inside.
RE_TERM = re.compile(
    r"“(?=[^“”。！？\n]{1,30}”|[^“”‘’。！？\n]{1,60}”)((?:[^“”‘’。！？\n]|‘[^“”‘’。！？\n]{1,20}’)+)”"
    r"|‘([^“”‘’。！？\n]{1,60})’"
)
#: The words right after a closing quote, from which a descriptor is read.
RE_RUN = re.compile(f"[{CJK}A-Za-z0-9]+")
#: Digits or a letter joined by plus signs: 1+4+N, 1+1+10+N (at least one digit is checked apart).
RE_PLUS_FORMULA = re.compile(r"(?:\d+|[A-Za-z])(?:[+＋](?:\d+|[A-Za-z]))+")
RE_CODE_FORMULA = re.compile(r"\d{3,5}")
#: Terms joined by + or by dashes: 党建+网格, 工业社区+产业+企业, 采集—研判—处置, 部门-社区-企业.
#: A term of a chain (a quoted word in it counts as one character: 开‘新’驿站), with at most one bracketed
#: note, at its end or inside it: 党工委(管委会)+党群服务中心, 园区党（工）委—企业综合党委.
CHAIN_CHAR = f"(?:[{CJK}A-Za-z0-9]|[‘“][{CJK}A-Za-z0-9]{{1,8}}[’”])"
CHAIN_TERM = f"{CHAIN_CHAR}{{1,12}}(?:[(（][{CJK}A-Za-z0-9]{{1,8}}[)）][{CJK}A-Za-z0-9]{{0,6}})?"
RE_TERM_CHAIN = re.compile(f"{CHAIN_TERM}(?:(?:[+＋]|[—－\\-]{{1,2}}){CHAIN_TERM})+")
RE_CHAIN_LINK = re.compile(r"[+＋]|[—－\-]{1,2}")
RE_SLOGAN = re.compile(r"[、，,；;]")
RE_CJK_CHAR = re.compile(f"[{CJK}]")
RE_OPEN_CHAIN = re.compile(f"[{CJK}]{{2,12}}[+＋]")
RE_DIGITS = re.compile(r"\d")
RE_FIRST_ITEM = re.compile(f"{LIST_ITEM}$")  # a list's first item, up to its 、
#: Numerals a parallel name is built of.
NUMERALS = "一二两三四五六七八九十双"
#: A name of counted parts: 一台账四清单 (a numeral, then 1–3 characters that are not numerals, twice or more).
RE_PARALLEL_COUNT = re.compile(f"(?:[{NUMERALS}][^{NUMERALS}\\W\\d]{{1,4}}){{2,}}")


@dataclass(frozen=True)
class Mention:
    """One quoted term read as an initiative, in one sentence."""

    name: str
    full_name: str
    kind: str
    expected_count: int | None
    key: str | None  # the character each part of a counted name repeats: 联 in 六联工作法
    terms: tuple[str, ...]  # a formula's terms: ("1", "4", "N")
    start: int  # offset of the opening quote in the sentence
    end: int  # offset after the descriptor
    parts: tuple[str, ...] = ()  # parts the name itself gives: the quoted list of “A”“B”“C”等三大工程
    tentative: bool = False  # a counted name with nothing else for it: kept if its count of parts is listed
    pair_total: int | None = None  # repeated numerals (三亮三比): the single items (6) beside the pairs (3)


def counted_list_matches(sentence: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(sentence)` for `re_counted_list`, tried only where a match can start: at the first
    of the 2–8 characters before each 、 (from a later one, the match is the same list or fails too)."""
    shortest, longest = LIST_ITEM_CHARS
    pos, at = 0, sentence.find("、", shortest)
    while at >= 0:
        first = RE_FIRST_ITEM.search(sentence, max(pos, at - longest), at)
        m = pattern.match(sentence, first.start()) if first else None
        if m:
            yield m
            pos = m.end()
        at = sentence.find("、", max(at + 1, pos + shortest))


def is_parallel_count(name: str) -> bool:
    """A name made of two or more counted parts, each a numeral and 1–3 characters: 一台账四清单, 两会一评,
    六有七室一厅一统一 (national ones such as 三会一课 are in the stoplist)."""
    return bool(RE_PARALLEL_COUNT.fullmatch(name))


def descriptor_run(sentence: str, at: int, rules: InitiativeRules) -> str:
    """The words at `at` (after a closing quote), up to punctuation, a stop character or a number."""
    m = RE_RUN.match(sentence, at)
    run = m.group(0) if m else ""
    stop = rules.re_descriptor_stop.search(run)
    return run[: stop.start()] if stop else run


def is_descriptor(run: str, *, numbered: bool, rules: InitiativeRules) -> bool:
    heads = rules.descriptor_heads + (rules.numbered_heads if numbered else ())
    longest = rules.max_numbered_descriptor_chars if numbered else rules.max_descriptor_chars
    tail = next((t for t in rules.descriptor_tails if run.endswith(t)), "")  # 活动上: a head, then where
    return (
        0 < len(run) <= longest
        and run[0] not in rules.descriptor_bad_starts
        and not run.startswith(rules.descriptor_bad_start_words)
        and (run.endswith(heads) or (bool(tail) and run[: len(run) - len(tail)] in heads))
    )


def make_mention(
    name: str, full_name: str, start: int, end: int, rules: InitiativeRules, *, descriptor: str = ""
) -> Mention:
    name = open_chain_name(name, rules) or name  # “党建+模式” is the family 党建+
    kind = initiative_kind(name, descriptor=descriptor, rules=rules)
    expected, key = count_of(name, rules) if kind == COUNTED else (None, None)
    terms = formula_terms(name) if kind == FORMULA else ()
    numerals = (
        [numeral_value(g, rules) or 0 for g in rules.re_numeral.findall(name)] if kind == COUNTED else []
    )
    return Mention(
        pair_total=sum(numerals) if len(set(numerals)) == 1 and len(numerals) > 1 else None,
        name=name,
        full_name=full_name,
        kind=kind,
        expected_count=(None if is_open_chain(name) else len(terms)) if kind == FORMULA else expected,
        key=key,
        terms=terms,
        start=start,
        end=end,
    )


def initiative_kind(name: str, *, descriptor: str = "", rules: InitiativeRules | None = None) -> str:
    """'formula' (1+4+N, 1145, 党建+网格), 'counted' (五个一, 六联工作法) or 'brand' (新领秀, and anything
    carrying a brand head: “五光十色”…党建品牌)."""
    rules = rules or load_initiative_rules()
    if is_formula(name, rules) or is_term_chain(name) or is_open_chain(name):
        return FORMULA
    if (descriptor or name).endswith(rules.brand_heads):
        return BRAND
    return COUNTED if count_of(name, rules)[0] is not None else BRAND


def formula_terms(name: str) -> tuple[str, ...]:
    """1+4+N → ("1", "4", "N"); a digit code names one term per digit: 1145 → ("1", "1", "4", "5");
    a chain names its terms: 采集—研判—处置 → ("采集", "研判", "处置")."""
    if RE_CODE_FORMULA.fullmatch(name):
        return tuple(name)
    return tuple(t for t in RE_CHAIN_LINK.split(name) if t)


def is_term_chain(name: str) -> bool:
    """Words joined by + or dashes (党建+网格, 采集—研判—处置), not digits only (those are formulas)."""
    return (
        bool(RE_TERM_CHAIN.fullmatch(name))
        and bool(RE_CJK_CHAR.search(name))
        and not RE_PLUS_FORMULA.fullmatch(name)
    )


def is_open_chain(name: str) -> bool:
    """A word and a plus with nothing after it (“党建+”理念): a family of chains, 党建+X for any X."""
    return bool(RE_OPEN_CHAIN.fullmatch(name))


def open_chain_name(name: str, rules: InitiativeRules) -> str | None:
    """The family a chain of two terms names when its second term is a generic head (党建+模式 → 党建+)."""
    terms = formula_terms(name) if is_term_chain(name) else ()
    if len(terms) == 2 and terms[1] in rules.open_chain_heads and "+" in name.replace("＋", "+"):
        return terms[0] + "+"
    return None


def is_formula(name: str, rules: InitiativeRules) -> bool:
    if RE_PLUS_FORMULA.fullmatch(name):
        return bool(RE_DIGITS.search(name))
    return bool(RE_CODE_FORMULA.fullmatch(name)) and not dates.is_year_code(name, date_rules=rules.date_rules)


def count_of(name: str, rules: InitiativeRules) -> tuple[int | None, str | None]:
    """(expected count, key character) of a counted name; (None, None) when it is not one.

    五个一 → (5, 一); 三个哪里 → (3, 哪); 六联工作法 → (6, 联); 七联七带 → (7, None); 一长八员 → (9, None);
    三区合一 → (3, 区); 一人一策 → (None, None)."""
    m = rules.re_counted.match(name)
    count = numeral_value(m.group(1), rules) if m else None
    rest = name[m.end() :] if m else ""
    if count is None or not rest or rest.startswith(rules.non_count_units):
        return None, None
    key: str | None = rest[0]
    values = [numeral_value(g, rules) or 0 for g in rules.re_numeral.findall(name)]
    if not m.group(2) and len(values) > 1 and name.endswith(rules.merged_tails):
        values = values[:1]  # 三区合一: three merged into one
    if not m.group(2) and len(values) > 1:  # 七联七带 counts 7 pairs; 一长八员 counts 1 + 8; 一人一策 nothing
        if max(values) < 2:
            count, key = 0, None
        else:
            count, key = (values[0], None) if len(set(values)) == 1 else (sum(values), None)
    return (count, key) if 2 <= count <= rules.max_count else (None, None)


def numeral_value(text: str, rules: InitiativeRules) -> int | None:
    """3 → 3, 五 → 5, 十二 → 12, 二十 → 20; None for what is not one number (十四五)."""
    if text.isascii() and text.isdigit():
        return int(text)
    tens = next((ch for ch, v in rules.numerals.items() if v == 10), None)
    if len(text) == 1:
        return rules.numerals.get(text)
    if tens is None or text.count(tens) != 1 or len(text) > 3:
        return None
    head, _, tail = text.partition(tens)
    digits = [rules.numerals.get(x) for x in (head, tail) if x]
    if any(d is None or d >= 10 for d in digits):
        return None
    return (rules.numerals[head] if head else 1) * 10 + (rules.numerals[tail] if tail else 0)
