"""Parks that no list has and no place names: 天子湖园区, 金桥电子商务产业园, 杭州未来科技城.

The last resort of `zones.detect_zone`, for an article in which neither the gazetteer nor a place
before a zone suffix names a zone. A candidate is a short name (words tagged as names, nouns or times,
`park_name_tags`) before a park suffix (the generic zone suffixes and `park_suffixes` of zones.json:
园区, 工业村 …); place names before it are kept for the zone's province and city, not in its name. A
candidate is taken only when the article names it at least `park_mentions` times: a report about a
park names it again and again, while a passing 软件园区 or 科创园区 does not make a zone. The rules are in
`data/rules/zones.json`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK, RE_CJK_RUN_END
from lib.extract.entity_rules import dictionary_entry, short_name_uses
from lib.extract.places import join_split_places, locate
from lib.text import segment

#: A place in brackets right before a park's suffix: 力合科创(佛山)科技园.
RE_BRACKETED_END = re.compile(f"[（(]([{CJK}]{{2,4}})[)）]$")

#: Dots that join the words of one name: 首放·锡林郭勒奶酪文化产业园.
NAME_DOTS = "·•・"


@dataclass(frozen=True)
class ParkRules:
    re_suffix: re.Pattern
    suffix_type: dict[str, str]
    name_tags: frozenset[str]
    generic_words: frozenset[str]  # words that do not name a park on their own (软件, 科创 …)
    name_verbs: frozenset[str]  # words tagged verbs that park names use as nouns: 创意, 孵化 …
    host_words: tuple[str, ...]  # 大学: a university names its park whatever its tag (清华大学科技园)
    rare_verb_count: int  # a verb the dictionary lists this often or less is a name (才纳园区)
    max_name_chars: int
    mentions: int
    function_tags: frozenset[str]  # single characters of these tags never make a name: 的, 在, 和 …
    place_named_suffix_chars: int  # a suffix this long may follow a place alone: 保定国家大学科技园
    place_generic_suffix_chars: int  # … or a place and generic words: 平顶山数字产业创新基地
    feature_chars: frozenset[str]  # characters that end a place's name whatever their tag: 瓯江口, 螺蛳湾
    re_governing: re.Pattern | None  # a zone's own bodies after its name: 党工委, 管委会
    not_governed_tails: tuple[str, ...]  # names of bodies that are no zone: 街道, 机关, 中心 …
    tail_bad_starts: str  # characters a repeated park name never starts with: the 区 of 辖区, 的, 在 …
    name_bad_ends: tuple[str, ...]  # what a park's own name never ends with: the 在 of 建在园区, 落户 …
    tail_bad_ends: tuple[str, ...]  # what the words before a zone's name never end with: 市委, 政府 …
    subject_mentions: int  # a park named this often outweighs a zone the gazetteer lacks named once
    subject_bad_words: tuple[str, ...]  # words of names that are honours or Party bases: 红色园区, 党建…基地


def park_rules() -> ParkRules:
    return rulefiles.compiled(_compile, config.rule_file("zones.json"))


def _compile(content: bytes | None) -> ParkRules:
    spec = rulefiles.json_rules(content, name="zones.json")
    types = {s["suffix"]: s.get("type", s["canonical"]) for s in spec["generic_suffixes"]}
    types.update({s["suffix"]: s.get("type", s["suffix"]) for s in spec.get("park_suffixes", [])})
    return ParkRules(
        re_suffix=re.compile(rulefiles.alternation(types)),
        suffix_type=types,
        name_tags=frozenset(spec.get("park_name_tags", ["ns", "nr", "nz", "n", "t", "j"])),
        generic_words=frozenset(spec.get("park_generic_words", [])),
        name_verbs=frozenset(spec.get("park_name_verbs", [])),
        host_words=tuple(spec.get("park_host_words", [])),
        rare_verb_count=int(spec.get("park_rare_verb_count", 0)),
        max_name_chars=int(spec.get("park_max_name_chars", 6)),
        mentions=int(spec.get("park_mentions", 2)),
        function_tags=frozenset(spec.get("park_function_tags", [])),
        place_named_suffix_chars=int(spec.get("park_place_named_suffix_chars", 99)),
        place_generic_suffix_chars=int(spec.get("park_place_generic_suffix_chars", 99)),
        feature_chars=frozenset(spec.get("park_feature_chars", [])),
        re_governing=re.compile(rulefiles.alternation(spec["governing_bodies"]))
        if spec.get("governing_bodies")
        else None,
        not_governed_tails=tuple(spec.get("not_governed_tails", [])),
        tail_bad_starts="".join(spec.get("park_tail_bad_starts", [])),
        name_bad_ends=tuple(spec.get("park_name_bad_ends", [])),
        tail_bad_ends=tuple(spec.get("park_tail_bad_ends", [])),
        subject_mentions=int(spec.get("subject_park_mentions", 99)),
        subject_bad_words=tuple(spec.get("subject_park_bad_words", [])),
    )


@dataclass(frozen=True)
class Park:
    name: str  # 天子湖园区
    full_name: str  # 安吉县天子湖园区, as first written with its place
    type: str
    province: str
    city: str


def named_park(text: str, places, not_place: tuple[str, ...]) -> Park | None:
    """The park the text names most often, at least `park_mentions` times; None if there is none."""
    rules = park_rules()
    counts: Counter = Counter()
    found: dict[str, Park] = {}
    for m in rules.re_suffix.finditer(text):
        park = _candidate(text, m, rules, places, not_place)
        if park is not None:
            counts[park.name] += 1
            if park.name not in found or len(park.full_name) > len(found[park.name].full_name):
                found[park.name] = park  # the fullest form it is written in (安吉县天子湖园区)
    _merge_abbreviations(counts, found)
    # 瑞光创意工厂文创园（下称“园区”）: every later 园区 names the park
    counts.update(short_name_uses(text, {name: (found[name].full_name, name) for name in counts}))
    ranked = [name for name, n in counts.most_common() if n >= rules.mentions]
    return found[ranked[0]] if ranked else None


def subject_park(text: str, named_once: str, places, not_place) -> Park | None:
    """A park the text keeps naming (`subject_park_mentions` times: 天地软件园 five times) where the only
    zone it names by a generic pattern, `named_once`, is named once in passing (普陀产业园); None if there
    is none or its name holds one of `subject_park_bad_words` (红色园区 is an honour, not a park)."""
    rules = park_rules()
    park = named_park(text, places, not_place) or repeated_park(text, places, not_place)
    if park is None or text.count(park.name) < rules.subject_mentions:
        return None
    if park.name.removesuffix(_suffix_of(park)) in named_once:  # 汽车城园区 of 花都汽车城: the same zone
        return None
    return None if any(w in park.full_name for w in rules.subject_bad_words) else park


def repeated_park(text: str, places, not_place) -> Park | None:
    """A park whose name the segmenter breaks (宝|运达|物流园, 晟|象|智慧|物流园): the same characters written
    before one park suffix at least `park_mentions` times, after different characters or a punctuation mark
    (为宝运达物流园，、宝运达物流园), where the segmenter's words start at least once (not 国|家市级), not
    starting with one of `park_tail_bad_starts` (the 区 of 辖区) nor with a word that starts no name, nor
    made only of generic words. The longest such name; None if there is none."""
    rules = park_rules()
    runs: dict[str, list[str]] = {}
    for m in rules.re_suffix.finditer(text):
        if run := _run_before(text, m.start(), rules):
            runs.setdefault(m.group(0), []).append(run)
    found: set[tuple[str, str]] = set()
    for suffix, before in runs.items():
        for a, b in combinations(set(before), 2):
            tail = _shared_tail(a, b, 2 * rules.max_name_chars).lstrip(rules.tail_bad_starts)
            if len(tail) <= rules.max_name_chars and sum(r.endswith(tail) for r in before) >= rules.mentions:
                found.add((tail, suffix))
        for run, n in Counter(before).items():  # the same words every time, after a punctuation mark
            tail = run.lstrip(rules.tail_bad_starts)
            if (
                n >= rules.mentions
                and len(run) < 2 * rules.max_name_chars
                and len(tail) <= rules.max_name_chars
            ):
                found.add((tail, suffix))
    for tail, suffix in sorted(found, key=lambda f: (-len(f[0]), f)):
        tagged = join_split_places(segment.tag(tail), places)
        words = [w for w, _ in tagged]
        lead = next((i for i, w in enumerate(words) if not places.is_place(w)), len(words))
        own = words[lead:]
        if (
            len("".join(own)) >= 2
            and not tail.startswith(not_place)
            and not tail.endswith(rules.name_bad_ends)
            and not set(own) <= rules.generic_words
            and _starts_a_name(tagged[lead], rules)
            and any(_starts_word(r, tail) for r in runs[suffix] if r.endswith(tail))
        ):
            province, city = locate(words[:lead], places) if lead else ("", "")
            name = "".join(own) + suffix
            return Park(name, tail + suffix, rules.suffix_type[suffix], province, city)
    return None


def written_after(name: str, text: str, places, not_place) -> str:
    """The words every mention of a zone's name comes right after, when there are at least `park_mentions`
    mentions and the words are not only places (上海交大|嘉兴科技园 five times, 新民洲|临港产业园 twice): part of
    the name as the text writes it, unless they end like a governing body (`park_tail_bad_ends`); a word a
    middle dot joins to the name (首放·锡林郭勒…) is part of it whatever its tag. "" when the mentions differ, or
    start a sentence."""
    rules = park_rules()
    window = 2 * rules.max_name_chars
    runs = [_run_before(text, m.start(), rules, dotted=True) for m in re.finditer(re.escape(name), text)]
    if len(runs) < rules.mentions:
        return ""
    tail = runs[0]
    for run in runs[1:]:
        tail = _shared_tail(tail, run, window)
    tail = tail.lstrip(rules.tail_bad_starts)
    dotted = tail.endswith(tuple(NAME_DOTS))  # 首放·: a word a dot joins to the name is a name whatever it is
    if len(tail) < 2 or len(tail) > rules.max_name_chars or (tail.startswith(not_place) and not dotted):
        return ""
    if tail.endswith(rules.tail_bad_ends):  # 中共北京市委|大兴国际机场临空经济区: its governing body
        return ""
    tagged = join_split_places(segment.tag(tail.rstrip(NAME_DOTS)), places)
    if all(places.is_place(w) for w, _ in tagged) or not (dotted or _starts_a_name(tagged[0], rules)):
        return ""
    return tail if any(_starts_word(r, tail) for r in runs) else ""


def _starts_a_name(first: tuple[str, str], rules: ParkRules) -> bool:
    """Whether a word may start a park's name: no function word or numeral (千亿|级), no verb the dictionary
    lists (引领|园区, 调研|文化创意园); a single character of any tag may (砻|坊)."""
    word, tag = first
    if tag in rules.function_tags:
        return False
    return len(word) == 1 or not (tag.startswith("v") and dictionary_entry(word) is not None)


def _starts_word(run: str, tail: str) -> bool:
    """Whether the run's words have a boundary where the tail starts (为|宝运达, not 国|家市级)."""
    return len(run) - len(tail) in segment.word_bounds(run)


