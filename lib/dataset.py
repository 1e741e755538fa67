"""The dataset: five pandas tables built from the article files, cached by the content of every input.

`build_dataset(paths)` builds from given files without touching the cache. `load_dataset()` returns the
dataset of the app's corpus (shipped articles plus the user's library) from `data/cache/`: each file's
rows are cached under a key made of its bytes, the rules and lexicons and the code, so an edit to one
article re-processes that article only, an edit to a rule file rebuilds everything, and nothing stale
is ever served.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing as mp
import os
import pickle
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib import config
from lib.schema import TABLES
from lib.text import has_cjk

Progress = Callable[[int, int, str], None]

#: Files not in the cache are analysed by worker processes (one per CPU) when they add up to at least
#: this many bytes; for less, starting the workers costs more than they save.
PARALLEL_MIN_BYTES = 128 * 1024

RE_YEAR = re.compile(r"(?<![0-9—\-–~至到])((?:19[5-9]|20[0-4])[0-9])年")
#: Bump when the shape of cached rows changes in a way the code fingerprint would not catch.
CACHE_FORMAT = "1"


@dataclass
class Dataset:
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    metrics: pd.DataFrame
    initiatives: pd.DataFrame
    entities: pd.DataFrame
    skipped: list[tuple[str, str]] = field(default_factory=list)
    key: str = ""

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def zones(self) -> list[str]:
        return sorted(z for z in self.articles["zone"].unique() if z)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.articles["year"].dropna().unique())


# ---------------------------------------------------------------- inputs and keys


def corpus_paths() -> list[Path]:
    """The app's corpus: the shipped articles, then the user's library texts."""
    from lib import library

    shipped = sorted(p for p in config.ARTICLES_DIR.glob("*") if p.suffix.lower() in config.ARTICLE_SUFFIXES)
    return shipped + library.text_paths()


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8") if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def rules_fingerprint() -> str:
    """Hash of every rule and lexicon file and of the pipeline's code: any edit changes it."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    return _digest(CACHE_FORMAT, *(p.name.encode() + b":" + p.read_bytes() for p in [*config.rule_files(), *code]))


# ---------------------------------------------------------------- one file


