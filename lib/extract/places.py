"""Places: China's provinces, cities and counties, with their short names (苏州市 → 苏州, 广西壮族自治区 →
广西, 阜新蒙古族自治县 → 阜新), from the administrative-division table the `cpca` package ships
(adcodes.csv, 3,500 divisions; its 56_nations.csv lists the ethnic names dropped from autonomous areas),
and the townships of `data/rules/towns.csv` (廊下镇 of 金山区, 上海市: 38,000 from the statistical division
codes, written by scripts/import_division_towns.py), which place a text by its county and city but are no
place before a zone's suffix (`Places.find` knows only provinces, cities and counties).

`data/rules/places.json` adds or overrides places (a new county, a renamed district) without code.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import WordAutomaton, word_automaton

PROVINCE, CITY, COUNTY, TOWN = "province", "city", "county", "town"


@dataclass(frozen=True)
class Place:
    name: str  # 苏州市
    level: str  # province, city, county or town
    province: str  # 江苏省
    city: str  # 苏州市 (the province for a municipality's districts; "" for a province)
    county: str = ""  # a town's county (张家港市 of 塘桥镇)


@dataclass(frozen=True)
class Places:
    by_name: dict[str, tuple[Place, ...]]  # full and short names → places, provinces first
    shorts: dict[str, str]  # full name → short name (苏州市 → 苏州)
    automaton: WordAutomaton  # names a text is searched for: word → the places it may mean
    towns: dict[str, tuple[Place, ...]] = field(default_factory=dict)  # township name → its townships
    #: the last character of every township's name (镇, 乡, 道, 木): where a text is looked at for one
    re_town_end: re.Pattern = re.compile("(?!)")
    glued: str = ""  # characters the segmenter glues to a place after them (对雨湖)

    @cached_property
    def admin_names(self) -> frozenset[str]:
        """The full names of every city and county (苏州市, 龙泉驿区)."""
        return frozenset(p.name for ps in self.by_name.values() for p in ps if p.level in (CITY, COUNTY))

    def find(self, word: str) -> tuple[Place, ...]:
        return self.by_name.get(word, ())

    def is_place(self, word: str) -> bool:
        return word in self.by_name

    def is_province(self, word: str) -> bool:
        return any(p.level == PROVINCE for p in self.find(word))

    def only_province(self, word: str) -> bool:
        """A province's name and nothing else's (山东省, not 吉林, a city too)."""
        found = self.find(word)
        return bool(found) and all(p.level == PROVINCE for p in found)

    def home(self, text: str) -> Home:
        """Where the text is: the province it names most (a city or county counts for its province; an
        ambiguous name such as 兴安, a 盟 in 内蒙古 and a county in 广西, counts for the province the
        unambiguous names point to), then its city and county named most. Counties count by full name
        only (同安区, not 同安 inside 共同安全), and common words (合作, 东方) not at all; a township (塘桥镇)
        counts for its county and city."""
        named = [ps for _, ps in self.automaton.iter_long(text)] + list(self._towns_in(text))
        provinces = Counter(ps[0].province for ps in named if len({p.province for p in ps}) == 1)
        cities: Counter = Counter()
        counties: Counter = Counter()
        for ps in named:
            if len({p.province for p in ps}) > 1:
                ps = tuple(p for p in ps if p.province == _top(provinces)) or ()
                provinces.update({ps[0].province} if ps else ())
            if ps and len({p.city for p in ps}) == 1 and ps[0].city:
                cities[(ps[0].province, ps[0].city)] += 1
                if len(ps) == 1 and ps[0].level in (COUNTY, TOWN):
                    counties[(ps[0].province, ps[0].city, ps[0].county or ps[0].name)] += 1
        province = _top(provinces)
        in_province = Counter({c: n for (p, c), n in cities.items() if p == province})
        city = _top(in_province) or _municipality(province)
        in_city = Counter({c: n for (p, ct, c), n in counties.items() if (p, ct) == (province, city)})
        county = _top(in_city)
        return Home(
            province, city, county, in_province.get(city, provinces.get(province, 0)), in_city[county]
        )

    def without_suffixes(self, place: str) -> str:
        """A run of place names with the suffixes of the first one and of a last one after it dropped:
        马鞍山市雨山 → 马鞍山雨山, 安庆市潜山市 → 安庆潜山."""
        for n in range(len(place), 1, -1):
            short = self.shorts.get(place[:n])
            if short and short != place[:n]:
                place = short + place[n:]
                break
        for n in range(2, len(place) - 2):
            short = self.shorts.get(place[n:])
            if short and short != place[n:]:
                return place[:n] + short
        return place

    @cached_property
    def longest_town(self) -> int:
        return max(map(len, self.towns), default=0)

    def _towns_in(self, text: str):
        """The townships the text names, each the longest name ending where a township's name may end
        (a lookup apart from the automaton, so that a township's name never hides a place name the
        automaton finds; 250,000 characters: 0.002 s, the automaton 0.004 s, both in one 0.006 s)."""
        for m in self.re_town_end.finditer(text):
            end = m.end()
            for start in range(max(0, end - self.longest_town), end - 2):
                if found := self.towns.get(text[start:end]):
                    yield found
                    break


@dataclass(frozen=True)
class Home:
    """Where a text is, and how many of its place names point to that city."""

    province: str = ""
    city: str = ""
    county: str = ""
    mentions: int = 0
    county_mentions: int = 0  # of them, how many name the county (all: the text is about the county)


def _municipality(province: str) -> str:
    """The city of a province-level city (上海市 → 上海市), "" for a province."""
    return province if province.endswith("市") else ""


def _top(counts: Counter) -> str:
    return counts.most_common(1)[0][0] if counts else ""


@cache
def _package_file(package: str, name: str) -> Path:
    """Where an installed package keeps a data file (looked up once: find_spec costs 34 µs a call)."""
    spec = importlib.util.find_spec(package)
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / name


def load_places() -> Places:
    """The places of cpca's table, data/rules/places.json and towns.csv, compiled once per content."""
    return rulefiles.compiled(
        _compile,
        _package_file("cpca", "adcodes.csv"),
        _package_file("cpca", "56_nations.csv"),
        config.rule_file("places.json"),
        config.rule_file("towns.csv"),
    )


