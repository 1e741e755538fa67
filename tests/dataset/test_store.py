"""lib/dataset/store.py: the cache holds nothing that runs code, reads back exactly what was built, and
heals when damaged."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lib import config
from lib.dataset import build, filecache, store
from lib.dataset.build import build_dataset

LIB = Path(__file__).resolve().parents[2] / "lib"


def test_parquet_reads_back_the_dataset_as_built_types_included(tmp_path, corpus_files):
    ds = build_dataset(corpus_files)
    store.write_dataset(tmp_path / "dataset-x", ds)
    back = store.read_dataset(tmp_path / "dataset-x")
    assert list(back.tables) == list(ds.tables)
    for name in ds.tables:
        pd.testing.assert_frame_equal(back.table(name), ds.table(name))
    assert back.initiatives["components"].map(type).eq(list).all()  # lists, not arrays
    assert (back.skipped, back.key) == (ds.skipped, ds.key)


def test_nothing_in_lib_loads_a_pickle():
    for path in LIB.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle.load" not in text and "read_pickle" not in text, path


def _dataset_folder() -> Path:
    (folder,) = [p for p in config.CACHE_DIR.glob("dataset-*") if p.is_dir()]
    return folder


@pytest.mark.parametrize("damage", ["flip", "truncate", "manifest", "missing"])
def test_a_damaged_dataset_is_set_aside_and_rebuilt_with_a_notice(isolated, damage):
    first = store.load_dataset()
    folder = _dataset_folder()
    target = folder / "metrics.parquet"
    if damage == "flip":
        data = bytearray(target.read_bytes())
        for i in random.Random(3).sample(range(len(data)), 3):
            data[i] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "manifest":
        (folder / "manifest.json").write_text('{"format": "3", "tables": [', encoding="utf-8")
    else:
        target.unlink()
    again = store.load_dataset()
    assert again.notices and "已损坏" in again.notices[0]
    pd.testing.assert_frame_equal(again.metrics, first.metrics)
    assert list(config.CACHE_DIR.glob("dataset-*.damaged"))  # kept aside for a look
    assert not store.load_dataset().notices  # the rebuilt cache is read normally


def _drop_datasets() -> None:
    for d in config.CACHE_DIR.glob("dataset-*"):
        if d.is_dir():
            shutil.rmtree(d)


def test_a_damaged_file_entry_is_rebuilt(isolated):
    first = store.load_dataset()
    keys = sorted(filecache.keys(config.CACHE_DIR))
    with sqlite3.connect(config.CACHE_DIR / filecache.FILE_NAME) as con:
        con.execute("UPDATE rows SET json = ? WHERE key = ?", (b"\x00\xffnot json", keys[0]))
        con.execute("UPDATE rows SET json = ? WHERE key = ?", (b'{"metrics": "not a list"}', keys[1]))
    filecache.close_all()
    _drop_datasets()
    rebuilt = store.load_dataset()
    assert len(rebuilt.articles) == 6
    pd.testing.assert_frame_equal(rebuilt.metrics, first.metrics)
    layout = build._table_columns()
    assert build.cached_rows(config.CACHE_DIR, keys[0], layout) is not None  # analysed again and stored again


def test_a_damaged_file_cache_is_set_aside_and_started_afresh(isolated):
    first = store.load_dataset()
    filecache.close_all()
    (config.CACHE_DIR / filecache.FILE_NAME).write_bytes(b"not a database at all" * 100)
    _drop_datasets()
    rebuilt = store.load_dataset()
    pd.testing.assert_frame_equal(rebuilt.metrics, first.metrics)
    assert list(config.CACHE_DIR.glob(f"{filecache.FILE_NAME}.*.damaged"))
    assert len(filecache.keys(config.CACHE_DIR)) == 5  # the five shipped articles, cached again


def test_the_file_cache_gives_back_what_was_stored_and_nothing_else(tmp_path):
    rows = {"metrics": [[np.float64(1.5), "亿元", ("a", "b")]], "entities": []}
    filecache.put(tmp_path, "k1", ["tag", rows])
    anything = lambda entry: True  # noqa: E731
    assert filecache.get(tmp_path, "k1", anything) == [
        "tag",
        {"metrics": [[1.5, "亿元", ["a", "b"]]], "entities": []},
    ]
    assert filecache.get(tmp_path, "k2", anything) is None and filecache.keys(tmp_path) == {"k1"}
    filecache.put(tmp_path, "k1", ["tag", {"metrics": []}])  # stored again: the last one counts
    assert filecache.get(tmp_path, "k1", anything) == ["tag", {"metrics": []}]
    assert filecache.get(tmp_path, "k1", lambda entry: entry[0] == "other") is None  # not valid: removed
    assert filecache.keys(tmp_path) == set()
    unwritable = tmp_path / "file-not-folder"
    unwritable.write_text("x")
    filecache.put(unwritable, "k", rows)  # cannot be cached: nothing raised, nothing found
    assert filecache.get(unwritable, "k", anything) is None and filecache.keys(unwritable) == set()


def test_a_new_file_cache_has_large_pages_and_an_older_one_is_still_read_and_written(tmp_path):
    filecache.put(tmp_path / "new", "k", ["tag", {"metrics": []}])
    con = sqlite3.connect(tmp_path / "new" / filecache.FILE_NAME)
    assert con.execute("PRAGMA page_size").fetchone()[0] == filecache.PAGE_BYTES
    (table,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'rows'").fetchone()
    assert "WITHOUT ROWID" not in table.upper()
    con.close()
    (tmp_path / "old").mkdir()
    con = sqlite3.connect(tmp_path / "old" / filecache.FILE_NAME)  # as the previous version made it
    con.execute("CREATE TABLE rows (key TEXT PRIMARY KEY, json BLOB NOT NULL) WITHOUT ROWID")
    con.execute("INSERT INTO rows VALUES ('a', '[1]')")
    con.commit()
    con.close()
    filecache.put_many(tmp_path / "old", [("b", [2]), ("a", [3])])
    anything = lambda entry: True  # noqa: E731
    assert [filecache.get(tmp_path / "old", k, anything) for k in ("a", "b")] == [[3], [2]]
    assert filecache.keys(tmp_path / "old") == {"a", "b"}


def test_the_file_cache_stores_many_entries_as_each_one_alone(tmp_path):
    entries = [("a", ["tag", {"metrics": [[1, "家"]]}]), ("b", ["tag", {}]), ("a", ["tag", {"metrics": []}])]
    filecache.put_many(tmp_path / "many", entries)
    for key, entry in entries[1:]:  # a key given twice: the last one counts, as with put
        filecache.put(tmp_path / "one", key, entry)
    anything = lambda entry: True  # noqa: E731
    for key in ("a", "b"):
        assert filecache.get(tmp_path / "many", key, anything) == filecache.get(
            tmp_path / "one", key, anything
        )
    assert filecache.keys(tmp_path / "many") == {"a", "b"}
    filecache.put_many(tmp_path / "none", [])  # nothing to store: no database made
    assert not (tmp_path / "none").exists()


def test_the_corpus_key_reads_a_file_again_only_when_it_changed(isolated, monkeypatch):
    first = store.current_key()
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or real(self))
    assert store.current_key() == first
    assert not [n for n in reads if n.endswith(".txt")]  # a rerun stats the articles, reads none
    edited = sorted(isolated.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    assert store.current_key() != first
    assert [n for n in reads if n.endswith(".txt")] == [edited.name]


def test_the_corpus_key_follows_every_change_without_listing_the_corpus_when_nothing_changed(
    isolated, monkeypatch
):
    from lib.reading import library

    first = store.current_key()
    listed = []
    real = store.corpus_paths
    monkeypatch.setattr(store, "corpus_paths", lambda: listed.append(1) or real())
    assert store.current_key() == first and listed == []  # nothing changed: the last key, no listing
    edited = sorted(isolated.glob("*.txt"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("。", "，", 1), encoding="utf-8")  # same size, new content
    second = store.current_key()
    assert second != first and listed == [1]
    monkeypatch.setattr(config, "LIBRARY_DIR", isolated.parent / "library-keys")
    result = library.add_text("自加文章", "合肥高新区党工委推行“三联工作法”，服务企业二十家。")
    assert store.current_key() != second  # a text added to the library
    with_text = store.current_key()
    library.set_override(result.id, zone="芜湖高新区")
    assert store.current_key() != with_text  # a correction


def test_a_file_is_in_the_library_by_its_real_path(tmp_path, monkeypatch):
    """The origin reads a file's real path with its folder resolved once: a file reached through a linked
    folder, a link to a file in the library, a relative path and a missing file are where they really are."""
    library, shipped = tmp_path / "library", tmp_path / "shipped"
    library.mkdir()
    shipped.mkdir()
    (library / "own.txt").write_text("党建", encoding="utf-8")
    (shipped / "report.txt").write_text("党建", encoding="utf-8")
    (tmp_path / "linked").symlink_to(library)
    (shipped / "link.txt").symlink_to(library / "own.txt")
    monkeypatch.chdir(tmp_path)
    paths = [
        tmp_path / "linked" / "own.txt",
        shipped / "link.txt",
        Path("shipped") / "report.txt",
        Path("linked") / "missing.txt",
        shipped / "report.txt",
    ]
    assert [store._real_path(p) for p in paths] == [p.resolve() for p in paths]
    monkeypatch.setattr(config, "LIBRARY_DIR", library)
    assert [store.origin(p) for p in paths] == ["library", "library", "shipped", "library", "shipped"]
