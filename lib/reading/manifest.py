"""The library's manifest (`manifest.json`): read, validated, and healed when damaged.

The library keeps every original and its text (`originals/<id>.<ext>`, `texts/<id>.txt`), so the manifest
can always be rebuilt from them. When it is unreadable, not the right shape, or an entry lacks a key, the
damaged file is kept beside it (`manifest.json.<time>.damaged`). Every entry whose files are present is
then rebuilt: what the damaged file still says of it (name, upload time, corrections) is kept, the rest
is read from its files. The message saying so is queued for the app and the command line
(`take_notices()`).
"""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from lib.core.storage import write_atomic

MANIFEST_NAME = "manifest.json"
#: Each entry's keys and the types they must have.
ENTRY_TYPES = {
    "id": str,
    "sha256": str,
    "name": str,
    "ext": str,
    "size": int,
    "uploaded": str,
    "origin": str,
    "title_guess": str,
    "title": (str, type(None)),
    "zone": (str, type(None)),
}
_notices: list[str] = []


def new_entry(
    article_id: str,
    *,
    sha256: str,
    name: str,
    ext: str,
    size: int,
    uploaded: datetime,
    origin: str,
    title_guess: str,
) -> dict:
    """A manifest entry (the keys of ENTRY_TYPES), with no corrections yet."""
    return {
        "id": article_id,
        "sha256": sha256,
        "name": name,
        "ext": ext,
        "size": size,
        "uploaded": uploaded.isoformat(timespec="seconds"),
        "origin": origin,
        "title_guess": title_guess,
        "title": None,
        "zone": None,
    }


def take_notices() -> list[str]:
    """The messages about healed manifests since the last call (each said once)."""
    out = list(_notices)
    _notices.clear()
    return out


def read_manifest(root: Path, *, guess_title, content_key) -> dict:
    """The manifest of the library at `root` ({"version": 1, "articles": {id: entry}}), healed first when
    damaged. `guess_title(text, fallback=...)` names an entry rebuilt from its text alone and
    `content_key(text)` gives its digest (lib.reading.library's own)."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {"version": 1, "articles": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        problem = _problem(manifest)
    except (OSError, ValueError) as err:
        manifest, problem = None, f"{type(err).__name__}"
    if problem is None:
        return manifest
    return _heal(root, manifest, problem, derive=(guess_title, content_key))


def _problem(manifest) -> str | None:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("articles"), dict):
        return "不是资料库清单的格式"
    for key, entry in manifest["articles"].items():
        if not isinstance(entry, dict) or entry.get("id") != key:
            return f"条目 {key[:16]!r} 已损坏"
        for field, kinds in ENTRY_TYPES.items():
            if not isinstance(entry.get(field), kinds):
                return f"条目 {key[:16]!r} 缺少或写错了 {field}"
    return None


def _heal(root: Path, damaged, problem: str, *, derive) -> dict:
    old = damaged.get("articles", {}) if isinstance(damaged, dict) else {}
    old = old if isinstance(old, dict) else {}
    articles = {}
    for text_path in sorted((root / "texts").glob("*.txt")):
        article_id = text_path.stem
        originals = sorted((root / "originals").glob(f"{article_id}.*"))
        if not originals:
            continue
        articles[article_id] = _entry(article_id, text_path, originals[0], old.get(article_id), derive)
    aside = root / f"{MANIFEST_NAME}.{time.strftime('%Y%m%d%H%M%S')}.damaged"
    try:
        shutil.copyfile(root / MANIFEST_NAME, aside)
    except OSError:
        pass
    manifest = {"version": 1, "articles": articles}
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(root / MANIFEST_NAME, text.encode("utf-8"))
    _notices.append(
        f"资料库清单已损坏（{problem}），已根据保存的原文件重建（{len(articles)} 篇），"
        f"损坏的清单保留为 {aside.name}；没有文章丢失，文件名或更正若在损坏部分中则需重新设置。"
    )
    return manifest


def _entry(article_id: str, text_path: Path, original: Path, old, derive) -> dict:
    """An entry rebuilt from its files, keeping every value the damaged entry still has right."""
    guess_title, content_key = derive
    text = text_path.read_text(encoding="utf-8", errors="replace")
    fallback = f"恢复的文章 {article_id}{original.suffix}"
    stat = original.stat()
    entry = new_entry(
        article_id,
        sha256=content_key(text.rstrip()),
        name=fallback,
        ext=original.suffix.lstrip("."),
        size=stat.st_size,
        uploaded=datetime.fromtimestamp(stat.st_mtime, UTC),
        origin="file",
        title_guess=guess_title(text, fallback=fallback),
    )
    if isinstance(old, dict):
        kept = {k: v for k, v in old.items() if k in ENTRY_TYPES and isinstance(v, ENTRY_TYPES[k])}
        entry.update({k: v for k, v in kept.items() if k not in ("id", "sha256", "ext", "size")})
    return entry
