"""lib/reading/decode.py and formats.py: decoding, extraction per format, web clutter, Traditional Chinese."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import (
    ARTICLE,
    HEADING,
    PARA_1,
    PARA_2,
    PURE_HANZI,
    TITLE,
    blank_pdf,
    make_docx,
    make_pdf,
    make_zip,
    real_texts,
)

from lib import config
from lib.core.chars import RE_CJK
from lib.core.errors import ReadError
from lib.core.safety import display_name
from lib.reading import decode, pages
from lib.reading.articles import read_articles
from lib.reading.decode import decode_bytes, is_traditional, to_simplified
from lib.reading.formats import extract_text, strip_web_clutter

# --- decode_bytes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [ARTICLE, PURE_HANZI], ids=["article", "pure-hanzi"])
@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: t.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
        pytest.param(lambda t: t.encode("gbk"), id="gbk"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda t: b"\xff\xfe" + t.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(lambda t: b"\xfe\xff" + t.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(lambda t: t.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(lambda t: t.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(lambda t: t.encode("utf-32"), id="utf-32-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("gb18030"), id="gb18030-crlf"),
    ],
)
def test_decode_bytes_gives_the_same_text_in_every_encoding(text, encode):
    assert decode_bytes(encode(text), name="a.txt") == text


@pytest.mark.parametrize(
    "text",
    [
        "黨建引領發展。崑山高新區聚焦產業鏈，建強組織鏈，實現「八連升」。",
        "蘇州工業園區將黨建與發展深度融合，為世界一流高科技園區注入紅色動能。",
    ],
)
def test_decode_bytes_reads_big5_traditional_text(text):
    assert decode_bytes(text.encode("big5"), name="繁體.txt") == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "空文件"),
        (b" \n\t\r\n ", "空文件"),
        (b"\xef\xbb\xbf", "空文件"),
        (b"\xff\xfe", "空文件"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "二进制文件"),
        (random.Random(7).randbytes(4096), "二进制文件"),
        (b"\x00" * 64 + "党建引领发展".encode() + b"\x00" * 64, "二进制文件"),
        (b"\xff\xfe" + b"\x01\x00\x02\x00\x03\x00" * 20, "二进制文件"),
        ("café à la crème, très élégant".encode("latin-1"), "无法识别的文本编码"),
        (b"\xef\xbb\xbf" + b"\xff\xfe\xfa\x80", "无法识别的文本编码"),
    ],
)
def test_decode_bytes_refuses_with_a_named_reason(data, reason):
    with pytest.raises(ReadError) as caught:
        decode_bytes(data, name="坏文件.txt")
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith(f"文件 坏文件.txt：{reason}")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_bytes_raises_only_read_error(data):
    try:
        text = decode_bytes(data, name="x.txt")
    except ReadError as err:
        assert err.reason
    else:
        assert text.strip() and "\r" not in text


def test_display_name_escapes_controls_and_caps_length():
    assert display_name("a\x00b\x1b.txt") == "a\\x00b\\x1b.txt"
    assert display_name("\u202etxt.exe") == "\\x202etxt.exe"
    long = display_name("长" * 300 + ".txt")
    assert len(long) == 80 and long.endswith("…")


# --- extract_text ---------------------------------------------------------------------------------

CLUTTERED_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>{TITLE}_中国高新网</title>
<style>p {{ color: red }}</style><script>var views = 1;</script></head>
<body>
<header><div class="logo">中国高新网</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a>新闻中心</a></li><li><a>园区动态</a></li></ul></nav>
<div class="topmenu">首页 新闻中心 政务公开 办事服务 互动交流</div>
<div class="crumb-bar">首页 &gt;&gt; 新闻中心 &gt;&gt; 园区动态</div>
<div class="where">当前位置：首页 &gt; 园区动态 &gt; 正文</div>
<div class="article">
  <h1>{TITLE}</h1>
  <div class="meta">发布日期：2024-05-31 10:23 来源：中国高新技术产业导报 浏览次数：<span>1234</span></div>
  <p class="src">来源：中国高新技术产业导报</p>
  <p>{PARA_1[:40]}
     {PARA_1[40:]}</p>
  <h4>{HEADING}</h4>
  <p>{PARA_2[:20]}<strong>{PARA_2[20:30]}</strong>{PARA_2[30:]}</p>
  <!-- 注释不是正文 -->
  <div class="bdsharebuttonbox">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
  <p class="tools">【打印本页】 【关闭窗口】</p>
  <p>（责任编辑：张三）</p>
  <ul class="pager"><li>上一篇：苏州工业园区党建工作综述</li><li>下一篇：贵阳高新区建强党建链</li></ul>
</div>
<div class="foot">版权所有 © 2024 中国高新网 京ICP备12345678号</div>
</body></html>"""


