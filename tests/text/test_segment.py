"""Segmentation: domain terms stay whole, each call's extra words are its own, rjieba ≡ jieba."""

from __future__ import annotations

import re

import jieba
import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import CJK
from lib.text import lexicon, segment
from tests.samples import real_texts

RE_SPACE_IN_CJK = re.compile(f"(?<=[{CJK}，。、“”])[ \t]+(?=[{CJK}，。、“”])")
RE_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


def repaired_paragraphs(raw_text: str) -> list[str]:
    """The test's own simple repair: no spaces inside Chinese, “curly” quotes, one paragraph a line."""
    text = RE_STRAIGHT_QUOTES.sub(r"“\1”", RE_SPACE_IN_CJK.sub("", raw_text))
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus_paragraphs(corpus_files):
    return [p for path in corpus_files for p in repaired_paragraphs(path.read_text(encoding="utf-8"))]


# Real sentences of the corpus (repaired), and the term each must keep whole (all but 1145 are
# split by plain jieba: the lexicon is what keeps them whole).
PINNED = [
    ("昆山高新区深化‘1+4+N’党建工作矩阵,依托新城北、阳科园、吴淞江和社会组织4个区域党建工作站", "1+4+N"),
    ("光伏新能源产业链依托党委牵头建立“六联工作法”,实现组织联建、资源联享、技术联攻", "六联工作法"),
    ("培育雅莹“五美党建”、福莱特“5F党建”、喜马拉雅喜播科技“有声”党建等一批标杆党建示范点", "5F党建"),
    ("依托“海棠红·幸福里”党建品牌,以微治理破解微难题,叠加数字化改革赋能", "海棠红·幸福里"),
    ("立足两新组织数量多、产业业态新、经营主体活跃的区域特点,系统化推进组织覆盖", "两新组织"),
    ("嘉兴高新区以党建联建为纽带,搭建“秀水科创联盟”平台,常态化联动浙江大学", "党建联建"),
    ("组建由32名党员组成的技术攻关、产品研发行动党支部,靶向攻坚行业“卡脖子”难题", "行动党支部"),
    ("苏州工业园区便将“管家”理念引入基层党建工作中，推出“红色管家”工作方法", "红色管家"),
    (
        "推进以建强“一个核心”、组建“一套班子”、实施“四项工程”、做优“五联机制”为内容的“1145”产业集群党建工作",
        "1145",
    ),
    ("立体式、全覆盖的党群服务中心体系基本建成，“15分钟服务圈”初步形成", "党群服务中心"),
    ("新增15处新就业群体友好服务场景", "新就业群体"),
    ("产业是立区之本,科创是强区之核。昆山高新区坚持以产业链党建破解发展瓶颈", "产业链党建"),
    ("打响“高新事·高兴办”营商服务党建品牌,开展助企惠民“党员帮帮团”项目", "高新事·高兴办"),
]


@pytest.mark.parametrize("sentence, term", PINNED)
def test_domain_terms_stay_whole_in_real_sentences(sentence, term):
    tokens = segment.tokenize(sentence)
    assert term in tokens
    assert "".join(tokens) == sentence
    assert (term in rjieba.cut(sentence)) == (term == "1145")


@pytest.mark.parametrize(
    "term",
    ["1+4+N", "六联工作法", "5F党建", "海棠红·幸福里", "两新组织", "党建联建", "行动党支部", "红色管家"],
)
def test_every_occurrence_in_the_corpus_is_one_token(corpus_paragraphs, term):
    occurrences = sum(p.count(term) for p in corpus_paragraphs)
    assert occurrences > 0
    assert sum(segment.tokenize(p).count(term) for p in corpus_paragraphs) == occurrences


def test_lexicon_terms_get_the_lexicon_tag():
    tagged = dict(segment.tag("福莱特“5F党建”与两新组织，“1+4+N”矩阵"))
    tag = lexicon.load_keywords_config()["lexicon_tag"]
    assert tagged["5F党建"] == tagged["两新组织"] == tagged["1+4+N"] == tag
    assert tagged["矩阵"] == "n"


