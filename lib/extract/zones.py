"""Zones: which development zone an article is about.

Known zones come from the gazetteer `data/rules/zones.csv` (national 高新区, 经开区, 新区 with their facts and
aliases; a user adds rows) and `zones_divisions.csv` (the zones the statistical division codes list, with
province and city: scripts/import_division_zones.py); the rules are in `data/rules/zones.json`. Zones nobody listed are recognised by
a zone suffix (…高新区, …工业园) after a place name read word by word (place words, or names of
lib.extract.places): 马鞍山雨山经济开发区 is found whole, 推进高新区 is not. Names are compared by their key
(四川省广安经济技术开发区 → 广安经开区). Which of the zones a text names it is about:
lib.extract.zone_choice."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK, WordAutomaton, word_automaton
from lib.extract.places import CITY, Places, load_places, locate
from lib.extract.sub_parks import sub_park_after
from lib.extract.zone_places import blocked, place_words, run_before, zone_words
from lib.text import segment

GAZETTEER, PATTERN, NONE = "gazetteer", "pattern", "none"
LEVEL_LABELS = {"national": "国家级", "provincial": "省级", "other": "其他", "": "未知"}
#: (characters before a suffix, suffix) pairs `_generic_zone_of` keeps (then it starts afresh).
MAX_READ_BEFORE = 200_000


@dataclass(frozen=True)
class Zone:
    name: str  # the short name shown everywhere (昆山高新区)
    full_name: str = ""  # 昆山高新技术产业开发区
    level: str = ""  # national, provincial or other ("" when unknown)
    type: str = ""  # 高新区, 经开区, 新区 …
    province: str = ""
    city: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suffix:
    text: str  # as written: 国家高新技术产业开发区
    canonical: str  # as shortened in names: 高新区
    type: str
    descriptive: bool  # may follow a descriptive word after the place (新县先进制造业开发区)

    @property
    def national(self) -> bool:
        return "国家" in self.text


@dataclass(frozen=True)
class Gazetteer:
    zones: dict[str, Zone]  # by name
    suffixes: dict[str, Suffix]
    re_suffix: re.Pattern
    re_suffix_end: re.Pattern
    not_place: tuple[str, ...]
    place_tags: frozenset[str]
    area_tags: frozenset[str]  # 临港 of 临港松江科技城: an area's tag, kept before a listed place
    area_max_chars: int
    place_tails: frozenset[str]  # 港 of 东营港经济开发区: part of the place right after a place name
    direction_words: frozenset[str]  # 西 of 常州西太湖科技产业园: part of the zone's own name before a place
    #: a word the dictionary lists with one of these tags is a place word only if it is a listed place
    listed_name_tags: frozenset[str]
    descriptor_tags: frozenset[str]
    not_descriptors: frozenset[str]  # 优秀 of 松江区优秀产业园区: praise, no kind of zone
    descriptor_verbs: frozenset[str]  # 制造 of 沈阳智能制造产业园: a verb naming an industry
    max_place_chars: int
    max_descriptor_chars: int
    own_name_tags: frozenset[str]  # 湘潭|天易|经开区: the tags of a zone's own name after a city or county
    own_name_max_chars: int
    own_name_suffixes: frozenset[str]  # the canonical suffixes that take such a name (经开区, not 科技园)
    bare_suffixes: frozenset[str]  # a bare 高新区 (在高新区召开) may mean the article's own zone
    any_kind_suffixes: frozenset[str]  # 开发区: 荆州开发区 is the one listed zone of 荆州, of any kind
    local_prefixes: tuple[str, ...]  # 市高新区, 县经开区: the place's own zone
    county_prefixes: tuple[str, ...]  # 县经开区 is the county's zone, not the city's
    county_suffixes: tuple[str, ...]  # a text placed in one 县 or county-level 市 has the county's zone
    home_mentions: int  # how often an article must name a city before a bare 高新区 is taken as its
    title_weight: int
    sub_park_mentions: int  # how often a park inside a listed zone is named before it is the zone
    re_paper: re.Pattern | None  # 来源：东台日报: a local paper names the place a bare 高新区 is in
    ftz_area: tuple[re.Pattern, str, str] | None  # 自由贸易试验区武汉片区: (pattern, canonical, type)
    places: Places
    alias_to_zone: dict[str, str] = field(default_factory=dict)  # aliases and their keys → name
    by_place: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key's place → names
    by_city: dict[str, tuple[str, ...]] = field(default_factory=dict)  # city (short) → names
    aliases: WordAutomaton | None = None  # every alias of 2+ characters → its zone's name
    #: `_generic_zone` by (segmenter, the characters before a suffix, the suffix): what was read there.
    read_before: dict = field(default_factory=dict, compare=False, repr=False)


def load_gazetteer(
    rules: Path | None = None, table: Path | None = None, divisions: Path | None = None
) -> Gazetteer:
    """The gazetteer of data/rules/zones.json, zones.csv and zones_divisions.csv, compiled once per content."""
    rules, table = rules or config.rule_file("zones.json"), table or config.rule_file("zones.csv")
    divisions = divisions or config.rule_file("zones_divisions.csv")
    return rulefiles.compiled(_compile, rules, table, divisions)


def _compile(rules: bytes | None, table: bytes | None, divisions: bytes | None = None) -> Gazetteer:
    spec = rulefiles.json_rules(rules, name="zones.json")
    suffixes = _suffixes(spec["generic_suffixes"])
    alternation = rulefiles.alternation(suffixes)
    # The hand-kept table and zones.json come last: a zone they list wins over the division codes' row.
    listed = [*_table_zones(divisions), *_table_zones(table), *(_zone_of(z) for z in spec.get("zones", []))]
    gz = Gazetteer(
        zones={z.name: z for z in listed},
        suffixes=suffixes,
        re_suffix=re.compile(alternation),
        re_suffix_end=re.compile(f"(?:{alternation})$"),
        not_place=rulefiles.longest_first(spec.get("not_place_prefixes", [])),
        place_tags=frozenset(spec.get("place_tags", [])),
        area_tags=frozenset(spec.get("area_tags", [])),
        area_max_chars=int(spec.get("area_max_chars", 3)),
        place_tails=frozenset(spec.get("place_tails", [])),
        direction_words=frozenset(spec.get("direction_words", [])),
        listed_name_tags=frozenset(spec.get("listed_name_tags", [])),
        descriptor_tags=frozenset(spec.get("descriptor_tags", [])),
        not_descriptors=frozenset(spec.get("not_descriptor_words", [])),
        descriptor_verbs=frozenset(spec.get("descriptor_verbs", [])),
        max_place_chars=int(spec.get("max_place_chars", 10)),
        max_descriptor_chars=int(spec.get("max_descriptor_chars", 6)),
        own_name_tags=frozenset(spec.get("own_name_tags", [])),
        own_name_max_chars=int(spec.get("own_name_max_chars", 3)),
        own_name_suffixes=frozenset(spec.get("own_name_suffixes", [])),
        bare_suffixes=frozenset(spec.get("bare_suffixes", [])),
        any_kind_suffixes=frozenset(spec.get("any_kind_suffixes", [])),
        local_prefixes=tuple(spec.get("local_prefixes", ["市", "县", "盟", "州"])),
        county_prefixes=tuple(spec.get("county_prefixes", ["县"])),
        county_suffixes=tuple(spec.get("county_suffixes", ["县"])),
        home_mentions=int(spec.get("home_mentions", 2)),
        title_weight=int(spec.get("title_weight", 5)),
        sub_park_mentions=int(spec.get("sub_park_mentions", 2)),
        re_paper=re.compile(spec["paper_source"].replace("{CJK}", CJK)) if spec.get("paper_source") else None,
        ftz_area=_ftz_area(spec.get("ftz_area")),
        places=load_places(),
    )
    aliases = {a: z.name for z in listed for a in (z.name, z.full_name, *z.aliases) if a}
    for alias, name in list(aliases.items()):
        aliases.setdefault(zone_key(alias, gz), name)
    by_place: dict[str, list[str]] = {}
    by_city: dict[str, list[str]] = {}
    for z in listed:
        place, suffix = split_name(zone_key(z.name, gz), gz)
        if suffix:
            by_place.setdefault(place, []).append(z.name)
        if z.city:
            by_city.setdefault(gz.places.shorts.get(z.city, z.city), []).append(z.name)
    return replace(
        gz,
        alias_to_zone=aliases,
        by_place={p: tuple(dict.fromkeys(ns)) for p, ns in by_place.items()},
        by_city={p: tuple(dict.fromkeys(ns)) for p, ns in by_city.items()},
        aliases=word_automaton({a: (len(a), n) for a, n in aliases.items() if len(a) >= 2}),
    )


def _suffixes(specs: list[dict]) -> dict[str, Suffix]:
    return {
        s["suffix"]: Suffix(
            s["suffix"], s["canonical"], s.get("type", s["canonical"]), s.get("descriptive", False)
        )
        for s in specs
    }


def _zone_of(row: dict) -> Zone:
    aliases = row.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|")]
    fields = ("full_name", "level", "type", "province", "city")
    return Zone(
        row["name"].strip(), *(str(row.get(f) or "").strip() for f in fields), tuple(filter(None, aliases))
    )


def _table_zones(content: bytes | None) -> list[Zone]:
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig"))) if content is not None else ()
    return [_zone_of(r) for r in rows if (r.get("name") or "").strip()]


def split_name(name: str, gz: Gazetteer) -> tuple[str, Suffix | None]:
    """A name's place and suffix (嘉兴高新技术产业开发区 → 嘉兴, 高新区), or (name, None)."""
    m = gz.re_suffix_end.search(name)
    return (name[: m.start()], gz.suffixes[m.group(0)]) if m else (name, None)