def test_extract_text_html_keeps_body_and_drops_clutter():
    text = extract_text(CLUTTERED_PAGE.encode("gb18030"), name="page.html")
    assert (
        text.split("\n\n")
        == [
            f"# {TITLE}",
            "发布日期：2024-05-31 10:23 来源：中国高新技术产业导报 浏览次数：1234",  # metadata stays for the date
            "来源：中国高新技术产业导报",
            PARA_1[:40] + " " + PARA_1[40:],
            f"#### {HEADING}",
            PARA_2,
        ]
    )


def test_extract_text_html_without_h1_uses_the_page_title():
    page = f"<html><head><title>{TITLE}</title></head><body><div>{PARA_2}<br>{PARA_1}</div></body></html>"
    assert extract_text(page.encode(), name="p.htm").split("\n\n") == [f"# {TITLE}", PARA_2, PARA_1]


def test_extract_text_docx_headings_paragraphs_and_tables():
    data = make_docx(
        [f"# {TITLE}", PARA_1, "", f"#### {HEADING}", PARA_2], table=[["指标", "数值"], ["企业", "3000家"]]
    )
    assert extract_text(data, name="报道.docx").split("\n\n") == [
        f"# {TITLE}",
        PARA_1,
        f"#### {HEADING}",
        PARA_2,
        "指标 数值",
        "企业 3000家",
    ]


def test_extract_text_pdf_reads_the_text_layer():
    assert extract_text(make_pdf([TITLE, PARA_2]), name="报道.pdf") == f"{TITLE}\n{PARA_2}"


@pytest.mark.parametrize(
    "name, data, reason",
    [
        (
            "fake.docx",
            make_zip({"hello.txt": b"hi", "img/a.png": b"\x89PNG"}),
            "不是 Word 文档：压缩包里没有 word/document.xml",
        ),
        ("notzip.docx", "昆山高新区".encode(), "不是有效的 Word 文档"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "这是旧版 Word（.doc）文件"),
        (
            "broken.docx",
            make_zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x/>"}),
            "Word 文档已损坏",
        ),
        ("scan.pdf", blank_pdf(), "无法读取文字层（可能是扫描件）"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "不是有效的 PDF 文件"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "不支持的文件类型“.png”"),
        ("README", "昆山高新区".encode(), "不支持的文件类型“无扩展名”"),
        ("menu.html", "<nav>首页 新闻</nav><script>x()</script>".encode(), "没有可读取的文字"),
    ],
)
def test_extract_text_refuses_with_a_named_reason(name, data, reason):
    with pytest.raises(ReadError) as caught:
        extract_text(data, name=name)
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith(f"文件 {name}：")


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([".txt", ".html", ".docx", ".pdf"]), st.binary(max_size=1000))
def test_extract_text_raises_only_read_error(suffix, data):
    try:
        extract_text(data, name="x" + suffix)
    except ReadError as err:
        assert err.reason


