"""Initiative parts: the components a report lists for a named initiative (lib.extract.initiative_mentions).

A name may give its parts itself (“采集—研判—处置”, “网格联企、社区吹哨”, “A”“B”等三大工程). Otherwise, from
the surest pattern to the loosest, the first list that fits the count the name implies: parts explained one
by one (“1”是…，“2”是…; “红色”即…，“橙色”即…: lib.extract.formula_terms); a bracket after the name; a list
ending at the name (A、B、C等“五服务工作法”); an enumeration in the clause before it or the later clauses of
its sentence (即…、…、…); a formula's terms counted in its sentence (以A为核心，3个B，若干个C); an
enumeration in the next sentence or the earlier clauses; one group per clause for names of several
numerals (四服务一提升); numbered items (一是…二是…) or typed items (“…”型) after it; quoted terms sharing
the head of a count (四项工程 → “强基工程”…) or its key (四带机制 → “机关带行业”…); the short lead sentences
of the next paragraphs (配强一个…书记。建好一支队伍。).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.core.chars import split_sentences
from lib.extract import following_parts, formula_terms
from lib.extract.enumerations import closing_list, enumeration, exemplified
from lib.extract.following_parts import RE_CLAUSE_END, first_sentence
from lib.extract.initiative_names import (
    BRAND,
    COUNTED,
    FORMULA,
    RE_SLOGAN,
    RE_TERM,
    Mention,
    count_of,
    is_open_chain,
    is_term_chain,
    numeral_value,
)
from lib.extract.initiative_rules import InitiativeRules, load_initiative_rules
from lib.extract.unquoted_names import keyed_lists

#: A counted name that is a numeral and one character (三力, 五心, 两链): each of its parts holds that character.
RE_NUMERAL_AND_KEY = re.compile(r"[一二两双三四五六七八九十]{1,2}[^一二两双三四五六七八九十个]")
#: A bracket right after a name, and what it holds.
RE_BRACKET = re.compile(r"^\s*[（(]([^（）()]{2,120})[）)]")
#: An item that explains a formula term (“1”是…), not a part of a list.
#: Where an explaining list after a name ends: 。 or ；.
RE_SENTENCE_PART_END = re.compile(r"[。；;]")
RE_EXPLAINED = re.compile(r"^“[^”]{1,6}”(?:是|指|为)")
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
    pieces = formula_terms.group_pieces(RE_SLOGAN.sub("", mention.name), rules)
    if pieces and mention.kind != FORMULA:  # “一厅、两中心”…“一厅”即A，“两中心”即B和C: what each group is
        later = [
            *split_sentences(paragraphs[paragraph_index] or "")[sentence_index:],
            *paragraphs[paragraph_index + 1 :][:1],
        ]
        explaining = Mention(**{**mention.__dict__, "terms": pieces})
        explained = formula_terms.explained_terms(explaining, later, rules, pieces=True)
        if len(explained) >= 2:
            return explained
        whole = _explained_whole(later[0][mention.end :], pieces, rules)
        if whole:
            return whole
        before = _clause_before(later[0], _mask_terms(later[0]), mention.start)[1]  # later[0]: its sentence
        quoted = RE_TERM.match(later[0], mention.start) is not None
        listed = exemplified(before, rules, count=_pieces_total(pieces, rules) if quoted else None)
        if listed:
            return listed
    own = _parts_in_name(mention, rules)
    if own is not None:
        return own
    if mention.kind == BRAND:
        counted = counted_reading(mention, rules)  # “五力聚能”非公党建品牌 may still list its five parts
        if counted is None:
            sentence = split_sentences(paragraphs[paragraph_index] or "")[sentence_index]
            return exemplified(_clause_before(sentence, _mask_terms(sentence), mention.start)[1], rules)
        where = dict(paragraphs=paragraphs, paragraph_index=paragraph_index, sentence_index=sentence_index)
        found = initiative_components(counted, **where, rules=rules)
        sizes = {counted.expected_count, len(formula_terms.group_numerals(counted.name, rules))}
        return found if len(found) in sizes else []
    return _parts_in_text(
        mention, _Surroundings.of(mention, paragraphs, paragraph_index, sentence_index, rules), rules
    )


def _explained_whole(rest: str, pieces: tuple[str, ...], rules: InitiativeRules) -> list[str]:
    """A counted name's groups explained together right after it, one item per thing counted:
    “一站、一区、一中心”，即A、B、C → [A, B, C] (a group of two, 两中心, gives two items)."""
    m = rules.re_explain_whole.match(rest)
    if not m:
        return []
    end = RE_SENTENCE_PART_END.search(rest, m.end() + 1)
    text = rest[m.end() : end.start() if end else len(rest)]
    total = _pieces_total(pieces, rules)
    first = re.split("[，,]", text.lstrip("，, "), maxsplit=1)[0]
    items = [p.strip() for p in rules.re_joiner.split(first) if p.strip()]
    # 即A，B，C: a list set off by commas; 即A、B、C，最终实现…: a list that ends with its clause
    if len(items) < 2:
        items = [p.strip() for p in re.split(f"{rules.re_joiner.pattern}|[，,]", text) if p.strip()]
    if items:
        items[0] = following_parts.without_lead_verb(items[0], rules)  # 即建设A、B: the verb is no part of A
    return items if len(items) == total else []


def _pieces_total(pieces: tuple[str, ...], rules: InitiativeRules) -> int:
    """How many things a name's groups count: 一主一特 → 2, 一核两翼 → 3."""
    return sum(numeral_value(rules.re_numeral.match(p).group(0), rules) or 0 for p in pieces)