@pytest.mark.parametrize(
    "text, absent, present",
    [
        ("编号11450元", "1145", None),  # a protected number does not match inside a longer one
        ("“1+4+NX”", "1+4+N", None),
        ("开展“共富同行·四方联建”", None, "共富同行·四方联建"),  # the longest term wins
        ("“1+1+10+N”七一系列活动", "1+19", "1+1+10+N"),
    ],
)
def test_protected_terms_match_whole_and_longest(text, absent, present):
    tokens = segment.tokenize(text)
    assert "".join(tokens) == text
    if absent:
        assert absent not in tokens
    if present:
        assert present in tokens


def test_extra_words_of_a_call_do_not_leak_into_later_calls():
    text = "大渔社区聚焦三水箫林小区居民出行难题"
    plain = segment.tokenize(text)
    assert "三水箫林小区" not in plain
    with_extra = segment.tokenize(text, extra_words=["三水箫林小区", "", " ", "居", None])
    assert "三水箫林小区" in with_extra and "".join(with_extra) == text
    assert segment.tokenize(text) == plain
    assert segment.tag(text) == segment.tag(text, extra_words=())
    assert ("三水箫林小区", "dt") in segment.tag(text, extra_words={"三水箫林小区"})


def test_extra_words_keep_a_new_articles_names_whole():
    text = "贵安新区依托“黔程无忧·红色服务站”党建品牌"
    tokens = segment.tokenize(text, extra_words=["贵安新区", "黔程无忧·红色服务站"])
    assert tokens[:2] == ["贵安新区", "依托"] and "黔程无忧·红色服务站" in tokens


def test_user_terms_file_changes_the_segmenter(user_lexicon):
    text = "大渔社区聚焦三水箫林小区居民出行难题"
    before = segment.tokenize(text)
    assert lexicon.add_term("三水箫林小区")
    assert "三水箫林小区" in segment.tokenize(text)
    assert lexicon.remove_term("三水箫林小区")
    assert segment.tokenize(text) == before


def test_rjieba_cuts_exactly_like_jieba_with_the_same_dictionary(corpus_paragraphs, tmp_path):
    entries = segment.dictionary_entries(lexicon.load_terms(), tag="dt")
    reference = jieba.Tokenizer()
    reference.tmp_dir = str(tmp_path)  # jieba's cache goes here, not to /tmp
    fast = rjieba.Jieba()
    for word, freq, pos in entries:
        reference.add_word(word, freq, pos)
        fast.add_word(word, freq, pos)
    assert len(entries) > 100
    protected = [t for t in lexicon.load_terms() if not segment.RE_HAN_ONLY.fullmatch(t)]
    unprotected = 0
    for paragraph in corpus_paragraphs:
        assert fast.cut(paragraph) == list(reference.cut(paragraph))
        if not any(t in paragraph for t in protected):  # then tokenize is that cutter, nothing more
            assert segment.tokenize(paragraph) == list(reference.cut(paragraph))
            unprotected += 1
    assert unprotected > 100


def test_empty_text():
    assert segment.tokenize("") == [] and segment.tag("") == []


@given(st.text(max_size=200), st.lists(st.text(max_size=8), max_size=4))
@settings(max_examples=200, deadline=None)
def test_tokenize_never_raises_and_loses_nothing(text, extra):
    tokens = segment.tokenize(text, extra_words=extra)
    assert "".join(tokens) == text
    assert [w for w, _ in segment.tag(text, extra_words=extra)] == tokens


def test_a_words_tag_is_a_function_of_the_word_and_tagging_cuts_as_cutting_does():
    """What lets the keyword filter cut a text and tag it only when it holds a word not seen yet."""
    cutter = segment.segmenter()
    tags: dict[str, set[str]] = {}
    for text in real_texts():
        for piece, protected in cutter.pieces(text, extra_words=["高新区", "党建+"]):
            if protected:  # one token with the lexicon's tag (extract_terms decides it by the pair)
                continue
            tagged = cutter.tag_piece(piece)
            assert [w for w, _ in tagged] == cutter.cut_piece(piece)
            for word, tag in tagged:
                tags.setdefault(word, set()).add(tag)
    assert len(tags) > 1000 and [w for w, found in tags.items() if len(found) > 1] == []