# --- strip_web_clutter ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "首页 >> 新闻中心 >> 园区动态",
        "当前位置：首页 > 新闻 > 正文",
        "您的位置: 首页 > 党建工作",
        "首页 新闻中心 政务公开 办事服务 互动交流",
        "首页 | 新闻中心 | 政务公开 | 办事服务",
        "浏览次数：1234",
        "阅读量：10万+",
        "【字体：大 中 小】 浏览次数：",
        "分享到：微信 微博 QQ空间",
        "微信 微博 QQ空间",
        "【打印本页】 【关闭窗口】",
        "上一篇：苏州工业园区党建工作综述",
        "下一篇：无",
        "（责任编辑：张三）",
        "【编辑：李四】",
        "版权所有 © 2024 中国高新网 京ICP备12345678号",
        "苏公网安备 32059002001234号",
        "返回顶部",
        "微信扫一扫关注该公众号",
        "阅读原文",
        "在看",
        "点击上方蓝字关注我们",
    ],
)
def test_strip_web_clutter_drops_chrome_lines(line):
    assert pages.line_kind(line) == "clutter"
    assert strip_web_clutter(f"{PARA_1}\n{line}\n{PARA_2}") == f"{PARA_1}\n{PARA_2}"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("发布日期：2024-05-31", "2024-05-31"),
        ("发布时间：2024-05-31 10:23:45 来源：新华网 浏览次数：3021", "2024-05-31"),
        ("时间：2024年05月31日 来源：苏州日报", "2024-05-31"),
        ("2024-05-31 10:23", "2024-05-31"),
        ("2024年05月31日 来源：中国高新网", "2024-05-31"),
        ("扬眼 2024-07-02 16:41:10", "2024-07-02"),
        ("2023-06-09| 互联网| 查看: 5| 评论: 0", "2023-06-09"),
        ("来源:大众日报 2018-12-14 10:01   https://www.yybnet.net/", "2018-12-14"),
        ("2020年05月28日10:55  来源:人民网-广西频道", "2020-05-28"),
        ("来源：威海高新区 作者：单大伟", None),
        ("信息发布者:某某网友", None),
        ("浏览次数:1203 信息来源: 某某经济开发区发布时间:2012-03-02 |", "2012-03-02"),
        ("发布人：党群工作部 2023-04-12", "2023-04-12"),
        ("文章来源:某某经济开发区党政办公室", None),
        ("新闻来源：某某日报 2022-03-01", "2022-03-01"),
        ("稿件来源：某某区融媒体中心", None),
        # made up: a date in Chinese numerals, as official documents write it
        ("二〇二三年五月六日", "2023-05-06"),
        ("二零一九年十二月二十六日 星期四", "2019-12-26"),
    ],
)
def test_metadata_lines_stay_for_their_date(line, date):
    assert pages.line_kind(line) == "meta"
    assert strip_web_clutter(line) == line
    assert pages.publication_date([line]) == date


@pytest.mark.parametrize(
    "line",
    [
        "今天是：2025年12月04日 星期四",
        "地方网 > 山东 > 泰安市 > 泰安新闻 > 正文",
        "泰安新闻 新泰新闻 肥城新闻 宁阳新闻 东平新闻",
        "  • 首页",
        "澎湃Logo",
        "47",
        "01:09",
        "浏览量 30182",
        "搜索热词：",
        "某某市人民政府门户网站欢迎您！",
        "欢迎来到某某新闻网!",
        "第B03版：要闻·综合",
        "第06版",
        "第07：园区动态",
        "本版新闻列表",
        "版面导航",
        "上一版2   3下一版",
        "5 上一篇   下一篇 6",
        "放大 缩小 默认",
        "某某园区召开季度党建例会~~~",
        "某某日报社旗下媒体: 某某网 | 某某日报 | 某某晚报",
        "本篇文章262字,读完约1分钟",
        "全文共1,200字，阅读大约需要3分钟",
    ],
)
def test_page_chrome_of_real_pages_is_clutter(line):
    assert pages.line_kind(line) == "clutter"


@pytest.mark.parametrize("line", ["标题:“某某园区成立党建联盟”", "地址:http://www.x.cn/1.html"])
def test_a_reposts_labelled_headline_and_address_are_page_metadata(line):
    assert pages.line_kind(line) == "meta"


