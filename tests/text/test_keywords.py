"""Keywords: the content filter, top terms of each zone, frequencies, TF-IDF and keyness."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
import reference_words as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.chars import CJK
from lib.text import keywords, lexicon, segment
from tests.samples import real_texts

RE_SPACE_IN_CJK = re.compile(f"(?<=[{CJK}，。、“”])[ \t]+(?=[{CJK}，。、“”])")
#: Raw corpus files by zone (001 mixes 昆山 and 贵阳, so it is left out).
ZONE_FILES = {"昆山高新区": ["000", "002"], "苏州工业园区": ["003"], "嘉兴高新区": ["004"]}


@pytest.fixture(scope="module")
def zone_paragraphs(raw):
    """(zone, keywords of one paragraph) for the raw files, after the test's own repair."""
    rows = []
    for zone, prefixes in ZONE_FILES.items():
        for prefix in prefixes:
            for line in RE_SPACE_IN_CJK.sub("", raw(prefix)).splitlines():
                if line.strip():
                    rows.append({"zone": zone, "text": line, "tokens": keywords.extract_terms(line)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    "word, pos, expected",
    [
        ("矩阵", "n", True),
        ("党建", "j", True),  # a topic word, not a stopword: kept for keyness
        ("两新组织", "dt", True),
        ("1145", "dt", True),  # a number that is a name
        ("1145", None, True),  # known from the lexicon even without tags
        ("海棠红·幸福里", "dt", True),
        ("AI", "eng", True),
        ("算力", None, True),
        ("推动", "v", False),  # boilerplate stopword
        ("坚持", None, False),
        ("高质量", "n", False),
        ("的", "uj", False),
        ("，", "x", False),
        ("“", None, False),
        ("2025", "m", False),
        ("78.02%", None, False),
        ("１２", None, False),
        ("N", "eng", False),  # too short
        ("高兴", "a", False),  # adjective
        ("高兴", None, True),  # no tag known: only stopwords, numbers and length filter
        ("亿元", None, False),
    ],
)
def test_is_content_term(word, pos, expected):
    assert keywords.is_content_term(word, pos) is expected


def test_content_terms_takes_words_or_tagged_pairs():
    tagged = segment.tag("昆山高新区深化“1+4+N”党建矩阵，持续推动两新组织快速建设。")
    expected = ["昆山", "高新区", "1+4+N", "党建", "矩阵", "两新组织", "建设"]
    assert keywords.content_terms(tagged) == expected
    assert keywords.content_terms([w for w, _ in tagged]) == [
        *expected[:6],
        "快速",
        "建设",
    ]  # no POS: 快速 stays
    assert keywords.content_terms(tagged, pos_keep={"dt"}) == ["1+4+N", "两新组织"]


def test_extract_terms_keeps_the_names_passed_with_the_article():
    text = "贵安新区依托“黔程无忧·红色服务站”党建品牌"
    assert keywords.extract_terms(text, extra_words=["贵安新区", "黔程无忧·红色服务站"])[:2] == [
        "贵安新区",
        "黔程无忧·红色服务站",
    ]


@pytest.mark.parametrize(
    "zone, expected",
    [
        ("昆山高新区", {"党史", "人才", "项目"}),
        ("苏州工业园区", {"书记项目", "社区", "楼宇"}),
        ("嘉兴高新区", {"光伏", "产业链", "人才"}),
    ],
)
def test_top_20_terms_of_each_zone_are_content(zone_paragraphs, zone, expected):
    docs = zone_paragraphs[zone_paragraphs["zone"] == zone]
    top = keywords.top_terms(docs["tokens"], n=20)
    terms = set(top["term"])
    assert len(terms) == 20
    assert not terms & lexicon.load_stopwords()
    assert not terms & keywords.keyword_settings().topic_words
    assert all(any(ch.isalnum() for ch in t) and not keywords.RE_NUMBER.fullmatch(t) for t in terms)
    assert expected <= terms
    # without the filter the same text's top terms are boilerplate and punctuation
    raw_tokens = [segment.tokenize(t) for t in docs["text"]]
    raw_top = set(keywords.term_frequencies(raw_tokens).head(40)["term"])
    assert raw_top & lexicon.load_stopwords()
    assert any(not any(ch.isalnum() for ch in t) for t in raw_top)


def test_topic_words_can_be_kept(zone_paragraphs):
    docs = zone_paragraphs[zone_paragraphs["zone"] == "苏州工业园区"]["tokens"]
    assert "党建" in set(keywords.top_terms(docs, n=5, include_topic_words=True)["term"])
    assert "苏州工业园区" not in set(keywords.top_terms(docs, n=50, exclude=["苏州工业园区"])["term"])
    cloud = ref.cloud_frequencies(docs, max_words=30)
    assert len(cloud) == 30 and "党建" not in cloud and all(isinstance(v, int) for v in cloud.values())


def test_term_frequencies_on_hand_made_docs():
    table = keywords.term_frequencies([["甲", "乙", "甲"], ["乙"], ["丙", "甲"], [], None, np.array(["乙"])])
    assert list(table.columns) == ["term", "count", "doc_freq"]
    # equal counts: the term in more documents first
    assert table.to_dict("records") == [
        {"term": "乙", "count": 3, "doc_freq": 3},
        {"term": "甲", "count": 3, "doc_freq": 2},
        {"term": "丙", "count": 1, "doc_freq": 1},
    ]
    assert keywords.term_frequencies([]).empty


def test_tfidf_on_hand_made_docs():
    table = ref.tfidf({"a": ["x", "y", "x"], "b": ["y"]})
    rows = {(r.doc_id, r.term): r for r in table.itertuples()}
    idf_x = math.log(3 / 2) + 1  # ln((1 + N) / (1 + df)) + 1 with N = 2, df = 1
    assert rows["a", "x"].count == 2 and rows["a", "x"].tf == pytest.approx(2 / 3)
    assert rows["a", "x"].tfidf == pytest.approx(2 / 3 * idf_x)
    assert rows["a", "y"].idf == pytest.approx(1.0) and rows["b", "y"].tfidf == pytest.approx(1.0)
    assert list(table["doc_id"]) == ["a", "a", "b"] and table.iloc[0]["term"] == "x"
    assert ref.tfidf({}).empty


def _groups(counts: dict[str, dict[str, int]]) -> pd.DataFrame:
    """One row per group whose tokens repeat each term its count times, plus an empty row."""
    rows = [{"zone": g, "tokens": [t for t, n in c.items() for _ in range(n)]} for g, c in counts.items()]
    return pd.DataFrame([*rows, {"zone": next(iter(counts)), "tokens": []}])


def test_keyness_against_the_formula():
    # target: 甲 10 of c = 100 tokens; rest: 甲 5 of d = 200 tokens
    df = _groups({"A": {"甲": 10, "乙": 90}, "B": {"甲": 5, "乙": 195}})
    table = keywords.keyness(df, "zone", "A").set_index("term")
    assert list(table.reset_index().columns) == keywords.KEYNESS_COLUMNS
    # E1 = 100 * 15 / 300 = 5, E2 = 200 * 15 / 300 = 10: G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2
    assert table.loc["甲", "g2"] == pytest.approx(10 * math.log(2))
    assert table.loc["甲", "log_ratio"] == pytest.approx(math.log2((10.5 / 100) / (5.5 / 200)))
    assert table.loc["甲", "p_value"] == pytest.approx(math.erfc(math.sqrt(10 * math.log(2) / 2)))
    assert table.loc["甲", "p_value"] == pytest.approx(0.00847, abs=1e-5)  # chi-square(1) of 6.93
    # 乙: E1 = 95, E2 = 190; used less in A (90/100 < 195/200), so negative
    g2 = 2 * (90 * math.log(90 / 95) + 195 * math.log(195 / 190))
    assert table.loc["乙", "g2"] == pytest.approx(-g2)
    assert (table.loc["乙", "count_target"], table.loc["乙", "count_rest"]) == (90, 195)
    assert list(table.index) == ["甲", "乙"]  # most over-used first


def test_keyness_of_a_term_absent_from_one_side():
    df = _groups({"A": {"甲": 4, "乙": 6}, "B": {"乙": 10}})
    table = keywords.keyness(df, "zone", "A").set_index("term")
    # 甲: a = 4, b = 0, c = 10, d = 10: E1 = 2, G2 = 2 * 4 ln 2
    assert table.loc["甲", "g2"] == pytest.approx(8 * math.log(2))
    assert table.loc["甲", "log_ratio"] == pytest.approx(math.log2((4.5 / 10) / (0.5 / 10)))
    other = keywords.keyness(df, "zone", "B").set_index("term")
    assert other.loc["甲", "g2"] == pytest.approx(-8 * math.log(2))
    assert np.isfinite(other["log_ratio"]).all()


def test_keyness_all_compares_each_of_three_groups_with_the_rest():
    df = _groups({"A": {"甲": 10, "乙": 5}, "B": {"乙": 10, "丙": 5}, "C": {"丙": 10, "甲": 5}})
    table = ref.keyness_all(df, "zone")
    assert list(table.columns) == ["group", *keywords.KEYNESS_COLUMNS]
    assert sorted(table["group"].unique()) == ["A", "B", "C"]
    for group, top in (("A", "甲"), ("B", "乙"), ("C", "丙")):
        rows = table[table["group"] == group].reset_index(drop=True)
        assert rows.iloc[0]["term"] == top and rows.iloc[0]["g2"] > 0
        pd.testing.assert_frame_equal(rows.drop(columns="group"), keywords.keyness(df, "zone", group))


def test_keyness_of_two_groups_is_antisymmetric():
    df = _groups({"A": {"甲": 7, "乙": 3, "丙": 1}, "B": {"甲": 2, "乙": 9}})
    a = keywords.keyness(df, "zone", "A").set_index("term")["g2"]
    b = keywords.keyness(df, "zone", "B").set_index("term")["g2"]
    pd.testing.assert_series_equal(a.sort_index(), -b.sort_index())


def test_keyness_edge_cases():
    df = _groups({"A": {"甲": 3}})
    assert ref.keyness_all(df, "zone").empty
    assert keywords.keyness(df, "zone", "A").empty  # nothing to compare with
    with pytest.raises(ValueError):
        keywords.keyness(df, "zone", "Z")
    min_counted = keywords.keyness(
        _groups({"A": {"甲": 3, "乙": 1}, "B": {"甲": 1}}), "zone", "A", min_count=3
    )
    assert list(min_counted["term"]) == ["甲"]


def test_keyness_of_real_zones_finds_their_own_vocabulary(zone_paragraphs):
    table = ref.keyness_all(zone_paragraphs, "zone", min_count=3)
    top = {g: set(t[t["g2"] > 3.84]["term"]) for g, t in table.groupby("group")}  # p < 0.05
    assert {"书记项目", "红色管家", "楼宇党建"} <= top["苏州工业园区"]
    assert {"光伏", "工业社区", "新领秀"} <= top["嘉兴高新区"]
    assert {"党史", "富民"} <= top["昆山高新区"]
    assert not top["苏州工业园区"] & top["嘉兴高新区"]


@given(
    st.lists(
        st.one_of(st.text(max_size=12), st.tuples(st.text(max_size=12), st.text(max_size=4))), max_size=30
    )
)
@settings(max_examples=200, deadline=None)
def test_content_terms_never_raises(tokens):
    terms = keywords.content_terms(tokens)
    assert all(t and t == t.strip() for t in terms)


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_extract_terms_never_raises(text):
    terms = keywords.extract_terms(text)
    assert all(t in text for t in terms)


def test_over_used_is_keyness_against_the_rest_for_every_group_at_once():
    from scipy import sparse

    df = _groups({"A": {"甲": 10, "乙": 5, "丁": 1}, "B": {"乙": 10, "丙": 5}, "C": {"丙": 10, "甲": 5}})
    terms = np.array(["甲", "乙", "丙", "丁"], dtype=object)
    counts = sparse.csr_matrix([[10, 5, 0, 1], [0, 10, 5, 0], [5, 0, 10, 0]])
    table = keywords.over_used(counts, terms, ["A", "B", "C"], min_count=2)
    expected = ref.keyness_all(df, "zone", min_count=2)
    expected = expected[expected["g2"] > 0].reset_index(drop=True)
    pd.testing.assert_frame_equal(table, expected, check_exact=True)
    top = keywords.over_used(counts, terms, ["C", "A", "B"], min_count=2, top=1)  # rows named otherwise
    assert top[["group", "term"]].values.tolist() == [["A", "乙"], ["B", "丙"], ["C", "甲"]]
    assert keywords.over_used(counts[:1], terms, ["A"]).empty  # nothing to compare with


def test_tfidf_by_term_takes_each_terms_best_document():
    from scipy import sparse

    table = keywords.tfidf_by_term(sparse.csr_matrix([[2, 1], [0, 1]]), np.array(["x", "y"], dtype=object))
    idf_x = math.log(3 / 2) + 1  # ln((1 + N) / (1 + df)) + 1 with N = 2, df = 1
    assert table["term"].tolist() == ["y", "x"] and table["count"].tolist() == [2, 2]
    assert table["tfidf"].tolist() == [1.0, 2 / 3 * idf_x]  # y: 1/1 * (ln(3/3) + 1), in document 2


def test_extract_terms_is_the_content_terms_of_the_tagged_text_cold_and_warm():
    texts = [line for text in real_texts()[:60] for line in text.split("\n") if line.strip()]
    tagged = [segment.tag(t) for t in texts]
    expected = [keywords.content_terms(tokens) for tokens in tagged]
    keywords.keyword_settings().kept.clear()  # every token seen for the first time, then again
    keywords.keyword_settings().kept_words.clear()
    assert [keywords.extract_terms(t) for t in texts] == expected
    assert [keywords.extract_terms(t) for t in texts] == expected
    names = ["贵安新区", "黔程无忧·红色服务站", "1+4+N"]  # protected pieces among the cut ones
    expected = [keywords.content_terms(segment.tag(t, extra_words=names)) for t in texts]
    assert [keywords.extract_terms(t, extra_words=names) for t in texts] == expected