def _run_before(text: str, at: int, rules: ParkRules, *, dotted: bool = False) -> str:
    """The Chinese characters right before `at`, at most twice `park_max_name_chars` ("" if none); when
    `dotted`, with the middle dot that joins them to the name (首放·|锡林郭勒奶酪文化产业园)."""
    dot = text[at - 1 : at] if dotted and at > 0 and text[at - 1] in NAME_DOTS else ""
    run = RE_CJK_RUN_END.search(text[max(0, at - 2 * rules.max_name_chars) : at - len(dot)])
    return run.group(0) + dot if run else ""


def _shared_tail(a: str, b: str, window: int) -> str:
    """The characters both runs end with, when they start where the runs differ or one run starts (after a
    punctuation mark); "" when both runs are the same up to the window (no start in sight)."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return "" if k < 2 or (a == b and len(a) >= window) else a[len(a) - k :]


def governed_park(text: str, places, not_place) -> Park | None:
    """The name the text writes most often before a zone's own bodies (荣炳盐资源区党工委, 常州科教城管委会:
    `governing_bodies`), at least `park_mentions` times, when no suffix says what kind of zone it is; a
    street, an office or a centre with such a body (`not_governed_tails`) is none. None if there is none."""
    rules = park_rules()
    if rules.re_governing is None:
        return None
    counts: Counter = Counter()
    found: dict[str, Park] = {}
    for m in rules.re_governing.finditer(text):
        words = _name_before(text, m.start(), rules, places, not_place)
        lead = next((i for i, w in enumerate(words) if not places.is_place(w)), len(words))
        own = "".join(words[lead:])
        if (
            len(own) < 2
            or all(w in rules.generic_words for w in words[lead:])
            or own.endswith(rules.not_governed_tails)
            or rules.re_suffix.search(own)  # 园区党工委, 开发区管委会: a zone a suffix names, read elsewhere
        ):
            continue
        province, city = locate(words[:lead], places) if lead else ("", "")
        counts[own] += 1
        if own not in found or len("".join(words)) > len(found[own].full_name):
            found[own] = Park(own, "".join(words), "其他", province, city)
    ranked = [name for name, n in counts.most_common() if n >= rules.mentions]
    return found[ranked[0]] if ranked else None


def _merge_abbreviations(counts: Counter, found: dict[str, Park]) -> None:
    """Counts a park written short for a longer park with the same suffix (or a longer one ending so)
    whose name holds its characters in order but apart (上理工科技园, read 理工科技园, for
    上海理工大学国家大学科技园): one park, two ways of writing it."""
    suffixes = {name: _suffix_of(park) for name, park in found.items()}
    longest_first = sorted(counts, key=len, reverse=True)
    for short in reversed(longest_first):
        stem = short.removesuffix(suffixes[short])
        full = next(
            (
                n
                for n in longest_first
                if n in counts
                and len(n) > len(short)
                and suffixes[n].endswith(suffixes[short])  # 国家大学科技园 for 科技园, not 园区 for 产业园
                and not n.endswith(short)  # 培育天子湖园区: a longer reading of 天子湖园区, no full name
                and _in_order(stem, n)
            ),
            None,
        )
        if full is not None and len(stem) >= 2:
            counts[full] += counts.pop(short)


def _suffix_of(park: Park) -> str:
    """The longest suffix a park's name ends with: 科技园 of 理工科技园, 国家大学科技园 of 清华大学国家大学科技园."""
    return max((s for s in park_rules().suffix_type if park.name.endswith(s)), key=len, default="")