@pytest.mark.parametrize(
    "line",
    [
        "泰安高新区创新党建工作模式 “红色家园”引领园区转型发展",
        "学党史 悟思想 办实事 开新局",
        "2024年，园区新建党组织36个，党组织覆盖率达到98%。",
        "本报记者 李争粉 特约通讯员 魏志强 沈丹萍",
        "第3名党员志愿者走进企业车间",
        "第1段",
        "欢迎企业家回乡创业 某某经开区打造“归雁驿站”",
    ],
)
def test_headlines_and_sentences_are_not_page_chrome(line):
    assert pages.line_kind(line) != "clutter"


@pytest.mark.parametrize(
    "line",
    [
        PARA_1,
        f"#### {HEADING}",
        "本报记者 叶伟 特约通讯员 许嘉",
        "▶ 本报记者 叶伟",
        "来源：中国高新技术产业导报",
        "今年以来，园区“红色管家”公众号阅读量突破10万次，成为居民了解政策的重要窗口。",
        "首页设计获评年度优秀政务网站，园区在线服务更加便捷。",
        "分享经验、交流做法，各园区党组织结对共建。",
        "学党史，悟思想。5月31日，昆山高新区举行庆祝建党100周年暨党史学习教育主题活动。",
        "2019年，“红色管家”入选全国城市基层党建创新案例。",
    ],
)
def test_strip_web_clutter_keeps_body_lines(line):
    assert strip_web_clutter(f"{line}\n{PARA_2}") == f"{line}\n{PARA_2}"


@pytest.mark.parametrize(
    "path", sorted((config.DATA_DIR / "articles").glob("*.txt")), ids=lambda p: p.name[:3]
)
def test_strip_web_clutter_keeps_every_line_of_the_shipped_articles(path):
    text = path.read_text(encoding="utf-8")
    kept = strip_web_clutter(text).split("\n")
    assert [line for line in text.split("\n") if line.strip()] == [line for line in kept if line.strip()]


def test_strip_web_clutter_collapses_the_blank_lines_left_behind():
    assert (
        strip_web_clutter(f"{PARA_1}\n\n浏览次数：12\n\n分享到：微信\n\n{PARA_2}") == f"{PARA_1}\n\n{PARA_2}"
    )


# --- Traditional Chinese --------------------------------------------------------------------------

TRADITIONAL = [
    ("黨建引領發展，崑山高新區聚焦產業鏈、建強組織鏈。", "党建引领发展，昆山高新区聚焦产业链、建强组织链。"),
    (
        "蘇州工業園區將黨建與發展深度融合，為世界一流高科技園區注入紅色動能。",
        "苏州工业园区将党建与发展深度融合，为世界一流高科技园区注入红色动能。",
    ),
    (
        "貴陽高新區以「五個一」行動為總攬，2023年實現營業收入1200億元。",
        "贵阳高新区以「五个一」行动为总揽，2023年实现营业收入1200亿元。",
    ),
]


@pytest.mark.parametrize("traditional, simplified", TRADITIONAL)
def test_traditional_text_is_detected_and_converted(traditional, simplified):
    assert is_traditional(traditional)
    assert not is_traditional(simplified)
    assert to_simplified(traditional) == simplified
    assert to_simplified(simplified) == simplified


@pytest.mark.parametrize("text", [PARA_1, PARA_2, ARTICLE, "", "abc 123", "中"])
def test_simplified_or_plain_text_is_not_traditional(text):
    assert not is_traditional(text)
    assert to_simplified(text) == text


def test_mostly_simplified_text_quoting_a_traditional_name_is_not_traditional():
    assert not is_traditional(f"{PARA_1}“臺灣”{PARA_2}")


def counted_by_character(text: str) -> bool:
    """is_traditional as the characters' counts define it: each distinct hanzi converted by OpenCC."""
    to_simp, to_trad = decode._converter("t2s"), decode._converter("s2t")
    hanzi = {c for c in text if RE_CJK.match(c)}
    traditional = sum(text.count(c) for c in hanzi if to_simp.convert(c) != c)
    simplified = sum(text.count(c) for c in hanzi if to_trad.convert(c) != c)
    return traditional > simplified if traditional and simplified else bool(traditional)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"貴陽區個動實營億後臺灣贵阳区个动实营亿后台湾中高新党建，。a1 ", PARA_1]),
        max_size=40,
    )
)
def test_is_traditional_counts_the_traditional_and_simplified_only_hanzi(parts):
    text = "".join(parts)
    assert is_traditional(text) == counted_by_character(text)


