"""Building the dataset: each file read into reports and run through every registered extractor
(`process_file`), then the rows of all files joined into one DataFrame per table (`build_dataset`).

`build_dataset(paths)` touches no cache unless given `cache_dir`, where each file's rows are stored under a
key made of its bytes, the rules and lexicons and the code (lib.dataset.store computes it), so only
changed files are analysed again. Files not in the cache are analysed by worker processes, one per CPU,
when they are many.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lib.core import rulefiles
from lib.core.chars import has_cjk
from lib.core.errors import ReadError, RuleFileError
from lib.dataset import filecache, frames, store, workers
from lib.dataset.schema import Dataset
from lib.extract import zones
from lib.extract.articles import share_year
from lib.extract.context import ArticleContext
from lib.extract.registry import Extractor, extractors
from lib.reading import decode, repair
from lib.reading.articles import read_articles

Progress = Callable[[int, int, str], None]
Rows = dict[str, list[dict]]
#: One file's rows as tuples in each table's column order (`_compact`).
Compact = dict[str, list[tuple]]

#: Strings up to this long in the rows (zone, unit, label …) are interned; sentences and paragraphs are not.
MAX_INTERNED_CHARS = 32
#: Analysed files whose rows are stored in the per-file cache in one transaction (by the build process).
STORE_BATCH = 256
#: The articles columns a hand-corrected zone sets (the zone and what is known of it).
ZONE_FACTS = ["zone", "zone_full", "zone_level", "zone_type", "province", "city"]


# ---------------------------------------------------------------- one file


def process_file(data: bytes, *, name: str, origin: str = "shipped") -> Rows:
    """Reads, repairs and analyses one file into rows for each table. Raises ReadError."""
    with rulefiles.pinned():  # one version of every rule file for the whole file
        return _process(data, name=name, origin=origin)


def _process(data: bytes, *, name: str, origin: str) -> Rows:
    text = decode.decode_bytes(data, name=name)
    if not has_cjk(text):
        raise ReadError(name, "没有中文内容")
    if decode.is_traditional(text):
        text = decode.to_simplified(text)
    text = repair.drop_pinyin_glosses(text)
    registered = extractors()
    rows: Rows = {e.table: [] for e in registered}
    stem, content_hash = Path(name).stem, store.digest(data)[:16]
    for art in read_articles(text, source_file=name):
        if not art.body:
            continue
        ctx = ArticleContext(
            article=art,
            article_id=f"{stem}-{art.part}",
            source_file=name,
            origin=origin,
            content_hash=content_hash,
        )
        for extractor in registered:
            found = [_complete(row, n, extractor, ctx) for n, row in enumerate(extractor.extract(ctx), 1)]
            ctx.found[extractor.table] = found
            rows[extractor.table].extend(found)
    if not rows["articles"]:
        raise ReadError(name, "没有可识别的正文（全是标题、图片说明或空行）")
    share_year(rows)
    return rows


def _complete(row: dict, n: int, extractor: Extractor, ctx: ArticleContext) -> dict:
    """A row with its id, report, paragraph and zone filled in (keys the table lacks are dropped when the
    rows become a DataFrame with the table's columns)."""
    index = row.pop("paragraph_index", None)
    if index is not None:
        row["paragraph_id"] = ctx.body_paragraph_id(index)
    if extractor.id_column not in row:
        row[extractor.id_column] = f"{ctx.article_id}-{extractor.id_prefix}{n:03d}"
    row.setdefault("article_id", ctx.article_id)
    row.setdefault("zone", ctx.facts.get("zone", ""))
    return row


# ---------------------------------------------------------------- whole corpus


def build_dataset(
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cache_dir: Path | None = None,
    overrides: dict[str, dict] | None = None,
) -> Dataset:
    """Builds the dataset from the given files. With `cache_dir`, reuses and stores per-file rows there;
    without it, touches no cache. A file that cannot be read is skipped with its reason."""
    paths = list(paths)
    with rulefiles.pinned(), _fewer_collections():
        rows = {e.table: frames.TableRows([c.name for c in e.columns]) for e in extractors()}
        skipped: list[tuple[str, str]] = []
        keys: list[str] = []
        for path, outcome in zip(
            paths, _outcomes(paths, progress=progress, cache_dir=cache_dir), strict=True
        ):
            if isinstance(outcome, str):
                skipped.append((path.name, outcome))
                continue
            key, file_rows = outcome
            keys.append(key)
            for table, table_rows in rows.items():  # made into frames a chunk at a time (lib.dataset.frames)
                table_rows.extend(file_rows.get(table, ()))
        ds = Dataset(
            tables={e.table: rows.pop(e.table).frame() for e in extractors()},
            skipped=skipped,
            key=store.digest(*keys, repr(sorted((overrides or {}).items()))),
        )
        apply_overrides(ds, overrides or {})
        for extractor in extractors():
            extractor.link(ds.table(extractor.table))
        set_dtypes(ds)
    return ds


def _table_columns() -> dict[str, list[tuple[str, bool]]]:
    """Each table's columns in order, with whether each holds a list: how `_compact` lays out rows (made
    once per set of registered extractors, not once per file)."""
    return _layout(tuple(type(e) for e in extractors()))


@lru_cache(maxsize=8)
def _layout(classes: tuple[type[Extractor], ...]) -> dict[str, list[tuple[str, bool]]]:
    return {c.table: [(col.name, col.dtype == "list") for col in c.columns] for c in classes}


def _compact(file_rows: Rows, layout: dict[str, list[tuple[str, bool]]]) -> Compact:
    """One file's rows as tuples in column order, short strings and list elements interned. Read back
    from JSON, a row is a dict (about 1 KB for 20 fields) and each 昆山高新区, 家 or token a new string; as a
    tuple of shared strings it is a fifth of that. A worker sends its rows so: a string named in many
    rows is pickled once, and the build process has no dicts to make and take apart."""
    return {
        table: [
            tuple(_interned(row.get(name), is_list) for name, is_list in columns)
            for row in file_rows.get(table, ())
        ]
        for table, columns in layout.items()
    }


def compact_rows(file_rows: Rows) -> Compact:
    """One file's rows (as `process_file` gives them) laid out as the build and the per-file cache hold them."""
    return _compact(file_rows, _table_columns())


def store_rows(cache_dir: Path, key: str, rows: Compact) -> None:
    """Stores one file's compact rows in the per-file cache: each row a JSON list in column order, under
    the layout's tag (lists, not dicts: no column name repeated in each row, half the time to write and
    read back; a file's entry is about half as large)."""
    store_many(cache_dir, [(key, rows)])


def store_many(cache_dir: Path, entries: list[tuple[str, Compact]]) -> None:
    """Stores many files' compact rows (key, rows), as `store_rows` stores one, in one transaction."""
    tag = _layout_tag(_table_columns())
    filecache.put_many(cache_dir, [(key, [tag, rows]) for key, rows in entries])


class _ToStore:
    """Analysed files' rows on their way to the per-file cache, STORE_BATCH files a transaction, written by
    the build process (lib.dataset.filecache: workers writing in turn kept waiting for each other)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.entries: list[tuple[str, Compact]] = []

    def add(self, key: str, rows: Compact) -> None:
        if self.cache_dir is not None:
            self.entries.append((key, rows))
            if len(self.entries) >= STORE_BATCH:
                self.flush()

    def flush(self) -> None:
        if self.entries:
            store_many(self.cache_dir, self.entries)
        self.entries = []


def cached_rows(cache_dir: Path, key: str, layout: dict[str, list[tuple[str, bool]]]) -> Compact | None:
    """One file's compact rows from the per-file cache (as `_compact` makes them of the rows `process_file`
    gives, read back from JSON), or None: not cached, damaged, or laid out for other columns."""
    entry = filecache.get(cache_dir, key, lambda entry: _fits(entry, layout))
    if entry is None:
        return None
    rows = entry[1]
    return {
        table: [
            tuple([_interned(value, is_list) for value, (_, is_list) in zip(row, columns, strict=True)])
            for row in rows.get(table, ())
        ]
        for table, columns in layout.items()
    }


def _fits(entry: object, layout: dict[str, list[tuple[str, bool]]]) -> bool:
    """Whether a cache entry is [the layout's tag, {table: [row as a list of a value per column]}]."""
    if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == _layout_tag(layout)):
        return False
    rows = entry[1]
    return isinstance(rows, dict) and all(
        table in layout
        and isinstance(table_rows, list)
        and all(isinstance(r, list) and len(r) == len(layout[table]) for r in table_rows)
        for table, table_rows in rows.items()
    )


