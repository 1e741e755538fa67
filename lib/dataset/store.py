"""The app's corpus and its cache: which files make it up, the key of their content, and the built dataset
kept in `config.CACHE_DIR`.

Each file's rows are cached under a key made of its bytes, every rule and lexicon file and the pipeline's
code, so an edit to one article re-processes that article only, an edit to a rule file rebuilds everything,
and nothing stale is ever served. `load_dataset()` returns the dataset of the shipped articles plus the
user's library, built only when its key is not in the cache.

Nothing in the cache can run code when loaded (no pickle): a file's rows are JSON, in one SQLite file
(lib.dataset.filecache), the dataset is one Parquet file per table plus a JSON manifest, in a folder
renamed into place when complete. Whatever is
damaged is set aside (renamed `*.damaged`) and rebuilt, and the rebuilt dataset says so in `notices`.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lib import config
from lib.core import rulefiles
from lib.core.folder_watch import watch_of
from lib.core.safety import check_size
from lib.dataset import ondisk

if TYPE_CHECKING:
    from lib.dataset.build import Progress
    from lib.dataset.schema import Dataset

#: Bump when the shape of cached rows changes in a way the code fingerprint would not catch.
CACHE_FORMAT = "3"
#: Where the dataset of a key lives in the cache folder: `dataset-<key>/` with `<table>.parquet` files.
DATASET_PREFIX = "dataset-"
#: Rows per row group of a table's Parquet file: a column left on disk is read a row group at a time
#: (lib.dataset.ondisk), so one paragraph's text costs a read of this many rows' text, not of the table's.
ROW_GROUP_ROWS = 10_000
#: Said on the page when a damaged cache had to be set aside and rebuilt.
DAMAGED_CACHE = "缓存的数据集已损坏（{reason}），已移到一旁（{name}）并重新构建；你的文章没有受影响。"


def digest(*parts: bytes | str) -> str:
    """SHA-256 of the parts (each ended by a NUL), as hex."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8") if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def corpus_paths() -> list[Path]:
    """The app's corpus: the shipped articles, then the user's library texts."""
    from lib.reading import library

    shipped = sorted(
        (p for p in config.ARTICLES_DIR.glob("*") if p.suffix.lower() in config.ARTICLE_SUFFIXES), key=str
    )
    return shipped + library.text_paths()


def origin(path: Path) -> str:
    """`library` for a file of the user's library, else `shipped` (resolved once per path and library)."""
    return _origin(path, config.LIBRARY_DIR)


@lru_cache(maxsize=100_000)
def _origin(path: Path, library_dir: Path) -> str:
    return "library" if _resolved(library_dir) in _real_path(path).parents else "shipped"