def test_is_traditional_of_real_reports_is_the_count_by_character():
    for text in [*real_texts(), *(t for t, _ in TRADITIONAL)]:
        assert is_traditional(text) == counted_by_character(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_helpers_never_raise(text):
    assert isinstance(strip_web_clutter(text), str)
    assert isinstance(is_traditional(text), bool)
    assert isinstance(to_simplified(text), str)


def test_a_few_nul_bytes_and_form_feeds_are_cleaned_at_the_door(tmp_path):
    from lib.reading.decode import decode_bytes
    from lib.reading.formats import extract_text

    filler = "嘉兴高新区坚持党建引领，推动企业发展。" * 20  # a few NULs in a real report, under 1 %
    data = f"嘉兴高新区党建报道\n\n{filler}\n\n全年走访企业近4000家次，\f\x00形成“六联工作法”。\n".encode()
    for text in (decode_bytes(data, name="a.txt"), extract_text(data, name="a.txt")):
        assert "\x00" not in text and "\f" not in text
        assert "全年走访企业近4000家次，\n形成“六联工作法”。" in text


def test_a_form_feed_in_an_added_report_does_not_break_the_excel_export(tmp_path, corpus_files):
    import io

    import openpyxl

    from lib.dataset.build import build_dataset
    from lib.explore.export import to_xlsx_bytes

    text = corpus_files[4].read_text(encoding="utf-8")
    damaged = tmp_path / "damaged.txt"
    damaged.write_text(text[:400] + "\f\x0b\x01" + text[400:], encoding="utf-8")
    ds = build_dataset([damaged])
    for table in (ds.metrics, ds.initiatives, ds.paragraphs):
        assert openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(table))).active.max_row == len(table) + 1


def test_a_docx_whose_zip_directory_lies_about_a_size_is_refused_before_it_is_inflated():
    import io
    import struct
    import zipfile

    import docx

    from lib.reading.formats import extract_text

    document = docx.Document()
    document.add_paragraph("园区党建")
    buf = io.BytesIO()
    document.save(buf)
    source, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":  # 20 MB inside
                data = data.replace(
                    b"</w:body>", b"<w:p><w:r><w:t>" + b"x" * 20_000_000 + b"</w:t></w:r></w:p></w:body>"
                )
            archive.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    at = raw.find(b"PK\x01\x02")
    while at != -1:  # the central directory claims 50 KB
        length = struct.unpack("<H", raw[at + 28 : at + 30])[0]
        if raw[at + 46 : at + 46 + length] == b"word/document.xml":
            raw[at + 24 : at + 28] = struct.pack("<I", 50_000)
        at = raw.find(b"PK\x01\x02", at + 4)
    with pytest.raises(ReadError, match="压缩包的内容与它的目录不符"):
        extract_text(bytes(raw), name="bomb.docx")


@pytest.mark.parametrize(
    "meta", ["发布日期:2023-05-12 浏览次数:", "来源：某某日报 发布时间：2023年05月12日 点击数："]
)
def test_metadata_glued_to_the_first_sentence_is_split_off(meta):
    text = (
        f"某某科技园党支部开展主题党日活动\n{meta}近日,某某科技园党支部组织党员参观红色教育基地。\n"
        "党员们表示，要把学习成果转化为工作动力。"
    )
    (art,) = read_articles(text, source_file="x.txt")
    assert art.date == "2023-05-12"
    assert art.body[0].text.startswith("近日")


def test_a_counter_with_its_value_stays_metadata():
    text = "某某科技园党支部开展主题党日活动\n发布日期:2023-05-12 浏览次数:128\n近日,某某科技园党支部组织党员参观红色教育基地。"
    (art,) = read_articles(text, source_file="x.txt")
    assert (art.date, len(art.body)) == ("2023-05-12", 1)
