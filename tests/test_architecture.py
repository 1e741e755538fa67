"""The layout the style guide asks for, checked: lib/ is plain Python in packages that import only the ones
before them; pages only call lib and ui and render; no `pages/` folder; modules and functions stay small;
the counted-paragraph rule is stated in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "lib"
#: lib's packages in the order data flows through them: each may import only those before it.
LAYERS = ("core", "reading", "text", "extract", "dataset", "explore")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LIB_FILES = sorted(LIB.rglob("*.py"))


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def _roots(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imported_modules(path)}


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", LIB_FILES, ids=_rel)
def test_lib_never_imports_streamlit_or_ui(path):
    assert not {"streamlit", "ui", "views"} & _roots(path)


@pytest.mark.parametrize("path", [p for p in LIB_FILES if p.parent.name in LAYERS], ids=_rel)
def test_lib_packages_import_only_the_packages_before_them(path):
    layer = LAYERS.index(path.parent.name)
    used = {name.split(".")[1] for name in _imported_modules(path) if name.startswith("lib.")}
    later = {p for p in used if p in LAYERS and LAYERS.index(p) > layer}
    assert not later, f"{_rel(path)} imports {later}, which come after {path.parent.name}"


def test_every_lib_module_is_in_a_stage_package():
    loose = {p.name for p in LIB.glob("*.py")} - {"__init__.py", "__main__.py", "config.py", "cli.py"}
    assert not loose
    assert {p.name for p in LIB.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS)


@pytest.mark.parametrize("path", sorted((ROOT / "views").glob("*.py")), ids=lambda p: p.name)
def test_pages_only_use_lib_ui_and_rendering_libraries(path):
    allowed = {"lib", "ui", "streamlit", "pandas", "dataclasses", "__future__"}
    assert _roots(path) <= allowed, _roots(path) - allowed


def test_pages_folder_would_switch_streamlit_to_its_old_multipage_mode():
    """The page scripts live in views/: a pages/ folder beside app.py makes Streamlit run its old
    multipage mode for a fresh server's first request (see app.py and the README)."""
    assert not (ROOT / "pages").exists()
    assert (ROOT / "views").is_dir()


@pytest.mark.parametrize(
    "path",
    [*LIB_FILES, *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "views").glob("*.py"))],
    ids=_rel,
)
def test_modules_and_functions_stay_small(path):
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert lines <= MAX_MODULE_LINES or "longer than" in doc, f"{_rel(path)}: {lines} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            size = node.end_lineno - node.lineno + 1
            assert size <= MAX_FUNCTION_LINES, f"{_rel(path)}:{node.lineno} {node.name}() has {size} lines"


def test_the_counted_paragraph_rule_is_stated_once():
    """Which paragraphs count is decided by lib.core.model (Paragraph.counted) and selected by
    lib.dataset.schema.counted_paragraphs; nothing else may test a paragraph's kind or copy flag."""
    allowed = {
        "lib/core/model.py",
        "lib/dataset/schema.py",
        "lib/reading/repair.py",
        "lib/reading/articles.py",
        "lib/extract/paragraphs.py",
        "lib/extract/articles.py",
        "lib/extract/context.py",
    }
    pattern = re.compile(
        r"\"is_duplicate\"\]|\.is_duplicate\b|\[\"kind\"\]\s*[!=]=\s*\"body\"|\.kind\s*[!=]=\s*(BODY|\"body\")"
    )
    offenders = [
        _rel(p)
        for p in [*LIB_FILES, *(ROOT / "ui").glob("*.py"), *(ROOT / "views").glob("*.py"), ROOT / "app.py"]
        if _rel(p) not in allowed and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_every_chart_goes_through_the_one_toolbar():
    """Pages show charts through ui.plots.show_chart only (one toolbar: reduced, in Chinese, off the title)."""
    direct = [
        p
        for p in [*(ROOT / "views").glob("*.py"), *(ROOT / "ui").glob("*.py")]
        if "st.plotly_chart(" in p.read_text(encoding="utf-8") and p.name != "plots.py"
    ]
    assert direct == []
