"""词语分析 on small token tables whose collocations, co-occurrences, trends and phrases are counted by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import reference_words as ref


def paragraphs(*token_lists, years=None, zones=None) -> pd.DataFrame:
    n = len(token_lists)
    return pd.DataFrame(
        {
            "tokens": [list(t) for t in token_lists],
            "year": years or [2020] * n,
            "zone": zones or ["甲区"] * n,
        }
    )


def test_collocates_count_a_window_and_rank_by_log_dice():
    table = ref.collocates(paragraphs("abcad", "ba"), "a", window=1)
    # a occurs 3 times; within one word of it: b twice (p1 start, p2 end), c and d once
    assert table["term"].tolist() == ["b", "c", "d"]
    assert table["together"].tolist() == [2, 1, 1] and table["term_total"].tolist() == [2, 1, 1]
    assert table["log_dice"].iloc[0] == pytest.approx(14 + math.log2(2 * 2 / (3 + 2)), abs=1e-3)
    assert table["log_dice"].iloc[1] == pytest.approx(13.0)


def test_a_collocate_near_two_occurrences_counts_once():
    # b stands within one word of both a's: it occurs once, so it is counted once, not twice
    table = ref.collocates(paragraphs("aba"), "a", window=1)
    assert table.set_index("term")["together"].to_dict() == {"b": 1}
    assert (table["together"] <= table["term_total"]).all()


def test_collocates_of_an_absent_word_are_empty():
    assert ref.collocates(paragraphs("abc"), "z").empty


def test_cooccurrence_weights_edges_by_jaccard_and_keeps_the_strongest():
    nodes, edges = ref.cooccurrence(paragraphs("ab", "abc", "ac", "bc", "ab"), n_edges=2)
    # a in {0,1,2,4}, b in {0,1,3,4}, c in {1,2,3}: a-b share 3 of 5 paragraphs, a-c and b-c 2 of 5
    assert edges.values.tolist() == [["a", "b", 3, 0.6], ["a", "c", 2, 0.4]]
    assert set(nodes["term"]) == {"a", "b", "c"}
    assert dict(zip(nodes["term"], nodes["paragraphs"], strict=True)) == {"a": 4, "b": 4, "c": 3}
    assert nodes["community"].min() == 1 and nodes[["x", "y"]].notna().all().all()


def test_cooccurrence_layout_is_the_same_every_time():
    table = paragraphs("ab", "abc", "ac", "bc", "ab", "cd", "cd")
    first, again = ref.cooccurrence(table)[0], ref.cooccurrence(table)[0]
    pd.testing.assert_frame_equal(first, again)


def test_cooccurrence_of_words_that_never_share_two_paragraphs_is_empty():
    nodes, edges = ref.cooccurrence(paragraphs("ab", "cd"))
    assert nodes.empty and edges.empty


def test_trends_give_counts_and_rates_per_year_for_every_word():
    table = ref.trends(paragraphs("aba", "b", years=[2020, 2021]), ["a", "b"])
    assert table.values.tolist() == [
        [2020, "a", 2, 3, round(2 / 3 * 10_000, 2)],
        [2020, "b", 1, 3, round(1 / 3 * 10_000, 2)],
        [2021, "a", 0, 1, 0.0],
        [2021, "b", 1, 1, 10_000.0],
    ]


def test_trends_by_zone_leave_out_paragraphs_without_a_zone():
    table = ref.trends(paragraphs("ab", "a", zones=["甲区", ""]), ["a"], by="zone")
    assert table.values.tolist() == [["甲区", "a", 1, 2, 5000.0]]


def test_phrases_count_runs_and_drop_a_run_that_only_occurs_inside_a_longer_one():
    table = ref.phrases(paragraphs("xyz", "xyz", "xyw"))
    # x y: 3 times; x y z: twice; y z occurs only inside x y z, so it is left out; y w once (below 2)
    assert table.values.tolist() == [["x y", 2, 3, 3], ["x y z", 3, 2, 2]]


def test_phrases_skip_repetitions():
    assert ref.phrases(paragraphs("aa", "aa")).empty


def test_labels_never_overlap_and_the_most_important_are_placed_first():
    from lib.explore.word_charts import label_positions

    # six points on one spot: four slots around it, the two least important stay on hover
    texts = ["甲乙", "丙丁", "戊己", "庚辛", "壬癸", "子丑", "远处"]
    slots = label_positions([0] * 6 + [1], [0] * 6 + [1], texts, [6, 5, 4, 3, 2, 1, 0])
    assert slots[:4] == ["top center", "bottom center", "middle right", "middle left"]
    assert slots[4:6] == [None, None] and slots[6] == "top center"


def test_phrases_run_to_four_words_and_the_shorter_runs_inside_them_are_left_out():
    table = ref.phrases(paragraphs("wxyz", "wxyz", "wxq"))
    # w x y z twice; w x y and x y z only inside it; w x three times stands on its own
    assert table.values.tolist() == [["w x", 2, 3, 3], ["w x y z", 4, 2, 2]]
