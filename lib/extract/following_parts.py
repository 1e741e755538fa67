"""Parts listed after an initiative's name, outside its own sentence (lib.extract.initiative_parts tries
these after the lists around the name): numbered items (一是…二是…), typed items (“…”型), quoted terms
sharing the head of a count (四项工程 → “强基工程”…, or short sentences ending so: 三个到党支部 → 坚持培训到
党支部。) or its key (四带机制 → “机关带行业”…), the short lead sentences of the next paragraphs (配强一个…
书记。建好一支队伍。), the short lead clauses of the next sentences that each name one thing (三个一: 树立一种
理念，…。建立一种机制，…), for a family of chains (“红色+”) the quoted terms starting with its word that open
the next paragraphs (开设“红色讲堂”。; for a counted name with a key, those holding the key, after an opening
paragraph: 五“青”举措 → “青创学堂”搭平台。), and for a counted name the clauses after the 即 right after it, as
many as it counts (“八个一百”的目标：即…，…).
"""

from __future__ import annotations

import re

from lib.core.chars import split_sentences
from lib.extract.initiative_names import RE_SLOGAN, RE_TERM, Mention
from lib.extract.initiative_rules import InitiativeRules

#: Where a clause ends (read on text whose quoted terms are masked, so their commas do not count).
RE_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")
#: What ends a sentence: a paragraph without one is a heading when it is short.
RE_SENTENCE_END = re.compile(r"[。！？!?；;]")


def inner(m: re.Match) -> str:
    """The text of a quoted term (“…” or ‘…’)."""
    return (m.group(1) or m.group(2)).strip()


def first_sentence(paragraphs: list[str], index: int) -> str:
    return next(iter(split_sentences(paragraphs[index] or "")), "") if index < len(paragraphs) else ""


def headed_terms(mention: Mention, texts: list[str], rules: InitiativeRules) -> list[str]:
    """For a count with a measure word and a head (四项工程), the quoted terms after it ending with that
    head (“强基工程”, “灵魂工程” …), or else the short sentences ending so (坚持培训到党支部。), up to the count."""
    m = rules.re_counted.match(mention.name)
    head = mention.name[m.end() :] if m and m.group(2) else ""
    if len(head) < 2 or not mention.expected_count:
        return []
    out: list[str] = []
    for text in texts:
        for t in RE_TERM.finditer(text):
            term = inner(t)
            if term.endswith(head) and len(term) > len(head) and term not in out:
                out.append(term)
    if not out:  # “三个到党支部”行动 … 坚持培训到党支部。…坚持指导到党支部。: the short sentences ending so
        out = _sentences_ending(head, texts, rules)
    return out[: mention.expected_count] if len(out) >= min(2, mention.expected_count) else []


def without_lead_verb(text: str, rules: InitiativeRules) -> str:
    """The text without the lead verb it starts with (坚持培训到党支部 → 培训到党支部), when two or more
    characters remain; the text itself otherwise."""
    verb = next((v for v in rules.lead_verbs if text.startswith(v)), "")
    return text[len(verb) :] if verb and len(text) - len(verb) >= 2 else text


def _sentences_ending(head: str, texts: list[str], rules: InitiativeRules) -> list[str]:
    """The short sentences of the texts that end with `head`, without the lead verb (坚持) before them."""
    out: list[str] = []
    for text in texts:
        for sentence in split_sentences(text):
            item = without_lead_verb(sentence.rstrip("。；;！!"), rules)
            if (
                len(item) <= rules.max_lead_chars
                and item.endswith(head)
                and len(item) > len(head)
                and item not in out
            ):
                out.append(item)
    return out


def ordinal_items(texts: list[str], rules: InitiativeRules) -> list[str]:
    """一是…，二是…: the words after each numbered marker, up to the clause's end, while the numbers run on."""
    joined = "\n".join(texts)
    for series in rules.ordinal_markers:
        out, at = [], 0
        for marker in series:
            found = joined.find(marker, at)
            if found < 0 or (out and joined.find(series[0], at) >= 0 and joined.find(series[0], at) < found):
                break
            start = found + len(marker)
            while joined[start : start + 1] in (
                "：",
                ":",
                "，",
                ",",
                "、",
                " ",
            ):  # 第一，建立… : the item after
                start += 1
            end = RE_CLAUSE_END.search(joined, start)
            item = joined[start : end.start() if end else len(joined)].strip("：:，, ")
            if not item:
                break
            out.append(item)
            at = found + len(marker)
        if len(out) >= 2:
            return out
    return []


def typed_items(texts: list[str], rules: InitiativeRules) -> list[str]:
    """“结对帮扶”型共建；…“资源共享”型共建: the quoted terms followed by the type suffix."""
    out: list[str] = []
    for text in texts:
        for m in RE_TERM.finditer(text):
            if text.startswith(rules.type_suffix, m.end()) and inner(m) not in out:
                out.append(inner(m))
    return out


