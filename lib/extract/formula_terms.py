"""A formula's parts read from its terms (lib.extract.initiative_parts tries these first for a formula).

- Explained term by term: “两个1”指A和B；“10”指C；“N”代表D → A, B, C, D; a counted name's parts the same
  way, by quoted labels (“五彩”服务中“红色”即A，“橙色”即B… → A, B …).
- Counted in the sentence: every term of “1+3+N” found as a count of something, 以协同区党工委为核心，联动3个
  片区机关党组织以及N个企业党支部 → 协同区党工委, 片区机关党组织, 企业党支部. A "1" may be the core of the
  phrase (以A为核心, `core_frames` in data/rules/initiatives.json) instead of 1个A. All the terms must be found,
  or none is taken.
- A counted name made of groups (一心三带四区: one 心, three 带, four 区) is read the same way, one part per
  group, its numerals found in any form (三 = 3): 以A为中心，围绕3个B和4个C → A, B, C.
- A code of digits read as consecutive counted names in its sentence, one per digit: 四方联动、四步连环、
  三类实事“443”工作机制; 形成一个中心、两大平台、五项服务为主要内容的“125” → 一个中心, 两大平台, 五项服务.
- Joined by +, one item per term: before the name (以A为核心+B+N个C的“1+1+N”) or in the clause after it
  (“1+1+X”制度，由A统筹+B+C联动的模式).
"""

from __future__ import annotations

import re
from functools import cache

from lib.core.chars import CJK
from lib.extract.enumerations import after_lead_verb
from lib.extract.initiative_names import COUNTED, FORMULA, Mention, numeral_value
from lib.extract.initiative_rules import InitiativeRules

#: Where an explanation of a formula term ends when no other follows it.
RE_EXPLANATION_END = re.compile(r"[；;。）)]")
#: Where the explanation of a counted name's group ends: its clause.
RE_PIECE_END = re.compile(r"[；;。）)，,]")
#: Where a counted name in a list ends: a mark, a linking word, or the next numeral (五联五提升).
COUNTED_NAME_END = "、，,。；;：:“”‘’（）()为的和及与等"

#: Where the thing a term counts ends: a list mark, a clause's end, or a joining word.
COUNTED_END = r"(?=[、，,。；;：:（(）)]|以及|和|与|及|$)"


def explained_terms(
    mention: Mention, sentences: list[str], rules: InitiativeRules, *, pieces: bool = False
) -> list[str]:
    """Parts of a formula explained term by term: “两个1”指A和B；“10”指C；“N”代表D → [A, B, C, D]. Each
    explanation runs to the next one, or to the end of its clause group (；。). With `pieces` (the terms
    are a counted name's groups: “一校”，即A；“两中心”，即B和C), an explanation ends at its clause and a
    group of two or more gives as many parts when its explanation lists them."""
    out = []
    end_mark = RE_PIECE_END if pieces else RE_EXPLANATION_END
    for sentence in sentences:
        starts = list(rules.re_explain.finditer(sentence))
        for m, nxt in zip(starts, [*starts[1:], None][: len(starts)], strict=True):
            end = nxt.start() if nxt else len(sentence)
            stop = end_mark.search(sentence, m.end(), end)
            label, text = m.group(1), sentence[m.end() : stop.start() if stop else end].strip(" ，,、（）()")
            if not text:
                continue
            times = (numeral_value(label[0], rules) or 1) if pieces else 1
            multiple = rules.re_multiple.fullmatch(label)
            if label not in mention.terms and multiple and multiple.group(2) in mention.terms:
                times = numeral_value(multiple.group(1), rules) or 1
            elif label not in mention.terms:
                continue
            parts = [p for p in rules.re_joiner.split(text) if p]
            out += parts if times > 1 and len(parts) == times else [text]
    return out


def counted_terms(
    mention: Mention, sentence: str, rules: InitiativeRules, terms: tuple[str, ...] | None = None
) -> list[str]:
    """The things each term of a formula (or each of `terms`) counts in the sentence, in order; [] unless
    every term is found (a count of 3 elsewhere in the sentence alone is no reading of “1+3+N”)."""
    terms = mention.terms if terms is None else terms
    if len(terms) < 2 or len(set(terms)) != len(terms):
        return []
    text = sentence[: mention.start] + "，" + sentence[mention.end :]  # the name itself counts nothing
    parts = []
    for term in terms:
        found = _counted(term, text, rules)
        if not found or found in parts:
            return []
        parts.append(found)
    return parts


def group_pieces(name: str, rules: InitiativeRules) -> tuple[str, ...]:
    """The pieces of a name made of counted groups, each from its numeral (一校两中心一长廊 → 一校, 两中心,
    一长廊); () for a name of fewer than two groups."""
    starts = [m.start() for m in rules.re_numeral.finditer(name)]
    if len(starts) < 2 or starts[0] != 0:
        return ()
    return tuple(name[a:b] for a, b in zip(starts, [*starts[1:], len(name)], strict=True))


def group_numerals(name: str, rules: InitiativeRules) -> tuple[str, ...]:
    """The numerals of a name made of two or more groups of different sizes (一心三带四区 → 一, 三, 四);
    () for one numeral, repeated numerals (三亮三比: pairs, not groups) or numerals of 一 only."""
    numerals = tuple(rules.re_numeral.findall(name))
    values = [numeral_value(n, rules) for n in numerals]
    if len(numerals) < 2 or None in values or len(set(values)) != len(values) or max(values) < 2:
        return ()
    return numerals