def zone_key(name: str, gz: Gazetteer | None = None, *, drop_city: bool = True) -> str:
    """The form names are compared by: NFKC, no spaces, the province dropped before another place, a
    city's 市 dropped, a city dropped before one of its counties, the suffix shortened
    (四川省广安市经济技术开发区 → 广安经开区, 榆林榆阳产业园区 → 榆阳产业园). Without `drop_city`, the
    name a zone nobody listed is shown by (榆林榆阳产业园)."""
    gz = gz or load_gazetteer()
    name = re.sub(r"[\s()]+", "", unicodedata.normalize("NFKC", name or ""))  # 厦门(集美) → 厦门集美
    place, suffix = split_name(name, gz)
    if suffix is None:
        return name
    for n in range(len(place) - 2, 1, -1):
        if gz.places.is_province(place[:n]):
            place = place[n:]
            break
    place = gz.places.without_suffixes(place)
    if drop_city:
        place = _drop_city(place, gz.places)
    return place + suffix.canonical


def _drop_city(place: str, places: Places) -> str:
    """马鞍山雨山 → 雨山: a city name followed by the name of one of its counties."""
    for n in range(len(place) - 2, 1, -1):
        cities = {p.city for p in places.find(place[:n]) if p.level == CITY}
        rest = place[n:]
        if cities and any(p.city in cities for p in places.find(rest)):
            return rest
    return place