def _parts_in_name(mention: Mention, rules: InitiativeRules) -> list[str] | None:
    """Parts the name gives itself, or None when it gives none."""
    if mention.parts:
        return list(mention.parts)
    if mention.kind == FORMULA and is_term_chain(mention.name):  # 采集—研判—处置
        return list(mention.terms)
    if RE_SLOGAN.search(mention.name):  # “网格联企、社区吹哨、部门报道”的方式: the name lists its parts
        branded = mention.full_name.endswith(rules.brand_heads)  # “高新事、高兴办”特色服务品牌 is one slogan
        return [] if branded else [p.strip() for p in RE_SLOGAN.split(mention.name) if p.strip()]
    return None


@dataclass
class _Surroundings:
    """Where a mention stands: its sentence (and the sentence with quoted terms masked), the clauses
    around it, the sentences after it in its paragraph, and the texts after it."""

    sentence: str
    masked: str
    later: list[str]
    clauses: list[tuple[str, str]]  # the clause before the name, the later ones, the next sentence's
    own_clauses: int  # how many of `clauses` are the name's own sentence's
    earlier: list[tuple[str, str]]  # the earlier clauses of the sentence, nearest first
    after: list[str]  # the rest of the sentence, the paragraph and the next paragraphs
    before: str  # the paragraph up to the name
    following_paragraphs: list[str]

    @classmethod
    def of(
        cls, mention: Mention, paragraphs: list[str], index: int, sentence_index: int, rules: InitiativeRules
    ):
        sentences = split_sentences(paragraphs[index] or "")
        sentence = sentences[sentence_index]
        masked = _mask_terms(sentence)
        clause_start, before = _clause_before(sentence, masked, mention.start)
        later = sentences[sentence_index + 1 :]
        following = later[0] if later else first_sentence(paragraphs, index + 1)
        own = [before, *_clauses(sentence, masked, mention.end)]
        clauses = [*own, *_clauses(following, _mask_terms(following), 0)]
        nxt = paragraphs[index + 1 :]
        return cls(
            sentence=sentence,
            masked=masked,
            later=later,
            clauses=clauses,
            own_clauses=len(own),
            earlier=list(reversed(_clauses(sentence[:clause_start], masked[:clause_start], 0))),
            after=[sentence[mention.end :], *later, *nxt[: rules.max_follow_paragraphs]],
            before="".join(sentences[:sentence_index]) + sentence[: mention.start],
            following_paragraphs=nxt,
        )


