"""Enumerations: the items a clause lists (组织联建、资源联享、治理联抓), for the parts of an initiative
(lib.extract.initiative_parts)."""

from __future__ import annotations

import re

from lib.extract.following_parts import inner
from lib.extract.initiative_names import RE_TERM, InitiativeRules, is_term_chain
from lib.extract.initiative_names import formula_terms as formula_terms_of


def enumeration(text: str, masked: str, *, key: str | None, rules: InitiativeRules) -> tuple[list[str], bool]:
    """The items a clause lists, and whether they are quoted terms. Lists are split at 、 outside
    quotes; when every item holds one quoted term the terms are the items (建强“一个核心”、组建“一套班子”);
    adjacent quoted terms (“A”“B”“C”), one quoted term holding a 、 list and one quoted chain of terms
    (“A+B+C”) are lists too."""
    spans, at = [], 0
    for i, ch in enumerate(masked + "、"):
        if ch == "、":
            spans.append((at, i))
            at = i + 1
    terms = [[inner(t) for t in RE_TERM.finditer(text, s, e)] for s, e in spans]
    if len(spans) >= 2:
        if all(len(t) == 1 for t in terms):
            return [t[0] for t in terms], True
        return clean_items([text[s:e] for s, e in spans], key=key, rules=rules), False
    only = terms[0]
    if len(only) >= 2:
        return only, True
    if len(only) == 1 and "、" in only[0]:  # “A、B、C，定期召开D、E、F”: its clauses' lists, end to end
        return [x.strip() for x in re.split(r"[、，,；;]", only[0]) if x.strip()], True
    if len(only) == 1 and is_term_chain(only[0]):  # “A+B+C”的“三区合一”: the chain's terms
        return list(formula_terms_of(only[0])), True
    return [], False


def clean_items(items: list[str], *, key: str | None, rules: InitiativeRules) -> list[str]:
    """Trims the verb before the first item and the words after the last one."""
    items = [x.strip().strip("（）()") for x in items]
    aligned = _align_on_key(items, key) if key else None
    if aligned:
        items = aligned
    else:
        items[0] = after_lead_verb(items[0], rules)
        head, *joined = rules.re_joiner.split(items[-1], maxsplit=1)
        if joined and head and joined[0]:
            items[-1:] = [head, joined[0]]
    items[-1] = rules.re_tail.sub("", items[-1])
    return [x for x in items if x]


def after_lead_verb(item: str, rules: InitiativeRules) -> str:
    """The first item of a list without the words up to its verb: 构建一处专窗 → 一处专窗, 园区聚焦思想 → 思想."""
    best = None
    for verb in rules.lead_verbs:
        at = item.rfind(verb)
        if at >= 0 and len(item) - at - len(verb) >= 2 and (best is None or at + len(verb) > best):
            best = at + len(verb)
    return item[best:] if best is not None else item


def _align_on_key(items: list[str], key: str) -> list[str] | None:
    """Cuts the first and last items to the shape of the middle ones, which share a length and the
    key's position: 实现组织联建、资源联享、…、治理联抓全方位联动 → 组织联建 … 治理联抓. A middle item without
    the key (以组织联建、资源共享、党员联管、人才联育的…) keeps the shape when it has the length."""
    middle = items[1:-1]
    size = len(middle[0]) if middle else 0
    places = {x.find(key) for x in middle if key in x}
    if len(places) != 1 or any(len(x) != size for x in middle):
        return None
    at = places.pop()

    def cut(item: str, pos: int) -> str:
        start = pos - at
        if len(item) <= size or pos < 0 or start < 0 or start + size > len(item):
            return item
        if len(item) - start - size == 1:  # 全部建立群团组|织: one character more is the word's, not a tail
            return item[start:]
        return item[start : start + size]

    return [cut(items[0], items[0].rfind(key)), *middle, cut(items[-1], items[-1].find(key))]