def _layout_tag(layout: dict[str, list[tuple[str, bool]]]) -> str:
    """The tables' columns in one string: an entry stored for other columns is not read as these."""
    return _tag_of(tuple((table, tuple(columns)) for table, columns in layout.items()))


@lru_cache(maxsize=8)
def _tag_of(layout: tuple) -> str:
    return store.digest(repr(layout))[:16]


def _share_lists(file_rows: Compact, layout: dict[str, list[tuple[str, bool]]]) -> Compact:
    """A worker's compact rows with the elements of their lists (tokens above all, held until the end)
    interned here, in place: interned in the worker, they are still a copy per file here."""
    for table, columns in layout.items():
        positions = [i for i, (_, is_list) in enumerate(columns) if is_list]
        for row in file_rows.get(table, ()) if positions else ():
            for i in positions:
                if row[i]:
                    row[i][:] = store.interned(row[i])
    return file_rows


def _interned(value, is_list: bool):
    if is_list and value:
        return store.interned(value)
    if type(value) is str and len(value) <= MAX_INTERNED_CHARS:
        return sys.intern(value)
    return value


def _outcomes(
    paths: list[Path], *, progress: Progress | None, cache_dir: Path | None
) -> Iterator[tuple[str, dict[str, list[tuple]]] | str]:
    """Per file, in order: (cache key, rows as tuples), or the reason it is skipped; one file at a time,
    so that the caller need not hold every file's rows. Cached files are read back as they come; the
    others are analysed (by worker processes when there is enough work, started while the files are
    still being read: lib.dataset.workers), their rows stored here (`_ToStore`)."""
    fingerprint = store.rules_fingerprint() if cache_dir else ""
    known = filecache.keys(cache_dir) if cache_dir else set()
    layout = _table_columns()
    found: list[tuple[str, bool] | str] = []  # per file: (key, whether cached), or why it is skipped
    with workers.Analyser(_analyse, prepare=load_analysers) as analyser:
        for path in paths:
            origin = store.origin(path)
            try:
                data, key = store.read_article(path, origin=origin, fingerprint=fingerprint)
            except (ReadError, OSError) as exc:
                found.append(skip_reason(exc))
                continue
            cached = key in known
            found.append((key, cached))
            if not cached:
                analyser.add(workers.Job(data=data, name=path.name, origin=origin))
        analysed, to_store = analyser.results(), _ToStore(cache_dir)
        for i, (path, entry) in enumerate(zip(paths, found, strict=True)):
            if progress:
                progress(i, len(paths), path.name)
            if isinstance(entry, str):
                yield entry
                continue
            key, cached = entry
            rows = cached_rows(cache_dir, key, layout) if cache_dir and cached else None
            if rows is not None:
                yield key, rows
                continue
            if cached:  # set aside as damaged since it was listed: analysed again here
                key, rows = _analyse_again(path, fingerprint)
            else:
                rows = next(analysed)
            if isinstance(rows, str):
                yield rows
                continue
            to_store.add(key, rows)
            yield key, _share_lists(rows, layout)
        to_store.flush()
    if progress:
        progress(len(paths), len(paths), "")


