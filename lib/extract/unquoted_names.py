"""Initiatives named without quotes (lib.extract.initiative_mentions reads the quoted ones):

- formulas with a head after them (实施135工作法, 1+5+X党组织覆盖网络) and term chains starting with 党建+
  (党建+工作生态链);
- parallel numeral names that are not idioms (三横三纵, 双培双争, 一组织一品牌);
- a short name between a programme verb and a head (亮出红领经开党建品牌);
- a counted name right after the list of its parts, as many as it counts (任务、责任、进度、问题四张清单), or
  a numeral and the character every part holds, then a word of union (先锋圈、…、邻里圈五圈融合).

Rules in data/rules/initiatives.json."""

from __future__ import annotations

import re
from functools import cache

from lib.core.chars import CJK
from lib.extract.entity_rules import dictionary_entry
from lib.extract.initiative_names import (
    NUMERALS,
    RE_DIGITS,
    Mention,
    count_of,
    counted_list_matches,
    descriptor_run,
    is_descriptor,
    is_formula,
    make_mention,
)
from lib.extract.initiative_rules import LIST_ITEM_CHARS, InitiativeRules
from lib.text import segment

#: An unquoted formula: 1+5+X, 2+3+X, 1+4+N, or a 3–4 digit code such as 135.
RE_BARE_FORMULA = re.compile(r"(?<![A-Za-z0-9.+＋\-])(?:\d+(?:[+＋](?:\d+|[A-Za-z]))+|\d{3,4})(?![0-9.%％])")
#: An unquoted chain that starts with 党建+: 党建+工作生态链, 党建+网格.
RE_BARE_CHAIN = re.compile(f"党建[+＋][{CJK}]{{2,8}}")
#: A half of a parallel name starting with one of these counts something (一个又一个, 三次两次).
COUNT_WORDS = set("个项次条批届年月日天周轮代位名家件分")
#: A counted name after the list of its parts is this short (四张清单, 四维覆盖模式, 五大功能性平台), not a
#: description (三个产业链党建联盟).
MAX_COUNTED_LIST_NAME = 7


