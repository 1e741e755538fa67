"""Helpers for the AppTest page tests: open a page through app.py (so the sidebar exists), read its
tables, downloads and HTML."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

#: An article written to attack the page and the spreadsheet: markup, a script, a formula.
HOSTILE = """嘉兴高新区<b>粗体</b>党建报道

▶ 本报记者 张三

嘉兴高新区依托党委牵头建立“六联工作法”，实现组织联建、资源联享、技术联攻、人才联育、市场联拓、治理联抓全方位联动。<script>alert(1)</script>全年走访企业近4000家次。

=HYPERLINK("http://evil.example","点我")嘉兴高新区打造“红色引擎”党建品牌，协调解决各类企业发展难题80余项。
"""


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query or {})
    at.run()  # switch_page needs the pages st.navigation registers
    at.query_params.update(query or {})  # the first page drops the other pages' parameters
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def download_csv(at: AppTest, storage, key: str) -> pd.DataFrame:
    """The CSV a download button serves, read back as Excel would (UTF-8 with BOM)."""
    url = at.download_button(key=key).proto.url
    return pd.read_csv(io.BytesIO(storage.get_file(url.rsplit("/", 1)[-1]).content), encoding="utf-8-sig")


def html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.get("html"))


def select_row(at: AppTest, row: int) -> AppTest:
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return at.run()