def _towns(table: bytes | None) -> dict[str, list[Place]]:
    """Township name → the townships of that name (城关镇: 88 of them)."""
    towns: dict[str, list[Place]] = {}
    for r in csv.DictReader(io.StringIO(table.decode("utf-8-sig"))) if table else ():
        where = (sys.intern(r["province"]), sys.intern(r["city"]), sys.intern(r["county"]))  # shared
        towns.setdefault(r["name"], []).append(Place(r["name"], TOWN, *where))
    return towns


def _compile(
    adcodes: bytes | None, nations: bytes | None, extra: bytes | None, towns: bytes | None = None
) -> Places:
    if adcodes is None:
        raise rulefiles.RuleFileError("找不到行政区划表（cpca 包的 adcodes.csv）：请重新安装依赖")
    spec = rulefiles.json_rules(extra, name="places.json") if extra is not None else {}
    suffixes = rulefiles.longest_first(spec.get("suffixes", ["省", "市", "县", "区", "盟", "旗", "地区"]))
    ethnic = rulefiles.entries(nations)  # 维吾尔族, and 维吾尔 as in 新疆维吾尔自治区
    re_ethnic = re.compile(
        f"(?:{rulefiles.alternation([*ethnic, *(e.removesuffix('族') for e in ethnic)])})+$"
    )
    rows = list(csv.DictReader(io.StringIO(adcodes.decode("utf-8-sig"))))
    names = {r["adcode"]: r["name"] for r in rows}
    placeholders = set(spec.get("placeholder_cities", ["市辖区", "县", "省直辖县级行政区划"]))
    places: list[Place] = []
    for r in rows:
        code, name = r["adcode"], r["name"]
        province = names.get(code[:2] + "0" * 10, "")
        if code[2:] == "0" * 10:
            places.append(Place(name, PROVINCE, name, ""))
        elif code[4:] == "0" * 8:
            if name in placeholders:
                continue
            places.append(Place(name, CITY, province, name))
        else:
            city = names.get(code[:4] + "0" * 8, province)
            places.append(Place(name, COUNTY, province, province if city in placeholders else city))
    places += [Place(p["name"], p["level"], p["province"], p.get("city", "")) for p in spec.get("places", [])]
    town_names = {w: tuple(ps) for w, ps in _towns(towns).items()}
    places += _renamed_counties(places, town_names)
    by_name: dict[str, list[Place]] = {}
    shorts = {p.name: short_name(p.name, suffixes, re_ethnic) for p in places}
    for place in places:
        for word in {place.name, shorts[place.name]}:
            if len(word) >= 2:
                by_name.setdefault(word, []).append(place)
    order = {PROVINCE: 0, CITY: 1, COUNTY: 2}
    common = set(spec.get("common_words", []))
    searched = {w: tuple(p for p in ps if p.level != COUNTY or p.name == w) for w, ps in by_name.items()}
    automaton = word_automaton(
        {
            w: tuple(sorted(ps, key=lambda p: order[p.level]))
            for w, ps in searched.items()
            if ps and w not in common
        }
    )
    by_name_sorted = {w: tuple(sorted(ps, key=lambda p: order[p.level])) for w, ps in by_name.items()}
    ends = "".join(sorted({w[-1] for w in town_names}))
    town_end = re.compile(f"[{re.escape(ends)}]" if ends else "(?!)")
    return Places(
        by_name_sorted, shorts, automaton, town_names, town_end, "".join(spec.get("glued_prefixes", []))
    )