def zone_named(name: str, gz: Gazetteer | None = None) -> Zone:
    """What is known of a zone by its name (a hand correction): the listed zone with that name, alias or
    key, else a zone of that name whose type and place are read from it."""
    gz = gz or load_gazetteer()
    listed = gz.alias_to_zone.get(name) or gz.alias_to_zone.get(zone_key(name, gz))
    if listed:
        return gz.zones[listed]
    place, suffix = split_name(re.sub(r"\s+", "", name), gz)
    province, city = locate([w for w, _ in segment.tag(place)], gz.places) if place else ("", "")
    return Zone(name, name, "", suffix.type if suffix else "", province, city)


@dataclass
class Mentions:
    """The zones a text names: counts by name, and what is known of each."""

    counts: Counter = field(default_factory=Counter)
    zones: dict[str, Zone] = field(default_factory=dict)
    bare: Counter = field(default_factory=Counter)  # 在高新区召开: by (canonical suffix, prefix)
    parents: dict[str, str] = field(default_factory=dict)  # a park inside a listed zone → that zone's name
    #: such a park (中关村丰台园) → its own name (丰台园)
    own_names: dict[str, str] = field(default_factory=dict)

    def add(self, zone: Zone, n: int = 1) -> None:
        self.counts[zone.name] += n
        known = self.zones.get(zone.name)
        if known is None or len(zone.full_name) > len(known.full_name):
            self.zones[zone.name] = zone


