"""Zones: which development zone an article is about.

Known zones and their aliases come from the gazetteer `data/rules/zones.json`; zones nobody listed
are still recognised by generic suffixes (…高新区, …国家高新区, …经开区, …经济技术开发区, …工业园区,
…科技园) after a place name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK

RE_CJK_CHAR = re.compile(f"[{CJK}]")


@dataclass(frozen=True)
class Gazetteer:
    alias_to_zone: dict[str, str]
    re_alias: re.Pattern
    re_suffix: re.Pattern
    canonical_suffix: dict[str, str]
    not_place: tuple[str, ...]
    title_weight: int


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer of data/rules/zones.json (or another file), compiled once per content."""
    return rulefiles.compiled(_compile, path or config.rule_file("zones.json"))


def _compile(content: bytes | None) -> Gazetteer:
    spec = rulefiles.json_rules(content, name="zones.json")
    alias_to_zone: dict[str, str] = {}
    for z in spec["zones"]:
        for alias in [z["name"], *z.get("aliases", [])]:
            alias_to_zone[alias] = z["name"]
    suffixes = sorted(spec["generic_suffixes"], key=lambda s: len(s["suffix"]), reverse=True)
    return Gazetteer(
        alias_to_zone=alias_to_zone,
        re_alias=re.compile(rulefiles.alternation(alias_to_zone)),
        re_suffix=re.compile(f"({rulefiles.alternation(s['suffix'] for s in suffixes)})"),
        canonical_suffix={s["suffix"]: s["canonical"] for s in suffixes},
        not_place=rulefiles.longest_first(spec.get("not_place_prefixes", [])),
        title_weight=int(spec.get("title_weight", 5)),
    )


def zone_mentions(text: str, *, gazetteer: Gazetteer | None = None) -> Counter:
    """Counts the zones a text names, by canonical name: gazetteer aliases first, then generic names."""
    gz = gazetteer or load_gazetteer()
    counts: Counter = Counter()
    covered = [False] * len(text)
    for m in gz.re_alias.finditer(text):
        counts[gz.alias_to_zone[m.group(0)]] += 1
        covered[m.start() : m.end()] = [True] * (m.end() - m.start())
    for name, start in _generic_names(text, gz):
        if not covered[start]:
            counts[gz.alias_to_zone.get(name, name)] += 1
    return counts


def _generic_names(text: str, gz: Gazetteer) -> list[tuple[str, int]]:
    """Generic zone names: the place name before a suffix, trimmed at words that are not place names.
    A mention right after punctuation fixes how long the place name is; the others follow it."""
    found: list[tuple[str, str, int]] = []  # (place, suffix, where the suffix starts)
    seen_ends: set[int] = set()
    for m in gz.re_suffix.finditer(text):
        end = m.start()
        if end in seen_ends:
            continue
        seen_ends.add(end)
        left = text[max(0, end - 4) : end]
        k = len(left)
        while k > 0 and RE_CJK_CHAR.match(left[k - 1]):
            k -= 1
        place = _trim_place(left[k:], gz)
        if len(place) >= 2:
            found.append((place, m.group(1), end))
    bounded = Counter(
        p for p, _, end in found if end == len(p) or not RE_CJK_CHAR.match(text[end - len(p) - 1])
    )
    out = []
    for place, suffix, end in found:
        exact = next((b for b, _ in bounded.most_common() if place.endswith(b)), None)
        place = exact or place[-2:]
        out.append((place + gz.canonical_suffix[suffix], end - len(place)))
    return out


def _trim_place(place: str, gz: Gazetteer) -> str:
    """Drops everything up to the last word that cannot be part of a place name."""
    for i in range(len(place)):
        tail = place[i:]
        if not any(tail.startswith(w) for w in gz.not_place):
            if not any(w in tail for w in gz.not_place):
                return tail
    return ""


def detect_zone(title: str, body: str, *, gazetteer: Gazetteer | None = None) -> tuple[str, str, list[str]]:
    """Chooses an article's zone: the zone named most, a title mention counting `title_weight` times.
    Returns (zone, method, zones mentioned) where method is 'gazetteer', 'pattern' or 'none'."""
    gz = gazetteer or load_gazetteer()
    score: Counter = Counter()
    for zone, n in zone_mentions(title, gazetteer=gz).items():
        score[zone] += n * gz.title_weight
    score.update(zone_mentions(body, gazetteer=gz))
    if not score:
        return "", "none", []
    zone = max(score, key=lambda z: (score[z], -list(score).index(z)))
    method = "gazetteer" if zone in gz.alias_to_zone.values() else "pattern"
    return zone, method, [z for z, _ in score.most_common()]