def _parts_in_text(mention: Mention, at: _Surroundings, rules: InitiativeRules) -> list[str]:
    """Parts the text lists for a counted name or a formula, from the surest pattern to the loosest."""
    rest = at.sentence[mention.end :]
    explained = formula_terms.explanations(mention, rest, at.later, rules) or (
        following_parts.explained_clauses(mention, rest, rules) if mention.kind == COUNTED else []
    )  # “两个1”指A…；“八个一百”的目标：即实现A达到100%，B达到100%…
    if explained:
        return explained
    bracketed = _bracketed_items(rest, rules)  # “三亮三比”（亮目标、亮身份、亮承诺，比进度、比技能、比业绩）
    if _fits(bracketed, mention, quoted=False):
        return bracketed
    sequence = formula_terms.counted_sequence(mention, at.sentence, rules) if mention.kind == FORMULA else []
    if sequence:  # “A、B”四方联动、“C、D”四步连环、三类实事“443”工作机制: the counted names, not their lists
        return sequence
    adjacent = _modifying_list(mention, at.clauses[0], rules) or closing_list(mention, at.clauses[0], rules)
    if adjacent:
        return adjacent
    if mention.key == "一" and mention.kind == COUNTED:  # 三个一: 树立一种理念，…。建立一种机制，…
        ones = following_parts.one_clauses(mention, at.later + at.following_paragraphs[:1], rules)
        if ones:
            return ones
    keyed = _clauses_ending_alike(mention, at.clauses[1:], rules)
    if keyed:
        return keyed
    listed = _first_fitting(at.clauses[: at.own_clauses], mention, rules)
    if listed:
        return listed
    counted = formula_terms.counted_terms(mention, at.sentence, rules) if mention.kind == FORMULA else []
    if counted:  # 建立1个A、若干个B，形成“1+N”体系, before a list in the next sentence
        return counted
    plus = formula_terms.plus_clause(mention, rest, rules) if mention.kind == FORMULA else []
    if plus:  # “1+1+X”制度，由A统筹+B+C联动的模式
        return plus
    listed = _first_fitting([*at.clauses[at.own_clauses :], *at.earlier], mention, rules)
    if listed:
        return listed
    groups = () if mention.kind == FORMULA else formula_terms.group_numerals(mention.name, rules)
    counted = formula_terms.counted_terms(mention, at.sentence, rules, groups) if groups else []
    if counted:  # 一心三带四区: 以A为中心，围绕3个B和4个C
        return counted
    for i, text in enumerate([at.sentence[mention.end :], *at.later[:2]]):  # 以党建统领全局，通过组织联建…
        walked = _walk_groups(mention, _clauses(text, _mask_terms(text), 0), rules, keyed=i > 0)
        if walked:
            return walked
    return _parts_after(mention, at, rules)


def _parts_after(mention: Mention, at: _Surroundings, rules: InitiativeRules) -> list[str]:
    """Parts listed after the name's sentence: numbered or typed items, quoted terms sharing its head or
    its key, the lead terms or sentences of the paragraphs after it."""
    for found in (
        following_parts.ordinal_items(at.after, rules),
        following_parts.typed_items(at.after, rules),
        following_parts.typed_items([at.before], rules),  # “A”型共建；“B”型共建…，形成“两型共建”
    ):
        if _fits(found, mention, quoted=True) or (mention.expected_count is None and len(found) >= 2):
            return found
    headed = following_parts.headed_terms(mention, at.after, rules)  # “四项工程” … 实施“强基工程” …
    if headed:
        return headed
    if mention.key and not rules.re_numeral.fullmatch(mention.key):
        keyed = following_parts.keyed_terms(mention, [at.sentence[mention.end :], *at.later])
        if keyed:
            return keyed
    if mention.key and mention.kind == COUNTED and not at.later:  # 五“青”举措 / 近年来… / “青创学堂”搭平台。
        leads = following_parts.chain_leads(mention.key, at.following_paragraphs, rules, intro=1)
        if leads:
            return leads[: mention.expected_count]
    if mention.key and not at.later:
        return following_parts.lead_sentences(mention, at.following_paragraphs, rules)
    if is_open_chain(mention.name) and not at.later:  # “红色+”品牌。/ 开设“红色讲堂”。/ 成立“红色…小组”。
        return following_parts.chain_leads(mention.name.rstrip("+＋"), at.following_paragraphs, rules)
    return []


def _first_fitting(clauses: list[tuple[str, str]], mention: Mention, rules: InitiativeRules) -> list[str]:
    """The first of the clauses' lists that fits the count the name implies, else []. A list closed by a
    name of its own (先锋圈、…、邻里圈五圈融合) is that name's, not the parts of another (“五拼五比晒五榜”)."""
    for text, mask in clauses:
        items, quoted = enumeration(text, mask, key=mention.key, rules=rules)
        if _fits(items, mention, quoted=quoted) and all(
            other.key in mention.name for other in keyed_lists(text, rules)
        ):
            return items
    return []


def _modifying_list(mention: Mention, before: tuple[str, str], rules: InitiativeRules) -> list[str]:
    """An unquoted list joined to the name by 的, as many items as the name has terms or counts:
    牵头部门引领、链主企业带动、链上企业协同推进的“1+X+N”体系 → its three items."""
    text, masked = before
    topic = next((x for x in rules.of_link_topics if text.endswith(x)), "")  # …的党建“三联”机制
    text, masked = text[: len(text) - len(topic)], masked[: len(masked) - len(topic)]
    link = next((x for x in rules.of_links if text.endswith(x)), None)
    if link is None:
        return []
    body, body_mask = text[: -len(link)], masked[: -len(link)]
    if "+" in body_mask and "、" not in body_mask:  # 以A为核心+B+N个C的“1+1+N”
        items = formula_terms.plus_items(body, rules)
    else:
        items, _ = enumeration(body, body_mask, key=mention.key, rules=rules)
    want = len(mention.terms) if mention.kind == FORMULA else mention.expected_count
    return items if len(items) >= 2 and len(items) == want else []


