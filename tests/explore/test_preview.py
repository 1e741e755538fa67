"""Tests for lib/preview.py: previewing uploads, the library and shipped tables, Markdown escaping.

Every test that touches a library uses one in tmp_path, never data/library."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import make_docx

from lib import config
from lib.dataset import build_dataset
from lib.explore import preview
from lib.reading import library

HEFEI_TITLE = "合肥高新区“三联工作法”激活党建引擎"
HEFEI = (
    f"# {HEFEI_TITLE}\n\n"
    "合肥高新区探索“三联工作法”，即组织联建、资源联享、人才联育，推动党建与发展深度融合。"
    "2024年，园区新建党组织36个，党组织覆盖率达到98%。\n"
)


@pytest.fixture
def lib_dir(tmp_path, monkeypatch):
    root = tmp_path / "library"
    monkeypatch.setattr(config, "LIBRARY_DIR", root)
    return root


def library_dataset():
    return build_dataset(library.text_paths(), overrides=library.overrides())


# --- preview_upload --------------------------------------------------------------------------------


def test_preview_of_a_new_zone_names_title_zone_and_initiative():
    p = preview.preview_upload("合肥.txt", HEFEI.encode("utf-8"))
    assert p.ok and p.size == len(HEFEI.encode("utf-8"))
    assert p.library_id == library.content_key(HEFEI)[: library.ID_LENGTH]
    [article] = p.articles
    assert (article.title, article.zone) == (HEFEI_TITLE, "合肥高新区")
    assert article.initiatives == ("三联工作法",) and article.n_initiatives == 1
    assert article.n_metrics >= 2  # 36个 党组织, 98% 覆盖率
    assert article.n_chars > 50


def test_preview_of_a_real_two_report_file_lists_both_reports(raw):
    p = preview.preview_upload("001.txt", raw("001").encode("utf-8"))
    assert [(a.title, a.zone) for a in p.articles] == [
        ("昆山高新区“链”出科创发展红色动能", "昆山高新区"),
        ("贵阳高新区建强党建“链”激活发展“链”", "贵阳高新区"),
    ]
    assert all(a.n_metrics and a.n_initiatives for a in p.articles)


def test_preview_reads_a_word_document():
    data = make_docx([f"# {HEFEI_TITLE}", HEFEI.split("\n\n", 1)[1].strip()])
    p = preview.preview_upload("合肥.docx", data)
    assert p.ok and p.articles[0].zone == "合肥高新区"
    assert (
        p.library_id == preview.preview_upload("合肥.txt", HEFEI.encode()).library_id
    )  # same text, same article


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("english.txt", b"Party building in development zones.\n", "没有中文内容"),
        ("empty.md", b"", "空文件"),
        ("table.xlsx", HEFEI.encode(), "不支持的文件类型"),
        ("scan.pdf", b"%PDF-1.4 not really", "不是有效的 PDF 文件"),
        ("a/b.txt", HEFEI.encode(), "路径分隔符"),
        (
            "只有标题.txt",
            "# 只有标题\n".encode(),
            "没有可识别的正文",
        ),  # accepted by the library, but no report in it
    ],
)
def test_refused_preview_names_the_file_and_the_reason(name, data, reason):
    p = preview.preview_upload(name, data)
    assert not p.ok and p.articles == ()
    assert p.error.startswith(f"文件 {name}：") and reason in p.error


def test_an_upload_past_the_time_budget_is_refused_with_the_reason(monkeypatch, corpus_files):
    from lib import config
    from lib.core import budget

    monkeypatch.setattr(config, "FILE_BUDGET_SECONDS", 0.1)
    texts = [p.read_text(encoding="utf-8") for p in corpus_files]
    whole = "\n\n".join(
        t.replace("高新区", f"高新区{n}号") for n in range(10) for t in texts
    )  # seconds of work
    p = preview.preview_upload("大文件.txt", whole.encode())
    assert not p.ok and "超过 0.1 秒" in p.reason and p.error.startswith("文件 大文件.txt：")
    budget.shutdown()
    monkeypatch.setattr(config, "FILE_BUDGET_SECONDS", 60)
    assert preview.preview_upload("a.txt", HEFEI.encode()).ok  # a fresh worker for the next file


def test_an_upload_while_a_rule_file_is_broken_is_refused_naming_the_rule_file(broken_rules):
    from lib.core import budget

    budget.shutdown()  # a worker forked with the broken rules
    p = preview.preview_upload("合肥.txt", HEFEI.encode("utf-8"))
    assert not p.ok and p.error.startswith("文件 合肥.txt：规则有误")
    assert "initiatives.json" in p.reason and "stoplist" in p.reason
    budget.shutdown()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "b.md", "c.html", "d.docx", "e.pdf"]))
def test_preview_never_raises(data, name):
    p = preview.preview_upload(name, data)
    assert p.ok == (not p.error)


# --- preview_table ---------------------------------------------------------------------------------


def test_preview_table_marks_known_and_repeated_uploads():
    good = preview.preview_upload("合肥.txt", HEFEI.encode())
    bad = preview.preview_upload("english.txt", b"hello")
    table = preview.preview_table([good, bad, good], known_ids=set())
    assert list(table["status"]) == ["可以加入", "与本次上传的 合肥.txt 内容相同，只加入一次"]
    assert table.loc[0, "initiatives"] == ["三联工作法"] and table.loc[0, "zone"] == "合肥高新区"
    known = preview.preview_table([good], known_ids={good.library_id})
    assert list(known["status"]) == ["已在语料库中，不会重复加入"]
    assert list(preview.preview_table([bad], known_ids=set()).columns) == preview.PREVIEW_COLUMNS


# --- library and shipped tables --------------------------------------------------------------------


def test_library_table_joins_entries_with_their_reports(lib_dir, raw):
    hefei = library.add_text("", HEFEI)
    two = library.add_file("两篇报道.txt", raw("001").encode("utf-8"))
    table = preview.library_table(library.list_entries(), library_dataset()).set_index("id")
    assert table.loc[
        hefei.id, ["name", "title", "zone", "n_articles", "n_initiatives", "status"]
    ].tolist() == [library.PASTED_NAME, HEFEI_TITLE, "合肥高新区", 1, 1, "已分析"]
    row = table.loc[two.id]
    assert row["title"] == "昆山高新区“链”出科创发展红色动能 / 贵阳高新区建强党建“链”激活发展“链”"
    assert (row["zone"], row["n_articles"], row["name"]) == ("昆山高新区、贵阳高新区", 2, "两篇报道.txt")
    assert row["n_metrics"] > 0 and row["size"] == len(raw("001").encode("utf-8"))
    assert row["uploaded"].tzinfo is not None


def test_tables_from_counts_made_once_equal_the_tables_made_alone(lib_dir):
    library.add_text("", HEFEI)
    ds = library_dataset()
    counted = preview.article_counts(ds)
    before = counted.copy()
    entries = library.list_entries()
    pd.testing.assert_frame_equal(
        preview.library_table(entries, ds, counted), preview.library_table(entries, ds)
    )
    pd.testing.assert_frame_equal(preview.shipped_table(ds, counted), preview.shipped_table(ds))
    pd.testing.assert_frame_equal(counted, before)  # shared between sessions: left as it was


def test_library_table_shows_overrides_and_articles_the_pipeline_skipped(lib_dir):
    hefei = library.add_text("", HEFEI)
    library.set_override(hefei.id, zone="测试新区", title="改过的标题")
    empty = library.add_text("只有标题", "只有标题")  # the library takes it; the pipeline finds no body
    ds = library_dataset()
    table = preview.library_table(library.list_entries(), ds).set_index("id")
    assert table.loc[hefei.id, ["title", "zone"]].tolist() == ["改过的标题", "测试新区"]
    assert table.loc[empty.id, "status"].startswith("未能分析：") and table.loc[empty.id, "n_articles"] == 0
    assert table.loc[empty.id, "title"] == "只有标题"
    assert preview.library_reports(ds, hefei.id)["zone_method"].tolist() == ["manual"]
    assert preview.library_reports(ds, empty.id).empty


def test_library_table_of_an_empty_library_has_the_columns(lib_dir, corpus_dataset):
    table = preview.library_table([], corpus_dataset)
    assert table.empty and list(table.columns) == preview.LIBRARY_COLUMNS


def test_shipped_table_counts_metrics_and_initiatives(corpus_dataset):
    table = preview.shipped_table(corpus_dataset)
    assert len(table) == 6 and list(table.columns) == preview.SHIPPED_COLUMNS
    ds = corpus_dataset
    for row in table.itertuples():
        assert row.n_metrics == (ds.metrics["article_id"] == row.article_id).sum()
        assert row.n_initiatives == (ds.initiatives["article_id"] == row.article_id).sum()
    assert pd.api.types.is_integer_dtype(table["n_metrics"])


def test_zone_choices_hold_the_gazetteer_and_the_corpus_zones():
    choices = preview.zone_choices(["合肥高新区", ""])
    assert {"昆山高新区", "苏州工业园区", "嘉兴高新区", "贵阳高新区", "合肥高新区"} <= set(choices)
    assert "" not in choices and choices == sorted(set(choices))


# --- text helpers ----------------------------------------------------------------------------------
