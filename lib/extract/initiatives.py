"""Initiatives: the named, usually numbered programmes a report is about, one entry per name with the
parts the report lists for it. Names are found by lib.extract.initiative_names, parts by
lib.extract.initiative_parts; the same name in two zones is linked (`shared_zones`)."""

from __future__ import annotations

import re

import pandas as pd

from lib.core.chars import split_sentences
from lib.extract import zones
from lib.extract.context import ArticleContext
from lib.extract.enumerations import plausible_parts
from lib.extract.formula_terms import explained_labels, group_pieces
from lib.extract.initiative_mentions import find_initiative_mentions
from lib.extract.initiative_names import (
    COUNTED,
    RE_SLOGAN,
    Mention,
    formula_terms,
    is_open_chain,
    is_term_chain,
)
from lib.extract.initiative_parts import initiative_components
from lib.extract.initiative_rules import InitiativeRules, load_initiative_rules
from lib.extract.registry import KIND, SENTENCE, SOURCE, THEME, Column, Extractor, register
from lib.extract.zone_choice import form_of


def extract_initiatives(
    paragraphs: list[str], *, rules: InitiativeRules | None = None, owners: list[int] | None = None
) -> list[dict]:
    """The initiatives of one article (its texts in order: body paragraphs, and headings when `owners`
    maps each text to the body paragraph it belongs to), one entry per name, in the order they are first
    named. Each entry: name, full_name, kind, components, expected_count, found_count, paragraph_index
    (a body paragraph), sentence."""
    rules = rules or load_initiative_rules()
    owners = owners or list(range(len(paragraphs)))
    entries: dict[str, dict] = {}
    for pi, paragraph in enumerate(paragraphs):
        sentences = split_sentences(paragraph or "")
        for si, sentence in enumerate(sentences):
            for mention in find_initiative_mentions(sentence, rules=rules):
                where = dict(paragraphs=paragraphs, paragraph_index=pi, sentence_index=si, rules=rules)
                parts = plausible_parts(initiative_components(mention, **where), mention.name, rules)
                if mention.tentative and len(parts) not in (mention.expected_count, mention.pair_total):
                    continue  # “四种赋能” counts only with its four parts listed
                entry = entries.setdefault(mention.name, _new_entry(mention, owners[pi], sentence))
                entry["components"] += [p for p in parts if p not in entry["components"]]
    _gather_families(entries)
    _gather_prefixed(entries)
    # a family's parts (“红色+”: 开设“红色讲堂”。…) are names of their own; its chains went in _gather_families
    named_parts = {p for e in entries.values() if not is_open_chain(e["name"]) for p in e["components"]}
    named_parts |= {  # “一厅一会一课”…“一会”即…: the group explained is a piece of the name
        piece
        for e in entries.values()
        if e["components"]
        for piece in group_pieces(RE_SLOGAN.sub("", e["name"]), rules)
    }
    named_parts |= {  # “五彩”服务中“红色”即A，“橙色”即B…: the labels of its parts
        label
        for e in entries.values()
        if e["components"] and e["kind"] == COUNTED
        for label in explained_labels(e["sentence"], e["expected_count"], rules)
    }
    spelled = {tuple(e["components"]): e["name"] for e in entries.values() if e["kind"] == COUNTED}
    # “五个一”工作法（一党员一档案、党员一季度一汇报…）: a piece of another's part is no name of its own
    parts_there: dict[str, list[str]] = {}
    for e in entries.values():
        parts_there.setdefault(e["sentence"], []).extend(e["components"])
    out = [
        e
        for e in entries.values()
        if (e["components"] or e["name"] not in named_parts)
        and (
            e["components"]
            or f"“{e['name']}”" in e["sentence"]  # “七大工程”…和“五企合作”平台: a quoted name stays
            or not any(e["name"] in p for p in parts_there.get(e["sentence"], ()))
        )
        and not (is_term_chain(e["name"]) and spelled.get(tuple(e["components"]), e["name"]) != e["name"])
    ]  # “A+B+C”的“三区合一”: the chain spells out the counted name, which stands for both
    for e in out:  # “四员”: 政策理论的“宣讲员”…, read once as clauses and once as terms: the terms
        e["components"] = [p for p in e["components"] if not any(f"“{q}”" in p for q in e["components"])]
        e["found_count"] = len(e["components"])
    return out


def _gather_prefixed(entries: dict[str, dict]) -> None:
    """“入企四员”党建品牌 … “四员”即A、B、C、D: a counted name written again after a short prefix is one
    programme, named by the longer form, with the shorter one's count and parts."""
    counted = [e for e in entries.values() if e["kind"] == COUNTED and e["components"]]
    for short in counted:
        longer = [
            e
            for name, e in entries.items()
            if name.endswith(short["name"])
            and 0 < len(name) - len(short["name"]) <= 2
            and not e["components"]
        ]
        if len(longer) == 1:
            keep = {k: short[k] for k in ("kind", "expected_count", "components")}
            longer[0].update(keep)
            del entries[short["name"]]


