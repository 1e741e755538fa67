"""Entities: the enterprises, universities/institutes and people one article names.

Rules live in `data/rules/entities.json`, known enterprises in `data/lexicon/enterprises.txt`.

Organisations are found by lib.extract.organisations, people by lib.extract.people; here they are merged,
counted and located (paragraph and sentence of the first mention).
"""

from __future__ import annotations

from lib.core import rulefiles
from lib.core.chars import find_longest, split_sentences
from lib.extract.context import ArticleContext
from lib.extract.entity_rules import (
    ENTERPRISE,
    INSTITUTION,
    PERSON,
    EntityDraft,
    EntityRules,
    dictionary_entry,
    load_rules,
    read_enterprises,
)
from lib.extract.organisations import derived_forms, find_orgs, org_role
from lib.extract.people import find_people
from lib.extract.registry import SOURCE, Column, Extractor, register

__all__ = [
    "ENTERPRISE",
    "INSTITUTION",
    "PERSON",
    "dictionary_entry",
    "extract_entities",
    "load_rules",
    "read_enterprises",
]


def _sentence_at(text: str, pos: int) -> str:
    cursor = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:
            break
        cursor = start + len(sentence)
        if pos < cursor:
            return sentence
    return text.strip()


def extract_entities(paragraphs: list[str], *, rules: EntityRules | None = None) -> list[dict]:
    """Enterprises, institutions and people of one article (its body paragraphs in order).

    One dict per entity, in order of first mention: name, short_name, type ('enterprise' |
    'institution' | 'person'), role, mentions (times the name or a short name occurs),
    paragraph_index and sentence of the first mention.
    """
    rules = rules or load_rules()
    paragraphs = [p if isinstance(p, str) else "" for p in paragraphs]
    orgs = find_orgs(paragraphs, rules)
    org_surfaces = rulefiles.longest_first(s for e in orgs.values() for s in e.surfaces)
    people = find_people(paragraphs, rules, org_surfaces)
    entities = list(orgs.values()) + [p for p in people.values() if p.name not in org_surfaces]

    owner: dict[str, int] = {}
    for n, ent in enumerate(entities):
        for surface in ent.surfaces:
            owner.setdefault(surface, n)
    counts = [0] * len(entities)
    first: list[tuple[int, int] | None] = [None] * len(entities)
    seen: list[list[str]] = [[] for _ in entities]
    for pi, text in enumerate(paragraphs):
        for start, end in find_longest(text, owner):  # an alternation of the surfaces, longest first
            n = owner[text[start:end]]
            counts[n] += 1
            first[n] = first[n] or (pi, start)
            seen[n].append(text[start:end])

    out = []
    for n, ent in enumerate(entities):
        if not counts[n]:
            continue
        pi, pos = first[n]
        out.append(
            {
                "name": ent.name,
                "short_name": _short_name(ent, seen[n], rules),
                "type": ent.type,
                "role": ent.role if ent.type == PERSON else org_role(ent, paragraphs, rules),
                "mentions": counts[n],
                "paragraph_index": pi,
                "sentence": _sentence_at(paragraphs[pi], pos),
                "_at": (pi, pos),
            }
        )
    out.sort(key=lambda e: e.pop("_at"))
    return out


def _short_name(ent: EntityDraft, seen: list[str], rules: EntityRules) -> str | None:
    """Explicit 简称, else the first other name the article uses, else a derived one."""
    if ent.type == PERSON or ent.short_name:
        return ent.short_name
    used = next((s for s in seen if s != ent.name), None)
    if used or ent.type == INSTITUTION:
        return used
    if ent.gazetteer and ent.gazetteer.aliases[0] != ent.name:
        return ent.gazetteer.aliases[0]
    if not ent.name.endswith(rules.enterprise_suffixes):
        return None
    forms = derived_forms(ent.name, rules)
    if len(forms) > 1 and len(forms[1]) >= 3:
        return forms[1]
    return forms[0] if forms else None


@register
class Entities(Extractor):
    table = "entities"
    id_prefix = "e"
    order = 30
    columns = (
        Column("entity_id", "str", "实体编号"),
        *SOURCE,
        Column("name", "str", "名称"),
        Column("short_name", "str", "简称"),
        Column("type", "str", "类型"),
        Column("role", "str", "身份"),
        Column("mentions", "int", "提及次数"),
        Column("sentence", "str", "原句"),
    )

    def load(self) -> None:
        load_rules()

    def extract(self, ctx: ArticleContext) -> list[dict]:
        return [
            {
                "name": e["name"],
                "short_name": e.get("short_name"),
                "type": e["type"],
                "role": e.get("role"),
                "mentions": e.get("mentions", 1),
                "sentence": e["sentence"],
                "paragraph_index": e["paragraph_index"],
            }
            for e in extract_entities(ctx.body_texts)
        ]