def _in_order(chars: str, name: str) -> bool:
    """Whether every character of `chars` is in `name`, in the same order."""
    it = iter(name)
    return all(c in it for c in chars)


def _candidate(text: str, m: re.Match, rules: ParkRules, places, not_place) -> Park | None:
    bracket = RE_BRACKETED_END.search(text, max(0, m.start() - 8), m.start())
    if bracket is not None and not places.is_place(bracket.group(1)):
        bracket = None
    # 力合科创(佛山)科技园: a city in brackets before the suffix, the name before it
    words = _name_before(text, bracket.start() if bracket else m.start(), rules, places, not_place)
    lead = 0
    while lead < len(words) and places.is_place(words[lead]) and _nested(words[:lead], words[lead], places):
        lead += 1  # 安吉县 天子 湖: the place says where, the rest is the park's own name
    own = "".join(words[lead:])
    suffix = m.group(0)
    generic = (
        all(w in rules.generic_words for w in words[lead:])
        and len(suffix) >= rules.place_generic_suffix_chars
    )
    if (
        lead
        and (not own or own in rules.feature_chars or generic)
        and len(suffix) >= rules.place_named_suffix_chars
    ):
        # 保定|国家大学科技园, 椒江|口|产业集聚区, 平顶山|数字产业|创新基地: a park named after its place
        own = "".join(words)
    elif len(own) < 2 or all(w in rules.generic_words for w in words[lead:]):
        return None
    if own.endswith(rules.name_bad_ends):  # 建在|园区, 落户|园区: a verb that puts something in a park
        return None
    where = words[:lead] or ([bracket.group(1)] if bracket else [])
    province, city = locate(where, places) if where else ("", "")
    inside = bracket.group(0) if bracket else ""
    return Park(
        own + inside + suffix, "".join(words) + inside + suffix, rules.suffix_type[suffix], province, city
    )


