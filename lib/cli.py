"""Command line: `python -m lib build|ingest|list|remove` (see `python -m lib --help`).

Exit codes: 0 all went well; 1 nothing could be done (bad arguments, no readable file);
2 done, but some files were skipped or refused (each named with its reason)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lib import config
from lib.core.errors import RuleFileError

STATUS_WORDS = {"added": "已添加", "duplicate": "重复（已在资料库中）"}


#: The progress bar is drawn again at most this often: a line per file cost the build process about 2 CPU
#: seconds at 100 MB (49,000 files), taken from the workers.
PROGRESS_EVERY_SECONDS = 0.2


def _progress_bar(stream=sys.stderr, *, clock=time.monotonic):
    """A progress callback: `[██···] done/total`, files per second, the time left and the file's name, on
    one line drawn again at most every PROGRESS_EVERY_SECONDS (and at the end)."""
    started, drawn = clock(), [None]

    def show(done: int, total: int, name: str) -> None:
        now = clock()
        if done < total and drawn[0] is not None and now - drawn[0] < PROGRESS_EVERY_SECONDS:
            return
        drawn[0] = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        rate = done / (now - started) if now > started else 0.0
        left = f"还需 {(total - done) / rate:.0f} 秒" if rate and done < total else ""
        stream.write(f"\r[{bar}] {done}/{total} {rate:.0f} 个/秒 {left:<10} {name[:30]:<30}")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def summarise(ds) -> str:
    """The dataset in a few lines: counts overall and per zone, and the files skipped."""
    from lib.dataset.schema import counted_paragraphs

    copies = int(ds.articles["n_duplicates"].sum())
    lines = [
        f"文章 {len(ds.articles)} 篇 · 正文段落 {len(counted_paragraphs(ds.paragraphs))} 段"
        f"（另有重复印出的 {copies} 段已标记、不计）· 指标 {len(ds.metrics)} 条 · "
        f"举措 {len(ds.initiatives)} 项 · 实体 {len(ds.entities)} 个"
    ]
    for zone, grp in ds.articles.groupby("zone", sort=True):
        zid = set(grp["article_id"])
        lines.append(
            f"  {zone or '（未识别区域）'}: 文章 {len(grp)} · 指标 {int(ds.metrics['article_id'].isin(zid).sum())}"
            f" · 举措 {int(ds.initiatives['article_id'].isin(zid).sum())}"
        )
    for name, reason in ds.skipped:
        lines.append(f"  已跳过 {name}：{reason}")
    return "\n".join(lines)


def cmd_build(args: argparse.Namespace) -> int:
    from lib.dataset import build_dataset, load_dataset

    t0 = time.perf_counter()
    if args.corpus:
        folder = Path(args.corpus)
        if not folder.is_dir():
            print(f"找不到语料文件夹：{folder}", file=sys.stderr)
            return 1
        paths = sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in config.ARTICLE_SUFFIXES
        )
        if not paths:
            print(f"文件夹 {folder} 中没有 .txt 或 .md 文章", file=sys.stderr)
            return 1
        ds = build_dataset(paths, progress=_progress_bar())
    else:
        ds = load_dataset(progress=_progress_bar())
    print(summarise(ds))
    print(f"用时 {time.perf_counter() - t0:.2f} 秒")
    if ds.articles.empty:
        return 1
    return 2 if ds.skipped else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    """Adds each file, printing one line per file, then rebuilds. Exit code: 0 when every file went in (or
    was already there), 2 when some were refused, 1 when all were."""
    from lib.dataset import load_dataset
    from lib.explore.preview import vet_upload
    from lib.reading import library

    refused = 0
    for result in library.ingest_paths([Path(p) for p in args.files], vet=vet_upload):
        if isinstance(result, library.IngestError):
            refused += 1
            print(f"refused    {result}", flush=True)  # flushed: a killed ingest keeps its lines
        else:
            print(
                f"{result.status:<10} {result.id}  {result.name}  《{result.title_guess}》 {STATUS_WORDS[result.status]}",
                flush=True,
            )
    if refused == len(args.files):
        return 1
    print(summarise(load_dataset(progress=_progress_bar())))  # only the new files are processed
    return 2 if refused else 0


def cmd_list(args: argparse.Namespace) -> int:
    """Prints the library's articles, one line each: id, file name, size."""
    from lib.reading import library

    entries = library.list_entries()
    for e in entries:
        print(f"{e['id']}  {e.get('name', '')}  {e.get('size', 0)} 字节")
    if not entries:
        print("资料库是空的：用 python -m lib ingest FILE... 添加文章")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Removes one article by id; 0 when removed, 1 (with a message) when no article has that id."""
    from lib.reading import library

    if library.remove(args.id):
        print(f"removed    {args.id}")
        return 0
    print(f"资料库中没有编号为 {args.id} 的文章（用 python -m lib ingest 添加时会显示编号）")
    return 1


def cmd_eval(args: argparse.Namespace) -> int:
    """Scores the extraction on the annotated evaluation reports (docs/EVAL.md)."""
    from lib.dataset.evaluation import evaluate, report_text

    folder = Path(args.dir)
    if not any(folder.glob("*.json")):
        print(f"文件夹 {folder} 中没有标注文件（*.json）", file=sys.stderr)
        return 1
    problems: list[str] = []
    scores = evaluate(folder, split=args.split, problems=problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.report:
        scores = [s for s in scores if s.id in args.report]
    print(report_text(scores, show=args.show))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib", description="ZoneLens 数据集与语料库命令")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="构建（或从缓存加载）数据集并打印摘要")
    b.add_argument("--corpus", metavar="DIR", help="从另一个文件夹构建（不读写缓存）")
    b.set_defaults(func=cmd_build)
    i = sub.add_parser("ingest", help="把文章文件加入用户语料库")
    i.add_argument("files", nargs="+", metavar="FILE")
    i.set_defaults(func=cmd_ingest)
    ls = sub.add_parser("list", help="列出用户语料库中的文章及其编号")
    ls.set_defaults(func=cmd_list)
    r = sub.add_parser("remove", help="从用户语料库删除一篇文章")
    r.add_argument("id", metavar="ID")
    r.set_defaults(func=cmd_remove)
    e = sub.add_parser("eval", help="用人工标注的真实报道评估抽取效果（精确率、召回率）")
    e.add_argument("--dir", default=str(config.DATA_DIR / "eval" / "reports"), metavar="DIR")
    e.add_argument(
        "--split",
        choices=("dev", "test", "all"),
        default="all",
        help="dev：编写规则时查看的报道；test：留作检验、不看细节的报道",
    )
    e.add_argument("--report", nargs="*", metavar="ID", help="只显示这些报道")
    e.add_argument("--show", action="store_true", help="列出每一处漏识与误识及其原句")
    e.set_defaults(func=cmd_eval)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except RuleFileError as err:  # a rule file edited into a broken state: which and what, no traceback
        print(f"错误：{err}", file=sys.stderr)
        return 2
    finally:
        from lib.reading.manifest import take_notices

        for notice in take_notices():  # a damaged library manifest was rebuilt: say so, once
            print(f"注意：{notice}", file=sys.stderr)
