"""Enumerations: the items a clause lists (组织联建、资源联享、治理联抓), and the list a clause closes right
before a name (…等“五服务工作法”), for the parts of an initiative (lib.extract.initiative_parts)."""

from __future__ import annotations

import re

from lib.extract.following_parts import inner
from lib.extract.initiative_names import COUNTED, RE_TERM, Mention, is_term_chain
from lib.extract.initiative_names import formula_terms as formula_terms_of
from lib.extract.initiative_rules import InitiativeRules


def enumeration(text: str, masked: str, *, key: str | None, rules: InitiativeRules) -> tuple[list[str], bool]:
    """The items a clause lists, and whether they are quoted terms. Lists are split at 、 outside
    quotes; when every item holds one quoted term the terms are the items (建强“一个核心”、组建“一套班子”),
    unless a term comes twice (证照办理“零”延误、征地拆迁“零”障碍: the items, without their quotes);
    adjacent quoted terms (“A”“B”“C”), one quoted term holding a 、 list and one quoted chain of terms
    (“A+B+C”) are lists too."""
    heading = re.match(f"[（(]?{rules.re_numeral.pattern}[)）]?[、.．]", masked)  # 一、开展“双创双培”
    at = heading.end() if heading else 0
    spans = []
    for i, ch in enumerate(masked[at:] + "、", start=at):
        if ch == "、":
            spans.append((at, i))
            at = i + 1
    terms = [[inner(t) for t in RE_TERM.finditer(text, s, e)] for s, e in spans]
    if len(spans) >= 2:
        if all(len(t) == 1 for t in terms) and len({t[0] for t in terms}) == len(terms):
            return [t[0] for t in terms], True
        if all(len(t) == 1 for t in terms):  # 证照办理“零”延误、征地拆迁“零”障碍: a word quoted in each item
            return clean_items(
                [re.sub("[“”‘’]", "", text[s:e]) for s, e in spans], key=key, rules=rules
            ), False
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


def closing_list(mention: Mention, before: tuple[str, str], rules: InitiativeRules) -> list[str]:
    """A list that ends right at the name and counts out to it: closed by 等, as many items as the name
    counts or fewer (包保、挂钩联系、轮值书记、督查交办等“五服务工作法”: 等 says the list is not whole); a
    formula of numbers only counts its items in all (新材料、装备制造、电子信息和生物制药“3+1”主导产业)."""
    if mention.kind == COUNTED:
        total = mention.expected_count
    else:
        numbers = [int(t) for t in mention.terms if t.isascii() and t.isdigit()]
        total = sum(numbers) if len(numbers) == len(mention.terms) > 1 else None
    items, quoted, mark = _list_closing(before, rules)
    if not total or (mention.kind == COUNTED and not mark):
        return []
    fits = len(items) <= total if mark else len(items) == total
    return items if len(items) >= 2 and fits and not quoted else []


def _list_closing(before: tuple[str, str], rules: InitiativeRules) -> tuple[list[str], bool, str]:
    """The list a clause ends with (before a name), whether its items are quoted terms, and the mark that
    closes it (等: initiatives.json example_marks), or "" when none does."""
    text, masked = before
    mark = next((x for x in rules.example_marks if text.endswith(x)), "")
    cut = len(text) - len(mark)
    items, quoted = enumeration(text[:cut], masked[:cut], key=None, rules=rules)
    return items, quoted, mark


def exemplified(before: tuple[str, str], rules: InitiativeRules, *, count: int | None = None) -> list[str]:
    """The list a name closes, with 等 (initiatives.json example_marks: 开展发展论坛、研讨培训、专题党课等
    “党群一体化”活动), or without it when the list has as many items as the name counts (围绕智能制造、循环经济
    “一主一特”产业, a quoted name and a list of plain items); [] when the clause does not end so."""
    items, _, mark = _list_closing(before, rules)
    plain = not any(c in "“‘（(" for x in items for c in x)
    return items if len(items) >= 2 and (mark or (len(items) == count and plain)) else []


def plausible_parts(parts: list[str], name: str, rules: InitiativeRules) -> list[str]:
    """The parts found for a name, each without a 的 that joined it to the name (新兴赛道的 → 新兴赛道); [] when
    they cannot be one list: a single character beside a part of four or more (市 beside 区委系列会议精神), unless
    they are the terms of the name itself (区—街道—社区党组织), a part with an unclosed quote (落实“企业吹哨), a
    part twice (零, 零, 零距离 …) or a number for a part (党委, 7)."""
    parts = [_without_of_link(p, rules) for p in parts]
    sizes = [len(p) for p in parts]
    if parts and min(sizes) == 1 and max(sizes) >= 4 and not is_term_chain(name):
        return []
    unclosed = any(p.count("“") != p.count("”") for p in parts)
    return [] if unclosed or len(set(parts)) < len(parts) or any(p.isdigit() for p in parts) else parts


def _without_of_link(part: str, rules: InitiativeRules) -> str:
    """A part without the 的 (`of_links`) that joined it to the name, when two characters or more remain."""
    link = next((x for x in rules.of_links if part.endswith(x)), "")
    return part[: -len(link)] if link and len(part) > len(link) + 1 else part