def zone_mentions(text: str, *, gazetteer: Gazetteer | None = None) -> Counter:
    """Counts the zones a text names, by name: gazetteer aliases first, then generic names."""
    return find_mentions(text, gazetteer or load_gazetteer()).counts


def _ftz_area(spec: dict | None) -> tuple[re.Pattern, str, str] | None:
    return (re.compile(spec["re"].replace("{CJK}", CJK)), spec["canonical"], spec["type"]) if spec else None


def find_mentions(text: str, gz: Gazetteer) -> Mentions:
    found = Mentions()
    covered = bytearray(len(text))
    for end, (length, name) in gz.aliases.iter_long(text) if gz.aliases is not None and text else ():
        start = end - length + 1
        if _named_for_elsewhere(text, start, end + 1, gz.zones[name], gz):
            continue  # 南阳中关村信息谷, 中关村南阳科技产业园: a brand of the zone's, in another city
        zone = _other_kind_after(text, start, end + 1, name, gz)
        park = None if zone else sub_park_after(text, end + 1)  # 中关村|丰台园: a park inside the zone
        if park:
            listed = gz.zones[name]
            zone = Zone(text[start : end + 1] + park[0], "", "", park[1], listed.province, listed.city)
            found.own_names.setdefault(zone.name, park[0])
            found.parents[zone.name] = name
        zone = zone or gz.zones[name]
        found.add(zone)  # leftmost-longest, like a regex alternation tried longest first
        stop = start + len(zone.name) if zone.name not in gz.zones else end + 1
        covered[start:stop] = b"\x01" * (stop - start)
    for name, own in found.own_names.items():  # 丰台园 alone, after 中关村丰台园
        for m in re.finditer(re.escape(own), text):
            if not any(covered[m.start() : m.end()]):
                found.add(found.zones[name])
                covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in f[0].finditer(text) if (f := gz.ftz_area) and rulefiles.required_literal(f[0]) in text else ():
        if not any(covered[m.start() : m.end()]):
            found.add(_ftz_zone(m, gz))
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in gz.re_suffix.finditer(text):
        if not covered[m.start()] and not (m.start() and covered[m.start() - 1]):  # 大亚湾|经济技术开发区
            zone = _generic_zone_of(text, m, gz)
            if isinstance(zone, Zone):
                found.add(zone)
            elif zone:
                found.bare[zone] += 1
    return found


def _named_for_elsewhere(text: str, start: int, end: int, zone: Zone, gz: Gazetteer) -> bool:
    """Whether a short name of a zone without its suffix (中关村) stands right after or right before a
    place in another province (南阳中关村信息谷, 中关村南阳科技产业园): a branch named for the zone, not it."""
    if split_name(text[start:end], gz)[1] is not None or not zone.province:
        return False
    before, after = text[max(0, start - 4) : start], text[end : end + 4]
    near = [w for n in range(2, 5) for w in (before[-n:], after[:n]) if len(w) == n]
    found = [p for w in near for p in gz.places.find(w)]
    return bool(found) and all(p.province != zone.province for p in found)


def _ftz_zone(m: re.Match, gz: Gazetteer) -> Zone:
    """中国（湖北）自由贸易试验区武汉片区 → 武汉自贸片区, in 湖北省 武汉市."""
    _, canonical, kind = gz.ftz_area
    province = m["province"] or m["province2"] or ""
    in_province, city = locate([w for w in (province, m["place"]) if w], gz.places)
    name = re.sub(r"\s+", "", m.group(0))
    return Zone(m["place"] + canonical, name, "national", kind, in_province, city)


