"""The dataset built from the real corpus, its cache, and bad input."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lib import config
from lib.core.errors import RuleFileError
from lib.dataset import build, build_dataset, filecache, load_dataset, store, workers
from lib.extract.initiatives import initiative_link_key
from lib.reading.dates import article_year


def _opt(value):
    return None if pd.isna(value) else value


def _one(df, **where):
    for k, v in where.items():
        df = df[df[k] == v]
    return df


# ------------------------------------------------------------------ articles and zones


def test_articles_split_titles_zones_and_authors(corpus_dataset):
    arts = corpus_dataset.articles.set_index("article_id")
    assert list(arts.index) == [
        "000_89191b667374e912-1",
        "001_f84711c4c248f56c-1",
        "001_f84711c4c248f56c-2",
        "002_51af4ef26a27885e-1",
        "003_be278a403aade171-1",
        "004_ce8cd6b3ed56d33b-1",
    ]
    assert arts["zone"].tolist() == [
        "昆山高新区",
        "昆山高新区",
        "贵阳高新区",
        "昆山高新区",
        "苏州工业园区",
        "嘉兴高新区",
    ]
    assert (arts["zone_method"] == "gazetteer").all()
    assert arts.loc["001_f84711c4c248f56c-2", "title"] == "贵阳高新区建强党建“链”激活发展“链”"
    assert arts.loc["001_f84711c4c248f56c-2", "authors"] == ["杨婷"]
    assert arts.loc["000_89191b667374e912-1", "authors"] == ["李争粉", "魏志强", "沈丹萍"]
    assert arts.loc["004_ce8cd6b3ed56d33b-1", "authors"] == ["匡蓉", "钱玉泽"]
    assert arts.loc["002_51af4ef26a27885e-1", "year"] == 2021
    assert arts.loc["003_be278a403aade171-1", "year"] == 2022  # the plan (2022—2024) doesn't make it 2024


def test_duplicates_are_marked_and_never_counted(corpus_dataset):
    paras = corpus_dataset.paragraphs
    dups = paras[paras["is_duplicate"]]
    assert len(dups) == 13 and set(dups["article_id"]) == {"002_51af4ef26a27885e-1"}
    assert (dups["tokens"].map(len) == 0).all()
    assert set(dups["duplicate_of"]) <= set(paras["paragraph_id"])
    metrics_from_copies = corpus_dataset.metrics["paragraph_id"].isin(dups["paragraph_id"])
    assert not metrics_from_copies.any()
    m = corpus_dataset.metrics
    assert (
        len(_one(m, zone="昆山高新区", label="一般公共预算收入", value=100.41)) == 1
    )  # printed twice, counted once


def test_captions_and_credits_are_not_body(corpus_dataset):
    paras = corpus_dataset.paragraphs.set_index("text")
    assert paras.loc["昆山高新区供图", "kind"] == "credit"
    assert paras.loc["嘉兴高新区管委会", "kind"] == "caption"


# ------------------------------------------------------------------ metrics pinned from the issue


@pytest.mark.parametrize(
    ("zone", "label", "value", "unit", "qualifier", "year"),
    [
        (
            "昆山高新区",
            "规模以上工业总产值",
            1828,
            "亿元",
            None,
            2025,
        ),  # “…2025年站稳1200亿元台阶，…达1828亿元”
        ("昆山高新区", "党组织覆盖率", 78.02, "%", None, None),
        ("苏州工业园区", "地区生产总值", 1607, "亿元", None, None),
        (
            "苏州工业园区",
            "规模以上工业总产值",
            3016.7,
            "亿元",
            None,
            None,
        ),  # written 规上工业总产值: one indicator
        ("嘉兴高新区", "走访企业", 4000, "家次", "近", 2025),
    ],
)
def test_pinned_metrics(corpus_dataset, zone, label, value, unit, qualifier, year):
    rows = _one(corpus_dataset.metrics, zone=zone, label=label, unit=unit)
    rows = rows[rows["value"] == value]
    assert len(rows) == 1, rows
    row = rows.iloc[0]
    assert _opt(row["qualifier"]) == qualifier
    assert _opt(row["year"]) == year
    assert row["raw"] in row["sentence"] and f"{value:g}" in row["raw"]


def test_metric_base_values(corpus_dataset):
    row = _one(corpus_dataset.metrics, label="规模以上工业总产值", zone="昆山高新区").iloc[0]
    assert (row["base_value"], row["base_unit"]) == (1.828e11, "元")


# ------------------------------------------------------------------ initiatives pinned from the issue


def _initiative(ds, zone, name):
    rows = _one(ds.initiatives, zone=zone, name=name)
    assert len(rows) == 1, f"{zone} {name}: {len(rows)} rows"
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("zone", "name", "components"),
    [
        ("昆山高新区", "五个一", ["一处专窗", "一个专班", "一位专员", "一条专线", "一套机制"]),
        ("昆山高新区", "1145", ["一个核心", "一套班子", "四项工程", "五联机制"]),
        (
            "嘉兴高新区",
            "六联工作法",
            ["组织联建", "资源联享", "技术联攻", "人才联育", "市场联拓", "治理联抓"],
        ),
    ],
)
def test_pinned_initiative_components(corpus_dataset, zone, name, components):
    assert list(_initiative(corpus_dataset, zone, name)["components"]) == components


def test_one_plus_four_plus_n_has_its_four_stations(corpus_dataset):
    row = _initiative(corpus_dataset, "昆山高新区", "1+4+N")
    assert row["full_name"] == "“1+4+N”党建工作矩阵"
    assert {"新城北", "阳科园", "吴淞江", "社会组织"} <= set(row["components"])


def test_same_name_in_two_zones_is_two_entries(corpus_dataset):
    ks = _initiative(corpus_dataset, "昆山高新区", "五个一")
    gy = _initiative(corpus_dataset, "贵阳高新区", "五个一")
    assert list(ks["components"]) != list(gy["components"])
    assert len(gy["components"]) == 5 and gy["components"][1] == "建好一支队伍"
    assert {"昆山高新区", "贵阳高新区"} <= set(ks["shared_zones"])


def test_brand_shared_by_two_zones_is_linked(corpus_dataset):
    shared = corpus_dataset.initiatives[corpus_dataset.initiatives["shared_zones"].map(len) > 1]
    keys = shared["name"].map(initiative_link_key)
    assert "高新事高兴办" in set(keys)
    assert set(shared[keys == "高新事高兴办"]["zone"]) == {"昆山高新区", "嘉兴高新区"}


# ------------------------------------------------------------------ small texts of our own


def _write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


def test_article_with_no_zone_and_with_zone_outside_gazetteer(tmp_path):
    paths = [
        _write(tmp_path, "a.txt", "# 党建工作综述\n\n各地持续推进党建工作，取得新成效。\n"),
        _write(
            tmp_path,
            "b.txt",
            "# 桐庐经济开发区党建引领发展\n\n桐庐经济开发区党工委推进产业链党建，桐庐经开区企业党组织覆盖率达95%。\n",
        ),
    ]
    ds = build_dataset(paths)
    assert ds.articles["zone"].tolist() == ["", "桐庐经开区"]
    assert ds.articles["zone_method"].tolist() == ["none", "pattern"]
    assert ds.articles[["province", "city"]].iloc[1].tolist() == ["浙江省", "杭州市"]
    assert _one(ds.metrics, zone="桐庐经开区")["unit"].tolist() == ["%"]


def test_a_zone_named_only_in_the_page_bar_is_the_reports_zone(tmp_path):
    # a zone's own site: the body says only 开发区, the page bar names the zone and gives the date
    text = (
        "浏览次数:87 信息来源: 南谯经济开发区 发布时间:2012-03-02 |\n\n"
        "开发区扎实推进非公企业党建\n\n"
        "开发区党工委把抓党建作为工作重点，在非公企业中全部建立党支部。\n"
    )
    ds = build_dataset([_write(tmp_path, "bar.txt", text)])
    art = ds.articles.iloc[0]
    assert (art["zone"], art["province"], art["year"]) == ("南谯经开区", "安徽省", 2012)


def test_a_zone_named_only_in_the_source_line_is_the_reports_zone(tmp_path):
    # the zone's office is the article's source; the body says only 经开区, and an empty counter follows
    text = (
        "“红色驿站”暖人心\n\n"
        "文章来源:桐庐经济开发区党政办公室\n时间: 2021-07-20 15:15\n点击次数:\n\n"
        "近年来，经开区在商圈建设党群服务驿站，经开区企业党员就近参加组织生活。\n"
    )
    ds = build_dataset([_write(tmp_path, "source.txt", text)])
    art = ds.articles.iloc[0]
    assert (art["zone"], art["city"], art["year"]) == ("桐庐经开区", "杭州市", 2021)
    assert "点击次数" not in " ".join(ds.paragraphs["text"])


def test_a_zone_named_only_in_a_photo_caption_is_the_reports_zone(tmp_path):
    # the body says only 保税区 (no place), a photo's caption names the zone
    text = (
        "湾区党建结硕果\n\n"
        "近日，保税区党工委推出党建联建模式，保税区企业党员积极参与志愿服务。\n\n"
        "▲南宁综合保税区“英语角”活动现场\n\n"
        "下一步，将继续深化党建联建。\n"
    )
    art = build_dataset([_write(tmp_path, "caption.txt", text)]).articles.iloc[0]
    assert (art["zone"], art["city"]) == ("南宁综保区", "南宁市")
    assert "英语角" not in art["title"]


def test_a_page_bar_naming_no_zone_leaves_the_place_the_body_names(tmp_path):
    text = (
        "某某电商园党建工作纪实\n\n来源：某某网 作者：张三\n\n"
        "济宁某某电商园成立于2015年，园区党委联合济宁多家企业开展活动，济宁市委组织部予以指导。\n"
    )
    art = build_dataset([_write(tmp_path, "bar.txt", text)]).articles.iloc[0]
    assert (art["zone"], art["province"], art["city"]) == ("", "山东省", "济宁市")


def test_the_parts_of_a_formula_are_not_metrics(tmp_path):
    text = (
        "园区推行246工作机制\n\n"
        "桐庐经济开发区推行246工作机制，即2个平台、4支队伍、6项制度。今年新建党组织12个，覆盖企业300余家。\n"
    )
    ds = build_dataset([_write(tmp_path, "formula.txt", text)])
    assert ds.initiatives["components"].tolist() == [["2个平台", "4支队伍", "6项制度"]]
    assert ds.metrics["value"].tolist() == [12.0, 300.0]  # the figures stay, the formula's parts do not


def test_bad_files_are_skipped_with_reasons_and_the_rest_built(tmp_path, corpus_files):
    good = _write(tmp_path, "good.txt", corpus_files[4].read_bytes())
    bad = [
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "binary.txt", bytes(range(256)) * 40),
        _write(tmp_path, "only-caption.txt", "# 标题\n"),
    ]
    ds = build_dataset([*bad, good, tmp_path / "missing.txt"])
    assert ds.articles["source_file"].tolist() == ["good.txt"]
    reasons = dict(ds.skipped)
    assert set(reasons) == {"empty.txt", "binary.txt", "only-caption.txt", "missing.txt"}
    assert all(reasons.values())


def test_gb18030_file_reads_like_utf8(tmp_path, corpus_files):
    text = corpus_files[4].read_text(encoding="utf-8")
    a = build_dataset([_write(tmp_path, "u.txt", text)])
    b = build_dataset([_write(tmp_path, "u.txt", text, encoding="gb18030")])
    assert a.metrics["label"].tolist() == b.metrics["label"].tolist()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025年累计走访企业", 2025),
        ("《三年行动计划（2022—2024）》，2022年", 2022),
        ("没有年份", None),
        ("2019年以来，2021年", 2021),
    ],
)
def test_article_year(text, year):
    assert article_year(text) == year


# ------------------------------------------------------------------ the cache


def test_cache_serves_unchanged_and_rebuilds_only_the_edited_article(isolated, monkeypatch):
    first = load_dataset()
    calls = []
    original = build.process_file
    monkeypatch.setattr(
        build, "process_file", lambda *a, **kw: calls.append(kw["name"]) or original(*a, **kw)
    )
    again = load_dataset()
    assert calls == [] and again.key == first.key
    victim = isolated / "004_ce8cd6b3ed56d33b.txt"
    victim.write_text(
        victim.read_text(encoding="utf-8") + "\n\n嘉兴高新区新增党员服务站12个。\n", encoding="utf-8"
    )
    edited = load_dataset()
    assert calls == ["004_ce8cd6b3ed56d33b.txt"]
    assert edited.key != first.key
    assert len(edited.metrics) == len(first.metrics) + 1


def test_editing_a_rule_file_rebuilds_everything(isolated, monkeypatch, tmp_path):
    load_dataset()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "extra.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(
        config, "rule_files", lambda: [*config.RULES_DIR.glob("*.json"), rules / "extra.json"]
    )
    calls = []
    original = build.process_file
    monkeypatch.setattr(
        build, "process_file", lambda *a, **kw: calls.append(kw["name"]) or original(*a, **kw)
    )
    load_dataset()
    assert len(calls) == 5


def test_build_dataset_does_not_touch_the_cache(isolated):
    build_dataset(sorted(isolated.glob("*.txt")))
    assert not (config.CACHE_DIR).exists()


def test_worker_processes_give_the_same_dataset(tmp_path, corpus_files, monkeypatch):
    """The process pool (used by the command line for large builds) changes nothing in the result."""
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"")
    paths = [*corpus_files, broken]
    alone = build_dataset(paths)
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(workers, "BATCH_FILES", 2)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    pooled = build_dataset(paths, cache_dir=tmp_path / "cache")
    for table in ("articles", "paragraphs", "metrics", "initiatives", "entities"):
        pd.testing.assert_frame_equal(alone.table(table), pooled.table(table))
    assert pooled.skipped == alone.skipped == [("broken.txt", "空文件")]
    assert len(filecache.keys(tmp_path / "cache")) == len(corpus_files)  # every file read stored


def test_a_pooled_build_stores_from_its_own_process_a_batch_at_a_time(tmp_path, corpus_files, monkeypatch):
    """The workers never write the per-file cache (they would wait for each other's commits): the build
    process stores the rows they send, STORE_BATCH files a transaction, and the rest at the end."""
    calls = tmp_path / "calls.txt"  # appended to by whichever process stores (a worker's list is its own)
    original = filecache.put_many

    def put_many(cache_dir, entries):
        with calls.open("a") as f:
            f.write(f"{os.getpid()} {len(entries)}\n")
        original(cache_dir, entries)

    monkeypatch.setattr(filecache, "put_many", put_many)
    monkeypatch.setattr(build, "STORE_BATCH", 2)
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 1)
    monkeypatch.setattr(workers, "BATCH_FILES", 2)
    monkeypatch.setattr(workers, "_can_fork", lambda: True)
    build_dataset(corpus_files, cache_dir=tmp_path / "cache")
    stored = [tuple(map(int, line.split())) for line in calls.read_text().splitlines()]
    assert {pid for pid, _ in stored} == {os.getpid()}
    assert [n for _, n in stored] == [2] * (len(corpus_files) // 2) + [1] * (len(corpus_files) % 2)
    assert len(filecache.keys(tmp_path / "cache")) == len(corpus_files)


def test_cached_rows_are_the_rows_the_old_dict_cache_gave(tmp_path, corpus_files):
    """The cache holds compact rows (lists in column order); read back, they equal what the cache of dicts
    gave: `_compact` of the rows after a round trip through JSON (numpy numbers, tuples and sets as lists,
    missing columns None), strings interned alike."""
    layout = build._table_columns()
    for i, path in enumerate(corpus_files):
        rows = build.process_file(path.read_bytes(), name=path.name)
        rows["metrics"].append({"value": np.float64(2.5), "unit": ("亿", "元"), "nan": float("nan")})
        as_before = build._compact(json.loads(json.dumps(rows, default=filecache._plain)), layout)
        build.store_rows(tmp_path, str(i), build.compact_rows(rows))
        read_back = build.cached_rows(tmp_path, str(i), layout)
        assert repr(read_back) == repr(as_before)
        assert [type(v) for r in read_back["metrics"] for v in r] == [
            type(v) for r in as_before["metrics"] for v in r
        ]


def test_cached_rows_of_other_columns_or_damaged_are_not_read(tmp_path):
    layout = build._table_columns()
    build.store_rows(tmp_path, "k", {"metrics": [(1,) * len(layout["metrics"])]})
    assert build.cached_rows(tmp_path, "k", layout)["metrics"] == [(1,) * len(layout["metrics"])]
    other = {**layout, "metrics": layout["metrics"][:-1]}
    assert build.cached_rows(tmp_path, "k", other) is None  # laid out for other columns: removed
    assert filecache.keys(tmp_path) == set()
    for damaged in (["x", {}], [build._layout_tag(layout), {"metrics": [[1]]}], {"metrics": []}, "rows"):
        filecache.put(tmp_path, "d", damaged)
        assert build.cached_rows(tmp_path, "d", layout) is None


def test_a_rule_file_edit_takes_effect_in_the_running_process(isolated, monkeypatch, tmp_path):
    """Rules are read by content: an edit made while the app runs is used by the very next build, and the
    dataset cached under the new key is the one built with the new rules."""
    rules = tmp_path / "rules"
    shutil.copytree(config.RULES_DIR, rules)
    monkeypatch.setattr(config, "RULES_DIR", rules)
    before = load_dataset()
    assert "六联工作法" in set(before.initiatives["name"])
    spec = json.loads((rules / "initiatives.json").read_text(encoding="utf-8"))
    spec["stoplist"].append("六联工作法")
    (rules / "initiatives.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    zones = json.loads((rules / "zones.json").read_text(encoding="utf-8"))
    zones["zones"].append(
        {"name": "秀洲高新区", "province": "浙江", "city": "嘉兴", "aliases": ["嘉兴高新区"]}
    )
    (rules / "zones.json").write_text(json.dumps(zones, ensure_ascii=False), encoding="utf-8")
    after = load_dataset()
    assert after.key != before.key
    assert "六联工作法" not in set(after.initiatives["name"])
    assert "秀洲高新区" in set(after.articles["zone"])
    assert store.is_built(store.current_key())
    reloaded = load_dataset()  # from the cache, under the new rules' key
    assert "六联工作法" not in set(reloaded.initiatives["name"]) and reloaded.key == after.key


def test_a_broken_rule_file_stops_the_build_naming_it_and_stores_nothing(isolated, monkeypatch, tmp_path):
    """A rule file edited into a broken state is the rules' fault, not each article's: the build stops
    with the file named, and no dataset of skipped articles is stored under the broken rules' key."""
    rules = tmp_path / "rules"
    shutil.copytree(config.RULES_DIR, rules)
    monkeypatch.setattr(config, "RULES_DIR", rules)
    text = (rules / "zones.json").read_text(encoding="utf-8")
    (rules / "zones.json").write_text(text.replace("{", '{"zones": [], ', 1), encoding="utf-8")
    with pytest.raises(RuleFileError, match="zones.json.*“zones”"):
        load_dataset()
    assert not store.is_built(store.current_key())
    (rules / "zones.json").write_text(text, encoding="utf-8")  # mended: the next build works
    mended = load_dataset()
    assert not mended.skipped and "昆山高新区" in set(mended.articles["zone"])


def test_build_workers_die_with_a_killed_build(tmp_path, corpus_files):
    """kill -9 of a build leaves no worker waiting forever with its memory."""
    import os
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):  # enough work for the worker pool and a few seconds of it
        for p in corpus_files:
            text = p.read_text(encoding="utf-8").replace("高新区", f"高新区{n}号")
            (corpus / f"{n:03d}_{p.name}").write_text(text, encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-m", "lib", "build", "--corpus", str(corpus)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def children() -> list[int]:
        found = []
        for task in Path(f"/proc/{build.pid}/task").glob("*/children"):
            found += [int(c) for c in task.read_text().split()]
        return found

    deadline = time.monotonic() + 60
    while len(workers := children()) < 2 and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    assert len(workers) >= 2, "the build never started its workers"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers):
        assert time.monotonic() < deadline, "workers outlived the killed build"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_a_year_in_the_headline_is_the_reports_year_when_the_page_gives_no_date(tmp_path):
    text = (
        "2023年某某综合保税区：“星火”工程迸发党建新活力\n\n4月13日讯，某某综合保税区不断提升党建工作水平。\n"
    )
    ds = build_dataset([_write(tmp_path, "headline_year.txt", text)])
    assert ds.articles.iloc[0]["year"] == 2023
