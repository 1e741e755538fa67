"""Initiatives: the named, usually numbered programmes a report is about (“1+4+N”党建工作矩阵,
“五个一”集成服务体系, “新领秀”全域党建品牌) and the parts the text lists for them.

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

Components, from the first of these that yields a list fitting the count:
a. an enumeration in the clause before the name (一处专窗、…一套机制“五个一”; 建强“一个核心”、…“1145”);
b. an enumeration in the later clauses of the sentence (“六联工作法”，实现组织联建、…), or in the next
   sentence (the next paragraph's first one when the name ends its paragraph);
c. for formulas, explanations later in the paragraph (“两个1”指…；“10”指…；“N”代表…);
d. quoted terms sharing the counted key later in the paragraph (“机关带行业”… for “四带机制”);
e. when the name ends its paragraph, the short lead sentences of the next paragraphs
   (配强一个…书记。建好一支队伍。… for “五个一”).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lib import config
from lib.text import CJK, split_sentences

INITIATIVES_FILE = config.RULES_DIR / "initiatives.json"
FORMULA, COUNTED, BRAND = "formula", "counted", "brand"

#: A quoted term with no quote or sentence end inside: “五个一”, or ‘1+4+N’ nested in a quotation.
RE_TERM = re.compile(r"“([^“”‘’。！？\n]{1,40})”|‘([^“”‘’。！？\n]{1,40})’")
#: Where a clause ends (read on text whose quoted terms are masked, so their commas do not count).
RE_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")
#: The words right after a closing quote, from which a descriptor is read.
RE_RUN = re.compile(f"[{CJK}A-Za-z0-9]+")
#: Digits or a letter joined by plus signs: 1+4+N, 1+1+10+N (at least one digit is checked apart).
RE_PLUS_FORMULA = re.compile(r"(?:\d+|[A-Za-z])(?:[+＋](?:\d+|[A-Za-z]))+")
RE_CODE_FORMULA = re.compile(r"\d{3,5}")
RE_YEAR = re.compile(r"(?:19|20)\d\d")
RE_SLOGAN = re.compile(r"[、，,；;]")
RE_DIGITS = re.compile(r"\d")
#: Stands in for the characters inside a quoted term when clauses and lists are split.
MASK = "○"


@dataclass(frozen=True, eq=False)
class InitiativeRules:
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


@lru_cache(maxsize=4)
def load_initiative_rules(path: Path = INITIATIVES_FILE) -> InitiativeRules:
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    numerals = {k: int(v) for k, v in spec["numerals"].items()}
    num = f"(?:\\d+|[{re.escape(''.join(numerals))}]+)"
    measure = f"[{re.escape(spec['measure_words'])}]"
    explain = "|".join(map(re.escape, _longest_first(spec["explain_verbs"])))
    joiners = "|".join(map(re.escape, _longest_first(spec["enumeration_joiners"])))
    return InitiativeRules(
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
        lead_verbs=_longest_first(spec["lead_verbs"]),
        max_lead_chars=int(spec["max_lead_chars"]),
        re_counted=re.compile(f"({num})({measure})?(?=[{CJK}])"),
        re_numeral=re.compile(num),
        re_explain=re.compile(f"“([^“”]{{1,8}})”(?:{explain})([^；;。“”]*(?:“[^“”]*”[^；;。“”]*)*)"),
        re_multiple=re.compile(f"({num}){measure}(.+)"),
        re_joiner=re.compile(f"{joiners}|、"),
        re_tail=re.compile(f"等.*$|(?<=.)\\d+{measure}.*$"),
    )


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def extract_initiatives(paragraphs: list[str], *, rules: InitiativeRules | None = None) -> list[dict]:
    """The initiatives of one article (its body paragraphs in order), one entry per name, in the
    order they are first named. Each entry: name, full_name, kind, components, expected_count,
    found_count, paragraph_index, sentence."""
    rules = rules or load_initiative_rules()
    entries: dict[str, dict] = {}
    for pi, paragraph in enumerate(paragraphs):
        sentences = split_sentences(paragraph or "")
        for si, sentence in enumerate(sentences):
            for mention in find_initiative_mentions(sentence, rules=rules):
                parts = initiative_components(
                    mention, paragraphs=paragraphs, paragraph_index=pi, sentence_index=si, rules=rules
                )
                entry = entries.setdefault(mention.name, _new_entry(mention, pi, sentence))
                entry["components"] += [p for p in parts if p not in entry["components"]]
    named_parts = {p for e in entries.values() for p in e["components"]}
    out = [e for e in entries.values() if e["components"] or e["name"] not in named_parts]
    for e in out:
        e["found_count"] = len(e["components"])
    return out


def find_initiative_mentions(sentence: str, *, rules: InitiativeRules | None = None) -> list[Mention]:
    """The quoted terms of one sentence that name an initiative (see the module docstring)."""
    rules = rules or load_initiative_rules()
    out = []
    for m in RE_TERM.finditer(sentence):
        name = (m.group(1) or m.group(2)).strip()
        if not rules.min_name_chars <= len(name) <= rules.max_name_chars or name in rules.stoplist:
            continue
        run = _descriptor_run(sentence, m.end(), rules)
        numbered = _is_formula(name) or _count_of(name, rules)[0] is not None
        descriptor = run if _is_descriptor(run, numbered=numbered, rules=rules) else ""
        if not _is_initiative(name, run, descriptor, sentence[: m.start()], rules):
            continue
        kind = initiative_kind(name, descriptor=descriptor, rules=rules)
        expected, key = _count_of(name, rules) if kind == COUNTED else (None, None)
        terms = formula_terms(name) if kind == FORMULA else ()
        out.append(Mention(
            name=name, full_name=f"“{name}”{descriptor}", kind=kind,
            expected_count=len(terms) if kind == FORMULA else expected,
            key=key, terms=terms, start=m.start(), end=m.end() + len(descriptor),
        ))
    return out


def initiative_kind(name: str, *, descriptor: str = "", rules: InitiativeRules | None = None) -> str:
    """'formula' (1+4+N, 1145), 'counted' (五个一, 六联工作法) or 'brand' (新领秀, and anything
    carrying a brand head: “五光十色”…党建品牌)."""
    rules = rules or load_initiative_rules()
    if _is_formula(name):
        return FORMULA
    if (descriptor or name).endswith(rules.brand_heads):
        return BRAND
    return COUNTED if _count_of(name, rules)[0] is not None else BRAND


def formula_terms(name: str) -> tuple[str, ...]:
    """1+4+N → ("1", "4", "N"); a digit code names one term per digit: 1145 → ("1", "1", "4", "5")."""
    if RE_CODE_FORMULA.fullmatch(name):
        return tuple(name)
    return tuple(re.split(r"[+＋]", name))


def initiative_components(
    mention: Mention,
    *,
    paragraphs: list[str],
    paragraph_index: int,
    sentence_index: int,
    rules: InitiativeRules | None = None,
) -> list[str]:
    """The parts the text lists for a mention, in text order ([] for brands or when none fit)."""
    rules = rules or load_initiative_rules()
    if mention.kind == BRAND:
        return []
    sentences = split_sentences(paragraphs[paragraph_index] or "")
    sentence = sentences[sentence_index]
    masked = _mask_terms(sentence)
    clause_start = max((c.end() for c in RE_CLAUSE_END.finditer(masked, 0, mention.start)), default=0)
    before = (sentence[clause_start : mention.start], masked[clause_start : mention.start])
    later = sentences[sentence_index + 1 :]
    following = later[0] if later else _first_sentence(paragraphs, paragraph_index + 1)
    clauses = [before, *_clauses(sentence, masked, mention.end), *_clauses(following, _mask_terms(following), 0)]
    for text, mask in clauses:
        items, quoted = _enumeration(text, mask, key=mention.key, rules=rules)
        if _fits(items, mention, quoted=quoted):
            return items
    if mention.kind == FORMULA:
        return _explained_terms(mention, later, rules)
    if mention.key and not rules.re_numeral.fullmatch(mention.key):
        keyed = _keyed_terms(mention, [sentence[mention.end :], *later])
        if keyed:
            return keyed
    if mention.key and not later:
        return _lead_sentences(mention, paragraphs[paragraph_index + 1 :], rules)
    return []


def _first_sentence(paragraphs: list[str], index: int) -> str:
    return next(iter(split_sentences(paragraphs[index] or "")), "") if index < len(paragraphs) else ""


def _new_entry(mention: Mention, paragraph_index: int, sentence: str) -> dict:
    return {
        "name": mention.name, "full_name": mention.full_name, "kind": mention.kind, "components": [],
        "expected_count": mention.expected_count, "found_count": 0,
        "paragraph_index": paragraph_index, "sentence": sentence,
    }


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
    bare_formula = not run and _is_formula(name) and bool(RE_PLUS_FORMULA.fullmatch(name))
    return self_named or branded or bare_formula


def _is_formula(name: str) -> bool:
    if RE_PLUS_FORMULA.fullmatch(name):
        return bool(RE_DIGITS.search(name))
    return bool(RE_CODE_FORMULA.fullmatch(name)) and not RE_YEAR.fullmatch(name)


def _count_of(name: str, rules: InitiativeRules) -> tuple[int | None, str | None]:
    """(expected count, key character) of a counted name; (None, None) when it is not one.

    五个一 → (5, 一); 三个哪里 → (3, 哪); 六联工作法 → (6, 联); 一长八员 → (9, None); 一人一策 → (None, None)."""
    m = rules.re_counted.match(name)
    count = _numeral_value(m.group(1), rules) if m else None
    rest = name[m.end() :] if m else ""
    if count is None or not rest or rest.startswith(rules.non_count_units):
        return None, None
    key: str | None = rest[0]
    values = [_numeral_value(g, rules) or 0 for g in rules.re_numeral.findall(name)]
    if not m.group(2) and len(values) > 1:  # 一长八员 counts 1 + 8; 一人一策 counts nothing
        count, key = (sum(values), None) if max(values) > 1 else (0, None)
    return (count, key) if 2 <= count <= rules.max_count else (None, None)


def _numeral_value(text: str, rules: InitiativeRules) -> int | None:
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


def _mask_terms(sentence: str) -> str:
    """The sentence with the characters inside each quoted term replaced by MASK (same offsets)."""
    chars = list(sentence)
    for m in RE_TERM.finditer(sentence):
        chars[m.start() + 1 : m.end() - 1] = MASK * (m.end() - m.start() - 2)
    return "".join(chars)


def _clauses(sentence: str, masked: str, start: int) -> list[tuple[str, str]]:
    """The clauses from `start` to the end of the sentence, each as (text, masked text)."""
    spans, at = [], start
    for m in RE_CLAUSE_END.finditer(masked, start):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(masked)))
    return [(sentence[s:e], masked[s:e]) for s, e in spans if e > s]


def _enumeration(text: str, masked: str, *, key: str | None, rules: InitiativeRules) -> tuple[list[str], bool]:
    """The items a clause lists, and whether they are quoted terms. Lists are split at 、 outside
    quotes; when every item holds one quoted term the terms are the items (建强“一个核心”、组建“一套班子”);
    adjacent quoted terms (“A”“B”“C”) and one quoted term holding a 、 list are lists too."""
    spans, at = [], 0
    for i, ch in enumerate(masked + "、"):
        if ch == "、":
            spans.append((at, i))
            at = i + 1
    terms = [[_inner(t) for t in RE_TERM.finditer(text, s, e)] for s, e in spans]
    if len(spans) >= 2:
        if all(len(t) == 1 for t in terms):
            return [t[0] for t in terms], True
        return _clean_items([text[s:e] for s, e in spans], key=key, rules=rules), False
    only = terms[0]
    if len(only) >= 2:
        return only, True
    if len(only) == 1 and "、" in only[0]:
        return only[0].split("、"), True
    return [], False


def _inner(m: re.Match) -> str:
    return (m.group(1) or m.group(2)).strip()


def _clean_items(items: list[str], *, key: str | None, rules: InitiativeRules) -> list[str]:
    """Trims the verb before the first item and the words after the last one."""
    items = [x.strip() for x in items]
    aligned = _align_on_key(items, key) if key else None
    if aligned:
        items = aligned
    else:
        verb = next((v for v in rules.lead_verbs if items[0].startswith(v) and len(items[0]) - len(v) >= 2), "")
        items[0] = items[0][len(verb) :]
        head, *joined = rules.re_joiner.split(items[-1], maxsplit=1)
        if joined and head and joined[0]:
            items[-1:] = [head, joined[0]]
    items[-1] = rules.re_tail.sub("", items[-1])
    return [x for x in items if x]


def _align_on_key(items: list[str], key: str) -> list[str] | None:
    """Cuts the first and last items to the shape of the middle ones, which share a length and the
    key's position: 实现组织联建、资源联享、…、治理联抓全方位联动 → 组织联建 … 治理联抓."""
    middle = items[1:-1]
    if not middle:
        return None
    size, at = len(middle[0]), middle[0].find(key)
    if at < 0 or any(len(x) != size or x.find(key) != at for x in middle):
        return None

    def cut(item: str, pos: int) -> str:
        start = pos - at
        if len(item) <= size or pos < 0 or start < 0 or start + size > len(item):
            return item
        return item[start : start + size]

    return [cut(items[0], items[0].rfind(key)), *middle, cut(items[-1], items[-1].find(key))]