def process_file(data: bytes, *, name: str, origin: str = "shipped") -> dict[str, list[dict]]:
    """Reads, repairs and analyses one file into rows for each table. Raises reader.ReadError."""
    from lib import entities, initiatives, keywords, metrics, reader, repair, themes, zones

    text = reader.decode_bytes(data, name=name)
    if not has_cjk(text):
        raise reader.ReadError(name, "没有中文内容")
    if reader.is_traditional(text):
        text = reader.to_simplified(text)
    stem = Path(name).stem
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    sentence_themes = functools.cache(themes.tag_themes)  # several metrics share a sentence
    for art in repair.read_articles(text, source_file=name):
        body = art.body
        if not body:
            continue
        article_id = f"{stem}-{art.part}"
        body_text = "\n".join(p.text for p in body)
        zone, method, mentioned = zones.detect_zone(art.title, body_text)
        year = article_year(body_text)
        para_id = {p.seq: f"{article_id}-p{p.seq:03d}" for p in art.paragraphs}
        body_ids = [para_id[p.seq] for p in body]
        para_themes = {p.seq: themes.tag_themes(p.text) for p in art.paragraphs if p.kind == "body"}

        found_inits = initiatives.extract_initiatives([p.text for p in body])
        found_ents = entities.extract_entities([p.text for p in body])
        names = {zone, *mentioned, *(i["name"] for i in found_inits), *(e["name"] for e in found_ents)}
        names |= {e["short_name"] for e in found_ents if e.get("short_name")}
        names.discard("")

        for p in art.paragraphs:
            keep = p.kind == "body" and not p.is_duplicate
            rows["paragraphs"].append({
                "paragraph_id": para_id[p.seq], "article_id": article_id, "zone": zone, "year": year,
                "seq": p.seq, "section": p.section, "kind": p.kind, "text": p.text,
                "is_duplicate": p.is_duplicate,
                "duplicate_of": para_id[p.duplicate_of] if p.duplicate_of is not None else None,
                "themes": para_themes.get(p.seq, []),
                "tokens": keywords.extract_terms(p.text, extra_words=names) if keep else [],
            })
        for p in body:
            for m in metrics.extract_metrics_from_text(p.text):
                m_themes = sentence_themes(m["sentence"]) or para_themes.get(p.seq, [])
                rows["metrics"].append({
                    **{k: m.get(k) for k in ("value", "value_high", "unit", "base_value", "base_unit",
                                             "qualifier", "qualifier_kind", "kind", "year", "raw", "sentence")},
                    "label": metrics.canonical_label(m["label"]),
                    "metric_id": f"{article_id}-m{len(rows['metrics']) + 1:03d}",
                    "article_id": article_id, "paragraph_id": para_id[p.seq], "zone": zone,
                    "theme": m_themes[0] if m_themes else "",
                })
        for n, it in enumerate(found_inits, start=1):
            pid = body_ids[it["paragraph_index"]] if 0 <= it["paragraph_index"] < len(body_ids) else body_ids[0]
            it_themes = sentence_themes(it["sentence"]) or para_themes.get(body[body_ids.index(pid)].seq, [])
            rows["initiatives"].append({
                "initiative_id": f"{article_id}-i{n:03d}", "article_id": article_id, "paragraph_id": pid,
                "zone": zone, "name": it["name"], "full_name": it["full_name"], "kind": it["kind"],
                "components": list(it["components"]), "expected_count": it["expected_count"],
                "found_count": it["found_count"], "theme": it_themes[0] if it_themes else "",
                "sentence": it["sentence"], "shared_zones": [],
            })
        for n, e in enumerate(found_ents, start=1):
            pid = body_ids[e["paragraph_index"]] if 0 <= e["paragraph_index"] < len(body_ids) else body_ids[0]
            rows["entities"].append({
                "entity_id": f"{article_id}-e{n:03d}", "article_id": article_id, "paragraph_id": pid,
                "zone": zone, "name": e["name"], "short_name": e.get("short_name"), "type": e["type"],
                "role": e.get("role"), "mentions": e.get("mentions", 1), "sentence": e["sentence"],
            })
        authors = [n for _, n in entities.extract_bylines(art.byline)] if art.byline else []
        rows["articles"].append({
            "article_id": article_id, "source_file": name, "part": art.part, "title": art.title,
            "kicker": art.kicker, "authors": authors, "byline": art.byline, "zone": zone, "zone_method": method,
            "zones_mentioned": mentioned, "year": year, "n_chars": len(body_text), "n_paragraphs": len(body),
            "n_duplicates": sum(p.is_duplicate for p in art.paragraphs), "content_hash": _digest(data)[:16],
            "origin": origin,
        })
    if not rows["articles"]:
        raise reader.ReadError(name, "没有可识别的正文（全是标题、图片说明或空行）")
    return rows


def article_year(text: str) -> int | None:
    """The year an article reports from: the latest year it names (not the end of a span like 2022—2024)."""
    years = [int(y) for y in RE_YEAR.findall(text)]
    return max(years) if years else None


# ---------------------------------------------------------------- whole corpus


def build_dataset(paths: Iterable[Path], *, progress: Progress | None = None, cache_dir: Path | None = None,
                  overrides: dict[str, dict] | None = None) -> Dataset:
    """Builds the dataset from the given files. With `cache_dir`, reuses and stores per-file rows there;
    without it, touches no cache. A file that cannot be read is skipped with its reason. Files not in the
    cache are analysed by worker processes, one per CPU, when they are many (see PARALLEL_MIN_BYTES)."""
    paths = list(paths)
    fingerprint = rules_fingerprint() if cache_dir else ""
    outcomes: list[tuple[str, dict[str, list[dict]]] | str] = []  # per file: (key, rows) or why it is skipped
    pending: list[tuple[int, str, _Job]] = []  # (index into outcomes, key, job) of the files to analyse
    for i, path in enumerate(paths):
        if progress:
            progress(i - len(pending), len(paths), path.name)
        origin = _origin(path)
        try:
            key, data, file_rows = _read(path, origin=origin, fingerprint=fingerprint, cache_dir=cache_dir)
        except Exception as exc:  # noqa: BLE001 - one broken file must not stop the others
            outcomes.append(_skip_reason(exc))
            continue
        outcomes.append((key, file_rows))
        if file_rows is None:
            store = cache_dir / "files" / f"{key}.pkl" if cache_dir else None
            pending.append((i, key, _Job(data=data, name=path.name, origin=origin, store=store)))

    def report(n: int, name: str) -> None:
        if progress:
            progress(len(paths) - len(pending) + n, len(paths), name)

    for (i, key, _), result in zip(pending, _analyse_all([job for _, _, job in pending], report=report), strict=True):
        outcomes[i] = result if isinstance(result, str) else (key, result)
    if progress:
        progress(len(paths), len(paths), "")

    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    skipped: list[tuple[str, str]] = []
    keys: list[str] = []
    for path, outcome in zip(paths, outcomes, strict=True):
        if isinstance(outcome, str):
            skipped.append((path.name, outcome))
            continue
        key, file_rows = outcome
        keys.append(key)
        for t in TABLES:
            rows[t].extend(file_rows[t])
    ds = Dataset(**{t: pd.DataFrame(rows[t], columns=cols) for t, cols in TABLES.items()}, skipped=skipped,
                 key=_digest(*keys, repr(sorted((overrides or {}).items()))))
    _apply_overrides(ds, overrides or {})
    _link_shared_initiatives(ds)
    _set_dtypes(ds)
    return ds


