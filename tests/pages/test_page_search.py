"""原文检索 page, run through app.py (so the sidebar exists) on the real corpus with an isolated cache."""

from __future__ import annotations

import re
from pathlib import Path

import pagetest
from streamlit.testing.v1 import AppTest

from lib import config
from ui.html import SCROLL_SCRIPT

ROOT = Path(__file__).resolve().parents[2]
PAGE = "views/search.py"


def open_page(query: dict | None = None) -> AppTest:
    return pagetest.open_page(PAGE, query)


def test_keyword_in_context_on_the_real_corpus(downloads):
    at = open_page({"kw": "六联工作法"})
    hits = pagetest.table(at)
    assert len(hits) >= 1 and set(hits["hit"]) == {"六联工作法"}
    assert set(hits["title"]) == {"嘉兴高新区“新领秀”党建赋能高质量发展"}
    assert hits["left"].iloc[0].endswith("建立“") and hits["right"].iloc[0].startswith("”，实现组织联建")
    assert any(f"共 {len(hits)} 处" in c.value and "1 篇文章" in c.value for c in at.caption)


def test_sidebar_text_query_is_the_default_search(downloads):
    at = open_page({"q": "五个一"})
    hits = pagetest.table(at)
    assert set(hits["hit"]) == {"五个一"} and set(hits["zone"]) == {"昆山高新区", "贵阳高新区"}


def test_sidebar_zone_filter_narrows_hits_and_download(downloads):
    at = open_page({"kw": "五个一"})
    at.multiselect(key="zone").select("贵阳高新区").run()
    hits = pagetest.table(at)
    assert len(hits) > 0 and set(hits["zone"]) == {"贵阳高新区"}
    csv = pagetest.download_csv(at, downloads, "search-csv")
    assert csv["段落编号"].tolist() == hits["paragraph_id"].tolist()
    assert csv["命中"].tolist() == hits["hit"].tolist()


def test_copies_are_left_out_unless_asked_for(downloads):
    at = open_page({"kw": "推窗见绿"})  # 002 prints this paragraph four times
    assert len(pagetest.table(at)) == 1
    at.toggle(key="copies").set_value(True).run()
    assert len(pagetest.table(at)) == 4


def test_many_hits_are_paged_and_the_download_holds_all(downloads):
    at = open_page({"kw": "党建"})
    total = len(pagetest.download_csv(at, downloads, "search-csv"))
    assert total > 100 and len(pagetest.table(at)) == 100
    at.pagination[0].select(2).run()
    assert len(pagetest.table(at)) == min(100, total - 100)


def test_hits_are_capped_with_a_note(downloads, tmp_path, monkeypatch):
    body = "".join(f"嘉兴高新区第{i}条红链聚力发展。" for i in range(1100))
    (tmp_path / "901_many.txt").write_text(
        f"嘉兴高新区红链报道\n\n▶ 本报记者 张三\n\n{body}\n", encoding="utf-8"
    )
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "红链"})
    assert any("共 1100 处" in c.value and "下面列出前 1000 处" in c.value for c in at.caption)
    assert len(pagetest.download_csv(at, downloads, "search-csv")) == 1000
    at.pagination[0].select(10).run()
    assert len(pagetest.table(at)) == 100


def article_blocks(at: AppTest) -> str:
    """The HTML the page shows that may hold article text (every element that runs no script)."""
    return "\n".join(h.value for h in at.get("html") if not h.proto.unsafe_allow_javascript)


def scripts(at: AppTest) -> list[str]:
    return [h.value for h in at.get("html") if h.proto.unsafe_allow_javascript]


