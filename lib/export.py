"""Export: tables as CSV that opens in Excel with Chinese intact (UTF-8 with BOM) and as XLSX.

Cells a spreadsheet would run as a formula (starting with =, +, -, @, or a tab/CR) are neutralised
with a leading apostrophe, so nothing in an article can become a formula in the user's spreadsheet.
Numbers stay numbers."""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
RE_UNSAFE_NAME = re.compile(r"[^\w\u4e00-\u9fff.-]+")

#: Column headers in Chinese for the tables users download.
HEADERS = {
    "article_id": "文章编号", "source_file": "来源文件", "part": "篇序", "title": "标题", "kicker": "引题",
    "authors": "作者", "byline": "署名", "zone": "区域", "zone_method": "区域识别方式",
    "zones_mentioned": "提及区域", "year": "年份", "n_chars": "字数", "n_paragraphs": "段落数",
    "n_duplicates": "重复段落数", "content_hash": "内容指纹", "origin": "来源",
    "paragraph_id": "段落编号", "seq": "段序", "section": "小节", "kind": "类型", "text": "正文",
    "is_duplicate": "是否重复", "duplicate_of": "重复于", "themes": "主题", "tokens": "分词",
    "metric_id": "指标编号", "label": "指标", "value": "数值", "value_high": "数值上限", "unit": "单位",
    "base_value": "基准单位数值", "base_unit": "基准单位", "qualifier": "限定词", "qualifier_kind": "限定类型",
    "theme": "主题", "raw": "原文数量", "sentence": "原句",
    "initiative_id": "举措编号", "name": "名称", "full_name": "全称", "components": "组成部分",
    "expected_count": "应有项数", "found_count": "找到项数", "shared_zones": "共用区域",
    "entity_id": "实体编号", "short_name": "简称", "type": "类型", "role": "身份", "mentions": "提及次数",
    "term": "词语", "count": "频次", "doc_freq": "段落数", "g2": "对数似然 G2", "log_ratio": "对数比（效应量）",
    "count_target": "本组频次", "count_rest": "对照组频次", "p_value": "p 值", "tfidf": "TF-IDF", "group": "组",
    "industry": "产业", "left": "左文", "hit": "命中", "right": "右文", "start": "位置",
}


def _cell(value):
    if isinstance(value, (list, tuple, set)):
        value = "、".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells can't run as spreadsheet formulas, lists joined with 、."""
    out = df.copy()
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(_cell)
    out.columns = [_cell(str(c)) for c in out.columns]
    return out


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """Chinese column headers for a table going to the user."""
    return df.rename(columns={c: HEADERS.get(c, c) for c in df.columns})


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a byte-order mark, which Excel needs to read Chinese correctly."""
    return neutralise_formulas(readable(df)).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, *, sheet: str = "数据") -> bytes:
    buf = io.BytesIO()
    safe = neutralise_formulas(readable(df))
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet[:31] or "数据")
        ws = writer.sheets[sheet[:31] or "数据"]
        for i, col in enumerate(safe.columns, start=1):
            width = min(60, max([len(str(col)) * 2, *(len(str(v)) for v in safe.iloc[:200, i - 1])], default=8) + 2)
            ws.column_dimensions[ws.cell(1, i).column_letter].width = width
    return buf.getvalue()


def export_filename(what: str, description: str = "", *, ext: str, today: date | None = None) -> str:
    """A file name that says what is in the file: `ZoneLens_指标_昆山高新区_2026-11-22.xlsx`."""
    parts = ["ZoneLens", what, description, (today or date.today()).isoformat()]
    stem = "_".join(RE_UNSAFE_NAME.sub("-", p).strip("-") for p in parts if p)
    return f"{stem[:120]}.{ext}"
