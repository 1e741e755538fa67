"""区域画像 page through app.py, on the real corpus with an isolated cache."""

from __future__ import annotations

import pagetest

PAGE = "views/zones.py"


def _texts(at) -> str:
    return "\n".join(t.value for t in at.text)


def test_default_zone_is_the_one_with_most_reports(downloads):
    at = pagetest.open_page(PAGE)
    assert at.selectbox(key="zone_a").value == "昆山高新区"
    assert "“1+4+N”党建工作矩阵：新城北、阳科园、吴淞江、社会组织" in _texts(at)
    [cards] = [h.value for h in at.get("html") if "原句：" in h.value]  # the headline figures
    assert ">规模以上工业总产值</div>" in cards and ">1,828亿元</div>" in cards
    assert {"mix-昆山高新区", "top-昆山高新区", "key-昆山高新区"} <= {c.key for c in at.get("plotly_chart")}


def test_two_zones_side_by_side_from_the_url(downloads):
    at = pagetest.open_page(PAGE, {"zone_a": "嘉兴高新区", "zone_b": "贵阳高新区"})
    assert [h.value for h in at.main.header] == ["嘉兴高新区", "贵阳高新区"]
    texts = _texts(at)
    assert "“六联工作法”：组织联建、资源联享、技术联攻、人才联育、市场联拓、治理联抓" in texts
    assert (
        "“五个一”行动：配强一个党委/党总支/党支部书记、建好一支队伍、打造一个阵地、健全一个机制、找准一条路子"
        in texts
    )


def test_distinctive_terms_download_holds_the_keyness_table(downloads):
    at = pagetest.open_page(PAGE, {"zone_a": "苏州工业园区"})
    csv = pagetest.download_csv(at, downloads, "dl-key-苏州工业园区-csv")
    assert {"词语", "对数似然 G2", "对数比（效应量）"} <= set(csv.columns)
    assert (csv["对数似然 G2"] > 0).all() and "苏州工业园区" not in set(csv["词语"])
    assert "红色管家" in set(csv["词语"])


def test_theme_filter_narrows_the_profile(downloads):
    at = pagetest.open_page(PAGE, {"zone_a": "昆山高新区", "theme": "绿色发展"})
    caption = next(c.value for c in at.caption if "段正文" in c.value)
    full = pagetest.open_page(PAGE, {"zone_a": "昆山高新区"})
    full_caption = next(c.value for c in full.caption if "段正文" in c.value)
    assert caption != full_caption
