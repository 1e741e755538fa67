"""Where a sentence names an initiative. Rules in data/rules/initiatives.json (see its _help).

Quoted terms (“…”, or ‘…’ inside a quotation) are read with what stands around them. A term is an
initiative when
1. the words after it (or after the list of adjacent quoted terms it stands in, past 等 and the like) end
   with a head: “五个一”集成服务体系, “议事早餐会”“雨企同行”等系列品牌活动, “红心领航、连心强基”三大行动;
2. it ends with a head itself: “六联工作法”, “红色讲堂”;
3. a programme verb stands right before it (or before its list): 建立“红色家园”, 打响“核酸青甜”;
4. it is a formula or a chain of terms: “1+4+N”, “党建+网格”, “采集—研判—处置”;
unless it is stoplisted (national programmes and common metaphors: “两个覆盖”), a contrast (变“各自为战”为…),
a problem (“两张皮”问题), an honour (授予“…”称号), a prize category (“最具潜力”) or a question (“怎么建”).
Slogans (terms with 、 or ，) need a head after them.

Names written without quotes (实施135工作法, 三横三纵, 亮出红领经开党建品牌, 任务、责任、进度、问题四张清单) are
candidates too, where no quoted name covers them: lib.extract.unquoted_names.
"""

from __future__ import annotations

import re

from lib.core.chars import CJK, any_word, last_clause, proper_suffix
from lib.extract.entity_rules import dictionary_entry
from lib.extract.initiative_names import (
    BRAND,
    COUNTED,
    FORMULA,
    NUMERALS,
    RE_SLOGAN,
    RE_TERM,
    Mention,
    count_of,
    descriptor_run,
    is_descriptor,
    is_formula,
    is_open_chain,
    is_parallel_count,
    is_term_chain,
    make_mention,
)
from lib.extract.initiative_rules import InitiativeRules, load_initiative_rules
from lib.extract.unquoted_names import MAX_COUNTED_LIST_NAME, overlaps, unquoted_mentions
from lib.text import segment

#: Where a quoted term's clause ends.
RE_CLAUSE_END = re.compile(r"[，,；;。：:、“！？!?]")
#: Between adjacent quoted terms of one list: nothing, or a 、 or a comma.
RE_LIST_GAP = re.compile(r"[、，,]?")
#: A count of major parts and their head: 三大行动, 五大工程, 四项工程.
RE_MAJOR = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)[大项][\u4e00-\u9fff]{1,6}$")
#: Between quoted terms each led by its own field: 农村基层党建“夯基固本”、社区党建“释能增效”….
RE_FIELD_GAP = re.compile(f"、[{CJK}]{{1,8}}")


#: A numeral before a quoted character or two: 五“青”举措, 三“红”工程 (the count's key quoted for emphasis).
RE_NUMERAL_QUOTED = re.compile(f'(?<![{NUMERALS}0-9])[{NUMERALS}][“"‘]([{CJK}]{{1,2}})[”"’]')


def find_initiative_mentions(sentence: str, *, rules: InitiativeRules | None = None) -> list[Mention]:
    """The initiatives one sentence names, in text order (see the module docstring)."""
    rules = rules or load_initiative_rules()
    groups = _fielded_lists(sentence, quoted_groups(sentence), rules)
    counted = _numeral_quoted(sentence, rules)
    quoted = [m for group in groups for m in _group_mentions(sentence, group, rules)]
    quoted = counted + [
        m for m in quoted if not overlaps((m.start, m.end), [(c.start, c.end) for c in counted])
    ]
    covered = [(m.start, m.end) for m in quoted] + [t.span() for t in RE_TERM.finditer(sentence)]
    unquoted = [m for m in unquoted_mentions(sentence, rules) if not overlaps((m.start, m.end), covered)]
    return sorted(quoted + unquoted, key=lambda m: m.start)


def _numeral_quoted(sentence: str, rules: InitiativeRules) -> list[Mention]:
    """五“青”举措: a numeral, a quoted character or two and a head right after: the counted name 五青."""
    out = []
    for m in RE_NUMERAL_QUOTED.finditer(sentence) if any(q in sentence for q in '“"‘') else ():
        run = descriptor_run(sentence, m.end(), rules)
        head = max((h for h in rules.descriptor_heads if run.startswith(h)), key=len, default="")
        if head:
            name = sentence[m.start()] + m.group(1)
            out.append(
                make_mention(
                    name, sentence[m.start() : m.end()] + head, m.start(), m.end() + len(head), rules
                )
            )
    return out