def _other_kind_after(text: str, start: int, end: int, name: str, gz: Gazetteer) -> Zone | None:
    """Another zone named after a listed zone's place (中关村 + 科学城), not 大亚湾 + 经济技术开发区."""
    m = gz.re_suffix.match(text, end)
    zone, suffix = gz.zones[name], gz.suffixes[m.group(0)] if m else None
    own = split_name(zone_key(zone.name, gz), gz)[1]
    if not (own and suffix) or own.canonical == suffix.canonical or suffix.canonical in gz.any_kind_suffixes:
        return None
    named = text[start:end] + suffix.canonical
    return Zone(named, text[start : m.end()], "", suffix.type, zone.province, zone.city)


def _generic_zone_of(text: str, m: re.Match, gz: Gazetteer) -> Zone | tuple[str, str] | None:
    """`_generic_zone` of a suffix match, which reads only the characters right before it: each (those
    characters, suffix) is read once per build (苏州高新区 is named thousands of times)."""
    start = m.start()
    before = text[max(0, start - gz.max_place_chars - gz.max_descriptor_chars - 1) : start]
    cutter = segment.segmenter()  # the places are read with the lexicon's words: one memo per lexicon
    memo = gz.read_before.get(cutter)
    if memo is None or len(memo) > MAX_READ_BEFORE:
        gz.read_before.clear()
        memo = gz.read_before[cutter] = {}
    key = (before, m.group(0))
    if key not in memo:
        memo[key] = _generic_zone(before, len(before), m.group(0), gz)
    return memo[key]


def _generic_zone(text: str, start: int, matched: str, gz: Gazetteer) -> Zone | tuple[str, str] | None:
    """The zone a suffix (`matched`, at `start`) names with the place words before it; for a bare suffix
    (在高新区召开, 县经开区) its canonical suffix and the local prefix before it (县, 市, or "") when the
    article's own zone may be meant; else None."""
    suffix = gz.suffixes[matched]
    name, words = zone_words(text, start, suffix, gz)
    if sum(map(len, words)) < 2:
        if start and text[start - 1] in "(（":  # 株洲市天元区（高新区）: the zone of that place
            hosts = place_words(run_before(text, start - 1, gz), suffix, gz)
            return listed_at(city_short(locate(hosts, gz.places)[1], gz), suffix, gz) if hosts else None
        before = segment.tag(run_before(text, start, gz)[-4:] or " ")[-1][0]
        if suffix.canonical not in gz.bare_suffixes or blocked(before, gz):
            return None
        return suffix.canonical, before[-1] if before.endswith(gz.local_prefixes) else ""
    surface = name + suffix.text
    key = zone_key(surface, gz)
    listed = gz.zones.get(gz.alias_to_zone.get(key, "")) or listed_at(
        key[: -len(suffix.canonical)], suffix, gz, named=True
    )
    if listed is not None:
        return listed
    province, city = locate(words, gz.places)
    level = "national" if suffix.national else ""
    if name != "".join(words):  # 青岚科创(南宁)科技园: an owner, its place in brackets as written
        return Zone(name + suffix.canonical, surface, level, suffix.type, province, city)
    return Zone(zone_key(surface, gz, drop_city=False), surface, level, suffix.type, province, city)


def city_short(place: str, gz: Gazetteer) -> str:
    return gz.places.shorts.get(place, place)


def listed_at(place: str, suffix: Suffix | str, gz: Gazetteer, *, named: bool = False) -> Zone | None:
    """The one listed zone of a place of the suffix's kind (named after it, else in it; with `named`, only
    one named after it: 潍坊经济开发区 is not 潍坊滨海经开区, the 经开区 in 潍坊); 开发区: any kind."""
    canonical = suffix if isinstance(suffix, str) else suffix.canonical
    for index in (gz.by_place,) if named else (gz.by_place, gz.by_city):
        names = index.get(place, ()) if place else ()
        kind = [n for n in names if zone_key(n, gz).endswith(canonical)]
        names = kind or (names if canonical in gz.any_kind_suffixes else ())
        if names:
            return gz.zones[names[0]] if len(names) == 1 else None
    return None
