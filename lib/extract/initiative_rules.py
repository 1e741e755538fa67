"""The rules of initiatives (data/rules/initiatives.json), compiled once per content: the word lists and
regular expressions lib.extract.initiative_names, initiative_mentions, unquoted_names and the part finders read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK
from lib.reading import dates

#: How long an item of a list before a counted name is (明确任务、责任、进度、问题四张清单), in Chinese characters.
LIST_ITEM_CHARS = (2, 8)
LIST_ITEM = f"[{CJK}]{{{LIST_ITEM_CHARS[0]},{LIST_ITEM_CHARS[1]}}}"


@dataclass(frozen=True, eq=False)
class InitiativeRules:
    date_rules: dates.DateRules  # a 4-digit code that is a year is no formula
    descriptor_heads: tuple[str, ...]
    numbered_heads: tuple[str, ...]
    brand_heads: tuple[str, ...]
    self_heads: tuple[str, ...]
    programme_verbs: tuple[str, ...]
    brand_verbs: tuple[str, ...]
    launch_verbs: tuple[str, ...]
    leading_heads: tuple[str, ...]  # “X”党建品牌工作清单: a head that names the term even with more after it
    max_verb_gap: int
    list_links: tuple[str, ...]
    of_links: tuple[str, ...]  # 的 between a quoted term and a head of of_heads
    example_marks: tuple[str, ...]  # 等: a list before a brand's name gives its parts
    name_bad_starts: str  # an unquoted name never starts with one of these (的)
    of_heads: tuple[str, ...]
    descriptor_stops: str
    re_descriptor_stop: re.Pattern  # where a run (RE_RUN) stops: a stop, or a digit after its start
    descriptor_bad_starts: str
    descriptor_bad_start_words: tuple[str, ...]
    descriptor_tails: tuple[str, ...]  # “红链下午茶”活动上: where the head is, not what it is
    max_descriptor_chars: int  # after a plain name
    max_numbered_descriptor_chars: int  # after a formula, counted name or slogan
    min_name_chars: int
    max_name_chars: int
    stoplist: frozenset[str]
    contrast_frames: tuple[tuple[str, str], ...]
    contrast_ends: tuple[str, ...]  # every word of contrast_frames: what a framed clause ends with
    problem_words: tuple[str, ...]
    award_before: tuple[str, ...]
    award_after: tuple[str, ...]
    chain_of_products: tuple[str, ...]  # “煤—焦—气”产业链: the words of its clause end so
    measure_words: str  # 个项条…: what a count is counted in
    level_words: str  # 级层: 三级网格 counts levels, it names no programme
    core_frames: tuple[tuple[str, str], ...]  # 以A为核心: the one thing a formula's 1 may be
    #: 以“A”为抓手: a quoted term framed as the way a zone works; (before, the afters it takes), one per before
    role_frames: tuple[tuple[str, tuple[str, ...]], ...]
    open_counts: tuple[str, ...]  # 若干个: what a formula's N or X may be written as
    superlative_prefixes: tuple[str, ...]
    question_words: tuple[str, ...]
    unquoted_heads: tuple[str, ...]
    formula_heads: tuple[str, ...]
    unquoted_chars: tuple[int, int]
    parallel_half_chars: tuple[int, int]
    idiom_tags: tuple[str, ...]
    numerals: dict[str, int]
    non_count_units: tuple[str, ...]
    merged_tails: tuple[str, ...]  # 三区合一 counts the three merged, not 3 + 1
    organisation_heads: tuple[str, ...]  # “某某临时党支部” is an organisation
    device_tails: tuple[str, ...]  # “新城建设党员先锋岗”: a device every Party organisation has, renamed
    event_heads: tuple[str, ...]  # 召开“…暨半年度工作总结表彰大会”: the title of a meeting, no programme
    goal_tails: tuple[str, ...]  # 打造“西部智造产业新高地”: what a zone aims to become, no programme …
    goal_keep_words: tuple[str, ...]  # … unless a Party-building word is in it (“…党建示范区”)
    higher_level_owners: tuple[str, ...]  # 紧扣市委“1+233”: a city's programme, not the zone's
    higher_level_words: tuple[str, ...]  # 列入市“222工程”: the word right before the name
    counted_generic_nouns: tuple[str, ...]  # “A、B、C”三个方面: what a list is counted in, no name
    of_link_topics: tuple[str, ...]  # A、B、C的党建“三联”机制: a topic word between 的 and the name
    generic_names: frozenset[str]  # “新机制”, “大党建”: a prefix and a generic word
    expression_marks: str  # “1+1>2”
    open_chain_heads: frozenset[str]  # “党建+模式”: 模式 is what 党建+ is, not its second term
    max_count: int
    lead_verbs: tuple[str, ...]
    max_lead_chars: int
    ordinal_markers: tuple[tuple[str, ...], ...]
    type_suffix: str
    max_follow_paragraphs: int
    #: numeral, optional measure word, the character counted: 五|个|一…, 六||联工作法.
    re_counted: re.Pattern
    re_numeral: re.Pattern
    #: Where a formula term is explained: “两个1”指…, “N”代表…, “1”是….
    re_explain: re.Pattern
    #: "两个" in front of a formula term in an explanation.
    re_multiple: re.Pattern
    re_joiner: re.Pattern
    #: Right after a counted name, the words that explain all its groups at once: “一站、一区”，即….
    re_explain_whole: re.Pattern
    #: What ends the last item of a list: 等…, or a count such as 4个区域党建工作站.
    re_tail: re.Pattern
    re_verb_head: re.Pattern  # 亮出红领经开党建品牌: a short name between a programme verb and a head
    #: An unquoted list and the counted name it makes up: 任务、责任、进度、问题四张清单.
    re_counted_list: re.Pattern
    #: A list, a numeral, the character each item holds, a word of union: 先锋圈、…、邻里圈五圈融合 (keyed_tails).
    re_keyed_list: re.Pattern


def load_initiative_rules(path: Path | None = None) -> InitiativeRules:
    """data/rules/initiatives.json (or another file), compiled once per content."""
    return rulefiles.compiled(
        _compile, path or config.rule_file("initiatives.json"), config.rule_file("dates.json")
    )


#: Word lists of initiatives.json taken as they are (a tuple each), the first ones required.
REQUIRED_LISTS = "brand_heads descriptor_bad_start_words problem_words award_before award_after superlative_prefixes question_words non_count_units".split()
OPTIONAL_LISTS = "example_marks chain_of_products merged_tails organisation_heads device_tails event_heads goal_tails goal_keep_words higher_level_owners higher_level_words counted_generic_nouns of_link_topics descriptor_tails".split()


def _compile(content: bytes | None, date_content: bytes | None) -> InitiativeRules:
    spec = rulefiles.json_rules(content, name="initiatives.json")
    generic = spec.get("generic_names", {})  # 新机制, 大平台: a prefix and a generic word name nothing
    numerals = {k: int(v) for k, v in spec["numerals"].items()}
    return InitiativeRules(
        date_rules=dates.compile_rules(date_content),
        descriptor_heads=rulefiles.longest_first(spec["descriptor_heads"]),
        numbered_heads=rulefiles.longest_first(spec["numbered_heads"]),
        self_heads=rulefiles.longest_first(spec["self_heads"]),
        programme_verbs=rulefiles.longest_first(spec["programme_verbs"]),
        brand_verbs=rulefiles.longest_first(spec["brand_verbs"]),
        launch_verbs=rulefiles.longest_first(spec["launch_verbs"]),
        leading_heads=rulefiles.longest_first(spec.get("leading_heads", [])),
        max_verb_gap=int(spec["max_verb_gap"]),
        list_links=rulefiles.longest_first(spec["list_links"]),
        of_links=rulefiles.longest_first(spec["of_links"]),
        name_bad_starts=spec["name_bad_starts"],
        of_heads=rulefiles.longest_first(spec["of_heads"]),
        descriptor_stops=spec["descriptor_stops"],
        descriptor_bad_starts=spec["descriptor_bad_starts"],
        max_descriptor_chars=int(spec["max_descriptor_chars"]["named"]),
        max_numbered_descriptor_chars=int(spec["max_descriptor_chars"]["numbered"]),
        min_name_chars=int(spec["name_chars"]["min"]),
        max_name_chars=int(spec["name_chars"]["max"]),
        stoplist=frozenset(spec["stoplist"]),
        contrast_frames=tuple((a, b) for a, b in spec["contrast_frames"]),
        contrast_ends=tuple(word for frame in spec["contrast_frames"] for word in frame),
        measure_words=spec["measure_words"],
        level_words=spec.get("level_words", ""),
        core_frames=tuple((a, b) for a, b in spec.get("core_frames", [])),
        role_frames=tuple(  # grouped by what stands before: one test of it per quoted term
            (b, tuple(a for x, a in spec.get("role_frames", []) if x == b))
            for b in dict.fromkeys(x for x, _ in spec.get("role_frames", []))
        ),
        open_counts=rulefiles.longest_first(spec.get("open_counts", [])),
        unquoted_heads=rulefiles.longest_first(spec["unquoted_heads"]),
        formula_heads=rulefiles.longest_first(spec["formula_heads"]),
        unquoted_chars=tuple(spec["name_chars"]["unquoted"]),
        parallel_half_chars=tuple(spec["parallel_names"]["half_chars"]),
        idiom_tags=tuple(spec["parallel_names"]["idiom_tags"]),
        numerals=numerals,
        open_chain_heads=frozenset(spec.get("open_chain_heads", [])),
        generic_names=frozenset(p + w for p in generic.get("prefixes", []) for w in generic.get("words", [])),
        expression_marks=spec.get("expression_marks", ""),
        max_count=int(spec["max_count"]),
        lead_verbs=rulefiles.longest_first(spec["lead_verbs"]),
        max_lead_chars=int(spec["max_lead_chars"]),
        ordinal_markers=tuple(tuple(series) for series in spec["ordinal_markers"]),
        type_suffix=spec["type_suffix"],
        max_follow_paragraphs=int(spec["max_follow_paragraphs"]),
        **{key: tuple(spec[key]) for key in REQUIRED_LISTS},
        **{key: tuple(spec.get(key, [])) for key in OPTIONAL_LISTS},
        **_patterns(spec, numerals),
    )


def _patterns(spec: dict, numerals: dict[str, int]) -> dict[str, re.Pattern]:
    """The rules' regular expressions (the re_ fields of InitiativeRules), compiled once per content."""
    num = f"(?:\\d+|[{re.escape(''.join(numerals))}]+)"
    measure = f"[{re.escape(spec['measure_words'])}]"
    explain = "|".join(map(re.escape, rulefiles.longest_first(spec["explain_verbs"])))
    joiners = "|".join(map(re.escape, rulefiles.longest_first(spec["enumeration_joiners"])))
    return dict(
        re_descriptor_stop=re.compile(f"{rulefiles.alternation(spec['descriptor_stops'])}|(?<=.)[0-9]"),
        re_counted=re.compile(f"({num})({measure})?(?=[{CJK}])"),
        re_numeral=re.compile(num),
        re_explain=re.compile(f"“([^“”]{{1,8}})”[，,：:]?(?:{explain})"),
        re_multiple=re.compile(f"({num}){measure}(.+)"),
        re_joiner=re.compile(f"{joiners}|、"),
        re_explain_whole=re.compile(f"[，,：:]?(?:{rulefiles.alternation(spec['whole_explain_verbs'])})"),
        re_tail=re.compile(f"等.*$|(?<=.){num}{measure}.*$"),
        re_verb_head=re.compile(
            f"(?:{rulefiles.alternation(spec['programme_verbs'])})"
            f"([{CJK}]{{{spec['name_chars']['unquoted'][0]},{spec['name_chars']['unquoted'][1]}}}?)"
            f"(?:{rulefiles.alternation([*spec['unquoted_heads'], *spec.get('numbered_unquoted_heads', [])])})"
            f"(?![{CJK}])"
        ),
        re_keyed_list=re.compile(
            f"((?:{LIST_ITEM}、)+{LIST_ITEM})([{re.escape(''.join(numerals))}])([{CJK}])"
            f"(?:{rulefiles.alternation(spec.get('keyed_tails', []))})"
        ),
        re_counted_list=re.compile(
            f"((?:{LIST_ITEM}、)+(?:{LIST_ITEM}(?:{joiners}))?{LIST_ITEM}?)(等)?"
            f"({num}{measure}[{CJK}]{{1,{spec['max_descriptor_chars']['numbered']}}})"
        ),
    )