def _nested(where: list[str], word: str, places) -> bool:
    """Whether a place word lies in the province the places before it name (隆尧县 after 河北省), so that it
    says where the park is; 东方 after 河北省隆尧县 is 海南's 东方市, so a word of the park's own name."""
    province = locate(where, places)[0] if where else ""
    return not province or any(p.province == province for p in places.find(word))


def _name_before(text: str, start: int, rules: ParkRules, places, not_place) -> list[str]:
    """The words of the name that ends at `start`, read backwards: names, nouns and times, at most
    `park_max_name_chars` characters, ending at a word before a place that starts the name."""
    run = _run_before(text, start, rules)
    if not run:
        return []
    tagged = join_split_places(segment.tag(run), places)
    words: list[str] = []
    for word, tag in reversed(tagged):
        named = (
            tag in rules.name_tags
            or word in rules.name_verbs  # 瑞光|创意|工厂 文创园
            or word.endswith(rules.host_words)
            or _unknown_word(word, tag, rules)
            or places.is_place(word)  # 保定 (tagged a verb)
            or word in rules.feature_chars  # 瓯江|口 (口 tagged a measure word)
        )
        if not named or word.startswith(not_place):
            break
        if sum(map(len, words)) + len(word) > rules.max_name_chars:
            break
        if words and places.is_place(words[0]) and not places.is_place(word) and _named(words, rules, places):
            break  # 黄华来|盐城 环保: a place starts the name, what comes before it is another phrase
        words.insert(0, word)
    if not words:  # 新|站|高新区: a name the segmenter does not know falls apart into single characters
        words = _single_characters(tagged, rules, not_place)
    return words