def _renamed_counties(places: list[Place], town_names: dict[str, tuple[Place, ...]]) -> list[Place]:
    """The counties the townships' table names and cpca's older table does not (潜山县 became 潜山市 in
    2018, 滦县 滦州市): one county place each, in the township table's province and city."""
    known = {p.name for p in places}
    counties = {(t.county, t.province, t.city) for ts in town_names.values() for t in ts}
    return [
        Place(c, COUNTY, province, city) for c, province, city in sorted(counties) if c and c not in known
    ]


def short_name(name: str, suffixes: tuple[str, ...], re_ethnic: re.Pattern) -> str:
    """The name without its administrative suffix and ethnic names (黔东南苗族侗族自治州 → 黔东南)."""
    if name.endswith(("自治区", "自治州", "自治县", "自治旗", "特别行政区")):
        name = name[: -5 if name.endswith("特别行政区") else -3]
        stripped = re_ethnic.sub("", name)
        return stripped if len(stripped) >= 2 else name
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def join_split_places(tagged: list[tuple[str, str]], places: Places | None = None) -> list[tuple[str, str]]:
    """Tagged words, with each run of adjacent words that together make a place name the segmenter cut
    (南 谯, 上 高) joined into one word tagged ns, longest first, and a place the segmenter glued one
    character to (对雨湖) cut from it."""
    places = places or load_places()
    out, i = [], 0
    while i < len(tagged):
        j = next(
            (j for j in range(len(tagged), i + 1, -1) if places.is_place("".join(w for w, _ in tagged[i:j]))),
            None,
        )
        word, tag = tagged[i]
        if j:
            out.append(("".join(w for w, _ in tagged[i:j]), "ns"))
        elif len(word) >= 3 and word[0] in places.glued and places.is_place(word[1:]):
            out += [(word[0], "p"), (word[1:], "ns")]  # 对雨湖: a preposition glued to a place (对|雨湖)
        else:
            out.append(tagged[i])
        i = j or i + 1
    return out


def locate(words: list[str], places: Places | None = None) -> tuple[str, str]:
    """(province, city) of a place name given as its words (张家口 宣化 → 河北省, 张家口市): the most specific
    word that is a place, read within the province or city the earlier words name; ("", "") if none.
    Words the segmenter split inside a place name are read joined (南 谯 → 南谯)."""
    places = places or load_places()
    province = city = ""
    for word, _ in join_split_places([(w, "") for w in words], places):
        found = places.find(word)
        if province:
            found = tuple(p for p in found if p.province == province) or ()
        if city:
            found = tuple(p for p in found if p.city in (city, "")) or found
        if not found:
            continue
        if len({(p.province, p.city) for p in found}) > 1 and not province:
            continue  # an ambiguous short name (朝阳) says nothing on its own
        province, city = found[0].province, found[0].city or city
    return province, city or _municipality(province)