def _real_path(path: Path) -> Path:
    """`path.resolve()`, with the folder resolved once for all its files: one `lstat` per file (is it a
    link?) instead of one per part of its path (at 100 MB, 49,000 files: about a second)."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolved(path.parent) / path.name


@lru_cache(maxsize=16)
def _resolved(folder: Path) -> Path:
    """A folder's real path (the library's, a corpus'), resolved once per process, not once per article
    (the folder is not moved while the app runs; a new one, as tests make, is a new entry)."""
    return folder.resolve()


def rules_fingerprint() -> str:
    """Hash of every rule and lexicon file and of the pipeline's code: any edit changes it. Read through
    lib.core.rulefiles, so within a build it is the fingerprint of the very files the build uses."""
    files = [*config.rule_files(), *config.code_files()]
    return digest(CACHE_FORMAT, *(p.name.encode() + b":" + (rulefiles.read_bytes(p) or b"") for p in files))


def read_article(path: Path, *, origin: str, fingerprint: str) -> tuple[bytes, str]:
    """(bytes, cache key) of one article file. Raises ReadError (too large) or OSError."""
    data = path.read_bytes()
    check_size(path.name, len(data))
    return data, digest(fingerprint, path.name, origin, data)


def current_key() -> str:
    """The cache key of the app's corpus as it is on disk now: articles, library, corrections, rules, code.
    Every page rerun asks for it. Where the kernel's notifications say nothing in the corpus' folders
    changed since the last call (lib.core.folder_watch), the last key is returned at once; else when no
    file's stamp (name, inode, size, times) changed, the last key without reading the corpus file by file
    (a stat of each: 0.2 s at 49,000 files; the listing and digests: 0.7 s)."""
    fingerprint = rules_fingerprint()
    watch = watch_of((config.ARTICLES_DIR, config.LIBRARY_DIR, config.LIBRARY_DIR / "texts"))
    with _key_lock:
        if not watch.changed(has_links=_last["links"]) and _last["fingerprint"] == fingerprint:
            return _last["key"]
        stamps = [*_stamps(config.ARTICLES_DIR), *_stamps(config.LIBRARY_DIR, "texts")]
        stamped = digest(fingerprint, *stamps)
        known = _keys_by_stamps.get(stamped)
        if known is None:
            known = _current_key(fingerprint)
            _keys_by_stamps.clear()  # one corpus at a time
            _keys_by_stamps[stamped] = known
        _last.update(fingerprint=fingerprint, key=known, links=any(s.endswith("\tlink") for s in stamps))
        return known


_keys_by_stamps: dict[str, str] = {}
#: The last key, its rules' fingerprint and whether its folders hold symbolic links (whose targets' changes
#: raise no notification: then the folders are listed on every call).
_last: dict = {"fingerprint": None, "key": "", "links": False}
_key_lock = threading.Lock()


def _stamps(folder: Path, *inner: str) -> list[str]:
    """(name, inode, size, modification and change times) of each file in the folder (and in the named
    subfolders), and of the folder itself; one scandir, no path objects. A symbolic link's line ends in
    a tab and "link"."""
    out = []
    for where in (folder, *(folder / name for name in inner)):
        try:
            with os.scandir(where) as entries:
                for e in entries:
                    st = e.stat(follow_symlinks=True) if e.is_file() else None
                    if st is not None:
                        out.append(
                            f"{where}/{e.name}\t{st.st_ino}\t{st.st_size}\t{st.st_mtime_ns}\t{st.st_ctime_ns}"
                            + ("\tlink" if e.is_symlink() else "")
                        )
        except OSError:
            out.append(f"{where}\tunreadable")
    return sorted(out)


def _current_key(fingerprint: str) -> str:
    from lib.reading import library

    file_keys = []
    for p in corpus_paths():
        try:
            file_keys.append(digest(fingerprint, p.name, origin(p), content_digest(p)))
        except OSError:
            file_keys.append(f"unreadable:{p.name}")
    return digest(*file_keys, repr(sorted(library.overrides().items())))[:24]


#: SHA-256 of each corpus file by (path, inode, size, modification and change times): a page rerun
#: costs a stat per file, not a read of the whole corpus (1.5 s at 100 MB); any rewrite changes them.
_digests: dict[tuple, str] = {}


def content_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read again only when the file changed on disk."""
    st = path.stat()
    stamp = (str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    found = _digests.get(stamp)
    if found is None:
        found = digest(path.read_bytes())
        if len(_digests) > 200_000:
            _digests.clear()
        _digests[stamp] = found
    return found


def _dataset_path(key: str) -> Path:
    return config.CACHE_DIR / f"{DATASET_PREFIX}{key}"


def is_built(key: str) -> bool:
    """Whether the dataset with this key is in the cache (so loading it needs no build)."""
    return (_dataset_path(key) / "manifest.json").is_file()


def load_dataset(
    *,
    progress: Progress | None = None,
    key: str | None = None,
    leave_out: Mapping[str, Collection[str]] | None = None,
) -> Dataset:
    """The dataset of the app's corpus, from the cache when nothing changed since it was built.
    `key` is `current_key()`, passed by a caller that has just computed it; `leave_out` ({table:
    columns}) leaves those columns in the cached Parquet files (`read_dataset`)."""
    from lib.dataset.build import build_dataset
    from lib.reading import library
    from lib.reading.manifest import take_notices as manifest_notices

    target = _dataset_path(key or current_key())
    notices: list[str] = []
    if target.exists():
        try:
            return read_dataset(target, leave_out=leave_out)
        except DamagedCache as err:
            notices.append(DAMAGED_CACHE.format(reason=err, name=_set_aside(target).name))
    ds = build_dataset(
        corpus_paths(), progress=progress, cache_dir=config.CACHE_DIR, overrides=library.overrides()
    )
    ds.notices.extend([*notices, *manifest_notices()])
    write_dataset(target, ds)
    _remove_old_datasets(keep=target)
    return read_dataset(target, leave_out=leave_out) if leave_out else ds


def _remove_old_datasets(*, keep: Path) -> None:
    """Removes the datasets of other keys, and temporary folders of writes that died over an hour ago."""
    for old in config.CACHE_DIR.glob(f"{DATASET_PREFIX}*"):
        if old != keep and old.is_dir() and not old.name.endswith(".damaged"):
            shutil.rmtree(old, ignore_errors=True)
    for tmp in config.CACHE_DIR.glob(f".tmp-{DATASET_PREFIX}*"):
        try:
            if time.time() - tmp.stat().st_mtime > 3600:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass


class DamagedCache(Exception):
    """A cached dataset that cannot be read back as it was written."""


def write_dataset(folder: Path, ds: Dataset) -> None:
    """The dataset as `<table>.parquet` files and a `manifest.json`, written in a fresh folder that is
    renamed into place whole, so a reader never sees half of it."""
    # hidden and outside the dataset-* names, so another process cleaning up old datasets leaves it alone
    tmp = folder.with_name(f".tmp-{folder.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    tmp.mkdir(parents=True)
    try:
        _quiet_arrow()
        for name, df in ds.tables.items():
            df.to_parquet(tmp / f"{name}.parquet", index=False, row_group_size=ROW_GROUP_ROWS)
        sums = {name: _file_digest(tmp / f"{name}.parquet") for name in ds.tables}
        manifest = {"format": CACHE_FORMAT, "key": ds.key, "tables": sums, "skipped": ds.skipped}
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder)
    except OSError:
        if not (folder / "manifest.json").is_file():  # a concurrent build that finished first is fine
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_dataset(folder: Path, *, leave_out: Mapping[str, Collection[str]] | None = None) -> Dataset:
    """The dataset `write_dataset` wrote, with every column as the registry declares it but those of
    `leave_out` ({table: columns}: left in the files, `Dataset.on_disk`); DamagedCache when any part is
    missing, unreadable or not what was written."""
    from lib.dataset.schema import Dataset, tables

    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("format") != CACHE_FORMAT or set(manifest["tables"]) != set(tables()):
            raise DamagedCache("格式或表与当前版本不符")
        for name, expected in manifest[
            "tables"
        ].items():  # Parquet pages carry no checksum: the manifest does
            if _file_digest(folder / f"{name}.parquet") != expected:
                raise DamagedCache(f"表 {name} 的文件内容与写入时不同")
        out = leave_out or {}
        kept = {
            name: [c for c in columns if c not in out.get(name, ())] for name, columns in tables().items()
        }
        frames = {name: _read_table(folder / f"{name}.parquet", kept[name]) for name in manifest["tables"]}
        skipped = [(str(n), str(r)) for n, r in manifest["skipped"]]
    except DamagedCache:
        raise
    except Exception as err:  # noqa: BLE001 - any damage (bytes, JSON, Parquet, types) means rebuild
        raise DamagedCache(f"{type(err).__name__}") from None
    for name, columns in kept.items():
        if list(frames[name].columns) != columns:
            raise DamagedCache(f"表 {name} 的列与当前版本不符")
        _restore_lists(name, frames[name])
    on_disk = {t: tuple(c for c in tables()[t] if c in cs) for t, cs in out.items() if t in kept}
    ds = Dataset(frames, skipped=skipped, key=str(manifest["key"]), folder=folder, on_disk=on_disk)
    ondisk.open_files(ds)
    return ds


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _quiet_arrow() -> None:
    """Arrow without its own allocator's background threads: the build forks worker processes, and a
    fork taken while such a thread holds a lock leaves the worker waiting forever."""
    import pyarrow as pa

    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def _read_table(path: Path, columns: list[str]):
    """These columns of one Parquet file (which must hold the table's columns) as a DataFrame, read on
    this thread only (no Arrow thread pool, see above)."""
    import pyarrow.parquet as pq

    from lib.dataset.schema import tables

    _quiet_arrow()
    if pq.read_schema(path).names != tables()[path.stem]:
        raise DamagedCache(f"表 {path.stem} 的列与当前版本不符")
    return pq.read_table(path, columns=columns, use_threads=False).to_pandas(use_threads=False)


def _restore_lists(table: str, df) -> None:
    """List columns come back from Parquet as arrays: lists again, as the build made them."""
    from lib.extract.registry import extractors

    for extractor in extractors():
        if extractor.table == table:
            for column in extractor.columns:
                if column.dtype == "list" and column.name in df:
                    df[column.name] = [_as_list(v) for v in df[column.name]]


def _as_list(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return interned(value)


def interned(values) -> list:
    """A list of the values with every string interned: a word that occurs a million times in the
    tokens is held once, not a million times (at 10 MB of text, ~300 MB less at the build's peak)."""
    return [sys.intern(v) if type(v) is str else v for v in values]


def _set_aside(path: Path) -> Path:
    """Renames a damaged cache entry out of the way (kept for a look, never read again)."""
    aside = path.with_name(f"{path.name}.{time.strftime('%Y%m%d%H%M%S')}.damaged")
    try:
        os.replace(path, aside)
    except OSError:
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    return aside