def _numeral_forms(term: str, rules: InitiativeRules) -> str:
    """A pattern for a term in any of its numeral forms (三 → 三|3), or the term itself."""
    value = numeral_value(term, rules)
    if value is None and term.upper() in ("N", "X"):  # N个企业, 若干个企业
        return "(?:" + "|".join(map(re.escape, (term, *rules.open_counts))) + ")"
    if value is None:
        return re.escape(term)
    forms = {term, str(value), *(ch for ch, v in rules.numerals.items() if v == value)}
    return "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"


def _counted(term: str, text: str, rules: InitiativeRules) -> str:
    words = "|".join(map(re.escape, rules.measure_words))
    m = re.search(
        rf"(?<![0-9A-Za-z.]){_numeral_forms(term, rules)}(?:{words})([{CJK}“”]{{2,16}}?){COUNTED_END}", text
    )
    if m:
        return m.group(1).replace("“", "").replace("”", "")
    if numeral_value(term, rules) == 1 or term == "1":
        for before, after in rules.core_frames:
            m = re.search(rf"{re.escape(before)}([{CJK}“”]{{2,16}}?){re.escape(after)}", text)
            if m:
                return m.group(1).replace("“", "").replace("”", "")
    return ""


def explained_labels(text: str, count: int | None, rules: InitiativeRules) -> list[str]:
    """The quoted labels the text explains one by one (“红色”即政治引领行动，“橙色”即…), when there are
    as many as a counted name counts (`count`); [] otherwise. They label the name's parts, and are no
    initiatives of their own."""
    labels = [m.group(1) for m in rules.re_explain.finditer(text)] if count and count >= 2 else []
    return labels if len(labels) == len(set(labels)) == count else []


def explanations(mention: Mention, rest: str, later: list[str], rules: InitiativeRules) -> list[str]:
    """Parts explained one at a time: a formula's terms (“1+2+N”（“1”是…，“2”是…，“N”是…）), or as many
    quoted labels as a counted name counts (“五彩”服务中“红色”即A，“橙色”即B…); [] when none are."""
    if mention.kind == FORMULA:
        explained = explained_terms(mention, [rest, *later], rules)
        return explained if len(explained) >= 2 else []
    labels = explained_labels(rest, mention.expected_count if mention.kind == COUNTED else None, rules)
    labelled = Mention(**{**mention.__dict__, "terms": tuple(labels)})
    return explained_terms(labelled, [rest], rules, pieces=True) if labels else []


#: A count in front of a list item: N个企业党组织, 3个片区.
RE_LEADING_COUNT = re.compile(r"^(?:[0-9A-Za-z]+|[一二两三四五六七八九十]+)个")


def plus_items(text: str, rules: InitiativeRules) -> list[str]:
    """The items of a list joined by +, each without its count (N个企业党组织 → 企业党组织); the first
    without its lead verb and its core frame (推行以经开区党工委为区域核心 → 经开区党工委)."""
    items = [x.strip() for x in text.replace("＋", "+").split("+")]
    first = after_lead_verb(items[0], rules)
    for before, after in rules.core_frames:
        m = re.search(f"{re.escape(before)}(.+?){re.escape(after[0])}.{{0,3}}{re.escape(after[1:])}$", first)
        if m:
            first = m.group(1)
            break
    items[0] = first
    return [RE_LEADING_COUNT.sub("", x) for x in items if x]


def plus_clause(mention: Mention, rest: str, rules: InitiativeRules) -> list[str]:
    """For a formula, the items of a list joined by + in the clause right after its name, one per term
    (“1+1+X”年度轮值制度，由空港经济区党工委统筹+一家轮值主席单位+行业板块企业自主联动的模式); [] when none."""
    for clause in re.split("[，,；;。]", rest)[:2]:
        if clause.replace("＋", "+").count("+") == len(mention.terms) - 1 >= 1:
            items = plus_items(clause, rules)
            if len(items) != len(mention.terms):
                return []
            items[0] = items[0].removeprefix("由")  # 由A统筹+B+C联动的模式 → A统筹, B, C联动
            items[-1] = items[-1].split("的", 1)[0]
            return items
    return []


def counted_sequence(mention: Mention, sentence: str, rules: InitiativeRules) -> list[str]:
    """The counted names, one per digit, that follow each other in the sentence (before or after a
    code of three or more digits) with the digits' values in order: 四方联动、四步连环、三类实事“443” →
    四方联动, 四步连环, 三类实事; [] when no run of counted names has the code's values."""
    digits = mention.name
    if not (digits.isascii() and digits.isdigit() and len(digits) >= 3) or "0" in digits:
        return []
    text = sentence[: mention.start] + "。" + sentence[mention.end :]  # the code itself counts nothing
    counted = _re_counted_name("".join(rules.numerals))
    names = [(numeral_value(m.group(1), rules), m.group(0)) for m in counted.finditer(text)]
    want = [int(d) for d in digits]
    for at in range(len(names) - len(want) + 1):
        run = names[at : at + len(want)]
        if [value for value, _ in run] == want:
            return [name for _, name in run]
    return []


@cache
def _re_counted_name(numeral_chars: str) -> re.Pattern[str]:
    """A numeral and up to five characters, to a list's mark, a linking word or the next numeral
    (compiled once per set of numerals)."""
    numerals = re.escape(numeral_chars)
    stop = re.escape(COUNTED_NAME_END)
    return re.compile(f"([{numerals}])[^{stop}{numerals}\\s]{{1,5}}?(?=[{stop}{numerals}]|$)")