@dataclass(frozen=True)
class _Job:
    """One file to analyse, and where to cache its rows (None: nowhere)."""

    data: bytes
    name: str
    origin: str
    store: Path | None


def _read(path: Path, *, origin: str, fingerprint: str,
          cache_dir: Path | None) -> tuple[str, bytes, dict[str, list[dict]] | None]:
    """(cache key, bytes, rows from the cache or None) of one file. Raises reader.ReadError, OSError."""
    from lib import reader

    data = path.read_bytes()
    if len(data) > config.MAX_FILE_BYTES:
        raise reader.ReadError(path.name, f"文件过大（{len(data) / 1e6:.1f} MB，上限 {config.MAX_FILE_BYTES / 1e6:.0f} MB）")
    key = _digest(fingerprint, path.name, origin, data)
    return key, data, _cached(cache_dir, key) if cache_dir else None


def _analyse(job: _Job) -> dict[str, list[dict]] | str:
    """The rows of one file, stored in the cache when the job says where, or why the file is skipped."""
    try:
        rows = process_file(job.data, name=job.name, origin=job.origin)
        if job.store:
            _store(job.store, rows)
        return rows
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the others
        return _skip_reason(exc)


def _skip_reason(exc: Exception) -> str:
    from lib import reader

    if isinstance(exc, reader.ReadError):
        return exc.reason
    if isinstance(exc, OSError):
        return f"无法读取文件：{exc.strerror or exc}"
    return f"处理失败：{type(exc).__name__}: {exc}"


def _analyse_all(jobs: list[_Job], *, report: Callable[[int, str], None]) -> Iterator[dict[str, list[dict]] | str]:
    """`_analyse` of each job, in order: by worker processes when there is enough work for them (results
    and cache files are the same either way), else here. `report(n, name)` is called before job n."""
    workers = min(_cpu_count(), len(jobs))
    if workers < 2 or sum(len(job.data) for job in jobs) < PARALLEL_MIN_BYTES or not _can_fork():
        for n, job in enumerate(jobs):
            report(n, job.name)
            yield _analyse(job)
        return
    _load_analysers()  # before forking, so that the workers share what it loads
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
    try:
        futures = [pool.submit(_analyse, job) for job in jobs]
        for n, (job, future) in enumerate(zip(jobs, futures, strict=True)):
            report(n, job.name)
            try:
                yield future.result()
            except Exception:  # noqa: BLE001 - the worker died (killed, out of memory): analyse the file here
                yield _analyse(job)
    finally:
        pool.shutdown(cancel_futures=True)


def _can_fork() -> bool:
    """Whether worker processes can be forked here: not on Windows, nor from a daemon process, nor from a
    process running other threads (the Streamlit server): a fork copies locks another thread may hold."""
    return ("fork" in mp.get_all_start_methods() and not mp.current_process().daemon
            and threading.active_count() == 1)


