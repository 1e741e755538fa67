"""A formula's parts read from its terms (lib.extract.initiative_parts tries these first for a formula).

- Explained term by term: “两个1”指A和B；“10”指C；“N”代表D → A, B, C, D.
- Counted in the sentence: every term of “1+3+N” found as a count of something, 以协同区党工委为核心，联动3个
  片区机关党组织以及N个企业党支部 → 协同区党工委, 片区机关党组织, 企业党支部. A "1" may be the core of the
  phrase (以A为核心, `core_frames` in data/rules/initiatives.json) instead of 1个A. All the terms must be found,
  or none is taken.
"""

from __future__ import annotations

import re

from lib.core.chars import CJK
from lib.extract.initiative_names import InitiativeRules, Mention, numeral_value

#: Where an explanation of a formula term ends when no other follows it.
RE_EXPLANATION_END = re.compile(r"[；;。）)]")
#: Where the thing a term counts ends: a list mark, a clause's end, or a joining word.
COUNTED_END = r"(?=[、，,。；;：:（(）)]|以及|和|与|及|$)"


def explained_terms(mention: Mention, sentences: list[str], rules: InitiativeRules) -> list[str]:
    """Parts of a formula explained term by term: “两个1”指A和B；“10”指C；“N”代表D → [A, B, C, D]. Each
    explanation runs to the next one, or to the end of its clause group (；。)."""
    out = []
    for sentence in sentences:
        starts = list(rules.re_explain.finditer(sentence))
        for m, nxt in zip(starts, [*starts[1:], None][: len(starts)], strict=True):
            end = nxt.start() if nxt else len(sentence)
            stop = RE_EXPLANATION_END.search(sentence, m.end(), end)
            label, text = m.group(1), sentence[m.end() : stop.start() if stop else end].strip(" ，,、（）()")
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


def counted_terms(mention: Mention, sentence: str, rules: InitiativeRules) -> list[str]:
    """The things each term of a formula counts in the sentence, in the formula's order; [] unless every
    term is found (a count of 3 elsewhere in the sentence alone is no reading of “1+3+N”)."""
    if len(mention.terms) < 2 or len(set(mention.terms)) != len(mention.terms):
        return []
    text = sentence[: mention.start] + "，" + sentence[mention.end :]  # the name itself counts nothing
    parts = []
    for term in mention.terms:
        found = _counted(term, text, rules)
        if not found or found in parts:
            return []
        parts.append(found)
    return parts


def _counted(term: str, text: str, rules: InitiativeRules) -> str:
    words = "|".join(map(re.escape, rules.measure_words))
    m = re.search(rf"(?<![0-9A-Za-z.]){re.escape(term)}(?:{words})([{CJK}“”]{{2,16}}?){COUNTED_END}", text)
    if m:
        return m.group(1).replace("“", "").replace("”", "")
    if numeral_value(term, rules) == 1 or term == "1":
        for before, after in rules.core_frames:
            m = re.search(rf"{re.escape(before)}([{CJK}“”]{{2,16}}?){re.escape(after)}", text)
            if m:
                return m.group(1).replace("“", "").replace("”", "")
    return ""