def _analyse_again(path: Path, fingerprint: str) -> tuple[str, Compact | str]:
    """(cache key, rows or why it is skipped) of a file whose cached rows turned out damaged."""
    origin = store.origin(path)
    try:
        data, key = store.read_article(path, origin=origin, fingerprint=fingerprint)
    except (ReadError, OSError) as exc:
        return "", skip_reason(exc)
    return key, _analyse(workers.Job(data=data, name=path.name, origin=origin))


@contextmanager
def _fewer_collections(first_generation: int = 50_000) -> Iterator[None]:
    """Rows pile up during a build, none of them garbage: the cyclic garbage collector's full passes over
    them (and over the loaded dictionaries) cost time and free nothing, so it runs less often meanwhile."""
    before = gc.get_threshold()
    gc.freeze()  # what is loaded already (dictionaries, rules) is not scanned again
    gc.set_threshold(max(first_generation, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def apply_overrides(ds: Dataset, overrides: dict[str, dict]) -> None:
    """Hand corrections of title and zone (kept by the library), by library id = the file's stem: a zone
    applies to every table with a `zone` column."""
    articles = ds.articles
    if not overrides or articles.empty:
        return
    stems = articles["source_file"].map(lambda s: Path(s).stem)
    for lib_id, fix in overrides.items():
        hit = stems == lib_id
        if not hit.any():
            continue
        if fix.get("title"):
            articles.loc[hit & (articles["part"] == 1), "title"] = fix["title"]
        if fix.get("zone"):
            z = zones.zone_named(fix["zone"])
            level = zones.LEVEL_LABELS.get(z.level, z.level)
            facts = [fix["zone"], z.full_name, level, z.type, z.province, z.city, "manual"]
            articles.loc[hit, [*ZONE_FACTS, "zone_method"]] = facts
            ids = set(articles.loc[hit, "article_id"])
            for name, df in ds.tables.items():
                if name != "articles" and "zone" in df:
                    df.loc[df["article_id"].isin(ids), "zone"] = fix["zone"]


def set_dtypes(ds: Dataset) -> None:
    """Each column as its extractor declares it (numbers numeric, nullable integers as Int64)."""
    for extractor in extractors():
        df = ds.table(extractor.table)
        for column in extractor.columns:
            if column.dtype in ("float", "Int64"):
                df[column.name] = pd.to_numeric(df[column.name], errors="coerce")
            if column.dtype == "Int64":
                df[column.name] = df[column.name].astype("Int64")


# ---------------------------------------------------------------- analysis, here or in workers


def _analyse(job: workers.Job) -> Compact | str:
    """The rows of one file (compact), or why the file is skipped."""
    try:
        return _compact(process_file(job.data, name=job.name, origin=job.origin), _table_columns())
    except RuleFileError:
        raise  # the rules' fault, not the file's: no build (the caller says which rule file)
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the others
        return skip_reason(exc)


def skip_reason(exc: Exception) -> str:
    """Why a file is skipped, in words."""
    if isinstance(exc, ReadError):
        return exc.reason
    if isinstance(exc, OSError):
        return f"无法读取文件：{exc.strerror or exc}"
    return f"处理失败：{type(exc).__name__}: {exc}"


def load_analysers() -> None:
    """Loads every rule file, lexicon and dictionary the analysis reads (each once per content)."""
    for extractor in extractors():
        extractor.load()
    decode.is_traditional("預")  # OpenCC