def _fits(items: list[str], mention: Mention, *, quoted: bool) -> bool:
    """Whether a list matches the count a name implies."""
    n = len(items)
    if n < 2:
        return False
    if mention.kind == COUNTED:
        return n == mention.expected_count or bool(mention.key and all(mention.key in x for x in items))
    values = {int(t) for t in mention.terms if t.isascii() and t.isdigit()}
    return (quoted and n == len(mention.terms)) or n in values


def _explained_terms(mention: Mention, sentences: list[str], rules: InitiativeRules) -> list[str]:
    """Parts of a formula explained term by term: “两个1”指A和B；“10”指C；“N”代表D → [A, B, C, D]."""
    out = []
    for sentence in sentences:
        for m in rules.re_explain.finditer(sentence):
            label, text = m.group(1), m.group(2).strip()
            if not text:
                continue
            times = 1
            multiple = rules.re_multiple.fullmatch(label)
            if label not in mention.terms and multiple and multiple.group(2) in mention.terms:
                times = _numeral_value(multiple.group(1), rules) or 1
            elif label not in mention.terms:
                continue
            parts = [p for p in rules.re_joiner.split(text) if p]
            out += parts if times > 1 and len(parts) == times else [text]
    return out


def _keyed_terms(mention: Mention, texts: list[str]) -> list[str]:
    """Short quoted terms with the key inside them (机关带行业 for 四带机制), up to the count."""
    out: list[str] = []
    for text in texts:
        for m in RE_TERM.finditer(text):
            term = _inner(m)
            if len(term) <= 8 and mention.key in term[1:-1] and not RE_SLOGAN.search(term) and term not in out:
                out.append(term)
    out = out[: mention.expected_count] if mention.expected_count else out
    return out if len(out) >= 2 else []


def _lead_sentences(mention: Mention, paragraphs: list[str], rules: InitiativeRules) -> list[str]:
    """The short opening sentences of the paragraphs after the name (配强一个…书记。建好一支队伍。)."""
    out: list[str] = []
    for index in range(len(paragraphs)):
        lead = _first_sentence(paragraphs, index).rstrip("。！？；;!?")
        if not lead or len(lead) > rules.max_lead_chars or RE_CLAUSE_END.search(lead) or mention.key not in lead:
            break
        out.append(lead)
        if len(out) == mention.expected_count:
            break
    return out if len(out) >= 2 else []