def _unknown_word(word: str, tag: str, rules: ParkRules) -> bool:
    """A word of two or more characters the dictionary does not list, or lists as a verb at most
    `park_rare_verb_count` times, which the segmenter tagged a verb (恼包|园区, 才纳|园区): a name, not a verb."""
    entry = dictionary_entry(word)
    return len(word) >= 2 and tag.startswith("v") and (entry is None or entry[0] <= rules.rare_verb_count)


def _named(words: list[str], rules: ParkRules, places) -> bool:
    """Whether the words after the places they start with name something of their own (盐城 环保), not
    only a generic word (吉林 总部 of 八戒吉林总部园区: the name goes on before the place)."""
    own = words[next((i for i, w in enumerate(words) if not places.is_place(w)), len(words)) :]
    return bool(own) and not all(w in rules.generic_words for w in own)


def _single_characters(tagged: list[tuple[str, str]], rules: ParkRules, not_place) -> list[str]:
    """The single characters right before a suffix, as one name, when there are two or three of them and
    none is a function word (新|站 → 新站)."""
    chars: list[str] = []
    for word, tag in reversed(tagged):
        if len(word) != 1 or tag in rules.function_tags or word.startswith(not_place) or len(chars) == 3:
            break
        chars.insert(0, word)
    return ["".join(chars)] if len(chars) >= 2 and len(chars) <= rules.max_name_chars else []