def _gather_families(entries: dict[str, dict]) -> None:
    """“党建+”理念 … “党建+机制” … “党建+阵地”: a family (an open chain, X+) named in a report takes the
    X+Y chains the report names as its parts, in place of their own entries."""
    for family in [e for e in entries.values() if is_open_chain(e["name"])]:
        head = family["name"][:-1]
        members = [
            name
            for name, e in entries.items()
            if e is not family and is_term_chain(name) and formula_terms(name)[:1] == (head,)
        ]
        family["components"] += [m for m in members if m not in family["components"]]
        for name in members:
            del entries[name]


def _new_entry(mention: Mention, paragraph_index: int, sentence: str) -> dict:
    return {
        "name": mention.name,
        "full_name": mention.full_name,
        "kind": mention.kind,
        "components": [],
        "expected_count": mention.expected_count,
        "found_count": 0,
        "paragraph_index": paragraph_index,
        "sentence": sentence,
    }


def headed_texts(ctx: ArticleContext) -> tuple[list[str], list[int]]:
    """The report's title, its section headings and its body paragraphs in reading order, each with the
    body paragraph it belongs to (a name may stand only in a heading: “四个服务”构建党建新机制)."""
    texts, owners, section = [], [], None
    if ctx.article.title and ctx.body:
        texts.append(ctx.article.title)
        owners.append(0)
    for index, paragraph in enumerate(ctx.body):
        if paragraph.section and paragraph.section != section:
            texts.append(paragraph.section)
            owners.append(index)
        section = paragraph.section
        texts.append(paragraph.text)
        owners.append(index)
    return texts, owners


def initiative_link_key(name: str) -> str:
    """Two zones' initiatives are the same brand when their names match without punctuation
    (“高新事·高兴办” and “高新事、高兴办”)."""
    return re.sub(r"[\W_]+", "", name).lower()


#: Where a clause ends, before an initiative's name.
RE_CLAUSE_BREAK = re.compile(r"[，,；;。：:！？!?]")


def another_zones(sentence: str, name: str, zone: str) -> bool:
    """Whether the clause that names an initiative gives it to another zone: a zone other than the
    report's named right before it (建邺高新区“党建+片区”), and the report's own zone not named there."""
    at = sentence.find(name)
    if at < 0 or not zone:
        return False
    clause = RE_CLAUSE_BREAK.split(sentence[:at])[-1]
    gz = zones.load_gazetteer()
    found = zones.find_mentions(clause, gz)  # a park inside a zone (西宁经开区南川工业园区) is the zone's
    named = {zones.zone_key(z) for name in found.counts for z in (name, found.parents.get(name, name))}
    own = zones.zone_key(zone)
    # the report's own zone by a shorter form (硚口开发区 for 硚口经开区) is no other zone
    return bool(named) and all(z != own and not form_of(z, own, gz) for z in named)


@register
class Initiatives(Extractor):
    table = "initiatives"
    id_prefix = "i"
    order = 20
    columns = (
        Column("initiative_id", "str", "举措编号"),
        *SOURCE,
        Column("name", "str", "名称", text=True),
        Column("full_name", "str", "全称", text=True),
        KIND,
        Column("components", "list", "组成部分"),
        Column("expected_count", "Int64", "应有项数"),
        Column("found_count", "Int64", "找到项数"),
        THEME,
        SENTENCE,
        Column("shared_zones", "list", "共用区域"),
    )

    def load(self) -> None:
        load_initiative_rules()

    def extract(self, ctx: ArticleContext) -> list[dict]:
        texts, owners = headed_texts(ctx)
        rows = []
        for it in extract_initiatives(texts, owners=owners):
            if another_zones(it["sentence"], it["name"], ctx.facts.get("zone", "")):
                continue  # 借鉴建邺高新区“党建+片区”做法: that zone's initiative, not this report's
            index = it.pop("paragraph_index")
            rows.append(
                {
                    **it,
                    "components": list(it["components"]),
                    "paragraph_index": index,
                    "theme": ctx.theme_of(it["sentence"], index),
                    "shared_zones": [],
                }
            )
        return rows

    def link(self, df: pd.DataFrame) -> None:
        """`shared_zones`: every zone using the same name (compared without punctuation), when more than one."""
        if df.empty:
            return
        keys = df["name"].map(initiative_link_key)
        zones_by_key = df.groupby(keys)["zone"].agg(lambda z: sorted({x for x in z if x}))
        df["shared_zones"] = [zs if len(zs) > 1 else [] for zs in keys.map(zones_by_key)]