def test_choosing_a_hit_opens_its_whole_article_at_the_hit(downloads):
    at = open_page({"kw": "六联工作法"})
    assert "start" not in pagetest.download_csv(at, downloads, "search-csv").columns
    pagetest.select_row(at, 0)
    shown = article_blocks(at)
    assert "《嘉兴高新区“新领秀”党建赋能高质量发展》 · 嘉兴高新区" in shown
    # the whole report: its first and last paragraphs, its sections, its caption and credit
    assert "作为嘉兴市唯一的国家高新区" in shown and "红船领航启新程" in shown and "嘉兴高新区供图" in shown
    assert "党管人才筑巢引凤" in shown and "治理联抓" in shown
    anchor = re.search(r'<mark id="(hit-[0-9a-f]{12})"[^>]*>六联工作法</mark>', shown).group(1)
    assert scripts(at) == [SCROLL_SCRIPT.replace("ANCHOR", anchor)]  # the page scrolls to that hit
    at = open_page({"kw": "五个一", "zone": "贵阳高新区"})  # another report: that one alone is shown
    pagetest.select_row(at, 0)
    shown = article_blocks(at)
    assert "《贵阳高新区建强党建“链”激活发展“链”》" in shown and "作为嘉兴市唯一的国家高新区" not in shown
    assert (
        shown.count('<mark id="hit-') == 1 and shown.count("<mark>五个一</mark>") == shown.count("五个一") - 1
    )


def test_no_hit_and_empty_filter(downloads):
    at = open_page({"kw": "语料里没有这段文字"})
    assert not at.dataframe and any("正文中没有找到" in i.value for i in at.info)
    at = open_page({"kw": "六联工作法", "zone": "贵阳高新区"})
    assert any("当前筛选条件下没有" in i.value for i in at.info)
    assert at.button(key="widen-“六联工作法”的命中")


def test_empty_dataset(downloads, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "党建"})
    assert not at.dataframe


def test_hostile_article_text_and_query_are_shown_as_text(downloads, tmp_path, monkeypatch):
    (tmp_path / "900_hostile.txt").write_text(pagetest.HOSTILE, encoding="utf-8")
    monkeypatch.setattr(config, "ARTICLES_DIR", tmp_path)
    at = open_page({"kw": "alert"})
    pagetest.select_row(at, 0)
    shown = article_blocks(at)
    assert re.search(
        r'&lt;script&gt;<mark id="hit-[0-9a-f]{12}"[^>]*>alert</mark>\(1\)&lt;/script&gt;', shown
    )
    assert "<script>" not in shown and "<b>" not in shown and "治理联抓" in shown
    assert "《嘉兴高新区&lt;b&gt;粗体&lt;/b&gt;党建报道》" in shown
    assert len(scripts(at)) == 1 and "alert" not in scripts(at)[0]  # the one script holds no article text
    at = open_page({"kw": "HYPERLINK"})
    csv = pagetest.download_csv(at, downloads, "search-csv")
    assert csv["左文"].tolist() == ["'="]
    at = open_page({"kw": "[点此](http://evil.example)"})
    assert any(r"\[点此\]\(http\:\/\/evil\.example\)" in i.value for i in at.info)


def test_empty_search_offers_initiative_names_that_start_a_search(downloads):
    at = open_page()
    assert "五个一" in at.pills(key="kw_try").options
    at.pills(key="kw_try").set_value("五个一").run()
    assert at.text_input(key="kw").value == "五个一"
    assert set(pagetest.table(at)["hit"]) == {"五个一"}


def test_hits_sort_by_their_left_or_right_context():
    at = open_page({"kw": "党建"})
    reading = pagetest.table(at)
    (order,) = [b for b in at.get("button_group") if b.key == "kw_order"]
    order.set_value("right").run()
    by_right = pagetest.table(at)
    assert by_right["right"].tolist() == sorted(by_right["right"].tolist())
    order = [b for b in at.get("button_group") if b.key == "kw_order"][0]
    order.set_value("left").run()
    by_left = pagetest.table(at)["left"].map(lambda t: t[::-1]).tolist()
    assert by_left == sorted(by_left) and len(by_left) == len(reading)
