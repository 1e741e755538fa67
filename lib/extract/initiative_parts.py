"""Initiative parts: the components a report lists for a named initiative (see lib.extract.initiative_names).

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

import re

from lib.core.chars import split_sentences
from lib.extract.initiative_names import (
    BRAND,
    COUNTED,
    FORMULA,
    RE_SLOGAN,
    RE_TERM,
    InitiativeRules,
    Mention,
    load_initiative_rules,
    numeral_value,
)

#: Where a clause ends (read on text whose quoted terms are masked, so their commas do not count).
RE_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")
#: Stands in for the characters inside a quoted term when clauses and lists are split.
MASK = "○"


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
    clauses = [
        before,
        *_clauses(sentence, masked, mention.end),
        *_clauses(following, _mask_terms(following), 0),
    ]
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


def _enumeration(
    text: str, masked: str, *, key: str | None, rules: InitiativeRules
) -> tuple[list[str], bool]:
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
        verb = next(
            (v for v in rules.lead_verbs if items[0].startswith(v) and len(items[0]) - len(v) >= 2), ""
        )
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
                times = numeral_value(multiple.group(1), rules) or 1
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
            if (
                len(term) <= 8
                and mention.key in term[1:-1]
                and not RE_SLOGAN.search(term)
                and term not in out
            ):
                out.append(term)
    out = out[: mention.expected_count] if mention.expected_count else out
    return out if len(out) >= 2 else []


def _lead_sentences(mention: Mention, paragraphs: list[str], rules: InitiativeRules) -> list[str]:
    """The short opening sentences of the paragraphs after the name (配强一个…书记。建好一支队伍。)."""
    out: list[str] = []
    for index in range(len(paragraphs)):
        lead = _first_sentence(paragraphs, index).rstrip("。！？；;!?")
        if (
            not lead
            or len(lead) > rules.max_lead_chars
            or RE_CLAUSE_END.search(lead)
            or mention.key not in lead
        ):
            break
        out.append(lead)
        if len(out) == mention.expected_count:
            break
    return out if len(out) >= 2 else []
