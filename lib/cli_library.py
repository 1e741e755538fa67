"""Command-line front of the user library: `python -m lib ingest FILE...` and `python -m lib remove ID`."""

from __future__ import annotations

from pathlib import Path

from lib import library

STATUS_WORDS = {"added": "已添加", "duplicate": "重复（已在资料库中）"}


def cmd_ingest(paths: list[str]) -> int:
    """Adds each file, printing one line per file. Exit code: 0 when every file went in (or was already
    there), 2 when some were refused, 1 when all were."""
    refused = 0
    for result in library.ingest_paths([Path(p) for p in paths]):
        if isinstance(result, library.IngestError):
            refused += 1
            print(f"refused    {result}")
        else:
            print(f"{result.status:<10} {result.id}  {result.name}  《{result.title_guess}》 {STATUS_WORDS[result.status]}")
    if not refused:
        return 0
    return 1 if refused == len(paths) else 2


def cmd_list() -> int:
    """Prints the library's articles, one line each: id, file name, size."""
    entries = library.list_entries()
    for e in entries:
        print(f"{e['id']}  {e.get('name', '')}  {e.get('size', 0)} 字节")
    if not entries:
        print("资料库是空的：用 python -m lib ingest FILE... 添加文章")
    return 0


def cmd_remove(article_id: str) -> int:
    """Removes one article by id; 0 when removed, 1 (with a message) when no article has that id."""
    if library.remove(article_id):
        print(f"removed    {article_id}")
        return 0
    print(f"资料库中没有编号为 {article_id} 的文章（用 python -m lib ingest 添加时会显示编号）")
    return 1
