"""Initiative names: which quoted terms of a sentence name a programme (“1+4+N”党建工作矩阵,
“五个一”集成服务体系, “新领秀”全域党建品牌), of which kind, and how many parts the name implies.

Word lists live in `data/rules/initiatives.json`. Only quoted terms (“…”, or ‘…’ inside a quotation)
are candidates; one becomes an initiative when
1. the words right after its closing quote end with a descriptor head: “五个一”集成服务体系;
2. it ends with a head itself: “六联工作法”, “五美党建”;
3. a brand verb stands right before it and no words follow it: 打响“核酸青甜”等; or
4. it is a plus formula: “1+4+N”.
Slogans (terms with 、 or ，) pass only with a brand head after them (“高新事、高兴办”特色服务品牌);
stoplisted terms (“两张皮”) never pass.

Kinds, and the count each one implies (`expected_count`):
- formula: digits or a letter joined by + (1+4+N) or a 3–5 digit code (1145). Expected count = the
  number of terms (1+4+N → 3, 1145 → 4, 1+1+10+N → 4), because reports spell formulas out one term at a
  time (一个核心、一套班子、四项工程、五联机制). A list may instead expand one term: 1+4+N's four
  stations are the "4", so there found 4 ≠ expected 3.
- counted: a numeral phrase. Expected = the numeral before a measure word (五个一 → 5, 三个哪里 → 3),
  else the sum of its numerals (六联工作法 → 6, 一长八员 → 9). Phrases of 一 only (一人一策) are brands.
- brand: everything else, and any term with a brand head (“五光十色”…党建品牌, “五美党建”). No count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK
from lib.reading import dates

FORMULA, COUNTED, BRAND = "formula", "counted", "brand"

#: A quoted term with no quote or sentence end inside: “五个一”, or ‘1+4+N’ nested in a quotation.
RE_TERM = re.compile(r"“([^“”‘’。！？\n]{1,40})”|‘([^“”‘’。！？\n]{1,40})’")
#: The words right after a closing quote, from which a descriptor is read.
RE_RUN = re.compile(f"[{CJK}A-Za-z0-9]+")
#: Digits or a letter joined by plus signs: 1+4+N, 1+1+10+N (at least one digit is checked apart).
RE_PLUS_FORMULA = re.compile(r"(?:\d+|[A-Za-z])(?:[+＋](?:\d+|[A-Za-z]))+")
RE_CODE_FORMULA = re.compile(r"\d{3,5}")
RE_SLOGAN = re.compile(r"[、，,；;]")
RE_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, eq=False)
class InitiativeRules:
    date_rules: dates.DateRules  # a 4-digit code that is a year is no formula
    descriptor_heads: tuple[str, ...]
    numbered_heads: tuple[str, ...]
    brand_heads: tuple[str, ...]
    self_heads: tuple[str, ...]
    brand_verbs: tuple[str, ...]
    descriptor_stops: str
    descriptor_bad_starts: str
    max_descriptor_chars: int
    min_name_chars: int
    max_name_chars: int
    stoplist: frozenset[str]
    numerals: dict[str, int]
    non_count_units: tuple[str, ...]
    max_count: int
    lead_verbs: tuple[str, ...]
    max_lead_chars: int
    #: numeral, optional measure word, the character counted: 五|个|一…, 六||联工作法.
    re_counted: re.Pattern
    re_numeral: re.Pattern
    #: “两个1”指…, “N”代表….
    re_explain: re.Pattern
    #: "两个" in front of a formula term in an explanation.
    re_multiple: re.Pattern
    re_joiner: re.Pattern
    #: What ends the last item of a list: 等…, or a count such as 4个区域党建工作站.
    re_tail: re.Pattern


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


def load_initiative_rules(path: Path | None = None) -> InitiativeRules:
    """data/rules/initiatives.json (or another file), compiled once per content."""
    return rulefiles.compiled(
        _compile, path or config.rule_file("initiatives.json"), config.rule_file("dates.json")
    )


def _compile(content: bytes | None, date_content: bytes | None) -> InitiativeRules:
    spec = rulefiles.json_rules(content, name="initiatives.json")
    numerals = {k: int(v) for k, v in spec["numerals"].items()}
    num = f"(?:\\d+|[{re.escape(''.join(numerals))}]+)"
    measure = f"[{re.escape(spec['measure_words'])}]"
    explain = "|".join(map(re.escape, rulefiles.longest_first(spec["explain_verbs"])))
    joiners = "|".join(map(re.escape, rulefiles.longest_first(spec["enumeration_joiners"])))
    return InitiativeRules(
        date_rules=dates.compile_rules(date_content),
        descriptor_heads=tuple(spec["descriptor_heads"]),
        numbered_heads=tuple(spec["numbered_heads"]),
        brand_heads=tuple(spec["brand_heads"]),
        self_heads=tuple(spec["self_heads"]),
        brand_verbs=tuple(spec["brand_verbs"]),
        descriptor_stops=spec["descriptor_stops"],
        descriptor_bad_starts=spec["descriptor_bad_starts"],
        max_descriptor_chars=int(spec["max_descriptor_chars"]),
        min_name_chars=int(spec["name_chars"]["min"]),
        max_name_chars=int(spec["name_chars"]["max"]),
        stoplist=frozenset(spec["stoplist"]),
        numerals=numerals,
        non_count_units=tuple(spec["non_count_units"]),
        max_count=int(spec["max_count"]),
        lead_verbs=rulefiles.longest_first(spec["lead_verbs"]),
        max_lead_chars=int(spec["max_lead_chars"]),
        re_counted=re.compile(f"({num})({measure})?(?=[{CJK}])"),
        re_numeral=re.compile(num),
        re_explain=re.compile(f"“([^“”]{{1,8}})”(?:{explain})([^；;。“”]*(?:“[^“”]*”[^；;。“”]*)*)"),
        re_multiple=re.compile(f"({num}){measure}(.+)"),
        re_joiner=re.compile(f"{joiners}|、"),
        re_tail=re.compile(f"等.*$|(?<=.)\\d+{measure}.*$"),
    )


def find_initiative_mentions(sentence: str, *, rules: InitiativeRules | None = None) -> list[Mention]:
    """The quoted terms of one sentence that name an initiative (see the module docstring)."""
    rules = rules or load_initiative_rules()
    out = []
    for m in RE_TERM.finditer(sentence):
        name = (m.group(1) or m.group(2)).strip()
        if not rules.min_name_chars <= len(name) <= rules.max_name_chars or name in rules.stoplist:
            continue
        run = _descriptor_run(sentence, m.end(), rules)
        numbered = _is_formula(name, rules) or _count_of(name, rules)[0] is not None
        descriptor = run if _is_descriptor(run, numbered=numbered, rules=rules) else ""
        if not _is_initiative(name, run, descriptor, sentence[: m.start()], rules):
            continue
        kind = initiative_kind(name, descriptor=descriptor, rules=rules)
        expected, key = _count_of(name, rules) if kind == COUNTED else (None, None)
        terms = formula_terms(name) if kind == FORMULA else ()
        out.append(
            Mention(
                name=name,
                full_name=f"“{name}”{descriptor}",
                kind=kind,
                expected_count=len(terms) if kind == FORMULA else expected,
                key=key,
                terms=terms,
                start=m.start(),
                end=m.end() + len(descriptor),
            )
        )
    return out


def initiative_kind(name: str, *, descriptor: str = "", rules: InitiativeRules | None = None) -> str:
    """'formula' (1+4+N, 1145), 'counted' (五个一, 六联工作法) or 'brand' (新领秀, and anything
    carrying a brand head: “五光十色”…党建品牌)."""
    rules = rules or load_initiative_rules()
    if _is_formula(name, rules):
        return FORMULA
    if (descriptor or name).endswith(rules.brand_heads):
        return BRAND
    return COUNTED if _count_of(name, rules)[0] is not None else BRAND


def formula_terms(name: str) -> tuple[str, ...]:
    """1+4+N → ("1", "4", "N"); a digit code names one term per digit: 1145 → ("1", "1", "4", "5")."""
    if RE_CODE_FORMULA.fullmatch(name):
        return tuple(name)
    return tuple(re.split(r"[+＋]", name))


def _descriptor_run(sentence: str, at: int, rules: InitiativeRules) -> str:
    """The words after a closing quote, up to punctuation or a stop character."""
    m = RE_RUN.match(sentence, at)
    run = m.group(0) if m else ""
    return next((run[:i] for i, ch in enumerate(run) if ch in rules.descriptor_stops), run)


def _is_descriptor(run: str, *, numbered: bool, rules: InitiativeRules) -> bool:
    heads = rules.descriptor_heads + (rules.numbered_heads if numbered else ())
    return (
        0 < len(run) <= rules.max_descriptor_chars
        and run[0] not in rules.descriptor_bad_starts
        and run.endswith(heads)
    )


def _is_initiative(name: str, run: str, descriptor: str, before: str, rules: InitiativeRules) -> bool:
    if RE_SLOGAN.search(name):
        return bool(descriptor) and descriptor.endswith(rules.brand_heads)
    if descriptor:
        return True
    self_named = any(name.endswith(h) and len(name) > len(h) for h in rules.self_heads)
    branded = not run and before.removesuffix("了").endswith(rules.brand_verbs)
    bare_formula = not run and _is_formula(name, rules) and bool(RE_PLUS_FORMULA.fullmatch(name))
    return self_named or branded or bare_formula


def _is_formula(name: str, rules: InitiativeRules) -> bool:
    if RE_PLUS_FORMULA.fullmatch(name):
        return bool(RE_DIGITS.search(name))
    return bool(RE_CODE_FORMULA.fullmatch(name)) and not dates.is_year_code(name, date_rules=rules.date_rules)


def _count_of(name: str, rules: InitiativeRules) -> tuple[int | None, str | None]:
    """(expected count, key character) of a counted name; (None, None) when it is not one.

    五个一 → (5, 一); 三个哪里 → (3, 哪); 六联工作法 → (6, 联); 一长八员 → (9, None); 一人一策 → (None, None)."""
    m = rules.re_counted.match(name)
    count = numeral_value(m.group(1), rules) if m else None
    rest = name[m.end() :] if m else ""
    if count is None or not rest or rest.startswith(rules.non_count_units):
        return None, None
    key: str | None = rest[0]
    values = [numeral_value(g, rules) or 0 for g in rules.re_numeral.findall(name)]
    if not m.group(2) and len(values) > 1:  # 一长八员 counts 1 + 8; 一人一策 counts nothing
        count, key = (sum(values), None) if max(values) > 1 else (0, None)
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
