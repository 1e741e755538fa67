"""The layout the style guide asks for: lib/ is plain Python; pages only call lib and ui, and render."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "lib").glob("*.py")), ids=lambda p: p.name)
def test_lib_never_imports_streamlit(path):
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", sorted((ROOT / "views").glob("*.py")), ids=lambda p: p.name)
def test_pages_only_use_lib_ui_and_rendering_libraries(path):
    allowed = {"lib", "ui", "streamlit", "pandas", "html", "dataclasses", "__future__", "io", "datetime"}
    assert _imports(path) <= allowed, _imports(path) - allowed
