"""Which zone an article is about, of the zones it names (lib.extract.zones): the one named most, with a
title mention counting more; bare mentions (在高新区召开) counted for a named zone of their kind; the forms
of one zone counted as one (蓝田经开区 and 蓝田开发区 for 漳州蓝田经开区); lib.extract.named_parks as the last
resort."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from lib.extract import entity_rules
from lib.extract.named_parks import governed_park, named_park, repeated_park, subject_park, written_after
from lib.extract.places import CITY, COUNTY
from lib.extract.zones import (
    GAZETTEER,
    NONE,
    PATTERN,
    Gazetteer,
    Mentions,
    Zone,
    city_short,
    find_mentions,
    listed_at,
    load_gazetteer,
    split_name,
    zone_key,
)


def _count_bare(found: Mentions, home_of_text, gz: Gazetteer) -> None:
    """Counts bare mentions for the zone of their kind the text names most; else for the listed zone
    of the city (or, after 县 or when every place the text names is in one 县 or 县级市, the county) the text names
    most; else, when the text names no zone at all, for a zone named after that place if a prefix says
    so (县经开区) or the text names the place at least `home_mentions` times (a local paper's 高新区), and
    the gazetteer lists no zone of that kind in it (a bare 高新区 in 上海 is one of several, not 上海高新区)."""
    nothing_named = not found.counts
    for (canonical, prefix), n in found.bare.items():
        named = [z for z, _ in found.counts.most_common() if zone_key(z, gz).endswith(canonical)]
        if named:
            found.counts[named[0]] += n
            continue
        home = home_of_text()
        county = prefix in gz.county_prefixes or (  # 县经开区, or a text that names only 泸溪县 of its city
            home.county.endswith(gz.county_suffixes) and home.county_mentions >= home.mentions
        )
        place = city_short(home.county if county else home.city, gz)
        zone = listed_at(place, canonical, gz) if place else None
        listed = any(zone_key(x, gz).endswith(canonical) for x in gz.by_city.get(place, ()))  # 上海: 张江…
        named_after = nothing_named and not listed and (prefix or home.mentions >= gz.home_mentions)
        if zone is None and place and named_after:
            zone = Zone(place + canonical, "", "", canonical, home.province, home.city)
        if zone is not None:
            found.add(zone, n)


@dataclass(frozen=True)
class ZoneFinding:
    zone: Zone
    method: str  # gazetteer, pattern or none
    mentioned: list[str]


def detect_zone(
    title: str, body: str, *, source: str = "", gazetteer: Gazetteer | None = None
) -> ZoneFinding:
    """An article's zone: the zone named most, a title mention counting `title_weight` times; ties go
    to the zone named first. Bare mentions (在高新区召开) count for the zone of their kind named most,
    or, when none is named, for the zone of the city or county whose paper the page's `source` line
    names (来源：东台日报), else for the listed zone of the city the article names most."""
    gz = gazetteer or load_gazetteer()
    found = _named_zones(title, body, source, gz)
    home = cache(lambda: gz.places.home(f"{title}\n{body}"))  # read once, when needed
    _count_bare(found, home, gz)
    resort = not found.counts  # no zone named: the last resort
    if resort:
        park = _last_resort_park(title, body, gz)
        if park is None:  # no zone, but the province and city the article names most
            return ZoneFinding(replace(Zone(""), province=home().province, city=home().city), NONE, [])
        found.add(Zone(park.name, park.full_name, "", park.type, park.province, park.city))
    top = max(found.counts.values())
    text = f"{title}\n{body}"
    best = min(
        (z for z, n in found.counts.items() if n == top), key=lambda z: _first_at(found.zones[z], text)
    )
    method = GAZETTEER if best in gz.zones else PATTERN
    zone = found.zones[best]
    if (
        method == PATTERN
        and top == 1
        and not resort
        and (park := subject_park(text, best, gz.places, gz.not_place))
    ):
        zone = Zone(
            park.name, park.full_name, "", park.type, park.province or zone.province, park.city or zone.city
        )
    if method == PATTERN and (
        before := written_after(zone.full_name or zone.name, text, gz.places, gz.not_place)
    ):
        zone = replace(zone, name=before + zone.name, full_name=before + (zone.full_name or zone.name))
    if not zone.province:  # 张江科学城: no place in the name, so the place the article names most
        zone = replace(zone, province=home().province, city=home().city)
    mentioned = [z for z, _ in found.counts.most_common()]
    return ZoneFinding(
        zone, method, [*mentioned, *(n for n in found.own_names.values() if n not in mentioned)]
    )


def _named_zones(title: str, body: str, source: str, gz: Gazetteer) -> Mentions:
    """The zones the title and body name, a title mention counting `title_weight` times, with a park
    counted for its zone, the short forms for the full name and the defined short names for their zone;
    for bare mentions alone, the zone of the paper the `source` line names."""
    found = Mentions()
    for text, weight in ((title, gz.title_weight), (body, 1)):
        part = find_mentions(text, gz)
        for zone_name, n in part.counts.items():
            found.add(part.zones[zone_name], n * weight)
        found.bare.update({k: n * weight for k, n in part.bare.items()})
        found.parents.update(part.parents)
        found.own_names.update(part.own_names)
    count_parks_for_zones(found, gz)
    merge_forms(found, gz)
    count_defined_short_names(body, found)
    if not found.counts and found.bare and source:  # 来源：东台日报 … 在高新区召开
        paper = paper_zone(source, max(found.bare, key=found.bare.get)[0], gz)
        if paper is not None:
            found.add(paper, 0)
    return found


def _last_resort_park(title: str, body: str, gz: Gazetteer):
    """A park the text names often, governs or repeats, when it names no zone (None if none)."""
    # a title that is the body's first words (no headline above the body) names nothing a second time
    text = body if body.startswith(title) else f"{title}\n{body}"
    finds = (named_park, governed_park, repeated_park)
    return next((p for find in finds if (p := find(text, gz.places, gz.not_place))), None)


def count_parks_for_zones(found: Mentions, gz: Gazetteer) -> None:
    """Counts a park inside a listed zone (中关村丰台园) for the zone when the text names it fewer than
    `sub_park_mentions` times (the title counting `title_weight` times), or names other parks of the same
    zone too: a report about several of a zone's parks, or naming one in passing, is about the zone. One
    park written two ways (中关村石景山园, 中关村科技园石景山园: the same own name) counts as the form named most."""
    by_own: dict[tuple[str, str], str] = {}
    for park in sorted((p for p in found.counts if p in found.parents), key=lambda p: -found.counts[p]):
        key = (found.parents[park], found.own_names.get(park, park))
        if key in by_own:
            found.counts[by_own[key]] += found.counts.pop(park)
        else:
            by_own[key] = park
    parks_of = Counter(found.parents[p] for p in found.counts if p in found.parents)
    for park, zone in list(found.parents.items()):
        if park in found.counts and (found.counts[park] < gz.sub_park_mentions or parks_of[zone] > 1):
            found.add(gz.zones[zone], found.counts.pop(park))


def _first_at(zone: Zone, text: str) -> int:
    """Where the text first names the zone, by any of its forms (len(text) when by none)."""
    at = [text.find(f) for f in (zone.name, zone.full_name, *zone.aliases) if f]
    return min((a for a in at if a >= 0), default=len(text))


def merge_forms(found: Mentions, gz: Gazetteer) -> None:
    """Counts the shorter forms of a zone the text also names in full for the full name: the name
    without the place before its own (蓝田经开区 for 漳州蓝田经开区), and its place with a suffix any kind
    of zone goes by (蓝田开发区). A listed zone is never counted for another."""
    longest_first = sorted(found.counts, key=len, reverse=True)
    for short in sorted(found.counts, key=len):
        if short in gz.zones:
            continue
        full = next(
            (n for n in longest_first if n != short and n in found.counts and form_of(short, n, gz)), None
        )
        if full is not None:
            found.counts[full] += found.counts.pop(short)


def form_of(short: str, full: str, gz: Gazetteer) -> bool:
    """Whether `short` (a key) is a shorter form of the zone `full` (a key): 蓝田经开区 or 蓝田开发区 of
    漳州蓝田经开区."""
    (place, suffix), (full_place, full_suffix) = split_name(short, gz), split_name(full, gz)
    if suffix is None or full_suffix is None or not place:
        return False
    if suffix.canonical != full_suffix.canonical and suffix.canonical not in gz.any_kind_suffixes:
        return False
    before = full_place.removesuffix(place)
    return full_place == place or (before != full_place and gz.places.is_place(before))


def paper_zone(source: str, canonical: str, gz: Gazetteer) -> Zone | None:
    """The zone of a kind (高新区) of the city or county whose paper the source line names: 来源：东台日报 →
    东台高新区 (the listed one when there is one); None when the line names no paper of a known place."""
    m = gz.re_paper.search(source) if gz.re_paper else None
    places = [p for p in gz.places.find(m["place"]) if p.level in (CITY, COUNTY)] if m else []
    if not places or len({(p.province, p.city) for p in places}) != 1:
        return None  # a province's paper (黑龙江日报) reports on every zone of the province
    place = city_short(places[0].name, gz)
    listed = listed_at(place, canonical, gz)
    if listed is not None:
        return listed
    city = places[0].city or places[0].name
    return Zone(place + canonical, "", "", canonical, places[0].province, city)


def count_defined_short_names(text: str, found: Mentions) -> None:
    """Counts a short name the text defines for a zone (某某经济综合实验区（以下简称“航空港区”）; the markers are
    the entities' `short_name_markers`), every time it is used, for that zone."""
    forms = {z: (found.zones[z].full_name or z, z) for z in found.counts}
    found.counts.update(entity_rules.short_name_uses(text, forms))