def keyed_terms(mention: Mention, texts: list[str]) -> list[str]:
    """Short quoted terms with the key inside them (机关带行业 for 四带机制), up to the count."""
    out: list[str] = []
    for text in texts:
        for m in RE_TERM.finditer(text):
            term = inner(m)
            if (
                len(term) <= 8
                and mention.key in term[1:-1]
                and not RE_SLOGAN.search(term)
                and term not in out
            ):
                out.append(term)
    out = out[: mention.expected_count] if mention.expected_count else out
    return out if len(out) >= 2 else []


def lead_sentences(mention: Mention, paragraphs: list[str], rules: InitiativeRules) -> list[str]:
    """The short opening sentences of the paragraphs after the name (配强一个…书记。建好一支队伍。), or the
    first clauses of the headings among them (组织汇通，让园区管理更省心 / its body / 功能汇聚，…): with
    headings, exactly as many as the name counts."""
    out: list[str] = []
    headed = False
    for index in range(len(paragraphs)):
        lead = first_sentence(paragraphs, index).rstrip("。！？；;!?")
        heading = _is_heading(paragraphs[index] or "", rules)
        if heading:
            lead = RE_CLAUSE_END.split(lead, maxsplit=1)[0]
        if (
            lead
            and len(lead) <= rules.max_lead_chars
            and not RE_CLAUSE_END.search(lead)
            and mention.key in lead
        ):
            out.append(lead)
            headed = headed or heading
            if len(out) == mention.expected_count:
                break
        elif heading or not headed:  # past a heading, its body paragraph is passed over
            break
    if headed and len(out) != mention.expected_count:
        return []
    return out if len(out) >= 2 else []


def chain_leads(word: str, paragraphs: list[str], rules: InitiativeRules, *, intro: int = 0) -> list[str]:
    """For a family of chains (“红色+”), the quoted terms starting with its word that open the paragraphs
    after it, one term from each paragraph's short lead (开设“红色讲堂”。/ 打造高质量发展“红色引擎”。), up to
    the first paragraph without one, after at most `intro` paragraphs without one; [] for fewer than two."""
    out: list[str] = []
    for index in range(len(paragraphs)):
        lead = first_sentence(paragraphs, index)
        terms = [inner(t) for t in RE_TERM.finditer(lead) if inner(t).startswith(word) and inner(t) != word]
        if not out and not terms and index < intro:
            continue  # 近年来，… : the report's opening before the parts
        if not terms or len(lead) > rules.max_lead_chars + 4 or terms[0] in out:
            break
        out.append(terms[0])
    return out if len(out) >= 2 else []


def _is_heading(paragraph: str, rules: InitiativeRules) -> bool:
    """A short paragraph with no sentence end: a heading (组织汇通，让园区管理更省心)."""
    return 0 < len(paragraph) <= 2 * rules.max_lead_chars and not RE_SENTENCE_END.search(paragraph)


def one_clauses(mention: Mention, texts: list[str], rules: InitiativeRules) -> list[str]:
    """For a count of ones (三个一), the short opening clauses of the sentences after it that each name
    one thing (树立一种理念，…。建立一种机制，…), when there are exactly as many as the count."""
    measure = f"[{re.escape(rules.measure_words)}]"
    pattern = re.compile(f"一{measure}")
    out: list[str] = []
    for text in texts:
        for sentence in split_sentences(text):
            lead = RE_CLAUSE_END.split(sentence, maxsplit=1)[0].strip()
            if len(lead) <= rules.max_lead_chars and pattern.search(lead) and lead not in out:
                out.append(lead)
    return out if len(out) == mention.expected_count else []


#: How far after a counted name its 即 may stand (“八个一百”的目标：即…), and how long each clause after it may be.
EXPLAINED_WITHIN = 8
EXPLAINED_CLAUSE_CHARS = 40


def explained_clauses(mention: Mention, rest: str, rules: InitiativeRules) -> list[str]:
    """For a counted name, the clauses after the explaining word right after it (`whole_explain_verbs`: 即,
    分别是 …), when there are as many as it counts (“八个一百”的目标：即实现A达到100%，B达到100%，…): each
    clause is a part; [] otherwise."""
    m = rules.re_explain_whole.search(rest, 0, EXPLAINED_WITHIN + 3)  # + 3: a word started in time may end
    if m is None or m.start() >= EXPLAINED_WITHIN or not mention.expected_count:
        return []
    end = re.search("[。！？]", rest[m.end() :])
    clauses = [
        c.strip()
        for c in re.split("[，,；;]", rest[m.end() : m.end() + end.start() if end else None])
        if c.strip()
    ]
    fits = len(clauses) == mention.expected_count and all(len(c) <= EXPLAINED_CLAUSE_CHARS for c in clauses)
    quoted = all(RE_TERM.search(c) for c in clauses)  # 即推进‘机关带行业’，…: the quoted terms are the parts
    return clauses if fits and len(clauses) >= 2 and not quoted else []