def _cpu_count() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _load_analysers() -> None:
    """Loads every rule file, lexicon and dictionary the analysis reads (each is loaded once per process,
    on first use)."""
    from lib import entities, initiatives, keywords, metrics, reader, themes, zones

    metrics.load_rules()
    metrics.load_tagger()
    entities.load_rules()
    initiatives.load_initiative_rules()
    themes.load_taxonomy()
    zones.load_gazetteer()
    keywords.extract_terms("")  # the segmenter and the keyword settings
    reader.is_traditional("預")  # OpenCC


def current_key() -> str:
    """The cache key of the app's corpus as it is on disk now: articles, library, corrections, rules, code."""
    from lib import library

    fingerprint = rules_fingerprint()
    file_keys = []
    for p in corpus_paths():
        try:
            file_keys.append(_digest(fingerprint, p.name, _origin(p), p.read_bytes()))
        except OSError:
            file_keys.append(f"unreadable:{p.name}")
    return _digest(*file_keys, repr(sorted(library.overrides().items())))[:24]


def _dataset_path(key: str) -> Path:
    return config.CACHE_DIR / f"dataset-{key}.pkl"


def is_built(key: str) -> bool:
    """Whether the dataset with this key is in the cache (so loading it needs no build)."""
    return _dataset_path(key).exists()


def load_dataset(*, progress: Progress | None = None, key: str | None = None) -> Dataset:
    """The dataset of the app's corpus, from `data/cache/` when nothing changed since it was built.
    `key` is `current_key()`, passed by a caller that has just computed it."""
    from lib import library

    target = _dataset_path(key or current_key())
    cached = _cached_path(target)
    if cached is not None:
        return cached
    ds = build_dataset(corpus_paths(), progress=progress, cache_dir=config.CACHE_DIR, overrides=library.overrides())
    for old in config.CACHE_DIR.glob("dataset-*.pkl"):
        old.unlink(missing_ok=True)
    _store(target, ds)
    return ds


# ---------------------------------------------------------------- helpers


def _origin(path: Path) -> str:
    return "library" if config.LIBRARY_DIR.resolve() in path.resolve().parents else "shipped"


def _apply_overrides(ds: Dataset, overrides: dict[str, dict]) -> None:
    """Hand corrections of title and zone (kept by the library), by library id = the file's stem."""
    if not overrides or ds.articles.empty:
        return
    stems = ds.articles["source_file"].map(lambda s: Path(s).stem)
    for lib_id, fix in overrides.items():
        hit = stems == lib_id
        if not hit.any():
            continue
        if fix.get("title"):
            ds.articles.loc[hit & (ds.articles["part"] == 1), "title"] = fix["title"]
        if fix.get("zone"):
            ds.articles.loc[hit, ["zone", "zone_method"]] = [fix["zone"], "manual"]
            ids = set(ds.articles.loc[hit, "article_id"])
            for t in ("paragraphs", "metrics", "initiatives", "entities"):
                df = ds.table(t)
                df.loc[df["article_id"].isin(ids), "zone"] = fix["zone"]


def initiative_link_key(name: str) -> str:
    """Two zones' initiatives are the same brand when their names match without punctuation
    (“高新事·高兴办” and “高新事、高兴办”)."""
    return re.sub(r"[\W_]+", "", name).lower()


def _link_shared_initiatives(ds: Dataset) -> None:
    df = ds.initiatives
    if df.empty:
        return
    keys = df["name"].map(initiative_link_key)
    zones_by_key = df.groupby(keys)["zone"].agg(lambda z: sorted({x for x in z if x}))
    df["shared_zones"] = [zs if len(zs) > 1 else [] for zs in keys.map(zones_by_key)]


def _set_dtypes(ds: Dataset) -> None:
    for t in ("articles", "paragraphs", "metrics"):
        df = ds.table(t)
        if "year" in df:
            df["year"] = pd.to_numeric(df["year"], errors="coerce").astype("Int64")
    for col in ("value", "value_high", "base_value"):
        ds.metrics[col] = pd.to_numeric(ds.metrics[col], errors="coerce")
    for col in ("expected_count", "found_count"):
        ds.initiatives[col] = pd.to_numeric(ds.initiatives[col], errors="coerce").astype("Int64")


def _cached(cache_dir: Path, key: str):
    return _cached_path(cache_dir / "files" / f"{key}.pkl")


def _cached_path(path: Path):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _store(path: Path, obj) -> None:
    """Writes atomically: a crash or a concurrent build never leaves a half-written cache file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
