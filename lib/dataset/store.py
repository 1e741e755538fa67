"""The app's corpus and its cache: which files make it up, the key of their content, and the built dataset
kept in `config.CACHE_DIR`.

Each file's rows are cached under a key made of its bytes, every rule and lexicon file and the pipeline's
code, so an edit to one article re-processes that article only, an edit to a rule file rebuilds everything,
and nothing stale is ever served. `load_dataset()` returns the dataset of the shipped articles plus the
user's library, built only when its key is not in the cache.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from lib import config
from lib.core import rulefiles
from lib.core.safety import check_size
from lib.core.storage import write_atomic

if TYPE_CHECKING:
    from lib.dataset.build import Progress
    from lib.dataset.schema import Dataset

#: Bump when the shape of cached rows changes in a way the code fingerprint would not catch.
CACHE_FORMAT = "2"


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

    shipped = sorted(p for p in config.ARTICLES_DIR.glob("*") if p.suffix.lower() in config.ARTICLE_SUFFIXES)
    return shipped + library.text_paths()


def origin(path: Path) -> str:
    """`library` for a file of the user's library, else `shipped`."""
    return "library" if config.LIBRARY_DIR.resolve() in path.resolve().parents else "shipped"


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


def rows_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "files" / f"{key}.pkl"


def cached_rows(cache_dir: Path, key: str):
    return _load(rows_path(cache_dir, key))


def store_rows(path: Path, rows) -> None:
    _store(path, rows)


def current_key() -> str:
    """The cache key of the app's corpus as it is on disk now: articles, library, corrections, rules, code."""
    from lib.reading import library

    fingerprint = rules_fingerprint()
    file_keys = []
    for p in corpus_paths():
        try:
            file_keys.append(digest(fingerprint, p.name, origin(p), p.read_bytes()))
        except OSError:
            file_keys.append(f"unreadable:{p.name}")
    return digest(*file_keys, repr(sorted(library.overrides().items())))[:24]


def _dataset_path(key: str) -> Path:
    return config.CACHE_DIR / f"dataset-{key}.pkl"


def is_built(key: str) -> bool:
    """Whether the dataset with this key is in the cache (so loading it needs no build)."""
    return _dataset_path(key).exists()


def load_dataset(*, progress: Progress | None = None, key: str | None = None) -> Dataset:
    """The dataset of the app's corpus, from the cache when nothing changed since it was built.
    `key` is `current_key()`, passed by a caller that has just computed it."""
    from lib.dataset.build import build_dataset
    from lib.reading import library

    target = _dataset_path(key or current_key())
    cached = _load(target)
    if cached is not None:
        return cached
    ds = build_dataset(
        corpus_paths(), progress=progress, cache_dir=config.CACHE_DIR, overrides=library.overrides()
    )
    for old in config.CACHE_DIR.glob("dataset-*.pkl"):
        old.unlink(missing_ok=True)
    _store(target, ds)
    return ds


def _load(path: Path):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _store(path: Path, obj) -> None:
    """Writes atomically: a crash or a concurrent build never leaves a half-written cache file."""
    write_atomic(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