def unquoted_mentions(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """The names a sentence gives without quotes (see the module docstring), in the order of the finders."""
    return [
        *_bare_formulas(sentence, rules),
        *_parallel_names(sentence, rules),
        *_verb_head_names(sentence, rules),
        *_counted_lists(sentence, rules),
        *keyed_lists(sentence, rules),
    ]


def _bare_formulas(sentence: str, rules: InitiativeRules) -> list[Mention]:
    if not may_hold_formula(sentence):
        return []  # most sentences, spared the patterns
    out = []
    for m in RE_BARE_FORMULA.finditer(sentence):
        name = m.group(0)
        if name.isdigit() and not is_formula(name, rules):
            continue
        run = descriptor_run(sentence, m.end(), rules)
        head = next((h for h in rules.formula_heads if run.endswith(h) or run.startswith(h)), None)
        if head and len(run) <= rules.max_numbered_descriptor_chars:
            descriptor = run if run.endswith(head) else head
            out.append(make_mention(name, name + descriptor, m.start(), m.end() + len(descriptor), rules))
    for m in RE_BARE_CHAIN.finditer(sentence):
        out.append(make_mention(m.group(0), m.group(0), m.start(), m.end(), rules))
    return out


def may_hold_formula(sentence: str) -> bool:
    """Whether RE_BARE_FORMULA or RE_BARE_CHAIN can match: the sentence has a digit or 党建+."""
    return bool(RE_DIGITS.search(sentence)) or "党建+" in sentence or "党建＋" in sentence


def _parallel_names(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """三横三纵, 双培双争, 一组织一品牌: a numeral and 1–2 characters, twice, the halves of one length, the
    name starting and ending where the segmenter's words do (not 两地进一步加|强)."""
    low, high = rules.parallel_half_chars
    if not _parallel_pattern(low, high).search(sentence):
        return []  # no two numerals as far apart as a half: most sentences, spared the loop
    out = []
    bounds: set[int] | None = None
    for size in range(high, low - 1, -1):
        for m in _parallel_pattern(size).finditer(sentence):
            name = m.group(1)
            start, end = m.start(1), m.start(1) + len(name)
            if any(c in NUMERALS for c in (name[1 : 1 + size] + name[2 + size :])):
                continue  # 一二三四: digits, not a name
            if start and sentence[start - 1] in NUMERALS or name in rules.stoplist:
                continue  # 二十届三中: part of a longer number
            if any(half[0] in COUNT_WORDS for half in (name[1 : 1 + size], name[2 + size :])):
                continue  # 一个又一个: counting, not a name
            if any(name.startswith(marker) for series in rules.ordinal_markers for marker in series):
                continue  # 一是在两新组织…: an item's number, not a name
            if _is_idiom(name, rules) or overlaps((start, end), [(x.start, x.end) for x in out]):
                continue
            bounds = bounds if bounds is not None else segment.word_bounds(sentence)  # cut once, when needed
            if not {start, end} <= bounds:
                continue  # 两地进一步加|强, 新|四军四师: a name starts and ends where words do
            out.append(make_mention(name, name, start, end, rules))  # 一组织一品牌 is a brand: no count
    return out


@cache
def _parallel_pattern(size: int, largest: int | None = None) -> re.Pattern[str]:
    """Two halves of `size` characters, each after a numeral (overlapping matches: a lookahead); with
    `largest`, a numeral, `size` to `largest` characters and a numeral: what any of those sizes needs."""
    if largest is not None:
        return re.compile(f"[{NUMERALS}][{CJK}]{{{size},{largest}}}[{NUMERALS}]")
    return re.compile(f"(?=([{NUMERALS}][{CJK}]{{{size}}}[{NUMERALS}][{CJK}]{{{size}}}))")


def _is_idiom(word: str, rules: InitiativeRules) -> bool:
    entry = dictionary_entry(word)
    return entry is not None and entry[1].startswith(rules.idiom_tags)


def _verb_head_names(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """亮出红领经开党建品牌, 创新实施红客计划: a short name between a programme verb and a head."""
    out = []
    for m in rules.re_verb_head.finditer(sentence):  # compiled once with the rules, not per sentence
        name, head = m.group(1), m.group(0)[m.end(1) - m.start() :]
        if name[0] in rules.name_bad_starts:
            continue  # 推出的党建专项行动: a function word, not a name
        if head not in rules.unquoted_heads and not _numeral_name(name, rules):
            continue  # 构建五心服务体系 names a system, 构建服务体系 and 建立三级网格管理机制 do not
        if name in rules.stoplist or dictionary_entry(name) or name.startswith(("党建", "特色", "品牌")):
            continue  # a common word (党建品牌, 人才计划) is no name
        out.append(make_mention(name, m.group(0)[m.start(1) - m.start() :], m.start(1), m.end(), rules))
    return out


def _numeral_name(name: str, rules: InitiativeRules) -> bool:
    """A name made of a numeral and what it stands for (五心, 三联), not a count in measure words or levels
    (两项, 三级: initiatives.json measure_words, level_words)."""
    m = rules.re_numeral.match(name)
    return bool(m) and name[m.end() : m.end() + 1] not in (*rules.measure_words, *rules.level_words, "")


def _counted_lists(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """明确任务、责任、进度、问题四张清单: a list of parallel items right before a counted name whose count
    is the number of items (at least that number after 等: A、B、C等七大行动; the last two may be joined by
    和: 仓储物流和跨境电商五大产业联盟) and whose words end with a head; the items are its parts."""
    if "、" not in sentence:
        return []  # no list: most sentences, spared the pattern
    out = []
    for m in counted_list_matches(sentence, rules.re_counted_list):
        items = m.group(1).split("、")
        run = descriptor_run(sentence, m.start(3), rules)  # 四张清单, up to punctuation or 和
        short = len(run) <= MAX_COUNTED_LIST_NAME
        name = run if short and is_descriptor(run, numbered=False, rules=rules) else ""
        count, _ = count_of(name, rules) if name else (None, None)
        if count == len(items) + 1:  # 仓储物流和跨境电商五大产业联盟: the last two items joined by 和
            last = rules.re_joiner.split(items[-1], maxsplit=1)
            if len(last) == 2 and min(map(len, last)) >= LIST_ITEM_CHARS[0]:
                items[-1:] = last
        if (
            count is None
            or name in rules.stoplist
            or not (count == len(items) or m.group(2) and count > len(items))
        ):
            continue
        out.append(_list_mention(name, m.start(3) + len(name), m, items, rules))
    return out


def keyed_lists(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """先锋圈、政务圈、…、邻里圈五圈融合发展 → 五圈融合: a list, a numeral as large as the list is long, the
    character every item holds and a word of union (`keyed_tails`) name what the list makes up; the items are
    its parts."""
    if "、" not in sentence:
        return []
    out = []
    for m in counted_list_matches(sentence, rules.re_keyed_list):
        name = sentence[m.start(2) : m.end()]
        mention = _list_mention(name, m.end(), m, m.group(1).split("、"), rules)
        if (
            count_of(name, rules)[0] == len(mention.parts)
            and all(m.group(3) in part for part in mention.parts)
            and name not in rules.stoplist
        ):
            out.append(mention)
    return out


def _list_mention(name: str, end: int, m: re.Match, items: list[str], rules: InitiativeRules) -> Mention:
    """The name ending at `end` after the list `m` matched (its group 1), with the list's items as its parts;
    the first item is the end of the characters before the list's first 、."""
    before = items[0]
    items = [_first_item(before, max(len(i) for i in items[1:])), *items[1:]]
    start = m.start(1) + len(before) - len(items[0])
    mention = make_mention(name, name, start, end, rules)
    return Mention(**{**mention.__dict__, "parts": tuple(items)})


def _first_item(run: str, widest: int) -> str:
    """A list's first item out of the characters before its 、: at most as wide as the widest other item,
    starting where a word other than a verb does (明确任务 → 任务; 整合形成信息共享 → 信息共享, not 成信息共享;
    嵌入甲乙 → 甲乙)."""
    offset, starts = 0, []
    for word, tag in segment.tag(run):
        starts.append((offset, tag))
        offset += len(word)
    fits = (run[i:] for i, tag in starts if len(run) - i <= widest and not tag.startswith("v"))
    return next(fits, run[-widest:])


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)