def quoted_groups(sentence: str) -> list[list[re.Match]]:
    """The quoted terms of a sentence, grouped where they stand next to each other (“A”“B”、“C”)."""
    groups: list[list[re.Match]] = []
    for m in RE_TERM.finditer(sentence):
        if groups and RE_LIST_GAP.fullmatch(sentence[groups[-1][-1].end() : m.start()]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _fielded_lists(
    sentence: str, groups: list[list[re.Match]], rules: InitiativeRules
) -> list[list[re.Match]]:
    """Joins quoted terms that each follow their own field, or a joiner, into one list when a count of as
    many major parts follows the last: 农村党建“夯基固本”、社区党建“释能增效”、机关党建“品牌创建”三项工程,
    “楼宇大党委”、“楼宇议事会”和“先锋专委会”三大平台."""
    out: list[list[re.Match]] = []
    i = 0
    while i < len(groups):
        j = i
        while j + 1 < len(groups) and _field_gap(
            sentence[groups[j][-1].end() : groups[j + 1][0].start()], rules
        ):
            j += 1
        terms = [m for g in groups[i : j + 1] for m in g]
        run = descriptor_run(sentence, terms[-1].end(), rules)
        counted = RE_MAJOR.match(run) and count_of(run, rules)[0] == len(terms)
        if j > i and counted and is_descriptor(run, numbered=True, rules=rules):
            out.append(terms)
        else:
            out += groups[i : j + 1]
        i = j + 1
    return out


def _field_gap(gap: str, rules: InitiativeRules) -> bool:
    """Whether the words between two quoted terms may join them into one counted list: a field
    (、社区党建) or a joiner (“A”、“B”和“C”三大平台: `enumeration_joiners`)."""
    return bool(RE_FIELD_GAP.fullmatch(gap) or rules.re_joiner.fullmatch(gap))


def _group_mentions(sentence: str, group: list[re.Match], rules: InitiativeRules) -> list[Mention]:
    head_at = group[-1].end()
    for link in rules.list_links:  # “A”“B”等系列品牌活动
        if sentence.startswith(link, head_at):
            head_at += len(link)
            break
    run = _run_after_of(sentence, head_at, rules) or descriptor_run(sentence, head_at, rules)
    verb_before = _verb_before(sentence[: group[0].start()], rules)
    major = _major_count(run, group, rules)
    counted = "" if major else _counted_name_after_list(run, group, rules)
    if major or counted:
        return [major_mention(sentence, group, counted or run, rules)]
    out = []
    for m in group:
        mention = _quoted_mention(sentence, m, (m.group(1) or m.group(2)).strip(), run, verb_before, rules)
        if mention:
            out.append(mention)
    return out


def _run_after_of(sentence: str, at: int, rules: InitiativeRules) -> str:
    """The head after 的 (an of_link) when it is a way of working: “联席、联建、联动”的工作机制 → 工作机制,
    or when a verb follows the head in the same run: 以“协调、联合、联动”的方式形成工作合力 → 方式."""
    link = next((link for link in rules.of_links if sentence.startswith(link, at)), None)
    if link is None:
        return ""
    run = descriptor_run(sentence, at + len(link), rules)
    if run.endswith(rules.of_heads) and len(run) <= rules.max_descriptor_chars:
        return run
    head = max((h for h in rules.of_heads if run.startswith(h)), key=len, default="")
    entry = dictionary_entry(run[len(head) : len(head) + 2]) if head else None
    return head if entry is not None and entry[1].startswith("v") else ""


def _major_count(run: str, group: list[re.Match], rules: InitiativeRules) -> bool:
    """Whether a list of quoted terms is the parts of a counted whole: “铸魂工程”…“合力工程”等五大工程,
    “红心领航、连心强基、匠心赋能”三大行动, “建、联、挂、派”四种方式."""
    members = [(g.group(1) or g.group(2)) for g in group]
    many = len(members) > 1 or bool(RE_SLOGAN.search(members[0]))
    count, key = count_of(run, rules)
    if len(members) == count and key and all(key in m for m in members) and len(run) <= MAX_COUNTED_LIST_NAME:
        return True  # “创新链”“产业链”“人才链”“服务链”四链融合: each term names one of what is counted
    if not many or not is_descriptor(run, numbered=True, rules=rules):
        return False
    if RE_MAJOR.match(run):
        return True
    # “单建式、联建式、苗圃式、孵化式”四维覆盖模式: one quoted list, counted with another measure word
    # (separately quoted names counted so, “A”“B”“C”三个品牌, are each a name of their own)
    items = [p for p in RE_SLOGAN.split(members[0]) if p]
    return len(members) == 1 and count == len(items) and len(run) <= MAX_COUNTED_LIST_NAME


def _counted_name_after_list(run: str, group: list[re.Match], rules: InitiativeRules) -> str:
    """The counted name right after one quoted list with as many items as it counts, with no head after it:
    its numeral word and the word after that (“区委主导、部门主推、街道主抓”三方协同推进… → 三方协同;
    “A、B、C”三步法), when a verb, an adverb or the run's end follows them; "" for a count of generic units
    (三个方面, `counted_generic_nouns`), of things a longer noun phrase describes (两大通关物流载体) or else."""
    members = [(g.group(1) or g.group(2)) for g in group]
    items = [p for p in RE_SLOGAN.split(members[0]) if p]
    words = segment.tag(run) if len(members) == 1 and len(items) > 1 else []
    if len(words) < 2 or words[1][1][:1] in "dpcur" or words[1][0] in rules.counted_generic_nouns:
        return ""
    if len(words) > 2 and not (words[2][1] == "v" or words[2][1][:1] in "dpc"):
        return ""  # 两大|通关|物流载体: the count describes a noun phrase, it names nothing
    name = words[0][0] + words[1][0]
    count, _ = count_of(name, rules)
    level = words[0][0][-1] in rules.level_words  # “A、B、C”的三级党建工作体系: levels, no name
    return name if count == len(items) and not level and name not in rules.stoplist else ""


def major_mention(sentence: str, group: list[re.Match], run: str, rules: InitiativeRules) -> Mention:
    members = [(g.group(1) or g.group(2)).strip() for g in group]
    parts = members if len(members) > 1 else [p for p in RE_SLOGAN.split(members[0]) if p]
    end = sentence.find(run, group[-1].end()) + len(run)
    mention = make_mention(run, sentence[group[0].start() : end], group[0].start(), end, rules)
    return Mention(**{**mention.__dict__, "parts": tuple(parts)})


def _quoted_mention(
    sentence: str, m: re.Match, name: str, run: str, verb_before: bool, rules: InitiativeRules
) -> Mention | None:
    longest = rules.max_name_chars * (2 if is_term_chain(name) else 1)  # a chain of organisations is long
    if not rules.min_name_chars <= len(name) <= longest or _rejected(sentence, m, name, rules):
        return None
    numbered = is_formula(name, rules) or is_term_chain(name) or count_of(name, rules)[0] is not None
    slogan = bool(RE_SLOGAN.search(name))
    # “加速器”, “示范园”: a common word, unless a head or a brand verb (擦亮“金钥匙”) names it
    common_word = dictionary_entry(name) is not None and not _verb_before(
        sentence[: m.start()], rules, rules.brand_verbs
    )
    # a verb's name may take a weaker head: 创新实施“红色产业链”建设
    descriptor = head_of(run, numbered=(numbered or verb_before) and not slogan, rules=rules)
    self_named = bool(proper_suffix(rules.self_heads).fullmatch(name))
    launched = run.startswith(rules.launch_verbs)
    chain = is_formula(name, rules) or is_term_chain(name) or is_open_chain(name)
    bare = not descriptor_run(sentence, m.end(), rules)
    framed = not slogan and any(  # 以“三联三创”为抓手: the way the zone works (a slogan still needs a head)
        sentence.endswith(before, 0, m.start()) and sentence.startswith(afters, m.end())
        for before, afters in rules.role_frames
    )
    if framed:
        accepted = True
    elif slogan:  # a slogan needs a head, unless each of its items is a count (“一厅、两中心、三站”)
        accepted = bool(descriptor) or is_parallel_count(RE_SLOGAN.sub("", name))
    elif is_parallel_count(name):  # “一台账四清单”, “六有七室一厅一统一”: a name by its shape
        accepted = True
    else:  # a verb introduces a name that ends its phrase: 建立“红色家园”, not 打造“花野营地”休闲空间
        accepted = (
            bool(descriptor) or self_named or chain or launched or (verb_before and bare and not common_word)
        )
    if not accepted and not numbered:
        return None
    at = sentence.find(descriptor, m.end()) if descriptor else m.end()
    mention = make_mention(
        name, f"“{name}”{descriptor}", m.start(), at + len(descriptor), rules, descriptor=descriptor
    )
    return mention if accepted else Mention(**{**mention.__dict__, "tentative": True})


def head_of(run: str, *, numbered: bool, rules: InitiativeRules) -> str:
    """The descriptor a run gives a name: the whole run when it ends with a head, else the longest part
    of it that ends with a head and is followed by a launch verb (“智造先锋”…四家党建联盟单位授牌)."""
    if is_descriptor(run, numbered=numbered, rules=rules):
        return run
    leading = next((h for h in rules.leading_heads if run.startswith(h) and len(run) > len(h)), "")
    if leading:  # “红色领航·益企经彩”党建品牌工作清单
        return leading
    for end in range(len(run) - 1, 0, -1):
        if run.startswith(rules.launch_verbs, end) and is_descriptor(
            run[:end], numbered=numbered, rules=rules
        ):
            return run[:end]
    return ""


def _rejected(sentence: str, m: re.Match, name: str, rules: InitiativeRules) -> bool:
    """A stoplisted term, a generic phrase (“新机制”), an expression (“1+1>2”), an organisation (“…临时党支部”),
    a contrast, a problem, an honour, a prize category, a meeting's title, a zone's goal, a question, or the products of an industry chain (“电石—树脂—建材”的先进高分子产业链)."""
    before, after = sentence[: m.start()], sentence[m.end() :]
    clause = last_clause(before, "，,；;。：:")
    return (
        name in rules.stoplist
        or name in rules.generic_names
        or any(ch in rules.expression_marks for ch in name)
        or (
            name.endswith(rules.organisation_heads)
            and not (is_term_chain(name) or RE_SLOGAN.search(name) or count_of(name, rules)[0])
        )  # “…临时党支部” is an organisation, “三个到党支部” a counted name
        or name.startswith(rules.superlative_prefixes)
        or (name.endswith(rules.device_tails) and not is_term_chain(name))
        or name.endswith(rules.event_heads)
        or (name.endswith(rules.goal_tails) and not any(w in name for w in rules.goal_keep_words))
        or bool(any_word(rules.question_words).search(name))
        or after.startswith(rules.problem_words)
        or _past_the_list(after, rules).startswith(rules.award_after)  # “A”“B”等评选活动
        or (name.endswith(rules.award_after) and not is_parallel_count(name))  # “五拼五比晒五榜” is no list
        or (is_term_chain(name) and _names_a_product_chain(after, rules))
        or bool(any_word(rules.award_before + rules.higher_level_owners).search(clause))
        or _higher_level_word_before(clause, rules)
        or (
            clause.endswith(rules.contrast_ends)  # what each frame asks first: most clauses end otherwise
            and any(
                (clause.endswith(a) and after.startswith(b))
                or (clause.endswith(b) and a in clause[: -len(b)])
                for a, b in rules.contrast_frames
            )
        )
    )


def _higher_level_word_before(clause: str, rules: InitiativeRules) -> bool:
    """Whether the word right before a name is a level of government on its own (列入市“222工程”), not the
    end of a place's name (钦州市“临港园区党建示范带”)."""
    tail = clause.rstrip("“\"'‘ ")[-6:]
    words = segment.tokenize(tail) if tail.endswith(rules.higher_level_words) else []
    return bool(words) and words[-1] in rules.higher_level_words


def _past_the_list(after: str, rules: InitiativeRules) -> str:
    """What follows a quoted term once the other quoted terms of its list and a list link (等) are passed."""
    while m := RE_TERM.match(after):
        after = after[m.end() :].lstrip("、")
    return after.removeprefix(next((x for x in rules.list_links if after.startswith(x)), ""))


def _names_a_product_chain(after: str, rules: InitiativeRules) -> bool:
    """The clause after a chain of terms names the industry chain it spells out (“煤—焦—气”产业链建强
    支部, “电石—树脂—建材”的先进高分子产业链), not the Party's work along one (“链长+链主”产业链党建模式)."""
    end = RE_CLAUSE_END.search(after)
    clause = (after[: end.start()] if end else after)[:24]
    for head in rules.chain_of_products:
        at = clause.find(head)
        if 0 <= at <= 10:
            return not clause[at + len(head) :].startswith(rules.brand_heads)
    return False


def _verb_before(before: str, rules: InitiativeRules, verbs: tuple[str, ...] = ()) -> bool:
    """A programme verb right before a quoted term, or a few characters before it in the same clause
    (打造高质量发展“红色引擎”)."""
    clause = last_clause(before, "，,；;。：:、“”").removesuffix("了").removesuffix("起")
    tail = clause[-(rules.max_verb_gap + 4) :]  # a verb whose last occurrence ends near the end
    return bool(any_word(verbs or rules.programme_verbs, ending_within=rules.max_verb_gap).search(tail))


__all__ = ["BRAND", "COUNTED", "FORMULA", "descriptor_run", "find_initiative_mentions", "quoted_groups"]
