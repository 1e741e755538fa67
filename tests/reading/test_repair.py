"""Reading and repair on the real corpus, and on small texts written for the purpose."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.reading.articles import classify_lines, read_articles
from lib.reading.repair import drop_pinyin_glosses, repair_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "昆山高新区在工业和信息 化部近日公布的2024年国家高 新区综合评价结果中位列第31 名",
            "昆山高新区在工业和信息化部近日公布的2024年国家高新区综合评价结果中位列第31名",
        ),
        ('实现"八连升";在2024中小 城市', "实现“八连升”；在2024中小城市"),
        ("为87家企业提供授信额度13.7 亿元", "为87家企业提供授信额度13.7亿元"),
        ("提升专业能力 and 综合素养", "提升专业能力 and 综合素养"),  # spaces next to Latin words stay
        ("依托“AI昆玉·幸福里”智慧治理平台", "依托“AI昆玉·幸福里”智慧治理平台"),
        ("年产值1,200亿元,同比增长", "年产值1,200亿元，同比增长"),  # digits keep their comma
        ("构建“1 X N”组织体系", "构建“1+X+N”组织体系"),  # pluses a web copy turned into spaces
        ("放大“5 X”功能作用", "放大“5+X”功能作用"),
        ("推广“AB CD”模式", "推广“AB CD”模式"),  # no digit: letters and a space stay
        ("打造“非遗 + 党建”品牌", "打造“非遗+党建”品牌"),  # spaces around a chain's plus
        ("推行“党建 ＋ 网格”模式", "推行“党建＋网格”模式"),
        ("A + B", "A + B"),  # no Chinese around it: the spaces stay
        ("", ""),
    ],
)
def test_repair_text(raw, expected):
    assert repair_text(raw) == expected


def _articles(raw_text, name="x.txt"):
    return read_articles(raw_text, source_file=name)


def test_file_001_holds_two_reports_with_their_own_titles_and_bylines(raw):
    arts = _articles(raw("001"))
    assert [a.title for a in arts] == [
        "昆山高新区“链”出科创发展红色动能",
        "贵阳高新区建强党建“链”激活发展“链”",
    ]
    assert arts[0].byline == "▶ 本报记者 叶伟"
    assert arts[1].byline == "▶ 杨 婷"
    assert arts[1].body[0].text.startswith("党建强则发展强")
    assert not any("贵阳" in p.text for p in arts[0].body)


def test_001_repairs_column_spaces_and_straight_quotes(raw):
    text = _articles(raw("001"))[0].text
    assert "工业和信息化部" in text and "位列第31名" in text
    assert '"' not in text
    assert "“1145”产业集群党建工作" in text


@pytest.mark.parametrize(
    ("prefix", "title", "kicker"),
    [
        ("000", "昆山高新区党建赋能产业科创与基层治理跃升", "红脉铸高新 实干启新程"),
        ("002", "昆山高新区：凝聚奋进伟力开新局 踏上新征程再创辉煌", ""),
        ("004", "嘉兴高新区“新领秀”党建赋能高质量发展", "红船启航地 潮起高新风"),  # no '#' headings at all
        (
            "003",
            "苏州工业园区将党建与发展深度融合 为世界一流高科技园区注入“红色动能”",
            "苏州 / 奋进新时代 苏 写新篇章",
        ),
    ],
)
def test_titles_and_kickers(raw, prefix, title, kicker):
    (art,) = _articles(raw(prefix))
    assert (art.title, art.kicker) == (title, kicker)


def test_002_paragraphs_printed_twice_are_kept_once_and_marked(raw):
    (art,) = _articles(raw("002"))
    body = [p.text for p in art.body]
    assert len(body) == len(set(body))
    dups = [p for p in art.paragraphs if p.is_duplicate]
    assert len(dups) == 13
    first = {p.seq: p for p in art.paragraphs}
    for d in dups:  # every copy points at an earlier paragraph that holds (nearly) its text
        assert d.duplicate_of < d.seq and not first[d.duplicate_of].is_duplicate
    assert sum("推窗见绿，出门见园" in t for t in body) == 1
    # a copy that adds a few words in front ("一直以来，") is still a copy
    assert any(d.text.startswith("一直以来，昆山高新区高度重视党的建设") for d in dups)


def test_captions_and_credits_are_marked_and_broken_sentences_joined(raw):
    (art,) = _articles(raw("000"))
    kinds = {p.text: p.kind for p in art.paragraphs}
    assert kinds["昆山高新区供图"] == "credit"
    assert kinds["昆山高新区“万名普通党员进党校”第一期示范培训班会合影"] == "caption"
    assert kinds["昆山高新区帮助企业开展用工招聘。"] == "caption"
    text = art.text
    assert "近2年发展两新领域党员约150名" in text  # sentence broken by a photo caption
    assert "承载超73万常住人口" in text  # broken across a section heading-less column
    assert "合影" not in text


def test_caption_split_over_two_lines_is_one_caption_and_body_is_rejoined(raw):
    art = _articles(raw("001"))[0]
    captions = [p.text for p in art.paragraphs if p.kind == "caption"]
    assert "▲昆山高新区推行党员“红色实验室”等务实管用做法。" in captions
    assert "苏州和合医学检验有限公司董事长贾继明" in art.text


def test_fragment_behind_a_heading_marker_joins_its_sentence(raw):
    (art,) = _articles(raw("003"))
    assert "党员中心户（楼栋长）—党员群众”的组织体系架构" in art.text
    assert art.byline == "本版撰稿 王俊杰"
    assert any(p.kind == "credit" and p.text.startswith("本版供图") for p in art.paragraphs)


def test_lead_sentence_paragraph_is_not_glued_to_a_truncated_one(raw):
    art = _articles(raw("001"))[1]
    assert any(p.text.startswith("找准一条路子。") for p in art.body)


def test_file_opening_with_blank_lines_and_no_heading():
    arts = _articles(
        "\n\n\n作为本地唯一的国家高新区,合肥高新区始终坚持党建引领。\n\n第二段内容,继续介绍情况。\n"
    )
    assert len(arts) == 1
    assert arts[0].title.startswith("作为本地唯一的国家高新区")
    assert [p.text for p in arts[0].body][1] == "第二段内容，继续介绍情况。"


def test_a_subheading_of_two_short_clauses_is_not_glued_to_the_next_paragraph():
    text = "标题一则\n\n导语第一段，园区介绍情况。\n\n坚持党建引领，推进“甲乙”工程\n\n园区今年成立联合党委，覆盖企业。\n"
    (art,) = _articles(text)
    assert [p.text for p in art.body][-1] == "园区今年成立联合党委，覆盖企业。"
    assert [p.text for p in art.body] == ["导语第一段，园区介绍情况。", "园区今年成立联合党委，覆盖企业。"]


def test_a_subheading_right_after_a_finished_paragraph_is_a_heading_without_a_blank_line():
    text = "标题一则\n\n导语第一段，园区介绍情况。\n园区的做法如下：\n组织汇通，让园区管理更省心\n园区今年成立联合党委。\n"
    (art,) = _articles(text)
    assert [p.text for p in art.body] == [
        "导语第一段，园区介绍情况。",
        "园区的做法如下：",
        "园区今年成立联合党委。",
    ]
    # after a line that stops mid-sentence, a short line of two clauses is its continuation
    text = "标题一则\n\n导语第一段，园区介绍情况。\n园区成立了联合党委，覆盖非公企业，并且\n组建服务站，覆盖企业一百家\n党员两百名。\n"
    (art,) = _articles(text)
    assert "并且组建服务站，覆盖企业一百家" in art.text


def test_a_sentence_broken_after_a_comma_is_still_joined():
    text = "标题一则\n\n导语第一段，园区介绍情况。\n\n园区今年成立了联合党委和三个支部，覆盖\n\n企业一百家，党员两百名。\n"
    (art,) = _articles(text)
    assert "覆盖企业一百家" in art.text


@pytest.mark.parametrize("raw_text", ["", "\n\n\n", "   ", "# 只有标题"])
def test_empty_or_title_only_input_gives_no_body(raw_text):
    assert all(not a.body for a in _articles(raw_text))


def test_classify_lines_reads_bylines():
    kinds = [b.kind for b in classify_lines("# 标题\n\n▶ 本报记者 张三\n\n正文第一段，有内容。")]
    assert kinds == ["heading", "byline", "body"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_read_articles_never_raises(text):
    for art in _articles(text):
        assert isinstance(art.title, str)


def test_a_copy_is_found_after_thousands_of_similar_paragraphs():
    from lib.core.model import BODY, Paragraph
    from lib.reading.repair import mark_duplicates

    original = (
        "嘉兴高新区推行“六联工作法”，实现组织联建、资源联享、技术联攻、人才联育、市场联拓、治理联抓，"
        "全年走访企业近4000家次，协调解决各类企业发展难题80余项。"
    )
    rng = random.Random(5)
    words = (
        "党建 园区 企业 组织 服务 人才 产业 创新 发展 联建 覆盖 先锋 阵地 治理 品牌 项目 链条 融合".split()
    )
    filler = ["".join(rng.choice(words) for _ in range(12)) + "。" for _ in range(3000)]  # all different
    texts = [original, *filler, "一直以来，" + original, filler[1500]]
    paragraphs = [Paragraph(seq=i, kind=BODY, text=t) for i, t in enumerate(texts)]
    mark_duplicates(paragraphs)
    assert [(p.seq, p.duplicate_of) for p in paragraphs if p.is_duplicate] == [(3001, 0), (3002, 1501)]


def test_flat_and_deeply_nested_html_pages_are_read_whole():
    from lib.reading.formats import extract_text

    nested = (
        "<html><body>" + "<div>" * 30000 + "园区党建<br>第二行" + "</div>" * 30000 + "</body></html>"
    ).encode()
    assert extract_text(nested, name="deep.html") == "园区党建\n\n第二行"
    flat = "<html><body><h2>小标题</h2>" + "".join(f"<p>第{i}段</p>" for i in range(5000)) + "</body></html>"
    lines = extract_text(flat.encode(), name="flat.html").split("\n\n")
    assert lines[:3] == ["## 小标题", "第0段", "第1段"] and len(lines) == 5001


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a reposting site's pinyin after characters, with ASCII or full-width brackets
        ("西华经开区(qū)的产业(yè)社区（qū）", "西华经开区的产业社区"),
        ("开发（fā）区（qū）推进优（yōu）质发展(lǜ)", "开发区推进优质发展"),
        # brackets that are text: a letter, a word, a number, pinyin without a tone mark
        ("A区(B区)、产业园(二期)、(2023)、园区(yuan)", "A区(B区)、产业园(二期)、(2023)、园区(yuan)"),
        ("Beijing(běi) 不跟在汉字后", "Beijing(běi) 不跟在汉字后"),
    ],
)
def test_pinyin_glosses_are_dropped(raw, expected):
    assert drop_pinyin_glosses(raw) == expected


def test_a_heading_right_under_another_joins_it_in_one_section():
    text = "标题一则\n\n导语第一段，园区介绍情况。\n\n构建“四级体系”\n\n锻造治理“中轴线”\n\n园区建立四级组织体系。\n\n二、服务\n\n园区服务企业。\n"
    (art,) = _articles(text)
    assert [p.section for p in art.body] == ["", "构建“四级体系” 锻造治理“中轴线”", "二、服务"]


def test_corner_brackets_become_the_curly_quotes_rules_read():
    # made up: a traditional-script page quotes with 「」 and 『』; after repair the rules see “…” and ‘…’
    assert (
        repair_text("傳化公路港的「卡車司機之家」升級，推出『紅色驛站』。")
        == "傳化公路港的“卡車司機之家”升級，推出‘紅色驛站’。"
    )
