"""The command line: python -m lib build | ingest | list | remove, with clear messages and exit codes."""

from __future__ import annotations

import pytest

from lib import config
from lib.cli import main


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(config, "LIBRARY_DIR", tmp_path / "library")
    return tmp_path


def test_build_from_another_folder_reports_skipped_files(isolated, corpus_files, capsys):
    corpus = isolated / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(corpus_files[4].read_bytes())
    (corpus / "broken.txt").write_bytes(b"\x00\xff" * 500)
    assert main(["build", "--corpus", str(corpus)]) == 2
    out = capsys.readouterr().out
    assert "文章 1 篇" in out and "已跳过 broken.txt：" in out and "嘉兴高新区" in out
    assert not (isolated / "cache").exists()  # --corpus never touches the cache


def test_build_all_good_exits_zero(isolated, corpus_files, capsys):
    corpus = isolated / "corpus"
    corpus.mkdir()
    for p in corpus_files:
        (corpus / p.name).write_bytes(p.read_bytes())
    assert main(["build", "--corpus", str(corpus)]) == 0
    assert "文章 6 篇" in capsys.readouterr().out


def test_build_with_a_broken_rule_file_names_it_and_exits_two(isolated, corpus_files, monkeypatch, capsys):
    import shutil

    rules = isolated / "rules"
    shutil.copytree(config.RULES_DIR, rules)
    (rules / "metrics.json").write_text("{", encoding="utf-8")
    monkeypatch.setattr(config, "RULES_DIR", rules)
    corpus = isolated / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes(corpus_files[4].read_bytes())
    assert main(["build", "--corpus", str(corpus)]) == 2
    captured = capsys.readouterr()
    assert "错误：规则文件 metrics.json 不是有效的 JSON" in captured.err and "已跳过" not in captured.out


def test_ingest_with_a_broken_rule_file_refuses_naming_it_never_a_traceback(isolated, broken_rules, capsys):
    from lib.core import budget

    budget.shutdown()  # a worker that warms up with the broken rules
    good = isolated / "合肥.txt"
    good.write_text(
        "合肥高新区党工委推行“三联工作法”，实现组织联建、资源联享、人才联育。\n", encoding="utf-8"
    )
    assert main(["ingest", str(good)]) != 0
    out = capsys.readouterr().out
    assert "规则有误" in out and "initiatives.json" in out and "stoplist" in out
    budget.shutdown()


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_build_without_articles_exits_one(isolated, folder, capsys):
    (isolated / "empty").mkdir()
    assert main(["build", "--corpus", str(isolated / folder)]) == 1
    assert capsys.readouterr().err.strip()


def test_ingest_list_remove(isolated, monkeypatch, capsys):
    monkeypatch.setattr(config, "ARTICLES_DIR", isolated / "no-shipped")
    good = isolated / "合肥.txt"
    good.write_text(
        "# 合肥高新区推行“三联工作法”\n\n合肥高新区党工委推行“三联工作法”，实现组织联建、资源联享、人才联育，走访企业1200家次。\n",
        encoding="utf-8",
    )
    bad = isolated / "empty.txt"
    bad.write_bytes(b"")
    assert main(["ingest", str(good), str(bad)]) == 2
    out = capsys.readouterr().out
    assert "refused" in out and "empty.txt" in out and "合肥高新区" in out  # summary of the rebuilt dataset
    assert main(["list"]) == 0
    article_id = capsys.readouterr().out.split()[0]
    assert main(["remove", article_id]) == 0
    assert main(["remove", article_id]) == 1
    assert "没有编号为" in capsys.readouterr().out


@pytest.mark.parametrize("damaged", ['{"version": 1, "articles": {', "[]"])
def test_a_damaged_manifest_is_healed_and_said_never_a_traceback(isolated, monkeypatch, capsys, damaged):
    monkeypatch.setattr(config, "ARTICLES_DIR", isolated / "no-shipped")
    good = isolated / "合肥.txt"
    good.write_text(
        "# 合肥高新区推行“三联工作法”\n\n合肥高新区党工委推行“三联工作法”，走访企业1200家次。\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(good)]) == 0
    (isolated / "library" / "manifest.json").write_text(damaged, encoding="utf-8")
    capsys.readouterr()
    for command in (["list"], ["build"]):
        assert main(command) == 0
    captured = capsys.readouterr()
    assert "资料库清单已损坏" in captured.err and "Traceback" not in captured.err + captured.out
    assert "合肥" in captured.out


def test_the_progress_bar_shows_the_rate_and_the_time_left_and_is_drawn_at_most_every_fifth_of_a_second():
    import io

    from lib.cli import _progress_bar

    times = iter([0.0, 0.0, 0.05, 1.0, 1.1, 1.5])
    stream = io.StringIO()
    show = _progress_bar(stream, clock=lambda: next(times))
    show(0, 10, "a.txt")  # drawn: the first
    show(1, 10, "b.txt")  # 0.05 s later: not drawn
    show(5, 10, "c.txt")  # drawn: 5 files in 1 s, 5 left
    show(6, 10, "d.txt")  # 0.1 s later: not drawn
    show(10, 10, "")  # drawn: the end
    lines = stream.getvalue().split("\r")[1:]
    assert len(lines) == 3
    assert "0/10" in lines[0] and "a.txt" in lines[0]
    assert "5/10 5 个/秒 还需 1 秒" in lines[1] and "c.txt" in lines[1]
    assert "10/10 7 个/秒" in lines[2] and "还需" not in lines[2] and lines[2].endswith("\n")