def _clause_before(sentence: str, masked: str, start: int) -> tuple[int, tuple[str, str]]:
    """Where the clause that holds `start` begins, and its text and masked text up to `start`."""
    clause_start = max((c.end() for c in RE_CLAUSE_END.finditer(masked, 0, start)), default=0)
    return clause_start, (sentence[clause_start:start], masked[clause_start:start])


def _clauses_ending_alike(
    mention: Mention, clauses: list[tuple[str, str]], rules: InitiativeRules
) -> list[str]:
    """For a count of a thing (三个同步), the clauses right after the name when as many of them as the count
    each name that thing: “三个同步”，即A与B同步，C与D同步，E与F同步 → the three clauses."""
    m = rules.re_counted.match(mention.name)
    thing = mention.name[m.end() :] if m and m.group(2) else ""
    texts = [t.strip() for t, _ in clauses if t.strip()][: mention.expected_count or 0]
    if len(thing) < 2 or len(texts) != mention.expected_count or not all(thing in t for t in texts):
        return []
    return [following_parts.without_lead_verb(texts[0], rules), *texts[1:]]


def counted_reading(mention: Mention, rules: InitiativeRules) -> Mention | None:
    """A brand-headed name read as counted (五力聚能 → 5 parts), or None when it counts nothing."""
    count, key = count_of(mention.name, rules)
    if count is None:
        return None
    return Mention(**{**mention.__dict__, "kind": COUNTED, "expected_count": count, "key": key})


def _bracketed_items(text: str, rules: InitiativeRules) -> list[str]:
    """The items of a bracket right after a name: （亮目标、亮身份，比进度） → 亮目标, 亮身份, 比进度."""
    m = RE_BRACKET.match(text)
    if not m:
        return []
    items = [x.strip() for x in re.split(r"[、，,；;]", m.group(1)) if x.strip()]
    return items if len(items) >= 2 and not any(RE_EXPLAINED.match(x) for x in items) else []


def _walk_groups(
    mention: Mention, clauses: list[tuple[str, str]], rules: InitiativeRules, *, keyed: bool = False
) -> list[str]:
    """Parts of a name with several numerals, one group per clause after it: “四服务一提升”，即服务党员、
    服务职工、服务人才、服务企业，提升基层党组织创造力 → 4 parts, then 1. `keyed` (for a later sentence):
    every item holds the character its numeral counts (一统六联: 党建统领, then 组织联建 …)."""
    found = list(rules.re_numeral.finditer(mention.name))
    values = [numeral_value(m.group(0), rules) or 0 for m in found]
    keys = [mention.name[m.end() : m.end() + 1] for m in found]
    if mention.kind != COUNTED or len(values) < 2 or len(clauses) < len(values):
        return []
    for start in range(len(clauses) - len(values) + 1):  # the list may start after a clause: …的体系，即…
        out: list[str] = []
        for value, key, (text, mask) in zip(values, keys, clauses[start:], strict=False):
            items = enumeration(text, mask, key=None, rules=rules)[0] if value > 1 else [text.strip()]
            if len(items) != value or (keyed and not all(key in x for x in items)):
                break
            out += items
        else:
            return out
    return []


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


def _fits(items: list[str], mention: Mention, *, quoted: bool) -> bool:
    """Whether a list matches the count a name implies."""
    n = len(items)
    if n < 2:
        return False
    if mention.kind == COUNTED:
        keyed = bool(mention.key) and all(mention.key in x for x in items)
        if RE_NUMERAL_AND_KEY.fullmatch(mention.name) and not keyed:
            return False  # 三力: its parts are 统筹领导力, 产业影响力 …, not any three things
        totals = {mention.expected_count, mention.pair_total}  # 三亮三比: 3 pairs or 6 items
        return n in totals or keyed
    values = {int(t) for t in mention.terms if t.isascii() and t.isdigit()}
    counted_out = n == len(mention.terms) and all(
        x.startswith(t) for x, t in zip(items, mention.terms, strict=False)
    )
    return (quoted and n == len(mention.terms)) or counted_out or n in values
