"""Exports: Excel-safe CSV (BOM, no formulas) and XLSX with Chinese intact."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from lib.explore import export
from lib.explore.export import export_filename, neutralise_formulas, to_csv_bytes, to_xlsx_bytes

ROWS = pd.DataFrame(
    {
        "label": [
            "规模以上工业总产值",
            '=HYPERLINK("http://x","点我")',
            "+1+2",
            "-3",
            "@SUM(A1)",
            "正常文本",
        ],
        "value": [1828.0, 1.0, 2.0, -3.0, 4.0, 5.0],
        "components": [["一处专窗", "一个专班"], [], [], [], [], []],
    }
)


@pytest.mark.parametrize("bad", ["=1+1", "+1", "-1", "@A1", "\t=1", "＝1"])
def test_formula_cells_are_neutralised(bad):
    out = neutralise_formulas(pd.DataFrame({"c": [bad]}))
    assert out["c"][0] == "'" + bad


def test_numbers_stay_numbers_and_lists_are_joined():
    out = neutralise_formulas(ROWS)
    assert out["value"].tolist() == [1828.0, 1.0, 2.0, -3.0, 4.0, 5.0]
    assert out["components"][0] == "一处专窗、一个专班"


def test_csv_has_bom_and_chinese_headers():
    data = to_csv_bytes(ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "指标,数值,组成部分"
    assert "规模以上工业总产值" in text
    assert "\n=" not in text and ",=" not in text


def test_xlsx_round_trip_keeps_chinese_and_has_no_formulas():
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(ROWS, sheet="指标")))
    ws = wb["指标"]
    assert [c.value for c in ws[1]] == ["指标", "数值", "组成部分"]
    assert ws["A2"].value == "规模以上工业总产值"
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws["A3"].value.startswith("'=HYPERLINK")


def test_empty_table_exports():
    assert to_csv_bytes(ROWS.iloc[:0]).decode("utf-8-sig").strip() == "指标,数值,组成部分"
    assert openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(ROWS.iloc[:0]))).active.max_row == 1


@pytest.mark.parametrize(
    ("what", "desc", "name"),
    [
        ("指标", "昆山高新区", "ZoneLens_指标_昆山高新区_2026-11-22.xlsx"),
        (
            "举措",
            "当前筛选：区域为 昆山高新区 或 嘉兴高新区。",
            "ZoneLens_举措_当前筛选-区域为-昆山高新区-或-嘉兴高新区_2026-11-22.xlsx",
        ),
        ("文章", "../../etc/passwd", "ZoneLens_文章_..-..-etc-passwd_2026-11-22.xlsx"),
    ],
)
def test_export_filename_says_what_and_is_safe(what, desc, name):
    got = export_filename(what, desc, ext="xlsx", today=date(2026, 11, 22))
    assert got == name
    assert "/" not in got and "\\" not in got


def test_control_characters_never_reach_a_spreadsheet():
    import openpyxl

    df = pd.DataFrame({"sentence": ["党建\f引领\x00发展\x1b", "=1+1\x07"], "value": [1.0, 2.0]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(df)))
    cells = [c.value for c in book.active["A"]][1:]
    assert cells == ["党建\n引领发展", "'=1+1"]


def test_a_table_that_cannot_be_written_gives_a_workbook_that_says_why():
    import openpyxl

    from lib.explore.export import xlsx_or_error

    class Unprintable:
        def __str__(self):
            raise ValueError("坏单元格")

    data = xlsx_or_error(pd.DataFrame({"x": [Unprintable()]}))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "导出失败" and "下载 CSV" in sheet["A3"].value


def test_text_that_looks_like_a_link_or_a_number_stays_text():
    df = pd.DataFrame({"sentence": ["https://evil.example/phish", "0012", "1e5"], "value": [1, 2, 3]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(df))).active
    assert [sheet.cell(r, 1).value for r in (2, 3, 4)] == ["https://evil.example/phish", "0012", "1e5"]
    assert not any(sheet.cell(r, 1).hyperlink for r in (2, 3, 4))
    assert [sheet.cell(r, 2).value for r in (2, 3, 4)] == [1, 2, 3]  # numbers stay numbers


def test_a_large_workbook_is_written_in_chunks_with_progress_and_loses_no_row(monkeypatch):
    monkeypatch.setattr(export, "XLSX_CHUNK_ROWS", 7)
    df = pd.DataFrame({"zone": [f"区{i}" for i in range(30)], "value": range(30), "sentence": ["=1+1"] * 30})
    reports = []
    book = pd.read_excel(io.BytesIO(export.to_xlsx_bytes(df, progress=lambda d, t: reports.append((d, t)))))
    assert reports == [(7, 30), (14, 30), (21, 30), (28, 30), (30, 30)]
    assert book.iloc[:, 0].tolist() == df["zone"].tolist()
    assert book.iloc[:, 1].tolist() == list(range(30))
    assert set(book.iloc[:, 2]) == {"'=1+1"}  # every chunk neutralised, not only the first
